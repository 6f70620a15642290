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
    const KsPoint *widest = nullptr;
    QList<QPointF> p, n;
    // At most ~5000 drawn points (both ends kept); the KS gap is found over all of them.
    const std::size_t stride = std::max<std::size_t>(1, (points.size() + 4999) / 5000);
    for (std::size_t k = 0; k < points.size(); ++k) {
        const KsPoint &point = points[k];
        if (k % stride == 0 || k + 1 == points.size()) {
            p.append(QPointF(point.populationShare, point.positiveShare));
            n.append(QPointF(point.populationShare, point.negativeShare));
        }
        if (!widest || point.positiveShare - point.negativeShare > widest->positiveShare - widest->negativeShare)
            widest = &point;
    }
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
}

} // namespace cmtl::ui
