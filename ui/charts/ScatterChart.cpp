#include "charts/ScatterChart.h"

#include "metrics/RegressionMetrics.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace cmtl::ui {

void ScatterChart::setPoints(std::span<const float> x, std::span<const float> y, const QString &name, QLineF reference,
                             const QString &referenceName, bool sameRange, int maxPoints)
{
    clearSeries();
    auto *dots = new QScatterSeries;
    dots->setName(name);
    dots->setMarkerSize(5);
    dots->setBorderColor(Qt::transparent);
    dots->setColor(QColor(31, 95, 168, 120));
    const std::size_t n = std::min(x.size(), y.size());
    const std::size_t stride = std::max<std::size_t>(1, n / static_cast<std::size_t>(maxPoints));
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin, yMin = xMin, yMax = -xMin;
    QList<QPointF> points;
    for (std::size_t i = 0; i < n; i += stride) {
        points.append(QPointF(x[i], y[i]));
        xMin = std::min<double>(xMin, x[i]);
        xMax = std::max<double>(xMax, x[i]);
        yMin = std::min<double>(yMin, y[i]);
        yMax = std::max<double>(yMax, y[i]);
    }
    dots->replace(points);
    auto *line = new QLineSeries;
    line->setName(referenceName);
    line->append(reference.p1());
    line->append(reference.p2());
    line->setPen(QPen(QColor(192, 57, 43), 1.5, Qt::DashLine));
    attach(dots);
    attach(line);
    fitLegend();
    if (points.isEmpty())
        return;
    if (sameRange) {
        // Predicted against actual: one scale on both axes, so the identity line is the diagonal.
        xMin = yMin = std::min(xMin, yMin);
        xMax = yMax = std::max(xMax, yMax);
    }
    const double xPad = (xMax - xMin) * 0.03 + 1e-9, yPad = (yMax - yMin) * 0.03 + 1e-9;
    xAxis()->setRange(xMin - xPad, xMax + xPad);
    yAxis()->setRange(yMin - yPad, yMax + yPad);
    xAxis()->setTickCount(7);
    yAxis()->setTickCount(7);
    xAxis()->applyNiceNumbers();
    yAxis()->applyNiceNumbers();
}

PredictedVsActualChart::PredictedVsActualChart(QWidget *parent) : ScatterChart(tr("Predicted against actual"), parent)
{
    setObjectName(QStringLiteral("predictedVsActualChart"));
    setAxes(tr("Actual"), 0, 1, tr("Predicted"), 0, 1);
}

void PredictedVsActualChart::setValues(std::span<const float> predicted, std::span<const float> actual)
{
    float lo = 0, hi = 1;
    if (!actual.empty()) {
        const auto [a, b] = std::minmax_element(actual.begin(), actual.end());
        lo = *a;
        hi = *b;
    }
    setPoints(actual, predicted, tr("rows"), QLineF(lo, lo, hi, hi), tr("predicted = actual"), true);
}

ResidualChart::ResidualChart(QWidget *parent) : ScatterChart(tr("Residuals"), parent)
{
    setObjectName(QStringLiteral("residualChart"));
    setAxes(tr("Predicted"), 0, 1, tr("Actual − predicted"), -1, 1);
}

void ResidualChart::setValues(std::span<const float> predicted, std::span<const float> actual)
{
    const std::vector<float> rowResiduals = residuals(predicted, actual);
    float lo = 0, hi = 1;
    if (!predicted.empty()) {
        const auto [a, b] = std::minmax_element(predicted.begin(), predicted.end());
        lo = *a;
        hi = *b;
    }
    setPoints(predicted, rowResiduals, tr("rows"), QLineF(lo, 0, hi, 0), tr("zero"), false);
}

} // namespace cmtl::ui
