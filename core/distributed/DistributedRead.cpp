#include "distributed/DistributedRead.h"

#include "common/Error.h"
#include "distributed/Communicator.h"
#include "statfile/DataFileReader.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sys/stat.h>

namespace cmtl {

namespace {

constexpr std::size_t kScanBlock = std::size_t{1} << 16;

} // namespace

std::string readRange(std::ifstream &file, const std::string &path, std::uint64_t begin, std::uint64_t end)
{
    std::string bytes(end - begin, '\0');
    file.clear();
    file.seekg(static_cast<std::streamoff>(begin));
    file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::uint64_t>(file.gcount()) != end - begin)
        throw DataError({path, 0, {}}, "the file changed while it was read (it ended at byte " +
                                           std::to_string(begin + static_cast<std::uint64_t>(file.gcount())) +
                                           " instead of " + std::to_string(end) +
                                           "); read it again once it is written");
    return bytes;
}

std::uint64_t nextRecordStart(std::ifstream &file, const std::string &path, std::uint64_t size, std::uint64_t from,
                              bool insideQuotes)
{
    for (std::uint64_t at = from; at < size; at += kScanBlock) {
        const std::string block = readRange(file, path, at, std::min(size, at + kScanBlock));
        for (std::size_t i = 0; i < block.size(); ++i) {
            if (block[i] == '"')
                insideQuotes = !insideQuotes;
            else if (block[i] == '\n' && !insideQuotes)
                return at + i + 1;
        }
    }
    return size;
}

double sumBefore(const std::vector<double> &values, int rank)
{
    double sum = 0;
    for (int r = 0; r < rank; ++r)
        sum += values[static_cast<std::size_t>(r)];
    return sum;
}

std::vector<std::string> numericHereTextElsewhere(Communicator &communicator, const Table &part)
{
    const std::vector<Column> &columns = part.columns();
    std::vector<double> numericOnRanks(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i)
        numericOnRanks[i] = columns[i].type == ColumnType::Numeric ? 1 : 0;
    communicator.sum(std::span<double>(numericOnRanks));
    std::vector<std::string> textHere;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (numericOnRanks[i] != communicator.size() && columns[i].type == ColumnType::Numeric)
            textHere.push_back(columns[i].name);
    }
    return textHere;
}

std::string encodingOption(const std::string &detected)
{
    const std::string suffix = " with BOM";
    if (detected.size() > suffix.size() && detected.ends_with(suffix))
        return detected.substr(0, detected.size() - suffix.size());
    return detected;
}

CsvReadResult readPart(const std::string &bytes, const std::string &path, const CsvOptions &options,
                       std::int64_t linesBefore)
{
    CsvReadResult result;
    try {
        result = readCsv(bytes, path, options);
    } catch (const DataError &error) {
        SourceLocation where = error.where();
        if (where.line > 1 || (where.line == 1 && !options.hasHeader))
            where.line += linesBefore;
        throw DataError(where, error.problem());
    }
    SourceLines lines;
    for (std::size_t row = 0; row < result.table.rowCount(); ++row) {
        if (const std::optional<std::int64_t> line = result.table.sourceLines().lineOf(row))
            lines.addStep(row, *line + linesBefore);
    }
    result.table.setSourceLines(std::move(lines));
    return result;
}

FileInParts openFileInParts(const std::string &path, bool hasHeader, const std::string &whyRegular,
                            const std::string &howSplit)
{
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        throw DataError({path, 0, {}}, "not a regular file that can be read: " + whyRegular);
    FileInParts opened;
    opened.size = static_cast<std::uint64_t>(status.st_size);
    opened.file.open(path, std::ios::binary);
    if (!opened.file)
        throw DataError({path, 0, {}}, "cannot be opened for reading; check the path and its permissions");
    const std::string start = readRange(opened.file, path, 0, std::min<std::uint64_t>(opened.size, 2));
    if (start == "\xFF\xFE" || start == "\xFE\xFF")
        throw DataError({path, 1, {}}, "UTF-16 files cannot be " + howSplit +
                                           " (their line ends are two bytes): convert the file to UTF-8 first");
    opened.headerEnd = hasHeader ? nextRecordStart(opened.file, path, opened.size, 0, false) : 0;
    return opened;
}

RankPart readCsvPartOfRank(Communicator &communicator, const std::string &path, CsvOptions options)
{
    FileInParts opened = openFileInParts(path, options.hasHeader,
                                         "each rank of the job reads its own part of it, so it must be a file on a "
                                         "disk every rank sees",
                                         "split between ranks");
    std::ifstream &file = opened.file;
    const std::uint64_t size = opened.size, headerEnd = opened.headerEnd;

    // The nominal cut at size * r / N, moved to the next record start.
    const int rank = communicator.rank(), ranks = communicator.size();
    const std::uint64_t nominal = size * static_cast<std::uint64_t>(rank) / static_cast<std::uint64_t>(ranks);
    const std::uint64_t nominalEnd = size * static_cast<std::uint64_t>(rank + 1) / static_cast<std::uint64_t>(ranks);
    const std::string nominalBytes = readRange(file, path, nominal, nominalEnd);
    const std::vector<double> quotes =
        valuesOfRanks(communicator, static_cast<double>(std::count(nominalBytes.begin(), nominalBytes.end(), '"')));
    std::uint64_t recordStart = headerEnd;
    if (rank > 0 && nominal > 0) { // a file of fewer bytes than ranks: the first ranks' cuts are at 0
        // Scanning starts one byte early: a cut just after a line end is a record start itself.
        const bool previousIsQuote = readRange(file, path, nominal - 1, nominal) == "\"";
        const auto quotesBefore = static_cast<std::uint64_t>(sumBefore(quotes, rank)) - (previousIsQuote ? 1 : 0);
        recordStart = std::max(headerEnd, nextRecordStart(file, path, size, nominal - 1, quotesBefore % 2 == 1));
    }
    const std::vector<double> starts = valuesOfRanks(communicator, static_cast<double>(recordStart));
    const std::uint64_t recordEnd =
        rank + 1 < ranks ? static_cast<std::uint64_t>(starts[static_cast<std::size_t>(rank + 1)]) : size;

    const std::string body = readRange(file, path, recordStart, std::max(recordStart, recordEnd));
    const std::vector<double> lineEnds =
        valuesOfRanks(communicator, static_cast<double>(std::count(body.begin(), body.end(), '\n')));
    const auto linesBefore = static_cast<std::int64_t>(sumBefore(lineEnds, rank));
    const std::string bytes = readRange(file, path, 0, headerEnd) + body;

    // Rank 0 detects the dialect; the others read with it.
    std::vector<char> dialect;
    RankPart part;
    if (rank == 0) {
        part.read = readPart(bytes, path, options, linesBefore);
        const CsvDialect &found = part.read.dialect;
        const std::string encoding = encodingOption(found.encoding);
        dialect = {found.delimiter, found.decimalSeparator};
        dialect.insert(dialect.end(), encoding.begin(), encoding.end());
    }
    communicator.broadcast(dialect, 0);
    options.delimiter = dialect[0];
    options.decimalSeparator = dialect[1];
    options.encoding.assign(dialect.begin() + 2, dialect.end());
    if (rank != 0)
        part.read = readPart(bytes, path, options, linesBefore);

    // A column is numeric only when it is numeric on every rank's part; the ranks that read it as
    // numbers read their part again with it as text.
    if (const std::vector<std::string> textHere = numericHereTextElsewhere(communicator, part.read.table);
        !textHere.empty()) {
        options.categoricalColumns.insert(options.categoricalColumns.end(), textHere.begin(), textHere.end());
        part.read = readPart(bytes, path, options, linesBefore);
    }

    const std::vector<double> rows = valuesOfRanks(communicator, static_cast<double>(part.read.table.rowCount()));
    part.firstRow = static_cast<std::size_t>(sumBefore(rows, rank));
    part.allRows = static_cast<std::size_t>(sumBefore(rows, ranks));
    if (part.allRows == 0)
        throw DataError({path, 0, {}}, "the file has no data rows");
    return part;
}

RankPart readDataPartOfRank(Communicator &communicator, const std::string &path, const CsvOptions &options)
{
    if (detectStatFileFormat(path) == StatFileFormat::None)
        return readCsvPartOfRank(communicator, path, options);
    StatFilePart statPart = readStatFilePartOfRank(communicator, path, options);
    DataFileReadResult read = dataFileResult(std::move(statPart.read));
    RankPart part;
    part.statFile = std::move(read.statFile);
    part.read = std::move(read);
    part.firstRow = statPart.firstRow;
    part.allRows = statPart.allRows;
    return part;
}

DataSplit splitOfRank(Communicator &communicator, const RankPart &part, std::span<const float> strata,
                      const SplitSpec &spec, bool withoutTest)
{
    const std::vector<float> allStrata = communicator.gather(strata);
    if (!allStrata.empty() && allStrata.size() != part.allRows)
        throw ConfigError("the stratification labels of " + std::to_string(allStrata.size()) +
                          " rows were given for a file of " + std::to_string(part.allRows) +
                          " rows: give every rank's labels, or none on every rank");
    const DataSplit all = withoutTest ? trainValidationSplit(part.allRows, allStrata, spec)
                                      : stratifiedSplit(part.allRows, allStrata, spec);
    const std::size_t begin = part.firstRow, end = part.firstRow + part.read.table.rowCount();
    const auto mine = [&](const std::vector<std::size_t> &rows) {
        std::vector<std::size_t> local;
        for (auto row = std::lower_bound(rows.begin(), rows.end(), begin); row != rows.end() && *row < end; ++row)
            local.push_back(*row - begin);
        return local;
    };
    return {mine(all.train), mine(all.validation), mine(all.test)};
}

} // namespace cmtl
