#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace cmtl {

// Where in an input something went wrong. line and column are 1-based; 0 means "not applicable".
struct SourceLocation {
    std::string file;
    std::int64_t line = 0;
    std::string column;
};

// Every refusal of bad input is a DataError: its message names the file, the line and the column
// (where they apply) and what was expected, so the CLI and the GUI can show it unchanged.
class DataError : public std::runtime_error {
public:
    DataError(SourceLocation where, const std::string &problem);

    const SourceLocation &where() const noexcept { return m_where; }
    const std::string &problem() const noexcept { return m_problem; }

private:
    SourceLocation m_where;
    std::string m_problem;
};

// A configuration the engine cannot act on (no task, unknown column, invalid lambda...).
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown by long operations when their CancellationToken was triggered.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace cmtl
