#pragma once

// SQL databases (SQLite, PostgreSQL, ODBC) through Qt SQL's drivers, read into the same Table as a
// CSV file and written to (predictions). QtCore and QtSql only.
//
// Connection URLs (the password is never part of one):
//   sqlite:PATH                               a database file: sqlite:/data/loans.db, sqlite:loans.db
//   postgresql://[USER@]HOST[:PORT]/DBNAME    also postgres://; HOST may be a Unix socket folder
//                                             written %2F-encoded (postgresql://me@%2Ftmp%2Fpg/credit)
//   odbc:DSN                                  a data source name from odbc.ini (odbc:credit), or a
//   odbc:DRIVER={...};SERVER=...;DATABASE=... whole ODBC connection string without PWD=
// A URL holding a password (user:secret@, PWD=, password=) is refused: the password comes from
// the environment variable CREDITMTL_DB_PASSWORD or, in the CLI, from a prompt on a terminal.

#include "common/Cancellation.h"
#include "csv/CsvReader.h"
#include "data/Table.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cmtl {

enum class DatabaseKind { Sqlite, PostgreSql, Odbc };

struct DatabaseConnection {
    DatabaseKind kind = DatabaseKind::Sqlite;
    std::string host;     // PostgreSQL: a host name, an address, or a Unix socket folder
    int port = -1;        // PostgreSQL: -1 for the default (5432)
    std::string user;     // PostgreSQL: "" for the login name
    std::string database; // SQLite: the file; PostgreSQL: the database; ODBC: the DSN or connection string

    // The URL it was read from, rebuilt (never with a password): for messages and projects.
    std::string url() const;
    // "QSQLITE", "QPSQL", "QODBC".
    const char *qtDriver() const;
};

// The name of the environment variable a password is read from.
inline constexpr const char *kDatabasePasswordVariable = "CREDITMTL_DB_PASSWORD";

// Reads a connection URL (see the grammar above). Throws ConfigError saying what is wrong and what
// a good URL looks like; a URL holding a password is refused with where the password goes instead.
DatabaseConnection parseDatabaseUrl(const std::string &url);

// What to read: a whole table, or the rows of a query. Exactly one is given.
struct DatabaseSource {
    DatabaseConnection connection;
    std::string password; // kept in memory only: never written anywhere
    std::string table;
    std::string query;
    // Read at most this many rows (0: all of them): a preview of the first rows.
    std::size_t maxRows = 0;

    // "sqlite:/data/loans.db, table loans" or "..., query \"select ...\"": the Table's source name.
    std::string describe() const;
};

// A database source as one line of text, for what keeps a file's path (a project's data, the
// workbench's recent files): the connection URL, then "#table=NAME" or "#query=SQL" with the name
// or query percent-encoded. Never a password (the URL cannot hold one). Example:
//   postgresql://me@db.bank.local:5432/credit#table=loans
std::string databaseSourceLocator(const DatabaseSource &source);
// Whether `text` is such a line: a database URL scheme (sqlite:, postgresql://, postgres://, odbc:)
// and a #table= or #query= part. A file path is never one.
bool isDatabaseSourceLocator(const std::string &text);
// Reads a line made by databaseSourceLocator (password empty). Throws ConfigError as
// parseDatabaseUrl does, or when the #table=/#query= part is missing or empty.
DatabaseSource parseDatabaseSourceLocator(const std::string &locator);

// One column as the database declared it, and how it was read.
struct DatabaseColumn {
    std::string name;
    std::string databaseType; // the driver's type name: "int", "double", "QString", "QDate"...
    std::string readAs;       // "numbers", "text", "0/1", "days since 1970-01-01"...
};

struct DatabaseReadResult {
    Table table;
    std::vector<DatabaseColumn> columns;
    std::vector<CsvWarning> warnings; // numbers float32 rounds, as for CSV
    // Things the user should know: booleans read as 0/1, dates read as numbers. One sentence each.
    std::vector<std::string> notes;
};

// Rows fetched between two checks for cancellation and progress reports.
inline constexpr std::size_t kDatabaseBatchRows = 4096;

// Reads a table or a query's rows into a Table. Rows are fetched forward-only, so a large query
// streams (memory beyond the Table stays bounded: PostgreSQL's driver fetches row by row).
// On PostgreSQL the session reads with synchronize_seqscans and parallel query off, so that a
// table is scanned from its start and its rows are not interleaved by parallel workers: the same
// query gives its rows in the same order to every reader (the ranks of a data-parallel run, and
// one process reading the same query again), without ORDER BY where the plan is a plain scan.
//
// Column types come from the database:
// - integer, floating-point and decimal columns are numeric (float32; NULL is missing);
// - booleans are numeric 0/1, with a note;
// - dates are numbers of days since 1970-01-01, date-times seconds since 1970-01-01 00:00:00 UTC,
//   times seconds since midnight, each with a note;
// - text columns are read as a CSV column is: blanks around a cell dropped, the options' missing
//   tokens and column missing values missing, and numeric when every non-missing cell is a number
//   (SQLite tables imported from CSV hold numbers as text) unless options.categoricalColumns names it;
// - options.categoricalColumns reads a numeric column as text (numbers in shortest form),
//   options.numericColumns a text column as numbers (a cell that is not one is refused: row,
//   column, value); the columns they and options.columnMissingValues name must exist.
// - A column of another type (binary data, arrays...) is refused, naming it and its type.
// Refused with the database's own message: a server that cannot be reached or refuses the login,
// a table that does not exist, an SQL error. A query giving no rows is refused. Throws DataError
// or ConfigError, or Cancelled when `cancel` is triggered; `progress` receives the rows read.
DatabaseReadResult readDatabase(const DatabaseSource &source, const CsvOptions &options = {},
                                const CancellationToken *cancel = nullptr,
                                const std::function<void(std::size_t)> &progress = {});

// One rank's window of the rows of a table or query (DistributedRead.h, readDatabasePartOfRank):
// the rows [first, first + count) of the result, read as readDatabase reads them (the options, the
// column types of these rows alone, "data row" places and messages counting over the whole
// result). The rows before the window are fetched and dropped, the rows after it are not fetched
// (but one, to tell whether there is any). A window may be empty (its columns alone).
struct DatabasePartRead {
    std::size_t first = 0;
    std::size_t count = 0;
    DatabaseReadResult read;
    // An order-sensitive hash of the cells of the rows fetched before the window and through its
    // end: two readers that agree on it fetched the same rows in the same order.
    std::uint64_t hashBefore = 0;
    std::uint64_t hashThrough = 0;
    std::size_t fetched = 0; // rows fetched (first + the window's, or fewer when the result ended)
    bool rowsAfter = false;  // whether the result holds a row after the window
};
DatabasePartRead readDatabaseRows(const DatabaseSource &source, const CsvOptions &options, std::size_t first,
                                  std::size_t count, const CancellationToken *cancel = nullptr);

// The rows of a table or query: SELECT COUNT(*) of it or, when the database does not take the query
// as a subquery, its rows fetched and counted. Refused as readDatabase refuses.
std::size_t countDatabaseRows(const DatabaseSource &source, const CancellationToken *cancel = nullptr);

// The column names of a table or query, from the database's description of its result (no row is
// kept). Refused as readDatabase refuses.
std::vector<std::string> databaseColumnNames(const DatabaseSource &source);

// Opens and closes a connection: nothing when it works, else DataError with the driver's message.
void testDatabaseConnection(const DatabaseConnection &connection, const std::string &password);

// The tables and views of the database, sorted, without the system's tables (sqlite_master,
// PostgreSQL's pg_catalog): what a user chooses from.
std::vector<std::string> databaseTables(const DatabaseConnection &connection, const std::string &password);

// A table to write: its columns, each all numbers (NaN written as NULL) or all text ("" as NULL).
struct OutputColumn {
    std::string name;
    bool numeric = true;
    std::vector<double> numbers;
    std::vector<std::string> texts;
};

// Creates `table` and writes the rows in one transaction: all of them or, on any error, none (the
// transaction is rolled back and the table is not created). An existing table is refused unless
// `replace`, when it is dropped in the same transaction.
void writeDatabaseTable(const DatabaseConnection &connection, const std::string &password, const std::string &table,
                        const std::vector<OutputColumn> &columns, bool replace);

} // namespace cmtl
