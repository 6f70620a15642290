#include "binning/BinningEdit.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cmtl {

namespace {

bool isOrdered(BinKind kind)
{
    return kind == BinKind::Range || kind == BinKind::Levels;
}

std::string binName(const FeatureBinning &binning, std::size_t index)
{
    return "bin " + std::to_string(index + 1) + " " + binning.bins[index].label() + " of " + binning.feature;
}

// The events and non-events of the values in (lower, upper].
std::pair<std::int64_t, std::int64_t> countsIn(const FeatureValueCounts &counts, double lower, double upper)
{
    const auto begin = std::upper_bound(counts.values.begin(), counts.values.end(), lower);
    const auto end = std::upper_bound(counts.values.begin(), counts.values.end(), upper);
    std::int64_t events = 0, nonEvents = 0;
    for (auto it = begin; it != end; ++it) {
        const std::size_t i = std::size_t(it - counts.values.begin());
        events += counts.events[i];
        nonEvents += counts.nonEvents[i];
    }
    return {events, nonEvents};
}

} // namespace

FeatureValueCounts countValues(const std::vector<double> &values, const std::vector<int> &labels,
                               const std::vector<double> &specialValues)
{
    if (labels.size() != values.size())
        throw ConfigError("counting values: " + std::to_string(values.size()) + " values but " +
                          std::to_string(labels.size()) + " labels");
    std::map<double, std::pair<std::int64_t, std::int64_t>> byValue;
    for (std::size_t row = 0; row < values.size(); ++row) {
        const double value = values[row];
        if (std::isnan(value) || std::find(specialValues.begin(), specialValues.end(), value) != specialValues.end())
            continue;
        auto &cell = byValue[value];
        (labels[row] == 1 ? cell.first : cell.second) += 1;
    }
    FeatureValueCounts counts;
    for (const auto &[value, cell] : byValue) {
        counts.values.push_back(value);
        counts.events.push_back(cell.first);
        counts.nonEvents.push_back(cell.second);
    }
    return counts;
}

FeatureBinning mergeBins(const FeatureBinning &binning, std::size_t first, std::size_t last)
{
    if (first >= last || last >= binning.bins.size())
        throw ConfigError("merging bins of " + binning.feature + ": choose two or more adjacent bins (got bins " +
                          std::to_string(first + 1) + " to " + std::to_string(last + 1) + " of " +
                          std::to_string(binning.bins.size()) + ")");
    for (std::size_t i = first; i <= last; ++i) {
        if (!isOrdered(binning.bins[i].kind))
            throw ConfigError("merging bins of " + binning.feature + ": " + binName(binning, i) +
                              " is a missing or special-value bin, which keeps its own bin; choose range bins or "
                              "level groups");
    }
    FeatureBinning merged = binning;
    Bin &joined = merged.bins[first];
    for (std::size_t i = first + 1; i <= last; ++i) {
        const Bin &next = binning.bins[i];
        joined.upper = next.upper;
        joined.levels.insert(joined.levels.end(), next.levels.begin(), next.levels.end());
        joined.events += next.events;
        joined.nonEvents += next.nonEvents;
    }
    merged.bins.erase(merged.bins.begin() + std::ptrdiff_t(first) + 1, merged.bins.begin() + std::ptrdiff_t(last) + 1);
    computeBinStatistics(merged);
    return merged;
}

FeatureBinning splitBin(const FeatureBinning &binning, std::size_t index, double boundary,
                        const FeatureValueCounts &counts)
{
    if (index >= binning.bins.size())
        throw ConfigError("splitting a bin of " + binning.feature + ": there is no bin " + std::to_string(index + 1));
    const Bin &bin = binning.bins[index];
    if (bin.kind != BinKind::Range)
        throw ConfigError("splitting " + binName(binning, index) +
                          ": only a range bin of a numeric feature can be split at a boundary");
    if (!std::isfinite(boundary) || !(boundary > bin.lower && boundary < bin.upper))
        throw ConfigError("splitting " + binName(binning, index) + ": the boundary " + numberText(boundary) +
                          " is not inside the bin; give a number above its lower end "
                          "and below its upper end");
    const auto [lowEvents, lowNonEvents] = countsIn(counts, bin.lower, boundary);
    const auto [highEvents, highNonEvents] = countsIn(counts, boundary, bin.upper);
    if (lowEvents + lowNonEvents == 0 || highEvents + highNonEvents == 0)
        throw ConfigError("splitting " + binName(binning, index) + " at " + numberText(boundary) + ": no value lies " +
                          (lowEvents + lowNonEvents == 0 ? "at or below" : "above") +
                          " the boundary inside the bin, so one side would be empty; choose a boundary between two "
                          "values of the bin");
    if (lowEvents + highEvents != bin.events || lowNonEvents + highNonEvents != bin.nonEvents)
        throw ConfigError("splitting " + binName(binning, index) +
                          ": the value counts do not match the bin's rows (they come from other data); screen the "
                          "data again");
    FeatureBinning split = binning;
    Bin low = bin, high = bin;
    low.upper = boundary;
    low.events = lowEvents;
    low.nonEvents = lowNonEvents;
    high.lower = boundary;
    high.events = highEvents;
    high.nonEvents = highNonEvents;
    split.bins[index] = low;
    split.bins.insert(split.bins.begin() + std::ptrdiff_t(index) + 1, high);
    computeBinStatistics(split);
    return split;
}

const char *toString(BinShape shape)
{
    switch (shape) {
    case BinShape::Single:
        return "single";
    case BinShape::Ascending:
        return "ascending";
    case BinShape::Descending:
        return "descending";
    case BinShape::Peak:
        return "peak";
    case BinShape::Valley:
        return "valley";
    case BinShape::Irregular:
        return "irregular";
    }
    return "?";
}

BinShape binShape(const FeatureBinning &binning)
{
    // The signs of the steps between neighbouring ordered bins, compared exactly on the counts
    // (e1 / n1 < e2 / n2 as e1 n2 < e2 n1).
    std::vector<int> steps;
    const Bin *previous = nullptr;
    for (const Bin &bin : binning.bins) {
        if (!isOrdered(bin.kind) || bin.count() == 0)
            continue;
        if (previous) {
            const std::int64_t left = previous->events * bin.count(), right = bin.events * previous->count();
            steps.push_back(left < right ? 1 : left > right ? -1 : 0);
        }
        previous = &bin;
    }
    if (steps.empty())
        return BinShape::Single;
    if (std::find(steps.begin(), steps.end(), 0) != steps.end())
        return BinShape::Irregular;
    int turns = 0;
    for (std::size_t i = 1; i < steps.size(); ++i)
        turns += steps[i] != steps[i - 1];
    if (turns == 0)
        return steps.front() > 0 ? BinShape::Ascending : BinShape::Descending;
    if (turns == 1)
        return steps.front() > 0 ? BinShape::Peak : BinShape::Valley;
    return BinShape::Irregular;
}

} // namespace cmtl
