#pragma once

#include "train/Comparison.h"
#include "workers/ComparisonWorker.h"
#include "workers/DataLoader.h"

#include <QDateTime>
#include <QDialog>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace cmtl::ui {

class WorkerThread;

// "Compare methods": the candidates the user ticks among the logistic baseline, the single-task
// nets and the multi-task architectures, trained on the same stratified folds of the current
// data, with each task's test metrics as mean +- sd and the paired differences to the single-task
// net and to the logistic model when those are among them (the table `creditmtl-cli compare`
// prints). The choice of candidates and the folds are remembered (QSettings "comparison/").
class ComparisonDialog : public QDialog {
    Q_OBJECT
public:
    ComparisonDialog(LoadedTablePtr data, RoleAssignment roles, ExperimentConfig config, QWidget *parent = nullptr);
    ~ComparisonDialog() override;

    QStandardItemModel *results() const { return m_results; }
    // The engine's labels of the ticked candidates ("logistic", "single-task net", "mmoe", ...).
    QStringList chosenCandidates() const;
    void setChosenCandidates(const QStringList &labels);
    bool isRunning() const;
    // Shows a result kept in the project (finished at `finished`). Without data (a dialog opened
    // only to show it) the comparison cannot be run again.
    void showStoredResult(const ComparisonResult &result, const QDateTime &finished);

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void comparisonFinished();
    // A comparison ran to its end: the host keeps its result in the project.
    void resultReady(const cmtl::ComparisonResult &result);

private:
    void showResult(const ComparisonResult &result);
    void saveChoices() const;

    LoadedTablePtr m_data;
    RoleAssignment m_roles;
    ExperimentConfig m_config;
    QSpinBox *m_folds;
    QListWidget *m_candidates;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QStandardItemModel *m_results;
    QTableView *m_view;
    WorkerThread *m_thread;
};

} // namespace cmtl::ui
