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
    // "auto" (see readCsv), "UTF-8", "GB18030", "windows-1252", "latin-1" (ISO-8859-1),
    // "UTF-16LE", "UTF-16BE", "UTF-16" (with a byte-order mark), or another ASCII-compatible
    // encoding Qt knows.
    std::string encoding = "auto";
    // The decimal separator of numbers: '.', ',' (13,99 reads 13.99), or 0 to detect: ',' when
    // the delimiter is ';' and the numbers of the first lines are written with a decimal comma.
    char decimalSeparator = 0;
    // A thousands separator (',' '.' ' ' or '\''), or 0 for none. It is accepted only between
    // groups of three digits in the integer part (1.234.567,89 with decimalSeparator ',').
    char thousandsSeparator = 0;
    // Worker threads for parsing; 0 = all hardware threads.
    int threads = 0;
    // Columns whose type is forced to categorical (e.g. a 0/1 flag the user wants as a class).
    std::vector<std::string> categoricalColumns;
};

// What the reader found out about the file, for the import panel and `inspect`.
struct CsvDialect {
    char delimiter = ',';
    // "UTF-8", "UTF-8 with BOM", "GB18030", "Windows-1252", "ISO-8859-1", "UTF-16LE with BOM"...
    std::string encoding;
    // Why: the evidence that decided an automatic choice, or "chosen in the options".
    std::string encodingReason;
    char decimalSeparator = '.';
    std::string decimalReason; // set when the decimal comma was detected rather than chosen
    bool crlf = false;
    bool crOnly = false; // old Mac line ends (a carriage return alone), read as line ends
};

// A cell the user should look at: where it is and what it holds.
struct CellExample {
    std::int64_t line = 0;
    std::string value;
};

// Something read that the user should know about, though it does not stop the read.
struct CsvWarning {
    enum class Kind {
        NearlyNumeric, // a categorical column whose cells are numbers but for a few
        PrecisionLoss, // numbers that float32 does not hold exactly (ids above 2^24...)
        UnnamedColumn, // an empty header name, replaced by V<position>
    };
    Kind kind;
    std::string column;
    std::int64_t cells = 0;            // how many cells are concerned
    std::vector<CellExample> examples; // the first few of them
    std::string message;               // the whole warning: file, column, cells and what to do
};

struct CsvReadResult {
    Table table;
    CsvDialect dialect;
    std::vector<CsvWarning> warnings;
};

// Reads RFC 4180 CSV from memory. `sourceName` is used in every error message, which names the
// line (1-based, counting the header as line 1) and the column. Throws DataError, or Cancelled
// when `cancel` is triggered. `progress` (may be empty) receives the fraction done in [0, 1].
//
// Policies, where RFC 4180 leaves room or the input is irregular:
// - A quote inside an unquoted field is an ordinary character (5" screen), as in most readers.
//   Text after the closing quote of a quoted field ("a"b) is refused: it is almost always an
//   undoubled quote, and guessing would shift the fields after it.
// - Blanks around unquoted fields and around quoted fields are dropped; the inside of a quoted
//   field is kept verbatim (numbers and missing tokens are recognised after trimming it too).
// - An empty header name becomes V<position> (suffixed _2, _3... if taken); duplicate names are
//   refused, since tasks and features are chosen by name.
// - A record with too few or too many fields is refused ("ragged row"); blank lines between
//   records are skipped (in a one-column file they are missing cells); blank lines at the end
//   and a missing final newline are fine. An empty file is refused; a header alone gives 0 rows.
// - A column is numeric when every non-missing cell is a number (fast_float syntax, surrounding
//   blanks and a leading '+' allowed, "inf" and "nan" included), else categorical, unless named
//   in categoricalColumns. Columns that options.categoricalColumns names must exist (ConfigError).
// - Encoding "auto": UTF-8 (BOM optional); else GB18030 when the bytes decode as such; else
//   refused naming the line of the first byte that is not UTF-8. A UTF-8 BOM followed by invalid
//   UTF-8, and UTF-16 input, are refused.
// `progress` is only called on the calling thread; the parsing threads never call it.
CsvReadResult readCsv(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options = {},
                      const CancellationToken *cancel = nullptr, const std::function<void(double)> &progress = {});

// Maps the file into memory (read-only, unmapped before returning) and reads it with readCsv.
CsvReadResult readCsvFile(const std::string &path, const CsvOptions &options = {},
                          const CancellationToken *cancel = nullptr, const std::function<void(double)> &progress = {});

} // namespace cmtl
