#pragma once

#include "UnsavedResult.h"
#include "tune/Tuner.h"
#include "workers/DataLoader.h"

#include <QDialog>
#include <QPointer>

#include <map>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QUndoStack;

namespace cmtl::ui {

class SettingsPage;
class WorkerThread;

// "Tune settings": searches the Settings page's settings (core/tune: random search with
// successive halving, each candidate scored by repeated K-fold cross-validation on the training
// rows only) within a time budget, shows every trial as it is scored, and applies the best
// configuration to the Settings page as one undoable step.
class TuneDialog : public QDialog {
    Q_OBJECT
public:
    // `config` and the lambdas of `roles` are the Settings page's (the search's first candidate);
    // `separateTestFile` says the test rows are in another file, so every row may be tuned on.
    TuneDialog(LoadedTablePtr data, RoleAssignment roles, ExperimentConfig config, bool separateTestFile,
               SettingsPage *settings, QUndoStack *undoStack, QWidget *parent = nullptr);
    ~TuneDialog() override;

    bool isRunning() const;
    QStandardItemModel *trials() const { return m_trials; }
    const TuneResult &result() const { return m_result; }

public Q_SLOTS:
    void start();
    void cancel();
    // Puts the best trial's settings and lambdas on the Settings page (one undo step).
    void useBest();

    // Asks first when a search found a best configuration that has not been used.
    void reject() override;

Q_SIGNALS:
    void tuningFinished();

private:
    void showTrial(const Trial &trial);
    void showResult(const TuneResult &result);

    LoadedTablePtr m_data;
    RoleAssignment m_roles;
    ExperimentConfig m_config;
    bool m_separateTestFile;
    QPointer<SettingsPage> m_settings;
    QPointer<QUndoStack> m_undoStack;
    TuneResult m_result;
    UnsavedResult m_unused;
    std::map<int, int> m_rowOfTrial; // trial number -> table row

    QSpinBox *m_budget;
    QComboBox *m_metric;
    QSpinBox *m_folds;
    QSpinBox *m_repeats;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    QPushButton *m_useBestButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_best;
    QStandardItemModel *m_trials;
    QTableView *m_view;
    WorkerThread *m_thread;
};

} // namespace cmtl::ui
