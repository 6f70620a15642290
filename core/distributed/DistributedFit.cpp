#include "distributed/DistributedFit.h"

#include "common/Error.h"
#include "distributed/Communicator.h"
#include "preprocess/FitSteps.h"
#include "preprocess/NumericSummary.h"
#include "preprocess/TableLookup.h"

#include <cstring>
#include <optional>
#include <unordered_map>

namespace cmtl {

namespace {

// Counts travel as doubles (exact up to 2^53 rows) through the communicator's sum.
std::vector<double> asDoubles(const std::vector<std::uint64_t> &counts)
{
    return {counts.begin(), counts.end()};
}

std::vector<std::uint64_t> asCounts(const std::vector<double> &values)
{
    std::vector<std::uint64_t> counts(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        counts[i] = static_cast<std::uint64_t>(values[i]);
    return counts;
}

// A column's summary over every rank's training rows; throws first on a rank holding an
// infinite value (the other ranks are then stopped by the job's abort).
NumericSummary reducedSummary(Communicator &communicator, const Table &part, const Column &column,
                              const std::vector<std::size_t> &rows)
{
    NumericSummary summary = NumericSummary::of(column.values.data(), rows, true);
    if (summary.count > 0)
        refuseInfiniteValues(part, column, rows, summary);
    std::vector<double> sums{static_cast<double>(summary.count), summary.sum, summary.sumSquares};
    std::vector<double> lowest{summary.lowest}, highest{summary.highest};
    communicator.sum(std::span<double>(sums));
    communicator.minimum(std::span<double>(lowest));
    communicator.maximum(std::span<double>(highest));
    std::vector<double> keyCounts = asDoubles(summary.highKeyCounts);
    communicator.sum(std::span<double>(keyCounts));
    summary.count = static_cast<std::uint64_t>(sums[0]);
    summary.sum = sums[1];
    summary.sumSquares = sums[2];
    summary.lowest = static_cast<float>(lowest[0]);
    summary.highest = static_cast<float>(highest[0]);
    summary.highKeyCounts = asCounts(keyCounts);
    return summary;
}

std::optional<NumericStep> fitNumericAcrossRanks(Communicator &communicator, const Table &part, const Column &column,
                                                 const std::vector<std::size_t> &rows, double allRows,
                                                 const PreprocessOptions &options, std::vector<std::string> &warnings)
{
    const NumericSummary summary = reducedSummary(communicator, part, column, rows);
    // Every rank takes the same branch: the summary is the same on all of them.
    return numericStepFromSummary(column.name, summary, static_cast<std::size_t>(allRows), options, warnings, [&] {
        const MedianBucket bucket = medianBucket(summary);
        std::vector<double> lowCounts = asDoubles(lowKeyCounts(column.values.data(), rows, bucket.highKey));
        communicator.sum(std::span<double>(lowCounts));
        return selectMedian(bucket, asCounts(lowCounts));
    });
}

// A categorical column's levels and training counts on one rank, as bytes: the level count, then
// per level its length and bytes, then the counts (missing first, as levelCounts gives them).
std::vector<char> encodeLevels(const Column &column, const std::vector<std::int64_t> &counts)
{
    std::vector<char> bytes;
    const auto append = [&](const void *data, std::size_t size) {
        bytes.insert(bytes.end(), static_cast<const char *>(data), static_cast<const char *>(data) + size);
    };
    const std::uint64_t levels = column.levels.size();
    append(&levels, sizeof levels);
    for (const std::string &level : column.levels) {
        const std::uint64_t length = level.size();
        append(&length, sizeof length);
        append(level.data(), level.size());
    }
    append(counts.data(), counts.size() * sizeof(std::int64_t));
    return bytes;
}

// Merges one rank's encoded levels into `levels` (new levels appended in their order) and adds its
// counts into `counts` (slot 0 missing, slot i + 1 levels[i]).
void mergeLevels(const std::vector<char> &bytes, std::vector<std::string> &levels,
                 std::unordered_map<std::string, std::size_t> &slotOf, std::vector<std::int64_t> &counts)
{
    std::size_t at = 0;
    const auto read = [&](void *data, std::size_t size) {
        std::memcpy(data, bytes.data() + at, size);
        at += size;
    };
    std::uint64_t levelCount = 0;
    read(&levelCount, sizeof levelCount);
    std::vector<std::size_t> slots(levelCount + 1, 0);
    for (std::uint64_t i = 0; i < levelCount; ++i) {
        std::uint64_t length = 0;
        read(&length, sizeof length);
        std::string level(bytes.data() + at, length);
        at += length;
        const auto [found, added] = slotOf.emplace(level, levels.size() + 1);
        if (added) {
            levels.push_back(std::move(level));
            counts.push_back(0);
        }
        slots[i + 1] = found->second;
    }
    for (std::size_t i = 0; i < slots.size(); ++i) {
        std::int64_t count = 0;
        read(&count, sizeof count);
        counts[slots[i]] += count;
    }
}

std::optional<OneHotStep> fitOneHotAcrossRanks(Communicator &communicator, const Column &column,
                                               const std::vector<std::size_t> &rows, const PreprocessOptions &options,
                                               std::vector<std::string> &warnings)
{
    const std::vector<char> mine = encodeLevels(column, levelCounts(column, rows));
    std::vector<std::string> levels;
    std::unordered_map<std::string, std::size_t> slotOf;
    std::vector<std::int64_t> counts{0};
    // Each rank in turn sends its levels to all: every rank merges them in rank order.
    for (int root = 0; root < communicator.size(); ++root) {
        std::vector<char> bytes = root == communicator.rank() ? mine : std::vector<char>{};
        communicator.broadcast(bytes, root);
        mergeLevels(root == communicator.rank() ? mine : bytes, levels, slotOf, counts);
    }
    return oneHotStepFromCounts(column.name, levels, counts, options, warnings);
}

} // namespace

Preprocessor fitPreprocessorAcrossRanks(Communicator &communicator, const Table &part,
                                        const std::vector<std::string> &features,
                                        const std::vector<std::size_t> &trainRows, const PreprocessOptions &options)
{
    const std::vector<const Column *> columns = columnsNamed(part, features);
    // Every rank must see the same column types, or the ranks would call different collectives.
    std::vector<double> numericOnRanks(columns.size() + 1, 0);
    for (std::size_t i = 0; i < columns.size(); ++i)
        numericOnRanks[i] = columns[i]->type == ColumnType::Numeric ? 1 : 0;
    numericOnRanks.back() = static_cast<double>(trainRows.size());
    communicator.sum(std::span<double>(numericOnRanks));
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (numericOnRanks[i] != 0 && numericOnRanks[i] != communicator.size())
            throw ConfigError(part.source() + ": column \"" + columns[i]->name + "\" is numeric on " +
                              std::to_string(static_cast<int>(numericOnRanks[i])) + " of " +
                              std::to_string(communicator.size()) +
                              " ranks' parts and text on the others: read the parts with the same column types "
                              "(readCsvPartOfRank does; or set the type, --column-type \"" +
                              columns[i]->name + "=categorical\")");
    }
    const double allTrainRows = numericOnRanks.back();
    if (allTrainRows == 0)
        throw ConfigError(part.source() + ": no training rows to fit the preprocessing on");

    Preprocessor preprocessor;
    for (const Column *column : columns) {
        if (column->type == ColumnType::Numeric) {
            if (auto step = fitNumericAcrossRanks(communicator, part, *column, trainRows, allTrainRows, options,
                                                  preprocessor.warnings))
                preprocessor.numeric.push_back(std::move(*step));
        } else if (auto step = fitOneHotAcrossRanks(communicator, *column, trainRows, options, preprocessor.warnings)) {
            preprocessor.oneHot.push_back(std::move(*step));
        }
    }
    refuseWithoutInputs(preprocessor, part, static_cast<std::size_t>(allTrainRows));
    return preprocessor;
}

} // namespace cmtl
