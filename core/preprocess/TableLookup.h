#pragma once

// Finding a table's columns by name, and naming its rows, for the engine's steps and messages.

#include "data/Table.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cmtl {

// The columns of `table` with the given names, in the given order. Table::column(name) searches
// the columns one by one, so looking up every feature of a 100,000-column file that way costs
// 10^10 comparisons; this indexes the names once. A missing name is refused as Table::column
// refuses it (ConfigError naming the source and the column).
inline std::vector<const Column *> columnsNamed(const Table &table, const std::vector<std::string> &names)
{
    std::unordered_map<std::string_view, const Column *> byName;
    byName.reserve(table.columnCount());
    for (const Column &column : table.columns())
        byName.emplace(column.name, &column); // the first of equal names wins, as in Table::indexOf
    std::vector<const Column *> found;
    found.reserve(names.size());
    for (const std::string &name : names) {
        const auto match = byName.find(name);
        found.push_back(match != byName.end() ? match->second : &table.column(name));
    }
    return found;
}

// The first non-missing cell of a column of `table`, quoted, and where it is: "\"12.5%\" on line
// 3" (or "no value"), as an example in a message.
inline std::string firstValueText(const Table &table, const Column &column)
{
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.isMissing(row))
            continue;
        std::string example = "\""; // appended piece by piece: GCC 12 warns wrongly (-Wrestrict)
        example += column.cellText(row);
        example += "\" on ";
        example += table.rowPlace(row);
        return example;
    }
    return "no value";
}

} // namespace cmtl
