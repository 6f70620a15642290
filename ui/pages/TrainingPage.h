#pragma once

#include "RunRecord.h"
#include "workers/TrainingWorker.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cmtl::ui {

class LossChart;
class TaskWeightChart;
class WorkerThread;

// Step 4: the run in progress on a worker thread: a progress bar with epoch, elapsed time and
// ETA, the live loss curves of every task, the epoch log (a table whose headers name every value)
// and Cancel; at the end, how training stopped and which epoch's weights were kept, marked on the
// loss chart and in the log.
class TrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget *parent = nullptr);
    ~TrainingPage() override;

    void start(TrainingWorker::Params params);
    bool isRunning() const;
    // Cancels and waits for the worker (closing the window).
    void stop();
    LossChart *lossChart() const { return m_chart; }
    TaskWeightChart *weightChart() const { return m_weightChart; }
    QTableWidget *epochLog() const { return m_log; }
    // "Stopped early at epoch 12 of 30; the weights of epoch 7 were kept.", or why it failed.
    QString outcome() const;
    // The epoch log's column headers for these tasks: epoch, the two objectives, each task's
    // validation metric by name, seconds.
    static QStringList epochLogHeaders(const std::vector<TaskSpec> &tasks);
    int epochsSeen() const { return m_epochsSeen; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void runningChanged(bool running);
    void runFinished(const cmtl::ui::RunPtr &run);
    void runFailed(const QString &message, const QString &details);
    void runCancelled();
    void statusMessage(const QString &text);

private:
    void updateClock();
    void setRunning(bool running);
    void appendToLog(const EpochRecord &record);
    void markBestEpoch(int epoch);

    QLabel *m_title;
    QProgressBar *m_progress;
    QLabel *m_epochLabel;
    QLabel *m_elapsedLabel;
    QLabel *m_etaLabel;
    QPushButton *m_cancel;
    LossChart *m_chart;
    TaskWeightChart *m_weightChart;
    QTableWidget *m_log;
    QLabel *m_outcome;
    QTimer *m_clock;
    QElapsedTimer m_elapsed;
    WorkerThread *m_worker;
    QStringList m_tasks;
    int m_epochs = 0;
    int m_epochsSeen = 0;
    double m_fraction = 0;
};

} // namespace cmtl::ui
