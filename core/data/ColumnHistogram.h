#pragma once

#include "data/Table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

// A small distribution of one column for the column panel: equal-width bins over [min, max] of
// a numeric column, or the most frequent levels of a categorical one (the rest pooled into one
// last bar labelled "other"). Missing cells are counted apart.
struct ColumnHistogram {
    bool numeric = true;
    std::vector<std::int64_t> counts;
    std::vector<std::string> labels; // one per bar: "[lo, hi)" for numeric bins, the level otherwise
    std::vector<double> edges;       // numeric only: counts.size() + 1 bin edges
    std::int64_t missing = 0;
    // Numeric only: the distinct observed values as text (Column::cellText form), ascending, when
    // there are at most maxLevels of them (e.g. the 0/1 of a flag a binary task may predict).
    std::vector<std::string> values;
};

// bins < 1 or maxLevels < 1 throws std::invalid_argument. A numeric column whose observed values
// are all equal (or absent) gets one bin.
ColumnHistogram columnHistogram(const Column &column, int bins = 20, int maxLevels = 12);

} // namespace cmtl
