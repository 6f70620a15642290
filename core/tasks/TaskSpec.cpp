#include "tasks/TaskSpec.h"

#include "common/Error.h"
#include "nn/Random.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace cmtl {

const char *toString(TaskType type)
{
    switch (type) {
    case TaskType::Binary:
        return "binary";
    case TaskType::Multiclass:
        return "multiclass";
    case TaskType::Regression:
        return "regression";
    }
    return "?";
}

TaskType taskTypeFromString(const std::string &text)
{
    if (text == "binary")
        return TaskType::Binary;
    if (text == "multiclass" || text == "multi-class")
        return TaskType::Multiclass;
    if (text == "regression")
        return TaskType::Regression;
    throw ConfigError("unknown task type \"" + text + "\": expected binary, multiclass or regression");
}

RoleAssignment defaultRoles(const Table &table, std::vector<TaskSpec> tasks, const std::vector<std::string> &ignored)
{
    RoleAssignment roles;
    roles.tasks = std::move(tasks);
    for (const Column &column : table.columns()) {
        const bool isTask = std::any_of(roles.tasks.begin(), roles.tasks.end(),
                                        [&](const TaskSpec &task) { return task.column == column.name; });
        const bool isIgnored = std::find(ignored.begin(), ignored.end(), column.name) != ignored.end();
        if (!isTask && !isIgnored)
            roles.features.push_back(column.name);
    }
    return roles;
}

namespace {

// The number a binary task's positive class names in a numeric column: numbers are compared by
// value, so "1" matches 1.0. NaN (which equals no cell) when the text is not a number. Parsed once
// per task, not once per cell: the columns have millions of rows.
float positiveClassValue(const std::string &text)
{
    float parsed = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), parsed);
    const bool isNumber = result.ec == std::errc() && result.ptr == text.data() + text.size();
    return isNumber ? parsed : std::numeric_limits<float>::quiet_NaN();
}

std::vector<std::string> distinctNumericLevels(const Column &column, const std::vector<std::size_t> &rows)
{
    std::vector<float> values;
    for (const std::size_t row : rows) {
        if (!std::isnan(column.values[row]))
            values.push_back(column.values[row]);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::vector<std::string> levels;
    for (const float value : values) {
        Column scratch;
        scratch.values = {value};
        levels.push_back(scratch.cellText(0));
    }
    return levels;
}

} // namespace

void validateRoles(const Table &table, const RoleAssignment &roles)
{
    if (roles.tasks.empty())
        throw ConfigError("no task to predict: name at least one task column");
    if (roles.features.empty())
        throw ConfigError("no feature columns: every column is a task or ignored");
    for (const std::string &feature : roles.features)
        table.column(feature);
    for (std::size_t i = 0; i < roles.tasks.size(); ++i) {
        const TaskSpec &task = roles.tasks[i];
        const Column &column = table.column(task.column);
        if (std::find(roles.features.begin(), roles.features.end(), task.column) != roles.features.end())
            throw ConfigError("column \"" + task.column + "\" is both a task and a feature");
        for (std::size_t j = 0; j < i; ++j) {
            if (roles.tasks[j].column == task.column)
                throw ConfigError("column \"" + task.column + "\" is named as a task twice");
        }
        if (!(task.lambda >= 0) || !std::isfinite(task.lambda))
            throw ConfigError("task \"" + task.column + "\": lambda must be a finite number >= 0");
        if (task.type == TaskType::Regression && column.type != ColumnType::Numeric)
            throw ConfigError("task \"" + task.column +
                              "\": a regression task needs a numeric column, this one holds text");
        if (task.type == TaskType::Binary) {
            if (task.positiveClass.empty())
                throw ConfigError("binary task \"" + task.column + "\": name the positive class, e.g. " + task.column +
                                  ":binary:bad");
            bool found = false;
            if (column.type == ColumnType::Categorical) {
                found =
                    std::find(column.levels.begin(), column.levels.end(), task.positiveClass) != column.levels.end();
            } else {
                const float positive = positiveClassValue(task.positiveClass);
                found = std::find(column.values.begin(), column.values.end(), positive) != column.values.end();
            }
            if (!found)
                throw ConfigError("binary task \"" + task.column + "\": the positive class \"" + task.positiveClass +
                                  "\" does not occur in the column");
        }
    }
}

TargetEncoding fitTargetEncoding(const Table &table, const TaskSpec &spec, const std::vector<std::size_t> &trainRows)
{
    const Column &column = table.column(spec.column);
    TargetEncoding encoding;
    encoding.spec = spec;
    switch (spec.type) {
    case TaskType::Binary: {
        // The negative label is named after the other values, for reports ("good" vs "bad").
        std::vector<std::string> others;
        if (column.type == ColumnType::Categorical) {
            for (const std::string &level : column.levels) {
                if (level != spec.positiveClass)
                    others.push_back(level);
            }
        } else {
            const float positive = positiveClassValue(spec.positiveClass);
            for (const std::string &level : distinctNumericLevels(column, trainRows)) {
                if (std::stof(level) != positive)
                    others.push_back(level);
            }
        }
        std::string negative = others.size() == 1 ? others.front() : "not " + spec.positiveClass;
        encoding.classes = {negative, spec.positiveClass};
        break;
    }
    case TaskType::Multiclass: {
        // Classes in sorted order so that a model's class indices do not depend on row order.
        if (column.type == ColumnType::Categorical) {
            std::vector<char> seen(column.levels.size(), 0);
            for (const std::size_t row : trainRows) {
                if (column.codes[row] != Column::kMissingCode)
                    seen[static_cast<std::size_t>(column.codes[row])] = 1;
            }
            for (std::size_t level = 0; level < column.levels.size(); ++level) {
                if (seen[level])
                    encoding.classes.push_back(column.levels[level]);
            }
            std::sort(encoding.classes.begin(), encoding.classes.end());
        } else {
            encoding.classes = distinctNumericLevels(column, trainRows);
        }
        if (encoding.classes.size() < 2)
            throw ConfigError("multiclass task \"" + spec.column + "\": the training rows hold fewer than two classes");
        if (encoding.classes.size() > kMaxClasses)
            throw ConfigError(table.source() + ": column \"" + spec.column + "\" has " +
                              std::to_string(encoding.classes.size()) +
                              " distinct values in the training rows; a multiclass task allows at most " +
                              std::to_string(kMaxClasses) + " classes: is it an ID or a regression target?");
        break;
    }
    case TaskType::Regression: {
        double sum = 0, sumSquares = 0;
        std::int64_t count = 0;
        for (const std::size_t row : trainRows) {
            const double value = column.values[row];
            if (std::isnan(value))
                continue;
            sum += value;
            sumSquares += value * value;
            ++count;
        }
        if (count < 2)
            throw ConfigError("regression task \"" + spec.column + "\": fewer than two training rows have a value");
        encoding.mean = sum / static_cast<double>(count);
        const double variance = std::max(0.0, sumSquares / static_cast<double>(count) - encoding.mean * encoding.mean);
        encoding.scale = variance > 0 ? std::sqrt(variance) : 1.0;
        break;
    }
    }
    return encoding;
}

std::vector<float> encodeTargets(const Table &table, const TargetEncoding &encoding)
{
    const Column &column = table.column(encoding.spec.column);
    const float missing = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> targets(table.rowCount(), missing);
    const TaskSpec &spec = encoding.spec;
    if (spec.type == TaskType::Regression) {
        if (column.type != ColumnType::Numeric)
            throw DataError({table.source(), 0, spec.column}, "expected numbers for the regression task, found text");
        for (std::size_t row = 0; row < targets.size(); ++row)
            targets[row] = static_cast<float>((column.values[row] - encoding.mean) / encoding.scale);
        return targets;
    }
    // Map each distinct cell text to its encoded value once, then look rows up by code or value.
    std::map<std::string, float> valueOf;
    if (spec.type == TaskType::Binary) {
        valueOf[spec.positiveClass] = 1.0f;
    } else {
        for (std::size_t i = 0; i < encoding.classes.size(); ++i)
            valueOf[encoding.classes[i]] = static_cast<float>(i);
    }
    const auto encodeText = [&](const std::string &text) -> float {
        const auto found = valueOf.find(text);
        if (found != valueOf.end())
            return found->second;
        return spec.type == TaskType::Binary ? 0.0f : missing;
    };
    if (column.type == ColumnType::Categorical) {
        std::vector<float> byCode(column.levels.size());
        for (std::size_t level = 0; level < column.levels.size(); ++level)
            byCode[level] = encodeText(column.levels[level]);
        for (std::size_t row = 0; row < targets.size(); ++row) {
            if (column.codes[row] != Column::kMissingCode)
                targets[row] = byCode[static_cast<std::size_t>(column.codes[row])];
        }
    } else {
        const float positive = positiveClassValue(spec.positiveClass);
        // A class column holds few distinct numbers: each is formatted and looked up once.
        std::unordered_map<float, float> classOfValue;
        for (std::size_t row = 0; row < targets.size(); ++row) {
            const float value = column.values[row];
            if (std::isnan(value))
                continue;
            if (spec.type == TaskType::Binary) {
                targets[row] = value == positive ? 1.0f : 0.0f;
                continue;
            }
            auto [known, inserted] = classOfValue.try_emplace(value, 0.0f);
            if (inserted)
                known->second = encodeText(column.cellText(row));
            targets[row] = known->second;
        }
    }
    return targets;
}

namespace {

std::size_t classCount(const TargetEncoding &encoding)
{
    return encoding.spec.type == TaskType::Regression ? 0 : encoding.classes.size();
}

} // namespace

std::vector<float> classWeights(const TargetEncoding &encoding, const std::vector<float> &targets,
                                const std::vector<std::size_t> &trainRows)
{
    const ImbalanceOptions &options = encoding.spec.imbalance;
    const std::size_t classes = classCount(encoding);
    if (classes == 0 || (!options.balancedClassWeights && options.classWeights.empty()))
        return {};
    std::vector<float> weights(classes, 1.0f);
    if (options.balancedClassWeights) {
        std::vector<double> counts(classes, 0.0);
        double labelled = 0;
        for (const std::size_t row : trainRows) {
            if (std::isnan(targets[row]))
                continue;
            counts[static_cast<std::size_t>(targets[row] > 0.5f && classes == 2 ? 1 : targets[row])] += 1;
            labelled += 1;
        }
        for (std::size_t c = 0; c < classes; ++c)
            weights[c] =
                counts[c] > 0 ? static_cast<float>(labelled / (static_cast<double>(classes) * counts[c])) : 1.0f;
    }
    for (const auto &[name, weight] : options.classWeights) {
        const auto found = std::find(encoding.classes.begin(), encoding.classes.end(), name);
        if (found == encoding.classes.end())
            throw ConfigError("task \"" + encoding.spec.column + "\": class weight for \"" + name +
                              "\", which is not one of its classes");
        if (!(weight > 0))
            throw ConfigError("task \"" + encoding.spec.column + "\": class weights must be > 0");
        weights[static_cast<std::size_t>(found - encoding.classes.begin())] = static_cast<float>(weight);
    }
    return weights;
}

std::vector<std::size_t> oversampleRows(const std::vector<TargetEncoding> &encodings,
                                        const std::vector<std::vector<float>> &targets,
                                        const std::vector<std::size_t> &trainRows, std::uint64_t seed)
{
    for (std::size_t t = 0; t < encodings.size(); ++t) {
        if (!encodings[t].spec.imbalance.oversample)
            continue;
        const std::size_t classes = classCount(encodings[t]);
        if (classes == 0)
            throw ConfigError("task \"" + encodings[t].spec.column +
                              "\": oversampling needs a binary or multiclass task");
        std::vector<std::vector<std::size_t>> rowsOfClass(classes);
        for (const std::size_t row : trainRows) {
            const float target = targets[t][row];
            if (!std::isnan(target))
                rowsOfClass[static_cast<std::size_t>(classes == 2 ? (target > 0.5f ? 1 : 0) : target)].push_back(row);
        }
        std::size_t largest = 0;
        for (const auto &rows : rowsOfClass)
            largest = std::max(largest, rows.size());
        std::vector<std::size_t> rows = trainRows;
        SplitMix64 random(SplitMix64::derive(seed, 0x0F5A));
        for (const auto &members : rowsOfClass) {
            for (std::size_t added = members.size(); !members.empty() && added < largest; ++added)
                rows.push_back(members[random.below(members.size())]);
        }
        return rows;
    }
    return trainRows;
}

} // namespace cmtl
