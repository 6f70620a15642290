#include "preprocess/Preprocessor.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "preprocess/NumericSummary.h"

#include <algorithm>
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
    return count;
}

std::vector<std::string> Preprocessor::inputNames() const
{
    std::vector<std::string> names;
    for (const NumericStep &step : numeric) {
        names.push_back(step.column);
        if (step.missingIndicator)
            names.push_back(step.column + "=missing");
    }
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
    return columns;
}

namespace {

std::optional<NumericStep> fitNumeric(const Column &column, const std::vector<std::size_t> &rows,
                                      const PreprocessOptions &options, std::vector<std::string> &warnings)
{
    // Two passes of statistics that would add up across parts of the data (see NumericSummary):
    // moments, range and the median's bucket, then the median within its bucket.
    const float *values = column.values.data();
    const NumericSummary summary = NumericSummary::of(values, rows);
    if (summary.count == 0) {
        warnings.push_back("column \"" + column.name + "\" dropped: every training value is missing");
        return std::nullopt;
    }
    if (summary.lowest == summary.highest) {
        warnings.push_back("column \"" + column.name + "\" dropped: constant on the training rows");
        return std::nullopt;
    }
    const MedianBucket bucket = medianBucket(summary);
    const double scale = summary.standardDeviation();

    NumericStep step;
    step.column = column.name;
    step.median = selectMedian(bucket, lowKeyCounts(values, rows, bucket.highKey));
    step.mean = static_cast<float>(summary.mean());
    step.scale = scale > 0 ? static_cast<float>(scale) : 1.0f;
    step.missingIndicator = options.missingIndicators && summary.count < rows.size();
    return step;
}

std::optional<OneHotStep> fitOneHot(const Column &column, const std::vector<std::size_t> &rows,
                                    const PreprocessOptions &options, std::vector<std::string> &warnings)
{
    // counts[code + 1]: slot 0 counts missing cells.
    std::vector<std::int64_t> counts(column.levels.size() + 1, 0);
    for (const std::size_t row : rows)
        ++counts[static_cast<std::size_t>(column.codes[row] + 1)];
    std::vector<std::size_t> order;
    for (std::size_t slot = 0; slot < counts.size(); ++slot) {
        if (counts[slot] > 0)
            order.push_back(slot);
    }
    if (order.size() < 2) {
        warnings.push_back("column \"" + column.name + "\" dropped: a single value on the training rows");
        return std::nullopt;
    }
    // Most frequent first; ties by level order so the result does not depend on sorting details.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });

    OneHotStep step;
    step.column = column.name;
    std::int64_t pooledRows = 0;
    for (const std::size_t slot : order) {
        const bool keep =
            static_cast<int>(step.levels.size()) < options.maxLevels && counts[slot] >= options.minLevelCount;
        if (!keep) {
            pooledRows += counts[slot];
            continue;
        }
        step.levels.push_back(slot == 0 ? std::string(OneHotStep::kMissingLevel) : column.levels[slot - 1]);
    }
    step.otherInput = pooledRows > 0;
    if (step.levels.empty()) {
        warnings.push_back("column \"" + column.name + "\" dropped: every level is rarer than " +
                           std::to_string(options.minLevelCount) + " training rows");
        return std::nullopt;
    }
    if (step.otherInput)
        warnings.push_back("column \"" + column.name + "\": " + std::to_string(pooledRows) +
                           " training rows of rare levels pooled into (other)");
    return step;
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
    if (trainRows.empty())
        throw ConfigError(table.source() + ": no training rows to fit the preprocessing on");
    // Columns are fitted in parallel, each into its own slot; the slots are then gathered in
    // feature order, so the result does not depend on the thread count.
    struct Fitted {
        std::optional<NumericStep> numeric;
        std::optional<OneHotStep> oneHot;
        std::vector<std::string> warnings;
    };
    std::vector<const Column *> columns;
    for (const std::string &name : features)
        columns.push_back(&table.column(name));
    std::vector<Fitted> fitted(columns.size());
    parallelFor(columns.size(), threads, [&](std::size_t i) {
        const Column &column = *columns[i];
        if (column.type == ColumnType::Numeric)
            fitted[i].numeric = fitNumeric(column, trainRows, options, fitted[i].warnings);
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
    if (preprocessor.inputCount() == 0)
        throw ConfigError(table.source() + ": no usable feature column (every one is constant or missing)");
    return preprocessor;
}

InputMatrix Preprocessor::transform(const Table &table, int threads) const
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
    Eigen::Index input = 0;
    for (const NumericStep &step : numeric) {
        const Column &column = table.column(step.column);
        if (column.type != ColumnType::Numeric)
            throw DataError({table.source(), 0, step.column},
                            "expected numbers (the model was trained on a numeric column), found text");
        numericSources.push_back({column.values.data(), &step, input});
        input += step.missingIndicator ? 2 : 1;
    }
    for (const OneHotStep &step : oneHot) {
        const Column &column = table.column(step.column);
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
    // Blocks of rows keep each block's output columns in cache while the steps write them.
    constexpr Eigen::Index kBlock = 2048;
    const std::size_t blocks = static_cast<std::size_t>((rows + kBlock - 1) / kBlock);
    parallelFor(blocks, threads, [&](std::size_t block) {
        const Eigen::Index begin = static_cast<Eigen::Index>(block) * kBlock;
        const Eigen::Index end = std::min(rows, begin + kBlock);
        for (const NumericSource &source : numericSources) {
            const float median = source.step->median, mean = source.step->mean;
            const float inverseScale = 1.0f / source.step->scale;
            for (Eigen::Index row = begin; row < end; ++row) {
                const float value = source.values[row];
                const bool missing = std::isnan(value);
                dense(source.input, row) = ((missing ? median : value) - mean) * inverseScale;
                if (source.step->missingIndicator)
                    dense(source.input + 1, row) = missing ? 1.0f : 0.0f;
            }
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
    return inputs;
}

} // namespace cmtl
