#include "charts/KsChart.h"

#include <QLineSeries>

#include <algorithm>

namespace cmtl::ui {

KsChart::KsChart(QWidget *parent) : ChartView(tr("KS curve"), parent)
{
    setObjectName(QStringLiteral("ksChart"));
    setAxes(tr("Share of population (highest scores first)"), 0, 1, tr("Cumulative share"), 0, 1);
}

void KsChart::setCurve(const std::vector<KsPoint> &points, const QString &positiveName, const QString &negativeName)
{
    clearSeries();
    auto *positive = new QLineSeries;
    auto *negative = new QLineSeries;
    positive->setName(positiveName);
    negative->setName(negativeName);
    QList<QPointF> p, n;
    for (const std::size_t k : drawnPoints(points.size())) {
        p.append(QPointF(points[k].populationShare, points[k].positiveShare));
        n.append(QPointF(points[k].populationShare, points[k].negativeShare));
    }
    // The gap is marked where the engine's KS is attained, among all the points.
    const std::optional<std::size_t> peak = ksPeak(points);
    const KsPoint *widest = peak ? &points[*peak] : nullptr;
    positive->replace(p);
    negative->replace(n);
    positive->setColor(QColor(192, 57, 43));
    negative->setColor(QColor(31, 95, 168));
    attach(positive);
    attach(negative);
    if (widest) {
        auto *gap = new QLineSeries;
        gap->setName(tr("KS %1").arg(widest->positiveShare - widest->negativeShare, 0, 'f', 3));
        gap->append(widest->populationShare, widest->negativeShare);
        gap->append(widest->populationShare, widest->positiveShare);
        QPen pen(QColor(46, 139, 87));
        pen.setWidthF(2.5);
        gap->setPen(pen);
        attach(gap);
    }
    fitLegend();
}

} // namespace cmtl::ui
