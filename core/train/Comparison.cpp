#include "train/Comparison.h"

#include "common/Error.h"
#include "io/SettingLimits.h"
#include "nn/Random.h"
#include "train/Experiment.h"

#include <QString>

#include <cmath>
#include <map>
#include <numeric>

namespace cmtl {

ExperimentConfig logisticConfig(const ExperimentConfig &base)
{
    ExperimentConfig config = base;
    config.train.architecture = Architecture::SharedBottom;
    config.train.hiddenLayers.clear();
    config.train.headHidden = 0;
    config.train.dropout = 0;
    config.train.weighting = {};
    config.train.taskGraph.clear();
    // A convex problem: a larger step and more epochs, early stopping still on validation loss.
    config.train.learningRate = 0.01;
    config.train.epochs = std::max(config.train.epochs, 100);
    config.train.patience = std::max(config.train.patience, 10);
    return config;
}

std::vector<ComparisonCandidate> standardCandidates(const ExperimentConfig &base)
{
    const auto withNetwork = [&](Architecture architecture, WeightingMethod weighting) {
        ExperimentConfig config = base;
        config.train.architecture = architecture;
        config.train.weighting.method = weighting;
        return config;
    };
    return {
        {"logistic", CandidateKind::SingleTask, logisticConfig(base)},
        {"single-task net", CandidateKind::SingleTask, withNetwork(Architecture::SharedBottom, WeightingMethod::Fixed)},
        {"shared-bottom fixed", CandidateKind::MultiTask,
         withNetwork(Architecture::SharedBottom, WeightingMethod::Fixed)},
        {"shared-bottom uncertainty", CandidateKind::MultiTask,
         withNetwork(Architecture::SharedBottom, WeightingMethod::Uncertainty)},
        {"mmoe", CandidateKind::MultiTask, withNetwork(Architecture::MMoE, WeightingMethod::Fixed)},
        {"ple", CandidateKind::MultiTask, withNetwork(Architecture::PLE, WeightingMethod::Fixed)},
        {"attention", CandidateKind::MultiTask, withNetwork(Architecture::Attention, WeightingMethod::Fixed)},
    };
}

Summary summarise(const std::vector<double> &values)
{
    Summary summary;
    if (values.empty())
        return {std::nan(""), std::nan("")};
    summary.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    double squares = 0;
    for (const double value : values)
        squares += (value - summary.mean) * (value - summary.mean);
    summary.standardDeviation = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0.0;
    return summary;
}

Summary summariseDifference(const std::vector<double> &a, const std::vector<double> &b)
{
    std::vector<double> differences;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        differences.push_back(a[i] - b[i]);
    return summarise(differences);
}

// Stratified K folds: rows of each stratum shuffled (seeded) and dealt round-robin.
std::vector<DataSplit> stratifiedFolds(std::size_t rows, const std::vector<float> &strata, int folds,
                                       const SplitSpec &split)
{
    if (folds < 2)
        throw ConfigError("cross-validation needs at least 2 folds");
    std::map<int, std::vector<std::size_t>> groups;
    for (std::size_t row = 0; row < rows; ++row)
        groups[strata.empty() || std::isnan(strata[row]) ? -1 : static_cast<int>(strata[row])].push_back(row);
    std::vector<int> foldOf(rows, 0);
    SplitMix64 random(split.seed);
    int next = 0;
    for (auto &[stratum, members] : groups) {
        for (std::size_t i = members.size(); i > 1; --i)
            std::swap(members[i - 1], members[random.below(i)]);
        for (const std::size_t row : members)
            foldOf[row] = next++ % folds;
    }
    // Within the rows outside the test fold, the validation share of a three-way split.
    const double validationShare = split.validationFraction / (split.trainFraction + split.validationFraction);
    std::vector<DataSplit> result;
    for (int fold = 0; fold < folds; ++fold) {
        std::vector<std::size_t> rest;
        std::vector<float> restStrata;
        DataSplit parts;
        for (std::size_t row = 0; row < rows; ++row) {
            if (foldOf[row] == fold) {
                parts.test.push_back(row);
            } else {
                rest.push_back(row);
                restStrata.push_back(strata.empty() ? 0.0f : strata[row]);
            }
        }
        const DataSplit inner = stratifiedSplit(
            rest.size(), restStrata,
            {1.0 - validationShare, validationShare, SplitMix64::derive(split.seed, static_cast<std::uint64_t>(fold))});
        for (const std::size_t i : inner.train)
            parts.train.push_back(rest[i]);
        for (const std::size_t i : inner.validation)
            parts.validation.push_back(rest[i]);
        result.push_back(std::move(parts));
    }
    return result;
}

namespace {

// The test report of a run; every split is checked to have test rows before training, so a
// missing report is a fault, reported rather than dereferenced.
const EvaluationReport &testReport(const ExperimentResult &run, const std::string &where)
{
    const EvaluationReport *report = run.report("test");
    if (report == nullptr)
        throw ConfigError("comparison" + where + ": the split has no test rows to measure the models on");
    return *report;
}

// Refuses, before anything is trained, a scheme that leaves a fold or a split without test rows
// (or that asks for more folds than makes sense), saying how many rows there are and what to do.
void checkScheme(const Table &data, const ComparisonSpec &spec)
{
    const std::size_t rows = data.rowCount();
    if (spec.seeds.empty()) {
        if (!limits::kFolds.contains(spec.folds))
            throw ConfigError("cross-validation takes from " + std::to_string(limits::kFolds.lowest) + " to " +
                              std::to_string(limits::kFolds.highest) + " folds, not " + std::to_string(spec.folds));
        if (static_cast<std::size_t>(spec.folds) > rows)
            throw ConfigError(data.source() + " has " + std::to_string(rows) + " rows: " + std::to_string(spec.folds) +
                              "-fold cross-validation needs at least one test row per fold; use --folds " +
                              (rows >= 2 ? std::to_string(rows) + " or fewer" : std::string("2")) + ", or more rows");
    } else if (spec.seeds.size() > static_cast<std::size_t>(limits::kMaxSeeds)) {
        throw ConfigError("a comparison takes at most " + std::to_string(limits::kMaxSeeds) + " seeds, not " +
                          std::to_string(spec.seeds.size()));
    }
}

// The headline metrics of a task evaluation, in a fixed order.
std::vector<std::pair<std::string, double>> headline(const TaskEvaluation &task)
{
    if (task.binary)
        return {{"AUC", task.binary->auc}, {"KS", task.binary->ks}};
    if (task.multiclass)
        return {{"accuracy", task.multiclass->accuracy}, {"macro-F1", task.multiclass->macroF1}};
    return {{"RMSE", task.regression->rmse}, {"R2", task.regression->r2}};
}

// Teacher predictions turned into training targets as encodeTargets would give them.
std::vector<std::vector<float>> softTargets(const MultiTaskModel &teacher, const Table &data)
{
    const std::vector<Eigen::MatrixXf> predictions = teacher.predict(data);
    std::vector<std::vector<float>> targets(teacher.tasks().size());
    for (std::size_t t = 0; t < teacher.tasks().size(); ++t) {
        const TargetEncoding &encoding = teacher.tasks()[t];
        if (encoding.spec.type == TaskType::Multiclass)
            continue; // hard labels
        std::vector<float> &soft = targets[t];
        soft.resize(data.rowCount());
        for (std::size_t row = 0; row < soft.size(); ++row) {
            const float value = predictions[t](0, static_cast<Eigen::Index>(row));
            soft[row] = encoding.spec.type == TaskType::Binary
                            ? value
                            : static_cast<float>((value - encoding.mean) / encoding.scale);
        }
    }
    return targets;
}

} // namespace

ComparisonResult compareCandidates(const Table &data, const RoleAssignment &roles, const ComparisonSpec &spec,
                                   const std::function<void(const std::string &)> &progress,
                                   const CancellationToken *cancel)
{
    validateRoles(data, roles);
    if (spec.candidates.empty())
        throw ConfigError("nothing to compare: no candidate model");
    checkScheme(data, spec);
    const std::vector<float> strata = stratificationLabels(data, roles);
    std::vector<DataSplit> splits;
    ComparisonResult result;
    if (spec.seeds.empty()) {
        splits = stratifiedFolds(data.rowCount(), strata, spec.folds, spec.teacher.split);
        result.scheme = std::to_string(spec.folds) + "-fold cross-validation";
    } else {
        for (const std::uint64_t seed : spec.seeds) {
            SplitSpec split = spec.teacher.split;
            split.seed = seed;
            splits.push_back(stratifiedSplit(data.rowCount(), strata, split));
            if (splits.back().test.empty())
                throw ConfigError(data.source() + " has " + std::to_string(data.rowCount()) +
                                  " rows: the held-out split with seed " + std::to_string(seed) +
                                  " has no test row (train fraction " +
                                  QString::number(split.trainFraction).toStdString() + ", validation fraction " +
                                  QString::number(split.validationFraction).toStdString() +
                                  "); use more rows or lower --train-fraction");
        }
        result.scheme = std::to_string(spec.seeds.size()) + " held-out splits (seeds)";
    }
    for (const ComparisonCandidate &candidate : spec.candidates)
        result.candidates.push_back(candidate.label);

    // metric index by (task, metric name), filled on first sight
    std::map<std::pair<std::string, std::string>, std::size_t> metricIndex;
    const auto record = [&](std::size_t candidate, const TaskEvaluation &task) {
        for (const auto &[name, value] : headline(task)) {
            const auto key = std::make_pair(task.task, name);
            auto found = metricIndex.find(key);
            if (found == metricIndex.end()) {
                found = metricIndex.emplace(key, result.metrics.size()).first;
                result.metrics.push_back(
                    {task.task, name, name != "RMSE", std::vector<std::vector<double>>(spec.candidates.size())});
            }
            result.metrics[found->second].values[candidate].push_back(value);
        }
    };

    for (std::size_t repeat = 0; repeat < splits.size(); ++repeat) {
        const DataSplit &split = splits[repeat];
        std::vector<std::vector<float>> teacherTargets;
        for (std::size_t c = 0; c < spec.candidates.size(); ++c) {
            const ComparisonCandidate &candidate = spec.candidates[c];
            const std::string where = " (" + std::to_string(repeat + 1) + "/" + std::to_string(splits.size()) + ")";
            if (candidate.kind == CandidateKind::MultiTask) {
                const ExperimentResult run =
                    runExperimentOnSplit(data, roles, candidate.config, split, nullptr, {}, {}, cancel);
                for (const TaskEvaluation &task : testReport(run, where).tasks)
                    record(c, task);
            } else {
                if (candidate.kind == CandidateKind::Distilled && teacherTargets.empty()) {
                    const ExperimentResult teacher =
                        runExperimentOnSplit(data, roles, spec.teacher, split, nullptr, {}, {}, cancel);
                    teacherTargets = softTargets(teacher.model, data);
                }
                for (std::size_t t = 0; t < roles.tasks.size(); ++t) {
                    RoleAssignment single = roles;
                    single.tasks = {roles.tasks[t]};
                    std::vector<std::vector<float>> overrides;
                    if (candidate.kind == CandidateKind::Distilled)
                        overrides = {teacherTargets[t]};
                    const ExperimentResult run =
                        runExperimentOnSplit(data, single, candidate.config, split, nullptr, overrides, {}, cancel);
                    record(c, testReport(run, where).tasks.front());
                }
            }
            if (progress)
                progress(candidate.label + where);
        }
    }
    return result;
}

} // namespace cmtl
