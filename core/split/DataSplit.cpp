#include "split/DataSplit.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace cmtl {

namespace {

DataSplit splitByFractions(std::size_t rows, std::span<const float> strata, double trainFraction,
                           double validationFraction, std::uint64_t seed)
{
    if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction > 1.0 + 1e-12)
        throw ConfigError("invalid split: the train fraction must be > 0 and train + validation at most 1");
    // Group the rows by stratum; -1 stands for a missing label.
    std::map<int, std::vector<std::size_t>> groups;
    for (std::size_t row = 0; row < rows; ++row) {
        const int stratum = strata.empty() || std::isnan(strata[row]) ? -1 : static_cast<int>(strata[row]);
        groups[strata.empty() ? 0 : stratum].push_back(row);
    }
    // std::mt19937_64 and a Fisher-Yates shuffle written out give the same order on every
    // platform (std::shuffle's algorithm is implementation-defined).
    std::mt19937_64 generator(seed);
    DataSplit split;
    for (auto &[stratum, members] : groups) {
        for (std::size_t i = members.size(); i > 1; --i) {
            const std::size_t j = static_cast<std::size_t>(generator() % i);
            std::swap(members[i - 1], members[j]);
        }
        const auto count = static_cast<double>(members.size());
        const auto trainCount = static_cast<std::size_t>(std::llround(count * trainFraction));
        const auto validationCount =
            std::min(members.size() - trainCount, static_cast<std::size_t>(std::llround(count * validationFraction)));
        split.train.insert(split.train.end(), members.begin(), members.begin() + trainCount);
        split.validation.insert(split.validation.end(), members.begin() + trainCount,
                                members.begin() + trainCount + validationCount);
        split.test.insert(split.test.end(), members.begin() + trainCount + validationCount, members.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.test.begin(), split.test.end());
    return split;
}

} // namespace

DataSplit stratifiedSplit(std::size_t rows, std::span<const float> strata, const SplitSpec &spec)
{
    return splitByFractions(rows, strata, spec.trainFraction, spec.validationFraction, spec.seed);
}

DataSplit trainValidationSplit(std::size_t rows, std::span<const float> strata, const SplitSpec &spec)
{
    // The validation share of the rows the train file offers, as in the three-way split.
    const double validationShare = spec.validationFraction / (spec.trainFraction + spec.validationFraction);
    return splitByFractions(rows, strata, 1.0 - validationShare, validationShare, spec.seed);
}

} // namespace cmtl
