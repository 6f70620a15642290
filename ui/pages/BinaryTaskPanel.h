#pragma once

#include "RunRecord.h"
#include "metrics/Evaluation.h"
#include "metrics/TaskScores.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTabWidget;

namespace cmtl::ui {

class CalibrationChart;
class KsChart;
class RocChart;
class ScoreDistributionChart;

// A binary task's results: the ROC curve with a threshold marker, a threshold slider driving the
// confusion matrix, precision, recall and F1 (from the engine's confusionAt; "—" where a rate is
// 0/0), starting at a stated cut-off, and the KS, score
// distribution and calibration charts. Without per-row scores (a model opened from a file) each
// chart that needs them says so in its place.
class BinaryTaskPanel : public QWidget {
    Q_OBJECT
public:
    explicit BinaryTaskPanel(QWidget *parent = nullptr);

    // `scores` may be null (a model opened from a file): the ROC then comes from `evaluation`
    // alone (a message when it has none) and the threshold explorer is disabled. `run` names the
    // run in the charts' exports ("Run 3 (MMoE, uncertainty)").
    void setTask(const TaskEvaluation &evaluation, const TaskScores *scores, const TaskCharts *charts,
                 const QString &run = {});
    // Sets the threshold without taking it for the user's choice (thresholdChosen is not sent).
    void setThreshold(double threshold);
    double threshold() const;
    QString task() const { return m_task; }
    // Where the explorer starts for a task: the KS-optimal cut-off (the score where the positives'
    // and negatives' cumulative shares differ most) when the KS curve is there, else the base rate
    // (the share of positives); 0.5 without scores. `why` receives the sentence shown on the panel.
    static double startingThreshold(const TaskScores *scores, const TaskCharts *charts, QString *why = nullptr);
    const ConfusionCounts &counts() const { return m_counts; }

    RocChart *rocChart() const { return m_roc; }
    KsChart *ksChart() const { return m_ks; }
    ScoreDistributionChart *distributionChart() const { return m_distribution; }
    CalibrationChart *calibrationChart() const { return m_calibration; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // The user moved the slider or changed the value (mouse, keys, typing): their choice for
    // `task`. Not sent when the panel sets the threshold itself (a task shown, setThreshold).
    void thresholdChosen(const QString &task, double threshold);

private:
    void updateThreshold();

    QString m_task;
    TaskScores m_scores;
    bool m_hasScores = false;
    bool m_settingThreshold = false; // inside setThreshold: a change that is not the user's
    ConfusionCounts m_counts;
    RocChart *m_roc;
    KsChart *m_ks;
    ScoreDistributionChart *m_distribution;
    CalibrationChart *m_calibration;
    QTabWidget *m_tabs;
    QSlider *m_slider;
    QDoubleSpinBox *m_spin;
    QLabel *m_tp, *m_fp, *m_fn, *m_tn;
    QLabel *m_actualPositive, *m_actualNegative, *m_predictedPositive, *m_predictedNegative;
    QLabel *m_precision, *m_recall, *m_f1, *m_accuracy, *m_flagged, *m_start;
};

} // namespace cmtl::ui
