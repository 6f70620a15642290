#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace cmtl {

// What the preprocessing learns from a numeric column's observed (non-missing) training values,
// as statistics that combine across parts of the data: counts and sums add, the range takes the
// minimum and maximum. A data-parallel fit computes them on each part and all-reduces them; a
// single process has one part. The median comes out exact in two such rounds:
//   1. NumericSummary: count, sums, range, and the values counted by the top 16 bits of their
//      order-preserving 32-bit key (65,536 buckets);
//   2. lowKeyCounts: within the bucket holding the median, the values counted by the low 16 bits,
// which pins the median's key, hence its value, exactly (radix selection).
// The two rounds cost two fixed 65,536-bucket histograms per column however few rows there are;
// a single process with fewer rows than buckets selects the median directly (directMedian) and
// leaves the key histogram out (countKeys = false).
struct NumericSummary {
    static constexpr int kKeyBits = 16;
    static constexpr std::size_t kBuckets = std::size_t{1} << kKeyBits;

    std::uint64_t count = 0;
    double sum = 0, sumSquares = 0;
    float lowest = std::numeric_limits<float>::infinity();
    float highest = -std::numeric_limits<float>::infinity();
    // kBuckets counts, or empty when the summary was made without them.
    std::vector<std::uint64_t> highKeyCounts;

    // The values[row] of `rows`, NaN (missing) left out; with countKeys, round 1's key histogram.
    static NumericSummary of(const float *values, std::span<const std::size_t> rows, bool countKeys = true);
    // Combines the summary of another part of the data into this one (both with key counts, or
    // both without).
    void add(const NumericSummary &other);

    double mean() const;
    // Population standard deviation (the divisor is the count), 0 for fewer than two values.
    double standardDeviation() const;
};

// Where the median (the lower middle value for an even count, so always an observed value) lies
// after round 1: its key's top bits and its rank among the values sharing them. count must be > 0.
struct MedianBucket {
    std::uint32_t highKey = 0;
    std::uint64_t rank = 0;
};
MedianBucket medianBucket(const NumericSummary &summary);

// Round 2 on one part: the values whose key's top bits are `highKey`, counted by the low bits
// (kBuckets counts; add them across parts element by element).
std::vector<std::uint64_t> lowKeyCounts(const float *values, std::span<const std::size_t> rows, std::uint32_t highKey);

// The median from round 2's counts (summed over every part).
float selectMedian(const MedianBucket &bucket, std::span<const std::uint64_t> lowKeyCounts);

// The same median (the lower middle observed value) selected from the values themselves in time
// proportional to their number: the cheaper way when there are fewer values than buckets.
// At least one value of `rows` must be observed.
float directMedian(const float *values, std::span<const std::size_t> rows);

} // namespace cmtl
