#pragma once

// Optimal binning of one feature against a binary target, with weight of evidence (WoE) and
// information value (IV).
//
// Conventions (also in README "Screening and binning"):
// - An event is a label 1 (the task's positive class, e.g. a bad loan); a non-event a label 0.
// - WoE_i = ln( (nonEvents_i / nonEvents) / (events_i / events) ): a positive WoE marks a bin with
//   fewer events than average (lower risk).
// - IV_i = (nonEvents_i / nonEvents - events_i / events) * WoE_i (never negative); IV = sum of IV_i.
// - Small-count adjustment: a bin with no events or no non-events would have an infinite WoE, so
//   for such a bin (only) 0.5 is added to both its event and non-event counts before WoE and IV
//   are computed. The totals are not adjusted. The stored counts stay the observed ones.
// Every statistic is computed from the per-bin counts, so bins can be merged or split and the
// statistics recomputed without the rows.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace cmtl {

// The event-rate trend the range bins of a numeric feature must follow. Auto takes the sign of
// the Spearman correlation between the feature and the label (ascending when it is zero); Peak
// rises then falls, Valley falls then rises (one turn, placed where the IV is highest).
enum class BinTrend { Auto, Ascending, Descending, Peak, Valley };
const char *toString(BinTrend trend);

struct BinningOptions {
    int fineBins = 20;         // quantile bins to start from (ties are never split)
    double minBinShare = 0.05; // each range / level-group bin holds at least this share of rows
    int maxBins = 10;          // at most this many range / level-group bins (missing and special apart)
    BinTrend trend = BinTrend::Auto;
    std::vector<double> specialValues;      // numeric features: each in its own bin
    std::vector<std::string> specialLevels; // categorical features: each in its own bin
};

enum class BinKind { Range, Levels, Missing, Special };

struct Bin {
    BinKind kind = BinKind::Range;
    // Range: the values in (lower, upper]; the first bin has lower = -inf, the last upper = +inf.
    double lower = -std::numeric_limits<double>::infinity();
    double upper = std::numeric_limits<double>::infinity();
    double special = 0;              // Special (numeric)
    std::vector<std::string> levels; // Levels, or the special level of a categorical Special bin
    std::int64_t events = 0, nonEvents = 0;
    // Filled by computeBinStatistics():
    double eventRate = 0, woe = 0, iv = 0;

    std::int64_t count() const { return events + nonEvents; }
    // "(-inf, 3.5]", "(3.5, 7]", "missing", "= -999", "{A, B}".
    std::string label() const;
};

struct FeatureBinning {
    std::string feature;
    bool categorical = false;
    BinTrend trend = BinTrend::Ascending; // the trend applied (numeric features)
    std::vector<Bin> bins;                // range / level bins in order, then special bins, then missing
    std::size_t fineBinCount = 0;         // numeric: the quantile bins the merging started from
    // Filled by computeBinStatistics():
    double iv = 0, auc = 0.5, gini = 0, missingRate = 0;
    std::string strength;
};

// The shortest text that reads back as `value` (a float-exact value as the shortest float, so the
// stored 5.32f prints "5.32"); "-inf" / "+inf" for the infinities. Bin labels use it.
std::string numberText(double value);

// "useless" (< 0.02), "weak" (< 0.1), "medium" (< 0.3), "strong" (<= 0.5), "suspicious" (> 0.5).
const char *ivStrength(double iv);

// Fills each bin's event rate, WoE and IV and the feature's IV, AUC, Gini, missing rate and
// strength from the bins' counts. The AUC is that of the score -WoE (higher = more events) for
// telling events from non-events, ties counting one half; Gini = 2 AUC - 1.
void computeBinStatistics(FeatureBinning &binning);

// The WoE and IV of one bin from its (possibly weighted, hence real) event and non-event counts and
// the feature's totals, with the small-count adjustment above: the formulas computeBinStatistics uses.
double weightOfEvidence(double events, double nonEvents, double totalEvents, double totalNonEvents);
double informationValue(double events, double nonEvents, double totalEvents, double totalNonEvents);

// The counts a feature's binning is made from, events and non-events per distinct value: counts
// of disjoint sets of rows add up (add) to those of their union, so that parts of the rows counted
// apart (the ranks of a data-parallel run) and added bin as the whole does (binFromCounts).
struct BinningCounts {
    struct Value {
        double value = 0;
        std::int64_t events = 0, nonEvents = 0;
    };
    bool categorical = false;
    std::vector<Value> values;    // numeric: each regular value (no special, no missing), ascending
    std::vector<Bin> levels;      // categorical: a Levels bin per level (special ones included), by text
    std::vector<double> specials; // numeric: the special values, ascending, each counted in specialBins
    std::vector<Bin> specialBins;
    Bin missing; // missing rows (kind Missing)

    // Adds the counts of other rows of the same feature, binned with the same options.
    void add(const BinningCounts &other);
};

// The counts of a numeric feature's rows (see binNumeric for `values` and `labels`), with the
// special values of `options`; throws ConfigError for a label other than 0 or 1 (either class may
// be absent: other rows may hold it).
BinningCounts numericBinningCounts(const std::string &feature, const std::vector<double> &values,
                                   const std::vector<int> &labels, const BinningOptions &options);
// The counts of a categorical feature's rows (see binCategorical).
BinningCounts categoricalBinningCounts(const std::string &feature, const std::vector<std::string> &values,
                                       const std::vector<bool> &missing, const std::vector<int> &labels);

// The optimal binning from the counts of all the rows (binNumeric and binCategorical are this
// after counting). Throws ConfigError when the counts do not hold both classes or the options are
// out of range.
FeatureBinning binFromCounts(const std::string &feature, const BinningCounts &counts, const BinningOptions &options);

// Bins a numeric feature: `values` (NaN = missing) and `labels` (0 or 1) have one entry per row.
// Throws ConfigError when the labels do not hold both classes or the options are out of range.
FeatureBinning binNumeric(const std::string &feature, const std::vector<double> &values, const std::vector<int> &labels,
                          const BinningOptions &options);

// Bins a categorical feature: `values` holds each row's level, `missing` marks missing rows.
// Levels are ordered by event rate (then by text) and adjacent ones merged; no trend is enforced.
FeatureBinning binCategorical(const std::string &feature, const std::vector<std::string> &values,
                              const std::vector<bool> &missing, const std::vector<int> &labels,
                              const BinningOptions &options);

} // namespace cmtl
