#pragma once

// Screening of a table's features against one binary task: each feature's optimal binning (see
// Binning.h), sorted by IV, and the pairs of numeric features correlated beyond a limit with the
// suggested drop of the weaker (lower IV) of each pair.

#include "binning/Binning.h"
#include "binning/BinningEdit.h"
#include "common/Cancellation.h"
#include "data/Table.h"
#include "tasks/TaskSpec.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cmtl {

struct ScreeningOptions {
    BinningOptions binning; // its specialValues / specialLevels are ignored: see specials
    // Per column, the values (as written in the file) that get bins of their own.
    std::map<std::string, std::vector<std::string>> specials;
    double correlationLimit = 0.8;
    // Keep each numeric feature's value counts (ScreeningResult::valueCounts), which splitting
    // its bins by hand needs (BinningEdit.h).
    bool keepValueCounts = false;
};

struct CorrelatedPair {
    std::string first, second; // first has the higher IV (the kept one)
    double pearson = 0;
    std::string drop; // the weaker: second
};

struct ScreeningResult {
    std::vector<FeatureBinning> features; // by IV, highest first (ties by name)
    std::vector<CorrelatedPair> correlated;
    std::size_t labelledRows = 0; // rows with a label of the task (the others are left out)
    // A declared special value that no labelled row holds (a typo, or a value of another file).
    std::vector<std::string> unusedSpecials;
    // With ScreeningOptions::keepValueCounts: one entry per feature, in the order of `features`;
    // a categorical feature's is empty.
    std::vector<FeatureValueCounts> valueCounts;
};

// The Pearson correlation over the rows where both values are present (not NaN); NaN when fewer
// than two such rows or a constant column.
double pearsonCorrelation(const std::vector<double> &x, const std::vector<double> &y);

// Every column except the task's is screened. Throws ConfigError when the task is not binary,
// a special names a column the table lacks, or a numeric column's special value is not a number.
// `cancel` is polled between features (throws Cancelled); `progress` gets the share of features done.
ScreeningResult screenFeatures(const Table &table, const TaskSpec &task, const ScreeningOptions &options,
                               const CancellationToken *cancel = nullptr,
                               const std::function<void(double)> &progress = {});

} // namespace cmtl
