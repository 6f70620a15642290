#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cmtl {

struct SplitSpec {
    double trainFraction = 0.7;
    double validationFraction = 0.1; // the rest is the test part
    std::uint64_t seed = 42;
};

// Row indices of each part, each in ascending order.
struct DataSplit {
    std::vector<std::size_t> train, validation, test;
};

// A seeded random split, stratified on `strata` (a binary task's 0/1 labels; NaN rows form their
// own stratum) so that each part keeps the class ratio. Empty strata: a plain random split.
DataSplit stratifiedSplit(std::size_t rows, std::span<const float> strata, const SplitSpec &spec);

// Train and validation parts of all rows, for training on one file and testing on another.
DataSplit trainValidationSplit(std::size_t rows, std::span<const float> strata, const SplitSpec &spec);

} // namespace cmtl
