#pragma once

#include "RunRecord.h"

#include <QWidget>

class QComboBox;
class QTableView;
class QTableWidget;

namespace cmtl::ui {

class RocChart;
class RunListModel;

// Step 6: every run of the session. Selecting two or more overlays their ROC curves for a
// binary task and puts their test metrics side by side.
class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(RunListModel *runs, QWidget *parent = nullptr);

    std::vector<RunPtr> selectedRuns() const;
    void selectRows(const QList<int> &rows);
    // Opens the name of the first selected run for editing.
    void renameSelectedRun();
    RocChart *rocChart() const { return m_roc; }
    QTableWidget *comparison() const { return m_comparison; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void showRunRequested(const cmtl::ui::RunPtr &run);
    void saveModelRequested(const cmtl::ui::RunPtr &run);

private:
    void selectionChanged();
    void updateRoc();

    RunListModel *m_runs;
    QTableView *m_table;
    QComboBox *m_task;
    RocChart *m_roc;
    QTableWidget *m_comparison;
};

} // namespace cmtl::ui
