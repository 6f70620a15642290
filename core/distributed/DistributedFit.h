#pragma once

#include "data/Table.h"
#include "preprocess/Preprocessor.h"

#include <string>
#include <vector>

namespace cmtl {

class Communicator;

// fitPreprocessor over the ranks of a data-parallel job: every rank passes its part of the table
// (all ranks' parts in rank order are the rows of the whole table, with the same columns and
// column types) and its own training rows. The statistics are computed on each part and reduced
// across the ranks (collective: every rank calls it), so that every rank returns the
// preprocessor one process fits on the whole table:
// - numeric columns: counts, sums, range and the two radix-histogram rounds of the exact median
//   (NumericSummary);
// - categorical columns: each rank's levels, in first-seen order, and their training counts, sent
//   to every rank and merged in rank order (which is the whole file's first-seen order, the order
//   that breaks ties between equally frequent levels).
// Throws ConfigError when a column's type differs between the ranks' parts, and DataError on the
// rank whose part holds an infinite training value (naming its row).
Preprocessor fitPreprocessorAcrossRanks(Communicator &communicator, const Table &part,
                                        const std::vector<std::string> &features,
                                        const std::vector<std::size_t> &trainRows,
                                        const PreprocessOptions &options = {});

} // namespace cmtl
