#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cmtl {

enum class ColumnType { Numeric, Categorical };

const char *toString(ColumnType type);

// Descriptive statistics of one column, computed by describeColumns() (not by the reader, so
// that reading stays as fast as the file allows). min/max/mean are over numeric columns only.
struct ColumnStats {
    std::int64_t missing = 0;
    // Exact up to DistinctCounter::kExactCap distinct values; beyond, a HyperLogLog estimate
    // (relative standard error about 0.8%) and distinctApproximate is set: show it as "about".
    // A categorical column's count is always exact.
    std::int64_t distinct = 0;
    bool distinctApproximate = false;
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double mean = std::numeric_limits<double>::quiet_NaN();
};

// One column, stored column-major. A numeric column holds floats with NaN for missing cells;
// a categorical column holds dictionary codes into `levels` (first-seen order), -1 for missing.
struct Column {
    static constexpr std::int32_t kMissingCode = -1;

    std::string name;
    ColumnType type = ColumnType::Numeric;
    std::vector<float> values;       // Numeric only
    std::vector<std::int32_t> codes; // Categorical only
    std::vector<std::string> levels; // Categorical only
    std::optional<ColumnStats> stats;

    std::size_t size() const { return type == ColumnType::Numeric ? values.size() : codes.size(); }
    bool isMissing(std::size_t row) const;
    // The cell as the user would read it ("" for missing); numbers in shortest round-trip form.
    std::string cellText(std::size_t row) const;
};

// Where each row of a table came from, for messages: the line of the file on which a CSV record
// starts. A Table cannot compute it from the row number: blank lines and line breaks inside quoted
// cells make "row + 2" wrong. It is stored as the rows at which "line - row" changes, so a regular
// file costs one entry and a file with a few multi-line cells a few more.
// A statistical file has no lines: the numbers are then its data rows, counted from 1 (a rank's
// part of the file, whose first row is not the file's; Unit::DataRow).
class SourceLines {
public:
    enum class Unit { Line, DataRow };
    explicit SourceLines(Unit unit = Unit::Line) : m_unit(unit) {}

    // Records that `row` (and the rows after it, up to the next step) starts on `line`. Rows are
    // added in increasing order.
    void addStep(std::size_t row, std::int64_t line);
    // The line on which `row` starts; nullopt when the source has no lines (a statistical file).
    std::optional<std::int64_t> lineOf(std::size_t row) const;
    // The line or the data row of `row`, as unit() says; nullopt when none was recorded.
    std::optional<std::int64_t> numberOf(std::size_t row) const;
    Unit unit() const { return m_unit; }
    bool empty() const { return m_steps.empty(); }
    // The lines of the given rows of this table, in the given order (for Table::selectRows).
    SourceLines select(const std::vector<std::size_t> &rows) const;

private:
    struct Step {
        std::size_t row;
        std::int64_t line;
    };
    Unit m_unit = Unit::Line;
    std::vector<Step> m_steps;
};

// A rectangular data set read from one source (a file name, for messages).
class Table {
public:
    Table() = default;
    Table(std::string source, std::vector<Column> columns);

    const std::string &source() const { return m_source; }
    std::size_t rowCount() const { return m_rowCount; }
    std::size_t columnCount() const { return m_columns.size(); }

    const std::vector<Column> &columns() const { return m_columns; }
    const Column &column(std::size_t index) const { return m_columns.at(index); }
    // For filling in statistics; the name must not change (see m_indexByName).
    Column &column(std::size_t index) { return m_columns.at(index); }
    // -1 when no column has that name (the first, when several have it). Constant time: callers
    // look up every column of a 100,000-column file by name.
    int indexOf(const std::string &name) const;
    // Throws ConfigError naming the source when the column is absent.
    const Column &column(const std::string &name) const;

    // Returns a new table holding only the given rows, in the given order.
    Table selectRows(const std::vector<std::size_t> &rows) const;

    // Set by the reader when its source has lines (CSV).
    void setSourceLines(SourceLines lines) { m_sourceLines = std::move(lines); }
    const SourceLines &sourceLines() const { return m_sourceLines; }
    // Where `row` is, as a message names it: "line 57" when the source has lines, else "data row
    // 55" (the 55th record after the header or the 55th observation of a statistical file).
    std::string rowPlace(std::size_t row) const;

private:
    std::string m_source;
    SourceLines m_sourceLines;
    std::vector<Column> m_columns;
    std::unordered_map<std::string, std::size_t> m_indexByName;
    std::size_t m_rowCount = 0;
};

// Rows per part of a numeric column that describeColumns() counts as one task.
inline constexpr std::size_t kDescribeRowsPerPart = std::size_t{1} << 20;

// Fills Column::stats for every column (missing, distinct, min/max/mean), on up to `threads`
// threads (0 = all hardware threads); the result is the same for every thread count.
void describeColumns(Table &table, int threads = 0);

} // namespace cmtl
