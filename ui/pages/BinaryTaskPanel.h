#pragma once

#include "RunRecord.h"
#include "metrics/CostCutoff.h"
#include "metrics/Evaluation.h"
#include "metrics/TaskScores.h"
#include "workers/BinaryAnalytics.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace cmtl::ui {

class CalibrationChart;
class CumulativeGainsChart;
class GainsTableModel;
class KsChart;
class LiftChart;
class PrecisionRecallChart;
class RocChart;
class ScoreDistributionChart;

// A binary task's results: the ROC curve with a threshold marker, a threshold slider driving the
// confusion matrix, precision, recall and F1 (from the engine's confusionAt; "—" where a rate is
// 0/0), starting at a stated cut-off, and the KS, score distribution, calibration,
// precision-recall, cumulative gains (CAP) and lift charts; the
// gains table over N score bands (the engine's gainsTable, as `evaluate --gains N`) and the
// accept/decline cut-off chosen by cost, approval rate or bad rate (the engine's chooseCutoff, as
// `evaluate --cost-fn/--cost-fp`, --target-approval, --max-bad-rate), marked on the ROC curve with
// its iso-cost line. Without per-row scores (a model opened from a file) each chart and table that
// needs them says so in its place. The number of bands and the criterion stay as the user set them
// when another task or run is shown.
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
    PrecisionRecallChart *precisionRecallChart() const { return m_precisionRecall; }
    CumulativeGainsChart *cumulativeGainsChart() const { return m_cumulativeGains; }
    LiftChart *liftChart() const { return m_lift; }
    QTabWidget *tabs() const { return m_tabs; }
    GainsTableModel *gainsModel() const { return m_gains; }
    QSpinBox *gainsBandsSpin() const { return m_bands; }

    // How the cut-off is chosen; the order of the criterion combo box.
    enum class CutoffBy { Cost, ApprovalRate, BadRate };
    CutoffBy cutoffBy() const;
    QComboBox *cutoffCriterionCombo() const { return m_criterion; }
    QDoubleSpinBox *costBadSpin() const { return m_costBad; }
    QDoubleSpinBox *costGoodSpin() const { return m_costGood; }
    QDoubleSpinBox *approvalRateSpin() const { return m_approvalRate; }
    QDoubleSpinBox *maxBadRateSpin() const { return m_maxBadRate; }
    // The cut-off shown (nullopt without scores or while the criterion is not valid, such as both
    // costs 0).
    const std::optional<CutoffDecision> &cutoffDecision() const { return m_decision; }

Q_SIGNALS:
    // The user moved the slider or changed the value (mouse, keys, typing): their choice for
    // `task`. Not sent when the panel sets the threshold itself (a task shown, setThreshold).
    void thresholdChosen(const QString &task, double threshold);

private:
    void updateThreshold();
    // Asks the engine for the gains table, the cut-off and the ranking curves as the controls say
    // (each when its flag is set), at once for a small set, else in the background.
    void requestAnalytics(bool gains, bool cutoff, bool curves);
    void showAnalytics(const BinaryAnalytics::Result &result);
    void showGains(const GainsTable &table, double ks);
    void showCutoff(const BinaryAnalytics::Result &result);
    void clearCutoff(const QString &note);
    void showCutoffInputs();
    QWidget *makeGainsTab();
    QWidget *makeCutoffTab();

    QString m_task;
    std::shared_ptr<const TaskScores> m_scores;
    bool m_hasScores = false;
    bool m_settingThreshold = false; // inside setThreshold: a change that is not the user's
    ConfusionCounts m_counts;
    RocChart *m_roc;
    KsChart *m_ks;
    ScoreDistributionChart *m_distribution;
    CalibrationChart *m_calibration;
    PrecisionRecallChart *m_precisionRecall;
    CumulativeGainsChart *m_cumulativeGains;
    LiftChart *m_lift;
    QTabWidget *m_tabs;
    QSlider *m_slider;
    QDoubleSpinBox *m_spin;
    QLabel *m_tp, *m_fp, *m_fn, *m_tn;
    QLabel *m_actualPositive, *m_actualNegative, *m_predictedPositive, *m_predictedNegative;
    QLabel *m_precision, *m_recall, *m_f1, *m_accuracy, *m_flagged, *m_start;

    GainsTableModel *m_gains;
    QSpinBox *m_bands;
    QTableView *m_gainsView;
    QLabel *m_gainsSummary;

    QComboBox *m_criterion;
    QFormLayout *m_criterionForm;
    QDoubleSpinBox *m_costBad, *m_costGood, *m_approvalRate, *m_maxBadRate;
    QLabel *m_cutoff, *m_approved, *m_badRateApproved, *m_expectedCost, *m_cutoffNote;
    std::optional<CutoffDecision> m_decision;
    BinaryAnalytics *m_analytics;
    quint64 m_gainsGeneration = 0, m_cutoffGeneration = 0; // of the latest request of each part
};

} // namespace cmtl::ui
