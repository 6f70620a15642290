#include "preprocess/WoeEncoder.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cmtl {

namespace {

int missingBinOf(const FeatureBinning &binning)
{
    for (std::size_t i = 0; i < binning.bins.size(); ++i) {
        if (binning.bins[i].kind == BinKind::Missing)
            return static_cast<int>(i);
    }
    return -1;
}

int numericBin(const FeatureBinning &binning, float value, int missingBin)
{
    if (std::isnan(value))
        return missingBin;
    const double x = value;
    // Special values first: -999 may lie inside a range bin's bounds too.
    for (std::size_t i = 0; i < binning.bins.size(); ++i) {
        const Bin &bin = binning.bins[i];
        if (bin.kind == BinKind::Special && static_cast<float>(bin.special) == value)
            return static_cast<int>(i);
    }
    for (std::size_t i = 0; i < binning.bins.size(); ++i) {
        const Bin &bin = binning.bins[i];
        if (bin.kind == BinKind::Range && x > bin.lower && x <= bin.upper)
            return static_cast<int>(i);
    }
    return -1;
}

std::string joined(const std::vector<std::string> &names)
{
    std::string text;
    for (const std::string &name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

} // namespace

double woeOfBin(const FeatureBinning &binning, int bin)
{
    return bin < 0 ? 0.0 : binning.bins[static_cast<std::size_t>(bin)].woe;
}

BinLookup::BinLookup(const FeatureBinning &binning, const Column &column, const std::string &source)
    : m_binning(&binning), m_column(&column), m_missingBin(missingBinOf(binning))
{
    const bool categorical = column.type == ColumnType::Categorical;
    if (categorical != binning.categorical)
        throw DataError({source, 0, column.name},
                        binning.categorical
                            ? "expected a categorical column (its WoE bins group text levels), found numbers only"
                            : "expected numbers (its WoE bins are numeric ranges), found text; correct the cells "
                              "that are not numbers, or leave them empty (missing)");
    if (!categorical)
        return;
    std::unordered_map<std::string, int> binOfLevel;
    for (std::size_t i = 0; i < binning.bins.size(); ++i) {
        const Bin &bin = binning.bins[i];
        if (bin.kind == BinKind::Levels || bin.kind == BinKind::Special) {
            for (const std::string &level : bin.levels)
                binOfLevel.emplace(level, static_cast<int>(i));
        }
    }
    m_binOfCode.assign(column.levels.size(), -1);
    for (std::size_t code = 0; code < column.levels.size(); ++code) {
        const auto found = binOfLevel.find(column.levels[code]);
        if (found != binOfLevel.end())
            m_binOfCode[code] = found->second;
    }
}

int BinLookup::operator()(std::size_t row) const
{
    if (m_column->type == ColumnType::Numeric)
        return numericBin(*m_binning, m_column->values[row], m_missingBin);
    const std::int32_t code = m_column->codes[row];
    return code == Column::kMissingCode ? m_missingBin : m_binOfCode[static_cast<std::size_t>(code)];
}

int binOfCell(const FeatureBinning &binning, const Column &column, std::size_t row)
{
    return BinLookup(binning, column, {})(row);
}

BinningCounts binningCounts(const Column &column, const std::vector<std::size_t> &rows, const std::vector<int> &labels,
                            const BinningOptions &options)
{
    if (column.type == ColumnType::Numeric) {
        std::vector<double> values(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            values[i] = column.values[rows[i]];
        return numericBinningCounts(column.name, values, labels, options);
    }
    std::vector<std::string> values(rows.size());
    std::vector<bool> missing(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::int32_t code = column.codes[rows[i]];
        missing[i] = code == Column::kMissingCode;
        if (!missing[i])
            values[i] = column.levels[static_cast<std::size_t>(code)];
    }
    return categoricalBinningCounts(column.name, values, missing, labels);
}

FeatureBinning binColumn(const Column &column, const std::vector<std::size_t> &rows, const std::vector<int> &labels,
                         const BinningOptions &options)
{
    return binFromCounts(column.name, binningCounts(column, rows, labels, options), options);
}

FeatureBinning recountBins(const FeatureBinning &layout, const Column &column, const std::vector<std::size_t> &rows,
                           const std::vector<int> &labels, const std::string &source)
{
    FeatureBinning binning = layout;
    for (Bin &bin : binning.bins)
        bin.events = bin.nonEvents = 0;
    const BinLookup lookup(binning, column, source);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int bin = lookup(rows[i]);
        if (bin < 0)
            continue;
        Bin &counted = binning.bins[static_cast<std::size_t>(bin)];
        ++(labels[i] == 1 ? counted.events : counted.nonEvents);
    }
    return binning;
}

FeatureBinning recountBinning(const FeatureBinning &layout, const Column &column, const std::vector<std::size_t> &rows,
                              const std::vector<int> &labels, const std::string &source)
{
    FeatureBinning binning = recountBins(layout, column, rows, labels, source);
    computeBinStatistics(binning);
    return binning;
}

EventLabels eventLabels(const Table &table, const TaskSpec &task, const std::vector<std::size_t> &rows)
{
    return eventLabels(table, fitTargetEncoding(table, task, rows), rows);
}

EventLabels eventLabels(const Table &table, const TargetEncoding &encoding, const std::vector<std::size_t> &rows)
{
    const std::vector<float> targets = encodeTargets(table, encoding);
    EventLabels labelled;
    for (const std::size_t row : rows) {
        if (!std::isnan(targets[row])) {
            labelled.rows.push_back(row);
            labelled.labels.push_back(targets[row] > 0.5f ? 1 : 0);
        }
    }
    return labelled;
}

const FeatureBinning *givenBinningOf(const std::vector<FeatureBinning> &given, const std::string &feature)
{
    const auto found = std::find_if(given.begin(), given.end(),
                                    [&](const FeatureBinning &binning) { return binning.feature == feature; });
    return found == given.end() ? nullptr : &*found;
}

const TaskSpec &woeTask(const std::vector<TaskSpec> &tasks, const std::string &name)
{
    if (name.empty()) {
        const auto binary = std::find_if(tasks.begin(), tasks.end(),
                                         [](const TaskSpec &task) { return task.type == TaskType::Binary; });
        if (binary == tasks.end())
            throw ConfigError("WoE inputs are binned against a binary task, and the run has none; add one "
                              "(e.g. --task Class:binary:bad) or drop --woe");
        return *binary;
    }
    const auto named =
        std::find_if(tasks.begin(), tasks.end(), [&](const TaskSpec &task) { return task.name() == name; });
    if (named == tasks.end()) {
        std::vector<std::string> names;
        for (const TaskSpec &task : tasks)
            names.push_back(task.name());
        throw ConfigError("--woe-task names \"" + name + "\", which is not a task of the run; its tasks are " +
                          joined(names));
    }
    if (named->type != TaskType::Binary)
        throw ConfigError("--woe-task names \"" + name +
                          "\", which is not a binary task; WoE is defined against a binary (event / non-event) "
                          "task, so name one such as Class:binary:bad");
    return *named;
}

std::vector<std::string> woeColumns(const std::vector<std::string> &features, const WoeOptions &options)
{
    for (const std::string &column : options.columns) {
        if (std::find(features.begin(), features.end(), column) == features.end())
            throw ConfigError("--woe names \"" + column +
                              "\", which is not a feature column of the run; its features are " + joined(features) +
                              " (or use --woe all)");
    }
    std::vector<std::string> chosen;
    for (const std::string &feature : features) {
        if (options.allColumns ||
            std::find(options.columns.begin(), options.columns.end(), feature) != options.columns.end())
            chosen.push_back(feature);
    }
    return chosen;
}

GivenBinsUse givenBinsUse(const std::vector<std::string> &woeInputs, const std::vector<FeatureBinning> &given)
{
    GivenBinsUse use;
    for (const FeatureBinning &bins : given) {
        if (std::find(woeInputs.begin(), woeInputs.end(), bins.feature) != woeInputs.end())
            use.used.push_back(bins);
        else
            use.unused.push_back(bins.feature);
    }
    return use;
}

Preprocessor fitPreprocessorWithWoe(const Table &table, const RoleAssignment &roles,
                                    const std::vector<std::size_t> &trainRows, const PreprocessOptions &options,
                                    const WoeOptions &woe, int threads)
{
    if (!woe.used())
        return fitPreprocessor(table, roles.features, trainRows, options, threads);
    WoeFitSources sources;
    sources.plainSteps = [&](const std::vector<std::string> &plain) {
        return fitScaledAndOneHotSteps(table, plain, trainRows, options, threads);
    };
    sources.targetEncoding = [&](const TaskSpec &task) { return fitTargetEncoding(table, task, trainRows); };
    sources.addOtherCounts = [](BinningCounts &) {};
    sources.addOtherBinCounts = [](FeatureBinning &) {};
    sources.allTrainRows = trainRows.size();
    return fitPreprocessorWithWoe(table, roles, trainRows, woe, sources);
}

Preprocessor fitPreprocessorWithWoe(const Table &table, const RoleAssignment &roles,
                                    const std::vector<std::size_t> &trainRows, const WoeOptions &woe,
                                    const WoeFitSources &sources)
{
    const TaskSpec task = woe.positiveClass.empty() ? woeTask(roles.tasks, woe.task)
                                                    : TaskSpec{woe.task, TaskType::Binary, woe.positiveClass, 1.0};
    const std::vector<std::string> binned = woeColumns(roles.features, woe);
    std::vector<std::string> plain;
    for (const std::string &feature : roles.features) {
        if (std::find(binned.begin(), binned.end(), feature) == binned.end())
            plain.push_back(feature);
    }
    Preprocessor preprocessor;
    if (!plain.empty()) // checked for inputs below, with the WoE columns
        preprocessor = sources.plainSteps(plain);

    const auto [rows, labels] = eventLabels(table, sources.targetEncoding(task), trainRows);
    for (const std::string &feature : givenBinsUse(binned, woe.givenBins).unused)
        preprocessor.warnings.push_back("the edited bins of \"" + feature +
                                        "\" are not used: it is not a WoE input (add it to --woe)");
    for (const std::string &name : binned) {
        const Column &column = table.column(name);
        FeatureBinning binning;
        if (const FeatureBinning *given = givenBinningOf(woe.givenBins, name)) {
            binning = recountBins(*given, column, rows, labels, table.source());
            sources.addOtherBinCounts(binning);
            computeBinStatistics(binning);
        } else {
            BinningCounts counts = binningCounts(column, rows, labels, BinningOptions{});
            sources.addOtherCounts(counts);
            binning = binFromCounts(name, counts, BinningOptions{});
        }
        if (binning.bins.size() < 2) {
            preprocessor.warnings.push_back("column \"" + name +
                                            "\" dropped: its WoE binning leaves a single bin on the training rows");
            continue;
        }
        preprocessor.woe.push_back(std::move(binning));
    }
    refuseWithoutInputs(preprocessor, table, sources.allTrainRows);
    return preprocessor;
}

} // namespace cmtl
