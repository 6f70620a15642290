#pragma once

#include "charts/ChartView.h"
#include "metrics/BinaryMetrics.h"

namespace cmtl::ui {

// Cumulative shares of positives and negatives against the share of the population taken from
// the highest score down, with the KS gap marked.
class KsChart : public ChartView {
    Q_OBJECT
public:
    explicit KsChart(QWidget *parent = nullptr);
    void setCurve(const std::vector<KsPoint> &points, const QString &positiveName, const QString &negativeName);
};

} // namespace cmtl::ui
