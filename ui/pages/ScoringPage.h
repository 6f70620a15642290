#pragma once

#include "RunRecord.h"
#include "workers/DataLoader.h"
#include "workers/ScoringWorker.h"
#include "workers/StabilityWorker.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace cmtl::ui {

class PredictionsTableModel;
class WorkerThread;

// Step 7: score a new CSV file with the current run's model (or an opened model file): the
// schema is checked first, the predictions are shown in a table and can be saved as CSV. For the
// binary tasks the table can also carry points and reason codes (as predict --points --reasons K
// writes them); and the scored file's stability against the loaded data set (PSI of each score,
// CSI of each input column, as creditmtl-cli psi) is one click away.
class ScoringPage : public QWidget {
    Q_OBJECT
public:
    explicit ScoringPage(QWidget *parent = nullptr);
    ~ScoringPage() override;

    void setRun(const RunPtr &run);
    // How files to score are read: the Data page's import options (missing-value tokens,
    // encoding, delimiter, header); CsvOptions' defaults until data is loaded.
    void setImportOptions(const CsvOptions &options);
    // The data the scored files are compared with for stability: the data set loaded in the
    // workbench (normally the model's training file); null when none is loaded.
    void setBaseData(const LoadedTablePtr &base);
    // Points and reason codes of the binary tasks in the next scoring (0 reasons: none).
    void setExtras(bool points, int reasons);
    // Computes the stability of the last scored file against the base data on a worker thread;
    // false when there is nothing to compare or the page is busy. stabilityComputed follows.
    bool computeStability();
    StabilityResultPtr stability() const { return m_stability; }
    // Scores `path` on a worker thread.
    void scoreFile(const QString &path);
    // Writes the predictions shown to `path` on a worker thread; false when there are none or the
    // page is busy. predictionsSaved (or an error dialog) follows.
    bool savePredictions(const QString &path);
    bool isRunning() const;
    void stop();
    PredictionsTableModel *predictions() const { return m_model; }
    QString schemaProblem() const;
    // The notes on the last scored file (clipped inputs, labels left out), or "" when none.
    QString scoringNotes() const;

public Q_SLOTS:
    void chooseAndScore();
    void chooseAndSave();
    // Cancels the scoring, saving or comparison under way.
    void cancel();

Q_SIGNALS:
    void scored(const QString &path, qulonglong rows);
    void predictionsSaved(const QString &path);
    // The scored file held every task's column, so the model was also evaluated on it
    // (scored->evaluation, a run waiting for its id).
    void evaluated(const cmtl::ui::ScoredTablePtr &scored);
    void scoringFailed(const QString &message, const QString &details);
    void stabilityComputed(const cmtl::ui::StabilityResultPtr &result);
    void statusMessage(const QString &text);

private:
    // Runs `worker` on the page's thread, its progress on the bar, the buttons off until it ends.
    void startWorker(Worker *worker);
    void showStability(const StabilityResultPtr &result);
    // The buttons and options each enabled for what the page holds now.
    void updateControls();

    RunPtr m_run;
    LoadedTablePtr m_base;
    StabilityResultPtr m_stability;
    CsvOptions m_importOptions;
    QLabel *m_modelInfo;
    QLabel *m_problem;
    QLabel *m_notes;
    QPushButton *m_score;
    QPushButton *m_save;
    QPushButton *m_compare;
    QPushButton *m_cancel;
    QCheckBox *m_points;
    QCheckBox *m_reasons;
    QSpinBox *m_reasonCount;
    QTabWidget *m_tabs;
    QLabel *m_stabilityInfo;
    QTableWidget *m_stabilityTable;
    QProgressBar *m_progress;
    QTableView *m_table;
    PredictionsTableModel *m_model;
    WorkerThread *m_worker;
};

} // namespace cmtl::ui
