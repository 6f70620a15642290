#include "tasks/TaskSpec.h"

#include "common/Error.h"
#include "distributed/Communicator.h"
#include "nn/Random.h"
#include "preprocess/TableLookup.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
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

// The number a class name or a cell names, or nullopt when the text is not a number: numbers are
// compared by value, so the class "1" matches the cell 1.0. Parsed once per class or level, not
// once per cell: the columns have millions of rows.
std::optional<float> numberIn(const std::string &text)
{
    float parsed = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), parsed);
    const bool isNumber = !text.empty() && result.ec == std::errc() && result.ptr == text.data() + text.size();
    return isNumber ? std::optional<float>(parsed) : std::nullopt;
}

bool sameLabel(const std::string &cell, const std::string &className)
{
    if (cell == className)
        return true;
    const std::optional<float> cellNumber = numberIn(cell), classNumber = numberIn(className);
    return cellNumber && classNumber && *cellNumber == *classNumber;
}

// 9340 -> "9,340".
std::string groupedCount(std::int64_t count)
{
    const std::string digits = std::to_string(count);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string rowCountText(std::int64_t count)
{
    return groupedCount(count) + (count == 1 ? " row" : " rows");
}

std::string quoted(const std::string &text)
{
    return "\"" + text + "\"";
}

// Calls visit(row) for each of `rows`, or for every row below `rowCount` when `rows` is empty.
template <typename Visit> void forEachRow(std::span<const std::size_t> rows, std::size_t rowCount, Visit &&visit)
{
    if (rows.empty()) {
        for (std::size_t row = 0; row < rowCount; ++row)
            visit(row);
    } else {
        for (const std::size_t row : rows)
            visit(row);
    }
}

// Which class a label names, by text or by number (see encodeTargets).
class ClassLookup {
public:
    explicit ClassLookup(const TargetEncoding &encoding)
    {
        for (std::size_t i = 0; i < encoding.classes.size(); ++i) {
            m_byText.emplace(encoding.classes[i], static_cast<int>(i));
            if (const std::optional<float> number = numberIn(encoding.classes[i]))
                m_byNumber.emplace(*number, static_cast<int>(i));
        }
        // Models saved before binary columns were checked for a third value name their negative
        // class "not POSITIVE" when the column held several other values: for them every value
        // but the positive class is negative, as they were trained.
        m_otherValuesAreNegative = encoding.spec.type == TaskType::Binary && encoding.classes.size() == 2 &&
                                   encoding.classes[0] == "not " + encoding.classes[1];
    }

    // The class index, or -1 when the label is none of the classes.
    int ofText(const std::string &text) const
    {
        if (const auto found = m_byText.find(text); found != m_byText.end())
            return found->second;
        if (const std::optional<float> number = numberIn(text))
            return ofNumber(*number);
        return m_otherValuesAreNegative ? 0 : -1;
    }
    int ofNumber(float value) const
    {
        if (const auto found = m_byNumber.find(value); found != m_byNumber.end())
            return found->second;
        return m_otherValuesAreNegative ? 0 : -1;
    }

private:
    std::unordered_map<std::string, int> m_byText;
    std::map<float, int> m_byNumber;
    bool m_otherValuesAreNegative = false;
};

std::string regressionOnText(const Table &table, const Column &column)
{
    return "a regression task needs numbers, but this column holds text (e.g. " + firstValueText(table, column) +
           "); make it a binary or multiclass task if it names classes, or correct the cells that are not numbers";
}

// A task that the data cannot support, named as a DataError names a place: "FILE, column "C": ...".
ConfigError taskError(const std::string &source, const std::string &column, const std::string &problem)
{
    return ConfigError(DataError({source, 0, column}, problem).what());
}

// A binary task's two classes, {negative, positive}, from the whole column: the positive class
// must occur, and exactly one other value. A third value is refused rather than counted as
// negative: a file holding "good", "bad" and "unknown" is more often a mistake than a
// positive-against-the-rest question, and counting "unknown" as good would change the model in
// silence.
// `values` are the column's labels on every row, each with its firstPlace.
std::vector<std::string> binaryClassesOf(const std::string &source, const TaskSpec &task,
                                         const std::vector<LabelTally> &values)
{
    const auto positive = std::find_if(values.begin(), values.end(), [&](const LabelTally &value) {
        return sameLabel(value.value, task.positiveClass);
    });
    if (positive == values.end()) {
        throw taskError(source, task.column,
                        "binary task: the positive class " + quoted(task.positiveClass) +
                            " does not occur in the column" +
                            (values.empty() ? std::string(", whose cells are all missing")
                                            : ", which holds " + describeTallies(values)) +
                            "; name one of its values as the positive class (" + task.column + ":binary:VALUE)");
    }
    std::vector<LabelTally> others;
    for (const LabelTally &value : values) {
        if (&value != &*positive)
            others.push_back(value);
    }
    if (others.empty()) {
        throw taskError(source, task.column,
                        "binary task: every labelled row holds the positive class " + quoted(task.positiveClass) +
                            " (" + rowCountText(positive->rows) +
                            "): a binary task needs rows of a negative class too; use data with both outcomes");
    }
    if (others.size() > 1) {
        // The most frequent other value is taken as the negative class; the rest are unexpected.
        std::stable_sort(others.begin(), others.end(),
                         [](const LabelTally &a, const LabelTally &b) { return a.rows > b.rows; });
        const auto firstUnexpected =
            std::min_element(others.begin() + 1, others.end(),
                             [](const LabelTally &a, const LabelTally &b) { return a.firstRow < b.firstRow; });
        throw taskError(source, task.column,
                        "binary task with positive class " + quoted(task.positiveClass) + ": the column holds " +
                            std::to_string(values.size()) + " values, " + describeTallies(values) +
                            ", but a binary task takes two, the positive class and one negative class; the first "
                            "unexpected value, " +
                            quoted(firstUnexpected->value) + ", is on " + firstUnexpected->firstPlace +
                            ". Correct those cells or leave them empty (missing), or make the task multiclass (" +
                            task.column + ":multiclass)");
    }
    return {others.front().value, task.positiveClass};
}

// The labels of `rows` (every row when empty), each with the place of its first row.
std::vector<LabelTally> placedTallies(const Table &table, const Column &column, std::span<const std::size_t> rows = {})
{
    std::vector<LabelTally> tallies = tallyLabels(column, rows);
    for (LabelTally &tally : tallies)
        tally.firstPlace = table.rowPlace(tally.firstRow);
    return tallies;
}

std::vector<std::string> binaryClasses(const Table &table, const TaskSpec &task)
{
    return binaryClassesOf(table.source(), task, placedTallies(table, table.column(task.column)));
}

} // namespace

std::vector<LabelTally> tallyLabels(const Column &column, std::span<const std::size_t> rows)
{
    std::vector<LabelTally> tallies;
    if (column.type == ColumnType::Categorical) {
        std::vector<std::int64_t> counts(column.levels.size(), 0);
        std::vector<std::size_t> firstRows(column.levels.size(), 0);
        forEachRow(rows, column.codes.size(), [&](std::size_t row) {
            const std::int32_t code = column.codes[row];
            if (code == Column::kMissingCode)
                return;
            if (counts[static_cast<std::size_t>(code)]++ == 0)
                firstRows[static_cast<std::size_t>(code)] = row;
        });
        for (std::size_t level = 0; level < counts.size(); ++level) {
            if (counts[level] > 0)
                tallies.push_back({column.levels[level], counts[level], firstRows[level], {}});
        }
    } else {
        // A class column holds few distinct numbers: they are searched in a short list, and only a
        // column with many (a continuous column named as a task by mistake) gets a hash index.
        constexpr std::size_t kListed = 16;
        std::vector<float> listed;
        std::unordered_map<float, std::size_t> indexOfValue;
        forEachRow(rows, column.values.size(), [&](std::size_t row) {
            const float value = column.values[row];
            if (std::isnan(value))
                return;
            std::size_t index = std::find(listed.begin(), listed.end(), value) - listed.begin();
            if (index == listed.size() && listed.size() == kListed) {
                const auto [found, inserted] = indexOfValue.try_emplace(value, tallies.size());
                index = found->second;
            }
            if (index == tallies.size()) {
                if (listed.size() < kListed)
                    listed.push_back(value);
                tallies.push_back({column.cellText(row), 0, row, {}});
            }
            ++tallies[index].rows;
        });
    }
    std::stable_sort(tallies.begin(), tallies.end(),
                     [](const LabelTally &a, const LabelTally &b) { return a.firstRow < b.firstRow; });
    return tallies;
}

std::string describeTallies(const std::vector<LabelTally> &tallies, std::size_t shown)
{
    std::string text;
    for (std::size_t i = 0; i < tallies.size() && i < shown; ++i)
        text += (i > 0 ? ", " : "") + quoted(tallies[i].value) + " (" + rowCountText(tallies[i].rows) + ")";
    if (tallies.size() > shown)
        text += " and " + std::to_string(tallies.size() - shown) + " more";
    return text;
}

void validateRoles(const Table &table, const RoleAssignment &roles, bool wholeColumn)
{
    if (table.rowCount() == 0)
        throw DataError({table.source(), 0, {}},
                        "the file has no data rows (a header alone): a model needs rows to learn from");
    if (roles.tasks.empty())
        throw ConfigError("no task to predict: name at least one task column");
    if (roles.features.empty())
        throw ConfigError("no feature columns: every column is a task or ignored");
    columnsNamed(table, roles.features); // each must exist
    for (const std::string &kept : roles.kept) {
        table.column(kept); // must exist
        if (std::find(roles.features.begin(), roles.features.end(), kept) != roles.features.end())
            throw ConfigError("column \"" + kept + "\" is both kept (ID) and a feature: choose one role");
        if (std::any_of(roles.tasks.begin(), roles.tasks.end(),
                        [&](const TaskSpec &task) { return task.column == kept; }))
            throw ConfigError("column \"" + kept + "\" is both kept (ID) and a task: choose one role");
    }
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
            throw taskError(table.source(), task.column, regressionOnText(table, column));
        if (task.type == TaskType::Binary) {
            if (task.positiveClass.empty())
                throw ConfigError("binary task \"" + task.column + "\": name the positive class, e.g. " + task.column +
                                  ":binary:bad");
            if (wholeColumn)
                binaryClasses(table, task);
        }
    }
}

TaskLabels taskLabels(const Table &table, const TaskSpec &spec, const std::vector<std::size_t> &trainRows)
{
    const Column &column = table.column(spec.column);
    TaskLabels labels;
    labels.source = table.source();
    labels.numeric = column.type == ColumnType::Numeric;
    labels.trainingRows = static_cast<std::int64_t>(trainRows.size());
    if (spec.type == TaskType::Regression) {
        for (const std::size_t row : trainRows) {
            const double value = column.values[row];
            if (std::isnan(value))
                continue;
            labels.sum += value;
            labels.sumSquares += value * value;
            ++labels.count;
        }
    } else {
        labels.all = placedTallies(table, column);
        // (An empty span means every row to tallyLabels; a rank's part may hold no training row.)
        if (!trainRows.empty())
            labels.training = placedTallies(table, column, trainRows);
    }
    return labels;
}

TargetEncoding fitTargetEncoding(const Table &table, const TaskSpec &spec, const std::vector<std::size_t> &trainRows)
{
    return targetEncodingOf(spec, taskLabels(table, spec, trainRows));
}

TargetEncoding targetEncodingOf(const TaskSpec &spec, const TaskLabels &labels)
{
    TargetEncoding encoding;
    encoding.spec = spec;
    const std::string trainingPart = rowCountText(labels.trainingRows) + " of the training part";
    switch (spec.type) {
    case TaskType::Binary: {
        // The negative label is the column's other value, for reports ("good" vs "bad").
        encoding.classes = binaryClassesOf(labels.source, spec, labels.all);
        // Both classes must be among the training rows: a model that never saw one class learns
        // a constant, and its metrics would be meaningless.
        const ClassLookup lookup(encoding);
        std::int64_t trainingRowsOf[2] = {0, 0};
        for (const LabelTally &value : labels.training) {
            const int index = lookup.ofText(value.value);
            if (index >= 0)
                trainingRowsOf[index] += value.rows;
        }
        for (int index = 1; index >= 0; --index) {
            if (trainingRowsOf[index] > 0)
                continue;
            std::int64_t rowsInColumn = 0;
            for (const LabelTally &value : labels.all)
                rowsInColumn += lookup.ofText(value.value) == index ? value.rows : 0;
            throw taskError(labels.source, spec.column,
                            "binary task: the " + std::string(index == 1 ? "positive" : "negative") + " class " +
                                quoted(encoding.classes[static_cast<std::size_t>(index)]) + " does not occur in the " +
                                trainingPart + " (the file holds it on " + rowCountText(rowsInColumn) +
                                ", all in the validation or test part); use more rows of that class, or a larger "
                                "training share (--train-fraction)");
        }
        break;
    }
    case TaskType::Multiclass: {
        // Classes in sorted order (numbers by value) so that a model's class indices do not
        // depend on row order.
        std::vector<LabelTally> inTraining = labels.training;
        if (labels.numeric) {
            std::sort(inTraining.begin(), inTraining.end(),
                      [](const LabelTally &a, const LabelTally &b) { return *numberIn(a.value) < *numberIn(b.value); });
        } else {
            std::sort(inTraining.begin(), inTraining.end(),
                      [](const LabelTally &a, const LabelTally &b) { return a.value < b.value; });
        }
        for (const LabelTally &value : inTraining)
            encoding.classes.push_back(value.value);
        if (encoding.classes.size() < 2)
            throw taskError(
                labels.source, spec.column,
                "multiclass task: the " + trainingPart + " hold " +
                    (inTraining.empty() ? std::string("no label") : "one class, " + describeTallies(inTraining)) +
                    "; a multiclass task needs at least two (the whole column holds " + describeTallies(labels.all) +
                    ")");
        if (encoding.classes.size() > kMaxClasses)
            throw taskError(labels.source, spec.column,
                            "has " + std::to_string(encoding.classes.size()) +
                                " distinct values in the training rows; a multiclass task allows at most " +
                                std::to_string(kMaxClasses) + " classes: is it an ID or a regression target?");
        break;
    }
    case TaskType::Regression: {
        if (labels.count < 2)
            throw taskError(labels.source, spec.column,
                            "regression task: " + std::string(labels.count == 0 ? std::string("no") : "only one") +
                                " of the " + trainingPart + " has a value; a regression task needs at least two");
        encoding.mean = labels.sum / static_cast<double>(labels.count);
        const double variance =
            std::max(0.0, labels.sumSquares / static_cast<double>(labels.count) - encoding.mean * encoding.mean);
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
            throw DataError({table.source(), 0, spec.column}, regressionOnText(table, column));
        for (std::size_t row = 0; row < targets.size(); ++row)
            targets[row] = static_cast<float>((column.values[row] - encoding.mean) / encoding.scale);
        return targets;
    }
    // Each distinct level or number is looked up once; rows then take its class index.
    const ClassLookup lookup(encoding);
    const auto classValue = [&](int index) { return index >= 0 ? static_cast<float>(index) : missing; };
    if (column.type == ColumnType::Categorical) {
        std::vector<float> byCode(column.levels.size());
        for (std::size_t level = 0; level < column.levels.size(); ++level)
            byCode[level] = classValue(lookup.ofText(column.levels[level]));
        for (std::size_t row = 0; row < targets.size(); ++row) {
            if (column.codes[row] != Column::kMissingCode)
                targets[row] = byCode[static_cast<std::size_t>(column.codes[row])];
        }
    } else {
        std::unordered_map<float, float> classOfValue; // a class column holds few distinct numbers
        for (std::size_t row = 0; row < targets.size(); ++row) {
            const float value = column.values[row];
            if (std::isnan(value))
                continue;
            auto [known, inserted] = classOfValue.try_emplace(value, 0.0f);
            if (inserted)
                known->second = classValue(lookup.ofNumber(value));
            targets[row] = known->second;
        }
    }
    return targets;
}

std::vector<LabelTally> unseenLabels(const Table &table, const TargetEncoding &encoding,
                                     std::span<const std::size_t> rows)
{
    if (encoding.spec.type == TaskType::Regression)
        return {};
    const ClassLookup lookup(encoding);
    std::vector<LabelTally> unseen = tallyLabels(table.column(encoding.spec.column), rows);
    std::erase_if(unseen, [&](const LabelTally &value) { return lookup.ofText(value.value) >= 0; });
    for (LabelTally &value : unseen)
        value.firstPlace = table.rowPlace(value.firstRow);
    return unseen;
}

namespace {

std::size_t classCount(const TargetEncoding &encoding)
{
    return encoding.spec.type == TaskType::Regression ? 0 : encoding.classes.size();
}

} // namespace

std::vector<float> classWeights(const TargetEncoding &encoding, const std::vector<float> &targets,
                                const std::vector<std::size_t> &trainRows, Communicator *ranks)
{
    const ImbalanceOptions &options = encoding.spec.imbalance;
    const std::size_t classes = classCount(encoding);
    if (classes == 0 || (!options.balancedClassWeights && options.classWeights.empty()))
        return {};
    std::vector<float> weights(classes, 1.0f);
    if (options.balancedClassWeights) {
        std::vector<double> counts(classes + 1, 0.0); // each class's rows, then the labelled rows
        for (const std::size_t row : trainRows) {
            if (std::isnan(targets[row]))
                continue;
            counts[static_cast<std::size_t>(targets[row] > 0.5f && classes == 2 ? 1 : targets[row])] += 1;
            counts[classes] += 1;
        }
        if (ranks)
            ranks->sum(std::span<double>(counts));
        const double labelled = counts[classes];
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

OversampleClasses oversampleClasses(const std::vector<TargetEncoding> &encodings,
                                    const std::vector<std::vector<float>> &targets,
                                    const std::vector<std::size_t> &rows)
{
    for (std::size_t t = 0; t < encodings.size(); ++t) {
        if (!encodings[t].spec.imbalance.oversample)
            continue;
        OversampleClasses found;
        found.classes = classCount(encodings[t]);
        if (found.classes == 0)
            throw ConfigError("task \"" + encodings[t].spec.column +
                              "\": oversampling needs a binary or multiclass task");
        found.classOfRow.reserve(rows.size());
        for (const std::size_t row : rows) {
            const float target = targets[t][row];
            found.classOfRow.push_back(std::isnan(target) || found.classes != 2 ? target : target > 0.5f ? 1.0f : 0.0f);
        }
        return found;
    }
    return {};
}

std::vector<std::size_t> oversampledEntries(std::span<const float> classOfEntry, std::size_t classes,
                                            std::uint64_t seed)
{
    std::vector<std::vector<std::size_t>> entriesOfClass(classes);
    for (std::size_t entry = 0; entry < classOfEntry.size(); ++entry) {
        if (!std::isnan(classOfEntry[entry]))
            entriesOfClass[static_cast<std::size_t>(classOfEntry[entry])].push_back(entry);
    }
    std::size_t largest = 0;
    for (const auto &entries : entriesOfClass)
        largest = std::max(largest, entries.size());
    std::vector<std::size_t> added;
    SplitMix64 random(SplitMix64::derive(seed, 0x0F5A));
    for (const auto &members : entriesOfClass) {
        for (std::size_t count = members.size(); !members.empty() && count < largest; ++count)
            added.push_back(members[random.below(members.size())]);
    }
    return added;
}

std::vector<std::size_t> oversampleRows(const std::vector<TargetEncoding> &encodings,
                                        const std::vector<std::vector<float>> &targets,
                                        const std::vector<std::size_t> &trainRows, std::uint64_t seed)
{
    const OversampleClasses found = oversampleClasses(encodings, targets, trainRows);
    if (found.classes == 0)
        return trainRows;
    std::vector<std::size_t> rows = trainRows;
    for (const std::size_t entry : oversampledEntries(found.classOfRow, found.classes, seed))
        rows.push_back(trainRows[entry]);
    return rows;
}

} // namespace cmtl
