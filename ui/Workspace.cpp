#include "Workspace.h"

#include "models/RunListModel.h"

namespace cmtl::ui {

Workspace::Workspace(QObject *parent) : QObject(parent), m_runs(new RunListModel(this)) {}

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

} // namespace cmtl::ui
