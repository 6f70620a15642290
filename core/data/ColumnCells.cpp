#include "data/ColumnCells.h"

#include "common/Error.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace cmtl {

namespace {
constexpr double kLargestExactFloatInteger = 16777216.0;
}

std::string trimmedCell(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

std::string shortestNumberText(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::optional<double> parseNumberCell(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

std::string withThousands(std::size_t value)
{
    const std::string digits = std::to_string(value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

ColumnChoices::ColumnChoices(const CsvOptions &options)
    : numeric(options.numericColumns.begin(), options.numericColumns.end()),
      categorical(options.categoricalColumns.begin(), options.categoricalColumns.end())
{}

void checkNamedColumnsExist(const CsvOptions &options, const ColumnChoices &choices,
                            const std::vector<std::string> &names, const std::string &sourceName, const char *holder)
{
    const std::unordered_set<std::string> present(names.begin(), names.end());
    const auto check = [&](const std::string &name, const char *option) {
        if (present.count(name) == 0)
            throw ConfigError(sourceName + ": " + option + " names column \"" + name + "\", which " + holder +
                              " does not have; its columns are: " + listColumnNames(names));
    };
    for (const std::string &name : options.numericColumns) {
        check(name, "--column-type");
        if (choices.categorical.count(name) > 0)
            throw ConfigError(sourceName + ": column \"" + name + "\" cannot be both numeric and categorical");
    }
    for (const std::string &name : options.categoricalColumns)
        check(name, "--column-type");
    for (const auto &entry : options.columnMissingValues)
        check(entry.first, "--missing-values");
}

CategoricalCells::CategoricalCells(Column &column, std::size_t expectedRows) : m_column(column)
{
    column.type = ColumnType::Categorical;
    column.codes.reserve(expectedRows);
}

void CategoricalCells::add(std::string cell)
{
    const auto [at, added] = m_codeOf.try_emplace(cell, static_cast<std::int32_t>(m_column.levels.size()));
    if (added)
        m_column.levels.push_back(std::move(cell));
    m_column.codes.push_back(at->second);
}

NumericCells::NumericCells(Column &column, std::string sourceName)
    : m_column(column), m_sourceName(std::move(sourceName))
{
    column.type = ColumnType::Numeric;
}

void NumericCells::addMissing()
{
    m_column.values.push_back(std::numeric_limits<float>::quiet_NaN());
}

void NumericCells::add(double value, std::size_t row)
{
    if (std::isfinite(value) && std::fabs(value) > std::numeric_limits<float>::max())
        throw DataError({m_sourceName, 0, m_column.name},
                        "row " + std::to_string(row + 1) + ": the number " + shortestNumberText(value) +
                            " is beyond the range of the 32-bit floats CreditMTL computes with (about -3.4e38 to "
                            "3.4e38): declare it missing (--missing-values " +
                            m_column.name + "=" + shortestNumberText(value) + ") or leave the column out");
    if (std::isinf(value))
        throw DataError({m_sourceName, 0, m_column.name},
                        "row " + std::to_string(row + 1) +
                            ": an infinite number; CreditMTL computes with finite numbers only: leave the "
                            "column out or write the file without it");
    const float stored = static_cast<float>(value);
    if (std::fabs(value) >= kLargestExactFloatInteger && static_cast<double>(stored) != value && m_rounded++ == 0) {
        m_firstRoundedRow = row;
        m_firstRoundedValue = value;
    }
    m_column.values.push_back(stored);
}

void NumericCells::addText(std::string_view cell, std::size_t row)
{
    const std::optional<double> number = parseNumberCell(cell);
    if (!number || std::fabs(*number) > std::numeric_limits<float>::max())
        throw DataError({m_sourceName, 0, m_column.name},
                        "row " + std::to_string(row + 1) + ": \"" + std::string(cell) +
                            "\" is not a number (the column is read as numbers: a text variable named by "
                            "--column-type or a model's numeric input); declare it missing (--missing-values " +
                            m_column.name + "=" + std::string(cell) + ") or read the column as categorical");
    if (std::isnan(*number))
        addMissing();
    else
        add(*number, row);
}

std::optional<CsvWarning> NumericCells::precisionWarning() const
{
    if (m_rounded == 0)
        return std::nullopt;
    const double example = m_firstRoundedValue;
    CsvWarning warning{CsvWarning::Kind::PrecisionLoss,
                       m_column.name,
                       static_cast<std::int64_t>(m_rounded),
                       {{static_cast<std::int64_t>(m_firstRoundedRow + 1), shortestNumberText(example)}},
                       {},
                       {}};
    warning.message = m_sourceName + ", column \"" + m_column.name + "\": " + withThousands(m_rounded) +
                      (m_rounded == 1 ? " number is" : " numbers are") +
                      " too large to be held exactly by the 32-bit floats CreditMTL computes with (above "
                      "16,777,216 they are rounded; e.g. row " +
                      std::to_string(m_firstRoundedRow + 1) + ": " + shortestNumberText(example) + " is read as " +
                      shortestNumberText(static_cast<float>(example)) +
                      "); if the column is an identifier, leave it out of the features (--ignore " + m_column.name +
                      ")";
    return warning;
}

} // namespace cmtl
