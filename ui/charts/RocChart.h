#pragma once

#include "charts/ChartView.h"
#include "metrics/BinaryMetrics.h"

#include <QPointF>

#include <utility>
#include <vector>

class QLineSeries;
class QScatterSeries;

namespace cmtl::ui {

// ROC curves (one or several overlaid), AUC in the legend, the chance diagonal, a marker at the
// current threshold, a tooltip with threshold, TPR and FPR under the mouse, and optionally a chosen
// cut-off with the iso-cost line through it (every point of that line costs the same).
class RocChart : public ChartView {
    Q_OBJECT
public:
    struct Curve {
        QString name;
        std::vector<RocPoint> points;
        double auc = 0;
    };

    explicit RocChart(QWidget *parent = nullptr);

    void setCurves(std::vector<Curve> curves);
    // Moves the marker to (fpr, tpr); a NaN hides it.
    void setMarker(double falsePositiveRate, double truePositiveRate);

    // Marks the chosen cut-off at (fpr, tpr), named `name` in the legend, with the iso-cost line of
    // slope `isoCostSlope` (TPR per FPR; +inf for a vertical line) through it; a NaN slope draws the
    // marker alone, a NaN point removes both.
    void setCutoff(double falsePositiveRate, double truePositiveRate, double isoCostSlope, const QString &name);
    // The iso-cost line's slope in ROC space: expected cost = costFN x bads x (1 - TPR) + costFP x goods
    // x FPR is constant along TPR = c + slope x FPR, slope = costFP x goods / (costFN x bads). NaN
    // without bads or goods or with both costs 0; +inf when only declining a good costs.
    static double isoCostSlope(double costFalseNegative, double costFalsePositive, double bads, double goods);
    // The part inside the unit square of the line through `point` with `slope` (+inf: vertical).
    static std::pair<QPointF, QPointF> unitSquareSegment(QPointF point, double slope);

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    QLineSeries *curveSeries(int index) const { return m_series.at(static_cast<std::size_t>(index)); }
    QScatterSeries *markerSeries() const { return m_marker; }
    QScatterSeries *cutoffSeries() const { return m_cutoff; }
    QLineSeries *isoCostSeries() const { return m_isoCost; }
    // The text the tooltip shows for the point of curve `index` nearest to (fpr, tpr).
    QString hoverText(int index, QPointF point) const;

protected:
    void forgetSeries() override;

private:
    std::vector<Curve> m_curves;
    std::vector<QLineSeries *> m_series;
    QScatterSeries *m_marker = nullptr;
    QScatterSeries *m_cutoff = nullptr; // the chosen cut-off, absent until set
    QLineSeries *m_isoCost = nullptr;
};

} // namespace cmtl::ui
