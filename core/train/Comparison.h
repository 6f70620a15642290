#pragma once

#include "common/Cancellation.h"
#include "data/Table.h"
#include "model/MultiTaskModel.h"
#include "tasks/TaskSpec.h"

#include <functional>
#include <string>
#include <vector>

namespace cmtl {

enum class CandidateKind {
    MultiTask,  // one network for all the tasks
    SingleTask, // the same settings, one model per task trained alone
    Distilled,  // one model per task trained on a multi-task teacher's predictions (binary and
                // regression tasks; a multiclass task keeps its hard labels)
};

// One model configuration in a comparison.
struct ComparisonCandidate {
    std::string label;
    CandidateKind kind = CandidateKind::MultiTask;
    ExperimentConfig config;
};

struct ComparisonSpec {
    std::vector<ComparisonCandidate> candidates;
    int folds = 5;                    // stratified K-fold cross-validation when seeds is empty
    std::vector<std::uint64_t> seeds; // otherwise one held-out split per seed
    ExperimentConfig teacher;         // the multi-task teacher of Distilled candidates
};

// The test-part values of one metric of one task: values[candidate][repeat].
struct MetricSamples {
    std::string task;
    std::string metric;
    bool higherIsBetter = true;
    std::vector<std::vector<double>> values;
};

struct ComparisonResult {
    std::vector<std::string> candidates;
    std::string scheme; // "5-fold cross-validation" or "3 seeds"
    std::vector<MetricSamples> metrics;
};

// The product's standard line-up on `base` settings: a logistic / linear model per task, the
// network per task alone, and shared-bottom (fixed and uncertainty weights), MMoE, PLE and
// attention networks.
std::vector<ComparisonCandidate> standardCandidates(const ExperimentConfig &base);
// A linear model per task (no hidden layer), the industry's champion model.
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

} // namespace cmtl
