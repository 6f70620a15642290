#include "data/Table.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "data/DistinctCounter.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace cmtl {

const char *toString(ColumnType type)
{
    return type == ColumnType::Numeric ? "numeric" : "categorical";
}

bool Column::isMissing(std::size_t row) const
{
    return type == ColumnType::Numeric ? std::isnan(values[row]) : codes[row] == kMissingCode;
}

std::string Column::cellText(std::size_t row) const
{
    if (isMissing(row))
        return {};
    if (type == ColumnType::Categorical)
        return levels[static_cast<std::size_t>(codes[row])];
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, values[row]);
    return std::string(buffer, result.ptr);
}

Table::Table(std::string source, std::vector<Column> columns)
    : m_source(std::move(source)), m_columns(std::move(columns))
{
    m_rowCount = m_columns.empty() ? 0 : m_columns.front().size();
    m_indexByName.reserve(m_columns.size());
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const Column &column = m_columns[i];
        if (column.size() != m_rowCount)
            throw DataError({m_source, 0, column.name}, "column has " + std::to_string(column.size()) +
                                                            " rows, expected " + std::to_string(m_rowCount));
        m_indexByName.emplace(column.name, i); // keeps the first of equal names
    }
}

int Table::indexOf(const std::string &name) const
{
    const auto found = m_indexByName.find(name);
    return found == m_indexByName.end() ? -1 : static_cast<int>(found->second);
}

const Column &Table::column(const std::string &name) const
{
    const int index = indexOf(name);
    if (index < 0)
        throw ConfigError(m_source + ": no column named \"" + name + "\"");
    return m_columns[static_cast<std::size_t>(index)];
}

Table Table::selectRows(const std::vector<std::size_t> &rows) const
{
    std::vector<Column> selected;
    selected.reserve(m_columns.size());
    for (const Column &column : m_columns) {
        Column copy;
        copy.name = column.name;
        copy.type = column.type;
        copy.levels = column.levels;
        if (column.type == ColumnType::Numeric) {
            copy.values.resize(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                copy.values[i] = column.values[rows[i]];
        } else {
            copy.codes.resize(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                copy.codes[i] = column.codes[rows[i]];
        }
        selected.push_back(std::move(copy));
    }
    Table table(m_source, std::move(selected));
    table.setSourceLines(m_sourceLines.select(rows));
    return table;
}

std::string Table::rowPlace(std::size_t row) const
{
    if (const std::optional<std::int64_t> number = m_sourceLines.numberOf(row))
        return (m_sourceLines.unit() == SourceLines::Unit::Line ? "line " : "data row ") + std::to_string(*number);
    return "data row " + std::to_string(row + 1);
}

void SourceLines::addStep(std::size_t row, std::int64_t line)
{
    if (!m_steps.empty() &&
        m_steps.back().line - static_cast<std::int64_t>(m_steps.back().row) == line - static_cast<std::int64_t>(row))
        return; // the same offset continues: no step
    m_steps.push_back({row, line});
}

std::optional<std::int64_t> SourceLines::lineOf(std::size_t row) const
{
    if (m_unit != Unit::Line)
        return std::nullopt;
    return numberOf(row);
}

std::optional<std::int64_t> SourceLines::numberOf(std::size_t row) const
{
    const auto after = std::upper_bound(m_steps.begin(), m_steps.end(), row,
                                        [](std::size_t wanted, const Step &step) { return wanted < step.row; });
    if (after == m_steps.begin())
        return std::nullopt;
    const Step &step = *(after - 1);
    return step.line + static_cast<std::int64_t>(row - step.row);
}

SourceLines SourceLines::select(const std::vector<std::size_t> &rows) const
{
    SourceLines selected(m_unit);
    if (m_steps.empty())
        return selected;
    for (std::size_t i = 0; i < rows.size(); ++i)
        selected.addStep(i, *numberOf(rows[i]));
    return selected;
}

namespace {

// The statistics of one part of a numeric column; parts merge in row order, so the result does
// not depend on the number of threads.
struct NumericPart {
    std::int64_t missing = 0;
    double sum = 0;
    float min = std::numeric_limits<float>::infinity();
    float max = -std::numeric_limits<float>::infinity();
    DistinctCounter distinct;

    void add(const float *values, std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i) {
            const float value = values[i];
            if (std::isnan(value)) {
                ++missing;
                continue;
            }
            sum += value;
            min = std::min(min, value);
            max = std::max(max, value);
            // -0 and +0 are one value, as they compare equal.
            distinct.add(value == 0.0F ? 0U : std::bit_cast<std::uint32_t>(value));
        }
    }

    void merge(const NumericPart &other)
    {
        missing += other.missing;
        sum += other.sum;
        min = std::min(min, other.min);
        max = std::max(max, other.max);
        distinct.merge(other.distinct);
    }

    ColumnStats stats(std::size_t rows) const
    {
        ColumnStats result;
        result.missing = missing;
        if (static_cast<std::size_t>(missing) == rows)
            return result;
        result.distinct = distinct.count();
        result.distinctApproximate = !distinct.exact();
        result.min = min;
        result.max = max;
        result.mean = sum / static_cast<double>(rows - static_cast<std::size_t>(missing));
        return result;
    }
};

ColumnStats categoricalStats(const Column &column)
{
    ColumnStats stats;
    std::vector<char> seen(column.levels.size(), 0);
    for (const std::int32_t code : column.codes) {
        if (code == Column::kMissingCode)
            ++stats.missing;
        else
            seen[static_cast<std::size_t>(code)] = 1;
    }
    stats.distinct = std::count(seen.begin(), seen.end(), 1);
    return stats;
}

} // namespace

void describeColumns(Table &table, int threads)
{
    // One task per column part: a wide file spreads over its columns, a tall narrow one over its
    // rows. Categorical columns are one task each (a pass over their codes is already cheap).
    struct Task {
        std::size_t column;
        std::size_t part;
    };
    const std::size_t rows = table.rowCount();
    const std::size_t partsPerColumn =
        std::max<std::size_t>(1, (rows + kDescribeRowsPerPart - 1) / kDescribeRowsPerPart);
    std::vector<Task> tasks;
    std::vector<std::vector<NumericPart>> numericParts(table.columnCount());
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (table.column(c).type == ColumnType::Categorical) {
            tasks.push_back({c, 0});
            continue;
        }
        numericParts[c].resize(partsPerColumn);
        for (std::size_t part = 0; part < partsPerColumn; ++part)
            tasks.push_back({c, part});
    }
    parallelFor(tasks.size(), threads, [&](std::size_t t) {
        const Task task = tasks[t];
        Column &column = table.column(task.column);
        if (column.type == ColumnType::Categorical) {
            column.stats = categoricalStats(column);
            return;
        }
        const std::size_t begin = task.part * kDescribeRowsPerPart;
        const std::size_t end = std::min(rows, begin + kDescribeRowsPerPart);
        numericParts[task.column][task.part].add(column.values.data() + begin, end - begin);
    });
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        std::vector<NumericPart> &parts = numericParts[c];
        if (parts.empty())
            continue;
        for (std::size_t part = 1; part < parts.size(); ++part)
            parts.front().merge(parts[part]);
        table.column(c).stats = parts.front().stats(rows);
    }
}

} // namespace cmtl
