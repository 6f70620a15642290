#include "workers/ScoringWorker.h"

#include "common/Error.h"
#include "csv/CsvReader.h"
#include "metrics/TaskScores.h"
#include "train/Experiment.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace cmtl::ui {

void ScoringWorker::work()
{
    if (!m_params.source)
        throw ConfigError("no model to score with");
    const std::shared_ptr<const MultiTaskModel> model(m_params.source, &m_params.source->result.model);
    const QString name = QFileInfo(m_params.path).fileName();
    // Check the schema on the first lines before reading the whole file: a missing column is
    // explained by name rather than by the reader's refusal.
    QFile file(m_params.path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataError({m_params.path.toStdString(), 0, {}},
                        "cannot open the file: " + file.errorString().toStdString());
    QByteArray head = file.read(64 * 1024);
    if (!file.atEnd() && head.lastIndexOf('\n') > 0)
        head.truncate(head.lastIndexOf('\n') + 1);
    file.close();
    CsvOptions headOptions = m_params.options;
    headOptions.threads = 1;
    const Table columns = readCsv(std::span<const char>(head.constData(), static_cast<std::size_t>(head.size())),
                                  name.toStdString(), headOptions)
                              .table;
    QStringList missing;
    for (const std::string &column : model->requiredColumns()) {
        if (columns.indexOf(column) < 0)
            missing << QString::fromStdString(column);
    }
    if (!missing.isEmpty()) {
        Q_EMIT schemaMismatch(missing, m_params.path);
        return;
    }
    CsvOptions options = m_params.options;
    options.categoricalColumns = model->categoricalColumns();
    CsvReadResult read = readCsvFile(m_params.path.toStdString(), options, token(), [&](double fraction) {
        Q_EMIT progress(0.8 * fraction, tr("Reading %1").arg(name));
    });
    Q_EMIT progress(0.8, tr("Scoring %1 rows").arg(read.table.rowCount()));
    auto scored = std::make_shared<ScoredTable>();
    scored->path = m_params.path;
    scored->model = model;
    TransformNotes transformNotes;
    scored->predictions = model->predict(read.table, m_params.options.threads, &transformNotes);
    for (const std::string &note : transformNotes.messages())
        scored->notes << QString::fromStdString(note);
    scored->table = std::move(read.table);
    const auto hasTaskColumns = [&] {
        for (const TargetEncoding &task : model->tasks()) {
            if (scored->table.indexOf(task.spec.column) < 0)
                return false;
        }
        return true;
    };
    if (hasTaskColumns()) {
        Q_EMIT progress(0.9, tr("Evaluating the model on %1").arg(name));
        try {
            // The rows paired with their labels once: the report's metrics and the charts both
            // come from them.
            std::vector<TaskScores> scores = pairWithLabels(*model, scored->predictions, scored->table);
            EvaluationReport report{"test", scored->table.source(), {}, {}};
            for (const TaskScores &task : scores)
                report.tasks.push_back(evaluateScores(task));
            noteUnseenLabels(report);
            for (const std::string &note : report.notes)
                scored->notes << QString::fromStdString(note);
            scored->evaluation = evaluationRun(*m_params.source, m_params.path, std::move(report), std::move(scores));
        } catch (const std::exception &error) {
            // The predictions stand; only the evaluation is not possible.
            scored->evaluation.reset();
            scored->evaluationProblem = QString::fromStdString(error.what());
        }
    }
    Q_EMIT progress(1.0, tr("Scored %1").arg(name));
    Q_EMIT succeeded(scored);
}

} // namespace cmtl::ui
