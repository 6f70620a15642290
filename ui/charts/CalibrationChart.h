#pragma once

#include "charts/ChartView.h"
#include "metrics/BinaryMetrics.h"

namespace cmtl::ui {

// Reliability diagram: observed positive rate against mean predicted probability per bin.
class CalibrationChart : public ChartView {
    Q_OBJECT
public:
    explicit CalibrationChart(QWidget *parent = nullptr);
    void setBins(const std::vector<CalibrationBin> &bins);
};

} // namespace cmtl::ui
