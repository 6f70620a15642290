#include "pages/BinaryTaskPanel.h"

#include "charts/CalibrationChart.h"
#include "charts/ChartToolBar.h"
#include "charts/GainsCharts.h"
#include "charts/KsChart.h"
#include "charts/RocChart.h"
#include "charts/ScoreDistributionChart.h"

#include "HelpTexts.h"
#include "models/GainsTableModel.h"
#include "models/TableExport.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cmtl::ui {

namespace {

constexpr int kSliderSteps = 1000;

QLabel *cellLabel(const QString &name, QWidget *parent, const QString &background)
{
    auto *label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumSize(90, 44);
    label->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border-radius: 4px; font-weight: bold; }").arg(background));
    return label;
}

QLabel *valueLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BinaryTaskPanel::BinaryTaskPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("binaryPanel"));
    m_roc = new RocChart(this);
    m_ks = new KsChart(this);
    m_distribution = new ScoreDistributionChart(this);
    m_calibration = new CalibrationChart(this);
    m_precisionRecall = new PrecisionRecallChart(this);
    m_cumulativeGains = new CumulativeGainsChart(this);
    m_lift = new LiftChart(this);
    m_gains = new GainsTableModel(this);
    m_analytics = new BinaryAnalytics(this);
    connect(m_analytics, &BinaryAnalytics::ready, this, &BinaryTaskPanel::showAnalytics);

    auto *explorer = new QGroupBox(tr("Decision threshold"), this);
    auto *explorerLayout = new QVBoxLayout(explorer);
    auto *thresholdRow = new QHBoxLayout;
    m_slider = new QSlider(Qt::Horizontal, explorer);
    m_slider->setObjectName(QStringLiteral("thresholdSlider"));
    m_slider->setAccessibleName(tr("Threshold"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(kSliderSteps / 2);
    m_spin = new QDoubleSpinBox(explorer);
    m_spin->setObjectName(QStringLiteral("thresholdSpin"));
    m_spin->setAccessibleName(tr("Threshold value"));
    m_spin->setRange(0, 1);
    m_spin->setDecimals(3);
    m_spin->setSingleStep(0.01);
    m_spin->setValue(0.5);
    thresholdRow->addWidget(m_slider, 1);
    thresholdRow->addWidget(m_spin);
    explorerLayout->addLayout(thresholdRow);
    m_start = valueLabel(QStringLiteral("thresholdStartLabel"), explorer);
    m_start->setWordWrap(true);
    explorerLayout->addWidget(m_start);
    m_flagged = valueLabel(QStringLiteral("flaggedLabel"), explorer);
    m_flagged->setWordWrap(true);
    explorerLayout->addWidget(m_flagged);

    auto *matrix = new QGridLayout;
    m_predictedPositive = new QLabel(explorer);
    m_predictedNegative = new QLabel(explorer);
    m_actualPositive = new QLabel(explorer);
    m_actualNegative = new QLabel(explorer);
    for (QLabel *header : {m_predictedPositive, m_predictedNegative})
        header->setAlignment(Qt::AlignCenter);
    m_tp = cellLabel(QStringLiteral("tpLabel"), explorer, QStringLiteral("#d5f5e3"));
    m_fn = cellLabel(QStringLiteral("fnLabel"), explorer, QStringLiteral("#fadbd8"));
    m_fp = cellLabel(QStringLiteral("fpLabel"), explorer, QStringLiteral("#fdebd0"));
    m_tn = cellLabel(QStringLiteral("tnLabel"), explorer, QStringLiteral("#d6eaf8"));
    m_tp->setAccessibleName(tr("True positives"));
    m_fn->setAccessibleName(tr("False negatives"));
    m_fp->setAccessibleName(tr("False positives"));
    m_tn->setAccessibleName(tr("True negatives"));
    matrix->addWidget(new QLabel(tr("actual ↓ / predicted →"), explorer), 0, 0);
    matrix->addWidget(m_predictedPositive, 0, 1);
    matrix->addWidget(m_predictedNegative, 0, 2);
    matrix->addWidget(m_actualPositive, 1, 0);
    matrix->addWidget(m_tp, 1, 1);
    matrix->addWidget(m_fn, 1, 2);
    matrix->addWidget(m_actualNegative, 2, 0);
    matrix->addWidget(m_fp, 2, 1);
    matrix->addWidget(m_tn, 2, 2);
    explorerLayout->addLayout(matrix);

    auto *figures = new QFormLayout;
    m_precision = valueLabel(QStringLiteral("precisionLabel"), explorer);
    m_recall = valueLabel(QStringLiteral("recallLabel"), explorer);
    m_f1 = valueLabel(QStringLiteral("f1Label"), explorer);
    m_accuracy = valueLabel(QStringLiteral("accuracyLabel"), explorer);
    // Each figure's name explains it (tooltip and What's This); its value's tooltip says why a
    // rate is undefined.
    const auto addFigure = [figures, explorer](const QString &name, const char *metric, QLabel *value) {
        auto *label = new QLabel(name, explorer);
        setHelp(label, metricHelp(QString::fromLatin1(metric)));
        value->setWhatsThis(label->whatsThis());
        figures->addRow(label, value);
    };
    addFigure(tr("Precision:"), "precision", m_precision);
    addFigure(tr("Recall (TPR):"), "recall", m_recall);
    addFigure(tr("F1:"), "F1", m_f1);
    addFigure(tr("Accuracy:"), "accuracy", m_accuracy);
    explorerLayout->addLayout(figures);
    explorerLayout->addStretch();

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_roc);
    top->addWidget(explorer);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    explorer->setMaximumWidth(460);
    top->setSizes({560, 400});

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("binaryChartTabs"));
    m_tabs->setAccessibleName(tr("Score charts"));
    m_tabs->addTab(m_ks, tr("KS"));
    m_tabs->addTab(m_distribution, tr("Score distribution"));
    m_tabs->addTab(m_calibration, tr("Calibration"));
    m_tabs->addTab(m_precisionRecall, tr("Precision-recall"));
    m_tabs->addTab(m_cumulativeGains, tr("Cumulative gains"));
    m_tabs->addTab(m_lift, tr("Lift"));
    m_tabs->addTab(makeGainsTab(), tr("Gains table"));
    m_tabs->addTab(makeCutoffTab(), tr("Cost cut-off"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({520, 340});
    // Tab as laid out: the ROC curve and its corner buttons, the threshold beside it, then the
    // charts below (made first).
    setTabOrder(m_roc, m_roc->toolBar()->saveButton());
    setTabOrder(m_roc->toolBar()->saveButton(), m_roc->toolBar()->copyButton());
    setTabOrder(m_roc->toolBar()->copyButton(), m_slider);
    setTabOrder(m_slider, m_spin);
    setTabOrder(m_spin, m_tabs->tabBar());
    setTabOrder(m_tabs->tabBar(), m_ks);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        const double threshold = static_cast<double>(value) / kSliderSteps;
        if (std::lround(m_spin->value() * kSliderSteps) != value) {
            const QSignalBlocker blocker(m_spin);
            m_spin->setValue(threshold);
        }
        updateThreshold();
        if (!m_settingThreshold)
            Q_EMIT thresholdChosen(m_task, m_spin->value());
    });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        {
            const QSignalBlocker blocker(m_slider);
            m_slider->setValue(static_cast<int>(std::lround(value * kSliderSteps)));
        }
        updateThreshold();
        if (!m_settingThreshold)
            Q_EMIT thresholdChosen(m_task, value);
    });
}

void BinaryTaskPanel::setTask(const TaskEvaluation &evaluation, const TaskScores *scores, const TaskCharts *charts,
                              const QString &run)
{
    m_task = QString::fromStdString(evaluation.task);
    for (ChartView *chart : std::initializer_list<ChartView *>{m_roc, m_ks, m_distribution, m_calibration,
                                                               m_precisionRecall, m_cumulativeGains, m_lift})
        chart->setSubject(m_task, run);
    const QString positive =
        evaluation.classes.size() == 2 ? QString::fromStdString(evaluation.classes[1]) : tr("positive");
    const QString negative =
        evaluation.classes.size() == 2 ? QString::fromStdString(evaluation.classes[0]) : tr("negative");
    m_predictedPositive->setText(tr("predicted %1").arg(positive));
    m_predictedNegative->setText(tr("predicted %1").arg(negative));
    m_actualPositive->setText(tr("actual %1").arg(positive));
    m_actualNegative->setText(tr("actual %1").arg(negative));
    if (evaluation.roc.empty())
        m_roc->showMessage(ChartView::noScoresMessage());
    else
        m_roc->setCurves({{m_task, evaluation.roc, evaluation.binary ? evaluation.binary->auc : NAN}});
    m_hasScores = scores && !scores->scores.empty();
    // Shared with a computation still running on the previous scores, which then keeps its copy.
    m_scores = std::make_shared<const TaskScores>(m_hasScores ? *scores : TaskScores{});
    m_slider->setEnabled(m_hasScores);
    m_spin->setEnabled(m_hasScores);
    QString why;
    const double start = startingThreshold(scores, charts, &why);
    m_start->setText(why);
    m_start->setVisible(!why.isEmpty());
    {
        // Set without a redraw in between; updateThreshold() below draws once.
        const QSignalBlocker spinBlocker(m_spin), sliderBlocker(m_slider);
        m_spin->setValue(start);
        m_slider->setValue(static_cast<int>(std::lround(start * kSliderSteps)));
    }
    if (m_hasScores && charts) {
        m_ks->setCurve(charts->ks, tr("%1 (positive)").arg(positive), tr("%1 (negative)").arg(negative));
        m_distribution->setDistribution(charts->distribution, positive, negative);
        m_calibration->setBins(charts->calibration);
    } else {
        for (ChartView *chart : std::initializer_list<ChartView *>{m_ks, m_distribution, m_calibration})
            chart->showMessage(ChartView::noScoresMessage());
    }
    if (!m_hasScores) {
        for (ChartView *chart : std::initializer_list<ChartView *>{m_precisionRecall, m_cumulativeGains, m_lift})
            chart->showMessage(ChartView::noScoresMessage());
    }
    updateThreshold();
    showCutoffInputs();
    requestAnalytics(true, true, true);
}

double BinaryTaskPanel::startingThreshold(const TaskScores *scores, const TaskCharts *charts, QString *why)
{
    const auto explain = [why](const QString &text) {
        if (why)
            *why = text;
    };
    if (charts) {
        const std::optional<std::size_t> peak = ksPeak(charts->ks);
        if (peak && std::isfinite(charts->ks[*peak].threshold) && *peak > 0) {
            const KsPoint &point = charts->ks[*peak];
            explain(tr("Starts at the KS-optimal cut-off %1, where the two classes' cumulative shares differ most "
                       "(KS %2).")
                        .arg(QLocale().toString(point.threshold, 'f', 3))
                        .arg(QLocale().toString(point.positiveShare - point.negativeShare, 'f', 3)));
            return point.threshold;
        }
    }
    if (scores && !scores->labels.empty()) {
        const double positives = std::count(scores->labels.begin(), scores->labels.end(), std::uint8_t(1));
        const double baseRate = positives / static_cast<double>(scores->labels.size());
        explain(tr("Starts at the base rate %1 (the share of positives): a score above it is riskier than "
                   "average.")
                    .arg(QLocale().toString(baseRate, 'f', 3)));
        return baseRate;
    }
    explain({});
    return 0.5;
}

void BinaryTaskPanel::setThreshold(double threshold)
{
    m_settingThreshold = true;
    m_spin->setValue(threshold);
    m_settingThreshold = false;
}

double BinaryTaskPanel::threshold() const
{
    return m_spin->value();
}

void BinaryTaskPanel::updateThreshold()
{
    const double threshold = m_spin->value();
    m_distribution->setThreshold(threshold);
    if (!m_hasScores) {
        m_counts = {};
        for (QLabel *label : {m_tp, m_fp, m_fn, m_tn, m_precision, m_recall, m_f1, m_accuracy})
            label->setText(QStringLiteral("–"));
        m_flagged->setText(tr("Per-row scores are not stored in a model file: score a labelled file on the "
                              "Scoring page to explore thresholds."));
        m_roc->setMarker(NAN, NAN);
        return;
    }
    m_counts = confusionAt(m_scores->scores, m_scores->labels, threshold);
    const QLocale locale;
    m_tp->setText(locale.toString(static_cast<qlonglong>(m_counts.truePositive)));
    m_fp->setText(locale.toString(static_cast<qlonglong>(m_counts.falsePositive)));
    m_fn->setText(locale.toString(static_cast<qlonglong>(m_counts.falseNegative)));
    m_tn->setText(locale.toString(static_cast<qlonglong>(m_counts.trueNegative)));
    // A rate whose denominator is 0 is undefined: shown as "—" with the reason, never as 0.
    const auto showRate = [&locale](QLabel *label, std::int64_t denominator, double value, const QString &undefined) {
        label->setText(denominator > 0 ? locale.toString(value, 'f', 4) : QStringLiteral("—"));
        label->setToolTip(denominator > 0 ? QString() : undefined);
    };
    const ConfusionCounts &c = m_counts;
    showRate(m_precision, c.truePositive + c.falsePositive, precision(c),
             tr("Undefined: no row is flagged at this threshold."));
    showRate(m_recall, c.truePositive + c.falseNegative, recall(c), tr("Undefined: there is no positive row."));
    showRate(m_f1, 2 * c.truePositive + c.falsePositive + c.falseNegative, f1Score(c),
             tr("Undefined: no positive row and none flagged."));
    showRate(m_accuracy, c.truePositive + c.falsePositive + c.trueNegative + c.falseNegative, accuracy(c),
             tr("Undefined: there are no rows."));
    const RocPoint marker = rocPointAt(m_counts, threshold);
    m_roc->setMarker(marker.falsePositiveRate, marker.truePositiveRate);
    const qlonglong flagged = m_counts.truePositive + m_counts.falsePositive;
    m_flagged->setText(
        tr("Score ≥ %1 flags %2 of %3 rows (%4%) on the %5 part.")
            .arg(threshold, 0, 'f', 3)
            .arg(locale.toString(flagged))
            .arg(locale.toString(static_cast<qlonglong>(m_scores->scores.size())))
            .arg(100.0 * static_cast<double>(flagged) / std::max<double>(1, m_scores->scores.size()), 0, 'f', 1)
            .arg(tr("evaluation")));
}

QWidget *BinaryTaskPanel::makeGainsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("gainsTab"));
    m_bands = new QSpinBox(tab);
    m_bands->setObjectName(QStringLiteral("gainsBandsSpin"));
    m_bands->setAccessibleName(tr("Number of score bands"));
    // The command line's range for --gains.
    m_bands->setRange(1, 1000);
    m_bands->setValue(10);
    auto *bandsLabel = new QLabel(tr("&Bands:"), tab);
    bandsLabel->setBuddy(m_bands);
    m_gainsSummary = valueLabel(QStringLiteral("gainsSummaryLabel"), tab);
    m_gainsSummary->setWordWrap(true);
    auto *copy = new QPushButton(tr("Copy table"), tab);
    copy->setObjectName(QStringLiteral("copyGainsButton"));
    copy->setAccessibleName(tr("Copy gains table"));
    auto *save = new QPushButton(tr("Save as CSV…"), tab);
    save->setObjectName(QStringLiteral("saveGainsButton"));
    save->setAccessibleName(tr("Save gains table as CSV"));
    m_gainsView = new QTableView(tab);
    m_gainsView->setObjectName(QStringLiteral("gainsTable"));
    m_gainsView->setAccessibleName(tr("Gains table"));
    m_gainsView->setModel(m_gains);
    m_gainsView->verticalHeader()->hide();
    m_gainsView->verticalHeader()->setDefaultSectionSize(m_gainsView->fontMetrics().height() + 6);
    m_gainsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_gainsView->setAlternatingRowColors(true);
    m_gainsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    addTableExportActions(m_gainsView, tr("gains"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(bandsLabel);
    controls->addWidget(m_bands);
    controls->addWidget(m_gainsSummary, 1);
    controls->addWidget(copy);
    controls->addWidget(save);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(controls);
    layout->addWidget(m_gainsView, 1);

    connect(m_bands, &QSpinBox::valueChanged, this, [this] { requestAnalytics(true, false, false); });
    connect(copy, &QPushButton::clicked, this, [this] { copyModelToClipboard(*m_gains); });
    connect(save, &QPushButton::clicked, this,
            [this] { saveModelAsCsvInteractively(*m_gains, this, tr("%1 gains").arg(m_task)); });
    return tab;
}

QWidget *BinaryTaskPanel::makeCutoffTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("cutoffTab"));
    m_criterion = new QComboBox(tab);
    m_criterion->setObjectName(QStringLiteral("cutoffCriterionCombo"));
    m_criterion->setAccessibleName(tr("Choose the cut-off by"));
    // In the order of CutoffBy.
    m_criterion->addItems({tr("Lowest expected cost"), tr("Target approval rate"), tr("Maximum bad rate")});
    const auto spin = [tab](const char *name, const QString &accessible, double maximum, int decimals, double step,
                            double value) {
        auto *box = new QDoubleSpinBox(tab);
        box->setObjectName(QLatin1String(name));
        box->setAccessibleName(accessible);
        box->setRange(0, maximum);
        box->setDecimals(decimals);
        box->setSingleStep(step);
        box->setValue(value);
        return box;
    };
    // The command line's ranges (evaluate --cost-fn, --cost-fp, --target-approval, --max-bad-rate).
    // A bad approved typically costs several times what a good declined does (loss given default
    // against a lost margin): 5 to 1 to start.
    m_costBad = spin("costBadSpin", tr("Cost of approving a bad loan"), 1e12, 2, 1, 5);
    m_costGood = spin("costGoodSpin", tr("Cost of declining a good loan"), 1e12, 2, 1, 1);
    m_approvalRate = spin("approvalRateSpin", tr("Target approval rate"), 1, 3, 0.01, 0.8);
    m_maxBadRate = spin("maxBadRateSpin", tr("Maximum bad rate among the approved"), 1, 3, 0.005, 0.1);
    for (QDoubleSpinBox *box : {m_costBad, m_costGood})
        box->setMaximumWidth(160);
    m_criterionForm = new QFormLayout;
    m_criterionForm->addRow(tr("C&ut-off by:"), m_criterion);
    m_criterionForm->addRow(tr("Cost of approving a ba&d:"), m_costBad);
    m_criterionForm->addRow(tr("Cost of declining a &good:"), m_costGood);
    m_criterionForm->addRow(tr("Approve at &most:"), m_approvalRate);
    m_criterionForm->addRow(tr("Bad rate among approved &at most:"), m_maxBadRate);

    auto *results = new QFormLayout;
    m_cutoff = valueLabel(QStringLiteral("cutoffLabel"), tab);
    m_approved = valueLabel(QStringLiteral("cutoffApprovedLabel"), tab);
    m_badRateApproved = valueLabel(QStringLiteral("cutoffBadRateLabel"), tab);
    m_expectedCost = valueLabel(QStringLiteral("cutoffCostLabel"), tab);
    m_cutoff->setAccessibleName(tr("Cut-off"));
    m_approved->setAccessibleName(tr("Approval rate"));
    m_badRateApproved->setAccessibleName(tr("Bad rate among the approved"));
    m_expectedCost->setAccessibleName(tr("Expected cost per applicant"));
    results->addRow(tr("Cut-off (decline at or above):"), m_cutoff);
    results->addRow(tr("Approved:"), m_approved);
    results->addRow(tr("Bad rate among approved:"), m_badRateApproved);
    results->addRow(tr("Expected cost per applicant:"), m_expectedCost);
    m_cutoffNote = valueLabel(QStringLiteral("cutoffNoteLabel"), tab);
    m_cutoffNote->setWordWrap(true);

    auto *columns = new QHBoxLayout;
    columns->addLayout(m_criterionForm);
    columns->addSpacing(24);
    columns->addLayout(results, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(columns);
    layout->addWidget(m_cutoffNote);
    layout->addStretch();

    connect(m_criterion, &QComboBox::currentIndexChanged, this, [this] {
        showCutoffInputs();
        requestAnalytics(false, true, false);
    });
    for (QDoubleSpinBox *box : {m_costBad, m_costGood, m_approvalRate, m_maxBadRate})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { requestAnalytics(false, true, false); });
    return tab;
}

BinaryTaskPanel::CutoffBy BinaryTaskPanel::cutoffBy() const
{
    return static_cast<CutoffBy>(std::max(0, m_criterion->currentIndex()));
}

void BinaryTaskPanel::showCutoffInputs()
{
    // Only the inputs of the chosen criterion are shown.
    const CutoffBy by = cutoffBy();
    m_criterionForm->setRowVisible(m_costBad, by == CutoffBy::Cost);
    m_criterionForm->setRowVisible(m_costGood, by == CutoffBy::Cost);
    m_criterionForm->setRowVisible(m_approvalRate, by == CutoffBy::ApprovalRate);
    m_criterionForm->setRowVisible(m_maxBadRate, by == CutoffBy::BadRate);
}

void BinaryTaskPanel::clearCutoff(const QString &note)
{
    m_decision.reset();
    for (QLabel *label : {m_cutoff, m_approved, m_badRateApproved, m_expectedCost}) {
        label->setText(QStringLiteral("–"));
        label->setToolTip({});
    }
    m_cutoffNote->setText(note);
    m_roc->setCutoff(NAN, NAN, NAN, {});
}

void BinaryTaskPanel::requestAnalytics(bool gains, bool cutoff, bool curves)
{
    if (!m_hasScores) {
        m_gains->setTable({});
        m_gainsView->setEnabled(false);
        m_gainsSummary->setText(tr("Per-row scores are not stored in a model file: score a labelled file on the "
                                   "Scoring page to see the gains table."));
        clearCutoff(tr("Per-row scores are not stored in a model file: score a labelled file on the Scoring page to "
                       "choose a cut-off."));
        return;
    }
    BinaryAnalytics::Request request;
    request.scores = m_scores;
    request.curves = curves;
    // Computed on another thread for a large set: "computing" until it is back.
    const bool later = m_scores->scores.size() > BinaryAnalytics::kSynchronousRows;
    const QString computing = tr("Computing…");
    if (gains) {
        request.bands = m_bands->value();
        request.gainsGeneration = ++m_gainsGeneration;
        if (later)
            m_gainsSummary->setText(computing);
    }
    if (cutoff) {
        request.cutoffGeneration = ++m_cutoffGeneration;
        CutoffCriterion criterion;
        switch (cutoffBy()) {
        case CutoffBy::Cost:
            criterion.costFalseNegative = m_costBad->value();
            criterion.costFalsePositive = m_costGood->value();
            break;
        case CutoffBy::ApprovalRate:
            criterion.targetApprovalRate = m_approvalRate->value();
            break;
        case CutoffBy::BadRate:
            criterion.maximumBadRate = m_maxBadRate->value();
            break;
        }
        if (criterion.costFalseNegative && *criterion.costFalseNegative == 0 && *criterion.costFalsePositive == 0) {
            clearCutoff(tr("Both costs are 0, so every cut-off costs nothing: give at least one cost above 0."));
        } else {
            request.cutoff = criterion;
            if (later)
                clearCutoff(computing);
        }
    }
    if (later && curves) {
        for (ChartView *chart : std::initializer_list<ChartView *>{m_precisionRecall, m_cumulativeGains, m_lift})
            chart->showMessage(computing);
    }
    if (request.bands > 0 || request.cutoff || request.curves)
        m_analytics->request(std::move(request));
}

void BinaryTaskPanel::showAnalytics(const BinaryAnalytics::Result &result)
{
    // A result for scores no longer shown, or a part asked for again since, is dropped.
    if (result.request.scores != m_scores)
        return;
    if (result.gains && result.request.gainsGeneration == m_gainsGeneration)
        showGains(*result.gains, result.ks);
    if (result.request.cutoff && result.request.cutoffGeneration == m_cutoffGeneration)
        showCutoff(result);
    if (result.hasCurves) {
        m_precisionRecall->setCurve(result.precisionRecall, result.averagePrecision, result.positiveRate, m_task);
        m_cumulativeGains->setCurve(result.cumulativeGains, result.positiveRate, m_task);
        m_lift->setCurve(result.cumulativeGains, m_task);
    }
}

void BinaryTaskPanel::showGains(const GainsTable &table, double ks)
{
    // The engine's table, as `creditmtl-cli evaluate --gains N` prints it.
    m_gainsView->setEnabled(true);
    m_gains->setTable(table);
    const QLocale locale;
    m_gainsSummary->setText(tr("%1 bads of %2 rows; KS over the bands %3, over every threshold %4.")
                                .arg(locale.toString(static_cast<qlonglong>(table.bads)),
                                     locale.toString(static_cast<qlonglong>(table.count)),
                                     locale.toString(table.ks, 'f', 4), locale.toString(ks, 'f', 4)));
}

void BinaryTaskPanel::showCutoff(const BinaryAnalytics::Result &result)
{
    if (!result.decision) {
        clearCutoff(result.cutoffError);
        return;
    }
    // The engine's choice, as `creditmtl-cli evaluate` prints it for the same criterion.
    m_decision = result.decision;
    const CutoffCriterion &criterion = *result.request.cutoff;
    const bool byCost = criterion.costFalseNegative.has_value();
    const CutoffDecision &decision = *m_decision;
    const QLocale locale;
    m_cutoff->setText(std::isinf(decision.cutoff) ? tr("none (approve all)")
                                                  : locale.toString(decision.cutoff, 'f', 6));
    m_approved->setText(tr("%1 of %2 (%3%)")
                            .arg(locale.toString(static_cast<qlonglong>(decision.approved)),
                                 locale.toString(static_cast<qlonglong>(decision.rows)),
                                 locale.toString(100 * decision.approvalRate, 'f', 2)));
    m_badRateApproved->setText(std::isnan(decision.badRateApproved)
                                   ? QStringLiteral("—")
                                   : tr("%1 (%2 bads)")
                                         .arg(locale.toString(decision.badRateApproved, 'f', 4),
                                              locale.toString(static_cast<qlonglong>(decision.approvedBads))));
    m_badRateApproved->setToolTip(std::isnan(decision.badRateApproved) ? tr("Undefined: nobody is approved.")
                                                                       : QString());
    m_expectedCost->setText(byCost ? locale.toString(decision.expectedCost, 'f', 4) : QStringLiteral("—"));
    m_expectedCost->setToolTip(byCost ? QString() : tr("Priced only when the cut-off is chosen by cost."));
    QString note;
    if (criterion.maximumBadRate && !(decision.badRateApproved <= *criterion.maximumBadRate))
        note = tr("No cut-off keeps the bad rate among the approved at most %1; the cut-off above approves nobody.")
                   .arg(locale.toString(*criterion.maximumBadRate, 'f', 3));
    else if (byCost)
        note = tr("The square on the ROC curve marks this cut-off; every point of the dashed iso-cost line through "
                  "it costs the same, so the cheapest cut-off is where that line touches the curve.");
    else
        note = tr("The square on the ROC curve marks this cut-off.");
    m_cutoffNote->setText(note);
    // Where the cut-off lies on the ROC curve, from the engine's counts at it.
    const ConfusionCounts &counts = result.atCutoff;
    const RocPoint point = rocPointAt(counts, decision.cutoff);
    const double slope = byCost
                             ? RocChart::isoCostSlope(*criterion.costFalseNegative, *criterion.costFalsePositive,
                                                      static_cast<double>(counts.truePositive + counts.falseNegative),
                                                      static_cast<double>(counts.falsePositive + counts.trueNegative))
                             : NAN;
    m_roc->setCutoff(point.falsePositiveRate, point.truePositiveRate, slope, tr("cut-off"));
}

} // namespace cmtl::ui
