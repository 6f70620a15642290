#include "pages/TrainingPage.h"

#include "charts/LossChart.h"
#include "charts/TaskWeightChart.h"
#include "workers/WorkerThread.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace cmtl::ui {

namespace {

QString duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const qint64 s = static_cast<qint64>(std::llround(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainingPage::TrainingPage(QWidget *parent)
    : QWidget(parent), m_clock(new QTimer(this)), m_worker(new WorkerThread(this))
{
    setObjectName(QStringLiteral("trainingPage"));
    m_title = new QLabel(tr("No training yet. Choose tasks and settings, then press Train (F5)."), this);
    m_title->setObjectName(QStringLiteral("trainingTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setAccessibleName(tr("Training progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelTrainingButton"));
    m_cancel->setEnabled(false);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    m_epochLabel = new QLabel(QStringLiteral("–"), this);
    m_epochLabel->setObjectName(QStringLiteral("epochLabel"));
    m_elapsedLabel = new QLabel(QStringLiteral("–"), this);
    m_elapsedLabel->setObjectName(QStringLiteral("elapsedLabel"));
    m_etaLabel = new QLabel(QStringLiteral("–"), this);
    m_etaLabel->setObjectName(QStringLiteral("etaLabel"));
    auto *facts = new QHBoxLayout;
    auto *form1 = new QFormLayout;
    form1->addRow(tr("Epoch:"), m_epochLabel);
    auto *form2 = new QFormLayout;
    form2->addRow(tr("Elapsed:"), m_elapsedLabel);
    auto *form3 = new QFormLayout;
    form3->addRow(tr("Remaining (estimate):"), m_etaLabel);
    facts->addLayout(form1);
    facts->addLayout(form2);
    facts->addLayout(form3);
    facts->addStretch();

    m_chart = new LossChart(this);
    m_weightChart = new TaskWeightChart(this);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("epochLog"));
    m_log->setAccessibleName(tr("Epoch log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_log->setFont(mono);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_chart);
    charts->addWidget(m_weightChart);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    splitter->addWidget(charts);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(progressRow);
    layout->addLayout(facts);
    layout->addWidget(splitter, 1);

    m_clock->setInterval(250);
    connect(m_clock, &QTimer::timeout, this, &TrainingPage::updateClock);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPage::cancel);
    connect(m_worker, &WorkerThread::finished, this, [this] { setRunning(false); });
}

TrainingPage::~TrainingPage()
{
    stop();
}

void TrainingPage::start(TrainingWorker::Params params)
{
    if (isRunning())
        return;
    m_tasks.clear();
    for (const TaskSpec &task : params.roles.tasks)
        m_tasks << QString::fromStdString(task.column);
    m_epochs = params.config.train.epochs;
    m_epochsSeen = 0;
    m_fraction = 0;
    m_title->setText(tr("%1: %2").arg(params.runName, params.roles.tasks.size() == 1
                                                          ? tr("one task")
                                                          : tr("%1 tasks").arg(params.roles.tasks.size())));
    m_chart->reset(m_tasks, m_epochs);
    m_weightChart->reset(m_tasks, m_epochs);
    m_log->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("Preparing…"));
    m_epochLabel->setText(tr("0 of %1").arg(m_epochs));

    auto *worker = new TrainingWorker(std::move(params));
    connect(worker, &TrainingWorker::batchProgress, this, [this](int epoch, int epochs, double fraction) {
        m_fraction = (epoch - 1 + fraction) / std::max(1, epochs);
        m_progress->setValue(static_cast<int>(m_fraction * 1000));
        m_progress->setFormat(tr("Epoch %1 of %2 — %p%").arg(epoch).arg(epochs));
    });
    connect(worker, &TrainingWorker::epochFinished, this, [this](const EpochRecord &record) {
        m_epochsSeen = record.epoch;
        m_fraction = static_cast<double>(record.epoch) / std::max(1, m_epochs);
        m_progress->setValue(static_cast<int>(m_fraction * 1000));
        m_progress->setFormat(tr("Epoch %1 of %2 — %p%").arg(record.epoch).arg(m_epochs));
        m_epochLabel->setText(tr("%1 of %2").arg(record.epoch).arg(m_epochs));
        m_chart->appendEpoch(record);
        m_weightChart->appendEpoch(record);
        QString line = tr("epoch %1  loss %2  validation %3")
                           .arg(record.epoch, 3)
                           .arg(record.trainObjective, 0, 'f', 4)
                           .arg(record.validationObjective, 0, 'f', 4);
        for (int t = 0; t < m_tasks.size() && t < static_cast<int>(record.tasks.size()); ++t)
            line += QStringLiteral("  %1 %2")
                        .arg(m_tasks[t])
                        .arg(record.tasks[static_cast<std::size_t>(t)].validationMetric, 0, 'f', 4);
        line += tr("  (%1 s)").arg(record.seconds, 0, 'f', 2);
        m_log->appendPlainText(line);
        updateClock();
    });
    connect(worker, &Worker::progress, this, [this](double, const QString &text) { m_progress->setFormat(text); });
    connect(worker, &TrainingWorker::succeeded, this, [this](const RunPtr &run) {
        m_progress->setValue(1000);
        m_progress->setFormat(tr("Finished — %1").arg(stopReasonText(run->result.history.stopReason)));
        m_log->appendPlainText(tr("%1; kept the weights of epoch %2.")
                                   .arg(stopReasonText(run->result.history.stopReason))
                                   .arg(run->result.history.bestEpoch));
        Q_EMIT statusMessage(tr("Training finished in %1 s").arg(run->result.seconds, 0, 'f', 1));
        Q_EMIT runFinished(run);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_progress->setFormat(tr("Failed"));
        m_log->appendPlainText(message + QLatin1Char(' ') + details);
        Q_EMIT runFailed(message, details);
    });
    connect(worker, &Worker::cancelled, this, [this] {
        m_progress->setFormat(tr("Cancelled — the previous results are kept"));
        m_log->appendPlainText(tr("Cancelled."));
        Q_EMIT statusMessage(tr("Training cancelled"));
        Q_EMIT runCancelled();
    });
    m_elapsed.start();
    m_worker->start(worker);
    setRunning(true);
}

bool TrainingPage::isRunning() const
{
    return m_worker->isRunning();
}

void TrainingPage::cancel()
{
    m_worker->cancel();
    m_cancel->setEnabled(false);
    m_progress->setFormat(tr("Cancelling…"));
}

void TrainingPage::stop()
{
    m_worker->stop();
    m_clock->stop();
}

void TrainingPage::setRunning(bool running)
{
    m_cancel->setEnabled(running);
    if (running)
        m_clock->start();
    else
        m_clock->stop();
    updateClock();
    Q_EMIT runningChanged(running);
}

void TrainingPage::updateClock()
{
    if (!m_elapsed.isValid())
        return;
    const double seconds = m_elapsed.elapsed() / 1000.0;
    m_elapsedLabel->setText(duration(seconds));
    if (!m_clock->isActive())
        m_etaLabel->setText(QStringLiteral("–"));
    else if (m_fraction > 0.01)
        m_etaLabel->setText(duration(seconds / m_fraction * (1.0 - m_fraction)));
    else
        m_etaLabel->setText(tr("estimating…"));
}

} // namespace cmtl::ui
