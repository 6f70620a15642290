#pragma once

#include "charts/ChartView.h"
#include "train/Trainer.h"

#include <QStringList>

class QLineSeries;

namespace cmtl::ui {

// Training and validation loss of every task, one point per epoch, appended as epochs finish.
class LossChart : public ChartView {
    Q_OBJECT
public:
    explicit LossChart(QWidget *parent = nullptr);

    void reset(const QStringList &tasks, int epochs);
    void appendEpoch(const EpochRecord &record);
    // Shows a whole history at once (a finished run).
    void setHistory(const QStringList &tasks, const TrainingHistory &history);

    int pointCount() const;
    QLineSeries *trainSeries(int task) const { return m_train.value(task); }
    QLineSeries *validationSeries(int task) const { return m_validation.value(task); }

private:
    QList<QLineSeries *> m_train, m_validation;
    double m_highest = 0;
};

} // namespace cmtl::ui
