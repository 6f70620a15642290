#pragma once

#include "data/Table.h"
#include "preprocess/NumericSummary.h"
#include "preprocess/Preprocessor.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cmtl {

// The building blocks of the fit, shared with the data-parallel fit (distributed/DistributedFit.h),
// which computes the same statistics on each rank's part and reduces them first.

// Refuses a numeric training column holding an infinite value (DataError naming the row), given
// the summary of its `rows`.
void refuseInfiniteValues(const Table &table, const Column &column, const std::vector<std::size_t> &rows,
                          const NumericSummary &summary);
// The numeric step of a column from its training statistics over `rows` rows (nullopt, with a
// warning, when every value is missing or the column is constant); `median` is asked only for a
// column that is kept.
std::optional<NumericStep> numericStepFromSummary(const std::string &column, const NumericSummary &summary,
                                                  std::size_t rows, const PreprocessOptions &options,
                                                  std::vector<std::string> &warnings,
                                                  const std::function<float()> &median);
// A categorical column's training rows counted per level: [0] missing cells, [code + 1] each level.
std::vector<std::int64_t> levelCounts(const Column &column, const std::vector<std::size_t> &rows);
// The one-hot step of a column from its levels (first-seen order) and levelCounts (nullopt, with
// a warning, when fewer than two values occur or every level is rare).
std::optional<OneHotStep> oneHotStepFromCounts(const std::string &column, const std::vector<std::string> &levels,
                                               const std::vector<std::int64_t> &counts,
                                               const PreprocessOptions &options, std::vector<std::string> &warnings);

} // namespace cmtl
