#include "metrics/TaskScores.h"

#include "common/Error.h"
#include "preprocess/TableLookup.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cmtl {

std::size_t TaskScores::size() const
{
    switch (type) {
    case TaskType::Binary:
        return scores.size();
    case TaskType::Multiclass:
        return classLabels.size();
    case TaskType::Regression:
        return predicted.size();
    }
    return 0;
}

std::vector<TaskScores> scoreTasks(const MultiTaskModel &model, const Table &table, std::span<const std::size_t> rows,
                                   int threads, TransformNotes *notes)
{
    // The same path as the experiment's evaluation: transform every row, then score the chosen ones.
    const InputMatrix allInputs = model.preprocessor().transform(table, threads, notes);
    const std::vector<Eigen::MatrixXf> predictions =
        rows.empty() ? model.predictInputs(allInputs, threads) : model.predictInputs(allInputs.gather(rows), threads);
    return pairWithLabels(model, predictions, table, rows);
}

std::vector<TaskScores> pairWithLabels(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions,
                                       const Table &table, std::span<const std::size_t> rows)
{
    const std::size_t count = rows.empty() ? table.rowCount() : rows.size();
    if (predictions.size() != model.tasks().size())
        throw std::invalid_argument("pairWithLabels: one prediction matrix per task expected");
    for (const Eigen::MatrixXf &prediction : predictions) {
        if (static_cast<std::size_t>(prediction.cols()) != count)
            throw std::invalid_argument("pairWithLabels: predictions and rows differ in number");
    }
    std::vector<TaskScores> result;
    for (std::size_t t = 0; t < model.tasks().size(); ++t)
        result.push_back(pairTaskWithLabels(model.tasks()[t], predictions[t], table, rows));
    return result;
}

TaskScores pairTaskWithLabels(const TargetEncoding &encoding, const Eigen::MatrixXf &predictions, const Table &table,
                              std::span<const std::size_t> rows)
{
    const auto count = static_cast<std::size_t>(predictions.cols());
    const std::vector<float> encoded = encodeTargets(table, encoding);
    const Column &column = table.column(encoding.spec.column);
    TaskScores scores;
    scores.task = encoding.spec.name();
    scores.type = encoding.spec.type;
    scores.classes = encoding.classes;
    std::vector<Eigen::Index> labelled;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t row = rows.empty() ? i : rows[i];
        const float target = encoding.spec.type == TaskType::Regression ? column.values[row] : encoded[row];
        if (std::isnan(target))
            continue;
        if (predictions.col(static_cast<Eigen::Index>(i)).hasNaN())
            throw DataError({table.source(), 0, encoding.spec.column},
                            "the model gives no number (NaN) for task \"" + encoding.spec.name() + "\" on " +
                                table.rowPlace(row) +
                                ", so it cannot be evaluated: an input of that row is infinite or too extreme for the "
                                "model; correct the row, or retrain the model (models saved by this version clip "
                                "inputs to the training range)");
        labelled.push_back(static_cast<Eigen::Index>(i));
        switch (encoding.spec.type) {
        case TaskType::Binary:
            scores.scores.push_back(predictions(0, static_cast<Eigen::Index>(i)));
            scores.labels.push_back(target > 0.5f ? 1 : 0);
            break;
        case TaskType::Multiclass:
            scores.classLabels.push_back(static_cast<std::int32_t>(target));
            break;
        case TaskType::Regression:
            scores.predicted.push_back(predictions(0, static_cast<Eigen::Index>(i)));
            scores.actual.push_back(target);
            break;
        }
    }
    // (An empty `rows` means every row only when there are predictions: a part without rows has
    // none.)
    if (count > 0)
        scores.unseen = unseenLabels(table, encoding, rows.empty() ? rows : rows.first(count));
    if (encoding.spec.type == TaskType::Multiclass) {
        scores.probabilities.resize(predictions.rows(), static_cast<Eigen::Index>(labelled.size()));
        for (std::size_t i = 0; i < labelled.size(); ++i)
            scores.probabilities.col(static_cast<Eigen::Index>(i)) = predictions.col(labelled[i]);
    }
    return scores;
}

TaskEvaluation evaluateScores(const TaskScores &scores)
{
    TaskEvaluation evaluation;
    evaluation.task = scores.task;
    evaluation.type = scores.type;
    evaluation.classes = scores.classes;
    evaluation.count = static_cast<std::int64_t>(scores.size());
    evaluation.unseen = scores.unseen;
    switch (scores.type) {
    case TaskType::Binary:
        evaluation.binary = binaryMetrics(scores.scores, scores.labels);
        evaluation.roc = rocCurve(scores.scores, scores.labels);
        break;
    case TaskType::Multiclass:
        evaluation.multiclass = multiclassMetrics(scores.probabilities, scores.classLabels);
        break;
    case TaskType::Regression:
        evaluation.regression = regressionMetrics(scores.predicted, scores.actual);
        break;
    }
    return evaluation;
}

ScoreDistribution scoreDistribution(std::span<const float> scores, std::span<const std::uint8_t> labels, int bins,
                                    double lower, double upper)
{
    if (bins < 1)
        throw std::invalid_argument("scoreDistribution: bins must be at least 1");
    if (!(lower < upper))
        throw std::invalid_argument("scoreDistribution: the lower end must lie below the upper end");
    if (scores.size() != labels.size())
        throw std::invalid_argument("scoreDistribution: scores and labels differ in length");
    ScoreDistribution distribution;
    const double width = upper - lower;
    for (int b = 0; b <= bins; ++b)
        distribution.edges.push_back(b == bins ? upper : lower + width * b / bins);
    distribution.positiveShare.assign(static_cast<std::size_t>(bins), 0.0);
    distribution.negativeShare.assign(static_cast<std::size_t>(bins), 0.0);
    double positives = 0, negatives = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const int bin = static_cast<int>(
            std::clamp(std::floor((static_cast<double>(scores[i]) - lower) / width * bins), 0.0, double(bins - 1)));
        if (labels[i]) {
            distribution.positiveShare[static_cast<std::size_t>(bin)] += 1;
            positives += 1;
        } else {
            distribution.negativeShare[static_cast<std::size_t>(bin)] += 1;
            negatives += 1;
        }
    }
    for (int b = 0; b < bins; ++b) {
        if (positives > 0)
            distribution.positiveShare[static_cast<std::size_t>(b)] /= positives;
        if (negatives > 0)
            distribution.negativeShare[static_cast<std::size_t>(b)] /= negatives;
    }
    return distribution;
}

ScoreSpan scoreSpan(std::span<const float> scores)
{
    if (scores.empty())
        return {};
    const auto [lowest, highest] = std::minmax_element(scores.begin(), scores.end());
    if (*highest - *lowest >= 0.5f)
        return {};
    constexpr double kStep = 0.01;
    ScoreSpan span;
    span.lower = std::max(0.0, std::floor(static_cast<double>(*lowest) / kStep) * kStep);
    span.upper = std::min(1.0, std::ceil(static_cast<double>(*highest) / kStep) * kStep);
    if (span.upper - span.lower < kStep) {
        if (span.lower + kStep <= 1.0)
            span.upper = span.lower + kStep;
        else
            span.lower = span.upper - kStep;
    }
    return span;
}

} // namespace cmtl
