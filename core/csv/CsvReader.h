#pragma once

#include "common/Cancellation.h"
#include "data/Table.h"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

struct CsvOptions {
    // 0 = detect among ',' ';' '\t' '|' from the first lines (outside quotes).
    char delimiter = 0;
    bool hasHeader = true;
    // Cells equal to one of these (after trimming surrounding spaces) are missing. The empty cell
    // is always missing.
    std::vector<std::string> missingTokens = {"NA", "NaN", "null", "?"};
    // "auto" (UTF-8 with or without BOM, else GB18030 if the bytes decode as such, else refuse),
    // "UTF-8" or "GB18030".
    std::string encoding = "auto";
    // Worker threads for parsing; 0 = all hardware threads.
    int threads = 0;
    // Columns whose type is forced to categorical (e.g. a 0/1 flag the user wants as a class).
    std::vector<std::string> categoricalColumns;
};

// What the reader found out about the file, for the import panel and `inspect`.
struct CsvDialect {
    char delimiter = ',';
    std::string encoding; // "UTF-8", "UTF-8 with BOM" or "GB18030"
    bool crlf = false;
};

struct CsvReadResult {
    Table table;
    CsvDialect dialect;
};

// Reads RFC 4180 CSV from memory. `sourceName` is used in every error message, which names the
// line (1-based, counting the header as line 1) and the column. Throws DataError, or Cancelled
// when `cancel` is triggered. `progress` (may be empty) receives the fraction done in [0, 1].
CsvReadResult readCsv(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options = {},
                      const CancellationToken *cancel = nullptr,
                      const std::function<void(double)> &progress = {});

// Maps the file into memory and reads it with readCsv.
CsvReadResult readCsvFile(const std::string &path, const CsvOptions &options = {},
                          const CancellationToken *cancel = nullptr,
                          const std::function<void(double)> &progress = {});

} // namespace cmtl
