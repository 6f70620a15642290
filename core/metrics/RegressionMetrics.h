#pragma once

#include <cstdint>
#include <span>

namespace cmtl {

struct RegressionMetrics {
    double rmse = 0, mae = 0, r2 = 0;
    std::int64_t count = 0;
};

RegressionMetrics regressionMetrics(std::span<const float> predicted, std::span<const float> actual);

} // namespace cmtl
