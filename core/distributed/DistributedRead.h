#pragma once

#include "csv/CsvReader.h"
#include "split/DataSplit.h"
#include "statfile/StatFile.h"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace cmtl {

class Communicator;

// One rank's part of a data file (CSV, SAS, Stata or SPSS) read by every rank of a data-parallel job.
struct RankPart {
    CsvReadResult read;       // this rank's rows, with the whole file's column types and lines
    std::size_t firstRow = 0; // the index of its first row in the whole file
    std::size_t allRows = 0;  // the rows of all the ranks' parts together
    // A statistical file's description, the same on every rank (its notes the whole file's).
    std::optional<StatFileDescription> statFile;
    // A database's notes (booleans or dates read as numbers), the same on every rank.
    std::vector<std::string> notes;
};

// Reads this rank's part of the data file at `path` (collective): readStatFilePartOfRank when its
// first bytes are a SAS, Stata or SPSS file's (StatFile.h: each rank its range of rows), else
// readCsvPartOfRank (each rank its byte range), as readDataFile chooses for one process.
RankPart readDataPartOfRank(Communicator &communicator, const std::string &path, const CsvOptions &options);

// Reads this rank's share of the CSV file at `path` (collective: every rank calls it with the same
// path and options). No rank reads or holds the whole file:
// - The file is cut at the nominal byte offsets size * r / N, each moved forward to the start of
//   the next record: after the first line end that lies outside quoted fields, known from the
//   parity of the quote characters before the offset (summed over the ranks). Each rank reads the
//   header and the bytes from its record start to the next rank's.
// - Rank 0 reads first and its dialect (delimiter, encoding, decimal separator) is used by every
//   other rank, so that all parts are read alike.
// - A column that is text on some rank's part is read as text on every rank (as one process reads
//   a column holding text anywhere); the other columns stay numeric.
// - Lines are the whole file's: a refusal names the file's line, and Table::rowPlace the file's.
// The parts in rank order are the rows of readCsvFile(path, options), with the same column types.
// Refused: a file that is not a regular file, one with no data rows, UTF-16 (its line ends are not
// single bytes), and, as DataError naming its line, any cell readCsvFile would refuse. A quote
// character inside an unquoted field ("5" screen") upsets the parity: a cut then falls inside a
// record and the part is refused as ragged rather than misread.
RankPart readCsvPartOfRank(Communicator &communicator, const std::string &path, CsvOptions options);

// This rank's rows (indices into part.read.table) of the split one process makes of the whole
// file: stratifiedSplit (or, with `withoutTest`, trainValidationSplit) over all rows by their
// index in the file, with the strata of all ranks gathered (collective). `strata` holds this
// part's stratification labels, encoded alike on every rank (the whole file's classes), or is
// empty on every rank for a plain random split. Each rank holds the split's row indices of the
// whole file (8 bytes a row) while it is made.
DataSplit splitOfRank(Communicator &communicator, const RankPart &part, std::span<const float> strata,
                      const SplitSpec &spec, bool withoutTest = false);

// The sum of the values of the ranks before `rank`.
double sumBefore(const std::vector<double> &values, int rank);
// The columns numeric in this rank's part that are text in another rank's (collective): a column
// is numeric only when it is numeric in every part, so these are read again as text.
std::vector<std::string> numericHereTextElsewhere(Communicator &communicator, const Table &part);

// The pieces of readCsvPartOfRank that the out-of-core reader (train/OutOfCore.h) shares, which
// reads the parts of one file one after another in one process:
// A regular file opened to be read in parts: its size and where its header ends (0 without one).
// Refused (DataError): not a regular file (`whyRegular` says why it must be) and UTF-16 (`howSplit`
// names what cannot be done to it, "split between ranks").
struct FileInParts {
    std::ifstream file;
    std::uint64_t size = 0;
    std::uint64_t headerEnd = 0;
};
FileInParts openFileInParts(const std::string &path, bool hasHeader, const std::string &whyRegular,
                            const std::string &howSplit);
// The bytes [begin, end) of the file at `path` (DataError when it is shorter: it changed).
std::string readRange(std::ifstream &file, const std::string &path, std::uint64_t begin, std::uint64_t end);
// The offset just after the first '\n' at or after `from` that lies outside quoted fields, given
// whether `from` lies inside one; the file's size when there is none.
std::uint64_t nextRecordStart(std::ifstream &file, const std::string &path, std::uint64_t size, std::uint64_t from,
                              bool insideQuotes);
// The encoding name readCsv takes for the one it detected ("UTF-8 with BOM" reads as "UTF-8").
std::string encodingOption(const std::string &detected);
// readCsv on a part's bytes (the header, then the part's records, which follow `linesBefore` lines
// of records), its refusals and its table's source lines naming the file's lines.
CsvReadResult readPart(const std::string &bytes, const std::string &path, const CsvOptions &options,
                       std::int64_t linesBefore);

} // namespace cmtl
