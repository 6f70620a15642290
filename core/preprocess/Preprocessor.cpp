#include "preprocess/Preprocessor.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "preprocess/FitSteps.h"
#include "preprocess/NumericSummary.h"
#include "preprocess/TableLookup.h"
#include "preprocess/WoeEncoder.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace cmtl {

std::size_t Preprocessor::inputCount() const
{
    std::size_t count = 0;
    for (const NumericStep &step : numeric)
        count += step.missingIndicator ? 2 : 1;
    for (const OneHotStep &step : oneHot)
        count += step.levels.size() + (step.otherInput ? 1 : 0);
    return count + woe.size();
}

std::vector<std::string> Preprocessor::inputNames() const
{
    std::vector<std::string> names;
    for (const NumericStep &step : numeric) {
        names.push_back(step.column);
        if (step.missingIndicator)
            names.push_back(step.column + "=missing");
    }
    for (const FeatureBinning &binning : woe)
        names.push_back(binning.feature + "=WoE");
    for (const OneHotStep &step : oneHot) {
        for (const std::string &level : step.levels)
            names.push_back(step.column + "=" + level);
        if (step.otherInput)
            names.push_back(step.column + "=(other)");
    }
    return names;
}

std::vector<std::string> Preprocessor::featureColumns() const
{
    std::vector<std::string> columns;
    for (const NumericStep &step : numeric)
        columns.push_back(step.column);
    for (const OneHotStep &step : oneHot)
        columns.push_back(step.column);
    for (const FeatureBinning &binning : woe)
        columns.push_back(binning.feature);
    return columns;
}

void refuseInfiniteValues(const Table &table, const Column &column, const std::vector<std::size_t> &rows,
                          const NumericSummary &summary)
{
    if (std::isfinite(summary.lowest) && std::isfinite(summary.highest))
        return;
    const float *values = column.values.data();
    const auto infinite =
        std::find_if(rows.begin(), rows.end(), [&](std::size_t row) { return std::isinf(values[row]); });
    throw DataError({table.source(), 0, column.name},
                    "the value on " + table.rowPlace(*infinite) + " is " + column.cellText(*infinite) +
                        " (beyond the range of 32-bit numbers): no scale can be fitted to it; correct the cell, "
                        "leave it empty (missing), or ignore the column");
}

std::optional<NumericStep> numericStepFromSummary(const std::string &column, const NumericSummary &summary,
                                                  std::size_t rows, const PreprocessOptions &options,
                                                  std::vector<std::string> &warnings,
                                                  const std::function<float()> &median)
{
    if (summary.count == 0) {
        warnings.push_back("column \"" + column + "\" dropped: every training value is missing");
        return std::nullopt;
    }
    if (summary.lowest == summary.highest) {
        warnings.push_back("column \"" + column + "\" dropped: constant on the training rows");
        return std::nullopt;
    }
    const double scale = summary.standardDeviation();

    NumericStep step;
    step.column = column;
    step.median = median();
    step.mean = static_cast<float>(summary.mean());
    step.scale = scale > 0 ? static_cast<float>(scale) : 1.0f;
    step.missingIndicator = options.missingIndicators && summary.count < rows;
    step.lowest = summary.lowest;
    step.highest = summary.highest;
    return step;
}

std::vector<std::int64_t> levelCounts(const Column &column, const std::vector<std::size_t> &rows)
{
    std::vector<std::int64_t> counts(column.levels.size() + 1, 0);
    for (const std::size_t row : rows)
        ++counts[static_cast<std::size_t>(column.codes[row] + 1)];
    return counts;
}

std::optional<OneHotStep> oneHotStepFromCounts(const std::string &column, const std::vector<std::string> &levels,
                                               const std::vector<std::int64_t> &counts,
                                               const PreprocessOptions &options, std::vector<std::string> &warnings)
{
    // counts[code + 1]: slot 0 counts missing cells.
    std::vector<std::size_t> order;
    for (std::size_t slot = 0; slot < counts.size(); ++slot) {
        if (counts[slot] > 0)
            order.push_back(slot);
    }
    if (order.size() < 2) {
        warnings.push_back("column \"" + column + "\" dropped: a single value on the training rows");
        return std::nullopt;
    }
    // Most frequent first; ties by level order so the result does not depend on sorting details.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });

    OneHotStep step;
    step.column = column;
    std::int64_t pooledRows = 0;
    for (const std::size_t slot : order) {
        const bool keep =
            static_cast<int>(step.levels.size()) < options.maxLevels && counts[slot] >= options.minLevelCount;
        if (!keep) {
            pooledRows += counts[slot];
            continue;
        }
        step.levels.push_back(slot == 0 ? std::string(OneHotStep::kMissingLevel) : levels[slot - 1]);
    }
    step.otherInput = pooledRows > 0;
    if (step.levels.empty()) {
        warnings.push_back("column \"" + column + "\" dropped: every level is rarer than " +
                           std::to_string(options.minLevelCount) + " training rows");
        return std::nullopt;
    }
    if (step.otherInput)
        warnings.push_back("column \"" + column + "\": " + std::to_string(pooledRows) +
                           " training rows of rare levels pooled into (other)");
    return step;
}

namespace {

std::optional<NumericStep> fitNumeric(const Table &table, const Column &column, const std::vector<std::size_t> &rows,
                                      const PreprocessOptions &options, std::vector<std::string> &warnings)
{
    // Statistics that would add up across parts of the data (see NumericSummary): moments, range
    // and the median. With fewer rows than the radix selection has buckets, the median is
    // selected from the values directly: the fixed-size histograms would cost more than the
    // column itself (a file of 100,000 columns and 20 rows).
    const float *values = column.values.data();
    const bool radixMedian = rows.size() >= NumericSummary::kBuckets;
    const NumericSummary summary = NumericSummary::of(values, rows, radixMedian);
    if (summary.count > 0)
        refuseInfiniteValues(table, column, rows, summary);
    return numericStepFromSummary(column.name, summary, rows.size(), options, warnings, [&] {
        if (!radixMedian)
            return directMedian(values, rows);
        const MedianBucket bucket = medianBucket(summary);
        return selectMedian(bucket, lowKeyCounts(values, rows, bucket.highKey));
    });
}

std::optional<OneHotStep> fitOneHot(const Column &column, const std::vector<std::size_t> &rows,
                                    const PreprocessOptions &options, std::vector<std::string> &warnings)
{
    return oneHotStepFromCounts(column.name, column.levels, levelCounts(column, rows), options, warnings);
}

// For a categorical column of the table being transformed, the input offset (within the step's
// block) of each dictionary code, -1 for none (an unseen level when the step has no other input).
std::vector<int> inputOfCode(const Column &column, const OneHotStep &step, int &missingInput)
{
    std::unordered_map<std::string, int> inputOfLevel;
    for (std::size_t i = 0; i < step.levels.size(); ++i)
        inputOfLevel.emplace(step.levels[i], static_cast<int>(i));
    const int otherInput = step.otherInput ? static_cast<int>(step.levels.size()) : -1;
    const auto found = inputOfLevel.find(OneHotStep::kMissingLevel);
    missingInput = found != inputOfLevel.end() ? found->second : otherInput;
    std::vector<int> inputs(column.levels.size(), otherInput);
    for (std::size_t code = 0; code < column.levels.size(); ++code) {
        const auto level = inputOfLevel.find(column.levels[code]);
        if (level != inputOfLevel.end())
            inputs[code] = level->second;
    }
    return inputs;
}

} // namespace

Preprocessor fitPreprocessor(const Table &table, const std::vector<std::string> &features,
                             const std::vector<std::size_t> &trainRows, const PreprocessOptions &options, int threads)
{
    Preprocessor preprocessor = fitScaledAndOneHotSteps(table, features, trainRows, options, threads);
    refuseWithoutInputs(preprocessor, table, trainRows.size());
    return preprocessor;
}

void refuseWithoutInputs(const Preprocessor &preprocessor, const Table &table, std::size_t trainRows)
{
    if (preprocessor.inputCount() == 0)
        throw ConfigError(table.source() + ": no usable feature column (every one is constant or missing on the " +
                          std::to_string(trainRows) +
                          " training rows); check the feature columns' values or add features that vary");
}

Preprocessor fitScaledAndOneHotSteps(const Table &table, const std::vector<std::string> &features,
                                     const std::vector<std::size_t> &trainRows, const PreprocessOptions &options,
                                     int threads)
{
    if (trainRows.empty())
        throw ConfigError(table.source() + ": no training rows to fit the preprocessing on");
    // Columns are fitted in parallel, each into its own slot; the slots are then gathered in
    // feature order, so the result does not depend on the thread count.
    struct Fitted {
        std::optional<NumericStep> numeric;
        std::optional<OneHotStep> oneHot;
        std::vector<std::string> warnings;
    };
    const std::vector<const Column *> columns = columnsNamed(table, features);
    std::vector<Fitted> fitted(columns.size());
    parallelFor(columns.size(), threads, [&](std::size_t i) {
        const Column &column = *columns[i];
        if (column.type == ColumnType::Numeric)
            fitted[i].numeric = fitNumeric(table, column, trainRows, options, fitted[i].warnings);
        else
            fitted[i].oneHot = fitOneHot(column, trainRows, options, fitted[i].warnings);
    });
    Preprocessor preprocessor;
    for (Fitted &column : fitted) {
        if (column.numeric)
            preprocessor.numeric.push_back(std::move(*column.numeric));
        if (column.oneHot)
            preprocessor.oneHot.push_back(std::move(*column.oneHot));
        for (std::string &warning : column.warnings)
            preprocessor.warnings.push_back(std::move(warning));
    }
    return preprocessor;
}

std::vector<std::string> TransformNotes::messages() const
{
    const auto number = [](float value) {
        char buffer[32];
        return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
    };
    std::vector<std::string> lines;
    if (rangesUnknown)
        lines.push_back("the model file stores no training ranges (it was saved by an older version): numeric inputs "
                        "were not clipped to the range seen in training; retrain the model to store them");
    const auto cellsText = [](std::int64_t cells) { return std::to_string(cells) + (cells == 1 ? " cell" : " cells"); };
    // A wide file can clip in thousands of columns: the first are named, the rest summed up.
    const std::size_t named = std::min(clipped.size(), kNamedClippedColumns);
    for (std::size_t i = 0; i < named; ++i) {
        const ClippedColumn &column = clipped[i];
        lines.push_back("clipped " + cellsText(column.cells) + " of column " + column.column +
                        " to the training range [" + number(column.lowest) + ", " + number(column.highest) +
                        "] (the first on " + column.firstPlace + ", value " + number(column.firstValue) + ")");
    }
    if (clipped.size() > named) {
        std::int64_t cells = 0;
        for (std::size_t i = named; i < clipped.size(); ++i)
            cells += clipped[i].cells;
        lines.push_back("clipped " + cellsText(cells) + " of " + std::to_string(clipped.size() - named) +
                        " more columns to their training ranges");
    }
    return lines;
}

InputMatrix Preprocessor::transform(const Table &table, int threads, TransformNotes *notes) const
{
    struct NumericSource {
        const float *values;
        const NumericStep *step;
        Eigen::Index input;
    };
    struct OneHotSource {
        const std::int32_t *codes;
        std::vector<int> inputOfCode;
        int missingInput;
        Eigen::Index firstInput;
        Eigen::Index width;
    };
    std::vector<NumericSource> numericSources;
    std::vector<OneHotSource> oneHotSources;
    const std::vector<const Column *> columns = columnsNamed(table, featureColumns());
    Eigen::Index input = 0;
    for (std::size_t i = 0; i < numeric.size(); ++i) {
        const NumericStep &step = numeric[i];
        const Column &column = *columns[i];
        if (column.type != ColumnType::Numeric)
            throw DataError({table.source(), 0, step.column},
                            "expected numbers (the model was trained on a numeric column), found text such as " +
                                firstValueText(table, column) +
                                "; correct the cells that are not numbers, or leave them "
                                "empty (missing)");
        numericSources.push_back({column.values.data(), &step, input});
        input += step.missingIndicator ? 2 : 1;
    }
    std::vector<BinLookup> woeLookups;
    const Eigen::Index firstWoeInput = input;
    for (std::size_t i = 0; i < woe.size(); ++i)
        woeLookups.emplace_back(woe[i], *columns[numeric.size() + oneHot.size() + i], table.source());
    input += static_cast<Eigen::Index>(woe.size());
    for (std::size_t i = 0; i < oneHot.size(); ++i) {
        const OneHotStep &step = oneHot[i];
        const Column &column = *columns[numeric.size() + i];
        if (column.type != ColumnType::Categorical) {
            // Scoring reads the model's categorical columns as text (CsvOptions::categoricalColumns),
            // so this happens only when a caller built the table some other way.
            throw DataError({table.source(), 0, step.column},
                            "expected a categorical column (the model was trained on text values), found numbers only");
        }
        OneHotSource source{column.codes.data(), {}, -1, input, 0};
        source.inputOfCode = inputOfCode(column, step, source.missingInput);
        source.width = static_cast<Eigen::Index>(step.levels.size() + (step.otherInput ? 1 : 0));
        input += source.width;
        oneHotSources.push_back(std::move(source));
    }

    const Eigen::Index rows = static_cast<Eigen::Index>(table.rowCount());
    const Eigen::Index denseWidth = oneHotSources.empty() ? input : oneHotSources.front().firstInput;
    InputMatrix inputs(denseWidth, static_cast<Eigen::Index>(oneHotSources.size()), input, rows);
    Eigen::MatrixXf &dense = inputs.dense();
    InputMatrix::HotMatrix &hot = inputs.hot();
    // Clipped cells per numeric step, and the first clipped row, gathered across the row blocks
    // (rare: a block adds to them only when it clipped something).
    std::vector<std::atomic<std::int64_t>> clippedCells(numericSources.size());
    std::vector<std::atomic<std::size_t>> firstClippedRow(numericSources.size());
    for (auto &first : firstClippedRow)
        first.store(std::numeric_limits<std::size_t>::max());
    // Blocks of rows keep each block's output columns in cache while the steps write them.
    constexpr Eigen::Index kBlock = 2048;
    const std::size_t blocks = static_cast<std::size_t>((rows + kBlock - 1) / kBlock);
    parallelFor(blocks, threads, [&](std::size_t block) {
        const Eigen::Index begin = static_cast<Eigen::Index>(block) * kBlock;
        const Eigen::Index end = std::min(rows, begin + kBlock);
        for (std::size_t s = 0; s < numericSources.size(); ++s) {
            const NumericSource &source = numericSources[s];
            const float median = source.step->median, mean = source.step->mean;
            const float lowest = source.step->lowest, highest = source.step->highest;
            const float inverseScale = 1.0f / source.step->scale;
            std::int64_t clipped = 0;
            for (Eigen::Index row = begin; row < end; ++row) {
                const float value = source.values[row];
                const bool missing = std::isnan(value);
                clipped += (value < lowest) | (value > highest);
                // NaN passes both comparisons unchanged and is then imputed.
                const float inRange = std::min(std::max(value, lowest), highest);
                dense(source.input, row) = ((missing ? median : inRange) - mean) * inverseScale;
                if (source.step->missingIndicator)
                    dense(source.input + 1, row) = missing ? 1.0f : 0.0f;
            }
            if (clipped == 0)
                continue;
            clippedCells[s] += clipped;
            std::size_t first = static_cast<std::size_t>(begin);
            while (!(source.values[first] < lowest || source.values[first] > highest))
                ++first;
            std::size_t known = firstClippedRow[s].load();
            while (first < known && !firstClippedRow[s].compare_exchange_weak(known, first)) {
            }
        }
        for (std::size_t w = 0; w < woeLookups.size(); ++w) {
            for (Eigen::Index row = begin; row < end; ++row)
                dense(firstWoeInput + static_cast<Eigen::Index>(w), row) =
                    static_cast<float>(woeOfBin(woe[w], woeLookups[w](static_cast<std::size_t>(row))));
        }
        for (std::size_t b = 0; b < oneHotSources.size(); ++b) {
            const OneHotSource &source = oneHotSources[b];
            for (Eigen::Index row = begin; row < end; ++row) {
                const std::int32_t code = source.codes[row];
                const int offset = code == Column::kMissingCode ? source.missingInput
                                                                : source.inputOfCode[static_cast<std::size_t>(code)];
                hot(static_cast<Eigen::Index>(b), row) =
                    offset >= 0 ? static_cast<std::int32_t>(source.firstInput + offset) : -1;
            }
        }
    });
    if (notes) {
        notes->rangesUnknown = !hasTrainingRanges;
        notes->clipped.clear();
        for (std::size_t s = 0; s < numericSources.size(); ++s) {
            if (clippedCells[s] == 0)
                continue;
            const NumericStep &step = *numericSources[s].step;
            const std::size_t first = firstClippedRow[s];
            notes->clipped.push_back({step.column, step.lowest, step.highest, clippedCells[s], first,
                                      numericSources[s].values[first], table.rowPlace(first)});
        }
    }
    return inputs;
}

} // namespace cmtl
