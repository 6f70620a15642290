#include "pages/ComparisonDialog.h"

#include "models/TableExport.h"
#include "workers/ComparisonWorker.h"
#include "workers/WorkerThread.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cmtl::ui {

namespace {

QString meanAndSpread(const Summary &summary, bool signedMean)
{
    const QString mean = QString::number(summary.mean, 'f', 4);
    return (signedMean && summary.mean >= 0 ? QStringLiteral("+") : QString()) + mean + QStringLiteral(" ± ") +
           QString::number(summary.standardDeviation, 'f', 4);
}

} // namespace

ComparisonDialog::ComparisonDialog(LoadedTablePtr data, RoleAssignment roles, ExperimentConfig config, QWidget *parent)
    : QDialog(parent), m_data(std::move(data)), m_roles(std::move(roles)), m_config(std::move(config)),
      m_thread(new WorkerThread(this))
{
    setObjectName(QStringLiteral("comparisonDialog"));
    setWindowTitle(tr("Compare methods"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Trains the logistic baseline, the network on each task alone and the multi-task "
                                "architectures on the same stratified folds of the data, with the current settings."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_folds = new QSpinBox(this);
    m_folds->setObjectName(QStringLiteral("foldsSpin"));
    m_folds->setRange(2, 20);
    m_folds->setValue(5);
    auto *foldsLabel = new QLabel(tr("&Folds:"), this);
    foldsLabel->setBuddy(m_folds);
    form->addRow(foldsLabel, m_folds);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("comparisonProgress"));
    m_progress->setAccessibleName(tr("Comparison progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("comparisonStatus"));
    layout->addWidget(m_status);

    m_results = new QStandardItemModel(0, 7, this);
    m_results->setHorizontalHeaderLabels({tr("Task"), tr("Metric"), tr("Model"), tr("Mean ± sd"),
                                          tr("vs single-task net"), tr("vs logistic"),
                                          tr("Sharing (95% Nadeau–Bengio interval)")});
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("comparisonTable"));
    m_view->setAccessibleName(tr("Comparison results"));
    m_view->setModel(m_results);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Run comparison"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("startComparisonButton"));
    m_cancelButton = buttons->addButton(tr("&Cancel"), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelComparisonButton"));
    m_cancelButton->setEnabled(false);
    m_copyButton = buttons->addButton(tr("Cop&y Table"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyComparisonButton"));
    m_copyButton->setAccessibleName(tr("Copy the comparison table"));
    m_copyButton->setToolTip(tr("Copy the results as tab-separated text, to paste into a spreadsheet"));
    m_saveButton = buttons->addButton(tr("&Save as CSV…"), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(QStringLiteral("saveComparisonButton"));
    m_saveButton->setAccessibleName(tr("Save the comparison table as CSV"));
    m_copyButton->setEnabled(false);
    m_saveButton->setEnabled(false);
    connect(m_copyButton, &QPushButton::clicked, this, [this] { copyModelToClipboard(*m_results); });
    connect(m_saveButton, &QPushButton::clicked, this,
            [this] { saveModelAsCsvInteractively(*m_results, this, QStringLiteral("comparison.csv")); });
    addTableExportActions(m_view, QStringLiteral("comparison.csv"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(m_startButton, &QPushButton::clicked, this, &ComparisonDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ComparisonDialog::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    // Once the worker's thread has stopped (isRunning() is false from then on), not when the
    // worker says it is done, so that whoever waits for the end can act on it at once.
    connect(m_thread, &WorkerThread::finished, this, [this] {
        m_startButton->setEnabled(m_data != nullptr);
        m_cancelButton->setEnabled(false);
        Q_EMIT comparisonFinished();
    });
    resize(820, 560);
}

ComparisonDialog::~ComparisonDialog()
{
    m_thread->stop();
}

bool ComparisonDialog::isRunning() const
{
    return m_thread->isRunning();
}

void ComparisonDialog::start()
{
    if (isRunning() || !m_data)
        return;
    ComparisonWorker::Params params;
    params.data = m_data;
    params.roles = m_roles;
    params.spec.teacher = m_config;
    params.spec.folds = m_folds->value();
    params.spec.candidates = standardCandidates(m_config);
    auto *worker = new ComparisonWorker(std::move(params));
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_status->setText(text);
    });
    connect(worker, &ComparisonWorker::succeeded, this, [this](const ComparisonResult &result) {
        showResult(result);
        Q_EMIT resultReady(result);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message) { m_status->setText(message); });
    connect(worker, &Worker::cancelled, this, [this] { m_status->setText(tr("Comparison cancelled.")); });
    m_startButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Training…"));
    m_thread->start(worker);
}

void ComparisonDialog::cancel()
{
    m_thread->cancel();
}

// The multi-task candidates (after the logistic baseline and the single-task net) against the
// single-task net: the corrected resampled t interval and the verdict in words. Empty for the
// first two rows, and for a result without the interval's n_test / n_train (stored before it was
// recorded) or with fewer than two repeats.
static QString sharingCell(const ComparisonResult &result, const MetricSamples &metric, std::size_t candidate)
{
    if (candidate < 2 || !(result.testToTrainRatio > 0) || metric.values[candidate].size() < 2)
        return {};
    const PairedInterval interval = correctedResampledInterval(metric.values[candidate], metric.values[1],
                                                               result.testToTrainRatio, metric.higherIsBetter);
    const QString verdict = interval.verdict == Verdict::Better  ? ComparisonDialog::tr("sharing helped")
                            : interval.verdict == Verdict::Worse ? ComparisonDialog::tr("sharing hurt")
                                                                 : ComparisonDialog::tr("no detectable difference");
    return QStringLiteral("%1 [%2, %3]: %4")
        .arg(QString::number(interval.mean, 'f', 4), QString::number(interval.lower, 'f', 4),
             QString::number(interval.upper, 'f', 4), verdict);
}

void ComparisonDialog::showResult(const ComparisonResult &result)
{
    m_results->removeRows(0, m_results->rowCount());
    for (const MetricSamples &metric : result.metrics) {
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            QList<QStandardItem *> row;
            row << new QStandardItem(QString::fromStdString(metric.task))
                << new QStandardItem(QString::fromStdString(metric.metric))
                << new QStandardItem(QString::fromStdString(result.candidates[c]))
                << new QStandardItem(meanAndSpread(summarise(metric.values[c]), false))
                << new QStandardItem(c == 1
                                         ? QString()
                                         : meanAndSpread(summariseDifference(metric.values[c], metric.values[1]), true))
                << new QStandardItem(c == 0
                                         ? QString()
                                         : meanAndSpread(summariseDifference(metric.values[c], metric.values[0]), true))
                << new QStandardItem(sharingCell(result, metric, c));
            m_results->appendRow(row);
        }
    }
    m_status->setText(tr("Test metrics over %1.").arg(QString::fromStdString(result.scheme)));
    // How the tuned baseline chose its penalties (the core's notes, in English like the CLI's).
    QStringList notes;
    for (const std::string &note : result.notes)
        notes << QString::fromStdString(note);
    m_status->setToolTip(notes.join(QLatin1Char('\n')));
    m_copyButton->setEnabled(true);
    m_saveButton->setEnabled(true);
}

void ComparisonDialog::showStoredResult(const ComparisonResult &result, const QDateTime &finished)
{
    showResult(result);
    m_status->setText(
        tr("Test metrics over %1, compared on %2.")
            .arg(QString::fromStdString(result.scheme), QLocale().toString(finished, QLocale::ShortFormat)));
    m_startButton->setEnabled(m_data != nullptr);
}

} // namespace cmtl::ui
