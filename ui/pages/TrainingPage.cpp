#include "pages/TrainingPage.h"

#include "charts/LossChart.h"
#include "charts/TaskWeightChart.h"
#include "models/RunListModel.h"
#include "models/TableExport.h"
#include "workers/WorkerThread.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
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

// A measured value as the log shows it; "—" for one not measured (no validation part).
QString logNumber(double value, int decimals)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', decimals) : QStringLiteral("—");
}

// The epoch log's column of each value.
enum LogColumn { EpochColumn, TrainObjectiveColumn, ValidationObjectiveColumn, FirstTaskColumn };

} // namespace

QStringList TrainingPage::epochLogHeaders(const std::vector<TaskSpec> &tasks)
{
    QStringList headers = {tr("Epoch"), tr("Train objective"), tr("Validation objective")};
    for (const TaskSpec &task : tasks) {
        const QString column = QString::fromStdString(task.column);
        switch (task.type) {
        case TaskType::Binary:
            headers << tr("%1 validation AUC").arg(column);
            break;
        case TaskType::Multiclass:
            headers << tr("%1 validation accuracy").arg(column);
            break;
        case TaskType::Regression:
            headers << tr("%1 validation RMSE").arg(column);
            break;
        }
    }
    headers << tr("Seconds");
    return headers;
}

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
    m_log = new QTableWidget(this);
    m_log->setObjectName(QStringLiteral("epochLog"));
    m_log->setAccessibleName(tr("Epoch log"));
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_log->setAlternatingRowColors(true);
    m_log->verticalHeader()->hide();
    m_log->verticalHeader()->setDefaultSectionSize(m_log->fontMetrics().height() + 6);
    m_log->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    addTableExportActions(m_log, tr("epoch log"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("trainingOutcomeLabel"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *logArea = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logArea);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_log, 1);
    logLayout->addWidget(m_outcome);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_chart);
    charts->addWidget(m_weightChart);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    splitter->addWidget(charts);
    splitter->addWidget(logArea);
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
    const QString run = runWithMethod(params.runName, params.config);
    m_chart->setSubject({}, run);
    m_weightChart->setSubject({}, run);
    m_log->clear();
    m_log->setRowCount(0);
    const QStringList headers = epochLogHeaders(params.roles.tasks);
    m_log->setColumnCount(static_cast<int>(headers.size()));
    m_log->setHorizontalHeaderLabels(headers);
    // What the objectives are, on their headers.
    m_log->horizontalHeaderItem(TrainObjectiveColumn)
        ->setToolTip(tr("The training objective: each task's loss times its weight, summed, averaged over the "
                        "epoch's batches."));
    m_log->horizontalHeaderItem(ValidationObjectiveColumn)
        ->setToolTip(tr("The same on the validation rows, without dropout: the lowest decides which epoch's "
                        "weights are kept."));
    m_outcome->clear();
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
        appendToLog(record);
        updateClock();
    });
    connect(worker, &Worker::progress, this, [this](double, const QString &text) { m_progress->setFormat(text); });
    connect(worker, &TrainingWorker::succeeded, this, [this](const RunPtr &run) {
        const TrainingHistory &history = run->result.history;
        m_progress->setValue(1000);
        m_progress->setFormat(tr("Finished at epoch %1 of %2")
                                  .arg(history.epochs.empty() ? 0 : history.epochs.back().epoch)
                                  .arg(m_epochs));
        m_outcome->setText(LossChart::outcome(history, m_epochs));
        markBestEpoch(history.bestEpoch);
        Q_EMIT statusMessage(tr("Training finished in %1 s").arg(run->result.seconds, 0, 'f', 1));
        Q_EMIT runFinished(run);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_progress->setFormat(tr("Failed"));
        m_outcome->setText(message + QLatin1Char(' ') + details);
        Q_EMIT runFailed(message, details);
    });
    connect(worker, &Worker::cancelled, this, [this] {
        m_progress->setFormat(tr("Cancelled — the previous results are kept"));
        m_outcome->setText(tr("Cancelled: the previous results are kept."));
        Q_EMIT statusMessage(tr("Training cancelled"));
        Q_EMIT runCancelled();
    });
    m_elapsed.start();
    m_worker->start(worker);
    setRunning(true);
}

void TrainingPage::appendToLog(const EpochRecord &record)
{
    const int row = m_log->rowCount();
    m_log->insertRow(row);
    const auto put = [this, row](int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_log->setItem(row, column, item);
    };
    put(EpochColumn, QLocale().toString(record.epoch));
    m_log->item(row, EpochColumn)->setData(Qt::UserRole, record.epoch);
    put(TrainObjectiveColumn, logNumber(record.trainObjective, 4));
    put(ValidationObjectiveColumn, logNumber(record.validationObjective, 4));
    for (int t = 0; t < m_tasks.size() && t < static_cast<int>(record.tasks.size()); ++t)
        put(FirstTaskColumn + t, logNumber(record.tasks[static_cast<std::size_t>(t)].validationMetric, 4));
    put(FirstTaskColumn + static_cast<int>(m_tasks.size()), logNumber(record.seconds, 2));
    m_log->scrollToBottom();
}

void TrainingPage::markBestEpoch(int epoch)
{
    m_chart->setBestEpoch(epoch);
    for (int row = 0; row < m_log->rowCount(); ++row) {
        const QTableWidgetItem *first = m_log->item(row, EpochColumn);
        if (!first || first->data(Qt::UserRole).toInt() != epoch)
            continue;
        for (int column = 0; column < m_log->columnCount(); ++column) {
            if (QTableWidgetItem *item = m_log->item(row, column)) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(tr("The model keeps the weights of this epoch."));
            }
        }
    }
}

QString TrainingPage::outcome() const
{
    return m_outcome->text();
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
