#include "charts/ScoreDistributionChart.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace cmtl::ui {

ScoreDistributionChart::ScoreDistributionChart(QWidget *parent) : ChartView(tr("Score distribution"), parent)
{
    setObjectName(QStringLiteral("scoreDistributionChart"));
    setAxes(tr("Predicted probability"), 0, 1, tr("Share of class"), 0, 1);
}

void ScoreDistributionChart::setDistribution(const ScoreDistribution &distribution, const QString &positiveName,
                                             const QString &negativeName)
{
    clearSeries();
    m_highest = 0.01;
    const auto addClass = [&](const std::vector<double> &shares, const QString &name, QColor color) {
        auto *upper = new QLineSeries;
        for (std::size_t b = 0; b < shares.size(); ++b) {
            // A step outline: flat over each bin.
            upper->append(distribution.edges[b], shares[b]);
            upper->append(distribution.edges[b + 1], shares[b]);
            m_highest = std::max(m_highest, shares[b]);
        }
        auto *area = new QAreaSeries(upper);
        upper->setParent(area);
        area->setName(name);
        color.setAlpha(110);
        area->setBrush(color);
        color.setAlpha(255);
        area->setPen(QPen(color, 1.5));
        attach(area);
    };
    addClass(distribution.negativeShare, negativeName, QColor(31, 95, 168));
    addClass(distribution.positiveShare, positiveName, QColor(192, 57, 43));
    yAxis()->setRange(0, m_highest * 1.1);
    // The histogram's own span: scores crowded near 0 are drawn over the whole width.
    if (distribution.edges.size() >= 2)
        xAxis()->setRange(distribution.edges.front(), distribution.edges.back());
    m_threshold = new QLineSeries;
    m_threshold->setName(tr("threshold"));
    m_threshold->setPen(QPen(QColor(60, 60, 60), 1.5, Qt::DashLine));
    attach(m_threshold);
    fitLegend();
}

void ScoreDistributionChart::setThreshold(double threshold)
{
    if (m_threshold)
        m_threshold->replace(QList<QPointF>{QPointF(threshold, 0), QPointF(threshold, m_highest * 1.1)});
}

} // namespace cmtl::ui
