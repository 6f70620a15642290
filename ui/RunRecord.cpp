#include "RunRecord.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

namespace cmtl::ui {

const TaskScores *RunRecord::scoresOf(const std::string &task) const
{
    for (const TaskScores &candidate : scores) {
        if (candidate.task == task)
            return &candidate;
    }
    return nullptr;
}

const TaskCharts *RunRecord::chartsOf(const std::string &task) const
{
    for (const TaskCharts &candidate : charts) {
        if (candidate.task == task)
            return &candidate;
    }
    return nullptr;
}

std::vector<TaskCharts> computeTaskCharts(const std::vector<TaskScores> &scores)
{
    std::vector<TaskCharts> charts;
    for (const TaskScores &task : scores) {
        TaskCharts chart;
        chart.task = task.task;
        if (task.type == TaskType::Binary) {
            chart.ks = ksCurve(task.scores, task.labels);
            // Equal-count bins: at a low default rate equal-width ones put nearly every row in one.
            chart.calibration = quantileCalibrationCurve(task.scores, task.labels, 10);
            const ScoreSpan span = scoreSpan(task.scores);
            chart.distribution = scoreDistribution(task.scores, task.labels, 25, span.lower, span.upper);
        } else if (task.type == TaskType::Multiclass) {
            std::vector<float> classScores(task.classLabels.size());
            std::vector<std::uint8_t> isClass(task.classLabels.size());
            for (Eigen::Index k = 0; k < task.probabilities.rows(); ++k) {
                for (std::size_t i = 0; i < classScores.size(); ++i) {
                    classScores[i] = task.probabilities(k, static_cast<Eigen::Index>(i));
                    isClass[i] = task.classLabels[i] == k ? 1 : 0;
                }
                chart.oneVsRest.push_back(rocCurve(classScores, isClass));
            }
        }
        charts.push_back(std::move(chart));
    }
    return charts;
}

QString RunRecord::lambdaSummary() const
{
    QStringList parts;
    for (const TaskSpec &task : roles.tasks)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(task.column)).arg(task.lambda, 0, 'g', 3);
    return parts.join(QStringLiteral(" : "));
}

std::shared_ptr<RunRecord> evaluationRun(const RunRecord &source, const QString &path, EvaluationReport report,
                                         std::vector<TaskScores> scores)
{
    // What the evaluation shares with the source run; not the source's own scores and charts,
    // which would be copied only to be replaced.
    auto run = std::make_shared<RunRecord>();
    run->roles = source.roles;
    run->config = source.config;
    run->result.model = source.result.model;
    run->result.history = source.result.history;
    run->result.warnings = source.result.warnings;
    run->name = QCoreApplication::translate("RunRecord", "%1 on %2").arg(source.name, QFileInfo(path).fileName());
    run->dataSource = path;
    run->finished = QDateTime::currentDateTime();
    run->scoresPart = QString::fromStdString(report.part);
    run->result.reports = {std::move(report)};
    run->charts = computeTaskCharts(scores);
    run->scores = std::move(scores);
    return run;
}

ProjectRun toProjectRun(const RunRecord &run)
{
    ProjectRun stored;
    stored.id = run.id;
    stored.name = run.name.toStdString();
    stored.dataSource = run.dataSource.toStdString();
    stored.finished = run.finished.toString(Qt::ISODateWithMs).toStdString();
    stored.roles = run.roles;
    stored.config = run.config;
    stored.model = {run.result.model, run.result.reports, run.result.history, run.result.warnings};
    stored.split = run.result.split;
    stored.seconds = run.result.seconds;
    stored.scores = run.scores;
    stored.scoresPart = run.scoresPart.toStdString();
    stored.modelPath = run.modelPath.toStdString();
    return stored;
}

std::shared_ptr<RunRecord> runFromProject(const ProjectRun &stored)
{
    auto run = std::make_shared<RunRecord>();
    run->id = stored.id;
    run->name = QString::fromStdString(stored.name);
    run->dataSource = QString::fromStdString(stored.dataSource);
    run->finished = QDateTime::fromString(QString::fromStdString(stored.finished), Qt::ISODateWithMs);
    run->roles = stored.roles;
    run->config = stored.config;
    run->result.model = stored.model.model;
    run->result.reports = stored.model.reports;
    run->result.history = stored.model.history;
    run->result.warnings = stored.model.warnings;
    run->result.split = stored.split;
    run->result.seconds = stored.seconds;
    run->scores = stored.scores;
    run->scoresPart = QString::fromStdString(stored.scoresPart);
    run->charts = computeTaskCharts(run->scores);
    run->modelPath = QString::fromStdString(stored.modelPath);
    return run;
}

} // namespace cmtl::ui
