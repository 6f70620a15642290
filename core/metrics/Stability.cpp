#include "metrics/Stability.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace cmtl {

const char *toString(StabilityVerdict verdict)
{
    switch (verdict) {
    case StabilityVerdict::Stable:
        return "stable";
    case StabilityVerdict::Watch:
        return "watch";
    case StabilityVerdict::Shift:
        return "shift";
    }
    return "?";
}

StabilityVerdict stabilityVerdict(double index)
{
    if (index < 0.1)
        return StabilityVerdict::Stable;
    return index <= 0.25 ? StabilityVerdict::Watch : StabilityVerdict::Shift;
}

NumericBands NumericBands::fromQuantiles(std::span<const float> values, int quantiles)
{
    if (quantiles < 1)
        throw std::invalid_argument("NumericBands: at least 1 quantile band is needed, not " +
                                    std::to_string(quantiles));
    std::vector<double> sorted;
    for (const float value : values) {
        if (!std::isnan(value))
            sorted.push_back(value);
    }
    NumericBands bands;
    if (sorted.empty())
        return bands;
    std::sort(sorted.begin(), sorted.end());
    // numpy.percentile(values, 100 * k / quantiles), method "linear": position k / quantiles * (n - 1).
    const double last = static_cast<double>(sorted.size() - 1);
    for (int k = 1; k < quantiles; ++k) {
        const double position = last * k / quantiles;
        const auto below = static_cast<std::size_t>(std::floor(position));
        const std::size_t above = std::min(below + 1, sorted.size() - 1);
        const double edge = sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
        if (bands.edges.empty() || edge > bands.edges.back())
            bands.edges.push_back(edge);
    }
    return bands;
}

std::size_t NumericBands::bandOf(float value) const
{
    if (std::isnan(value))
        return edges.size() + 1;
    // (e_{k-1}, e_k]: the number of edges strictly below the value.
    return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), static_cast<double>(value)) -
                                    edges.begin());
}

std::string NumericBands::label(std::size_t band) const
{
    if (band == edges.size() + 1)
        return "(missing)";
    std::ostringstream text;
    text.precision(6);
    if (edges.empty())
        text << "(-inf, +inf)";
    else if (band == 0)
        text << "(-inf, " << edges[0] << ']';
    else if (band == edges.size())
        text << '(' << edges.back() << ", +inf)";
    else
        text << '(' << edges[band - 1] << ", " << edges[band] << ']';
    return text.str();
}

BandCounts &BandCounts::operator+=(const BandCounts &other)
{
    if (other.labels != labels)
        throw std::invalid_argument("BandCounts: the counts to add are over other bands");
    for (std::size_t band = 0; band < labels.size(); ++band) {
        base[band] += other.base[band];
        actual[band] += other.actual[band];
    }
    return *this;
}

std::vector<std::int64_t> countInBands(const NumericBands &bands, std::span<const float> values)
{
    std::vector<std::int64_t> counts(bands.bandCount(), 0);
    for (const float value : values)
        ++counts[bands.bandOf(value)];
    return counts;
}

StabilityIndex stabilityIndex(const std::string &name, const BandCounts &counts)
{
    const std::size_t bandCount = counts.labels.size();
    if (counts.base.size() != bandCount || counts.actual.size() != bandCount)
        throw std::invalid_argument("stabilityIndex: " + name + ": one count per band and data set is needed");
    std::int64_t baseTotal = 0, actualTotal = 0;
    for (std::size_t band = 0; band < bandCount; ++band) {
        baseTotal += counts.base[band];
        actualTotal += counts.actual[band];
    }
    if (baseTotal == 0 || actualTotal == 0)
        throw std::invalid_argument("the stability of " + name + " needs rows in both data sets; the " +
                                    (baseTotal == 0 ? "base" : "new") + " data has none");
    StabilityIndex result;
    result.name = name;
    // Bands empty in both data sets say nothing about a shift and are left out, so that the
    // adjustment does not give them shares (a "missing" band of a column without missing values).
    std::size_t occupiedBands = 0;
    for (std::size_t band = 0; band < bandCount; ++band)
        occupiedBands += counts.base[band] + counts.actual[band] > 0 ? 1 : 0;
    const double pseudoTotal = kStabilityPseudoCount * static_cast<double>(occupiedBands);
    for (std::size_t band = 0; band < bandCount; ++band) {
        if (counts.base[band] + counts.actual[band] == 0)
            continue;
        StabilityBand entry;
        entry.label = counts.labels[band];
        entry.baseCount = counts.base[band];
        entry.actualCount = counts.actual[band];
        entry.baseShare = (static_cast<double>(entry.baseCount) + kStabilityPseudoCount) /
                          (static_cast<double>(baseTotal) + pseudoTotal);
        entry.actualShare = (static_cast<double>(entry.actualCount) + kStabilityPseudoCount) /
                            (static_cast<double>(actualTotal) + pseudoTotal);
        entry.contribution = (entry.actualShare - entry.baseShare) * std::log(entry.actualShare / entry.baseShare);
        result.index += entry.contribution;
        result.bands.push_back(std::move(entry));
    }
    result.verdict = stabilityVerdict(result.index);
    return result;
}

StabilityIndex numericStability(const std::string &name, std::span<const float> base, std::span<const float> actual)
{
    const NumericBands bands = NumericBands::fromQuantiles(base);
    BandCounts counts;
    for (std::size_t band = 0; band < bands.bandCount(); ++band)
        counts.labels.push_back(bands.label(band));
    counts.base = countInBands(bands, base);
    counts.actual = countInBands(bands, actual);
    return stabilityIndex(name, counts);
}

StabilityIndex categoricalStability(const Column &base, const Column &actual)
{
    if (base.type != ColumnType::Categorical || actual.type != ColumnType::Categorical)
        throw std::invalid_argument("categoricalStability: " + base.name + " is not categorical in both data sets");
    BandCounts counts;
    counts.labels = base.levels;
    counts.base.assign(base.levels.size(), 0);
    for (const std::int32_t code : base.codes) {
        if (code != Column::kMissingCode)
            ++counts.base[static_cast<std::size_t>(code)];
    }
    // The new column's codes mapped onto the bands by level text; unseen levels get bands of their own.
    std::vector<std::size_t> bandOfCode;
    for (const std::string &level : actual.levels) {
        const auto found = std::find(counts.labels.begin(), counts.labels.end(), level);
        bandOfCode.push_back(static_cast<std::size_t>(found - counts.labels.begin()));
        if (found == counts.labels.end()) {
            counts.labels.push_back(level);
            counts.base.push_back(0);
        }
    }
    counts.actual.assign(counts.labels.size(), 0);
    for (const std::int32_t code : actual.codes) {
        if (code != Column::kMissingCode)
            ++counts.actual[bandOfCode[static_cast<std::size_t>(code)]];
    }
    const auto missing = [](const Column &column) {
        return static_cast<std::int64_t>(std::count(column.codes.begin(), column.codes.end(), Column::kMissingCode));
    };
    counts.labels.push_back("(missing)");
    counts.base.push_back(missing(base));
    counts.actual.push_back(missing(actual));
    return stabilityIndex(base.name, counts);
}

} // namespace cmtl
