#pragma once

#include "common/Cancellation.h"
#include "data/Table.h"
#include "model/MultiTaskModel.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cmtl {

// Permutation importance (Breiman 2001; sklearn.inspection.permutation_importance): how much a
// task's metric worsens when one input column's values are shuffled across the rows, breaking its
// link with the labels while keeping its distribution. Whole original columns are permuted (a
// categorical column's one-hot inputs move together). The metric is the task's AUC (binary),
// accuracy (multiclass) or RMSE (regression); the drop is measured so that larger means more
// important: baseline - permuted for AUC and accuracy, permuted - baseline for RMSE.
struct FeatureImportance {
    std::string column;
    std::vector<double> drops; // one per repeat
    double mean = 0;
    double sd = 0; // sample standard deviation over the repeats (n - 1); NaN for one repeat
};

struct TaskImportance {
    std::string task;
    std::string metric;                      // "AUC", "accuracy" or "RMSE"
    double baseline = 0;                     // the metric on the unpermuted data
    std::vector<FeatureImportance> features; // most important first (ties by column order)
};

// Each repeat r of column c is shuffled by Fisher-Yates with SplitMix64 seeded from
// (seed, c's index among the model's columns, r), so the result depends on the seed only, not on
// the thread count or the order of the work. The table needs the model's columns and its tasks'
// label columns (the rows without a label are left out of a task's metric). repeats >= 1, else
// std::invalid_argument; a task without a labelled row gives ConfigError. `progress`, when given,
// is told the fraction done after each shuffle; `cancel`, when given and triggered, stops the work
// at the next shuffle with Cancelled. Neither changes the figures.
std::vector<TaskImportance> permutationImportance(const MultiTaskModel &model, const Table &table, int repeats = 5,
                                                  std::uint64_t seed = 1, int threads = 0,
                                                  const std::function<void(double)> &progress = {},
                                                  const CancellationToken *cancel = nullptr);

} // namespace cmtl
