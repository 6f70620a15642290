#pragma once

#include "binning/Binning.h"
#include "charts/ChartView.h"

class QAreaSeries;
class QCategoryAxis;
class QLineSeries;

namespace cmtl::ui {

// One feature's bins: a bar of the rows in each bin (left axis) and the bad rate (event rate) of
// each bin as a line over them (right axis, in per cent), the bins named along the bottom.
class BinningChart : public ChartView {
    Q_OBJECT
public:
    explicit BinningChart(QWidget *parent = nullptr);

    void setBinning(const FeatureBinning &binning);
    // Nothing selected: says what to do instead.
    void clear();

    QAreaSeries *countSeries() const { return m_counts; }
    QLineSeries *badRateSeries() const { return m_badRate; }
    QCategoryAxis *binAxis() const { return m_bins; }

protected:
    void forgetSeries() override
    {
        m_counts = nullptr;
        m_badRate = nullptr;
    }

private:
    QCategoryAxis *m_bins;
    QValueAxis *m_rateAxis;
    QAreaSeries *m_counts = nullptr;
    QLineSeries *m_badRate = nullptr;
};

} // namespace cmtl::ui
