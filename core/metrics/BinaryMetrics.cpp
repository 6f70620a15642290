#include "metrics/BinaryMetrics.h"

#include "metrics/MetricValues.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace cmtl {

namespace {

// The shared input contract of every public function (see BinaryMetrics.h). Checked once at each
// entry point so that the loops below can trust their input.
void validate(std::span<const float> scores, std::span<const std::uint8_t> labels, const char *function)
{
    if (scores.size() != labels.size())
        throw std::invalid_argument(std::string(function) + ": " + std::to_string(scores.size()) + " scores but " +
                                    std::to_string(labels.size()) + " labels");
    for (std::size_t row = 0; row < labels.size(); ++row) {
        if (labels[row] > 1)
            throw std::invalid_argument(std::string(function) + ": label " + std::to_string(labels[row]) + " at row " +
                                        std::to_string(row) + " is neither 0 nor 1");
        if (std::isnan(scores[row]))
            throw std::invalid_argument(std::string(function) + ": the score of row " + std::to_string(row + 1) +
                                        " is NaN (not a number), so no metric can be computed");
    }
}

// Cumulative class counts over the rows whose score is >= `score`, for one distinct score.
struct ScoreStep {
    float score;
    std::int64_t positivesAtOrAbove;
    std::int64_t negativesAtOrAbove;
};

// One step per distinct score, highest first. Every ranking metric (ROC, AUC, KS) is read off these
// steps, so one O(n log n) sort serves them all, and grouping equal scores into one step is what
// makes ties count one half in the AUC.
std::vector<ScoreStep> stepsByDescendingScore(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    struct ScoredRow {
        float score;
        std::uint8_t label;
    };
    std::vector<ScoredRow> rows(scores.size());
    for (std::size_t row = 0; row < scores.size(); ++row)
        rows[row] = {scores[row], labels[row]};
    std::sort(rows.begin(), rows.end(), [](const ScoredRow &a, const ScoredRow &b) { return a.score > b.score; });

    std::vector<ScoreStep> steps;
    std::int64_t positives = 0, negatives = 0;
    for (std::size_t row = 0; row < rows.size(); ++row) {
        if (rows[row].label == 1)
            ++positives;
        else
            ++negatives;
        const bool lastOfTieGroup = row + 1 == rows.size() || rows[row + 1].score != rows[row].score;
        if (lastOfTieGroup)
            steps.push_back({rows[row].score, positives, negatives});
    }
    return steps;
}

// True when both classes are present, i.e. when both ROC rates are defined.
bool hasBothClasses(const std::vector<ScoreStep> &steps)
{
    return !steps.empty() && steps.back().positivesAtOrAbove > 0 && steps.back().negativesAtOrAbove > 0;
}

double aucFromSteps(const std::vector<ScoreStep> &steps)
{
    if (!hasBothClasses(steps))
        return kNaN;
    // Trapezoid rule in count units: twice the area of each trapezoid is an integer, so the sum
    // is exact in double (up to 2^53, i.e. some 10^8 rows) and the only rounding is the final
    // division -- the AUC comes out as the exact rational whenever it can.
    double twiceArea = 0;
    std::int64_t previousPositives = 0, previousNegatives = 0;
    for (const ScoreStep &step : steps) {
        twiceArea += static_cast<double>(step.negativesAtOrAbove - previousNegatives) *
                     static_cast<double>(step.positivesAtOrAbove + previousPositives);
        previousPositives = step.positivesAtOrAbove;
        previousNegatives = step.negativesAtOrAbove;
    }
    const auto positives = static_cast<double>(steps.back().positivesAtOrAbove);
    const auto negatives = static_cast<double>(steps.back().negativesAtOrAbove);
    return twiceArea / (2.0 * positives * negatives);
}

double ksFromSteps(const std::vector<ScoreStep> &steps)
{
    if (!hasBothClasses(steps))
        return kNaN;
    const auto positives = static_cast<double>(steps.back().positivesAtOrAbove);
    const auto negatives = static_cast<double>(steps.back().negativesAtOrAbove);
    // TPR - FPR = (tp * N - fp * P) / (P * N): compare the integer numerators and divide once.
    // Starting at 0 accounts for the curve's first point (0,0).
    double largestGap = 0;
    for (const ScoreStep &step : steps) {
        const double gap = static_cast<double>(step.positivesAtOrAbove) * negatives -
                           static_cast<double>(step.negativesAtOrAbove) * positives;
        largestGap = std::max(largestGap, gap);
    }
    return largestGap / (positives * negatives);
}

ConfusionCounts countConfusion(std::span<const float> scores, std::span<const std::uint8_t> labels, double threshold)
{
    ConfusionCounts counts;
    for (std::size_t row = 0; row < scores.size(); ++row) {
        const bool predictedPositive = static_cast<double>(scores[row]) >= threshold;
        const bool positive = labels[row] == 1;
        if (predictedPositive && positive)
            ++counts.truePositive;
        else if (predictedPositive)
            ++counts.falsePositive;
        else if (positive)
            ++counts.falseNegative;
        else
            ++counts.trueNegative;
    }
    return counts;
}

double meanLogLoss(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    if (scores.empty())
        return kNaN;
    double total = 0;
    for (std::size_t row = 0; row < scores.size(); ++row) {
        const double probability = std::clamp(static_cast<double>(scores[row]), kLogLossClip, 1.0 - kLogLossClip);
        total -= labels[row] == 1 ? std::log(probability) : std::log(1.0 - probability);
    }
    return total / static_cast<double>(scores.size());
}

double meanSquaredError(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    if (scores.empty())
        return kNaN;
    double total = 0;
    for (std::size_t row = 0; row < scores.size(); ++row) {
        const double error = static_cast<double>(labels[row]) - static_cast<double>(scores[row]);
        total += error * error;
    }
    return total / static_cast<double>(scores.size());
}

} // namespace

std::vector<RocPoint> rocCurve(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    validate(scores, labels, "ROC curve");
    const std::vector<ScoreStep> steps = stepsByDescendingScore(scores, labels);
    if (!hasBothClasses(steps))
        return {};
    const auto positives = static_cast<double>(steps.back().positivesAtOrAbove);
    const auto negatives = static_cast<double>(steps.back().negativesAtOrAbove);
    std::vector<RocPoint> curve;
    curve.reserve(steps.size() + 1);
    curve.push_back({kInfinity, 0.0, 0.0});
    for (const ScoreStep &step : steps)
        curve.push_back({static_cast<double>(step.score), static_cast<double>(step.negativesAtOrAbove) / negatives,
                         static_cast<double>(step.positivesAtOrAbove) / positives});
    return curve;
}

std::vector<KsPoint> ksCurve(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    validate(scores, labels, "KS curve");
    const std::vector<ScoreStep> steps = stepsByDescendingScore(scores, labels);
    if (!hasBothClasses(steps))
        return {};
    const auto positives = static_cast<double>(steps.back().positivesAtOrAbove);
    const auto negatives = static_cast<double>(steps.back().negativesAtOrAbove);
    const auto rows = static_cast<double>(scores.size());
    std::vector<KsPoint> curve;
    curve.reserve(steps.size() + 1);
    curve.push_back({kInfinity, 0.0, 0.0, 0.0});
    for (const ScoreStep &step : steps)
        curve.push_back({static_cast<double>(step.score),
                         static_cast<double>(step.positivesAtOrAbove + step.negativesAtOrAbove) / rows,
                         static_cast<double>(step.positivesAtOrAbove) / positives,
                         static_cast<double>(step.negativesAtOrAbove) / negatives});
    return curve;
}

std::optional<std::size_t> ksPeak(std::span<const KsPoint> curve)
{
    if (curve.empty())
        return std::nullopt;
    std::size_t peak = 0;
    for (std::size_t k = 1; k < curve.size(); ++k) {
        if (curve[k].positiveShare - curve[k].negativeShare > curve[peak].positiveShare - curve[peak].negativeShare)
            peak = k;
    }
    return peak;
}

namespace {

// The bins of a reliability curve: rows counted into edges.size() - 1 bins by binOf(score),
// the empty bins left out.
template <typename BinOf>
std::vector<CalibrationBin> accumulateCalibrationBins(std::span<const float> scores,
                                                      std::span<const std::uint8_t> labels,
                                                      const std::vector<double> &edges, BinOf binOf)
{
    const std::size_t bins = edges.size() - 1;
    std::vector<std::int64_t> rowCount(bins, 0), positiveCount(bins, 0);
    std::vector<double> scoreSum(bins, 0.0);
    for (std::size_t row = 0; row < scores.size(); ++row) {
        const auto score = static_cast<double>(scores[row]);
        const auto bin = static_cast<std::size_t>(binOf(score));
        ++rowCount[bin];
        positiveCount[bin] += labels[row];
        scoreSum[bin] += score;
    }
    std::vector<CalibrationBin> curve;
    for (std::size_t bin = 0; bin < bins; ++bin) {
        if (rowCount[bin] == 0)
            continue;
        const auto count = static_cast<double>(rowCount[bin]);
        curve.push_back({edges[bin], edges[bin + 1], scoreSum[bin] / count,
                         static_cast<double>(positiveCount[bin]) / count, rowCount[bin]});
    }
    return curve;
}

} // namespace

std::vector<CalibrationBin> calibrationCurve(std::span<const float> scores, std::span<const std::uint8_t> labels,
                                             int bins)
{
    validate(scores, labels, "calibration curve");
    if (bins < 1)
        throw std::invalid_argument("calibrationCurve: " + std::to_string(bins) + " bins; at least 1 is needed");

    // sklearn's edges come from numpy.linspace(0, 1, bins + 1), i.e. k * (1 / bins) with the last one
    // exactly 1; the same products here put a score lying on an edge into the same bin.
    const double binWidth = 1.0 / bins;
    const auto innerEdge = [binWidth](int k) { return k * binWidth; };
    // numpy.searchsorted(inner edges, score, side="left"): the number of inner edges below the score.
    // floor(score * bins) is that number up to rounding, which the two loops correct.
    const auto binOf = [&](double score) {
        int bin = static_cast<int>(std::clamp(std::floor(score * bins), 0.0, static_cast<double>(bins - 1)));
        while (bin > 0 && innerEdge(bin) >= score)
            --bin;
        while (bin < bins - 1 && innerEdge(bin + 1) < score)
            ++bin;
        return bin;
    };

    std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
    for (int k = 0; k < bins; ++k)
        edges[static_cast<std::size_t>(k)] = innerEdge(k);
    edges.back() = 1.0;
    return accumulateCalibrationBins(scores, labels, edges, binOf);
}

std::vector<CalibrationBin> quantileCalibrationCurve(std::span<const float> scores,
                                                     std::span<const std::uint8_t> labels, int bins)
{
    validate(scores, labels, "quantileCalibrationCurve");
    if (bins < 1)
        throw std::invalid_argument("quantileCalibrationCurve: " + std::to_string(bins) +
                                    " bins; at least 1 is needed");
    if (scores.empty())
        return {};
    std::vector<double> sorted(scores.begin(), scores.end());
    std::sort(sorted.begin(), sorted.end());
    // numpy.percentile(scores, 100 * k / bins), method "linear": position k / bins * (n - 1).
    std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
    const double last = static_cast<double>(sorted.size() - 1);
    for (int k = 0; k <= bins; ++k) {
        const double position = last * k / bins;
        const auto below = static_cast<std::size_t>(std::floor(position));
        const std::size_t above = std::min(below + 1, sorted.size() - 1);
        const double fraction = position - static_cast<double>(below);
        edges[static_cast<std::size_t>(k)] = sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
    // numpy.searchsorted(inner edges, score, side="left"): the number of inner edges below the score.
    const auto binOf = [&](double score) {
        return static_cast<int>(std::lower_bound(edges.begin() + 1, edges.end() - 1, score) - (edges.begin() + 1));
    };
    return accumulateCalibrationBins(scores, labels, edges, binOf);
}

ConfusionCounts confusionAt(std::span<const float> scores, std::span<const std::uint8_t> labels, double threshold)
{
    validate(scores, labels, "confusion matrix");
    return countConfusion(scores, labels, threshold);
}

double accuracy(const ConfusionCounts &counts)
{
    const std::int64_t total = counts.truePositive + counts.falsePositive + counts.trueNegative + counts.falseNegative;
    if (total == 0)
        return kNaN;
    return static_cast<double>(counts.truePositive + counts.trueNegative) / static_cast<double>(total);
}

double precision(const ConfusionCounts &counts)
{
    return ratioOrZero(counts.truePositive, counts.truePositive + counts.falsePositive);
}

double recall(const ConfusionCounts &counts)
{
    return ratioOrZero(counts.truePositive, counts.truePositive + counts.falseNegative);
}

RocPoint rocPointAt(const ConfusionCounts &counts, double threshold)
{
    const auto rate = [](std::int64_t part, std::int64_t whole) {
        return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : kNaN;
    };
    return {threshold, rate(counts.falsePositive, counts.falsePositive + counts.trueNegative),
            rate(counts.truePositive, counts.truePositive + counts.falseNegative)};
}

double f1Score(const ConfusionCounts &counts)
{
    // 2PR / (P + R) written with counts, which stays defined when P or R is.
    return ratioOrZero(2 * counts.truePositive, 2 * counts.truePositive + counts.falsePositive + counts.falseNegative);
}

BinaryMetrics binaryMetrics(std::span<const float> scores, std::span<const std::uint8_t> labels, double threshold)
{
    validate(scores, labels, "binary metrics");
    BinaryMetrics metrics;
    const std::vector<ScoreStep> steps = stepsByDescendingScore(scores, labels);
    metrics.auc = aucFromSteps(steps);
    metrics.ks = ksFromSteps(steps);
    metrics.gini = 2.0 * metrics.auc - 1.0;
    metrics.logLoss = meanLogLoss(scores, labels);
    metrics.brier = meanSquaredError(scores, labels);
    metrics.threshold = threshold;
    metrics.confusion = countConfusion(scores, labels, threshold);
    metrics.accuracy = accuracy(metrics.confusion);
    metrics.precision = precision(metrics.confusion);
    metrics.recall = recall(metrics.confusion);
    metrics.f1 = f1Score(metrics.confusion);
    metrics.count = static_cast<std::int64_t>(scores.size());
    metrics.positives = steps.empty() ? 0 : steps.back().positivesAtOrAbove;
    return metrics;
}

double rocAuc(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    validate(scores, labels, "AUC");
    return aucFromSteps(stepsByDescendingScore(scores, labels));
}

double ksStatistic(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    validate(scores, labels, "KS");
    return ksFromSteps(stepsByDescendingScore(scores, labels));
}

double logLoss(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    validate(scores, labels, "log loss");
    return meanLogLoss(scores, labels);
}

double brierScore(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    validate(scores, labels, "Brier score");
    return meanSquaredError(scores, labels);
}

void checkBinaryInput(std::span<const float> scores, std::span<const std::uint8_t> labels, const char *function)
{
    validate(scores, labels, function);
}

} // namespace cmtl
