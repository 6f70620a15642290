#pragma once

// Editing a feature's binning by hand (interactive grouping): merging adjacent bins, splitting a
// range bin at a boundary, and the trend the edited bins follow. Each edit is a pure function: it
// returns a new binning with every statistic recomputed (computeBinStatistics), the input intact.
//
// Merging needs only the bins' counts. Splitting a range bin needs to know how the rows inside it
// fall on either side of the boundary: a FeatureValueCounts, the counts of events and non-events
// per distinct regular value (not missing, not special), gathered once from the rows.

#include "binning/Binning.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

// A numeric feature's regular values, distinct and ascending, with the events and non-events of
// the rows holding each.
struct FeatureValueCounts {
    std::vector<double> values;
    std::vector<std::int64_t> events, nonEvents;
};

// Gathers the counts: `values` (NaN = missing) and `labels` (0 or 1) have one entry per row; the
// rows holding one of `specialValues` are left out, as are the missing ones.
FeatureValueCounts countValues(const std::vector<double> &values, const std::vector<int> &labels,
                               const std::vector<double> &specialValues);

// The bins first..last (first < last, both range bins or both level groups, every bin between them
// of the same kind) joined into one. Throws ConfigError naming the bins when they cannot be merged.
FeatureBinning mergeBins(const FeatureBinning &binning, std::size_t first, std::size_t last);

// The range bin `index`, (lower, upper], split into (lower, boundary] and (boundary, upper]. Throws
// ConfigError when the bin is not a range bin, when the boundary is not a finite number strictly
// inside it, or when no value of `counts` lies on one side (a bin without rows).
FeatureBinning splitBin(const FeatureBinning &binning, std::size_t index, double boundary,
                        const FeatureValueCounts &counts);

// How the event rate moves along the ordered (range or level-group) bins; missing and special
// bins are not part of the order.
enum class BinShape {
    Single,     // fewer than two ordered bins: no trend to speak of
    Ascending,  // strictly rising
    Descending, // strictly falling
    Peak,       // rises, then falls (one turn)
    Valley,     // falls, then rises (one turn)
    Irregular   // two neighbours with equal rates, or more than one turn
};
const char *toString(BinShape shape);
BinShape binShape(const FeatureBinning &binning);

} // namespace cmtl
