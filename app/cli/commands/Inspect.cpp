#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"

namespace cmtl {

namespace {

// An estimated count (past the exact cap of describeColumns) reads "about N".
std::string distinctText(const ColumnStats &stats)
{
    return (stats.distinctApproximate ? "about " : "") + std::to_string(stats.distinct);
}

// A SAS, Stata or SPSS file: its format, then its columns with their labels and display formats.
void printStatFile(const DataFileReadResult &read, std::ostream &out)
{
    const StatFileDescription &file = *read.statFile;
    out << read.table.source() << ": " << read.table.rowCount() << " rows, " << read.table.columnCount() << " columns; "
        << describe(file.format) << (file.encoding.empty() ? std::string() : ", encoding " + file.encoding)
        << (file.fileLabel.empty() ? std::string() : ", label \"" + file.fileLabel + "\"") << "\n\n";
    ConsoleTable table({"column", "type", "missing", "distinct", "min", "max", "mean", "format", "label"});
    for (std::size_t i = 0; i < read.table.columnCount(); ++i) {
        const Column &column = read.table.column(i);
        const StatVariable &variable = file.variables.at(i);
        const ColumnStats &stats = *column.stats;
        const bool numeric = column.type == ColumnType::Numeric;
        table.addRow({column.name, toString(column.type), std::to_string(stats.missing), distinctText(stats),
                      numeric ? ConsoleTable::number(stats.min, 4) : "",
                      numeric ? ConsoleTable::number(stats.max, 4) : "",
                      numeric ? ConsoleTable::number(stats.mean, 4) : "", variable.format, variable.label});
    }
    table.print(out);
}

} // namespace

int commandInspect(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the columns of a CSV, SAS (.sas7bdat, .xpt), Stata or SPSS file."));
    addCsvOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("data"),
        QStringLiteral("The data file (CSV, or SAS, Stata or SPSS, recognised by its content)."));
    bool help = false;
    parseOrThrow(parser, arguments, "inspect", out, help);
    if (help)
        return 0;
    // The file, or with --db (and no file) the database's table or query.
    const bool fromDatabase = databaseOutput(parser, "inspect") != nullptr;
    if (fromDatabase && !parser.positionalArguments().isEmpty())
        throw UsageError("creditmtl-cli inspect: give a file or --db, not both");
    if (!fromDatabase && parser.positionalArguments().size() != 1)
        throw UsageError("creditmtl-cli inspect: expected one CSV file, e.g. creditmtl-cli inspect loans.csv");
    DataFileReadResult read =
        readTable(fromDatabase ? dataArgument(parser, "data", "inspect") : parser.positionalArguments().front(),
                  csvOptions(parser));
    describeColumns(read.table);
    if (read.statFile) {
        printStatFile(read, out);
        return 0;
    }
    const CsvDialect &dialect = read.dialect;
    const char delimiter = dialect.delimiter;
    if (fromDatabase)
        out << read.table.source() << ": " << read.table.rowCount() << " rows, " << read.table.columnCount()
            << " columns\n";
    else
        out << read.table.source() << ": " << read.table.rowCount() << " rows, " << read.table.columnCount()
            << " columns; delimiter " << (delimiter == '\t' ? std::string("tab") : std::string(1, delimiter))
            << ", encoding " << dialect.encoding << (dialect.crlf ? ", CRLF" : "")
            << (dialect.crOnly ? ", old Mac line ends (CR)" : "")
            << (dialect.decimalSeparator == ',' ? ", decimal comma" : "") << "\n";
    if (!fromDatabase)
        out << "encoding: " << dialect.encoding << " (" << dialect.encodingReason << ")\n";
    if (!dialect.decimalReason.empty())
        out << "decimal comma: " << dialect.decimalReason << "\n";
    out << "\n";
    ConsoleTable table({"column", "type", "missing", "distinct", "min", "max", "mean"});
    for (const Column &column : read.table.columns()) {
        const ColumnStats &stats = *column.stats;
        const bool numeric = column.type == ColumnType::Numeric;
        table.addRow({column.name, toString(column.type), std::to_string(stats.missing), distinctText(stats),
                      numeric ? ConsoleTable::number(stats.min, 4) : "",
                      numeric ? ConsoleTable::number(stats.max, 4) : "",
                      numeric ? ConsoleTable::number(stats.mean, 4) : ""});
    }
    table.print(out);
    return 0;
}

} // namespace cmtl
