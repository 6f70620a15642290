#include "models/RunListModel.h"

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

} // namespace cmtl::ui
