#pragma once

#include "charts/ChartView.h"
#include "metrics/Gains.h"

#include <vector>

namespace cmtl::ui {

// The credit analyst's ranking charts of a binary task, drawn from the engine's curves (Gains.h):
// the precision-recall curve, the cumulative gains (CAP) curve and the cumulative lift. The
// positive class is the bad one, so the riskiest rows (highest scores) come first.

// Precision against recall, one point per distinct score, with the average precision in the legend
// and the no-skill line at the share of positives.
class PrecisionRecallChart : public ChartView {
    Q_OBJECT
public:
    explicit PrecisionRecallChart(QWidget *parent = nullptr);
    // An empty curve (no positive row) shows why in place of the chart.
    void setCurve(const std::vector<PrecisionRecallPoint> &points, double averagePrecision, double positiveRate,
                  const QString &name);
};

// Share of the positives caught against the share of the population taken from the highest score
// down, between the random line (the diagonal) and the perfect model (every positive first).
class CumulativeGainsChart : public ChartView {
    Q_OBJECT
public:
    explicit CumulativeGainsChart(QWidget *parent = nullptr);
    void setCurve(const std::vector<CumulativeGainsPoint> &points, double positiveRate, const QString &name);
};

// Cumulative lift: the positive rate of the rows taken so far divided by the overall rate, along
// the cumulative gains curve's points (positiveShare / populationShare), against the random model's 1.
class LiftChart : public ChartView {
    Q_OBJECT
public:
    explicit LiftChart(QWidget *parent = nullptr);
    void setCurve(const std::vector<CumulativeGainsPoint> &points, const QString &name);
};

} // namespace cmtl::ui
