#include "models/RunListModel.h"

#include "UndoSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStringList>
#include <QUndoCommand>

namespace cmtl::ui {

namespace {

// Renaming a run, undoably. It holds the run's id, not the run, which a rename replaces.
class RenameRunCommand : public QUndoCommand {
public:
    RenameRunCommand(RunListModel *model, int runId, QString before, QString after)
        : QUndoCommand(RunListModel::tr("Rename run \"%1\" to \"%2\"").arg(before, after)), m_model(model),
          m_runId(runId), m_before(std::move(before)), m_after(std::move(after))
    {}
    void undo() override { m_model->renameRun(m_runId, m_before); }
    void redo() override { m_model->renameRun(m_runId, m_after); }

private:
    RunListModel *m_model;
    int m_runId;
    QString m_before, m_after;
};

} // namespace

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
            parts << tr("%1 AUC %2").arg(name, QLocale().toString(task.binary->auc, 'f', 3));
        else if (task.multiclass)
            parts << tr("%1 accuracy %2").arg(name, QLocale().toString(task.multiclass->accuracy, 'f', 3));
        else if (task.regression)
            parts << tr("%1 RMSE %2").arg(name, QLocale().toString(task.regression->rmse, 'f', 3));
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
    if (role == Qt::EditRole)
        return index.column() == Name ? QVariant(run.name) : QVariant();
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
        return QLocale().toString(run.finished, QLocale::ShortFormat);
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

Qt::ItemFlags RunListModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    return index.isValid() && index.column() == Name ? flags | Qt::ItemIsEditable : flags;
}

bool RunListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != Name || role != Qt::EditRole)
        return false;
    const RunRecord &run = *m_runs[static_cast<std::size_t>(index.row())];
    const QString name = value.toString().simplified();
    // An empty name would leave the run without a label in every list and chart legend.
    if (name.isEmpty() || name == run.name)
        return false;
    pushOrApply(m_undoStack, new RenameRunCommand(this, run.id, run.name, name));
    return true;
}

bool RunListModel::renameRun(int runId, const QString &name)
{
    const int row = rowOf(runId);
    if (row < 0)
        return false;
    RunPtr &slot = m_runs[static_cast<std::size_t>(row)];
    auto renamed = std::make_shared<RunRecord>(*slot);
    renamed->name = name;
    const RunPtr before = std::exchange(slot, std::move(renamed));
    Q_EMIT dataChanged(index(row, Name), index(row, Name));
    Q_EMIT runReplaced(before, slot);
    return true;
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
