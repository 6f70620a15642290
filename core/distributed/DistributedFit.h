#pragma once

#include "data/Table.h"
#include "preprocess/Preprocessor.h"
#include "preprocess/WoeEncoder.h"
#include "tasks/TaskSpec.h"

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

// fitPreprocessorWithWoe over the ranks (collective), on every rank the preprocessor one process
// fits on the whole table: the plain features as fitPreprocessorAcrossRanks fits them, the WoE
// task's labels as fitTargetEncodingAcrossRanks encodes them (`firstRow` as there), and each WoE
// column binned from the counts of all ranks' training rows (binningCounts, added in rank order:
// the fine quantile edges, the trend and the merging are then one process's), or its given bins
// recounted and their counts summed. Without WoE columns, fitPreprocessorAcrossRanks.
Preprocessor fitPreprocessorWithWoeAcrossRanks(Communicator &communicator, const Table &part, std::size_t firstRow,
                                               const RoleAssignment &roles, const std::vector<std::size_t> &trainRows,
                                               const PreprocessOptions &options, const WoeOptions &woe);

// The binning counts of every rank's rows of a column added up, on every rank (collective). Each
// rank sends its counts: 24 bytes per distinct regular value of a numeric column in its rows (the
// value and two counts; at most 24 bytes per row, far fewer for a column of few distinct values,
// as most credit features are), the level's text and 16 bytes per level of a categorical one, and
// holds every rank's while adding them. The exact fine quantile edges and the exact Spearman sign
// of binFromCounts need every distinct value's place among all rows.
BinningCounts binningCountsAcrossRanks(Communicator &communicator, const BinningCounts &mine);

// fitTargetEncoding over the ranks (collective): every rank passes its part of the table, the
// index of the part's first row in the whole table (RankPart::firstRow) and its training rows,
// and returns the encoding one process fits on the whole table. The labels of the parts are merged
// in rank order (binary: the negative class is the whole column's other value; multiclass: the
// classes of all ranks' training rows, sorted), the regression sums added (equal to one process's
// up to the order of the additions). The refusals are fitTargetEncoding's, on the whole column.
TargetEncoding fitTargetEncodingAcrossRanks(Communicator &communicator, const Table &part, std::size_t firstRow,
                                            const TaskSpec &spec, const std::vector<std::size_t> &trainRows);

// Every rank's label tallies (firstRow counted in its part, whose first row in the whole table is
// `firstRow`) merged into those of the whole table: rows added, first row and place of the first
// rank holding the value, in the order the values first occur (collective).
std::vector<LabelTally> mergeTalliesAcrossRanks(Communicator &communicator, const std::vector<LabelTally> &tallies,
                                                std::size_t firstRow);

// Every rank's bytes, in rank order, on every rank (collective; the lengths may differ).
std::vector<std::vector<char>> gatherBytes(Communicator &communicator, const std::vector<char> &mine);

} // namespace cmtl
