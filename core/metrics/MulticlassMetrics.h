#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace cmtl {

struct MulticlassMetrics {
    double accuracy = 0, macroF1 = 0, logLoss = 0;
    // confusion(actual, predicted)
    Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> confusion;
    // One-vs-rest AUC per class; NaN where the class is absent or the only one present.
    std::vector<double> oneVsRestAuc;
    std::int64_t count = 0;
};

// probabilities: classes x rows (each column sums to 1); labels in [0, classes).
MulticlassMetrics multiclassMetrics(const Eigen::MatrixXf &probabilities, std::span<const std::int32_t> labels);

} // namespace cmtl
