#pragma once

#include "charts/ChartView.h"
#include "metrics/BinaryMetrics.h"

#include <QPointF>

#include <vector>

class QLineSeries;
class QScatterSeries;

namespace cmtl::ui {

// ROC curves (one or several overlaid), AUC in the legend, the chance diagonal, a marker at the
// current threshold, and a tooltip with threshold, TPR and FPR under the mouse.
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

    int curveCount() const { return static_cast<int>(m_curves.size()); }
    QLineSeries *curveSeries(int index) const { return m_series.at(static_cast<std::size_t>(index)); }
    QScatterSeries *markerSeries() const { return m_marker; }
    // The text the tooltip shows for the point of curve `index` nearest to (fpr, tpr).
    QString hoverText(int index, QPointF point) const;

protected:
    void forgetSeries() override;

private:
    std::vector<Curve> m_curves;
    std::vector<QLineSeries *> m_series;
    QScatterSeries *m_marker = nullptr;
};

} // namespace cmtl::ui
