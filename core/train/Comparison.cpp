#include "train/Comparison.h"

#include "common/Error.h"
#include "io/SettingLimits.h"
#include "nn/Random.h"
#include "train/Experiment.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace cmtl {

ExperimentConfig logisticConfig(const ExperimentConfig &base)
{
    ExperimentConfig config = base;
    config.train.architecture = Architecture::SharedBottom;
    config.train.hiddenLayers.clear();
    config.train.headHidden = 0;
    config.train.wide = false;
    // A convex model: members of a seed ensemble would differ by their shuffling alone.
    config.train.ensemble = 1;
    config.train.dropout = 0;
    config.train.weighting = {};
    config.train.taskGraph.clear();
    // Its own training rule, whatever the networks' settings (kLogisticEpochs...): a convex
    // problem takes a larger step; its complexity is the L2 penalty's to control (chosen by inner
    // cross-validation in `compare`), so early stopping on its own validation loss only ends a
    // fit that has converged, after which it is refitted on every training row for the epochs
    // chosen (no labelled row left out of the reference's fit).
    config.train.learningRate = kLogisticLearningRate;
    config.train.epochs = kLogisticEpochs;
    config.train.patience = kLogisticPatience;
    config.train.earlyStopOn.clear();
    config.train.refit = RefitMode::All;
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
    std::vector<ComparisonCandidate> candidates{
        {kBaselineLabel, CandidateKind::SingleTask, logisticConfig(base), true},
        {kSingleTaskLabel, CandidateKind::SingleTask, withNetwork(Architecture::SharedBottom, WeightingMethod::Fixed)},
        {"shared-bottom fixed", CandidateKind::MultiTask,
         withNetwork(Architecture::SharedBottom, WeightingMethod::Fixed)},
        {"shared-bottom uncertainty", CandidateKind::MultiTask,
         withNetwork(Architecture::SharedBottom, WeightingMethod::Uncertainty)},
        {"mmoe", CandidateKind::MultiTask, withNetwork(Architecture::MMoE, WeightingMethod::Fixed)},
        {"ple", CandidateKind::MultiTask, withNetwork(Architecture::PLE, WeightingMethod::Fixed)},
        {"attention", CandidateKind::MultiTask, withNetwork(Architecture::Attention, WeightingMethod::Fixed)},
    };
    if (gradientBoostingAvailable())
        candidates.push_back({kBoostedTreesLabel, CandidateKind::BoostedTrees, base});
    return candidates;
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

namespace {

// The regularised incomplete beta function I_x(a, b), by its continued fraction (Lentz's method),
// used where it converges fast (x < (a + 1) / (a + b + 2)) and through I_x(a,b) = 1 - I_1-x(b,a)
// elsewhere.
double incompleteBeta(double x, double a, double b)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    if (x > (a + 1) / (a + b + 2))
        return 1 - incompleteBeta(1 - x, b, a);
    const double front =
        std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x)) / a;
    constexpr double kTiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    d = 1 / (std::abs(d) < kTiny ? kTiny : d);
    double fraction = d;
    for (int m = 1; m <= 300; ++m) {
        for (int step = 0; step < 2; ++step) {
            const double numerator = step == 0 ? m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
                                               : -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + numerator * d;
            d = 1 / (std::abs(d) < kTiny ? kTiny : d);
            c = 1 + numerator / c;
            c = std::abs(c) < kTiny ? kTiny : c;
            fraction *= c * d;
            if (step == 1 && std::abs(c * d - 1) < 1e-15)
                return front * fraction;
        }
    }
    return front * fraction;
}

// P(T <= t) for Student's t with `degrees` degrees of freedom.
double studentTDistribution(double t, double degrees)
{
    const double tail = 0.5 * incompleteBeta(degrees / (degrees + t * t), degrees / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
}

} // namespace

double studentTQuantile(double p, double degrees)
{
    if (!(p > 0 && p < 1) || !(degrees > 0))
        throw ConfigError("Student's t quantile needs 0 < p < 1 and degrees of freedom > 0");
    if (p < 0.5)
        return -studentTQuantile(1 - p, degrees);
    // The distribution function rises monotonically: bisection to full double precision.
    double low = 0, high = 1;
    while (studentTDistribution(high, degrees) < p)
        high *= 2;
    for (int i = 0; i < 200 && high - low > 1e-14 * high; ++i) {
        const double middle = 0.5 * (low + high);
        (studentTDistribution(middle, degrees) < p ? low : high) = middle;
    }
    return 0.5 * (low + high);
}

PairedInterval correctedResampledInterval(const std::vector<double> &a, const std::vector<double> &b,
                                          double testToTrainRatio, bool higherIsBetter, double level)
{
    if (a.size() != b.size() || a.size() < 2)
        throw ConfigError("a paired interval needs the same number (at least 2) of values on both sides");
    if (!(level > 0 && level < 1) || !(testToTrainRatio >= 0))
        throw ConfigError("the interval's level must lie between 0 and 1 and n_test / n_train be >= 0");
    const Summary difference = summariseDifference(a, b);
    const double k = static_cast<double>(a.size());
    const double halfWidth =
        studentTQuantile(1 - (1 - level) / 2, k - 1) *
        std::sqrt((1 / k + testToTrainRatio) * difference.standardDeviation * difference.standardDeviation);
    PairedInterval interval{difference.mean, difference.mean - halfWidth, difference.mean + halfWidth, level,
                            Verdict::NoDetectableDifference};
    if (interval.lower > 0)
        interval.verdict = higherIsBetter ? Verdict::Better : Verdict::Worse;
    else if (interval.upper < 0)
        interval.verdict = higherIsBetter ? Verdict::Worse : Verdict::Better;
    return interval;
}

void attachPairedIntervals(ComparisonResult &result, double level)
{
    const auto indexOf = [&](const std::string &label) -> std::optional<std::size_t> {
        const auto found = std::find(result.candidates.begin(), result.candidates.end(), label);
        if (found == result.candidates.end())
            return std::nullopt;
        return static_cast<std::size_t>(found - result.candidates.begin());
    };
    const std::optional<std::size_t> singleTask = indexOf(kSingleTaskLabel);
    const std::optional<std::size_t> baseline = indexOf(kBaselineLabel);
    for (MetricSamples &metric : result.metrics) {
        const auto against = [&](std::size_t candidate,
                                 std::optional<std::size_t> reference) -> std::optional<PairedInterval> {
            if (!reference || candidate == singleTask || candidate == baseline || !(result.testToTrainRatio > 0) ||
                metric.values[candidate].size() < 2)
                return std::nullopt;
            return correctedResampledInterval(metric.values[candidate], metric.values[*reference],
                                              result.testToTrainRatio, metric.higherIsBetter, level);
        };
        metric.versusSingleTask.clear();
        metric.versusBaseline.clear();
        for (std::size_t c = 0; c < metric.values.size(); ++c) {
            metric.versusSingleTask.push_back(against(c, singleTask));
            metric.versusBaseline.push_back(against(c, baseline));
        }
    }
}

std::string sharingVerdict(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return "sharing helped";
    case Verdict::Worse:
        return "sharing hurt";
    case Verdict::NoDetectableDifference:
        break;
    }
    return "sharing made no detectable difference";
}

std::string baselineVerdict(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return "better than";
    case Verdict::Worse:
        return "worse than";
    case Verdict::NoDetectableDifference:
        break;
    }
    return "no detectable difference from";
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

// The figure a penalty is chosen by: the task's first headline metric, made "higher is better".
double choiceScore(const TaskEvaluation &task)
{
    const auto [name, value] = headline(task).front();
    return name == "RMSE" ? -value : value;
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

PenaltyChoice choosePenalty(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                            const std::vector<std::size_t> &trainingRows, const std::vector<double> &grid, int folds,
                            const CancellationToken *cancel)
{
    if (grid.empty())
        throw ConfigError("choosing a penalty needs at least one candidate value");
    const std::vector<float> allStrata = stratificationLabels(data, roles);
    std::vector<float> strata;
    for (const std::size_t row : trainingRows)
        strata.push_back(allStrata.empty() ? 0.0f : allStrata[row]);
    // Inner folds over positions in trainingRows, mapped back to rows of the table.
    std::vector<DataSplit> innerFolds;
    for (const DataSplit &positions : stratifiedFolds(trainingRows.size(), strata, folds, config.split)) {
        DataSplit rows;
        for (const std::size_t i : positions.train)
            rows.train.push_back(trainingRows[i]);
        for (const std::size_t i : positions.validation)
            rows.validation.push_back(trainingRows[i]);
        for (const std::size_t i : positions.test)
            rows.test.push_back(trainingRows[i]);
        innerFolds.push_back(std::move(rows));
    }
    PenaltyChoice choice;
    double best = -std::numeric_limits<double>::infinity();
    for (const double l2 : grid) {
        ExperimentConfig candidate = config;
        candidate.train.l2 = l2;
        // The early-stopped model is scored: a refit would double the cost of the choice.
        candidate.train.refit = RefitMode::None;
        double total = 0;
        for (const DataSplit &fold : innerFolds) {
            const ExperimentResult run = runExperimentOnSplit(data, roles, candidate, fold, nullptr, {}, {}, cancel);
            total += choiceScore(testReport(run, " (choosing the penalty)").tasks.front());
        }
        const double mean = total / static_cast<double>(innerFolds.size());
        choice.meanScores.push_back(mean);
        if (mean > best || (mean == best && l2 > choice.l2)) {
            best = mean;
            choice.l2 = l2;
        }
    }
    return choice;
}

BoostingRun boostedTreesOnSplit(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                                const DataSplit &split, const CancellationToken *cancel)
{
    validateRoles(data, roles);
    if (roles.tasks.size() != 1)
        throw ConfigError("gradient boosting fits one task at a time");
    const int threads = config.train.threads;
    std::vector<std::size_t> learnt = split.train;
    learnt.insert(learnt.end(), split.validation.begin(), split.validation.end());
    std::sort(learnt.begin(), learnt.end());
    const Preprocessor preprocessor =
        fitPreprocessorWithWoe(data, roles, learnt, config.preprocess, config.woe, threads);
    const TargetEncoding encoding = fitTargetEncoding(data, roles.tasks.front(), learnt);
    const std::vector<float> targets = encodeTargets(data, encoding);
    const Eigen::MatrixXf inputs = preprocessor.transform(data, threads).toDense();
    const TaskType type = encoding.spec.type;
    const int classes = static_cast<int>(encoding.classes.size());
    // The boosters' outputs in MultiTaskModel::predict's form, scored as the networks are.
    const auto evaluate = [&](Eigen::MatrixXf predictions, const std::vector<std::size_t> &rows) {
        if (type == TaskType::Regression)
            predictions =
                (predictions.array() * static_cast<float>(encoding.scale) + static_cast<float>(encoding.mean)).matrix();
        return evaluateTask(encoding, predictions, data, rows);
    };
    std::vector<std::size_t> labelled;
    std::vector<float> strata;
    for (const std::size_t row : learnt) {
        if (std::isnan(targets[row]))
            continue;
        labelled.push_back(row);
        strata.push_back(type == TaskType::Regression ? 0.0f : targets[row]);
    }
    // Inner folds over positions in `labelled` (each fold's validation part trains too).
    SplitSpec inner = config.split;
    inner.validationFraction = 0;
    inner.trainFraction = 1;
    std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> folds;
    for (const DataSplit &positions : stratifiedFolds(labelled.size(), strata, kBoostingFolds, inner)) {
        std::vector<std::size_t> fit, held;
        for (const std::size_t i : positions.train)
            fit.push_back(labelled[i]);
        for (const std::size_t i : positions.validation)
            fit.push_back(labelled[i]);
        for (const std::size_t i : positions.test)
            held.push_back(labelled[i]);
        std::sort(fit.begin(), fit.end());
        folds.emplace_back(std::move(fit), std::move(held));
    }
    BoostingRun run;
    double best = -std::numeric_limits<double>::infinity();
    const int mostRounds = *std::max_element(kBoostingRounds.begin(), kBoostingRounds.end());
    for (const int depth : kBoostingDepths) {
        std::vector<double> totals(kBoostingRounds.size(), 0.0);
        for (const auto &[fit, held] : folds) {
            if (cancel && cancel->isCancelled())
                throw Cancelled();
            BoostingSettings settings;
            settings.depth = depth;
            settings.rounds = mostRounds;
            const BoostedTrees trees(inputs, targets, fit, type, classes, settings, config.train.seed, threads);
            for (std::size_t r = 0; r < kBoostingRounds.size(); ++r)
                totals[r] += choiceScore(evaluate(trees.predict(inputs, held, kBoostingRounds[r]), held));
        }
        for (std::size_t r = 0; r < kBoostingRounds.size(); ++r) {
            const double mean = totals[r] / static_cast<double>(folds.size());
            if (mean > best) {
                best = mean;
                run.chosen.depth = depth;
                run.chosen.rounds = kBoostingRounds[r];
            }
        }
    }
    const BoostedTrees trees(inputs, targets, labelled, type, classes, run.chosen, config.train.seed, threads);
    run.test = evaluate(trees.predict(inputs, split.test), split.test);
    return run;
}

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

    std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> chosenPenalties; // (candidate, task)
    std::map<std::pair<std::size_t, std::size_t>, std::vector<BoostingSettings>> chosenBoosting;
    double ratios = 0;
    for (const DataSplit &split : splits)
        ratios += static_cast<double>(split.test.size()) /
                  static_cast<double>(std::max<std::size_t>(1, split.train.size() + split.validation.size()));
    result.testToTrainRatio = ratios / static_cast<double>(splits.size());

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
            } else if (candidate.kind == CandidateKind::BoostedTrees) {
                if (split.test.empty())
                    throw ConfigError("comparison" + where + ": the split has no test rows to measure the models on");
                for (std::size_t t = 0; t < roles.tasks.size(); ++t) {
                    RoleAssignment single = roles;
                    single.tasks = {roles.tasks[t]};
                    const BoostingRun run = boostedTreesOnSplit(data, single, candidate.config, split, cancel);
                    chosenBoosting[{c, t}].push_back(run.chosen);
                    record(c, run.test);
                }
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
                    ExperimentConfig config = candidate.config;
                    if (candidate.tunePenalty && candidate.kind == CandidateKind::SingleTask) {
                        std::vector<std::size_t> learnt = split.train;
                        learnt.insert(learnt.end(), split.validation.begin(), split.validation.end());
                        std::sort(learnt.begin(), learnt.end());
                        config.train.l2 =
                            choosePenalty(data, single, config, learnt, kPenaltyGrid, kPenaltyFolds, cancel).l2;
                        chosenPenalties[{c, t}].push_back(config.train.l2);
                    }
                    const ExperimentResult run =
                        runExperimentOnSplit(data, single, config, split, nullptr, overrides, {}, cancel);
                    record(c, testReport(run, where).tasks.front());
                }
            }
            if (progress)
                progress(candidate.label + where);
        }
    }
    attachPairedIntervals(result);
    for (const auto &[key, penalties] : chosenPenalties) {
        std::string note = result.candidates[key.first] + ", task " + roles.tasks[key.second].name() +
                           ": L2 chosen on each repeat by inner " + std::to_string(kPenaltyFolds) +
                           "-fold cross-validation on its training rows from {";
        for (std::size_t i = 0; i < kPenaltyGrid.size(); ++i)
            note += (i ? ", " : "") + QString::number(kPenaltyGrid[i]).toStdString();
        note += "}: chose";
        for (const double l2 : penalties) // append: GCC 12 misreads `+=` of a sum here (-Wrestrict)
            note.append(" ").append(QString::number(l2).toStdString());
        result.notes.push_back(note);
    }
    for (const auto &[key, chosen] : chosenBoosting) {
        const auto list = [](const std::vector<int> &values) {
            std::string text = "{";
            for (std::size_t i = 0; i < values.size(); ++i) {
                if (i > 0)
                    text.append(", ");
                text.append(std::to_string(values[i]));
            }
            return text.append("}");
        };
        const BoostingSettings fixed;
        std::string note = result.candidates[key.first] + " (" + gradientBoostingVersion() + "), task " +
                           roles.tasks[key.second].name() + ": learning rate " +
                           QString::number(fixed.learningRate).toStdString() + ", row subsample " +
                           QString::number(fixed.subsample).toStdString() + ", column subsample " +
                           QString::number(fixed.columnSample).toStdString() + ", min child weight " +
                           QString::number(fixed.minChildWeight).toStdString() + ", L2 " +
                           QString::number(fixed.l2).toStdString() + "; depth from " + list(kBoostingDepths) +
                           " and rounds from " + list(kBoostingRounds) + " chosen on each repeat by inner " +
                           std::to_string(kBoostingFolds) + "-fold cross-validation on its training rows: chose";
        for (const BoostingSettings &settings : chosen)
            note.append(" ").append(std::to_string(settings.depth)).append("/").append(std::to_string(settings.rounds));
        note += " (depth/rounds)";
        result.notes.push_back(note);
    }
    return result;
}

} // namespace cmtl
