#pragma once

#include "binning/BinningEdit.h"
#include "project/ProjectFile.h"
#include "workers/BinningWorker.h"

#include <QWidget>

#include <map>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QUndoStack;

namespace cmtl::ui {

class BinningChart;
class BinsTableModel;
class ScorecardDialog;
class ScreeningTableModel;
class WorkerThread;

// The Binning page: screens the loaded data's features against a binary task (on a worker
// thread), shows the selected feature's bins as a table and a chart, and lets the user group them
// by hand (interactive grouping): merge adjacent bins, split a range bin at a typed boundary,
// reset to the optimal binning. Each edit is one undo step; the edited binnings are part of the
// project. The page computes nothing itself: the statistics come from core/binning.
class BinningPage : public QWidget {
    Q_OBJECT
public:
    explicit BinningPage(QWidget *parent = nullptr);
    ~BinningPage() override;

    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    // A new data set: the screening of the previous one no longer applies (the hand-edited bins,
    // the user's work, stay until they reset them).
    void setData(const LoadedTablePtr &data);
    // The binary tasks the Roles page defines; the others are left out.
    void setTasks(const std::vector<TaskSpec> &tasks);

    // Starts screening the data against the chosen task; false (with the reason shown) when there
    // is no data or task, or a screening runs.
    bool screen();
    void cancel();
    bool isRunning() const;
    void stop();

    // Shows the bins of `feature` (a row of the screening table); false when it has none.
    bool selectFeature(const QString &feature);
    // Selects the bins first..last of the shown feature in the bins table.
    void selectBins(int first, int last);
    // The edits, each one undo step. false (with the reason shown in the page's message) when
    // the selection or the boundary does not allow it.
    bool mergeSelectedBins();
    bool splitSelectedBin(const QString &boundary);
    bool resetFeature();

    // Opens the scorecard of the chosen task (its edited bins where there are some) and starts
    // fitting it; null (with the reason shown) without data or a binary task.
    ScorecardDialog *openScorecard();

    // The binning in use for `feature` (the user's when edited), or null without a screening.
    const FeatureBinning *binningOf(const std::string &feature) const;
    const FeatureBinning *shownBinning() const;
    QString shownFeature() const { return QString::fromStdString(m_shown); }
    // The trend of the shown bins in words ("ascending: ...").
    QString trendText() const;
    // What the page says about the last refused edit or failed screening ("" when nothing).
    QString message() const;
    const BinningScreeningPtr &screening() const { return m_screening; }

    // The project's part: the task and the edited binnings; restoring it is not an undo step.
    ProjectBinning projectBinning() const;
    void setProjectBinning(const ProjectBinning &binning);
    // The bins grouped by hand for `task`'s features (none when the edits are another task's), as
    // the scorecard and reject inference dialogs fit with them.
    std::vector<FeatureBinning> editedBinsFor(const TaskSpec &task) const;

    ScreeningTableModel *screeningModel() const { return m_screeningModel; }
    BinsTableModel *binsModel() const { return m_binsModel; }
    BinningChart *chart() const { return m_chart; }

    // Applies a binning to `feature` (nullopt: back to the optimal one) and shows it; used by
    // the undo commands, so it pushes none itself.
    void applyEdit(const std::string &feature, const std::optional<FeatureBinning> &binning);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void runningChanged(bool running);
    // The edited bins or the task they belong to changed (projectBinning() tells them).
    void editedBinsChanged();

private:
    void showFeature(const std::string &feature);
    void showMessage(const QString &text);
    void updateControls();
    std::vector<int> selectedBinRows() const;
    const FeatureValueCounts *valueCountsOf(const std::string &feature) const;
    // Pushes one undo step that gives `feature` the binning `after`.
    void pushEdit(const std::string &feature, std::optional<FeatureBinning> after, const QString &text);
    std::optional<TaskSpec> chosenTask() const;

    LoadedTablePtr m_data;
    std::vector<TaskSpec> m_tasks;
    BinningScreeningPtr m_screening;
    // The task the edits belong to, and the edits by feature.
    std::string m_editTask, m_editPositive;
    std::map<std::string, FeatureBinning> m_edited;
    std::string m_shown;
    QUndoStack *m_undoStack = nullptr;

    QComboBox *m_taskCombo;
    QPushButton *m_screenButton;
    QPushButton *m_cancelButton;
    QPushButton *m_scorecardButton;
    QProgressBar *m_progress;
    QLabel *m_message;
    QTableView *m_screeningView;
    ScreeningTableModel *m_screeningModel;
    QLabel *m_featureSummary;
    QTableView *m_binsView;
    BinsTableModel *m_binsModel;
    QPushButton *m_mergeButton;
    QLineEdit *m_boundaryEdit;
    QPushButton *m_splitButton;
    QPushButton *m_resetButton;
    BinningChart *m_chart;
    WorkerThread *m_worker;
};

} // namespace cmtl::ui
