#pragma once

#include "metrics/TaskScores.h"
#include "preprocess/Preprocessor.h"

#include <cstddef>

namespace cmtl {

class Communicator;

// One task's scores paired with its labels on every rank's rows, in rank order (collective): the
// whole part's, from which the metrics (AUC needs every score) equal one process's. `firstRow`
// is this rank's first row in the whole table (for the unseen labels' first rows).
TaskScores gatherScoresAcrossRanks(Communicator &communicator, const TaskScores &mine, std::size_t firstRow);

// The clipped cells of every rank's transform, as one process's transform of the whole table
// reports them: cells added per column, the first clipped row that of the first rank holding one,
// the columns in the preprocessor's step order (collective).
TransformNotes mergeNotesAcrossRanks(Communicator &communicator, const TransformNotes &mine, std::size_t firstRow,
                                     const Preprocessor &preprocessor);

// Folds one clipped column of a part's transform into `merged` (parts folded in row order, the
// column's firstRow already counted in the whole table): its cells added to those of the column
// already there, or the column appended.
void foldClippedColumn(TransformNotes &merged, ClippedColumn column);
// Puts the clipped columns in the preprocessor's step order, as one transform reports them.
void orderClippedBySteps(TransformNotes &notes, const Preprocessor &preprocessor);

} // namespace cmtl
