#include "pages/RejectInferenceDialog.h"

#include "FormRows.h"
#include "HelpTexts.h"
#include "models/TableExport.h"
#include "pages/ScorecardDialog.h"
#include "workers/WorkerThread.h"

#include "scorecard/ScorecardFile.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace cmtl::ui {

namespace {

QLabel *wrappedLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableView *resultTable(QWidget *parent, QStandardItemModel *model, const char *objectName,
                        const QString &accessibleName)
{
    auto *table = new QTableView(parent);
    table->setObjectName(QLatin1String(objectName));
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    return table;
}

QStandardItem *percentItem(double share)
{
    auto *item = new QStandardItem(QLocale().toString(100 * share, 'f', 2) + QLatin1Char('%'));
    item->setData(share, Qt::UserRole); // the exact share, for tests and copying
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *countItem(std::int64_t count)
{
    auto *item = new QStandardItem(QLocale().toString(static_cast<qlonglong>(count)));
    item->setData(static_cast<qlonglong>(count), Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

RejectInferenceDialog::RejectInferenceDialog(LoadedTablePtr accepts, std::vector<TaskSpec> tasks,
                                             std::function<std::vector<FeatureBinning>(const TaskSpec &)> editedBins,
                                             QWidget *parent)
    : QDialog(parent), m_accepts(std::move(accepts)), m_tasks(std::move(tasks)), m_editedBins(std::move(editedBins)),
      m_unsaved(this, tr("The card with reject inference has not been saved."),
                tr("Close and discard it, with its comparison? Running reject inference again gives it back.")),
      m_worker(new WorkerThread(this))
{
    setObjectName(QStringLiteral("rejectInferenceDialog"));
    qRegisterMetaType<RejectInferenceRunPtr>();
    setWindowTitle(tr("Reject Inference"));

    auto *intro = wrappedLabel(this, "rejectIntro");
    intro->setText(m_accepts ? tr("The loaded data, %1, are the accepted applicants, whose outcomes are known. A "
                                  "scorecard fitted on them is refitted with the declined applicants' inferred "
                                  "outcomes, and both cards are compared on held-out accepts and on the declined.")
                                   .arg(dataSourceName(m_accepts->path))
                             : tr("No data: open the accepted applicants' file on the Data page first."));

    auto *left = new QFormLayout;
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("rejectTaskCombo"));
    m_task->setAccessibleName(tr("Binary task"));
    for (const TaskSpec &task : m_tasks)
        m_task->addItem(QStringLiteral("%1 = %2").arg(QString::fromStdString(task.column),
                                                      QString::fromStdString(task.positiveClass)));
    addFormRow(left, tr("Binary &task:"), m_task);
    m_rejectsPath = new QLineEdit(this);
    m_rejectsPath->setObjectName(QStringLiteral("rejectsPathEdit"));
    m_rejectsPath->setAccessibleName(tr("Declined applicants' file"));
    m_rejectsPath->setPlaceholderText(tr("The declined applicants: the accepts' feature columns, no outcome"));
    m_browseButton = new QPushButton(tr("&Browse…"), this);
    m_browseButton->setObjectName(QStringLiteral("rejectsBrowseButton"));
    m_browseButton->setAccessibleName(tr("Choose the declined applicants' file"));
    addFormRow(left, tr("&Declined applicants:"), m_rejectsPath, {}, fieldWithButton(m_rejectsPath, m_browseButton));
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("rejectMethodCombo"));
    m_method->setAccessibleName(tr("Method"));
    m_method->addItem(tr("Fuzzy augmentation"), static_cast<int>(RejectMethod::FuzzyAugmentation));
    m_method->addItem(tr("Parcelling"), static_cast<int>(RejectMethod::Parcelling));
    addFormRow(left, tr("&Method:"), m_method);
    const RejectInferenceOptions defaults;
    // A spin box of the command line's option (its range), named for tests and screen readers.
    const auto doubleSpin = [this](QFormLayout *form, const char *objectName, const QString &label,
                                   const QString &accessibleName, double lowest, double highest, double step,
                                   double value) {
        auto *spin = new QDoubleSpinBox(this);
        spin->setObjectName(QLatin1String(objectName));
        spin->setRange(lowest, highest);
        spin->setSingleStep(step);
        spin->setValue(value);
        addFormRow(form, label, spin, accessibleName);
        return spin;
    };
    // --parcel-factor and --reject-weight: > 0, at most 100; --holdout: 0.05 to 0.9.
    m_parcelFactor = doubleSpin(left, "parcelFactorSpin", tr("Parcel &factor:"), tr("Parcel factor"), 0.01, 100, 0.1,
                                defaults.parcelFactor);
    m_parcelBands = new QSpinBox(this);
    m_parcelBands->setObjectName(QStringLiteral("parcelBandsSpin"));
    m_parcelBands->setAccessibleName(tr("Parcel bands"));
    m_parcelBands->setRange(1, 100); // reject-inference --parcel-bands' range
    m_parcelBands->setValue(defaults.parcelBands);
    addFormRow(left, tr("Parcel b&ands:"), m_parcelBands);
    m_rejectWeight = doubleSpin(left, "rejectWeightSpin", tr("Reject &weight:"), tr("Reject weight"), 0.01, 100, 0.1,
                                defaults.rejectWeight);

    auto *right = new QFormLayout;
    m_holdout = doubleSpin(right, "rejectHoldoutSpin", tr("&Held-out accepts:"), tr("Held-out share of accepts"), 0.05,
                           0.9, 0.05, 0.3);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("rejectSeedSpin"));
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(static_cast<int>(defaults.seed));
    addFormRow(right, tr("S&eed:"), m_seed);
    m_scaling = ScoreScalingFields::addTo(right, this, QStringLiteral("reject"));
    auto *forms = new QHBoxLayout;
    forms->addLayout(left, 3);
    forms->addSpacing(16);
    forms->addLayout(right, 2);

    m_runButton = new QPushButton(tr("&Run"), this);
    m_runButton->setObjectName(QStringLiteral("runRejectInferenceButton"));
    m_runButton->setAccessibleName(tr("Run reject inference"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRejectInferenceButton"));
    m_cancelButton->setAccessibleName(tr("Cancel reject inference"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("rejectInferenceProgress"));
    m_progress->setAccessibleName(tr("Reject inference progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress, 1);
    m_status = wrappedLabel(this, "rejectStatus");
    m_status->setTextFormat(Qt::PlainText);

    m_message = wrappedLabel(this, "rejectMessage");
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; background: #fdecea; padding: 6px; }"));
    m_message->hide();
    m_assumptions = wrappedLabel(this, "rejectAssumptions");
    m_summary = wrappedLabel(this, "rejectSummary");
    m_comparison = new QStandardItemModel(0, 5, this);
    m_comparison->setHorizontalHeaderLabels({tr("Measure"), tr("Accepts only"), tr("With reject inference"),
                                             tr("Difference"), tr("95% paired bootstrap interval")});
    m_comparisonTable = resultTable(this, m_comparison, "rejectComparisonTable", tr("Comparison of the two cards"));
    m_bandsTitle = wrappedLabel(this, "rejectBandsTitle");
    m_bands = new QStandardItemModel(0, 8, this);
    m_bands->setHorizontalHeaderLabels({tr("Band"), tr("Points from"), tr("Points to"), tr("Accepts"),
                                        tr("Accepts' bad rate"), tr("Declined"), tr("Inferred bad"),
                                        tr("Share labelled bad")});
    m_bandsTable = resultTable(this, m_bands, "rejectBandsTable", tr("Parcelling bands"));
    m_limitation = wrappedLabel(this, "rejectLimitation");
    m_warnings = wrappedLabel(this, "rejectWarnings");
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { color: #7d5a00; background: #fff4d6; padding: 6px; }"));
    // Many features give many warnings: they scroll, and the tables keep their room.
    auto *warningsArea = new QScrollArea(this);
    warningsArea->setObjectName(QStringLiteral("rejectWarningsArea"));
    warningsArea->setWidget(m_warnings);
    warningsArea->setWidgetResizable(true);
    warningsArea->setMaximumHeight(120);
    warningsArea->setFrameShape(QFrame::NoFrame);
    m_warningsArea = warningsArea;
    // The comparison's three rows shown whole; the bands' table scrolls past six.
    const int row = m_comparisonTable->verticalHeader()->defaultSectionSize();
    m_comparisonTable->setFixedHeight(m_comparisonTable->horizontalHeader()->sizeHint().height() + 3 * row +
                                      2 * m_comparisonTable->frameWidth() + 2);
    m_bandsTable->setMinimumHeight(7 * row);
    addTableExportActions(m_comparisonTable, QStringLiteral("reject_inference_comparison.csv"));
    addTableExportActions(m_bandsTable, QStringLiteral("reject_inference_bands.csv"));

    m_saveCsvButton = new QPushButton(tr("Save card as &CSV…"), this);
    m_saveCsvButton->setObjectName(QStringLiteral("saveRejectCardCsvButton"));
    m_saveCsvButton->setAccessibleName(tr("Save the card with reject inference as CSV"));
    m_saveJsonButton = new QPushButton(tr("Save card as &JSON…"), this);
    m_saveJsonButton->setObjectName(QStringLiteral("saveRejectCardJsonButton"));
    m_saveJsonButton->setAccessibleName(tr("Save the card with reject inference as JSON"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveCsvButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveJsonButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(forms);
    layout->addLayout(runRow);
    layout->addWidget(m_status);
    layout->addWidget(m_message);
    layout->addWidget(m_assumptions);
    layout->addWidget(m_summary);
    layout->addWidget(m_comparisonTable);
    layout->addWidget(m_bandsTitle);
    layout->addWidget(m_bandsTable, 1);
    layout->addWidget(m_limitation);
    layout->addWidget(m_warningsArea);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(1000, 860);
    installHelp(this);

    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open the declined applicants' file"),
            m_rejectsPath->text().isEmpty() && m_accepts ? QFileInfo(m_accepts->path).absolutePath()
                                                         : m_rejectsPath->text(),
            // The filter of File ▸ Open Data: the files the data loader reads.
            QCoreApplication::translate("cmtl::ui::MainWindow",
                                        "Data files (*.csv *.txt *.tsv *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files "
                                        "(*.csv *.txt *.tsv);;All files (*)"));
        if (!path.isEmpty())
            m_rejectsPath->setText(path);
    });
    connect(m_rejectsPath, &QLineEdit::textChanged, this, &RejectInferenceDialog::updateControls);
    connect(m_method, &QComboBox::currentIndexChanged, this, &RejectInferenceDialog::updateControls);
    connect(m_runButton, &QPushButton::clicked, this, &RejectInferenceDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &RejectInferenceDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &RejectInferenceDialog::reject);
    const auto saveAs = [this](bool json) {
        if (!m_resultTask)
            return;
        const QString path = askScorecardPath(this, *m_resultTask, json);
        if (!path.isEmpty())
            save(path, json);
    };
    connect(m_saveCsvButton, &QPushButton::clicked, this, [saveAs] { saveAs(false); });
    connect(m_saveJsonButton, &QPushButton::clicked, this, [saveAs] { saveAs(true); });
    connect(m_worker, &WorkerThread::finished, this, [this] {
        updateControls();
        Q_EMIT runFinished();
    });
    if (m_tasks.empty())
        m_status->setText(tr("No binary task: define one on the Roles page (a column with two values and its "
                             "positive class)."));
    showResult();
    updateControls();
}

RejectInferenceDialog::~RejectInferenceDialog()
{
    m_worker->stop();
}

void RejectInferenceDialog::setRejectsPath(const QString &path)
{
    m_rejectsPath->setText(path);
}

void RejectInferenceDialog::setMethod(RejectMethod method)
{
    m_method->setCurrentIndex(m_method->findData(static_cast<int>(method)));
}

void RejectInferenceDialog::setParcelFactor(double factor)
{
    m_parcelFactor->setValue(factor);
}

bool RejectInferenceDialog::isRunning() const
{
    return m_worker->isRunning();
}

void RejectInferenceDialog::cancel()
{
    m_worker->cancel();
}

std::optional<TaskSpec> RejectInferenceDialog::chosenTask() const
{
    const int index = m_task->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_tasks.size()))
        return std::nullopt;
    return m_tasks[static_cast<std::size_t>(index)];
}

bool RejectInferenceDialog::run()
{
    const std::optional<TaskSpec> task = chosenTask();
    if (isRunning() || !m_accepts || !task)
        return false;
    if (m_rejectsPath->text().trimmed().isEmpty()) {
        showMessage(tr("Choose the declined applicants' file."));
        return false;
    }
    RejectInferenceWorker::Params params;
    params.accepts = m_accepts;
    params.rejectsPath = m_rejectsPath->text().trimmed();
    params.task = *task;
    if (m_editedBins)
        params.cardOptions.givenBins = m_editedBins(*task);
    params.cardOptions.scaling = m_scaling.value();
    params.options.method = static_cast<RejectMethod>(m_method->currentData().toInt());
    params.options.parcelFactor = m_parcelFactor->value();
    params.options.parcelBands = m_parcelBands->value();
    params.options.rejectWeight = m_rejectWeight->value();
    params.options.seed = static_cast<std::uint64_t>(m_seed->value());
    params.holdout = m_holdout->value();
    showMessage({});
    auto *worker = new RejectInferenceWorker(std::move(params));
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_status->setText(text);
    });
    connect(worker, &RejectInferenceWorker::succeeded, this, [this, task](const RejectInferenceRunPtr &result) {
        m_result = result;
        m_resultTask = task;
        m_unsaved.produced();
        m_status->clear();
        showResult();
    });
    connect(worker, &Worker::cancelled, this,
            [this] { m_status->setText(tr("Cancelled; the results shown, if any, are the previous run's.")); });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_status->clear();
        showMessage(details.isEmpty() ? message : message + QLatin1Char(' ') + details);
    });
    m_progress->setValue(0);
    m_worker->start(worker);
    updateControls();
    return true;
}

void RejectInferenceDialog::showResult()
{
    m_comparison->removeRows(0, m_comparison->rowCount());
    m_bands->removeRows(0, m_bands->rowCount());
    const bool shown = m_result != nullptr;
    m_comparisonTable->setVisible(shown);
    m_limitation->setVisible(shown);
    m_summary->setVisible(shown);
    if (!shown) {
        m_assumptions->setText(
            tr("Fuzzy augmentation gives each declined applicant both outcomes, weighted by the probability of bad "
               "the accepts-only card gives them; parcelling labels the declined in each score band bad in the "
               "share of the accepts' bad rate there times a factor. Run shows what the chosen method assumes."));
        m_bandsTitle->hide();
        m_bandsTable->hide();
        m_warningsArea->hide();
        return;
    }
    const RejectInferenceRun &run = *m_result;
    const RejectInferenceComparison &comparison = run.comparison;
    const RejectInferenceResult &result = comparison.result;
    const QLocale locale;
    const auto percent = [&](double share) { return locale.toString(100 * share, 'f', 2) + QLatin1Char('%'); };
    const bool parcelling = run.options.method == RejectMethod::Parcelling;
    m_assumptions->setText(
        parcelling
            ? tr("<b>Parcelling</b>: the accepts' scores are cut into bands at their quantiles; in each band the "
                 "declined applicants are labelled bad in the share (the band's bad rate among accepts) × the parcel "
                 "factor %1, chosen at random with the seed, each with the reject weight. <b>Assumes</b> a declined "
                 "applicant is the factor times as likely to be bad as an accepted one of the same score (1 = alike; "
                 "above 1 = worse, the usual judgement, which the data cannot estimate).")
                  .arg(locale.toString(run.options.parcelFactor))
            : tr("<b>Fuzzy augmentation</b>: each declined applicant enters the refit twice, as a bad with weight p "
                 "and as a good with weight 1 − p (p = P(bad) by the accepts-only scorecard, both times the reject "
                 "weight). <b>Assumes</b> the accepts-only model holds for the declined: the outcome depends on the "
                 "features alone, not on being declined (missing at random given the features)."));
    m_summary->setText(
        tr("<b>Inferred bad rate of the declined: %1</b> (held-out accepts' observed bad rate %2). Accepts: "
           "%3 rows fitted on, %4 held out; declined: %5, %6 rows, reject weight %7. The card with reject inference "
           "keeps the accepts-only card's %8 features and bins; each bin's WoE is recomputed on the accepts and the "
           "weighted declined, and the regression refitted.")
            .arg(percent(result.inferred.badRate()), percent(comparison.heldOutBadRate),
                 locale.toString(static_cast<qulonglong>(comparison.fitRows)),
                 locale.toString(static_cast<qulonglong>(comparison.heldOutRows)),
                 QFileInfo(run.rejectsPath).fileName().toHtmlEscaped(),
                 locale.toString(static_cast<qulonglong>(run.rejectRows)), locale.toString(run.options.rejectWeight),
                 locale.toString(static_cast<qulonglong>(result.acceptsOnly.features.size()))));

    const HoldoutAucComparison &auc = comparison.auc;
    auto *interval = new QStandardItem(
        tr("%1 to %2").arg(locale.toString(auc.differenceLow, 'f', 4), locale.toString(auc.differenceHigh, 'f', 4)));
    interval->setData(auc.differenceLow, Qt::UserRole);
    interval->setData(auc.differenceHigh, Qt::UserRole + 1);
    interval->setToolTip(tr("%n paired bootstrap resample(s) of the held-out accepts", nullptr, auc.resamples));
    m_comparison->appendRow(
        {new QStandardItem(tr("AUC on %1 held-out accepts")
                               .arg(locale.toString(static_cast<qulonglong>(comparison.labelledHeldOut)))),
         numberItem(auc.without, 4), numberItem(auc.with, 4), numberItem(auc.with - auc.without, 4), interval});
    m_comparison->appendRow({new QStandardItem(tr("Mean P(bad) of held-out accepts")),
                             percentItem(comparison.heldOutMeanBadWithout), percentItem(comparison.heldOutMeanBadWith),
                             percentItem(comparison.heldOutMeanBadWith - comparison.heldOutMeanBadWithout),
                             new QStandardItem});
    m_comparison->appendRow({new QStandardItem(tr("Mean P(bad) of the declined")),
                             percentItem(comparison.rejectMeanBadWithout), percentItem(comparison.rejectMeanBadWith),
                             percentItem(comparison.rejectMeanBadWith - comparison.rejectMeanBadWithout),
                             new QStandardItem});
    m_comparisonTable->resizeColumnsToContents();

    m_bandsTitle->setVisible(parcelling);
    m_bandsTable->setVisible(parcelling);
    if (parcelling) {
        const std::size_t count = result.inferred.bands.size();
        m_bandsTitle->setText(
            tr("Parcel factor %1, %n band(s) at the accepts' score quantiles:", nullptr, static_cast<int>(count))
                .arg(locale.toString(run.options.parcelFactor)));
        for (std::size_t b = 0; b < count; ++b) {
            const ParcelBand &band = result.inferred.bands[b];
            auto *from = b == 0 ? new QStandardItem(QStringLiteral("−∞")) : numberItem(band.lowerPoints, 2);
            auto *to = b + 1 == count ? new QStandardItem(QStringLiteral("+∞")) : numberItem(band.upperPoints, 2);
            m_bands->appendRow({countItem(static_cast<std::int64_t>(b + 1)), from, to, countItem(band.accepts),
                                percentItem(band.acceptBadRate), countItem(band.rejects), countItem(band.inferredBads),
                                percentItem(band.rejectBadShare)});
        }
        m_bandsTable->resizeColumnsToContents();
    }
    m_limitation->setText(
        tr("<b>Limitation</b>: the accepts are the only rows with outcomes, so the AUC on held-out accepts cannot "
           "show a benefit on the through-the-door population (accepts and declined together); a better card for "
           "the declined shows at best in their score shift above, and only a test of approving some declined "
           "applicants can measure it."));
    // The engine's warnings are in English, as on the command line; they name the features.
    QStringList warnings;
    for (const std::string &warning : result.acceptsOnly.warnings)
        warnings << tr("• accepts-only card: %1").arg(QString::fromStdString(warning));
    for (const std::string &warning : result.withRejects.warnings)
        warnings << tr("• card with reject inference: %1").arg(QString::fromStdString(warning));
    m_warnings->setText(tr("Warnings:") + QLatin1Char('\n') + warnings.join(QLatin1Char('\n')));
    m_warningsArea->setVisible(!warnings.isEmpty());
}

bool RejectInferenceDialog::saveCsv(const QString &path)
{
    return save(path, false);
}

bool RejectInferenceDialog::saveJson(const QString &path)
{
    return save(path, true);
}

bool RejectInferenceDialog::save(const QString &path, bool json)
{
    if (!m_result)
        return false;
    const Scorecard &card = m_result->comparison.result.withRejects;
    QStringList inputs{m_result->rejectsPath};
    if (m_accepts)
        inputs << m_accepts->path;
    const QString failure = saveScorecardFile(path, json ? scorecardToJson(card) : scorecardToCsv(card), inputs);
    showMessage(failure);
    if (!failure.isEmpty())
        return false;
    m_unsaved.saved();
    return true;
}

void RejectInferenceDialog::reject()
{
    if (m_unsaved.mayClose())
        QDialog::reject();
}

void RejectInferenceDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString RejectInferenceDialog::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void RejectInferenceDialog::updateControls()
{
    const bool running = isRunning();
    const bool parcelling = static_cast<RejectMethod>(m_method->currentData().toInt()) == RejectMethod::Parcelling;
    m_parcelFactor->setEnabled(parcelling);
    m_parcelBands->setEnabled(parcelling);
    m_runButton->setEnabled(!running && m_accepts && !m_tasks.empty() && !m_rejectsPath->text().trimmed().isEmpty());
    m_cancelButton->setEnabled(running);
    m_saveCsvButton->setEnabled(!running && m_result);
    m_saveJsonButton->setEnabled(!running && m_result);
}

} // namespace cmtl::ui
