#pragma once

#include "binning/Binning.h"
#include "data/Table.h"
#include "preprocess/InputMatrix.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <limits>
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
// A numeric column: clip to the training range, impute missing with the training median,
// optionally emit a missing flag, then standardise with the training mean and standard deviation
// of the observed values. The clip keeps a scored value the network never saw in training (a
// delinquent amount of 31,405 where training reached 250, about 4,000 standard deviations) from
// driving a prediction to an absurd extreme; training rows lie within the range by construction.
struct NumericStep {
    std::string column;
    float median = 0;
    float mean = 0;
    float scale = 1;
    bool missingIndicator = false;
    // The training range; infinite (no clipping) for models saved before it was stored.
    float lowest = -std::numeric_limits<float>::infinity();
    float highest = std::numeric_limits<float>::infinity();
};

// A categorical column: one input per kept level, plus one "other" input shared by pooled rare
// levels and by levels never seen in training. A missing cell is the level "(missing)".
struct OneHotStep {
    static constexpr const char *kMissingLevel = "(missing)";
    std::string column;
    std::vector<std::string> levels;
    bool otherInput = false;
};

// The cells of one numeric column that a transform clipped to its training range.
struct ClippedColumn {
    std::string column;
    float lowest = 0, highest = 0; // the training range
    std::int64_t cells = 0;
    std::size_t firstRow = 0; // the first clipped row of the table
    float firstValue = 0;     // and its value before clipping
    std::string firstPlace;   // where firstRow is, as Table::rowPlace names it ("line 57")
};

// What a transform did to the table beyond the plain steps, for the user to read.
struct TransformNotes {
    std::vector<ClippedColumn> clipped; // columns with clipped cells, in step order
    bool rangesUnknown = false;         // the model stores no training ranges: nothing was clipped

    static constexpr std::size_t kNamedClippedColumns = 10;

    // English sentences: one for unknown ranges, one per clipped column for the first
    // kNamedClippedColumns, then one for the rest together.
    std::vector<std::string> messages() const;
};

class Preprocessor {
public:
    std::vector<NumericStep> numeric;
    std::vector<OneHotStep> oneHot;
    // Weight-of-evidence inputs (see WoeEncoder.h): one input per column, the WoE of its bin.
    std::vector<FeatureBinning> woe;
    // Columns dropped while fitting and why (constant, all missing), for the user to read.
    std::vector<std::string> warnings;
    // False for a model file that predates the stored training ranges (NumericStep::lowest and
    // highest are then infinite): its inputs are not clipped, and transforms say so.
    bool hasTrainingRanges = true;

    // The inputs in order: numeric steps first (value, then flag), then WoE inputs, then one-hot
    // blocks (dense inputs before the blocks: see InputMatrix).
    std::size_t inputCount() const;
    std::vector<std::string> inputNames() const;
    // The raw columns the steps read: numeric, one-hot, then WoE steps' columns.
    std::vector<std::string> featureColumns() const;

    // The inputs of every table row, the one-hot blocks as index lists (see InputMatrix), numbers
    // clipped to their training range (counted in `notes` when given). Throws DataError when a
    // column is absent or numeric turned into text. Uses up to `threads` threads (0 = all
    // hardware threads).
    InputMatrix transform(const Table &table, int threads = 0, TransformNotes *notes = nullptr) const;
};

// Fits on the training rows only, one column per task on up to `threads` threads (0 = all
// hardware threads); the result does not depend on the thread count. An infinite training value
// is refused (DataError naming the column and the row): no scale can be fitted to it.
Preprocessor fitPreprocessor(const Table &table, const std::vector<std::string> &features,
                             const std::vector<std::size_t> &trainRows, const PreprocessOptions &options = {},
                             int threads = 0);

// fitPreprocessor's numeric and one-hot steps, without requiring that they give an input: for a
// caller that adds other steps (weight of evidence) and then checks with refuseWithoutInputs.
Preprocessor fitScaledAndOneHotSteps(const Table &table, const std::vector<std::string> &features,
                                     const std::vector<std::size_t> &trainRows, const PreprocessOptions &options,
                                     int threads);

// Refuses a fitted preprocessor that gives the network no input (every feature constant or missing
// on the training rows).
void refuseWithoutInputs(const Preprocessor &preprocessor, const Table &table, std::size_t trainRows);

} // namespace cmtl
