#include "pages/ComparisonDialog.h"

#include "HelpTexts.h"
#include "models/TableExport.h"
#include "workers/ComparisonWorker.h"
#include "workers/WorkerThread.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cmtl::ui {

namespace {

// "0.6820 ± 0.0140" in the locale's form on screen; plainly ('.' and no grouping) for export.
QString meanAndSpread(const Summary &summary, bool signedMean, const QLocale &locale)
{
    const QString mean = locale.toString(summary.mean, 'f', 4);
    return (signedMean && summary.mean >= 0 ? QStringLiteral("+") : QString()) + mean + QStringLiteral(" ± ") +
           locale.toString(summary.standardDeviation, 'f', 4);
}

QStandardItem *summaryItem(const Summary &summary, bool signedMean)
{
    auto *item = new QStandardItem(meanAndSpread(summary, signedMean, QLocale()));
    item->setData(meanAndSpread(summary, signedMean, QLocale::c()), kExportRole);
    return item;
}

// What the user reads for each of the engine's standard candidates (standardCandidates()).
QString candidateName(const std::string &label)
{
    if (label == "logistic")
        return ComparisonDialog::tr("Logistic baseline (a linear model per task)");
    if (label == "single-task net")
        return ComparisonDialog::tr("Single-task networks (the network on each task alone)");
    if (label == "boosted trees")
        return ComparisonDialog::tr("Gradient-boosted trees per task (XGBoost, tuned by inner cross-validation)");
    if (label == "shared-bottom fixed")
        return ComparisonDialog::tr("Multi-task: shared bottom, fixed weights");
    if (label == "shared-bottom uncertainty")
        return ComparisonDialog::tr("Multi-task: shared bottom, uncertainty weights");
    if (label == "mmoe")
        return ComparisonDialog::tr("Multi-task: MMoE");
    if (label == "ple")
        return ComparisonDialog::tr("Multi-task: PLE");
    if (label == "attention")
        return ComparisonDialog::tr("Multi-task: task feature attention");
    return QString::fromStdString(label);
}

std::ptrdiff_t indexOf(const std::vector<std::string> &labels, const std::string &label)
{
    const auto found = std::find(labels.begin(), labels.end(), label);
    return found == labels.end() ? -1 : found - labels.begin();
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
    m_candidates = new QListWidget(this);
    m_candidates->setObjectName(QStringLiteral("candidatesList"));
    m_candidates->setAccessibleName(tr("Candidates"));
    for (const ComparisonCandidate &candidate : standardCandidates(m_config)) {
        auto *item = new QListWidgetItem(candidateName(candidate.label), m_candidates);
        item->setData(Qt::UserRole, QString::fromStdString(candidate.label));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_candidates->setMaximumHeight(m_candidates->sizeHintForRow(0) * (m_candidates->count() + 1));
    auto *candidatesLabel = new QLabel(tr("C&andidates:"), this);
    candidatesLabel->setBuddy(m_candidates);
    form->addRow(candidatesLabel, m_candidates);
    layout->addLayout(form);
    QSettings settings;
    m_folds->setValue(settings.value(QStringLiteral("comparison/folds"), m_folds->value()).toInt());
    if (settings.contains(QStringLiteral("comparison/candidates")))
        setChosenCandidates(settings.value(QStringLiteral("comparison/candidates")).toStringList());
    setHelp(m_folds, tr("Each candidate is trained this many times, each time testing on another fold of the rows "
                        "(stratified by the first binary task): more folds, steadier means and longer runs."));
    setHelp(m_candidates, tr("The models to compare. The differences are taken against the single-task networks "
                             "and against the logistic baseline, when they are ticked."));

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
    m_view->setTabKeyNavigation(false); // Tab leaves the table (arrow keys move between cells)
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
    const QStringList chosen = chosenCandidates();
    if (chosen.isEmpty()) {
        m_status->setText(tr("Tick at least one candidate to compare."));
        return;
    }
    saveChoices();
    for (ComparisonCandidate &candidate : standardCandidates(m_config)) {
        if (chosen.contains(QString::fromStdString(candidate.label)))
            params.spec.candidates.push_back(std::move(candidate));
    }
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

// A candidate against the single-task net: the corrected resampled t interval the engine attached
// and the verdict in words. Empty where the engine attached none (the baselines' own rows, no
// single-task net compared, a stored result without the interval's n_test / n_train, fewer than
// two repeats).
static QString sharingCell(const std::optional<PairedInterval> &interval)
{
    if (!interval)
        return {};
    const QString verdict = interval->verdict == Verdict::Better  ? ComparisonDialog::tr("sharing helped")
                            : interval->verdict == Verdict::Worse ? ComparisonDialog::tr("sharing hurt")
                                                                  : ComparisonDialog::tr("no detectable difference");
    return QStringLiteral("%1 [%2, %3]: %4")
        .arg(QString::number(interval->mean, 'f', 4), QString::number(interval->lower, 'f', 4),
             QString::number(interval->upper, 'f', 4), verdict);
}

void ComparisonDialog::showResult(const ComparisonResult &result)
{
    m_results->removeRows(0, m_results->rowCount());
    // The references of the two difference columns, where they were compared (-1: not).
    const std::ptrdiff_t singleTask = indexOf(result.candidates, kSingleTaskLabel);
    const std::ptrdiff_t logistic = indexOf(result.candidates, kBaselineLabel);
    for (const MetricSamples &metric : result.metrics) {
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            const auto difference = [&](std::ptrdiff_t reference) {
                if (reference < 0 || static_cast<std::size_t>(reference) == c)
                    return new QStandardItem;
                return summaryItem(
                    summariseDifference(metric.values[c], metric.values[static_cast<std::size_t>(reference)]), true);
            };
            auto *metricItem = new QStandardItem(metricDisplayName(QString::fromStdString(metric.metric)));
            metricItem->setToolTip(metricHelp(QString::fromStdString(metric.metric)));
            metricItem->setWhatsThis(metricItem->toolTip());
            QList<QStandardItem *> row;
            row << new QStandardItem(QString::fromStdString(metric.task)) << metricItem
                << new QStandardItem(QString::fromStdString(result.candidates[c]))
                << summaryItem(summarise(metric.values[c]), false) << difference(singleTask) << difference(logistic)
                << new QStandardItem(
                       sharingCell(c < metric.versusSingleTask.size() ? metric.versusSingleTask[c] : std::nullopt));
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

QStringList ComparisonDialog::chosenCandidates() const
{
    QStringList labels;
    for (int row = 0; row < m_candidates->count(); ++row) {
        const QListWidgetItem *item = m_candidates->item(row);
        if (item->checkState() == Qt::Checked)
            labels << item->data(Qt::UserRole).toString();
    }
    return labels;
}

void ComparisonDialog::setChosenCandidates(const QStringList &labels)
{
    for (int row = 0; row < m_candidates->count(); ++row) {
        QListWidgetItem *item = m_candidates->item(row);
        item->setCheckState(labels.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void ComparisonDialog::saveChoices() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("comparison/folds"), m_folds->value());
    settings.setValue(QStringLiteral("comparison/candidates"), chosenCandidates());
}

} // namespace cmtl::ui
