#include "models/RunListModel.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace cmtl::ui {

void RunListModel::addRun(RunPtr run)
{
    const int row = static_cast<int>(m_runs.size());
    beginInsertRows({}, row, row);
    m_nextId = std::max(m_nextId, run->id + 1);
    m_runs.push_back(std::move(run));
    endInsertRows();
}

RunPtr RunListModel::runAt(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_runs.size())
        return {};
    return m_runs[static_cast<std::size_t>(row)];
}

int RunListModel::rowOf(int runId) const
{
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i]->id == runId)
            return static_cast<int>(i);
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QString RunListModel::headline(const RunRecord &run)
{
    const EvaluationReport *report = run.result.report("test");
    if (!report)
        report = run.result.report("validation");
    if (!report)
        return {};
    QStringList parts;
    for (const TaskEvaluation &task : report->tasks) {
        const QString name = QString::fromStdString(task.task);
        if (task.binary)
            parts << QStringLiteral("%1 AUC %2").arg(name).arg(task.binary->auc, 0, 'f', 3);
        else if (task.multiclass)
            parts << QStringLiteral("%1 acc %2").arg(name).arg(task.multiclass->accuracy, 0, 'f', 3);
        else if (task.regression)
            parts << QStringLiteral("%1 RMSE %2").arg(name).arg(task.regression->rmse, 0, 'f', 3);
    }
    return parts.join(QStringLiteral(" · "));
}

namespace {

QString architectureName(cmtl::Architecture architecture)
{
    switch (architecture) {
    case cmtl::Architecture::SharedBottom:
        return RunListModel::tr("shared bottom");
    case cmtl::Architecture::MMoE:
        return QStringLiteral("MMoE");
    case cmtl::Architecture::PLE:
        return QStringLiteral("PLE");
    case cmtl::Architecture::Attention:
        return RunListModel::tr("attention");
    }
    return {};
}

QString weightingName(WeightingMethod method)
{
    switch (method) {
    case WeightingMethod::Fixed:
        return RunListModel::tr("fixed");
    case WeightingMethod::Uncertainty:
        return RunListModel::tr("uncertainty");
    case WeightingMethod::GradNorm:
        return QStringLiteral("GradNorm");
    case WeightingMethod::DWA:
        return QStringLiteral("DWA");
    case WeightingMethod::PCGrad:
        return QStringLiteral("PCGrad");
    }
    return {};
}

} // namespace

QString RunListModel::networkSummary(const RunRecord &run)
{
    QStringList sizes;
    for (const int size : run.config.train.hiddenLayers)
        sizes << QString::number(size);
    QString text = sizes.join(QLatin1Char('-'));
    if (run.config.train.headHidden > 0)
        text += tr(", head %1").arg(run.config.train.headHidden);
    return text;
}

QString RunListModel::evaluatedPart(const RunRecord &run)
{
    if (!run.evaluatedFile.isEmpty())
        return tr("all rows of %1").arg(QFileInfo(run.evaluatedFile).fileName());
    if (run.scoresPart == QLatin1String("test"))
        return tr("test part");
    if (run.scoresPart == QLatin1String("validation"))
        return tr("validation part");
    if (run.scoresPart.isEmpty())
        return tr("none (model file)");
    return run.scoresPart;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const RunRecord &run = *m_runs[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole)
        return run.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return run.name;
    case Architecture:
        return architectureName(run.config.train.architecture);
    case Weighting:
        return weightingName(run.config.train.weighting.method);
    case Network:
        return networkSummary(run);
    case DataFile:
        return role == Qt::ToolTipRole ? QDir::toNativeSeparators(run.dataSource)
                                       : QFileInfo(run.dataSource).fileName();
    case EvaluatedPart:
        return evaluatedPart(run);
    case Lambdas:
        return run.lambdaSummary();
    case Epochs:
        return tr("%1 (best %2)").arg(run.result.history.epochs.size()).arg(run.result.history.bestEpoch);
    case Headline:
        return headline(run);
    case Finished:
        return run.finished.toString(QStringLiteral("HH:mm:ss"));
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Run");
    case Architecture:
        return tr("Architecture");
    case Weighting:
        return tr("Weighting");
    case Network:
        return tr("Network");
    case DataFile:
        return tr("Data file");
    case EvaluatedPart:
        return tr("Charts on");
    case Lambdas:
        return tr("Tasks and lambdas");
    case Epochs:
        return tr("Epochs");
    case Headline:
        return tr("Test metrics");
    case Finished:
        return tr("Finished");
    default:
        return {};
    }
}

void RunListModel::clear()
{
    beginResetModel();
    m_runs.clear();
    m_nextId = 1;
    endResetModel();
}

QString runWithMethod(const QString &name, const ExperimentConfig &config)
{
    return QStringLiteral("%1 (%2, %3)")
        .arg(name, architectureName(config.train.architecture), weightingName(config.train.weighting.method));
}

} // namespace cmtl::ui
