#pragma once

// Building a column cell by cell with the CSV reader's rules, for the readers that receive typed
// cells rather than text: statistical files (statfile/) and SQL databases (database/).

#include "csv/CsvReader.h"
#include "data/Table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cmtl {

// Blanks (space, tab, CR, LF) around a cell dropped, as the CSV reader drops them.
std::string trimmedCell(std::string_view text);
// A number in its shortest round-trip form: 1 -> "1", 13.99 -> "13.99".
std::string shortestNumberText(double value);
// The whole text read as a number (a leading '+' allowed), or nothing.
std::optional<double> parseNumberCell(std::string_view text);
// 1234567 -> "1,234,567".
std::string withThousands(std::size_t value);

// The columns the options read as numbers or as text, as sets: looked up once per column of files
// of 100,000 columns, and a model's options name as many.
struct ColumnChoices {
    explicit ColumnChoices(const CsvOptions &options);

    std::unordered_set<std::string> numeric;
    std::unordered_set<std::string> categorical;
};

// Refuses (ConfigError) a column named by --column-type or --missing-values that `names` lacks,
// listing the columns there are, and a column both numeric and categorical. `holder` names what
// holds the columns in the message: "the file", "the query".
void checkNamedColumnsExist(const CsvOptions &options, const ColumnChoices &choices,
                            const std::vector<std::string> &names, const std::string &sourceName, const char *holder);

// Fills a categorical column cell by cell: codes into its levels, in first-seen order (as the CSV
// reader gives them).
class CategoricalCells {
public:
    CategoricalCells(Column &column, std::size_t expectedRows);

    void addMissing() { m_column.codes.push_back(Column::kMissingCode); }
    void add(std::string cell);

private:
    Column &m_column;
    std::unordered_map<std::string, std::int32_t> m_codeOf;
};

// Fills a numeric column: float32 cells, NaN for missing. A number beyond float32's range or
// infinite is refused (row, column, value, and the fix); numbers float32 rounds (above 2^24) are
// counted for a warning.
class NumericCells {
public:
    NumericCells(Column &column, std::string sourceName);

    void addMissing();
    // `row` is 0-based (messages count from 1).
    void add(double value, std::size_t row);
    // A text cell in a column read as numbers (forced by --column-type or a model's numeric input):
    // a cell that is not a number is refused with its row and value.
    void addText(std::string_view cell, std::size_t row);
    // The PrecisionLoss warning, when some numbers were rounded.
    std::optional<CsvWarning> precisionWarning() const;

private:
    Column &m_column;
    std::string m_sourceName;
    std::size_t m_rounded = 0;
    std::size_t m_firstRoundedRow = 0;
    double m_firstRoundedValue = 0;
};

} // namespace cmtl
