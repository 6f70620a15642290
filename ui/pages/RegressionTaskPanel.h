#pragma once

#include "metrics/Evaluation.h"
#include "metrics/TaskScores.h"

#include <QWidget>

namespace cmtl::ui {

class PredictedVsActualChart;
class ResidualChart;

// A regression task's results: predicted against actual, and the residuals.
class RegressionTaskPanel : public QWidget {
    Q_OBJECT
public:
    explicit RegressionTaskPanel(QWidget *parent = nullptr);
    // `scores` is null for a model opened from a file: the charts then say why they are empty.
    // `run` names the run in the charts' exports.
    void setTask(const TaskEvaluation &evaluation, const TaskScores *scores, const QString &run = {});

    PredictedVsActualChart *predictedChart() const { return m_predicted; }
    ResidualChart *residualChart() const { return m_residuals; }

private:
    PredictedVsActualChart *m_predicted;
    ResidualChart *m_residuals;
};

} // namespace cmtl::ui
