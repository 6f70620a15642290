#pragma once

#include "charts/ChartView.h"

#include <span>

namespace cmtl::ui {

// A scatter of (x, y) pairs with an optional reference line, thinned to at most `maxPoints`
// evenly spaced rows so that a large test part stays quick to draw. Base of PredictedVsActualChart
// and ResidualChart.
class ScatterChart : public ChartView {
    Q_OBJECT
public:
    using ChartView::ChartView;

protected:
    void setPoints(std::span<const float> x, std::span<const float> y, const QString &name, QLineF reference,
                   const QString &referenceName, bool sameRange, int maxPoints = 1000);
};

// Predicted against actual values of a regression task, with the identity line.
class PredictedVsActualChart : public ScatterChart {
    Q_OBJECT
public:
    explicit PredictedVsActualChart(QWidget *parent = nullptr);
    void setValues(std::span<const float> predicted, std::span<const float> actual);
};

// Residuals (actual - predicted) against the prediction, with the zero line.
class ResidualChart : public ScatterChart {
    Q_OBJECT
public:
    explicit ResidualChart(QWidget *parent = nullptr);
    void setValues(std::span<const float> predicted, std::span<const float> actual);
};

} // namespace cmtl::ui
