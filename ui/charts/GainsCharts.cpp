#include "charts/GainsCharts.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cmtl::ui {

namespace {

QLineSeries *referenceLine(const QString &name, const QList<QPointF> &points)
{
    auto *line = new QLineSeries;
    line->setName(name);
    line->replace(points);
    QPen dashed(QColor(150, 150, 150));
    dashed.setStyle(Qt::DashLine);
    line->setPen(dashed);
    return line;
}

// The model's curve: the first series colour, as the ROC curve of a single task.
QLineSeries *modelCurve(const QString &name, const QList<QPointF> &points)
{
    auto *curve = new QLineSeries;
    curve->setName(name);
    curve->replace(points);
    curve->setPen(QPen(ChartView::seriesColor(0), 2.0));
    return curve;
}

QString noPositiveMessage()
{
    return ChartView::tr("Nothing to draw: no row of this task is positive (bad), so there is nothing to rank "
                         "them by.");
}

} // namespace

PrecisionRecallChart::PrecisionRecallChart(QWidget *parent) : ChartView(tr("Precision-recall curve"), parent)
{
    setObjectName(QStringLiteral("precisionRecallChart"));
    setAxes(tr("Recall (share of positives flagged)"), 0, 1, tr("Precision"), 0, 1);
}

void PrecisionRecallChart::setCurve(const std::vector<PrecisionRecallPoint> &points, double averagePrecision,
                                    double positiveRate, const QString &name)
{
    clearSeries();
    if (points.empty()) {
        showMessage(noPositiveMessage());
        return;
    }
    QList<QPointF> drawn;
    for (const std::size_t k : drawnPoints(points.size()))
        drawn.append(QPointF(points[k].recall, points[k].precision));
    attach(modelCurve(tr("%1 (AP %2)").arg(name).arg(averagePrecision, 0, 'f', 3), drawn));
    attach(referenceLine(tr("no skill (%1)").arg(positiveRate, 0, 'f', 3),
                         {QPointF(0, positiveRate), QPointF(1, positiveRate)}));
    fitLegend();
}

CumulativeGainsChart::CumulativeGainsChart(QWidget *parent) : ChartView(tr("Cumulative gains (CAP)"), parent)
{
    setObjectName(QStringLiteral("cumulativeGainsChart"));
    setAxes(tr("Share of population (highest scores first)"), 0, 1, tr("Positives caught"), 0, 1);
}

void CumulativeGainsChart::setCurve(const std::vector<CumulativeGainsPoint> &points, double positiveRate,
                                    const QString &name)
{
    clearSeries();
    if (points.empty()) {
        showMessage(noPositiveMessage());
        return;
    }
    QList<QPointF> drawn;
    for (const std::size_t k : drawnPoints(points.size()))
        drawn.append(QPointF(points[k].populationShare, points[k].positiveShare));
    attach(modelCurve(name, drawn));
    // The perfect model takes every positive first: all of them once the positives' share is taken.
    auto *perfect = new QLineSeries;
    perfect->setName(tr("perfect model"));
    perfect->append(0, 0);
    perfect->append(positiveRate, 1);
    perfect->append(1, 1);
    QPen dotted(QColor(46, 139, 87));
    dotted.setStyle(Qt::DotLine);
    dotted.setWidthF(1.5);
    perfect->setPen(dotted);
    attach(perfect);
    attach(referenceLine(tr("random"), {QPointF(0, 0), QPointF(1, 1)}));
    fitLegend();
}

LiftChart::LiftChart(QWidget *parent) : ChartView(tr("Cumulative lift"), parent)
{
    setObjectName(QStringLiteral("liftChart"));
    setAxes(tr("Share of population (highest scores first)"), 0, 1, tr("Lift"), 0, 2);
}

void LiftChart::setCurve(const std::vector<CumulativeGainsPoint> &points, const QString &name)
{
    clearSeries();
    if (points.empty()) {
        showMessage(noPositiveMessage());
        return;
    }
    QList<QPointF> drawn;
    double highest = 1;
    for (const std::size_t k : drawnPoints(points.size())) {
        // The (0, 0) start has no lift (no row taken yet).
        if (points[k].populationShare <= 0)
            continue;
        const double lift = points[k].positiveShare / points[k].populationShare;
        highest = std::max(highest, lift);
        drawn.append(QPointF(points[k].populationShare, lift));
    }
    attach(modelCurve(name, drawn));
    attach(referenceLine(tr("random (lift 1)"), {QPointF(0, 1), QPointF(1, 1)}));
    // Room above the highest lift, to a whole number.
    yAxis()->setRange(0, std::ceil(highest * 1.05));
    fitLegend();
}

} // namespace cmtl::ui
