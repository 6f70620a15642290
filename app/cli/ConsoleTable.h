#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cmtl {

// A plain-text table for the terminal: columns padded to their widest cell (counting UTF-8
// code points, so Chinese column names line up as well as a terminal allows).
class ConsoleTable {
public:
    explicit ConsoleTable(std::vector<std::string> header);
    void addRow(std::vector<std::string> cells);
    void print(std::ostream &out) const;

    // A number with `digits` decimals, or "-" when undefined.
    static std::string number(double value, int digits = 4);

private:
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace cmtl
