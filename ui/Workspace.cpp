#include "Workspace.h"

#include "models/RunListModel.h"

namespace cmtl::ui {

Workspace::Workspace(QObject *parent) : QObject(parent), m_runs(new RunListModel(this))
{
    // A renamed run is a new record in the old one's place.
    connect(m_runs, &RunListModel::runReplaced, this, [this](const RunPtr &before, const RunPtr &after) {
        if (m_currentRun == before)
            setCurrentRun(after);
        setModified(true);
    });
}

void Workspace::setData(LoadedTablePtr data)
{
    m_data = std::move(data);
    Q_EMIT dataChanged(m_data);
}

void Workspace::addRun(RunPtr run)
{
    m_runs->addRun(run);
    Q_EMIT runAdded(run);
    setCurrentRun(std::move(run));
    setModified(true);
}

void Workspace::setCurrentRun(RunPtr run)
{
    if (run == m_currentRun)
        return;
    m_currentRun = std::move(run);
    Q_EMIT currentRunChanged(m_currentRun);
}

int Workspace::nextRunId() const
{
    return m_runs->nextId();
}

void Workspace::addComparison(ComparisonRecord comparison)
{
    m_comparisons.push_back(std::move(comparison));
    Q_EMIT comparisonAdded(m_comparisons.back());
    setModified(true);
}

void Workspace::clearWork()
{
    setCurrentRun({});
    m_runs->clear();
    m_comparisons.clear();
    m_thresholds.clear();
}

const std::map<std::string, double> &Workspace::thresholdsOf(int runId) const
{
    static const std::map<std::string, double> none;
    const auto found = m_thresholds.find(runId);
    return found == m_thresholds.end() ? none : found->second;
}

void Workspace::setThreshold(int runId, const std::string &task, double threshold)
{
    auto &chosen = m_thresholds[runId];
    const auto found = chosen.find(task);
    if (found != chosen.end() && found->second == threshold)
        return;
    chosen[task] = threshold;
    setModified(true);
}

void Workspace::setProjectPath(const QString &path)
{
    if (path == m_projectPath)
        return;
    m_projectPath = path;
    Q_EMIT projectPathChanged(m_projectPath);
}

bool Workspace::isModified() const
{
    return m_workChanged || (m_undoStack && !m_undoStack->isClean());
}

void Workspace::setUndoStack(QUndoStack *stack)
{
    if (m_undoStack)
        disconnect(m_undoStack, nullptr, this, nullptr);
    m_undoStack = stack;
    if (m_undoStack)
        connect(m_undoStack, &QUndoStack::cleanChanged, this, &Workspace::reportModified);
    reportModified();
}

void Workspace::setModified(bool modified)
{
    m_workChanged = modified;
    if (!modified && m_undoStack)
        m_undoStack->setClean();
    reportModified();
}

void Workspace::reportModified()
{
    if (isModified() == m_reportedModified)
        return;
    m_reportedModified = isModified();
    Q_EMIT modifiedChanged(m_reportedModified);
}

} // namespace cmtl::ui
