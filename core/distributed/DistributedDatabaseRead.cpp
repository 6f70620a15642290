#include "distributed/DistributedDatabaseRead.h"

#include "common/Error.h"
#include "data/ColumnCells.h"
#include "distributed/Communicator.h"

#include <string>
#include <vector>

namespace cmtl {

namespace {

// A 64-bit hash as two exact doubles (each half below 2^32), for Communicator::sum.
std::vector<double> hashHalves(std::uint64_t hash)
{
    return {static_cast<double>(hash >> 32), static_cast<double>(hash & 0xFFFFFFFFULL)};
}

} // namespace

RankPart readDatabasePartOfRank(Communicator &communicator, const DatabaseSource &source, CsvOptions options,
                                const CancellationToken *cancel)
{
    const int rank = communicator.rank(), ranks = communicator.size();
    const std::string sourceName = source.describe();
    const std::vector<double> counted =
        valuesOfRanks(communicator, rank == 0 ? static_cast<double>(countDatabaseRows(source, cancel)) : 0.0);
    const auto allRows = static_cast<std::size_t>(counted[0]);
    if (allRows == 0)
        throw DataError({sourceName, 0, ""}, "the " +
                                                 std::string(source.table.empty() ? "query gives" : "table holds") +
                                                 " no rows; expected at least one");
    const std::size_t first = allRows * static_cast<std::size_t>(rank) / static_cast<std::size_t>(ranks);
    const std::size_t end = allRows * static_cast<std::size_t>(rank + 1) / static_cast<std::size_t>(ranks);

    DatabasePartRead read = readDatabaseRows(source, options, first, end - first, cancel);
    if (const std::vector<std::string> textHere = numericHereTextElsewhere(communicator, read.read.table);
        !textHere.empty()) {
        options.categoricalColumns.insert(options.categoricalColumns.end(), textHere.begin(), textHere.end());
        read = readDatabaseRows(source, options, first, end - first, cancel);
    }

    // The order check, on the reads the parts come from: [hashBefore, hashThrough, fetched, more].
    std::vector<double> mine = hashHalves(read.hashBefore);
    const std::vector<double> through = hashHalves(read.hashThrough);
    mine.insert(mine.end(), through.begin(), through.end());
    mine.push_back(static_cast<double>(read.fetched));
    mine.push_back(read.rowsAfter ? 1.0 : 0.0);
    const std::size_t facts = mine.size();
    const std::vector<double> all = valuesOfRanks(communicator, mine);
    const auto fact = [&](int r, std::size_t i) { return all[facts * static_cast<std::size_t>(r) + i]; };
    std::string problem;
    for (int r = 0; r < ranks && problem.empty(); ++r) {
        const std::size_t rEnd = allRows * static_cast<std::size_t>(r + 1) / static_cast<std::size_t>(ranks);
        if (static_cast<std::size_t>(fact(r, 4)) != rEnd || (r + 1 == ranks && fact(r, 5) != 0))
            problem = "the " + std::string(source.table.empty() ? "query gave" : "table held") + " " +
                      (fact(r, 5) != 0 ? "more" : "fewer") + " rows to rank " + std::to_string(r) + " than the " +
                      withThousands(allRows) + " it counted first: the data changed while the ranks read it";
        else if (r > 0 && (fact(r, 0) != fact(r - 1, 2) || fact(r, 1) != fact(r - 1, 3)))
            problem = "the rows came in a different order to ranks " + std::to_string(r - 1) + " and " +
                      std::to_string(r) + " (the rows before rank " + std::to_string(r) +
                      "'s part differ), so the parts would not be the rows of one reading";
    }
    if (!problem.empty()) {
        // Every rank found the same; rank 0 alone says it and ends the job.
        if (rank == 0)
            throw DataError({sourceName, 0, ""},
                            problem + ". Each rank runs the query and keeps its range of the rows, so they must "
                                      "come in the same order every time: add ORDER BY a unique key (or keys) to "
                                      "the query, or read a table, or run train as one process");
        waitForRankZerosAbort(communicator);
    }

    RankPart part;
    part.read.table = std::move(read.read.table);
    part.read.warnings = std::move(read.read.warnings);
    part.read.dialect.encoding = "as the database gives it";
    part.read.dialect.encodingReason = "read from " + source.connection.url();
    part.notes = std::move(read.read.notes);
    part.firstRow = first;
    part.allRows = allRows;
    return part;
}

} // namespace cmtl
