#include "metrics/MulticlassMetrics.h"

#include "metrics/BinaryMetrics.h"
#include "metrics/MetricValues.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace cmtl {

namespace {

void validate(const Eigen::MatrixXf &probabilities, std::span<const std::int32_t> labels)
{
    if (static_cast<std::size_t>(probabilities.cols()) != labels.size())
        throw std::invalid_argument("multiclassMetrics: " + std::to_string(probabilities.cols()) +
                                    " probability columns but " + std::to_string(labels.size()) + " labels");
    if (probabilities.hasNaN())
        throw std::invalid_argument("multiclass metrics: a predicted probability is NaN (not a number), so no metric "
                                    "can be computed");
    const auto classes = static_cast<std::int32_t>(probabilities.rows());
    for (std::size_t row = 0; row < labels.size(); ++row)
        if (labels[row] < 0 || labels[row] >= classes)
            throw std::invalid_argument("multiclassMetrics: label " + std::to_string(labels[row]) + " at row " +
                                        std::to_string(row) + " is outside [0, " + std::to_string(classes) + ")");
}

// sklearn 1.2 log_loss: clip every probability, renormalise each row to sum 1, average -log of the
// probability given to the actual class.
double meanLogLoss(const Eigen::MatrixXf &probabilities, std::span<const std::int32_t> labels)
{
    if (labels.empty())
        return kNaN;
    const auto clipped = [](float probability) {
        return std::clamp(static_cast<double>(probability), kLogLossClip, 1.0 - kLogLossClip);
    };
    double total = 0;
    for (Eigen::Index row = 0; row < probabilities.cols(); ++row) {
        double columnSum = 0;
        for (Eigen::Index k = 0; k < probabilities.rows(); ++k)
            columnSum += clipped(probabilities(k, row));
        total -= std::log(clipped(probabilities(labels[row], row)) / columnSum);
    }
    return total / static_cast<double>(labels.size());
}

} // namespace

std::vector<std::int32_t> predictedClasses(const Eigen::MatrixXf &probabilities)
{
    if (probabilities.rows() == 0 && probabilities.cols() > 0)
        throw std::invalid_argument("predictedClasses: no class to predict");
    std::vector<std::int32_t> predicted(probabilities.cols(), 0);
    for (Eigen::Index row = 0; row < probabilities.cols(); ++row) {
        // Strictly greater keeps the lowest index among equal maxima, as numpy.argmax does.
        Eigen::Index best = 0;
        for (Eigen::Index k = 1; k < probabilities.rows(); ++k)
            if (probabilities(k, row) > probabilities(best, row))
                best = k;
        predicted[row] = static_cast<std::int32_t>(best);
    }
    return predicted;
}

MulticlassMetrics multiclassMetrics(const Eigen::MatrixXf &probabilities, std::span<const std::int32_t> labels)
{
    validate(probabilities, labels);
    const Eigen::Index classes = probabilities.rows();
    const std::vector<std::int32_t> predicted = predictedClasses(probabilities);

    MulticlassMetrics metrics;
    metrics.count = static_cast<std::int64_t>(labels.size());
    metrics.confusion.setZero(classes, classes);
    for (std::size_t row = 0; row < labels.size(); ++row)
        ++metrics.confusion(labels[row], predicted[row]);

    const std::int64_t correct = metrics.confusion.trace();
    metrics.accuracy = labels.empty() ? kNaN : static_cast<double>(correct) / static_cast<double>(labels.size());
    metrics.logLoss = meanLogLoss(probabilities, labels);

    metrics.precision.resize(classes);
    metrics.recall.resize(classes);
    metrics.f1.resize(classes);
    metrics.support.resize(classes);
    double f1Total = 0;
    int classesSeenOrPredicted = 0;
    for (Eigen::Index k = 0; k < classes; ++k) {
        const std::int64_t truePositive = metrics.confusion(k, k);
        const std::int64_t actualCount = metrics.confusion.row(k).sum();
        const std::int64_t predictedCount = metrics.confusion.col(k).sum();
        metrics.support[k] = actualCount;
        metrics.precision[k] = ratioOrZero(truePositive, predictedCount);
        metrics.recall[k] = ratioOrZero(truePositive, actualCount);
        metrics.f1[k] = ratioOrZero(2 * truePositive, actualCount + predictedCount);
        // f1_score's default labels=None averages over the union of actual and predicted classes.
        if (actualCount + predictedCount > 0) {
            f1Total += metrics.f1[k];
            ++classesSeenOrPredicted;
        }
    }
    metrics.macroF1 = classesSeenOrPredicted == 0 ? kNaN : f1Total / classesSeenOrPredicted;

    // One-vs-rest: class k against all others, ranked by the probability of k.
    metrics.oneVsRestAuc.resize(classes);
    std::vector<float> classProbability(labels.size());
    std::vector<std::uint8_t> isClass(labels.size());
    for (Eigen::Index k = 0; k < classes; ++k) {
        for (std::size_t row = 0; row < labels.size(); ++row) {
            classProbability[row] = probabilities(k, static_cast<Eigen::Index>(row));
            isClass[row] = labels[row] == k ? 1 : 0;
        }
        metrics.oneVsRestAuc[k] = rocAuc(classProbability, isClass);
    }
    return metrics;
}

} // namespace cmtl
