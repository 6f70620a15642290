#include "distributed/DistributedFit.h"

#include "common/Error.h"
#include "distributed/Bytes.h"
#include "distributed/Communicator.h"
#include "preprocess/FitSteps.h"
#include "preprocess/NumericSummary.h"
#include "preprocess/TableLookup.h"

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
// the levels, then the counts (missing first, as levelCounts gives them).
std::vector<char> encodeLevels(const Column &column, const std::vector<std::int64_t> &counts)
{
    ByteWriter writer;
    writer.value<std::uint64_t>(column.levels.size());
    for (const std::string &level : column.levels)
        writer.text(level);
    writer.raw(counts.data(), counts.size() * sizeof(std::int64_t));
    return std::move(writer.bytes);
}

// Merges one rank's encoded levels into `levels` (new levels appended in their order) and adds its
// counts into `counts` (slot 0 missing, slot i + 1 levels[i]).
void mergeLevels(const std::vector<char> &bytes, std::vector<std::string> &levels,
                 std::unordered_map<std::string, std::size_t> &slotOf, std::vector<std::int64_t> &counts)
{
    ByteReader reader(bytes);
    const auto levelCount = reader.value<std::uint64_t>();
    std::vector<std::size_t> slots(levelCount + 1, 0);
    for (std::uint64_t i = 0; i < levelCount; ++i) {
        std::string level = reader.text();
        const auto [found, added] = slotOf.emplace(level, levels.size() + 1);
        if (added) {
            levels.push_back(std::move(level));
            counts.push_back(0);
        }
        slots[i + 1] = found->second;
    }
    for (const std::size_t slot : slots)
        counts[slot] += reader.value<std::int64_t>();
}

std::optional<OneHotStep> fitOneHotAcrossRanks(Communicator &communicator, const Column &column,
                                               const std::vector<std::size_t> &rows, const PreprocessOptions &options,
                                               std::vector<std::string> &warnings)
{
    std::vector<std::string> levels;
    std::unordered_map<std::string, std::size_t> slotOf;
    std::vector<std::int64_t> counts{0};
    // Every rank merges the ranks' levels in rank order.
    for (const std::vector<char> &bytes : gatherBytes(communicator, encodeLevels(column, levelCounts(column, rows))))
        mergeLevels(bytes, levels, slotOf, counts);
    return oneHotStepFromCounts(column.name, levels, counts, options, warnings);
}

} // namespace

namespace {

// Every rank must see the same column types, or the ranks would call different collectives.
// Returns the training rows of all ranks (throwing when there are none).
std::size_t checkColumnTypesAcrossRanks(Communicator &communicator, const Table &part,
                                        const std::vector<const Column *> &columns,
                                        const std::vector<std::size_t> &trainRows)
{
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
    return static_cast<std::size_t>(allTrainRows);
}

// The scaled and one-hot steps of `features` (their types checked across the ranks, `allTrainRows`
// training rows on all ranks), not checked for inputs.
Preprocessor fitStepsAcrossRanks(Communicator &communicator, const Table &part,
                                 const std::vector<std::string> &features, const std::vector<std::size_t> &trainRows,
                                 std::size_t allTrainRows, const PreprocessOptions &options)
{
    Preprocessor preprocessor;
    for (const Column *column : columnsNamed(part, features)) {
        if (column->type == ColumnType::Numeric) {
            if (auto step = fitNumericAcrossRanks(communicator, part, *column, trainRows,
                                                  static_cast<double>(allTrainRows), options, preprocessor.warnings))
                preprocessor.numeric.push_back(std::move(*step));
        } else if (auto step = fitOneHotAcrossRanks(communicator, *column, trainRows, options, preprocessor.warnings)) {
            preprocessor.oneHot.push_back(std::move(*step));
        }
    }
    return preprocessor;
}

void writeCounts(ByteWriter &writer, const Bin &bin)
{
    writer.value<std::int64_t>(bin.events);
    writer.value<std::int64_t>(bin.nonEvents);
}

void readCounts(ByteReader &reader, Bin &bin)
{
    bin.events = reader.value<std::int64_t>();
    bin.nonEvents = reader.value<std::int64_t>();
}

std::vector<char> encodeBinningCounts(const BinningCounts &counts)
{
    ByteWriter writer;
    writer.value<std::uint8_t>(counts.categorical ? 1 : 0);
    writer.value<std::uint64_t>(counts.values.size());
    for (const BinningCounts::Value &value : counts.values) {
        writer.value<double>(value.value);
        writer.value<std::int64_t>(value.events);
        writer.value<std::int64_t>(value.nonEvents);
    }
    writer.value<std::uint64_t>(counts.levels.size());
    for (const Bin &level : counts.levels) {
        writer.text(level.levels.front());
        writeCounts(writer, level);
    }
    writer.value<std::uint64_t>(counts.specials.size());
    for (std::size_t i = 0; i < counts.specials.size(); ++i) {
        writer.value<double>(counts.specials[i]);
        writeCounts(writer, counts.specialBins[i]);
    }
    writeCounts(writer, counts.missing);
    return std::move(writer.bytes);
}

BinningCounts decodeBinningCounts(const std::vector<char> &bytes)
{
    ByteReader reader(bytes);
    BinningCounts counts;
    counts.categorical = reader.value<std::uint8_t>() != 0;
    counts.values.resize(reader.value<std::uint64_t>());
    for (BinningCounts::Value &value : counts.values) {
        value.value = reader.value<double>();
        value.events = reader.value<std::int64_t>();
        value.nonEvents = reader.value<std::int64_t>();
    }
    counts.levels.resize(reader.value<std::uint64_t>());
    for (Bin &level : counts.levels) {
        level.kind = BinKind::Levels;
        level.levels = {reader.text()};
        readCounts(reader, level);
    }
    const auto specials = reader.value<std::uint64_t>();
    for (std::uint64_t i = 0; i < specials; ++i) {
        counts.specials.push_back(reader.value<double>());
        counts.specialBins.emplace_back();
        counts.specialBins.back().kind = BinKind::Special;
        counts.specialBins.back().special = counts.specials.back();
        readCounts(reader, counts.specialBins.back());
    }
    counts.missing.kind = BinKind::Missing;
    readCounts(reader, counts.missing);
    return counts;
}

} // namespace

Preprocessor fitPreprocessorAcrossRanks(Communicator &communicator, const Table &part,
                                        const std::vector<std::string> &features,
                                        const std::vector<std::size_t> &trainRows, const PreprocessOptions &options)
{
    const std::size_t allTrainRows =
        checkColumnTypesAcrossRanks(communicator, part, columnsNamed(part, features), trainRows);
    Preprocessor preprocessor = fitStepsAcrossRanks(communicator, part, features, trainRows, allTrainRows, options);
    refuseWithoutInputs(preprocessor, part, allTrainRows);
    return preprocessor;
}

BinningCounts binningCountsAcrossRanks(Communicator &communicator, const BinningCounts &mine)
{
    BinningCounts all;
    bool first = true;
    for (const std::vector<char> &bytes : gatherBytes(communicator, encodeBinningCounts(mine))) {
        if (first)
            all = decodeBinningCounts(bytes);
        else
            all.add(decodeBinningCounts(bytes));
        first = false;
    }
    return all;
}

Preprocessor fitPreprocessorWithWoeAcrossRanks(Communicator &communicator, const Table &part, std::size_t firstRow,
                                               const RoleAssignment &roles, const std::vector<std::size_t> &trainRows,
                                               const PreprocessOptions &options, const WoeOptions &woe)
{
    if (!woe.used())
        return fitPreprocessorAcrossRanks(communicator, part, roles.features, trainRows, options);
    WoeFitSources sources;
    sources.allTrainRows =
        checkColumnTypesAcrossRanks(communicator, part, columnsNamed(part, roles.features), trainRows);
    sources.plainSteps = [&](const std::vector<std::string> &plain) {
        return fitStepsAcrossRanks(communicator, part, plain, trainRows, sources.allTrainRows, options);
    };
    sources.targetEncoding = [&](const TaskSpec &task) {
        return fitTargetEncodingAcrossRanks(communicator, part, firstRow, task, trainRows);
    };
    sources.addOtherCounts = [&](BinningCounts &counts) { counts = binningCountsAcrossRanks(communicator, counts); };
    sources.addOtherBinCounts = [&](FeatureBinning &binning) {
        std::vector<double> sums;
        for (const Bin &bin : binning.bins) {
            sums.push_back(static_cast<double>(bin.events));
            sums.push_back(static_cast<double>(bin.nonEvents));
        }
        communicator.sum(std::span<double>(sums));
        for (std::size_t i = 0; i < binning.bins.size(); ++i) {
            binning.bins[i].events = static_cast<std::int64_t>(sums[2 * i]);
            binning.bins[i].nonEvents = static_cast<std::int64_t>(sums[2 * i + 1]);
        }
    };
    return fitPreprocessorWithWoe(part, roles, trainRows, woe, sources);
}

std::vector<std::vector<char>> gatherBytes(Communicator &communicator, const std::vector<char> &mine)
{
    std::vector<std::vector<char>> all(static_cast<std::size_t>(communicator.size()));
    for (int root = 0; root < communicator.size(); ++root) {
        std::vector<char> &bytes = all[static_cast<std::size_t>(root)];
        if (root == communicator.rank())
            bytes = mine;
        communicator.broadcast(bytes, root);
    }
    return all;
}

std::vector<LabelTally> mergeTalliesAcrossRanks(Communicator &communicator, const std::vector<LabelTally> &tallies,
                                                std::size_t firstRow)
{
    ByteWriter writer;
    writer.value<std::uint64_t>(tallies.size());
    for (const LabelTally &tally : tallies) {
        writer.text(tally.value);
        writer.value<std::int64_t>(tally.rows);
        writer.value<std::uint64_t>(tally.firstRow + firstRow);
        writer.text(tally.firstPlace);
    }
    // In rank order, a value's first row on the lowest rank holding it is its first in the file,
    // and values new to a rank come after every earlier rank's: the merged list keeps file order.
    std::vector<LabelTally> merged;
    std::unordered_map<std::string, std::size_t> indexOf;
    for (const std::vector<char> &bytes : gatherBytes(communicator, writer.bytes)) {
        ByteReader reader(bytes);
        const auto count = reader.value<std::uint64_t>();
        for (std::uint64_t i = 0; i < count; ++i) {
            LabelTally tally;
            tally.value = reader.text();
            tally.rows = reader.value<std::int64_t>();
            tally.firstRow = static_cast<std::size_t>(reader.value<std::uint64_t>());
            tally.firstPlace = reader.text();
            const auto [found, added] = indexOf.emplace(tally.value, merged.size());
            if (added)
                merged.push_back(std::move(tally));
            else
                merged[found->second].rows += tally.rows;
        }
    }
    std::stable_sort(merged.begin(), merged.end(),
                     [](const LabelTally &a, const LabelTally &b) { return a.firstRow < b.firstRow; });
    return merged;
}

TargetEncoding fitTargetEncodingAcrossRanks(Communicator &communicator, const Table &part, std::size_t firstRow,
                                            const TaskSpec &spec, const std::vector<std::size_t> &trainRows)
{
    TaskLabels labels = taskLabels(part, spec, trainRows);
    std::vector<double> sums{static_cast<double>(labels.trainingRows), labels.sum, labels.sumSquares,
                             static_cast<double>(labels.count), labels.numeric ? 1.0 : 0.0};
    communicator.sum(std::span<double>(sums));
    if (sums[4] != 0 && sums[4] != communicator.size())
        throw ConfigError(part.source() + ": task column \"" + spec.column +
                          "\" is numeric on some ranks' parts and text on the others");
    labels.trainingRows = static_cast<std::int64_t>(sums[0]);
    labels.sum = sums[1];
    labels.sumSquares = sums[2];
    labels.count = static_cast<std::int64_t>(sums[3]);
    if (spec.type != TaskType::Regression) {
        labels.all = mergeTalliesAcrossRanks(communicator, labels.all, firstRow);
        labels.training = mergeTalliesAcrossRanks(communicator, labels.training, firstRow);
    }
    return targetEncodingOf(spec, labels);
}

} // namespace cmtl
