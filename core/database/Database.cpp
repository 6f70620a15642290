#include "database/Database.h"

#include "common/Error.h"
#include "data/ColumnCells.h"

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTime>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

namespace cmtl {

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

QString qstr(const std::string &text)
{
    return QString::fromStdString(text);
}

const char *const kUrlForms = "sqlite:/path/to/file.db, postgresql://user@host:5432/dbname or odbc:DSN";

[[noreturn]] void refuseUrl(const std::string &url, const std::string &problem)
{
    throw ConfigError("database URL \"" + url + "\": " + problem + " (expected " + kUrlForms + ")");
}

[[noreturn]] void refusePasswordInUrl(const std::string &shown)
{
    throw ConfigError("the database URL \"" + shown +
                      "\" holds a password: a password on the command line is visible to every user of the "
                      "machine (ps) and stays in the shell's history. Remove it from the URL and set the "
                      "environment variable " +
                      std::string(kDatabasePasswordVariable) + " instead, or run on a terminal to be asked for it");
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

std::string DatabaseConnection::url() const
{
    switch (kind) {
    case DatabaseKind::Sqlite:
        return "sqlite:" + database;
    case DatabaseKind::Odbc:
        return "odbc:" + database;
    case DatabaseKind::PostgreSql: {
        std::string text = "postgresql://";
        if (!user.empty())
            text += str(QString::fromUtf8(QUrl::toPercentEncoding(qstr(user)))) + "@";
        text += str(QString::fromUtf8(QUrl::toPercentEncoding(qstr(host))));
        if (port >= 0)
            text += ":" + std::to_string(port);
        return text + "/" + str(QString::fromUtf8(QUrl::toPercentEncoding(qstr(database))));
    }
    }
    return {};
}

const char *DatabaseConnection::qtDriver() const
{
    switch (kind) {
    case DatabaseKind::Sqlite:
        return "QSQLITE";
    case DatabaseKind::PostgreSql:
        return "QPSQL";
    case DatabaseKind::Odbc:
        return "QODBC";
    }
    return "";
}

DatabaseConnection parseDatabaseUrl(const std::string &url)
{
    DatabaseConnection connection;
    const std::size_t colon = url.find(':');
    if (colon == std::string::npos || colon == 0)
        refuseUrl(url, "no scheme (sqlite:, postgresql:// or odbc:) before the first ':'");
    const std::string scheme = lower(url.substr(0, colon));
    const std::string rest = url.substr(colon + 1);
    if (scheme == "sqlite") {
        // sqlite:/abs/path, sqlite:relative/path, and sqlite:///abs/path as in SQLAlchemy.
        std::string path = rest.rfind("///", 0) == 0 ? rest.substr(2) : rest;
        if (path.rfind("//", 0) == 0)
            refuseUrl(url, "a SQLite database is a file: write sqlite:/absolute/path.db or sqlite:relative.db");
        if (path.empty())
            refuseUrl(url, "no database file after sqlite:");
        connection.kind = DatabaseKind::Sqlite;
        connection.database = path;
        return connection;
    }
    if (scheme == "odbc") {
        if (rest.empty())
            refuseUrl(url, "no data source name after odbc:");
        const std::string lowered = lower(rest);
        for (const char *key : {"pwd=", "password="}) {
            const std::size_t at = lowered.find(key);
            if (at != std::string::npos && (at == 0 || lowered[at - 1] == ';'))
                refusePasswordInUrl("odbc:" + rest.substr(0, at) + key + "...");
        }
        connection.kind = DatabaseKind::Odbc;
        connection.database = rest;
        return connection;
    }
    if (scheme != "postgresql" && scheme != "postgres")
        refuseUrl(url, "unknown scheme \"" + scheme + "\"");
    if (rest.rfind("//", 0) != 0)
        refuseUrl(url, "a PostgreSQL URL starts with postgresql:// followed by [user@]host[:port]/dbname");
    // Read by hand rather than by QUrl, which refuses a %2F-encoded socket folder as a host.
    const std::string afterSlashes = rest.substr(2);
    if (afterSlashes.find_first_of("?#") != std::string::npos)
        refuseUrl(url, "options after '?' or '#' are not read; remove them");
    const std::size_t slash = afterSlashes.find('/');
    if (slash == std::string::npos || slash + 1 == afterSlashes.size())
        refuseUrl(url, "no database name after the host (postgresql://host/dbname)");
    const std::string authority = afterSlashes.substr(0, slash);
    const auto decoded = [](const std::string &text) {
        return str(QUrl::fromPercentEncoding(QByteArray::fromStdString(text)));
    };
    const std::string database = decoded(afterSlashes.substr(slash + 1));
    if (database.find('/') != std::string::npos)
        refuseUrl(url, "the database name cannot hold '/' (postgresql://host/dbname)");
    const std::size_t at = authority.rfind('@');
    std::string hostPort = authority;
    if (at != std::string::npos) {
        const std::string userInfo = authority.substr(0, at);
        if (userInfo.find(':') != std::string::npos)
            refusePasswordInUrl(scheme + "://" + userInfo.substr(0, userInfo.find(':')) + ":...@" +
                                authority.substr(at + 1) + "/" + database);
        connection.user = decoded(userInfo);
        hostPort = authority.substr(at + 1);
    }
    // [::1]:5432, host:5432 or host.
    std::size_t portColon = std::string::npos;
    if (!hostPort.empty() && hostPort.front() == '[') {
        const std::size_t close = hostPort.find(']');
        if (close == std::string::npos)
            refuseUrl(url, "an IPv6 address without its closing ']'");
        connection.host = hostPort.substr(1, close - 1);
        if (close + 1 < hostPort.size()) {
            if (hostPort[close + 1] != ':')
                refuseUrl(url, "unexpected text after the IPv6 address");
            portColon = close + 1;
        }
    } else {
        portColon = hostPort.rfind(':');
        connection.host = decoded(hostPort.substr(0, portColon));
    }
    if (portColon != std::string::npos) {
        const std::string portText = hostPort.substr(portColon + 1);
        int port = -1;
        const auto parsed = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (portText.empty() || parsed.ec != std::errc() || parsed.ptr != portText.data() + portText.size() ||
            port < 1 || port > 65535)
            refuseUrl(url, "the port \"" + portText + "\" is not a number from 1 to 65535");
        connection.port = port;
    }
    connection.kind = DatabaseKind::PostgreSql;
    if (connection.host.empty())
        refuseUrl(url, "no host: write postgresql://localhost/" + database + " for this machine");
    connection.database = database;
    return connection;
}

std::string DatabaseSource::describe() const
{
    if (!table.empty())
        return connection.url() + ", table " + table;
    std::string shown = query;
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    if (shown.size() > 80)
        shown = shown.substr(0, 77) + "...";
    return connection.url() + ", query \"" + shown + "\"";
}

namespace {

const char *const kTableMark = "#table=";
const char *const kQueryMark = "#query=";

} // namespace

std::string databaseSourceLocator(const DatabaseSource &source)
{
    const bool isTable = !source.table.empty();
    const QByteArray encoded = QUrl::toPercentEncoding(qstr(isTable ? source.table : source.query));
    return source.connection.url() + (isTable ? kTableMark : kQueryMark) + encoded.toStdString();
}

bool isDatabaseSourceLocator(const std::string &text)
{
    const std::string lowered = lower(text.substr(0, 14));
    const bool databaseScheme = lowered.rfind("sqlite:", 0) == 0 || lowered.rfind("odbc:", 0) == 0 ||
                                lowered.rfind("postgresql://", 0) == 0 || lowered.rfind("postgres://", 0) == 0;
    const std::size_t mark = text.rfind('#');
    return databaseScheme && mark != std::string::npos &&
           (text.compare(mark, 7, kTableMark) == 0 || text.compare(mark, 7, kQueryMark) == 0);
}

DatabaseSource parseDatabaseSourceLocator(const std::string &locator)
{
    // The name or query after the mark is percent-encoded, so the last '#' is the mark's.
    const std::size_t mark = locator.rfind('#');
    if (!isDatabaseSourceLocator(locator))
        throw ConfigError("\"" + locator +
                          "\" is not a database source: expected a database URL followed by #table=NAME or "
                          "#query=SQL, e.g. sqlite:/data/loans.db#table=loans");
    DatabaseSource source;
    source.connection = parseDatabaseUrl(locator.substr(0, mark));
    const std::string value = str(QUrl::fromPercentEncoding(QByteArray::fromStdString(locator.substr(mark + 7))));
    if (value.empty())
        throw ConfigError("the database source \"" + locator + "\" names no table or query after '='");
    (locator.compare(mark, 7, kTableMark) == 0 ? source.table : source.query) = value;
    return source;
}

namespace {

// A connection of its own (Qt's connections belong to one thread), removed when done.
class OpenConnection {
public:
    OpenConnection(const DatabaseConnection &connection, const std::string &password, bool readOnly)
        : m_name(QStringLiteral("creditmtl-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
          m_url(connection.url())
    {
        if (!QSqlDatabase::isDriverAvailable(QString::fromLatin1(connection.qtDriver())))
            throw DataError({m_url, 0, ""},
                            std::string("the Qt SQL driver ") + connection.qtDriver() +
                                " is not installed (Debian: libqt6sql6-" +
                                (connection.kind == DatabaseKind::Sqlite       ? "sqlite"
                                 : connection.kind == DatabaseKind::PostgreSql ? "psql"
                                                                               : "odbc") +
                                "); the drivers there are: " + str(QSqlDatabase::drivers().join(QStringLiteral(", "))));
        // SQLite creates a missing file on open: a mistyped path would read as an empty database.
        if (connection.kind == DatabaseKind::Sqlite && !QFileInfo(qstr(connection.database)).isFile())
            throw DataError({connection.database, 0, ""},
                            "no SQLite database file there (" +
                                std::string(QFileInfo::exists(qstr(connection.database)) ? "it is not a file"
                                                                                         : "it does not exist") +
                                "); check the path after sqlite:");
        m_database = QSqlDatabase::addDatabase(QString::fromLatin1(connection.qtDriver()), m_name);
        m_database.setDatabaseName(qstr(connection.database));
        if (connection.kind == DatabaseKind::PostgreSql) {
            m_database.setHostName(qstr(connection.host));
            if (connection.port >= 0)
                m_database.setPort(connection.port);
            m_database.setUserName(qstr(connection.user));
            // Reading runs in read-only transactions: a --query "DELETE ..." is refused by the server.
            m_database.setConnectOptions(
                readOnly ? QStringLiteral("connect_timeout=10;options=-cdefault_transaction_read_only=on")
                         : QStringLiteral("connect_timeout=10"));
        }
        if (connection.kind == DatabaseKind::Sqlite && readOnly)
            m_database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!password.empty())
            m_database.setPassword(qstr(password));
        if (!m_database.open()) {
            std::string problem = "cannot connect: " + str(m_database.lastError().text().trimmed());
            const bool aboutPassword = m_database.lastError().text().contains(QStringLiteral("password"));
            if (connection.kind == DatabaseKind::PostgreSql && password.empty() && aboutPassword)
                problem += "; set the password in the environment variable " + std::string(kDatabasePasswordVariable) +
                           " (or run on a terminal to be asked for it)";
            else if (!password.empty() && aboutPassword)
                problem += "; the server refused the password given for this user: check the user name and the "
                           "password";
            else
                problem += "; check that the server runs and the URL's host, port, user and database";
            close();
            throw DataError({m_url, 0, ""}, problem);
        }
    }

    ~OpenConnection() { close(); }
    OpenConnection(const OpenConnection &) = delete;
    OpenConnection &operator=(const OpenConnection &) = delete;

    QSqlDatabase &database() { return m_database; }
    const std::string &url() const { return m_url; }

    // Whether `table` exists (as the driver lists tables, views and system tables), and the user's
    // tables and views for messages.
    bool hasTable(const std::string &table, std::vector<std::string> &tables)
    {
        tables = userTables();
        return m_database.tables(QSql::AllTables).contains(qstr(table));
    }

    // The tables and views, sorted, without the system's (sqlite_master, PostgreSQL's catalogue).
    std::vector<std::string> userTables()
    {
        std::vector<std::string> tables;
        for (const QString &name : m_database.tables(QSql::Tables) + m_database.tables(QSql::Views))
            tables.push_back(str(name));
        std::sort(tables.begin(), tables.end());
        return tables;
    }

private:
    void close()
    {
        if (m_name.isEmpty())
            return;
        if (m_database.isOpen())
            m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }

    QString m_name;
    std::string m_url;
    QSqlDatabase m_database;
};

std::string tableList(const std::vector<std::string> &tables)
{
    return tables.empty() ? std::string("it has none") : "its tables are: " + listColumnNames(tables);
}

// How the cells of a column are read, from the type the driver gives it.
enum class CellKind { Number, Boolean, Date, DateTime, Time, Text };

std::optional<CellKind> cellKindOf(const QMetaType &type)
{
    switch (type.id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Double:
    case QMetaType::Float:
        return CellKind::Number;
    case QMetaType::Bool:
        return CellKind::Boolean;
    case QMetaType::QDate:
        return CellKind::Date;
    case QMetaType::QDateTime:
        return CellKind::DateTime;
    case QMetaType::QTime:
        return CellKind::Time;
    case QMetaType::QString:
    case QMetaType::QChar:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::UnknownType: // SQLite: an expression, whose cells have their own types
        return CellKind::Text;
    default:
        return std::nullopt;
    }
}

const char *meaningOf(CellKind kind)
{
    switch (kind) {
    case CellKind::Number:
        return "numbers";
    case CellKind::Boolean:
        return "0/1 (false/true)";
    case CellKind::Date:
        return "days since 1970-01-01";
    case CellKind::DateTime:
        return "seconds since 1970-01-01 00:00:00 UTC";
    case CellKind::Time:
        return "seconds since midnight";
    case CellKind::Text:
        return "text";
    }
    return "";
}

// One column being filled from the rows as they arrive.
class ColumnFiller {
public:
    // `firstRow`: the index in the whole result of the first row added (a rank's part), for messages.
    ColumnFiller(Column &column, CellKind kind, const CsvOptions &options, const ColumnChoices &choices,
                 const std::string &sourceName, std::size_t firstRow)
        : m_column(column), m_kind(kind), m_sourceName(sourceName), m_missingTokens(options.missingTokens),
          m_firstRow(firstRow)
    {
        if (const auto given = options.columnMissingValues.find(column.name);
            given != options.columnMissingValues.end()) {
            for (const std::string &value : given->second) {
                m_missingTexts.insert(trimmedCell(value));
                if (const std::optional<double> number = parseNumberCell(trimmedCell(value)))
                    m_missingNumbers.insert(*number);
            }
        }
        m_forcedCategorical = choices.categorical.count(column.name) > 0;
        m_forcedNumeric = choices.numeric.count(column.name) > 0;
        if (m_forcedCategorical || (kind == CellKind::Text && !m_forcedNumeric))
            m_text.emplace(column, 0);
        else
            m_numbers.emplace(column, sourceName);
    }

    void add(const QVariant &value, std::size_t row)
    {
        if (value.isNull()) {
            addMissing();
            return;
        }
        const int type = value.metaType().id();
        if (type == QMetaType::QByteArray)
            throw DataError({m_sourceName, 0, m_column.name},
                            "row " + std::to_string(row + 1) +
                                ": binary data (a BLOB), which CreditMTL cannot read; leave the column out of the "
                                "query or convert it there (CAST(... AS TEXT))");
        if (type == QMetaType::QString || m_kind == CellKind::Text) {
            // A text cell (in SQLite any column may hold one), read as a CSV cell is.
            std::string cell =
                value.metaType().id() == QMetaType::QString ? trimmedCell(str(value.toString())) : numberText(value);
            if (isMissingText(cell))
                addMissing();
            else if (m_text)
                m_text->add(std::move(cell));
            else if (m_kind == CellKind::Text)
                m_numbers->addText(cell, row);
            else
                numberCellAsText(cell, row);
            return;
        }
        const double number = toNumber(value, row);
        if (m_text) {
            std::string cell = shortestNumberText(number);
            if (isMissingText(cell))
                addMissing();
            else
                m_text->add(std::move(cell));
        } else if (std::isnan(number) || m_missingNumbers.count(number) > 0) {
            m_numbers->addMissing();
        } else {
            m_numbers->add(number, row);
        }
    }

    // A text column whose every non-missing cell is a number becomes numeric, as in a CSV file.
    std::optional<CsvWarning> finish()
    {
        if (m_numbers)
            return m_numbers->precisionWarning();
        if (m_kind != CellKind::Text || m_forcedCategorical)
            return std::nullopt;
        std::vector<double> levelValues;
        levelValues.reserve(m_column.levels.size());
        for (const std::string &level : m_column.levels) {
            const std::optional<double> number = parseNumberCell(level);
            if (!number || std::isinf(*number))
                return std::nullopt;
            levelValues.push_back(*number);
        }
        std::vector<std::int32_t> codes = std::move(m_column.codes);
        m_text.reset();
        m_column.codes = {};
        m_column.levels = {};
        m_column.values.reserve(codes.size());
        NumericCells cells(m_column, m_sourceName);
        for (std::size_t row = 0; row < codes.size(); ++row) {
            const std::int32_t code = codes[row];
            if (code == Column::kMissingCode || m_missingNumbers.count(levelValues[code]) > 0)
                cells.addMissing();
            else
                cells.add(levelValues[code], m_firstRow + row);
        }
        return cells.precisionWarning();
    }

    bool readAsText() const { return m_column.type == ColumnType::Categorical; }

private:
    void addMissing()
    {
        if (m_text)
            m_text->addMissing();
        else
            m_numbers->addMissing();
    }

    bool isMissingText(const std::string &cell) const
    {
        return cell.empty() ||
               std::find(m_missingTokens.begin(), m_missingTokens.end(), cell) != m_missingTokens.end() ||
               m_missingTexts.count(cell) > 0;
    }

    // A text cell in a column the database declares numeric (SQLite lets any column hold text).
    void numberCellAsText(const std::string &cell, std::size_t row)
    {
        const std::optional<double> number = parseNumberCell(cell);
        if (!number)
            throw DataError({m_sourceName, 0, m_column.name},
                            "row " + std::to_string(row + 1) + ": \"" + cell +
                                "\" is not a number, though the database declares the column numeric; declare it "
                                "missing (--missing-values " +
                                m_column.name + "=" + cell + ") or read the column as text (--column-type " +
                                m_column.name + "=categorical)");
        if (std::isnan(*number) || m_missingNumbers.count(*number) > 0)
            m_numbers->addMissing();
        else
            m_numbers->add(*number, row);
    }

    std::string numberText(const QVariant &value) const
    {
        const int type = value.metaType().id();
        if (type == QMetaType::LongLong || type == QMetaType::Int)
            return std::to_string(value.toLongLong());
        if (type == QMetaType::Double || type == QMetaType::Float)
            return shortestNumberText(value.toDouble());
        return trimmedCell(str(value.toString()));
    }

    double toNumber(const QVariant &value, std::size_t row) const
    {
        switch (m_kind) {
        case CellKind::Boolean:
            return value.toBool() ? 1.0 : 0.0;
        case CellKind::Date:
            return static_cast<double>(QDate(1970, 1, 1).daysTo(value.toDate()));
        case CellKind::DateTime:
            return static_cast<double>(value.toDateTime().toMSecsSinceEpoch()) / 1000.0;
        case CellKind::Time:
            return static_cast<double>(QTime(0, 0).msecsTo(value.toTime())) / 1000.0;
        case CellKind::Number:
        case CellKind::Text:
            break;
        }
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok)
            throw DataError({m_sourceName, 0, m_column.name},
                            "row " + std::to_string(row + 1) + ": a value of type " + value.metaType().name() +
                                " that is not a number; convert the column in the query");
        return number;
    }

    Column &m_column;
    CellKind m_kind;
    const std::string &m_sourceName;
    const std::vector<std::string> &m_missingTokens;
    std::size_t m_firstRow = 0;
    std::set<std::string> m_missingTexts;
    std::set<double> m_missingNumbers;
    bool m_forcedCategorical = false;
    bool m_forcedNumeric = false;
    std::optional<NumericCells> m_numbers;
    std::optional<CategoricalCells> m_text;
};

// The SQL of the source: its query, or SELECT * of its table (which must exist).
QString sourceSql(OpenConnection &open, const DatabaseSource &source)
{
    if (source.table.empty() == source.query.empty())
        throw ConfigError("give a table (--table NAME) or a query (--query \"SELECT ...\"), one of them");
    if (source.table.empty())
        return qstr(source.query);
    std::vector<std::string> tables;
    if (!open.hasTable(source.table, tables))
        throw DataError({open.url(), 0, ""},
                        "no table or view named \"" + source.table + "\" in the database; " + tableList(tables));
    return QStringLiteral("SELECT * FROM ") +
           open.database().driver()->escapeIdentifier(qstr(source.table), QSqlDriver::TableName);
}

// Runs `sql` for the source forward-only: the rows are read once, in order, so the drivers need
// not keep them (PostgreSQL's fetches row by row) and memory beyond the table stays bounded.
QSqlQuery executeSql(OpenConnection &open, const DatabaseSource &source, const QString &sql)
{
    QSqlQuery query(open.database());
    query.setForwardOnly(true);
    query.setNumericalPrecisionPolicy(QSql::LowPrecisionDouble);
    if (!query.exec(sql))
        throw DataError({source.describe(), 0, ""}, "the database refused the " +
                                                        std::string(source.table.empty() ? "query" : "table's query") +
                                                        ": " + str(query.lastError().text().trimmed()));
    if (!query.isSelect())
        throw DataError({source.describe(), 0, ""}, "the query gives no rows to read (it is not a SELECT)");
    return query;
}

// The refusal when the database stops sending a query's rows after `rows` of them.
DataError stoppedSendingRows(const std::string &sourceName, std::size_t rows, const QSqlQuery &query)
{
    return DataError({sourceName, 0, ""}, "the database stopped sending rows after row " + withThousands(rows) + ": " +
                                              str(query.lastError().text().trimmed()));
}

QSqlQuery executeSource(OpenConnection &open, const DatabaseSource &source)
{
    return executeSql(open, source, sourceSql(open, source));
}

// An order-sensitive hash (FNV-1a, 64 bits) of the cells of the rows fetched, as the driver gives
// them: two readers agree on it only when they fetched the same rows in the same order.
class RowHash {
public:
    void add(const QVariant &value)
    {
        const int type = value.metaType().id();
        mix(&type, sizeof type);
        const bool null = value.isNull();
        mix(&null, sizeof null);
        if (null)
            return;
        switch (type) {
        case QMetaType::QString: {
            const QString text = value.toString();
            mix(text.constData(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
            break;
        }
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::Long: {
            const qlonglong number = value.toLongLong();
            mix(&number, sizeof number);
            break;
        }
        case QMetaType::Double:
        case QMetaType::Float: {
            const double number = value.toDouble();
            mix(&number, sizeof number);
            break;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            mix(text.constData(), static_cast<std::size_t>(text.size()));
            const QByteArray bytes = type == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
            mix(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        }
        }
    }
    std::uint64_t value() const { return m_hash; }

private:
    void mix(const void *data, std::size_t size)
    {
        const auto *bytes = static_cast<const unsigned char *>(data);
        for (std::size_t i = 0; i < size; ++i)
            m_hash = (m_hash ^ bytes[i]) * 1099511628211ULL;
    }
    std::uint64_t m_hash = 14695981039346656037ULL;
};

} // namespace

std::vector<std::string> databaseColumnNames(const DatabaseSource &source)
{
    OpenConnection open(source.connection, source.password, true);
    std::vector<std::string> names;
    {
        QSqlQuery query = executeSource(open, source);
        const QSqlRecord record = query.record();
        for (int i = 0; i < record.count(); ++i)
            names.push_back(str(record.fieldName(i)));
    }
    return names;
}

namespace {

// readDatabase, or with `window` the rows [first, first + count) of the result (the rows before
// them fetched, hashed and dropped; the rows after them not fetched), with the hashes of the rows
// before and through the window.
DatabaseReadResult readRows(const DatabaseSource &source, const CsvOptions &options, const CancellationToken *cancel,
                            const std::function<void(std::size_t)> &progress, DatabasePartRead *window)
{
    const std::string sourceName = source.describe();
    OpenConnection open(source.connection, source.password, true);
    if (source.connection.kind == DatabaseKind::PostgreSql) {
        // Every reading gives the rows in the same order, that of a plain scan: not from where
        // another reader's scan of the same table has reached, nor interleaved by parallel
        // workers. The ranks of a data-parallel run each read their part so (they must agree on
        // the order), and one process reads as they do: the same query gives the same table.
        QSqlQuery settings(open.database());
        for (const QString &sql : {QStringLiteral("SET synchronize_seqscans = off"),
                                   QStringLiteral("SET max_parallel_workers_per_gather = 0")}) {
            if (!settings.exec(sql))
                throw DataError({sourceName, 0, ""}, "the database refused \"" + str(sql) +
                                                         "\": " + str(settings.lastError().text().trimmed()));
        }
    }
    const std::size_t first = window ? window->first : 0;
    const std::size_t keep =
        window ? window->count : (source.maxRows == 0 ? std::numeric_limits<std::size_t>::max() : source.maxRows);
    DatabaseReadResult result;
    std::vector<Column> columns;
    {
        QSqlQuery query = executeSource(open, source);
        const QSqlRecord record = query.record();
        std::vector<std::string> names;
        std::vector<CellKind> kinds;
        std::unordered_map<std::string, int> positionOf;
        for (int i = 0; i < record.count(); ++i) {
            const QSqlField field = record.field(i);
            const std::string name = str(field.name());
            if (const auto [at, added] = positionOf.emplace(name, i); !added)
                throw DataError({sourceName, 0, name},
                                "columns " + std::to_string(at->second + 1) + " and " + std::to_string(i + 1) +
                                    " have the same name; columns are chosen by name, so give one of them "
                                    "another in the query (SELECT a.x, b.x AS x_b ...)");
            const std::optional<CellKind> kind = cellKindOf(field.metaType());
            if (!kind)
                throw DataError({sourceName, 0, name},
                                std::string("the column's database type (") +
                                    (field.metaType().name() ? field.metaType().name() : "unknown") +
                                    ") is not one CreditMTL reads (numbers, text, booleans, dates); leave it out "
                                    "of the query or convert it there (CAST(" +
                                    name + " AS TEXT))");
            names.push_back(name);
            kinds.push_back(*kind);
            result.columns.push_back(
                {name, field.metaType().name() ? field.metaType().name() : "unknown", meaningOf(*kind)});
        }
        const ColumnChoices choices(options);
        checkNamedColumnsExist(options, choices, names, sourceName, "the query");

        // Sized once: the fillers hold references to the columns.
        columns.resize(names.size());
        std::vector<ColumnFiller> fillers;
        fillers.reserve(names.size());
        for (std::size_t i = 0; i < names.size(); ++i) {
            columns[i].name = names[i];
            fillers.emplace_back(columns[i], kinds[i], options, choices, sourceName, first);
        }
        RowHash hash;
        std::size_t fetched = 0;
        for (; fetched < first && query.next(); ++fetched) {
            for (int i = 0; i < record.count(); ++i)
                hash.add(query.value(i));
            if ((fetched + 1) % kDatabaseBatchRows == 0 && cancel && cancel->isCancelled())
                throw Cancelled();
        }
        if (window)
            window->hashBefore = hash.value();
        std::size_t rows = 0;
        while (rows < keep && query.next()) {
            for (std::size_t i = 0; i < fillers.size(); ++i) {
                const QVariant value = query.value(static_cast<int>(i));
                if (window)
                    hash.add(value);
                fillers[i].add(value, first + rows);
            }
            if (++rows % kDatabaseBatchRows == 0) {
                if (cancel && cancel->isCancelled())
                    throw Cancelled();
                if (progress)
                    progress(rows);
            }
        }
        if (query.lastError().isValid())
            throw stoppedSendingRows(sourceName, fetched + rows, query);
        if (window) {
            window->hashThrough = hash.value();
            window->fetched = fetched + rows;
            // Whether the result holds a row after the window: the last rank's check that it is whole.
            window->rowsAfter = rows == keep && query.next();
        }
        if (rows == 0 && !window)
            throw DataError({sourceName, 0, ""}, "the " +
                                                     std::string(source.table.empty() ? "query gives" : "table holds") +
                                                     " no rows; expected at least one");
        for (std::size_t i = 0; i < fillers.size(); ++i) {
            if (std::optional<CsvWarning> warning = fillers[i].finish())
                result.warnings.push_back(std::move(*warning));
            const CellKind kind = kinds[i];
            if (kind == CellKind::Text)
                result.columns[i].readAs = fillers[i].readAsText() ? "text" : "numbers (written as text)";
            else if (fillers[i].readAsText())
                result.columns[i].readAs = "text (--column-type)";
            if (kind != CellKind::Number && kind != CellKind::Text && !fillers[i].readAsText())
                result.notes.push_back(sourceName + ", column \"" + names[i] +
                                       "\": " + (kind == CellKind::Boolean ? "booleans" : "dates or times") + " (" +
                                       result.columns[i].databaseType + ") are read as numbers: " + meaningOf(kind));
        }
        if (progress)
            progress(rows);
    }
    result.table = Table(sourceName, std::move(columns));
    if (first > 0) {
        SourceLines places(SourceLines::Unit::DataRow);
        places.addStep(0, static_cast<std::int64_t>(first) + 1);
        result.table.setSourceLines(std::move(places));
    }
    return result;
}

} // namespace

DatabaseReadResult readDatabase(const DatabaseSource &source, const CsvOptions &options,
                                const CancellationToken *cancel, const std::function<void(std::size_t)> &progress)
{
    return readRows(source, options, cancel, progress, nullptr);
}

DatabasePartRead readDatabaseRows(const DatabaseSource &source, const CsvOptions &options, std::size_t first,
                                  std::size_t count, const CancellationToken *cancel)
{
    DatabasePartRead part;
    part.first = first;
    part.count = count;
    part.read = readRows(source, options, cancel, {}, &part);
    return part;
}

std::size_t countDatabaseRows(const DatabaseSource &source, const CancellationToken *cancel)
{
    OpenConnection open(source.connection, source.password, true);
    QString sql = sourceSql(open, source);
    if (!source.query.empty()) {
        sql = sql.trimmed();
        while (sql.endsWith(QLatin1Char(';')))
            sql = sql.chopped(1).trimmed();
    }
    {
        // The query on lines of its own: a comment ending it ends there.
        QSqlQuery count(open.database());
        count.setForwardOnly(true);
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM (\n") + sql + QStringLiteral("\n) AS counted")) &&
            count.next())
            return static_cast<std::size_t>(count.value(0).toLongLong());
    }
    // A statement the database does not take as a subquery (SQLite's PRAGMA; SQL Server's ORDER BY
    // without TOP): its rows counted as they come.
    QSqlQuery rows = executeSql(open, source, sql);
    std::size_t counted = 0;
    while (rows.next()) {
        if (++counted % kDatabaseBatchRows == 0 && cancel && cancel->isCancelled())
            throw Cancelled();
    }
    if (rows.lastError().isValid())
        throw stoppedSendingRows(source.describe(), counted, rows);
    return counted;
}

void testDatabaseConnection(const DatabaseConnection &connection, const std::string &password)
{
    OpenConnection open(connection, password, true);
}

std::vector<std::string> databaseTables(const DatabaseConnection &connection, const std::string &password)
{
    OpenConnection open(connection, password, true);
    return open.userTables();
}

void writeDatabaseTable(const DatabaseConnection &connection, const std::string &password, const std::string &table,
                        const std::vector<OutputColumn> &columns, bool replace)
{
    if (table.empty())
        throw ConfigError("no name for the table to write");
    if (columns.empty())
        throw ConfigError("no columns to write to table \"" + table + "\"");
    OpenConnection open(connection, password, false);
    QSqlDatabase &database = open.database();
    QSqlDriver *driver = database.driver();
    const QString name = driver->escapeIdentifier(qstr(table), QSqlDriver::TableName);
    std::vector<std::string> tables;
    const bool exists = open.hasTable(table, tables);
    if (exists && !replace)
        throw DataError({open.url(), 0, ""}, "table \"" + table +
                                                 "\" already exists; give --replace-table to replace it, or "
                                                 "another name with --out-table");
    const bool textTyped = connection.kind == DatabaseKind::Odbc;
    const QString numberType =
        connection.kind == DatabaseKind::Sqlite ? QStringLiteral("REAL") : QStringLiteral("DOUBLE PRECISION");
    const QString textType = textTyped ? QStringLiteral("VARCHAR(4000)") : QStringLiteral("TEXT");
    QStringList definitions;
    QStringList placeholders;
    for (const OutputColumn &column : columns) {
        // Quoted here, as standard SQL: the PostgreSQL driver would read the dot of "Class.probability"
        // as a table's name before a column's.
        QString quotedName = qstr(column.name);
        quotedName.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        definitions << QLatin1Char('"') + quotedName + QStringLiteral("\" ") + (column.numeric ? numberType : textType);
        placeholders << QStringLiteral("?");
    }
    const std::size_t rows = columns.front().numeric ? columns.front().numbers.size() : columns.front().texts.size();

    if (!database.transaction())
        throw DataError({open.url(), 0, ""},
                        "cannot start a transaction: " + str(database.lastError().text().trimmed()));
    // Anything failing from here rolls back: the table is written whole or not at all.
    const auto fail = [&](const std::string &what, const QSqlQuery &query) {
        const std::string message = str(query.lastError().text().trimmed());
        database.rollback();
        throw DataError({open.url(), 0, ""},
                        "writing table \"" + table + "\" failed (" + what + "; nothing was written): " + message);
    };
    {
        QSqlQuery query(database);
        if (exists && !query.exec(QStringLiteral("DROP TABLE ") + name))
            fail("dropping the existing table", query);
        if (!query.exec(QStringLiteral("CREATE TABLE ") + name + QStringLiteral(" (") +
                        definitions.join(QStringLiteral(", ")) + QLatin1Char(')')))
            fail("creating it", query);
        if (!query.prepare(QStringLiteral("INSERT INTO ") + name + QStringLiteral(" VALUES (") +
                           placeholders.join(QStringLiteral(", ")) + QLatin1Char(')')))
            fail("preparing the insert", query);
        // In batches: one bound list per column, sent with execBatch.
        constexpr std::size_t kRowsPerBatch = 10000;
        for (std::size_t first = 0; first < rows; first += kRowsPerBatch) {
            const std::size_t last = std::min(rows, first + kRowsPerBatch);
            for (const OutputColumn &column : columns) {
                QVariantList values;
                values.reserve(static_cast<qsizetype>(last - first));
                for (std::size_t row = first; row < last; ++row) {
                    if (column.numeric)
                        values << (std::isnan(column.numbers[row]) ? QVariant(QMetaType::fromType<double>())
                                                                   : QVariant(column.numbers[row]));
                    else
                        values << (column.texts[row].empty() ? QVariant(QMetaType::fromType<QString>())
                                                             : QVariant(qstr(column.texts[row])));
                }
                query.addBindValue(values);
            }
            if (!query.execBatch())
                fail("inserting rows " + std::to_string(first + 1) + " to " + std::to_string(last), query);
        }
    }
    if (!database.commit()) {
        const std::string message = str(database.lastError().text().trimmed());
        database.rollback();
        throw DataError({open.url(), 0, ""}, "writing table \"" + table +
                                                 "\" failed at the commit (nothing was "
                                                 "written): " +
                                                 message);
    }
}

} // namespace cmtl
