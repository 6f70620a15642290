#include "charts/BinningChart.h"

#include "models/BinningModels.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace cmtl::ui {

namespace {

constexpr double kBarHalfWidth = 0.35;

} // namespace

BinningChart::BinningChart(QWidget *parent) : ChartView(tr("Bins: rows and bad rate"), parent)
{
    setObjectName(QStringLiteral("binningChart"));
    setAxes(QString(), -0.5, 0.5, tr("Rows"), 0, 1);
    // The bins are named along the bottom by a category axis; the value axis under it only
    // carries the series' positions.
    xAxis()->setVisible(false);
    m_bins = new QCategoryAxis(this);
    m_bins->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_bins->setTitleText(tr("Bin"));
    chart()->addAxis(m_bins, Qt::AlignBottom);
    m_rateAxis = new QValueAxis(this);
    m_rateAxis->setTitleText(tr("Bad rate (%)"));
    m_rateAxis->setLabelFormat(QStringLiteral("%.1f"));
    yAxis()->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(m_rateAxis, Qt::AlignRight);
    clear();
}

void BinningChart::clear()
{
    showMessage(tr("Select a feature in the screening table to see its bins."));
    m_bins->setVisible(false);
    m_rateAxis->setVisible(false);
}

void BinningChart::setBinning(const FeatureBinning &binning)
{
    clearSeries();
    xAxis()->setVisible(false);
    m_bins->setVisible(true);
    m_rateAxis->setVisible(true);
    setSubject(QString::fromStdString(binning.feature), QString());
    setTitle(tr("Bins of %1: rows and bad rate").arg(QString::fromStdString(binning.feature)));
    const int count = static_cast<int>(binning.bins.size());
    // Bars as one area: up, across and down at each bin, back to zero between bins.
    auto *upper = new QLineSeries;
    auto *rate = new QLineSeries;
    double highestCount = 1, highestRate = 0;
    for (int i = 0; i < count; ++i) {
        const Bin &bin = binning.bins[static_cast<std::size_t>(i)];
        const double rows = static_cast<double>(bin.count());
        upper->append(i - kBarHalfWidth, 0);
        upper->append(i - kBarHalfWidth, rows);
        upper->append(i + kBarHalfWidth, rows);
        upper->append(i + kBarHalfWidth, 0);
        rate->append(i, 100.0 * bin.eventRate);
        highestCount = std::max(highestCount, rows);
        highestRate = std::max(highestRate, 100.0 * bin.eventRate);
    }
    m_counts = new QAreaSeries(upper);
    upper->setParent(m_counts);
    m_counts->setName(tr("Rows"));
    QColor fill = seriesColor(0);
    m_counts->setPen(QPen(fill, 1));
    fill.setAlpha(150);
    m_counts->setBrush(fill);
    attach(m_counts);
    m_badRate = rate;
    m_badRate->setName(tr("Bad rate"));
    m_badRate->setPen(QPen(seriesColor(1), 2.5));
    m_badRate->setPointsVisible(true);
    m_badRate->setMarkerSize(8);
    chart()->addSeries(m_badRate);
    m_badRate->attachAxis(xAxis());
    m_badRate->attachAxis(m_rateAxis);

    xAxis()->setRange(-0.5, std::max(0.5, count - 0.5));
    for (const QString &label : m_bins->categoriesLabels())
        m_bins->remove(label);
    m_bins->setStartValue(-0.5);
    m_bins->setRange(-0.5, std::max(0.5, count - 0.5));
    QStringList labels;
    for (int i = 0; i < count; ++i) {
        // A category needs a label of its own: a repeated one (never for ranges or levels) gets
        // the bin's number.
        QString label = BinsTableModel::binLabel(binning.bins[static_cast<std::size_t>(i)]);
        if (labels.contains(label))
            label = QStringLiteral("%1. %2").arg(i + 1).arg(label);
        labels << label;
        m_bins->append(label, i + 0.5);
    }
    // The axes' titles name both series: no legend.
    chart()->legend()->setVisible(false);
    yAxis()->setRange(0, highestCount * 1.1);
    yAxis()->applyNiceNumbers();
    m_rateAxis->setRange(0, std::max(1.0, highestRate * 1.15));
    m_rateAxis->applyNiceNumbers();
    fitLegend();
}

} // namespace cmtl::ui
