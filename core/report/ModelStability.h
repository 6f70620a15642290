#pragma once

#include "data/Table.h"
#include "metrics/Stability.h"
#include "model/MultiTaskModel.h"

#include <vector>

// The stability of a model between two data sets: PSI of every score it gives and CSI of every
// input column, as `creditmtl-cli psi` prints and the model report shows.
namespace cmtl {

struct ModelStabilityIndex {
    enum class Kind { Score, Feature } kind = Kind::Score;
    StabilityIndex index;
};

// Scores: a binary task's P(positive), each class probability of a multiclass task ("task[class]"),
// a regression task's prediction; then the model's input columns in order. Both tables need the
// model's columns; a column read as numbers in one and as text in the other is a DataError naming
// it and the file. A table without rows is a DataError too (there is no distribution).
std::vector<ModelStabilityIndex> modelStability(const MultiTaskModel &model, const Table &base, const Table &actual,
                                                int threads = 0);

} // namespace cmtl
