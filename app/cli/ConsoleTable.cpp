#include "ConsoleTable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cmtl {

namespace {
std::size_t displayWidth(const std::string &text)
{
    // Count code points: bytes that are not UTF-8 continuation bytes.
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}
} // namespace

ConsoleTable::ConsoleTable(std::vector<std::string> header)
{
    m_rows.push_back(std::move(header));
}

void ConsoleTable::addRow(std::vector<std::string> cells)
{
    m_rows.push_back(std::move(cells));
}

std::string ConsoleTable::number(double value, int digits)
{
    if (!std::isfinite(value))
        return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

void ConsoleTable::print(std::ostream &out) const
{
    std::vector<std::size_t> widths;
    for (const auto &row : m_rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const auto &row = m_rows[r];
        for (std::size_t c = 0; c < row.size(); ++c) {
            out << row[c];
            if (c + 1 < row.size())
                out << std::string(widths[c] - displayWidth(row[c]) + 2, ' ');
        }
        out << '\n';
        if (r == 0) {
            std::size_t total = 0;
            for (const std::size_t width : widths)
                total += width + 2;
            out << std::string(total > 2 ? total - 2 : 0, '-') << '\n';
        }
    }
}

} // namespace cmtl
