#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace cmtl {

// One point of the ROC curve: predicting positive when score >= threshold.
struct RocPoint {
    double threshold;
    double falsePositiveRate;
    double truePositiveRate;
};

// The ROC curve with one point per distinct score (ties form one step, so AUC by the trapezoid
// rule equals the Mann-Whitney statistic with ties counted one half), starting at (0,0) with
// threshold +inf and ending at (1,1).
std::vector<RocPoint> rocCurve(std::span<const float> scores, std::span<const std::uint8_t> labels);

struct ConfusionCounts {
    std::int64_t truePositive = 0, falsePositive = 0, trueNegative = 0, falseNegative = 0;
};

ConfusionCounts confusionAt(std::span<const float> scores, std::span<const std::uint8_t> labels, double threshold);

// Metrics of a binary task; scores are probabilities of the positive class (label 1).
struct BinaryMetrics {
    double auc = 0, ks = 0, gini = 0, logLoss = 0, brier = 0;
    double threshold = 0.5; // for the threshold metrics below
    double accuracy = 0, precision = 0, recall = 0, f1 = 0;
    ConfusionCounts confusion;
    std::int64_t count = 0, positives = 0;
};

BinaryMetrics binaryMetrics(std::span<const float> scores, std::span<const std::uint8_t> labels,
                            double threshold = 0.5);

double rocAuc(std::span<const float> scores, std::span<const std::uint8_t> labels);
// Kolmogorov-Smirnov statistic: max over thresholds of TPR - FPR.
double ksStatistic(std::span<const float> scores, std::span<const std::uint8_t> labels);

} // namespace cmtl
