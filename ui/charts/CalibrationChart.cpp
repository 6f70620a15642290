#include "charts/CalibrationChart.h"

#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cmtl::ui {

CalibrationChart::CalibrationChart(QWidget *parent) : ChartView(tr("Calibration"), parent)
{
    setObjectName(QStringLiteral("calibrationChart"));
    setAxes(tr("Mean predicted probability (equal-count bins)"), 0, 1, tr("Observed rate"), 0, 1);
}

void CalibrationChart::setBins(const std::vector<CalibrationBin> &bins)
{
    clearSeries();
    double highest = 0.05;
    auto *line = new QLineSeries;
    line->setName(tr("model"));
    line->setPen(QPen(seriesColor(0), 2));
    auto *dots = new QScatterSeries;
    dots->setMarkerSize(8);
    dots->setColor(seriesColor(0));
    dots->setBorderColor(Qt::white);
    std::int64_t fewest = 0, most = 0;
    for (const CalibrationBin &bin : bins) {
        fewest = fewest == 0 ? bin.count : std::min(fewest, bin.count);
        most = std::max(most, bin.count);
        line->append(bin.meanPredicted, bin.observedRate);
        dots->append(bin.meanPredicted, bin.observedRate);
        highest = std::max({highest, bin.meanPredicted, bin.observedRate});
    }
    highest = std::min(1.0, highest * 1.1);
    auto *perfect = new QLineSeries;
    perfect->setName(tr("perfectly calibrated"));
    perfect->append(0, 0);
    perfect->append(highest, highest);
    perfect->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    attach(perfect);
    attach(line);
    attach(dots);
    // The rows behind each point, in the legend and on hovering a point: a rate from a handful of
    // rows is noise.
    const QLocale locale;
    m_binsLegend = fewest == most ? tr("%n bin(s) of %1 rows", nullptr, static_cast<int>(bins.size()))
                                        .arg(locale.toString(static_cast<qlonglong>(most)))
                                  : tr("%n bin(s) of %1–%2 rows", nullptr, static_cast<int>(bins.size()))
                                        .arg(locale.toString(static_cast<qlonglong>(fewest)),
                                             locale.toString(static_cast<qlonglong>(most)));
    dots->setName(m_binsLegend);
    m_bins = bins;
    connect(dots, &QScatterSeries::hovered, this,
            [this](const QPointF &point, bool entered) { setToolTip(entered ? binToolTip(point) : QString()); });
    xAxis()->setRange(0, highest);
    yAxis()->setRange(0, highest);
    fitLegend();
}

QString CalibrationChart::binsLegend() const
{
    return m_binsLegend;
}

QString CalibrationChart::binToolTip(const QPointF &point) const
{
    const QLocale locale;
    for (const CalibrationBin &bin : m_bins) {
        if (std::abs(bin.meanPredicted - point.x()) < 1e-9 && std::abs(bin.observedRate - point.y()) < 1e-9)
            return tr("Scores %1 to %2: %3 rows, mean score %4, observed rate %5")
                .arg(locale.toString(bin.lowerEdge, 'f', 3), locale.toString(bin.upperEdge, 'f', 3),
                     locale.toString(static_cast<qlonglong>(bin.count)), locale.toString(bin.meanPredicted, 'f', 3),
                     locale.toString(bin.observedRate, 'f', 3));
    }
    return {};
}

} // namespace cmtl::ui
