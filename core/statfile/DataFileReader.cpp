#include "statfile/DataFileReader.h"

#include <utility>

namespace cmtl {

DataFileReadResult readDataFile(const std::string &path, const CsvOptions &options, const CancellationToken *cancel,
                                const std::function<void(double)> &progress)
{
    DataFileReadResult result;
    if (detectStatFileFormat(path) == StatFileFormat::None) {
        static_cast<CsvReadResult &>(result) = readCsvFile(path, options, cancel, progress);
        return result;
    }
    return dataFileResult(readStatFileAt(path, options, cancel, progress));
}

DataFileReadResult dataFileResult(StatFileReadResult read)
{
    DataFileReadResult result;
    result.table = std::move(read.table);
    result.warnings = std::move(read.warnings);
    result.dialect.encoding = read.description.encoding.empty() ? "not declared" : read.description.encoding;
    result.dialect.encodingReason = std::string("declared by the ") + describe(read.description.format);
    result.statFile = std::move(read.description);
    return result;
}

CsvOptions inheritedOptionsFor(const std::string &path, CsvOptions options)
{
    if (detectStatFileFormat(path) == StatFileFormat::None)
        return options;
    return withoutCsvOnlyOptions(std::move(options));
}

CsvOptions withoutCsvOnlyOptions(CsvOptions options)
{
    const CsvOptions defaults;
    options.delimiter = defaults.delimiter;
    options.decimalSeparator = defaults.decimalSeparator;
    options.thousandsSeparator = defaults.thousandsSeparator;
    options.encoding = defaults.encoding;
    options.hasHeader = defaults.hasHeader;
    return options;
}

} // namespace cmtl
