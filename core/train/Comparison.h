#pragma once

#include "common/Cancellation.h"
#include "data/Table.h"
#include "metrics/Evaluation.h"
#include "model/MultiTaskModel.h"
#include "tasks/TaskSpec.h"
#include "train/GradientBoosting.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cmtl {

enum class CandidateKind {
    MultiTask,    // one network for all the tasks
    SingleTask,   // the same settings, one model per task trained alone
    Distilled,    // one model per task trained on a multi-task teacher's predictions (binary and
                  // regression tasks; a multiclass task keeps its hard labels)
    BoostedTrees, // gradient-boosted trees per task (XGBoost), depth and rounds chosen on each
                  // repeat by inner cross-validation on its training rows (chooseBoosting)
};

// One model configuration in a comparison.
struct ComparisonCandidate {
    std::string label;
    CandidateKind kind = CandidateKind::MultiTask;
    ExperimentConfig config;
    // SingleTask only: each task's L2 penalty is chosen, on every fold, by inner stratified
    // cross-validation on that fold's training rows alone (choosePenalty), from kPenaltyGrid.
    bool tunePenalty = false;
};

// The L2 penalties a tuned baseline chooses from (0.5 * l2 * ||W||^2 on a mean loss: l2 is about
// 1 / (C * rows) for scikit-learn's C, so 1e-2 on 8,000 rows is C of about 0.0125).
inline const std::vector<double> kPenaltyGrid = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
constexpr int kPenaltyFolds = 3;

// The penalty of `grid` whose model, trained with `config` on `trainingRows` only, scores best on
// the task's headline metric (AUC, accuracy or RMSE) averaged over `folds` stratified inner
// folds of those rows; ties go to the stronger penalty. `roles` holds the one task.
struct PenaltyChoice {
    double l2 = 0;
    std::vector<double> meanScores; // per grid value
};
PenaltyChoice choosePenalty(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                            const std::vector<std::size_t> &trainingRows,
                            const std::vector<double> &grid = kPenaltyGrid, int folds = kPenaltyFolds,
                            const CancellationToken *cancel = nullptr);

// Gradient-boosted trees for the one task of `roles`, fitted on the training and validation rows
// of `split` (preprocessed as the networks are) and scored on its test rows. Depth and rounds are
// chosen from kBoostingDepths x kBoostingRounds by inner stratified kBoostingFolds-fold
// cross-validation on those rows alone, by the task's headline metric; ties go to the smaller
// model. Deterministic for config.split.seed and config.train.seed.
struct BoostingRun {
    BoostingSettings chosen;
    TaskEvaluation test;
};
BoostingRun boostedTreesOnSplit(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                                const DataSplit &split, const CancellationToken *cancel = nullptr);

struct ComparisonSpec {
    std::vector<ComparisonCandidate> candidates;
    int folds = 5;                    // stratified K-fold cross-validation when seeds is empty
    std::vector<std::uint64_t> seeds; // otherwise one held-out split per seed
    ExperimentConfig teacher;         // the multi-task teacher of Distilled candidates
};

enum class Verdict { Better, NoDetectableDifference, Worse };

// The Nadeau-Bengio corrected resampled t interval of the mean paired difference a - b over k
// repeats whose training sets overlap: with d_j = a_j - b_j, mean d and sample variance s^2,
//   d +- t_{1-(1-level)/2, k-1} * sqrt((1/k + n_test/n_train) * s^2)
// (Nadeau & Bengio 2003, Machine Learning 52:239-281). The plain paired t interval (without the
// n_test/n_train term) is too narrow because the repeats' training sets share most rows. The
// verdict says whether the interval lies wholly on the better side of 0 (Better), wholly on the
// worse side (Worse), or covers 0.
struct PairedInterval {
    double mean = 0, lower = 0, upper = 0;
    double level = 0.95;
    Verdict verdict = Verdict::NoDetectableDifference;
};
PairedInterval correctedResampledInterval(const std::vector<double> &a, const std::vector<double> &b,
                                          double testToTrainRatio, bool higherIsBetter, double level = 0.95);

// The test-part values of one metric of one task: values[candidate][repeat].
struct MetricSamples {
    std::string task;
    std::string metric;
    bool higherIsBetter = true;
    std::vector<std::vector<double>> values;
    // Per candidate, the 95% corrected resampled t interval of its paired difference to the
    // single-task net and to the tuned baseline (attachPairedIntervals): none for the two
    // references themselves, when a reference was not compared, for a result without n_test /
    // n_train (stored before it was recorded) and with fewer than two repeats.
    std::vector<std::optional<PairedInterval>> versusSingleTask{}, versusBaseline{};
};

// The labels of the two candidates the others are read against (standardCandidates).
inline const std::string kBaselineLabel = "logistic";
inline const std::string kSingleTaskLabel = "single-task net";
inline const std::string kBoostedTreesLabel = "boosted trees";

struct ComparisonResult {
    std::vector<std::string> candidates;
    std::string scheme; // "5-fold cross-validation" or "3 seeds"
    std::vector<MetricSamples> metrics;
    // Test rows over the rows the models learnt from (training and validation), averaged over
    // the repeats: the n_test / n_train of the corrected resampled t interval.
    double testToTrainRatio = 0;
    // What the reader should know of the candidates (how the tuned baseline chose its penalties).
    std::vector<std::string> notes;
};

// The product's standard line-up on `base` settings: a logistic / linear model per task, the
// network per task alone, shared-bottom (fixed and uncertainty weights), MMoE, PLE and attention
// networks, and gradient-boosted trees per task (last, when the build has XGBoost).
std::vector<ComparisonCandidate> standardCandidates(const ExperimentConfig &base);
// Fills every metric's versusSingleTask and versusBaseline from its values (compareCandidates
// does, once every repeat is in).
void attachPairedIntervals(ComparisonResult &result, double level = 0.95);
// A linear model per task (no hidden layer), the industry's champion model. It keeps the base's
// preprocessing, split, batch, L2 and seed, but trains by its own rule, not the networks'
// epochs and patience: learning rate kLogisticLearningRate, up to kLogisticEpochs epochs, early
// stopping on its own validation loss after kLogisticPatience epochs without improvement, then a
// refit on every training row for the epochs chosen. (`compare` chooses its L2 by inner
// cross-validation: ComparisonCandidate::tunePenalty.)
inline constexpr double kLogisticLearningRate = 0.01;
inline constexpr int kLogisticEpochs = 100;
inline constexpr int kLogisticPatience = 10;
ExperimentConfig logisticConfig(const ExperimentConfig &base);

// Trains every candidate on the same folds (or seeds) and collects the test metrics: binary AUC
// and KS, multiclass accuracy and macro-F1, regression RMSE and R2. `progress` hears one line
// per trained model.
ComparisonResult compareCandidates(const Table &data, const RoleAssignment &roles, const ComparisonSpec &spec,
                                   const std::function<void(const std::string &)> &progress = {},
                                   const CancellationToken *cancel = nullptr);

// Stratified K folds of rows 0..rows-1 on `strata` (may be empty), shuffled with split.seed; within
// each fold's other rows, a validation part of split's validation share (seeded per fold).
std::vector<DataSplit> stratifiedFolds(std::size_t rows, const std::vector<float> &strata, int folds,
                                       const SplitSpec &split);

struct Summary {
    double mean = 0, standardDeviation = 0; // sample standard deviation (n - 1)
};
Summary summarise(const std::vector<double> &values);
// Mean and standard deviation of the paired differences a - b.
Summary summariseDifference(const std::vector<double> &a, const std::vector<double> &b);

// The quantile of Student's t distribution with `degrees` degrees of freedom at probability p.
double studentTQuantile(double p, double degrees);

// "sharing helped", "sharing made no detectable difference" or "sharing hurt".
std::string sharingVerdict(Verdict verdict);
// Against a baseline: "better than", "no detectable difference from" or "worse than".
std::string baselineVerdict(Verdict verdict);

} // namespace cmtl
