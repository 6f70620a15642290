#pragma once

#include "charts/ChartView.h"
#include "train/Trainer.h"

#include <QStringList>

class QLineSeries;

namespace cmtl::ui {

// The effective weight of every task (its lambda times the weighting method's multiplier), one
// point per epoch: flat for fixed weights, moving for uncertainty, GradNorm and DWA.
class TaskWeightChart : public ChartView {
    Q_OBJECT
public:
    explicit TaskWeightChart(QWidget *parent = nullptr);

    void reset(const QStringList &tasks, int epochs);
    void appendEpoch(const EpochRecord &record);

    QLineSeries *weightSeries(int task) const { return m_weights.value(task); }

protected:
    void forgetSeries() override { m_weights.clear(); }

private:
    QList<QLineSeries *> m_weights;
    double m_highest = 0;
};

} // namespace cmtl::ui
