#pragma once

#include "data/Table.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

// Population and characteristic stability: how far a distribution (a model's score, PSI; an input
// column, CSI) has moved between a base data set (usually the training file) and a new one (an
// out-of-time file). Both compare the shares of the two data sets in the same bands:
//     index = sum over bands of (newShare - baseShare) * ln(newShare / baseShare).
// Bands are fixed on the base data. Counts per band are what both sides carry, so the index of a
// data set read in parts is that of the parts' counts added band by band.

namespace cmtl {

// Conventional reading of a stability index: below 0.1 stable, 0.1 to 0.25 watch, above 0.25 shift.
enum class StabilityVerdict { Stable, Watch, Shift };
const char *toString(StabilityVerdict verdict);
StabilityVerdict stabilityVerdict(double index);

// Small-count adjustment: every band's count gets kStabilityPseudoCount added on both sides before
// shares are taken, share = (count + 0.5) / (total + 0.5 * bands), so that a band empty on one
// side gives a large but finite term instead of an infinite one. Bands empty on both sides are
// left out (of the index, of `bands` and of the report).
inline constexpr double kStabilityPseudoCount = 0.5;

// The bands of a numeric variable: (-inf, e1], (e1, e2], ..., (eK, +inf), plus one band for
// missing values (NaN). The edges are the base data's deciles (numpy.percentile's linear
// interpolation at 10%, ..., 90% of the non-missing values), equal edges merged.
struct NumericBands {
    std::vector<double> edges;
    // The edges from `values` (NaN is missing and left out); at most `quantiles - 1` edges.
    static NumericBands fromQuantiles(std::span<const float> values, int quantiles = 10);
    std::size_t bandCount() const { return edges.size() + 2; } // the last band is "missing"
    std::size_t bandOf(float value) const;
    std::string label(std::size_t band) const;
};

// Counts of rows per band, base and new side by side: what parts of the data add up.
struct BandCounts {
    std::vector<std::string> labels;
    std::vector<std::int64_t> base, actual;

    // Adds another part's counts (same bands, else std::invalid_argument).
    BandCounts &operator+=(const BandCounts &other);
};

// Counts of a numeric variable in its bands.
std::vector<std::int64_t> countInBands(const NumericBands &bands, std::span<const float> values);

struct StabilityBand {
    std::string label;
    std::int64_t baseCount = 0, actualCount = 0;
    double baseShare = 0, actualShare = 0; // adjusted shares (see kStabilityPseudoCount)
    double contribution = 0;               // the band's term of the index
};

struct StabilityIndex {
    std::string name; // the task's score or the column
    std::vector<StabilityBand> bands;
    double index = 0;
    StabilityVerdict verdict = StabilityVerdict::Stable;
};

// The index of counts per band. Either side without any row makes the comparison meaningless:
// std::invalid_argument naming `name`.
StabilityIndex stabilityIndex(const std::string &name, const BandCounts &counts);

// A numeric variable: bands from the base values' deciles.
StabilityIndex numericStability(const std::string &name, std::span<const float> base, std::span<const float> actual);

// A categorical column of two tables: one band per level (matched by text, in the base column's
// order, then levels only the new data holds), and one for missing cells.
StabilityIndex categoricalStability(const Column &base, const Column &actual);

} // namespace cmtl
