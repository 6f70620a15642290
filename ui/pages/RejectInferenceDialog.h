#pragma once

#include "UnsavedResult.h"
#include "pages/ScoreScalingFields.h"
#include "workers/RejectInferenceWorker.h"

#include <QDialog>

#include <functional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace cmtl::ui {

class WorkerThread;

// Reject inference for a binary task of the project (core/rejectinference, as
// `creditmtl-cli reject-inference` runs it): the loaded data are the accepted applicants, the user
// chooses the file of declined applicants, the method (fuzzy augmentation or parcelling, with its
// factor), the reject weight, the held-out share, the seed and the Scorecard dialog's scaling. Run
// computes on a worker thread with progress and Cancel; the results are the method's assumptions in
// words, the declined applicants' inferred bad rate, the comparison of the accepts-only card with
// the card with reject inference (held-out AUC with the paired bootstrap interval of the
// difference, mean P(bad) of the held-out accepts and of the declined), the parcelling bands, and
// the limit of the comparison. The card with reject inference saves as the Scorecard dialog saves.
class RejectInferenceDialog : public QDialog {
    Q_OBJECT
public:
    // `tasks`: the project's binary tasks; `editedBins`: the bins grouped by hand on the Binning
    // page for a task (none for optimal bins only), as the Scorecard dialog uses them.
    RejectInferenceDialog(LoadedTablePtr accepts, std::vector<TaskSpec> tasks,
                          std::function<std::vector<FeatureBinning>(const TaskSpec &)> editedBins,
                          QWidget *parent = nullptr);
    ~RejectInferenceDialog() override;

    void setRejectsPath(const QString &path);
    void setMethod(RejectMethod method);
    void setParcelFactor(double factor);

    // Starts a run with the options shown; false (with the reason shown) when one runs already or
    // something is missing.
    bool run();
    void cancel();
    bool isRunning() const;
    const RejectInferenceRunPtr &result() const { return m_result; }
    // What the dialog says about a failure ("" when nothing).
    QString message() const;
    QStandardItemModel *comparisonModel() const { return m_comparison; }
    QStandardItemModel *bandsModel() const { return m_bands; }
    bool saveCsv(const QString &path);
    bool saveJson(const QString &path);

    // Asks first when the card with reject inference has not been saved.
    void reject() override;

Q_SIGNALS:
    // After every run, whatever its outcome.
    void runFinished();

private:
    void showResult();
    void showMessage(const QString &text);
    bool save(const QString &path, bool json);
    void updateControls();
    std::optional<TaskSpec> chosenTask() const;

    LoadedTablePtr m_accepts;
    std::vector<TaskSpec> m_tasks;
    std::function<std::vector<FeatureBinning>(const TaskSpec &)> m_editedBins;
    RejectInferenceRunPtr m_result;
    UnsavedResult m_unsaved;
    std::optional<TaskSpec> m_resultTask;
    QComboBox *m_task;
    QLineEdit *m_rejectsPath;
    QPushButton *m_browseButton;
    QComboBox *m_method;
    QDoubleSpinBox *m_parcelFactor;
    QSpinBox *m_parcelBands;
    QDoubleSpinBox *m_rejectWeight;
    QDoubleSpinBox *m_holdout;
    QSpinBox *m_seed;
    ScoreScalingFields m_scaling;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_message;
    QLabel *m_assumptions;
    QLabel *m_summary;
    QTableView *m_comparisonTable;
    QStandardItemModel *m_comparison;
    QLabel *m_bandsTitle;
    QTableView *m_bandsTable;
    QStandardItemModel *m_bands;
    QLabel *m_limitation;
    QLabel *m_warnings;
    QWidget *m_warningsArea;
    QPushButton *m_saveCsvButton;
    QPushButton *m_saveJsonButton;
    WorkerThread *m_worker;
};

} // namespace cmtl::ui
