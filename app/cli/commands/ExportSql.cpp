#include "ExportSql.h"

#include "CliSupport.h"
#include "common/Error.h"
#include "export/SqlExport.h"
#include "io/AtomicFile.h"

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

void exportSqlFromCommandLine(const QCommandLineParser &parser, const MultiTaskModel &model, std::ostream &out)
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
    std::string sql;
    try {
        sql = exportSql(model, options);
    } catch (const ConfigError &error) {
        // Say which model could not be exported.
        throw ConfigError(str(parser.value(QStringLiteral("model"))) + ": " + error.what());
    }
    const QString path = parser.value(QStringLiteral("sql"));
    writeFileAtomically(str(path), QByteArray::fromStdString(sql));
    out << "Wrote the " << toString(options.dialect) << " scoring query (" << sql.size() << " bytes, "
        << model.network().parameterCount() << " weights) to " << str(path) << '\n';
}

} // namespace cmtl
