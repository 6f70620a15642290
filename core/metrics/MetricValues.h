#pragma once

#include <cstdint>
#include <limits>

namespace cmtl {

// Values the metrics share: NaN for a metric that is undefined on the rows given (one class
// only, no positive), infinity for a cut-off above every score.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The ratio, or 0 when the denominator is 0 (scikit-learn's zero_division=0).
inline double ratioOrZero(std::int64_t numerator, std::int64_t denominator)
{
    return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

} // namespace cmtl
