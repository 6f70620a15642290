#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace cmtl {

// Metrics of a regression task, matching scikit-learn 1.2 (mean_squared_error(squared=False),
// mean_absolute_error, r2_score), accumulated in double.
// - No rows: every metric is NaN.
// - R² is NaN with fewer than two rows (sklearn returns NaN with a warning).
// - Constant target (total sum of squares 0): R² is 1 when the predictions are exact and 0 otherwise,
//   as r2_score(force_finite=True), sklearn's default, defines it instead of -inf or NaN.
struct RegressionMetrics {
    double rmse = 0, mae = 0, r2 = 0;
    std::int64_t count = 0;
};

// Throws std::invalid_argument when the lengths differ or a value is NaN (a NaN target is a missing
// cell that the caller should have left out).
RegressionMetrics regressionMetrics(std::span<const float> predicted, std::span<const float> actual);

// actual - predicted per row, what a residual plot shows. Throws std::invalid_argument when the
// lengths differ.
std::vector<float> residuals(std::span<const float> predicted, std::span<const float> actual);

} // namespace cmtl
