#include "binning/Binning.h"

#include "common/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace cmtl {

namespace {

// The small-count adjustment (see Binning.h): 0.5 added to both cells of a bin with an empty cell.
struct AdjustedCounts {
    double events, nonEvents;
};
// Counts are doubles so that weighted counts (reject inference) take the same path; an integer
// count converts exactly.
AdjustedCounts adjusted(double events, double nonEvents)
{
    if (events == 0 || nonEvents == 0)
        return {events + 0.5, nonEvents + 0.5};
    return {events, nonEvents};
}

double binWoe(double events, double nonEvents, double totalEvents, double totalNonEvents)
{
    const AdjustedCounts counts = adjusted(events, nonEvents);
    return std::log((counts.nonEvents / totalNonEvents) / (counts.events / totalEvents));
}

double binIv(double events, double nonEvents, double totalEvents, double totalNonEvents)
{
    const AdjustedCounts counts = adjusted(events, nonEvents);
    return (counts.nonEvents / totalNonEvents - counts.events / totalEvents) *
           binWoe(events, nonEvents, totalEvents, totalNonEvents);
}

// The shortest text that reads back as the value; a value that is exactly a float (the table
// stores numeric columns as floats) as the shortest float, so 5.32f prints "5.32".
std::string shortNumber(double value)
{
    if (std::isinf(value))
        return value < 0 ? "-inf" : "+inf";
    char buffer[64];
    const float asFloat = float(value);
    const auto written = double(asFloat) == value ? std::to_chars(buffer, buffer + sizeof buffer, asFloat)
                                                  : std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, written.ptr);
}

void checkOptions(const BinningOptions &options)
{
    if (options.fineBins < 2)
        throw ConfigError("binning: the number of fine bins must be at least 2, got " +
                          std::to_string(options.fineBins));
    if (options.maxBins < 1)
        throw ConfigError("binning: the maximum number of bins must be at least 1, got " +
                          std::to_string(options.maxBins));
    if (!(options.minBinShare >= 0 && options.minBinShare < 0.5))
        throw ConfigError("binning: the minimum bin share must be from 0 to below 0.5, got " +
                          shortNumber(options.minBinShare));
}

struct Totals {
    std::int64_t events = 0, nonEvents = 0;
};
// Refuses labels that are not one per row, or not 0 or 1.
void checkLabels(const std::string &feature, const std::vector<int> &labels, std::size_t rows)
{
    if (labels.size() != rows)
        throw ConfigError("binning " + feature + ": " + std::to_string(rows) + " values but " +
                          std::to_string(labels.size()) + " labels");
    for (const int label : labels) {
        if (label != 0 && label != 1)
            throw ConfigError("binning " + feature + ": labels must be 0 or 1, got " + std::to_string(label));
    }
}

// The events and non-events of all the bins; refuses a target lacking a class.
Totals labelTotals(const std::string &feature, const std::vector<Bin> &bins)
{
    Totals totals;
    for (const Bin &bin : bins) {
        totals.events += bin.events;
        totals.nonEvents += bin.nonEvents;
    }
    if (totals.events == 0 || totals.nonEvents == 0)
        throw ConfigError("binning " + feature + ": the target needs both events (1) and non-events (0); it has " +
                          std::to_string(totals.events) + " events and " + std::to_string(totals.nonEvents) +
                          " non-events");
    return totals;
}

void countRow(Bin &bin, int label)
{
    (label == 1 ? bin.events : bin.nonEvents) += 1;
}

void addCounts(Bin &bin, const Bin &other)
{
    bin.events += other.events;
    bin.nonEvents += other.nonEvents;
}

// Two ascending lists merged into one, the counts of equal items added (`before` orders them).
template <typename Item, typename Before, typename Add>
std::vector<Item> mergedAscending(const std::vector<Item> &a, const std::vector<Item> &b, Before before, Add add)
{
    std::vector<Item> merged;
    merged.reserve(a.size() + b.size());
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && before(a[i], b[j])))
            merged.push_back(a[i++]);
        else if (i == a.size() || before(b[j], a[i]))
            merged.push_back(b[j++]);
        else {
            merged.push_back(a[i++]);
            add(merged.back(), b[j++]);
        }
    }
    return merged;
}

// Merges the ordered bins i and i + 1 (ranges join; level lists concatenate).
void mergeWithNext(std::vector<Bin> &bins, std::size_t i)
{
    Bin &left = bins[i];
    const Bin &right = bins[i + 1];
    left.upper = right.upper;
    left.levels.insert(left.levels.end(), right.levels.begin(), right.levels.end());
    left.events += right.events;
    left.nonEvents += right.nonEvents;
    bins.erase(bins.begin() + std::ptrdiff_t(i) + 1);
}

// The IV lost by merging bins i and i + 1 (never negative up to rounding: merging cannot raise IV).
double mergeLoss(const std::vector<Bin> &bins, std::size_t i, const Totals &totals)
{
    const double e = double(totals.events), n = double(totals.nonEvents);
    const Bin &a = bins[i], &b = bins[i + 1];
    return binIv(a.events, a.nonEvents, e, n) + binIv(b.events, b.nonEvents, e, n) -
           binIv(a.events + b.events, a.nonEvents + b.nonEvents, e, n);
}

double rate(const Bin &bin)
{
    return double(bin.events) / double(bin.count());
}

// Merges, among the adjacent pairs `eligible` accepts, the one losing the least IV (the first on
// a tie, for determinism), until none is eligible.
template <typename Eligible> void mergeWhile(std::vector<Bin> &bins, const Totals &totals, Eligible eligible)
{
    for (;;) {
        std::size_t best = bins.size();
        double bestLoss = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i + 1 < bins.size(); ++i) {
            if (!eligible(bins, i))
                continue;
            const double loss = mergeLoss(bins, i, totals);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = i;
            }
        }
        if (best == bins.size())
            return;
        mergeWithNext(bins, best);
    }
}

// Merges pairs breaking a monotone trend. Strict: two neighbours with equal event rates are one bin.
void mergeToTrend(std::vector<Bin> &bins, const Totals &totals, bool ascending)
{
    mergeWhile(bins, totals, [ascending](const std::vector<Bin> &b, std::size_t i) {
        return ascending ? rate(b[i]) >= rate(b[i + 1]) : rate(b[i]) <= rate(b[i + 1]);
    });
}

double totalIv(const std::vector<Bin> &bins, const Totals &totals)
{
    double iv = 0;
    for (const Bin &bin : bins)
        iv += binIv(bin.events, bin.nonEvents, double(totals.events), double(totals.nonEvents));
    return iv;
}

// The shared merging rules for ordered bins: the minimum share first (a pair is eligible when one
// of its bins is too small), then the trend (a pair breaking it), then the maximum count. Merging
// two adjacent bins puts the merged rate between theirs, so a monotone sequence stays monotone and
// a single-peaked (or single-valleyed) one keeps one turn; and no bin gets smaller. So each rule
// stays satisfied by the later ones.
//
// Peak (valley): the event rate rises (falls) up to one turn, then falls (rises). Every turn
// position s is tried, bins [0, s) made ascending (descending) and [s, end) descending
// (ascending), then the maximum count applied; the highest IV wins (the first on a tie). s = 0 and
// s = end are the monotone cases, so a peak never has less IV than the monotone binnings.
void mergeOrderedBins(std::vector<Bin> &bins, const Totals &totals, std::int64_t allRows, const BinningOptions &options,
                      const BinTrend *trend)
{
    const double minCount = options.minBinShare * double(allRows);
    mergeWhile(bins, totals, [minCount](const std::vector<Bin> &b, std::size_t i) {
        return double(b[i].count()) < minCount || double(b[i + 1].count()) < minCount;
    });
    const std::size_t maxBins = std::size_t(options.maxBins);
    const auto mergeToMaxBins = [&](std::vector<Bin> &b) {
        mergeWhile(b, totals, [maxBins](const std::vector<Bin> &c, std::size_t) { return c.size() > maxBins; });
    };
    if (trend && (*trend == BinTrend::Peak || *trend == BinTrend::Valley)) {
        const bool peak = *trend == BinTrend::Peak;
        std::vector<Bin> best;
        double bestIv = -1;
        for (std::size_t turn = 0; turn <= bins.size(); ++turn) {
            std::vector<Bin> left(bins.begin(), bins.begin() + std::ptrdiff_t(turn));
            std::vector<Bin> right(bins.begin() + std::ptrdiff_t(turn), bins.end());
            mergeToTrend(left, totals, peak);
            mergeToTrend(right, totals, !peak);
            left.insert(left.end(), right.begin(), right.end());
            mergeToMaxBins(left);
            const double iv = totalIv(left, totals);
            if (iv > bestIv) {
                bestIv = iv;
                best = std::move(left);
            }
        }
        bins = std::move(best);
        return;
    }
    if (trend)
        mergeToTrend(bins, totals, *trend == BinTrend::Ascending);
    mergeToMaxBins(bins);
}

} // namespace

double weightOfEvidence(double events, double nonEvents, double totalEvents, double totalNonEvents)
{
    return binWoe(events, nonEvents, totalEvents, totalNonEvents);
}

double informationValue(double events, double nonEvents, double totalEvents, double totalNonEvents)
{
    return binIv(events, nonEvents, totalEvents, totalNonEvents);
}

const char *toString(BinTrend trend)
{
    switch (trend) {
    case BinTrend::Auto:
        return "auto";
    case BinTrend::Ascending:
        return "ascending";
    case BinTrend::Descending:
        return "descending";
    case BinTrend::Peak:
        return "peak";
    case BinTrend::Valley:
        return "valley";
    }
    return "?";
}

std::string Bin::label() const
{
    switch (kind) {
    case BinKind::Range: {
        // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on the chained operator+.
        std::string text = "(";
        text += shortNumber(lower);
        text += ", ";
        text += shortNumber(upper);
        text += std::isinf(upper) ? ")" : "]";
        return text;
    }
    case BinKind::Missing:
        return "missing";
    case BinKind::Special: {
        std::string text = "= ";
        text += levels.empty() ? shortNumber(special) : levels.front();
        return text;
    }
    case BinKind::Levels: {
        std::string text = "{";
        for (std::size_t i = 0; i < levels.size(); ++i)
            text += (i ? ", " : "") + levels[i];
        return text + "}";
    }
    }
    return "?";
}

std::string numberText(double value)
{
    return shortNumber(value);
}

const char *ivStrength(double iv)
{
    if (iv < 0.02)
        return "useless";
    if (iv < 0.1)
        return "weak";
    if (iv < 0.3)
        return "medium";
    if (iv <= 0.5)
        return "strong";
    return "suspicious";
}

void computeBinStatistics(FeatureBinning &binning)
{
    Totals totals;
    std::int64_t missing = 0;
    for (const Bin &bin : binning.bins) {
        totals.events += bin.events;
        totals.nonEvents += bin.nonEvents;
        if (bin.kind == BinKind::Missing)
            missing += bin.count();
    }
    if (totals.events == 0 || totals.nonEvents == 0)
        throw ConfigError("binning " + binning.feature + ": the bins need both events and non-events");
    const double e = double(totals.events), n = double(totals.nonEvents);
    binning.iv = 0;
    for (Bin &bin : binning.bins) {
        bin.eventRate = bin.count() ? rate(bin) : 0;
        bin.woe = binWoe(bin.events, bin.nonEvents, e, n);
        bin.iv = binIv(bin.events, bin.nonEvents, e, n);
        binning.iv += bin.iv;
    }
    // AUC of the score -WoE from the counts: bins with equal WoE share a score (ties count 1/2).
    std::map<double, std::pair<std::int64_t, std::int64_t>> byScore; // -WoE -> (events, non-events)
    for (const Bin &bin : binning.bins) {
        auto &cell = byScore[-bin.woe];
        cell.first += bin.events;
        cell.second += bin.nonEvents;
    }
    double concordant = 0, nonEventsBelow = 0;
    for (const auto &[score, cell] : byScore) {
        concordant += double(cell.first) * (nonEventsBelow + 0.5 * double(cell.second));
        nonEventsBelow += double(cell.second);
    }
    binning.auc = concordant / (e * n);
    binning.gini = 2 * binning.auc - 1;
    binning.missingRate = double(missing) / (e + n);
    binning.strength = ivStrength(binning.iv);
}

void BinningCounts::add(const BinningCounts &other)
{
    if (categorical != other.categorical || specials != other.specials)
        throw ConfigError("binning: counts of a numeric and a categorical feature, or with other special values, "
                          "cannot be added");
    values = mergedAscending(
        values, other.values, [](const Value &x, const Value &y) { return x.value < y.value; },
        [](Value &x, const Value &y) {
            x.events += y.events;
            x.nonEvents += y.nonEvents;
        });
    levels = mergedAscending(
        levels, other.levels, [](const Bin &x, const Bin &y) { return x.levels.front() < y.levels.front(); },
        addCounts);
    for (std::size_t i = 0; i < specialBins.size(); ++i)
        addCounts(specialBins[i], other.specialBins[i]);
    addCounts(missing, other.missing);
}

BinningCounts numericBinningCounts(const std::string &feature, const std::vector<double> &values,
                                   const std::vector<int> &labels, const BinningOptions &options)
{
    checkLabels(feature, labels, values.size());
    BinningCounts counts;
    counts.missing.kind = BinKind::Missing;
    counts.specials = options.specialValues;
    std::sort(counts.specials.begin(), counts.specials.end());
    counts.specials.erase(std::unique(counts.specials.begin(), counts.specials.end()), counts.specials.end());
    for (const double value : counts.specials) {
        Bin bin;
        bin.kind = BinKind::Special;
        bin.special = value;
        counts.specialBins.push_back(bin);
    }
    // The regular values, with their labels, in ascending order, then counted per distinct value.
    std::vector<std::pair<double, int>> regular;
    regular.reserve(values.size());
    for (std::size_t row = 0; row < values.size(); ++row) {
        const double value = values[row];
        Bin *target = nullptr;
        if (std::isnan(value))
            target = &counts.missing;
        else {
            const auto found = std::lower_bound(counts.specials.begin(), counts.specials.end(), value);
            if (found != counts.specials.end() && *found == value)
                target = &counts.specialBins[std::size_t(found - counts.specials.begin())];
        }
        if (target)
            countRow(*target, labels[row]);
        else
            regular.emplace_back(value, labels[row]);
    }
    std::sort(regular.begin(), regular.end());
    for (std::size_t i = 0; i < regular.size(); ++i) {
        if (counts.values.empty() || counts.values.back().value != regular[i].first)
            counts.values.push_back({regular[i].first, 0, 0});
        (regular[i].second == 1 ? counts.values.back().events : counts.values.back().nonEvents) += 1;
    }
    return counts;
}

BinningCounts categoricalBinningCounts(const std::string &feature, const std::vector<std::string> &values,
                                       const std::vector<bool> &missingRows, const std::vector<int> &labels)
{
    checkLabels(feature, labels, values.size());
    if (missingRows.size() != values.size())
        throw ConfigError("binning " + feature + ": " + std::to_string(values.size()) + " values but " +
                          std::to_string(missingRows.size()) + " missing flags");
    BinningCounts counts;
    counts.categorical = true;
    counts.missing.kind = BinKind::Missing;
    std::map<std::string, Bin> byLevel; // ordered by text: the tie-break of binFromCounts is deterministic
    for (std::size_t row = 0; row < values.size(); ++row) {
        Bin *target = &counts.missing;
        if (!missingRows[row]) {
            target = &byLevel[values[row]];
            if (target->levels.empty()) {
                target->kind = BinKind::Levels;
                target->levels = {values[row]};
            }
        }
        countRow(*target, labels[row]);
    }
    for (auto &entry : byLevel)
        counts.levels.push_back(std::move(entry.second));
    return counts;
}

namespace {

FeatureBinning binNumericCounts(const std::string &feature, const BinningCounts &counts, const BinningOptions &options)
{
    std::vector<Bin> all = counts.specialBins;
    all.push_back(counts.missing);
    Bin regularRows;
    for (const BinningCounts::Value &value : counts.values) {
        regularRows.events += value.events;
        regularRows.nonEvents += value.nonEvents;
    }
    all.push_back(regularRows);
    const Totals totals = labelTotals(feature, all);
    FeatureBinning binning;
    binning.feature = feature;

    // Fine quantile bins: a bin closes once the rows so far reach the next k/fineBins quantile,
    // and only between two distinct values (ties stay together). After a tie that spans several
    // quantiles, the next bin aims at the first quantile beyond it (not at the ones it swallowed,
    // which would make a run of one-value bins). The Spearman correlation's sign
    // (of the mid-ranks of the values with the label) is gathered on the way, per distinct value.
    std::vector<Bin> bins;
    const double n = double(regularRows.count());
    const double eventMean = n > 0 ? double(regularRows.events) / n : 0;
    double rankCovariance = 0;
    Bin current;
    const double fine = double(options.fineBins);
    double nextQuantile = 1; // the k of the quantile the open bin closes at
    std::int64_t below = 0;  // the regular rows below the current value
    for (std::size_t v = 0; v < counts.values.size(); ++v) {
        const BinningCounts::Value &value = counts.values[v];
        const std::int64_t rows = value.events + value.nonEvents;
        const std::int64_t end = below + rows;
        const double midRank = (double(below) + double(end - 1)) / 2.0;
        rankCovariance += (midRank - (n - 1) / 2.0) * (double(value.events) - double(rows) * eventMean);
        current.events += value.events;
        current.nonEvents += value.nonEvents;
        current.upper = value.value;
        if (double(end) >= nextQuantile * n / fine - 1e-9 || v + 1 == counts.values.size()) {
            nextQuantile = std::floor(double(end) * fine / n + 1e-9) + 1;
            bins.push_back(current);
            current = Bin{};
            current.lower = bins.back().upper;
        }
        below = end;
    }
    if (!bins.empty())
        bins.back().upper = std::numeric_limits<double>::infinity();

    binning.fineBinCount = bins.size();
    binning.trend = options.trend == BinTrend::Auto ? (rankCovariance < 0 ? BinTrend::Descending : BinTrend::Ascending)
                                                    : options.trend;
    mergeOrderedBins(bins, totals, totals.events + totals.nonEvents, options, &binning.trend);
    // Merging joins ranges; the edges between the remaining bins are the upper ends of the left ones.
    for (std::size_t i = 1; i < bins.size(); ++i)
        bins[i].lower = bins[i - 1].upper;

    for (const Bin &special : counts.specialBins)
        if (special.count() > 0)
            bins.push_back(special);
    if (counts.missing.count() > 0)
        bins.push_back(counts.missing);
    binning.bins = std::move(bins);
    computeBinStatistics(binning);
    return binning;
}

FeatureBinning binCategoricalCounts(const std::string &feature, const BinningCounts &counts,
                                    const BinningOptions &options)
{
    std::vector<Bin> all = counts.levels;
    all.push_back(counts.missing);
    const Totals totals = labelTotals(feature, all);
    FeatureBinning binning;
    binning.feature = feature;
    binning.categorical = true;
    std::vector<Bin> bins, specials;
    for (const Bin &level : counts.levels) {
        if (std::find(options.specialLevels.begin(), options.specialLevels.end(), level.levels.front()) !=
            options.specialLevels.end()) {
            specials.push_back(level);
            specials.back().kind = BinKind::Special;
        } else
            bins.push_back(level);
    }
    // Ascending event rate; equal rates keep the text order (stable sort of a text-ordered list).
    std::stable_sort(bins.begin(), bins.end(), [](const Bin &a, const Bin &b) {
        return a.events * b.count() < b.events * a.count(); // rate(a) < rate(b), exactly
    });
    mergeOrderedBins(bins, totals, totals.events + totals.nonEvents, options, nullptr);
    bins.insert(bins.end(), specials.begin(), specials.end());
    if (counts.missing.count() > 0)
        bins.push_back(counts.missing);
    binning.bins = std::move(bins);
    computeBinStatistics(binning);
    return binning;
}

} // namespace

FeatureBinning binFromCounts(const std::string &feature, const BinningCounts &counts, const BinningOptions &options)
{
    checkOptions(options);
    return counts.categorical ? binCategoricalCounts(feature, counts, options)
                              : binNumericCounts(feature, counts, options);
}

FeatureBinning binNumeric(const std::string &feature, const std::vector<double> &values, const std::vector<int> &labels,
                          const BinningOptions &options)
{
    checkOptions(options);
    return binFromCounts(feature, numericBinningCounts(feature, values, labels, options), options);
}

FeatureBinning binCategorical(const std::string &feature, const std::vector<std::string> &values,
                              const std::vector<bool> &missingRows, const std::vector<int> &labels,
                              const BinningOptions &options)
{
    checkOptions(options);
    return binFromCounts(feature, categoricalBinningCounts(feature, values, missingRows, labels), options);
}

} // namespace cmtl
