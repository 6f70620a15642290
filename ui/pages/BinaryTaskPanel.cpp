#include "pages/BinaryTaskPanel.h"

#include "charts/CalibrationChart.h"
#include "charts/ChartToolBar.h"
#include "charts/KsChart.h"
#include "charts/RocChart.h"
#include "charts/ScoreDistributionChart.h"

#include "HelpTexts.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
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
    for (ChartView *chart : std::initializer_list<ChartView *>{m_roc, m_ks, m_distribution, m_calibration})
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
    m_scores = m_hasScores ? *scores : TaskScores{};
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
    updateThreshold();
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
    m_counts = confusionAt(m_scores.scores, m_scores.labels, threshold);
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
            .arg(locale.toString(static_cast<qlonglong>(m_scores.scores.size())))
            .arg(100.0 * static_cast<double>(flagged) / std::max<double>(1, m_scores.scores.size()), 0, 'f', 1)
            .arg(tr("evaluation")));
}

} // namespace cmtl::ui
