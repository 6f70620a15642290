#include "data/ColumnHistogram.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace cmtl {

namespace {

std::string shortNumber(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(value));
    return std::string(buffer, result.ptr);
}

} // namespace

ColumnHistogram columnHistogram(const Column &column, int bins, int maxLevels)
{
    if (bins < 1 || maxLevels < 1)
        throw std::invalid_argument("columnHistogram: bins and maxLevels must be at least 1");
    ColumnHistogram histogram;
    histogram.numeric = column.type == ColumnType::Numeric;
    if (histogram.numeric) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        if (column.stats) {
            // describeColumns has found them (the same minimum and maximum over the cells that are
            // not missing): one pass over the column fewer on the way to the first view.
            histogram.missing = column.stats->missing;
            if (!std::isnan(column.stats->min)) {
                lo = column.stats->min;
                hi = column.stats->max;
            }
        } else {
            for (const float value : column.values) {
                if (std::isnan(value)) {
                    ++histogram.missing;
                    continue;
                }
                lo = std::min(lo, static_cast<double>(value));
                hi = std::max(hi, static_cast<double>(value));
            }
        }
        if (!(lo < hi))
            bins = 1;
        if (lo > hi)
            lo = hi = 0;
        histogram.counts.assign(static_cast<std::size_t>(bins), 0);
        const double width = bins > 1 ? (hi - lo) / bins : 0;
        for (int b = 0; b <= bins; ++b)
            histogram.edges.push_back(b == bins ? hi : lo + width * b);
        for (const float value : column.values) {
            if (std::isnan(value))
                continue;
            // Clamped before the conversion to int: with infinite values the position is
            // infinite or NaN, which no int can hold (found by fuzzing).
            const double position = width > 0 ? (value - lo) / width : 0;
            const int bin = position >= bins - 1 ? bins - 1 : position > 0 ? static_cast<int>(position) : 0;
            ++histogram.counts[static_cast<std::size_t>(bin)];
        }
        // More distinct values than maxLevels, counted by describeColumns (exactly that far): no
        // need to look for them.
        const bool tooMany = column.stats && column.stats->distinct > maxLevels;
        std::vector<float> distinct;
        for (std::size_t row = 0;
             !tooMany && row < column.values.size() && distinct.size() <= static_cast<std::size_t>(maxLevels); ++row) {
            const float value = column.values[row];
            if (!std::isnan(value) && std::find(distinct.begin(), distinct.end(), value) == distinct.end())
                distinct.push_back(value);
        }
        if (!tooMany && distinct.size() <= static_cast<std::size_t>(maxLevels)) {
            std::sort(distinct.begin(), distinct.end());
            for (const float value : distinct) {
                char buffer[32];
                const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
                histogram.values.emplace_back(buffer, result.ptr);
            }
        }
        for (int b = 0; b < bins; ++b) {
            // Appended piece by piece (GCC 12 misreports operator+ chains under -Wrestrict).
            std::string label(1, '[');
            label.append(shortNumber(histogram.edges[static_cast<std::size_t>(b)]));
            label.append(", ");
            label.append(shortNumber(histogram.edges[static_cast<std::size_t>(b) + 1]));
            label.push_back(b + 1 == bins ? ']' : ')');
            histogram.labels.push_back(std::move(label));
        }
        return histogram;
    }

    std::vector<std::int64_t> levelCounts(column.levels.size(), 0);
    for (const std::int32_t code : column.codes) {
        if (code < 0)
            ++histogram.missing;
        else
            ++levelCounts[static_cast<std::size_t>(code)];
    }
    std::vector<std::size_t> order(levelCounts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Most frequent first; ties keep the first-seen order.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return levelCounts[a] > levelCounts[b]; });
    const std::size_t kept = std::min(order.size(), static_cast<std::size_t>(maxLevels));
    for (std::size_t i = 0; i < kept; ++i) {
        histogram.counts.push_back(levelCounts[order[i]]);
        histogram.labels.push_back(column.levels[order[i]]);
    }
    if (kept < order.size()) {
        std::int64_t other = 0;
        for (std::size_t i = kept; i < order.size(); ++i)
            other += levelCounts[order[i]];
        histogram.counts.push_back(other);
        histogram.labels.push_back("other");
    }
    return histogram;
}

} // namespace cmtl
