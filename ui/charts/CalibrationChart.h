#pragma once

#include "charts/ChartView.h"
#include "metrics/BinaryMetrics.h"

namespace cmtl::ui {

// Reliability diagram: observed positive rate against mean predicted probability per bin, with
// the rows behind the bins in the legend and each bin's figures on hovering its point.
class CalibrationChart : public ChartView {
    Q_OBJECT
public:
    explicit CalibrationChart(QWidget *parent = nullptr);
    void setBins(const std::vector<CalibrationBin> &bins);
    // The legend entry of the bins, e.g. "10 bins of 31–32 rows".
    QString binsLegend() const;
    // The bin drawn at `point`, described; empty when no bin is there.
    QString binToolTip(const QPointF &point) const;

private:
    std::vector<CalibrationBin> m_bins;
    QString m_binsLegend;
};

} // namespace cmtl::ui
