#include "binning/Screening.h"

#include "common/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cmtl {

double pearsonCorrelation(const std::vector<double> &x, const std::vector<double> &y)
{
    // Two passes (means, then centred sums) for accuracy on large values.
    double sumX = 0, sumY = 0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            sumX += x[i];
            sumY += y[i];
            ++n;
        }
    if (n < 2)
        return std::nan("");
    const double meanX = sumX / double(n), meanY = sumY / double(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            const double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
    if (sxx == 0 || syy == 0)
        return std::nan("");
    return sxy / std::sqrt(sxx * syy);
}

namespace {

// Notes each declared special value of `texts` that got no bin (no labelled row holds it).
void noteUnusedSpecials(const FeatureBinning &feature, const std::vector<std::string> &texts,
                        const std::vector<double> &values, std::vector<std::string> &notes)
{
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const bool used = std::any_of(feature.bins.begin(), feature.bins.end(), [&](const Bin &bin) {
            return bin.kind == BinKind::Special &&
                   (feature.categorical ? bin.levels.front() == texts[i] : bin.special == values[i]);
        });
        if (!used)
            notes.push_back("the special value \"" + texts[i] + "\" of column \"" + feature.feature +
                            "\" occurs on no labelled row");
    }
}

} // namespace

ScreeningResult screenFeatures(const Table &table, const TaskSpec &task, const ScreeningOptions &options,
                               const CancellationToken *cancel, const std::function<void(double)> &progress)
{
    if (task.type != TaskType::Binary)
        throw ConfigError("screening needs a binary task (COLUMN:binary:POSITIVE, e.g. Class:binary:bad); the task "
                          "on column \"" +
                          task.column + "\" is not binary");
    // The task's column must exist and a binary one hold exactly its positive class and one other
    // value: a third value would otherwise be left out in silence.
    validateRoles(table, defaultRoles(table, {task}, {}));
    for (const auto &[column, values] : options.specials) {
        if (table.indexOf(column) < 0) {
            std::string names;
            for (const Column &c : table.columns())
                names += (names.empty() ? "" : ", ") + c.name;
            throw ConfigError("a special value names the column \"" + column + "\", which " + table.source() +
                              " does not have; its columns are " + names);
        }
        if (column == task.column)
            throw ConfigError("a special value names the column \"" + column +
                              "\", which is the task's column; name a feature column");
    }
    std::vector<std::size_t> allRows(table.rowCount());
    for (std::size_t i = 0; i < allRows.size(); ++i)
        allRows[i] = i;
    const TargetEncoding encoding = fitTargetEncoding(table, task, allRows);
    const std::vector<float> targets = encodeTargets(table, encoding);
    std::vector<std::size_t> labelled;
    std::vector<int> labels;
    for (std::size_t row = 0; row < targets.size(); ++row)
        if (!std::isnan(targets[row])) {
            labelled.push_back(row);
            labels.push_back(targets[row] > 0.5f ? 1 : 0);
        }

    ScreeningResult result;
    result.labelledRows = labelled.size();
    std::vector<std::vector<double>> numericValues; // for the correlations, specials as NaN
    std::vector<std::size_t> numericFeature;        // index into result.features
    const std::size_t featureCount = table.columns().size() - 1;
    for (const Column &column : table.columns()) {
        if (column.name == task.column)
            continue;
        if (cancel && cancel->isCancelled())
            throw Cancelled();
        if (progress)
            progress(double(result.features.size()) / double(featureCount));
        BinningOptions binningOptions = options.binning;
        binningOptions.specialValues.clear();
        binningOptions.specialLevels.clear();
        const auto specials = options.specials.find(column.name);
        if (column.type == ColumnType::Numeric) {
            if (specials != options.specials.end())
                for (const std::string &text : specials->second) {
                    double value = 0;
                    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
                    if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || !std::isfinite(value))
                        throw ConfigError("the special value \"" + text + "\" of the numeric column \"" + column.name +
                                          "\" is not a number; write a number with a decimal point, e.g. -999 or -1.5");
                    // The column holds floats: compare with the value as stored.
                    binningOptions.specialValues.push_back(double(float(value)));
                }
            std::vector<double> values(labelled.size());
            for (std::size_t i = 0; i < labelled.size(); ++i)
                values[i] = column.values[labelled[i]];
            result.features.push_back(binNumeric(column.name, values, labels, binningOptions));
            if (options.keepValueCounts)
                result.valueCounts.push_back(countValues(values, labels, binningOptions.specialValues));
            if (specials != options.specials.end())
                noteUnusedSpecials(result.features.back(), specials->second, binningOptions.specialValues,
                                   result.unusedSpecials);
            for (double &value : values)
                if (std::find(binningOptions.specialValues.begin(), binningOptions.specialValues.end(), value) !=
                    binningOptions.specialValues.end())
                    value = std::nan("");
            numericValues.push_back(std::move(values));
            numericFeature.push_back(result.features.size() - 1);
        } else {
            if (specials != options.specials.end())
                binningOptions.specialLevels = specials->second;
            std::vector<std::string> values(labelled.size());
            std::vector<bool> missing(labelled.size());
            for (std::size_t i = 0; i < labelled.size(); ++i) {
                const std::int32_t code = column.codes[labelled[i]];
                missing[i] = code == Column::kMissingCode;
                if (!missing[i])
                    values[i] = column.levels[std::size_t(code)];
            }
            result.features.push_back(binCategorical(column.name, values, missing, labels, binningOptions));
            if (options.keepValueCounts)
                result.valueCounts.emplace_back();
            if (specials != options.specials.end())
                noteUnusedSpecials(result.features.back(), specials->second, {}, result.unusedSpecials);
        }
    }
    for (std::size_t a = 0; a < numericValues.size(); ++a)
        for (std::size_t b = a + 1; b < numericValues.size(); ++b) {
            const double r = pearsonCorrelation(numericValues[a], numericValues[b]);
            if (std::isnan(r) || std::abs(r) <= options.correlationLimit)
                continue;
            const FeatureBinning &x = result.features[numericFeature[a]], &y = result.features[numericFeature[b]];
            const bool xStronger = x.iv > y.iv || (x.iv == y.iv && x.feature < y.feature);
            CorrelatedPair pair{xStronger ? x.feature : y.feature, xStronger ? y.feature : x.feature, r, ""};
            pair.drop = pair.second;
            result.correlated.push_back(pair);
        }
    // By IV, highest first (ties by name); the value counts follow their features.
    std::vector<std::size_t> order(result.features.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        const FeatureBinning &a = result.features[i], &b = result.features[j];
        return a.iv > b.iv || (a.iv == b.iv && a.feature < b.feature);
    });
    std::vector<FeatureBinning> features;
    std::vector<FeatureValueCounts> valueCounts;
    for (const std::size_t i : order) {
        features.push_back(std::move(result.features[i]));
        if (options.keepValueCounts)
            valueCounts.push_back(std::move(result.valueCounts[i]));
    }
    result.features = std::move(features);
    result.valueCounts = std::move(valueCounts);
    std::stable_sort(
        result.correlated.begin(), result.correlated.end(),
        [](const CorrelatedPair &a, const CorrelatedPair &b) { return std::abs(a.pearson) > std::abs(b.pearson); });
    return result;
}

} // namespace cmtl
