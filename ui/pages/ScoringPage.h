#pragma once

#include "RunRecord.h"
#include "workers/ScoringWorker.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace cmtl::ui {

class PredictionsTableModel;
class WorkerThread;

// Step 7: score a new CSV file with the current run's model (or an opened model file): the
// schema is checked first, the predictions are shown in a table and can be saved as CSV.
class ScoringPage : public QWidget {
    Q_OBJECT
public:
    explicit ScoringPage(QWidget *parent = nullptr);
    ~ScoringPage() override;

    void setRun(const RunPtr &run);
    // How files to score are read: the Data page's import options (missing-value tokens,
    // encoding, delimiter, header); CsvOptions' defaults until data is loaded.
    void setImportOptions(const CsvOptions &options);
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

Q_SIGNALS:
    void scored(const QString &path, qulonglong rows);
    void predictionsSaved(const QString &path);
    // The scored file held every task's column, so the model was also evaluated on it
    // (scored->evaluation, a run waiting for its id).
    void evaluated(const cmtl::ui::ScoredTablePtr &scored);
    void scoringFailed(const QString &message, const QString &details);
    void statusMessage(const QString &text);

private:
    // Runs `worker` on the page's thread, its progress on the bar, the buttons off until it ends.
    void startWorker(Worker *worker);

    RunPtr m_run;
    CsvOptions m_importOptions;
    QLabel *m_modelInfo;
    QLabel *m_problem;
    QLabel *m_notes;
    QPushButton *m_score;
    QPushButton *m_save;
    QProgressBar *m_progress;
    QTableView *m_table;
    PredictionsTableModel *m_model;
    WorkerThread *m_worker;
};

} // namespace cmtl::ui
