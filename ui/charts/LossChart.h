#pragma once

#include "charts/ChartView.h"
#include "train/Trainer.h"

#include <QStringList>

class QLineSeries;
class QScatterSeries;

namespace cmtl::ui {

// Training and validation loss of every task, one point per epoch, appended as epochs finish,
// and a labelled marker at the epoch whose weights the model kept.
class LossChart : public ChartView {
    Q_OBJECT
public:
    explicit LossChart(QWidget *parent = nullptr);

    void reset(const QStringList &tasks, int epochs);
    void appendEpoch(const EpochRecord &record);
    // Shows a whole history at once (a finished run), with its best epoch marked.
    void setHistory(const QStringList &tasks, const TrainingHistory &history);
    // Marks `epoch` (1-based) as the one whose weights were kept: a dashed vertical line named in
    // the legend and labelled on the chart. 0 removes the marker.
    void setBestEpoch(int epoch);
    int bestEpoch() const { return m_bestEpoch; }
    // "Stopped early at epoch 12; the weights of epoch 7 were kept." or "Completed all 30
    // epochs; ...", from the history and the number of epochs the run was given.
    static QString outcome(const TrainingHistory &history, int plannedEpochs);

    int pointCount() const;
    QLineSeries *trainSeries(int task) const { return m_train.value(task); }
    QLineSeries *validationSeries(int task) const { return m_validation.value(task); }
    QLineSeries *bestEpochLine() const { return m_bestLine; }
    QScatterSeries *bestEpochLabel() const { return m_bestLabel; }

protected:
    void forgetSeries() override;

private:
    void placeBestMarker();

    QList<QLineSeries *> m_train, m_validation;
    QLineSeries *m_bestLine = nullptr;
    QScatterSeries *m_bestLabel = nullptr;
    int m_bestEpoch = 0;
    double m_highest = 0;
};

} // namespace cmtl::ui
