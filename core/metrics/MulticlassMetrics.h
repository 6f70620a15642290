#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace cmtl {

// Metrics of a K-class task, matching scikit-learn 1.2. The predicted class of a row is its most
// probable class, the lowest index on ties (numpy.argmax).
struct MulticlassMetrics {
    // sklearn accuracy_score. NaN with no rows.
    double accuracy = 0;
    // sklearn f1_score(average="macro") with its default labels=None: the mean F1 over the classes
    // that occur in the labels or in the predictions, so a class never seen nor predicted does not
    // count, while a class seen but never predicted counts with F1 = 0. NaN with no rows.
    double macroF1 = 0;
    // sklearn log_loss(labels=range(K)): probabilities clipped to [kLogLossClip, 1 - kLogLossClip]
    // (see BinaryMetrics.h), each row then renormalised to sum 1 as sklearn 1.2 does. NaN with no rows.
    double logLoss = 0;
    // confusion(actual, predicted)
    Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> confusion;
    // Per class, sklearn's precision/recall/f1 with average=None, labels=range(K), zero_division=0:
    // an undefined ratio is 0. support[k] is the number of rows labelled k.
    std::vector<double> precision, recall, f1;
    std::vector<std::int64_t> support;
    // One-vs-rest AUC per class; NaN where the class is absent or the only one present.
    std::vector<double> oneVsRestAuc;
    std::int64_t count = 0;
};

// probabilities: classes x rows (each column sums to 1); labels in [0, classes).
// Throws std::invalid_argument when the sizes disagree, a label is out of range or a probability is NaN.
MulticlassMetrics multiclassMetrics(const Eigen::MatrixXf &probabilities, std::span<const std::int32_t> labels);

// The most probable class of each column, the lowest index on ties. Throws std::invalid_argument when
// there are columns but no class.
std::vector<std::int32_t> predictedClasses(const Eigen::MatrixXf &probabilities);

} // namespace cmtl
