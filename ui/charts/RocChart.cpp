#include "charts/RocChart.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cmtl::ui {

RocChart::RocChart(QWidget *parent) : ChartView(tr("ROC curve"), parent)
{
    setObjectName(QStringLiteral("rocChart"));
    setAxes(tr("False positive rate"), 0, 1, tr("True positive rate"), 0, 1);
    setCurves({});
}

void RocChart::forgetSeries()
{
    m_curves.clear();
    m_series.clear();
    m_marker = nullptr;
    m_cutoff = nullptr;
    m_isoCost = nullptr;
}

void RocChart::setCurves(std::vector<Curve> curves)
{
    clearSeries();
    m_curves = std::move(curves);

    auto *diagonal = new QLineSeries;
    diagonal->setName(tr("chance"));
    diagonal->append(0, 0);
    diagonal->append(1, 1);
    QPen dashed(QColor(150, 150, 150));
    dashed.setStyle(Qt::DashLine);
    diagonal->setPen(dashed);
    attach(diagonal);

    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        const Curve &curve = m_curves[i];
        auto *series = new QLineSeries;
        series->setName(std::isfinite(curve.auc) ? tr("%1 (AUC %2)").arg(curve.name).arg(curve.auc, 0, 'f', 3)
                                                 : curve.name);
        // Hover still finds the nearest of all the curve's points.
        QList<QPointF> points;
        for (const std::size_t k : drawnPoints(curve.points.size()))
            points.append(QPointF(curve.points[k].falsePositiveRate, curve.points[k].truePositiveRate));
        series->replace(points);
        attach(series);
        // Each curve its own colour, however many classes: the theme's five would repeat.
        series->setPen(QPen(seriesColor(static_cast<int>(i)), 2.0));
        m_series.push_back(series);
        const int index = static_cast<int>(i);
        connect(series, &QLineSeries::hovered, this, [this, index](const QPointF &point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), hoverText(index, point), this);
            else
                QToolTip::hideText();
        });
    }

    m_marker = new QScatterSeries;
    m_marker->setName(tr("threshold"));
    m_marker->setMarkerSize(11);
    // Black: no curve has it, whatever the number of curves.
    m_marker->setColor(QColor(20, 20, 20));
    m_marker->setBorderColor(Qt::white);
    attach(m_marker);
    // The chance line and the marker need no legend entry.
    hideFromLegend(diagonal);
    hideFromLegend(m_marker);
    fitLegend();
}

void RocChart::setMarker(double falsePositiveRate, double truePositiveRate)
{
    if (!m_marker)
        return;
    if (std::isnan(falsePositiveRate) || std::isnan(truePositiveRate))
        m_marker->clear();
    else
        m_marker->replace(QList<QPointF>{QPointF(falsePositiveRate, truePositiveRate)});
}

void RocChart::setCutoff(double falsePositiveRate, double truePositiveRate, double isoCostSlope, const QString &name)
{
    // Made anew each time, so that the legend lists the cut-off and its line only while they are drawn.
    const auto remove = [this](QAbstractSeries *series) {
        if (!series)
            return;
        chart()->removeSeries(series);
        forgetLegendEntry(series);
        delete series;
    };
    remove(m_isoCost);
    remove(m_cutoff);
    m_isoCost = nullptr;
    m_cutoff = nullptr;
    if (std::isnan(falsePositiveRate) || std::isnan(truePositiveRate) || !m_marker) {
        fitLegend();
        return;
    }
    const QPointF point(falsePositiveRate, truePositiveRate);
    const QColor orange(211, 84, 0);
    if (!std::isnan(isoCostSlope)) {
        m_isoCost = new QLineSeries;
        m_isoCost->setName(tr("iso-cost line"));
        const auto [from, to] = unitSquareSegment(point, isoCostSlope);
        m_isoCost->append(from);
        m_isoCost->append(to);
        QPen pen(orange);
        pen.setStyle(Qt::DashDotLine);
        pen.setWidthF(1.5);
        m_isoCost->setPen(pen);
        attach(m_isoCost);
    }
    m_cutoff = new QScatterSeries;
    m_cutoff->setName(name);
    m_cutoff->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_cutoff->setMarkerSize(12);
    m_cutoff->setColor(orange);
    m_cutoff->setBorderColor(Qt::white);
    m_cutoff->append(point);
    attach(m_cutoff);
    // Out of the legend, which would otherwise move to the side and narrow the curve; the cut-off
    // panel says what the square and the line are.
    if (m_isoCost)
        hideFromLegend(m_isoCost);
    hideFromLegend(m_cutoff);
    fitLegend();
}

double RocChart::isoCostSlope(double costFalseNegative, double costFalsePositive, double bads, double goods)
{
    if (!(bads > 0) || !(goods > 0) || !(costFalseNegative > 0 || costFalsePositive > 0))
        return NAN;
    if (costFalseNegative == 0)
        return std::numeric_limits<double>::infinity();
    return costFalsePositive * goods / (costFalseNegative * bads);
}

std::pair<QPointF, QPointF> RocChart::unitSquareSegment(QPointF point, double slope)
{
    if (std::isinf(slope))
        return {QPointF(point.x(), 0), QPointF(point.x(), 1)};
    if (slope == 0)
        return {QPointF(0, point.y()), QPointF(1, point.y())};
    // Where the line meets y = 0 and y = 1, kept within x in [0, 1].
    const auto xAt = [&](double y) { return point.x() + (y - point.y()) / slope; };
    const auto yAt = [&](double x) { return point.y() + slope * (x - point.x()); };
    const double low = std::clamp(std::min(xAt(0), xAt(1)), 0.0, 1.0);
    const double high = std::clamp(std::max(xAt(0), xAt(1)), 0.0, 1.0);
    return {QPointF(low, std::clamp(yAt(low), 0.0, 1.0)), QPointF(high, std::clamp(yAt(high), 0.0, 1.0))};
}

QString RocChart::hoverText(int index, QPointF point) const
{
    const Curve &curve = m_curves.at(static_cast<std::size_t>(index));
    const RocPoint *nearest = nullptr;
    double best = std::numeric_limits<double>::infinity();
    for (const RocPoint &p : curve.points) {
        const double d = std::hypot(p.falsePositiveRate - point.x(), p.truePositiveRate - point.y());
        if (d < best) {
            best = d;
            nearest = &p;
        }
    }
    if (!nearest)
        return {};
    const QString threshold =
        std::isinf(nearest->threshold) ? QStringLiteral("+∞") : QString::number(nearest->threshold, 'f', 4);
    return tr("%1\nthreshold %2\nTPR %3\nFPR %4")
        .arg(curve.name, threshold)
        .arg(nearest->truePositiveRate, 0, 'f', 4)
        .arg(nearest->falsePositiveRate, 0, 'f', 4);
}

} // namespace cmtl::ui
