#pragma once

#include "charts/ChartView.h"
#include "metrics/TaskScores.h"

class QLineSeries;

namespace cmtl::ui {

// Histograms of the predicted probability for the positive ("bad") and negative ("good") rows,
// each normalised to 1, with a line at the current threshold.
class ScoreDistributionChart : public ChartView {
    Q_OBJECT
public:
    explicit ScoreDistributionChart(QWidget *parent = nullptr);
    void setDistribution(const ScoreDistribution &distribution, const QString &positiveName,
                         const QString &negativeName);
    void setThreshold(double threshold);

protected:
    void forgetSeries() override { m_threshold = nullptr; }

private:
    double m_highest = 1;
    QLineSeries *m_threshold = nullptr;
};

} // namespace cmtl::ui
