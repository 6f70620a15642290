#include "preprocess/NumericSummary.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace cmtl {

namespace {

// A float's bits mapped to an unsigned key in the same order as the values (NaN excluded).
std::uint32_t orderedKey(float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
}

float valueOfKey(std::uint32_t key)
{
    const std::uint32_t bits = (key & 0x80000000u) != 0 ? key & 0x7fffffffu : ~key;
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// The bucket holding the value of the given rank, and the rank within it.
std::pair<std::uint32_t, std::uint64_t> bucketOfRank(std::span<const std::uint64_t> counts, std::uint64_t rank)
{
    std::uint32_t bucket = 0;
    while (bucket < counts.size() && rank >= counts[bucket])
        rank -= counts[bucket++];
    if (bucket == counts.size())
        throw std::logic_error("bucketOfRank: the rank exceeds the counts");
    return {bucket, rank};
}

} // namespace

NumericSummary NumericSummary::of(const float *values, std::span<const std::size_t> rows, bool countKeys)
{
    NumericSummary summary;
    if (countKeys)
        summary.highKeyCounts.assign(kBuckets, 0);
    for (const std::size_t row : rows) {
        const float value = values[row];
        if (std::isnan(value))
            continue;
        ++summary.count;
        summary.sum += value;
        summary.sumSquares += static_cast<double>(value) * value;
        summary.lowest = std::min(summary.lowest, value);
        summary.highest = std::max(summary.highest, value);
    }
    if (countKeys) {
        for (const std::size_t row : rows) {
            if (!std::isnan(values[row]))
                ++summary.highKeyCounts[orderedKey(values[row]) >> kKeyBits];
        }
    }
    return summary;
}

void NumericSummary::add(const NumericSummary &other)
{
    if (count == 0 && highKeyCounts.empty()) // a default-made summary takes the other's kind
        highKeyCounts.assign(other.highKeyCounts.size(), 0);
    count += other.count;
    sum += other.sum;
    sumSquares += other.sumSquares;
    lowest = std::min(lowest, other.lowest);
    highest = std::max(highest, other.highest);
    if (highKeyCounts.size() != other.highKeyCounts.size())
        throw std::logic_error("NumericSummary::add: one summary has key counts, the other not");
    for (std::size_t bucket = 0; bucket < highKeyCounts.size(); ++bucket)
        highKeyCounts[bucket] += other.highKeyCounts[bucket];
}

double NumericSummary::mean() const
{
    return count > 0 ? sum / static_cast<double>(count) : std::numeric_limits<double>::quiet_NaN();
}

double NumericSummary::standardDeviation() const
{
    if (count < 2)
        return 0;
    const double average = mean();
    return std::sqrt(std::max(0.0, sumSquares / static_cast<double>(count) - average * average));
}

MedianBucket medianBucket(const NumericSummary &summary)
{
    if (summary.count == 0 || summary.highKeyCounts.size() != NumericSummary::kBuckets)
        throw std::logic_error("medianBucket: no values, or no key counts");
    const auto [bucket, rank] = bucketOfRank(summary.highKeyCounts, (summary.count - 1) / 2);
    return {bucket, rank};
}

std::vector<std::uint64_t> lowKeyCounts(const float *values, std::span<const std::size_t> rows, std::uint32_t highKey)
{
    constexpr std::uint32_t kLowMask = (std::uint32_t{1} << NumericSummary::kKeyBits) - 1;
    std::vector<std::uint64_t> counts(NumericSummary::kBuckets, 0);
    for (const std::size_t row : rows) {
        const float value = values[row];
        if (std::isnan(value))
            continue;
        const std::uint32_t key = orderedKey(value);
        if ((key >> NumericSummary::kKeyBits) == highKey)
            ++counts[key & kLowMask];
    }
    return counts;
}

float selectMedian(const MedianBucket &bucket, std::span<const std::uint64_t> lowKeyCounts)
{
    // Every value counted in one low bucket has the same key, hence the same value.
    const std::uint32_t lowKey = bucketOfRank(lowKeyCounts, bucket.rank).first;
    return valueOfKey((bucket.highKey << NumericSummary::kKeyBits) | lowKey);
}

float directMedian(const float *values, std::span<const std::size_t> rows)
{
    std::vector<float> observed;
    observed.reserve(rows.size());
    for (const std::size_t row : rows) {
        if (!std::isnan(values[row]))
            observed.push_back(values[row]);
    }
    if (observed.empty())
        throw std::logic_error("directMedian: no values");
    const auto middle = observed.begin() + static_cast<std::ptrdiff_t>((observed.size() - 1) / 2);
    std::nth_element(observed.begin(), middle, observed.end());
    return *middle;
}

} // namespace cmtl
