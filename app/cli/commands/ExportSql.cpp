#include "ExportSql.h"

#include "CliSupport.h"
#include "common/Error.h"
#include "export/SqlExport.h"
#include "io/AtomicFile.h"

#include <functional>

namespace cmtl {

void addSqlExportOptions(QCommandLineParser &parser)
{
    parser.addOption(option("sql", "Write the model as one SQL SELECT that scores a table.", "file"));
    parser.addOption(option("dialect", "The SQL dialect: sqlite or postgresql (default sqlite).", "name"));
    parser.addOption(
        option("sql-table", "The table the query reads, holding the model's input columns (default data).", "name"));
    parser.addOption(option("keep",
                            "A column of the table returned first, as it is, such as an ID (repeatable, or a "
                            "comma-separated list).",
                            "column"));
}

bool wantsSqlExport(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("sql")))
        return true;
    for (const char *name : {"dialect", "sql-table", "keep"}) {
        if (parser.isSet(QString::fromLatin1(name)))
            throw UsageError(std::string("export: --") + name +
                             " applies to the SQL export; add --sql FILE to say where to write the query");
    }
    return false;
}

namespace {

SqlExportOptions sqlOptionsOf(const QCommandLineParser &parser)
{
    SqlExportOptions options;
    if (parser.isSet(QStringLiteral("dialect"))) {
        try {
            options.dialect = sqlDialectFromString(str(parser.value(QStringLiteral("dialect"))));
        } catch (const ConfigError &error) {
            throw UsageError(std::string("export: --dialect: ") + error.what());
        }
    }
    if (parser.isSet(QStringLiteral("sql-table")))
        options.table = str(parser.value(QStringLiteral("sql-table")));
    for (const QString &given : parser.values(QStringLiteral("keep"))) {
        for (const QString &column : given.split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.keep.push_back(str(column.trimmed()));
    }
    return options;
}

// Writes `sql`, naming the input (--model or --scorecard) in a refusal of its export.
void writeSql(const QCommandLineParser &parser, const char *input, const std::function<std::string()> &make,
              const SqlExportOptions &options, const std::string &what, std::ostream &out)
{
    std::string sql;
    try {
        sql = make();
    } catch (const ConfigError &error) {
        throw ConfigError(str(parser.value(QString::fromLatin1(input))) + ": " + error.what());
    }
    const QString path = parser.value(QStringLiteral("sql"));
    writeFileAtomically(str(path), QByteArray::fromStdString(sql));
    out << "Wrote the " << toString(options.dialect) << " " << what << " (" << sql.size() << " bytes"
        << ") to " << str(path) << '\n';
}

} // namespace

void exportSqlFromCommandLine(const QCommandLineParser &parser, const MultiTaskModel &model, std::ostream &out)
{
    const SqlExportOptions options = sqlOptionsOf(parser);
    writeSql(
        parser, "model", [&] { return exportSql(model, options); }, options,
        "scoring query of " + std::to_string(model.network().parameterCount()) + " weights", out);
}

void exportScorecardSqlFromCommandLine(const QCommandLineParser &parser, const Scorecard &card, std::ostream &out)
{
    const SqlExportOptions options = sqlOptionsOf(parser);
    writeSql(
        parser, "scorecard", [&] { return exportScorecardSql(card, options); }, options,
        "scorecard query of " + std::to_string(card.features.size()) + " features", out);
}

} // namespace cmtl
