#include "charts/CalibrationChart.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace cmtl::ui {

CalibrationChart::CalibrationChart(QWidget *parent) : ChartView(tr("Calibration"), parent)
{
    setObjectName(QStringLiteral("calibrationChart"));
    setAxes(tr("Mean predicted probability"), 0, 1, tr("Observed rate"), 0, 1);
}

void CalibrationChart::setBins(const std::vector<CalibrationBin> &bins)
{
    clearSeries();
    double highest = 0.05;
    auto *line = new QLineSeries;
    line->setName(tr("model"));
    auto *dots = new QScatterSeries;
    dots->setMarkerSize(8);
    for (const CalibrationBin &bin : bins) {
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
    dots->setName(tr("bins"));
    xAxis()->setRange(0, highest);
    yAxis()->setRange(0, highest);
}

} // namespace cmtl::ui
