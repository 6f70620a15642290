#pragma once

#include "data/Table.h"
#include "preprocess/InputMatrix.h"

#include <Eigen/Core>

#include <cstddef>
#include <string>
#include <vector>

namespace cmtl {

struct PreprocessOptions {
    // Adds a 0/1 input per numeric column that has missing training values.
    bool missingIndicators = false;
    // One-hot encodes at most this many levels per categorical column, the most frequent first;
    // the rest, and levels seen on fewer than minLevelCount training rows, share one "other" input.
    int maxLevels = 50;
    int minLevelCount = 10;
};

// The preprocessing is a plain sequence of per-column steps, each of which maps onto a standard
// operator (Imputer, Scaler, OneHotEncoder), so that it can be exported with the model.
//
// A numeric column: impute missing with the training median, optionally emit a missing flag,
// then standardise with the training mean and standard deviation of the observed values.
struct NumericStep {
    std::string column;
    float median = 0;
    float mean = 0;
    float scale = 1;
    bool missingIndicator = false;
};

// A categorical column: one input per kept level, plus one "other" input shared by pooled rare
// levels and by levels never seen in training. A missing cell is the level "(missing)".
struct OneHotStep {
    static constexpr const char *kMissingLevel = "(missing)";
    std::string column;
    std::vector<std::string> levels;
    bool otherInput = false;
};

class Preprocessor {
public:
    std::vector<NumericStep> numeric;
    std::vector<OneHotStep> oneHot;
    // Columns dropped while fitting and why (constant, all missing), for the user to read.
    std::vector<std::string> warnings;

    // The inputs in order: numeric steps first (value, then flag), then one-hot blocks.
    std::size_t inputCount() const;
    std::vector<std::string> inputNames() const;
    // The raw columns the steps read.
    std::vector<std::string> featureColumns() const;

    // The inputs of every table row, the one-hot blocks as index lists (see InputMatrix). Throws
    // DataError when a column is absent or numeric turned into text. Uses up to `threads` threads
    // (0 = all hardware threads).
    InputMatrix transform(const Table &table, int threads = 0) const;
};

// Fits on the training rows only, one column per task on up to `threads` threads (0 = all
// hardware threads); the result does not depend on the thread count.
Preprocessor fitPreprocessor(const Table &table, const std::vector<std::string> &features,
                             const std::vector<std::size_t> &trainRows, const PreprocessOptions &options = {},
                             int threads = 0);

} // namespace cmtl
