#include "metrics/RegressionMetrics.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace cmtl {

namespace {

void requireSameLength(const char *function, std::span<const float> predicted, std::span<const float> actual)
{
    if (predicted.size() != actual.size())
        throw std::invalid_argument(std::string(function) + ": " + std::to_string(predicted.size()) +
                                    " predictions but " + std::to_string(actual.size()) + " actual values");
}

} // namespace

RegressionMetrics regressionMetrics(std::span<const float> predicted, std::span<const float> actual)
{
    requireSameLength("regressionMetrics", predicted, actual);
    for (std::size_t row = 0; row < actual.size(); ++row)
        if (std::isnan(predicted[row]) || std::isnan(actual[row]))
            throw std::invalid_argument("regression metrics: row " + std::to_string(row + 1) +
                                        " holds NaN (not a number) as " +
                                        (std::isnan(predicted[row]) ? "its prediction" : "its actual value") +
                                        ", so no metric can be computed");

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    RegressionMetrics metrics;
    metrics.count = static_cast<std::int64_t>(actual.size());
    if (actual.empty()) {
        metrics.rmse = metrics.mae = metrics.r2 = kNaN;
        return metrics;
    }
    const auto rows = static_cast<double>(actual.size());

    double squaredErrorSum = 0, absoluteErrorSum = 0, actualSum = 0;
    for (std::size_t row = 0; row < actual.size(); ++row) {
        const double error = static_cast<double>(actual[row]) - static_cast<double>(predicted[row]);
        squaredErrorSum += error * error;
        absoluteErrorSum += std::abs(error);
        actualSum += actual[row];
    }
    // Two passes for the total sum of squares: around the mean rather than sum(y^2) - n*mean^2,
    // which cancels catastrophically when the target has a large offset.
    const double actualMean = actualSum / rows;
    double totalSquares = 0;
    for (const float value : actual) {
        const double deviation = static_cast<double>(value) - actualMean;
        totalSquares += deviation * deviation;
    }

    metrics.rmse = std::sqrt(squaredErrorSum / rows);
    metrics.mae = absoluteErrorSum / rows;
    if (actual.size() < 2)
        metrics.r2 = kNaN; // r2_score: "not well-defined with less than two samples"
    else if (squaredErrorSum == 0)
        metrics.r2 = 1.0; // exact predictions, even of a constant target (force_finite=True)
    else if (totalSquares == 0)
        metrics.r2 = 0.0; // constant target, inexact predictions: sklearn's finite stand-in for -inf
    else
        metrics.r2 = 1.0 - squaredErrorSum / totalSquares;
    return metrics;
}

std::vector<float> residuals(std::span<const float> predicted, std::span<const float> actual)
{
    requireSameLength("residuals", predicted, actual);
    std::vector<float> result(actual.size());
    for (std::size_t row = 0; row < result.size(); ++row)
        result[row] = actual[row] - predicted[row];
    return result;
}

} // namespace cmtl
