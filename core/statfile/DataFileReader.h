#pragma once

// The one place a data file is read, whatever its kind: a CSV file, or a SAS, Stata or SPSS file
// recognised by its first bytes (not by its name).

#include "csv/CsvReader.h"
#include "statfile/StatFile.h"

#include <optional>

namespace cmtl {

// A CSV file's result, or a statistical file's (its table and warnings here, its dialect left
// at the defaults, and what the file declared in `statFile`).
struct DataFileReadResult : CsvReadResult {
    std::optional<StatFileDescription> statFile;
};

// Reads `path` as a statistical file when its first bytes say so (readStatFileAt), else as CSV
// (readCsvFile). The CSV options that mean nothing for a statistical file are refused, naming them.
DataFileReadResult readDataFile(const std::string &path, const CsvOptions &options = {},
                                const CancellationToken *cancel = nullptr,
                                const std::function<void(double)> &progress = {});

// A statistical file's result as a data file's: its table and warnings, the encoding it declares
// as the dialect's, and its description.
DataFileReadResult dataFileResult(StatFileReadResult read);

// The options another file is read with "as the training file was" (a test file, a file to score):
// for a statistical file, the CSV-only options inherited from a training CSV (delimiter, decimal
// and thousands separators, encoding, header) are reset rather than refused, since the user did
// not give them for this file. The column options (types, missing values) are kept.
CsvOptions inheritedOptionsFor(const std::string &path, CsvOptions options);
// `options` with the CSV-only options (delimiter, decimal and thousands separators, encoding,
// header) at their defaults: what a statistical file is read with whatever was set for CSV files.
CsvOptions withoutCsvOnlyOptions(CsvOptions options);

} // namespace cmtl
