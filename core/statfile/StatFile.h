#pragma once

// SAS, Stata and SPSS data files, read through ReadStat into the same Table as a CSV file.

#include "common/Cancellation.h"
#include "csv/CsvReader.h"
#include "data/Table.h"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

class Communicator;

enum class StatFileFormat {
    None,         // not a statistical file (a CSV, or anything else)
    Sas7bdat,     // SAS dataset
    SasTransport, // SAS transport (XPORT, .xpt), version 5 or 8
    Stata,        // Stata .dta, versions 104 to 119
    Spss,         // SPSS .sav ($FL2) or compressed .zsav ($FL3)
};

// "SAS dataset (sas7bdat)", "SAS transport file (XPORT)", "Stata file (.dta)", "SPSS file (.sav)".
const char *describe(StatFileFormat format);

// The format that the first bytes of a file announce (its magic bytes), whatever its name:
// the 32-byte sas7bdat header, XPORT's "HEADER RECORD*******LIB", Stata's "<stata_dta>" or (before
// version 117) a version byte 104-115 followed by a byte order 1 or 2 and a file type 1, and SPSS's
// "$FL2" or "$FL3". None for anything else.
StatFileFormat detectStatFileFormat(std::span<const char> head);

// The format of the file at `path` from its first bytes; None when it is not a regular file or
// cannot be read (the CSV reader then refuses it with the reason). Never blocks on a FIFO.
StatFileFormat detectStatFileFormat(const std::string &path);

// Whether this build reads statistical files (ReadStat was found when it was built).
bool statFilesSupported();

// One variable of a statistical file, as the file describes it.
struct StatVariable {
    std::string name;
    std::string label;  // the variable label ("" when none)
    std::string format; // the display format: "DATE9.", "%td", "F8.2"... ("" when none)
    // What the numbers of a date or time column count ("days since 1960-01-01"...), "" otherwise.
    std::string dateMeaning;
    bool hasValueLabels = false; // read as a categorical column of its labels
};

// What a statistical file held beyond its cells.
struct StatFileDescription {
    StatFileFormat format = StatFileFormat::None;
    std::string encoding; // the text encoding the file declares ("" when it declares none)
    std::string fileLabel;
    std::vector<StatVariable> variables; // in column order
    // Things the user should know: dates read as numbers, special and user-defined missing values
    // read as missing. One sentence each, naming the file and the column.
    std::vector<std::string> notes;
};

struct StatFileReadResult {
    Table table;
    StatFileDescription description;
    std::vector<CsvWarning> warnings; // numbers float32 rounds (PrecisionLoss), as for CSV
};

// Reads a SAS (.sas7bdat, .xpt), Stata (.dta) or SPSS (.sav, .zsav) file from memory (ReadStat's
// input is redirected to the buffer). `sourceName` names the file in every message. Throws
// DataError, or Cancelled when `cancel` is triggered; `progress` receives the fraction done.
//
// - Numeric variables become numeric columns (float32; NaN for missing); text variables become
//   categorical columns (levels in first-seen order, blanks around a value dropped, as in a CSV).
// - A numeric variable whose every non-missing value has a value label (a coded variable:
//   1 = "A", 2 = "B"...) becomes a categorical column of its labels, unless options.numericColumns
//   names it: then its codes are read as numbers. Labels of some values only (999 = "Refused")
//   leave the column numeric.
// - Missing: system missing, SAS and Stata special missing values (.A-.Z, .a-.z) and SPSS
//   user-defined missing values and ranges, each with a note counting them; text cells that are
//   empty or equal to one of options.missingTokens (the same rule as a CSV cell); and the values
//   of options.columnMissingValues.
// - options.categoricalColumns reads a numeric variable as text (its labels, else its numbers
//   written in shortest form); options.numericColumns reads a text variable as numbers (a cell that
//   is not one is refused: row, column, value). The columns they name must exist. A value
//   without a label in a column read as categorical reads as the number ("7").
// - Dates and times stay numbers, with a note giving their format and what the numbers count.
// - The CSV-only options (delimiter, decimal and thousands separators, an encoding other than
//   "auto", no header) are refused: they would be ignored in silence.
// - Refused like a CSV: more than 1,000,000 columns, duplicate or empty names, a number beyond
//   float32; and a damaged file, naming the row and variable being read when it broke.
StatFileReadResult readStatFile(std::span<const char> bytes, const std::string &sourceName,
                                const CsvOptions &options = {}, const CancellationToken *cancel = nullptr,
                                const std::function<void(double)> &progress = {});

// readFileBytes (FIFOs and devices refused, a file changing during the read refused), then
// readStatFile. A file without rows is refused.
StatFileReadResult readStatFileAt(const std::string &path, const CsvOptions &options = {},
                                  const CancellationToken *cancel = nullptr,
                                  const std::function<void(double)> &progress = {});

// A rank's part of a statistical file read by every rank of a data-parallel job.
struct StatFilePart {
    StatFileReadResult read;  // its rows, with the whole file's column types, descriptions and notes
    std::size_t firstRow = 0; // the index of its first row in the whole file
    std::size_t allRows = 0;  // the rows of the whole file (its header's count)
};

// Reads this rank's rows [rows * r / N, rows * (r + 1) / N) of the SAS, Stata or SPSS file at
// `path` (collective: every rank calls it with the same path and options), `rows` being the count
// its header declares, or for an XPORT file, which declares none, the rows ReadStat reads in it,
// counted by rank 0 in a pass that keeps no values. No rank holds the whole file: the file is read
// with pread, not loaded, and ReadStat skips the rows before the part (readstat_set_row_offset;
// in an XPORT file by reading them) and stops after it (readstat_set_row_limit). The parts in rank order are the rows
// readStatFileAt(path, options) reads, as it reads them (one code path): the same columns and column types, cells,
// variable descriptions and notes:
// - a numeric variable is read as its value labels when they name every value it holds in the
//   whole file (whether they do is summed over the ranks);
// - the notes count the special and user-defined missing values of the whole file (every rank's
//   counts, gathered);
// - "row N" in a message, the PrecisionLoss warnings and Table::rowPlace name the whole file's row.
// The categorical columns' levels are in first-seen order within the part (as readCsvPartOfRank's).
// Refused, by rank 0 alone (one message; the others wait for its abort): an SPSS file whose header
// does not declare its number of rows (-1), which the ranks split, and a file without rows. Refused as by
// readStatFileAt: a damaged file, the CSV-only options, a cell the options make a number that is not one (naming the
// file's row).
StatFilePart readStatFilePartOfRank(Communicator &communicator, const std::string &path, const CsvOptions &options);

// The column names of a statistical file, read from its header (no cells are kept).
std::vector<std::string> statFileColumnNames(const std::string &path);

} // namespace cmtl
