#include "data/Table.h"

#include "common/Error.h"

#include <algorithm>
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
    if (const std::optional<std::int64_t> line = m_sourceLines.lineOf(row))
        return "line " + std::to_string(*line);
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
    const auto after = std::upper_bound(m_steps.begin(), m_steps.end(), row,
                                        [](std::size_t wanted, const Step &step) { return wanted < step.row; });
    if (after == m_steps.begin())
        return std::nullopt;
    const Step &step = *(after - 1);
    return step.line + static_cast<std::int64_t>(row - step.row);
}

SourceLines SourceLines::select(const std::vector<std::size_t> &rows) const
{
    SourceLines selected;
    if (m_steps.empty())
        return selected;
    for (std::size_t i = 0; i < rows.size(); ++i)
        selected.addStep(i, *lineOf(rows[i]));
    return selected;
}

namespace {

ColumnStats numericStats(const Column &column)
{
    ColumnStats stats;
    std::vector<float> present;
    present.reserve(column.values.size());
    double sum = 0;
    for (const float value : column.values) {
        if (std::isnan(value)) {
            ++stats.missing;
            continue;
        }
        present.push_back(value);
        sum += value;
    }
    if (present.empty())
        return stats;
    std::sort(present.begin(), present.end());
    stats.distinct = std::unique(present.begin(), present.end()) - present.begin();
    stats.min = present.front();
    stats.max = present[static_cast<std::size_t>(stats.distinct) - 1];
    stats.mean = sum / static_cast<double>(column.values.size() - static_cast<std::size_t>(stats.missing));
    return stats;
}

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

void describeColumns(Table &table)
{
    for (std::size_t i = 0; i < table.columnCount(); ++i) {
        Column &column = table.column(i);
        column.stats = column.type == ColumnType::Numeric ? numericStats(column) : categoricalStats(column);
    }
}

} // namespace cmtl
