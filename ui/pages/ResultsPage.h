#pragma once

#include "RunRecord.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QTabWidget;

namespace cmtl::ui {

class BinaryTaskPanel;
class LossChart;
class MetricsTableModel;
class MulticlassTaskPanel;
class RegressionTaskPanel;

// Step 5: the results of one run: every metric of every task for train, validation and test,
// and for the chosen task its charts (binary, multi-class or regression panel) and the loss
// history of the run.
class ResultsPage : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);

    void setRun(const RunPtr &run);
    const RunPtr &run() const { return m_run; }
    void showTask(const QString &task);

    MetricsTableModel *metricsModel() const { return m_metrics; }
    BinaryTaskPanel *binaryPanel() const { return m_binary; }
    MulticlassTaskPanel *multiclassPanel() const { return m_multiclass; }
    RegressionTaskPanel *regressionPanel() const { return m_regression; }
    QTabWidget *tabs() const { return m_tabs; }
    LossChart *historyChart() const { return m_history; }

private:
    void taskChosen();

    RunPtr m_run;
    QLabel *m_title;
    QComboBox *m_task;
    QTableView *m_table;
    MetricsTableModel *m_metrics;
    QTabWidget *m_tabs;
    QStackedWidget *m_panels;
    QLabel *m_empty;
    BinaryTaskPanel *m_binary;
    MulticlassTaskPanel *m_multiclass;
    RegressionTaskPanel *m_regression;
    LossChart *m_history;
    QLabel *m_outcome; // how training ended and which epoch's weights were kept
};

} // namespace cmtl::ui
