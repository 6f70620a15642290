#pragma once

// One rank's part of a database table or query in a data-parallel run. In the database library
// (QtSql), beside the readers of files' parts (DistributedRead.h).

#include "common/Cancellation.h"
#include "database/Database.h"
#include "distributed/DistributedRead.h"

namespace cmtl {

// Reads this rank's part of the rows of a table or query (collective: every rank calls it with the
// same source and options). No rank holds the whole result:
// - Rank 0 counts the rows R (SELECT COUNT(*) of the query or table) and tells the others.
// - Each rank runs the query on its own connection and keeps the rows [R*r/N, R*(r+1)/N) (the cut
//   of a statistical file's rows): it fetches the rows before its part and drops them, and stops
//   after its part, so the last rank fetches every row (the cost: the ranks fetch half the rows
//   again, on average, to skip them).
// - SQL gives no order without ORDER BY, so the order is checked: each rank hashes every row it
//   fetches (the cells as the driver gives them, in order); rank r's hash of the rows before its
//   part must equal rank r-1's hash through the end of its part, and the last rank must find
//   exactly R rows. Otherwise the run is refused (rank 0 says which ranks disagreed and what fixes
//   it: ORDER BY a unique key, or a table). On PostgreSQL each rank's session turns off
//   synchronized sequential scans and parallel query, so that a table is scanned from its start.
// - Column types as readCsvPartOfRank agrees them: a column is numeric only when it is numeric in
//   every rank's part; the ranks that read it as numbers read their part again with it as text.
// The parts in rank order are the rows of readDatabase(source, options), with the same column
// types; Table::rowPlace names the row of the whole result ("data row 57").
RankPart readDatabasePartOfRank(Communicator &communicator, const DatabaseSource &source, CsvOptions options,
                                const CancellationToken *cancel = nullptr);

} // namespace cmtl
