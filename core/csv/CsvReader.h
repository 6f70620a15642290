#pragma once

#include "common/Cancellation.h"
#include "data/Table.h"

#include <functional>
#include <map>
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
    // Columns whose type is forced to numeric: a cell that is neither missing nor a number is
    // refused (DataError naming its line and value) instead of turning the column into text.
    std::vector<std::string> numericColumns;
    // Values that are missing in one column only, on top of missingTokens (e.g. "twelve thousand"
    // in annual_inc), compared after trimming surrounding blanks. In a numeric column a value
    // that reads as a number makes the cells holding that number missing.
    std::map<std::string, std::vector<std::string>> columnMissingValues;
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
    // NearlyNumeric: every distinct value that is not a number (trimmed), for "treat as missing".
    std::vector<std::string> textValues;
    std::string message; // the whole warning: file, column, cells and what to do
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
// - An empty header name becomes V<position> (suffixed _2, _3... if taken), with a warning;
//   duplicate names are refused, since tasks and features are chosen by name. A header name made
//   of quotes only, or spanning lines, is refused (a page of quotes, an unbalanced quote).
// - A record with too few or too many fields is refused ("ragged row"); blank lines between
//   records are skipped (in a one-column file they are missing cells); blank lines at the end
//   and a missing final newline are fine. An empty file is refused; a header alone gives 0 rows
//   here (readCsvFile refuses it). Line ends are "\n", "\r\n", or "\r" alone in a file with no
//   "\n" (old Mac; dialect.crOnly). More than 1,000,000 columns are refused.
// - A column is numeric when every non-missing cell is a number (fast_float syntax in the
//   options' number format, surrounding blanks and a leading '+' allowed), else categorical,
//   unless named in categoricalColumns or numericColumns. The columns these options (and
//   columnMissingValues) name must exist (ConfigError listing the columns there are), and none may
//   be both numeric and categorical. A column in numericColumns holding a cell that is neither
//   missing nor a number is refused at its first such cell (DataError: line, column, value).
//   A numeric column holding a number float32 cannot hold (1e39, inf) is refused at its first
//   such cell; numbers above 2^24 that float32 rounds (ids) give a warning.
//   A categorical column whose non-missing cells are numbers but for at most 10% of them, and at
//   most 20 of them or 1% (whichever is more), gives a "nearly numeric" warning naming the first
//   five text cells (line, value).
// - Encoding "auto": UTF-16 with a byte-order mark is decoded; UTF-8 (BOM optional) is taken as
//   it is; other bytes are weighed (weighNonAsciiEvidence): GB18030 when at least 80% of the
//   runs of non-ASCII bytes read as Chinese characters and it decodes the file, else Windows-1252
//   when it decodes the file, else GB18030 when it alone does; else refused naming the line of
//   the first byte that is not UTF-8. The choice and its reason are in the dialect. Refused: a
//   UTF-8 BOM followed by invalid UTF-8, UTF-16 without a BOM (named as such), UTF-32, NUL
//   bytes, and gzip or zip files.
// `progress` is only called on the calling thread; the parsing threads never call it.
CsvReadResult readCsv(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options = {},
                      const CancellationToken *cancel = nullptr, const std::function<void(double)> &progress = {});

// Adds values treated as missing per column to `options` (each value once).
void addColumnMissingValues(CsvOptions &options, const std::map<std::string, std::vector<std::string>> &values);

// Column names for a message: the first 20, then how many there are ("a, b, ... (300 columns)").
std::string listColumnNames(const std::vector<std::string> &names);

// Reads the file into memory with readFileBytes (which refuses FIFOs, devices and directories
// without blocking, and a file that changes during the read) and then with readCsv. A file with
// a header and no data rows is refused ("the file has no data rows").
CsvReadResult readCsvFile(const std::string &path, const CsvOptions &options = {},
                          const CancellationToken *cancel = nullptr, const std::function<void(double)> &progress = {});

} // namespace cmtl
