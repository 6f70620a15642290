#include "explain/PermutationImportance.h"

#include "common/Error.h"
#include "metrics/TaskScores.h"
#include "nn/Random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace cmtl {

namespace {

// The task's metric, oriented so that a larger value is better (RMSE negated).
double orientedMetric(const TaskScores &scores)
{
    const TaskEvaluation evaluation = evaluateScores(scores);
    if (evaluation.binary)
        return evaluation.binary->auc;
    if (evaluation.multiclass)
        return evaluation.multiclass->accuracy;
    return -evaluation.regression->rmse;
}

const char *metricName(TaskType type)
{
    switch (type) {
    case TaskType::Binary:
        return "AUC";
    case TaskType::Multiclass:
        return "accuracy";
    case TaskType::Regression:
        return "RMSE";
    }
    return "?";
}

std::vector<double> orientedMetrics(const MultiTaskModel &model, const Table &scored, const Table &labelled,
                                    int threads)
{
    const std::vector<TaskScores> paired = pairWithLabels(model, model.predict(scored, threads), labelled);
    std::vector<double> metrics;
    for (const TaskScores &task : paired)
        metrics.push_back(orientedMetric(task));
    return metrics;
}

template <typename Value> void shuffle(std::vector<Value> &values, SplitMix64 &random)
{
    for (std::size_t i = values.size(); i > 1; --i)
        std::swap(values[i - 1], values[random.below(i)]);
}

} // namespace

std::vector<TaskImportance> permutationImportance(const MultiTaskModel &model, const Table &table, int repeats,
                                                  std::uint64_t seed, int threads,
                                                  const std::function<void(double)> &progress,
                                                  const CancellationToken *cancel)
{
    if (repeats < 1)
        throw std::invalid_argument("permutation importance needs at least 1 repeat, not " + std::to_string(repeats));
    const std::vector<TaskScores> paired = pairWithLabels(model, model.predict(table, threads), table);
    std::vector<TaskImportance> result;
    for (std::size_t t = 0; t < paired.size(); ++t) {
        if (paired[t].size() == 0)
            throw ConfigError("task \"" + paired[t].task + "\" has no labelled row in " + table.source() +
                              ": its importance cannot be measured");
        TaskImportance task;
        task.task = paired[t].task;
        task.metric = metricName(paired[t].type);
        const double oriented = orientedMetric(paired[t]);
        task.baseline = paired[t].type == TaskType::Regression ? -oriented : oriented;
        result.push_back(std::move(task));
    }
    std::vector<double> baseline;
    for (const TaskScores &task : paired)
        baseline.push_back(orientedMetric(task));

    Table working = table;
    const std::vector<std::string> columns = model.requiredColumns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        Column &column = working.column(static_cast<std::size_t>(working.indexOf(columns[c])));
        const Column original = column;
        std::vector<std::vector<double>> drops(result.size());
        for (int r = 0; r < repeats; ++r) {
            if (cancel && cancel->isCancelled())
                throw Cancelled();
            SplitMix64 random(SplitMix64::derive(seed, c, static_cast<std::uint64_t>(r)));
            if (column.type == ColumnType::Numeric)
                shuffle(column.values, random);
            else
                shuffle(column.codes, random);
            const std::vector<double> permuted = orientedMetrics(model, working, table, threads);
            for (std::size_t t = 0; t < result.size(); ++t)
                drops[t].push_back(baseline[t] - permuted[t]);
            column = original;
            if (progress)
                progress(static_cast<double>(c * static_cast<std::size_t>(repeats) + static_cast<std::size_t>(r) + 1) /
                         static_cast<double>(columns.size() * static_cast<std::size_t>(repeats)));
        }
        for (std::size_t t = 0; t < result.size(); ++t) {
            FeatureImportance feature;
            feature.column = columns[c];
            feature.drops = std::move(drops[t]);
            const auto n = static_cast<double>(feature.drops.size());
            feature.mean = std::accumulate(feature.drops.begin(), feature.drops.end(), 0.0) / n;
            double squares = 0;
            for (const double drop : feature.drops)
                squares += (drop - feature.mean) * (drop - feature.mean);
            feature.sd = repeats > 1 ? std::sqrt(squares / (n - 1)) : std::numeric_limits<double>::quiet_NaN();
            result[t].features.push_back(std::move(feature));
        }
    }
    for (TaskImportance &task : result)
        std::stable_sort(task.features.begin(), task.features.end(),
                         [](const FeatureImportance &a, const FeatureImportance &b) { return a.mean > b.mean; });
    return result;
}

} // namespace cmtl
