#include "tune/Objective.h"

#include "common/Error.h"
#include "nn/Random.h"
#include "train/Comparison.h"
#include "train/Experiment.h"

#include <algorithm>
#include <cmath>

namespace cmtl {

namespace {

struct MetricName {
    TaskType type;
    const char *name;
    bool higherIsBetter;
};

constexpr MetricName kMetrics[] = {
    {TaskType::Binary, "auc", true},          {TaskType::Binary, "ks", true},
    {TaskType::Binary, "gini", true},         {TaskType::Binary, "logloss", false},
    {TaskType::Binary, "brier", false},       {TaskType::Multiclass, "accuracy", true},
    {TaskType::Multiclass, "macro-f1", true}, {TaskType::Multiclass, "logloss", false},
    {TaskType::Regression, "rmse", false},    {TaskType::Regression, "mae", false},
    {TaskType::Regression, "r2", true},
};

std::string metricsOf(TaskType type)
{
    std::string names;
    for (const MetricName &metric : kMetrics) {
        if (metric.type == type)
            names += (names.empty() ? "" : ", ") + std::string(metric.name);
    }
    return names;
}

std::string taskNames(const std::vector<TaskSpec> &tasks)
{
    std::string names;
    for (const TaskSpec &task : tasks)
        names += (names.empty() ? "" : ", ") + task.name();
    return names;
}

} // namespace

TuneMetric parseTuneMetric(const std::string &text, const std::vector<TaskSpec> &tasks)
{
    if (tasks.empty())
        throw ConfigError("a search needs at least one task to score");
    if (text.empty()) {
        // The default flag is what credit scoring is judged on: the first binary task's AUC.
        const auto binary = std::find_if(tasks.begin(), tasks.end(),
                                         [](const TaskSpec &task) { return task.type == TaskType::Binary; });
        const TaskSpec &first = binary != tasks.end() ? *binary : tasks.front();
        const char *headline = first.type == TaskType::Binary       ? "auc"
                               : first.type == TaskType::Multiclass ? "accuracy"
                                                                    : "rmse";
        return {first.name(), headline, first.type != TaskType::Regression};
    }
    // The task name may itself contain ':'; the metric is what follows the last one.
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        throw ConfigError("metric \"" + text + "\": expected TASK:METRIC, e.g. " + tasks.front().name() + ":" +
                          (tasks.front().type == TaskType::Binary       ? "auc"
                           : tasks.front().type == TaskType::Multiclass ? "accuracy"
                                                                        : "rmse"));
    const std::string taskName = text.substr(0, colon);
    std::string metricName = text.substr(colon + 1);
    std::transform(metricName.begin(), metricName.end(), metricName.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto task = std::find_if(tasks.begin(), tasks.end(), [&](const TaskSpec &t) { return t.name() == taskName; });
    if (task == tasks.end())
        throw ConfigError("metric \"" + text + "\": there is no task \"" + taskName + "\"; the tasks are " +
                          taskNames(tasks));
    for (const MetricName &metric : kMetrics) {
        if (metric.type == task->type && metricName == metric.name)
            return {task->name(), metric.name, metric.higherIsBetter};
    }
    throw ConfigError("metric \"" + text + "\": a " + toString(task->type) + " task has no metric \"" + metricName +
                      "\"; use one of " + metricsOf(task->type));
}

double metricValue(const TuneMetric &metric, const TaskEvaluation &evaluation)
{
    const std::string &name = metric.metric;
    if (evaluation.binary) {
        const BinaryMetrics &binary = *evaluation.binary;
        if (name == "auc")
            return binary.auc;
        if (name == "ks")
            return binary.ks;
        if (name == "gini")
            return binary.gini;
        if (name == "logloss")
            return binary.logLoss;
        if (name == "brier")
            return binary.brier;
    } else if (evaluation.multiclass) {
        const MulticlassMetrics &multiclass = *evaluation.multiclass;
        if (name == "accuracy")
            return multiclass.accuracy;
        if (name == "macro-f1")
            return multiclass.macroF1;
        if (name == "logloss")
            return multiclass.logLoss;
    } else if (evaluation.regression) {
        const RegressionMetrics &regression = *evaluation.regression;
        if (name == "rmse")
            return regression.rmse;
        if (name == "mae")
            return regression.mae;
        if (name == "r2")
            return regression.r2;
    }
    throw ConfigError("task \"" + evaluation.task + "\" has no metric \"" + name + "\"");
}

bool isBetter(const TuneMetric &metric, double a, double b)
{
    if (std::isnan(a))
        return false;
    if (std::isnan(b))
        return true;
    return metric.higherIsBetter ? a > b : a < b;
}

std::vector<std::size_t> tuningRows(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                                    bool separateTestTable)
{
    std::vector<std::size_t> rows;
    if (separateTestTable) {
        rows.resize(data.rowCount());
        for (std::size_t row = 0; row < rows.size(); ++row)
            rows[row] = row;
        return rows;
    }
    // The very split runExperiment makes, so that its test part stays unseen by the search.
    const DataSplit split = stratifiedSplit(data.rowCount(), stratificationLabels(data, roles), config.split);
    rows = split.train;
    rows.insert(rows.end(), split.validation.begin(), split.validation.end());
    std::sort(rows.begin(), rows.end());
    return rows;
}

CrossValidationObjective::CrossValidationObjective(const Table &data, RoleAssignment roles,
                                                   std::vector<std::size_t> rows, TuneMetric metric,
                                                   CrossValidationScheme scheme)
    : m_data(data), m_roles(std::move(roles)), m_rows(std::move(rows)), m_metric(std::move(metric)), m_scheme(scheme)
{
    validateRoles(m_data, m_roles);
    if (!limits::kFolds.contains(scheme.folds))
        throw ConfigError("cross-validation takes from " + std::to_string(limits::kFolds.lowest) + " to " +
                          std::to_string(limits::kFolds.highest) + " folds, not " + std::to_string(scheme.folds));
    if (!limits::kTuneRepeats.contains(scheme.repeats))
        throw ConfigError("cross-validation is repeated from " + std::to_string(limits::kTuneRepeats.lowest) + " to " +
                          std::to_string(limits::kTuneRepeats.highest) + " times, not " +
                          std::to_string(scheme.repeats));
    if (m_rows.size() < static_cast<std::size_t>(scheme.folds) * 2)
        throw ConfigError(m_data.source() + ": " + std::to_string(m_rows.size()) + " rows to tune on are too few for " +
                          std::to_string(scheme.folds) + "-fold cross-validation (each fold needs rows to train on " +
                          "and to test on); use fewer folds or more rows");
    const auto task = std::find_if(m_roles.tasks.begin(), m_roles.tasks.end(),
                                   [&](const TaskSpec &t) { return t.name() == m_metric.task; });
    if (task == m_roles.tasks.end())
        throw ConfigError("metric \"" + m_metric.label() + "\": there is no task \"" + m_metric.task +
                          "\"; the tasks are " + taskNames(m_roles.tasks));
    m_metricTask = static_cast<std::size_t>(task - m_roles.tasks.begin());
    const std::vector<float> strata = stratificationLabels(m_data, m_roles);
    if (!strata.empty()) {
        for (const std::size_t row : m_rows)
            m_strata.push_back(strata[row]);
    }
}

DataSplit CrossValidationObjective::foldSplit(const Candidate &candidate, int index) const
{
    if (index < 0 || index >= evaluations())
        throw ConfigError("cross-validation fold " + std::to_string(index) + " does not exist");
    const int repeat = index / m_scheme.folds;
    const SplitSpec &own = candidate.config.split;
    const double kept = own.trainFraction + own.validationFraction;
    const double validationShare = kept > 0 ? own.validationFraction / kept : 0.0;
    const SplitSpec split{1.0 - validationShare, validationShare,
                          SplitMix64::derive(m_scheme.seed, 0x6376 /* "cv" */, static_cast<std::uint64_t>(repeat))};
    const DataSplit folds = stratifiedFolds(m_rows.size(), m_strata, m_scheme.folds,
                                            split)[static_cast<std::size_t>(index % m_scheme.folds)];
    // Positions within the tuning rows back to rows of the data.
    const auto toRows = [&](const std::vector<std::size_t> &positions) {
        std::vector<std::size_t> rows;
        rows.reserve(positions.size());
        for (const std::size_t position : positions)
            rows.push_back(m_rows[position]);
        return rows;
    };
    return {toRows(folds.train), toRows(folds.validation), toRows(folds.test)};
}

double CrossValidationObjective::score(const Candidate &candidate, int index,
                                       const std::vector<TrainingCallback *> &callbacks,
                                       const CancellationToken *cancel) const
{
    RoleAssignment roles = m_roles;
    for (std::size_t t = 0; t < roles.tasks.size() && t < candidate.lambdas.size(); ++t)
        roles.tasks[t].lambda = candidate.lambdas[t];
    const ExperimentResult run = runExperimentOnSplit(m_data, roles, candidate.config, foldSplit(candidate, index),
                                                      nullptr, {}, callbacks, cancel);
    const EvaluationReport *heldOut = run.report("test");
    if (heldOut == nullptr || heldOut->tasks.size() <= m_metricTask)
        throw ConfigError("cross-validation fold " + std::to_string(index + 1) + " has no held-out rows to score");
    return metricValue(m_metric, heldOut->tasks[m_metricTask]);
}

} // namespace cmtl
