#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"

namespace cmtl {

int commandInspect(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show the columns of a CSV file."));
    addCsvOptions(parser);
    parser.addPositionalArgument(QStringLiteral("data"), QStringLiteral("The CSV file."));
    bool help = false;
    parseOrThrow(parser, arguments, "inspect", out, help);
    if (help)
        return 0;
    if (parser.positionalArguments().size() != 1)
        throw UsageError("creditmtl-cli inspect: expected one CSV file, e.g. creditmtl-cli inspect loans.csv");
    CsvReadResult read = readTable(parser.positionalArguments().front(), csvOptions(parser));
    describeColumns(read.table);
    const CsvDialect &dialect = read.dialect;
    const char delimiter = dialect.delimiter;
    out << read.table.source() << ": " << read.table.rowCount() << " rows, " << read.table.columnCount()
        << " columns; delimiter " << (delimiter == '\t' ? std::string("tab") : std::string(1, delimiter))
        << ", encoding " << dialect.encoding << (dialect.crlf ? ", CRLF" : "")
        << (dialect.crOnly ? ", old Mac line ends (CR)" : "")
        << (dialect.decimalSeparator == ',' ? ", decimal comma" : "") << "\n";
    out << "encoding: " << dialect.encoding << " (" << dialect.encodingReason << ")\n";
    if (!dialect.decimalReason.empty())
        out << "decimal comma: " << dialect.decimalReason << "\n";
    out << "\n";
    ConsoleTable table({"column", "type", "missing", "distinct", "min", "max", "mean"});
    for (const Column &column : read.table.columns()) {
        const ColumnStats &stats = *column.stats;
        const bool numeric = column.type == ColumnType::Numeric;
        table.addRow({column.name, toString(column.type), std::to_string(stats.missing), std::to_string(stats.distinct),
                      numeric ? ConsoleTable::number(stats.min, 4) : "",
                      numeric ? ConsoleTable::number(stats.max, 4) : "",
                      numeric ? ConsoleTable::number(stats.mean, 4) : ""});
    }
    table.print(out);
    return 0;
}

} // namespace cmtl
