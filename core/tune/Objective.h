#pragma once

// The scoring of one configuration, apart from the search that proposes configurations
// (Tuner.h): repeated stratified K-fold cross-validation on the tuning rows only, one metric of
// one task measured on each held-out fold.

#include "common/Cancellation.h"
#include "data/Table.h"
#include "io/SettingLimits.h"
#include "metrics/Evaluation.h"
#include "model/MultiTaskModel.h"
#include "tasks/TaskSpec.h"
#include "train/Trainer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

// The figure a search maximises (or minimises): one metric of one task on the held-out folds.
struct TuneMetric {
    std::string task;   // the task's name (its column)
    std::string metric; // auc, ks, gini, logloss, brier (binary); accuracy, macro-f1, logloss
                        // (multiclass); rmse, mae, r2 (regression)
    bool higherIsBetter = true;

    std::string label() const { return task + ":" + metric; }
};

// "TASK:METRIC" checked against the tasks; an empty text chooses the first binary task's AUC, or
// without one the first task's accuracy or RMSE. Throws ConfigError naming the tasks or metrics that would do.
TuneMetric parseTuneMetric(const std::string &text, const std::vector<TaskSpec> &tasks);
// The metric's value in a task's evaluation (the evaluation of the metric's task).
double metricValue(const TuneMetric &metric, const TaskEvaluation &evaluation);
// Whether `a` is a better value of the metric than `b` (NaN is never better).
bool isBetter(const TuneMetric &metric, double a, double b);

// The rows a search may look at: the training and validation parts of the split the run itself
// would make (its test part is never touched), or every row when the test rows come from a
// separate file.
std::vector<std::size_t> tuningRows(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                                    bool separateTestTable);

// A configuration to score: the settings and each task's lambda (in the order of the roles' tasks).
struct Candidate {
    ExperimentConfig config;
    std::vector<double> lambdas;
};

namespace limits {
// Repetitions of the K-fold cross-validation (`tune --repeats`); the folds use limits::kFolds.
inline constexpr IntegerRange kTuneRepeats{"repeats", "repeats", 1, 100};
} // namespace limits

struct CrossValidationScheme {
    int folds = 3;
    int repeats = 3;
    std::uint64_t seed = 42; // the folds of repeat r are shuffled with a seed derived from it and r
};

class CrossValidationObjective {
public:
    // Throws ConfigError when the scheme cannot be run on these rows (folds out of range, more
    // folds than rows, repeats out of range, a metric of no task).
    CrossValidationObjective(const Table &data, RoleAssignment roles, std::vector<std::size_t> rows, TuneMetric metric,
                             CrossValidationScheme scheme);
    virtual ~CrossValidationObjective() = default;
    CrossValidationObjective(const CrossValidationObjective &) = delete;
    CrossValidationObjective &operator=(const CrossValidationObjective &) = delete;

    const TuneMetric &metric() const { return m_metric; }
    const CrossValidationScheme &scheme() const { return m_scheme; }
    const std::vector<std::size_t> &rows() const { return m_rows; }
    const RoleAssignment &roles() const { return m_roles; }
    std::size_t metricTask() const { return m_metricTask; } // its index among the roles' tasks
    // Held-out folds in all: folds x repeats, numbered repeat by repeat.
    int evaluations() const { return m_scheme.folds * m_scheme.repeats; }

    // Trains `candidate` on the other folds of the tuning rows (less its validation share for
    // early stopping, taken from config.split) and returns the metric on held-out fold `index`.
    // The held-out folds do not depend on the candidate, so candidates are compared on the same
    // rows. Throws Cancelled when `cancel` is triggered, ConfigError when training fails.
    // Called from several threads at once by the search (Tuner.h): it changes nothing of the
    // objective, and its value depends only on the candidate and the fold. (Virtual for tests
    // that score a search on a known function.)
    virtual double score(const Candidate &candidate, int index, const std::vector<TrainingCallback *> &callbacks = {},
                         const CancellationToken *cancel = nullptr) const;

    // The split of the data's rows behind fold `index` for this candidate (for tests and reports).
    DataSplit foldSplit(const Candidate &candidate, int index) const;

private:
    const Table &m_data;
    RoleAssignment m_roles;
    std::vector<std::size_t> m_rows;
    std::vector<float> m_strata; // of m_rows
    std::size_t m_metricTask = 0;
    TuneMetric m_metric;
    CrossValidationScheme m_scheme;
};

} // namespace cmtl
