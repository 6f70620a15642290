#pragma once

#include "RunRecord.h"
#include "workers/DataLoader.h"

#include <QObject>

namespace cmtl::ui {

class RunListModel;

// The state the pages share: the loaded data set, every run of the session and the run being
// looked at. Pages observe it through its signals; only the host wires them together.
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);

    const LoadedTablePtr &data() const { return m_data; }
    RunListModel *runs() const { return m_runs; }
    const RunPtr &currentRun() const { return m_currentRun; }

    void setData(LoadedTablePtr data);
    // Adds a finished run (or an opened model) and makes it current.
    void addRun(RunPtr run);
    void setCurrentRun(RunPtr run);
    int nextRunId() const;

Q_SIGNALS:
    void dataChanged(const cmtl::ui::LoadedTablePtr &data);
    void runAdded(const cmtl::ui::RunPtr &run);
    void currentRunChanged(const cmtl::ui::RunPtr &run);

private:
    LoadedTablePtr m_data;
    RunListModel *m_runs;
    RunPtr m_currentRun;
};

} // namespace cmtl::ui
