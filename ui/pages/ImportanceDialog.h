#pragma once

#include "RunRecord.h"
#include "workers/ImportanceWorker.h"

#include <QDialog>
#include <QString>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cmtl::ui {

class WorkerThread;

// Permutation importance of the current model's input columns, per task: how much the task's AUC
// (binary), accuracy (multiclass) or RMSE (regression) worsens when a column's values are shuffled,
// with the mean and spread over the repeats, equal to `creditmtl-cli importance` with the same
// data, repeats and seed. Computed on a worker thread with progress and Cancel.
class ImportanceDialog : public QDialog {
    Q_OBJECT
public:
    // A labelled table the importance can be measured on, and how the dialog names it.
    struct DataSource {
        QString name;
        std::shared_ptr<const Table> table;
    };
    ImportanceDialog(RunPtr run, std::vector<DataSource> sources, QWidget *parent = nullptr);
    ~ImportanceDialog() override;

    bool isRunning() const;
    ImportanceResult result() const { return m_result; }
    void setRepeats(int repeats);
    void setSeed(int seed);

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void importanceFinished();

private:
    void showTask(int index);

    RunPtr m_run;
    std::vector<DataSource> m_sources;
    ImportanceResult m_result;

    QLabel *m_modelInfo;
    QComboBox *m_data;
    QSpinBox *m_repeats;
    QSpinBox *m_seed;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QComboBox *m_task;
    QLabel *m_baseline;
    QTableWidget *m_table;
    WorkerThread *m_thread;
};

} // namespace cmtl::ui
