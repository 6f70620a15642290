#include "CliSupport.h"

#include "ConsoleTable.h"
#include "CreditFlags.h"
#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/ConfigJson.h"
#include "io/FileIdentity.h"
#include "io/MetricsJson.h"
#include "report/ModelData.h"

#include <QFile>
#include <QJsonDocument>

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>

namespace cmtl {

CancellationToken g_interrupt;

std::string str(const QString &text)
{
    return text.toStdString();
}

QCommandLineOption option(const char *name, const char *description, const char *valueName, const char *defaultValue)
{
    QCommandLineOption result(QString::fromLatin1(name), QString::fromLatin1(description));
    if (valueName)
        result.setValueName(QString::fromLatin1(valueName));
    if (defaultValue)
        result.setDefaultValue(QString::fromLatin1(defaultValue));
    return result;
}

void addCsvOptions(QCommandLineParser &parser)
{
    parser.addOption(option("delimiter", "Field delimiter: , ; tab | (default: detected).", "char"));
    parser.addOption(option("encoding",
                            "auto, UTF-8, GB18030, windows-1252, latin-1, utf-16le or utf-16be (default auto: "
                            "UTF-8, UTF-16 with a byte-order mark, else GB18030 or Windows-1252 as the bytes "
                            "suggest; inspect shows the choice and why).",
                            "name", "auto"));
    parser.addOption(option("decimal-comma", "Numbers have a decimal comma: 13,99 reads 13.99 (detected when the "
                                             "delimiter is ';')."));
    parser.addOption(option("thousands-separator",
                            "A thousands separator in numbers: , . space or ' (default none; 1.234,5 with "
                            "--decimal-comma --thousands-separator .).",
                            "char"));
    parser.addOption(option("missing", "An extra missing-value token (repeatable).", "token"));
    parser.addOption(option("missing-values",
                            "A value treated as missing in one column only, e.g. \"annual_inc=twelve thousand\" "
                            "(repeatable).",
                            "column=value"));
    parser.addOption(option("column-type",
                            "Read a column as numeric or categorical, or automatic (the default: numeric when every "
                            "cell is a number); a cell of a numeric column that is not a number is refused "
                            "(repeatable).",
                            "column=type"));
    parser.addOption(option("threads", "Threads for reading and training (default: all).", "n", "0"));
    addDatabaseOptions(parser);
}

namespace {

// The database source --db, --query and --table name, once resolved (its password read once).
std::optional<DatabaseSource> g_databaseSource;

// Whether `path` is dataArgument's stand-in for the --db source (with --db, --data is refused, so
// only --test could name a file of the same name, which would have to be "sqlite:x.db, table t").
bool isDatabaseData(const QString &path)
{
    return g_databaseSource && str(path) == g_databaseSource->describe();
}

// A source written URL#table=NAME or URL#query=SQL (--test, --base; the form the workbench keeps
// in a project), with its password read as --db's is.
std::optional<DatabaseSource> databaseLocatorSource(const QString &path);

bool databaseGiven(const QCommandLineParser &parser)
{
    // optionNames() lists the options given: asking isSet() of a parser without --db would warn.
    return parser.optionNames().contains(QStringLiteral("db"));
}

// The password: from CREDITMTL_DB_PASSWORD, else asked for on the terminal (not echoed), else none
// (a server trusting the local user, or SQLite).
std::string databasePassword(const DatabaseConnection &connection)
{
    if (const char *given = std::getenv(kDatabasePasswordVariable))
        return given;
    if (connection.kind == DatabaseKind::Sqlite || !::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO))
        return {};
    std::cerr << "Password for " << connection.url() << " (or set " << kDatabasePasswordVariable
              << "; Enter for none): " << std::flush;
    termios saved{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
    return password;
}

// The source --db names, checked: a URL (without a password) and exactly one of --query, --table.
const DatabaseSource &databaseSource(const QCommandLineParser &parser, const char *command)
{
    if (g_databaseSource)
        return *g_databaseSource;
    const auto given = [&](const char *name) { return parser.optionNames().contains(QString::fromLatin1(name)); };
    if (given("data"))
        throw UsageError(std::string("creditmtl-cli ") + command +
                         ": give --data FILE or --db URL, not both (they both name the data to read)");
    if (given("query") == given("table"))
        throw UsageError(std::string("creditmtl-cli ") + command +
                         ": --db needs --table NAME or --query \"SELECT ...\" (one of them)");
    DatabaseSource source;
    try {
        source.connection = parseDatabaseUrl(str(parser.value(QStringLiteral("db"))));
    } catch (const ConfigError &error) {
        throw UsageError(std::string("--db: ") + error.what());
    }
    source.table = str(parser.value(QStringLiteral("table")));
    source.query = str(parser.value(QStringLiteral("query")));
    if (given("table") && source.table.empty())
        throw UsageError("--table: empty table name");
    if (given("query") && QString::fromStdString(source.query).trimmed().isEmpty())
        throw UsageError("--query: empty query");
    source.password = databasePassword(source.connection);
    g_databaseSource = std::move(source);
    return *g_databaseSource;
}

std::optional<DatabaseSource> databaseLocatorSource(const QString &path)
{
    if (!isDatabaseSourceLocator(str(path)))
        return std::nullopt;
    DatabaseSource source;
    try {
        source = parseDatabaseSourceLocator(str(path));
    } catch (const ConfigError &error) {
        throw UsageError(error.what());
    }
    source.password = databasePassword(source.connection);
    return source;
}

} // namespace

void addDatabaseOptions(QCommandLineParser &parser)
{
    parser.addOption(option("db",
                            "Read the data from a database instead of --data: sqlite:/path/file.db, "
                            "postgresql://user@host:port/dbname or odbc:DSN, with --table or --query. The password "
                            "comes from CREDITMTL_DB_PASSWORD or a prompt, never the URL.",
                            "url"));
    parser.addOption(option("table", "With --db: read this whole table (or view).", "name"));
    parser.addOption(option("query", "With --db: read the rows of this SELECT query.", "sql"));
}

std::optional<DatabaseSource> databaseSourceOf(const QString &path)
{
    return isDatabaseData(path) ? g_databaseSource : databaseLocatorSource(path);
}

const DatabaseSource *databaseOutput(const QCommandLineParser &parser, const char *command)
{
    return databaseGiven(parser) ? &databaseSource(parser, command) : nullptr;
}

QString dataArgument(const QCommandLineParser &parser, const char *option, const char *command)
{
    if (std::strcmp(option, "data") == 0 && databaseGiven(parser)) {
        // The source's description stands for it: readTable recognises it, and messages show it.
        return QString::fromStdString(databaseSource(parser, command).describe());
    }
    return parser.value(QString::fromLatin1(option));
}

void parseOrThrow(QCommandLineParser &parser, const QStringList &arguments, const char *command, std::ostream &out,
                  bool &helpShown)
{
    g_databaseSource.reset(); // each command reads its own --db (tests run several in one process)
    parser.addHelpOption();
    QStringList withoutCommand = arguments;
    withoutCommand.removeAt(1);
    if (!parser.parse(withoutCommand))
        throw UsageError(str(parser.errorText()) + " (see creditmtl-cli " + command + " --help)");
    helpShown = parser.isSet(QStringLiteral("help"));
    if (helpShown)
        out << str(parser.helpText());
}

QString required(const QCommandLineParser &parser, const char *name, const char *command)
{
    const QString value = dataArgument(parser, name, command);
    if (value.isEmpty())
        throw UsageError(std::string("creditmtl-cli ") + command + ": --" + name + " is required");
    return value;
}

void refuseUnexpectedArguments(const QCommandLineParser &parser, const char *command)
{
    if (!parser.positionalArguments().isEmpty())
        throw UsageError(std::string("creditmtl-cli ") + command + ": unexpected argument \"" +
                         str(parser.positionalArguments().front()) + "\"");
}

long long integerOption(const QCommandLineParser &parser, const limits::IntegerRange &range)
{
    // Parsed as 64-bit with overflow detected (toLongLong fails beyond it), then checked against
    // the option's range before any narrowing: 4294967298 is refused, not read as 2.
    bool ok = false;
    const QString text = parser.value(QString::fromLatin1(range.option));
    const long long value = text.trimmed().toLongLong(&ok);
    if (!ok || !range.contains(value))
        throw UsageError("--" + std::string(range.option) + " expects a whole number from " +
                         std::to_string(range.lowest) + " to " + std::to_string(range.highest) + ", got \"" +
                         str(text) + "\"");
    return value;
}

double realOption(const QCommandLineParser &parser, const limits::RealRange &range)
{
    bool ok = false;
    const QString text = parser.value(QString::fromLatin1(range.option));
    const double value = text.toDouble(&ok);
    // contains() refuses NaN and the infinities, which compare false with both ends.
    if (!ok || !range.contains(value))
        throw UsageError("--" + std::string(range.option) + " expects a finite number from " +
                         str(QString::number(range.lowest)) + " to " + str(QString::number(range.highest)) +
                         ", got \"" + str(text) + "\"");
    return value;
}

std::uint64_t seedValue(const QString &text, const char *optionName)
{
    // Any 64-bit unsigned value; a sign is refused (toULongLong would wrap "-1" around).
    bool ok = false;
    const QString trimmed = text.trimmed();
    const qulonglong value = trimmed.toULongLong(&ok);
    if (!ok || trimmed.startsWith(QLatin1Char('-')) || trimmed.startsWith(QLatin1Char('+')))
        throw UsageError("--" + std::string(optionName) + " expects whole numbers from 0 to " +
                         std::to_string(std::numeric_limits<std::uint64_t>::max()) + ", got \"" + str(trimmed) + "\"");
    return value;
}

CsvOptions csvOptions(const QCommandLineParser &parser)
{
    CsvOptions options;
    const QString delimiter = parser.value(QStringLiteral("delimiter"));
    if (delimiter == QLatin1String("tab") || delimiter == QLatin1String("\\t"))
        options.delimiter = '\t';
    else if (delimiter.size() == 1 && QStringLiteral(",;|\t").contains(delimiter))
        options.delimiter = delimiter.at(0).toLatin1();
    else if (!delimiter.isEmpty())
        throw UsageError("--delimiter expects one of , ; tab |, got \"" + str(delimiter) + "\"");
    options.encoding = str(parser.value(QStringLiteral("encoding")));
    if (parser.isSet(QStringLiteral("decimal-comma")))
        options.decimalSeparator = ',';
    const QString thousands = parser.value(QStringLiteral("thousands-separator"));
    if (thousands == QLatin1String("space"))
        options.thousandsSeparator = ' ';
    else if (thousands.size() == 1 && QStringLiteral(",. '").contains(thousands))
        options.thousandsSeparator = thousands.at(0).toLatin1();
    else if (!thousands.isEmpty())
        throw UsageError("--thousands-separator expects one of , . space ', got \"" + str(thousands) + "\"");
    for (const QString &token : parser.values(QStringLiteral("missing")))
        options.missingTokens.push_back(str(token));
    for (const QString &given : parser.values(QStringLiteral("missing-values"))) {
        const qsizetype equals = given.indexOf(QLatin1Char('='));
        if (equals <= 0)
            throw UsageError("--missing-values expects COLUMN=VALUE, e.g. \"annual_inc=twelve thousand\", got \"" +
                             str(given) + "\"");
        options.columnMissingValues[str(given.left(equals))].push_back(str(given.mid(equals + 1)));
    }
    for (const QString &given : parser.values(QStringLiteral("column-type"))) {
        // The type is after the last '=': a column name may hold one.
        const qsizetype equals = given.lastIndexOf(QLatin1Char('='));
        const QString type = equals > 0 ? given.mid(equals + 1).trimmed().toLower() : QString();
        const std::string column = str(given.left(equals));
        if (type == QLatin1String("numeric"))
            options.numericColumns.push_back(column);
        else if (type == QLatin1String("categorical"))
            options.categoricalColumns.push_back(column);
        else if (type != QLatin1String("automatic"))
            throw UsageError("--column-type expects COLUMN=numeric, COLUMN=categorical or COLUMN=automatic, got \"" +
                             str(given) + "\"");
    }
    options.threads = static_cast<int>(integerOption(parser, limits::kThreads));
    return options;
}

// "Class:binary:bad", "grade:multiclass", "int_rate:regression". The column name may itself
// contain ':' (the type is found from the right).
TaskSpec parseTaskSpec(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    for (qsizetype typeAt = parts.size() - 1; typeAt >= 1; --typeAt) {
        const QString type = parts[typeAt].toLower();
        const bool isBinary = type == QLatin1String("binary");
        if (!isBinary && type != QLatin1String("multiclass") && type != QLatin1String("regression"))
            continue;
        TaskSpec spec;
        spec.column = str(parts.mid(0, typeAt).join(QLatin1Char(':')));
        spec.type = taskTypeFromString(str(type));
        const QString rest = parts.mid(typeAt + 1).join(QLatin1Char(':'));
        if (isBinary) {
            if (rest.isEmpty())
                throw UsageError("--task " + str(text) + ": a binary task names its positive class, e.g. " +
                                 spec.column + ":binary:bad");
            spec.positiveClass = str(rest);
        } else if (!rest.isEmpty()) {
            throw UsageError("--task " + str(text) + ": only binary tasks take a positive class");
        }
        return spec;
    }
    throw UsageError("--task " + str(text) +
                     ": expected COLUMN:binary:POSITIVE, COLUMN:multiclass or COLUMN:regression");
}

std::vector<int> parseHidden(const QString &text)
{
    std::vector<int> sizes;
    if (text == QLatin1String("none"))
        return sizes; // no trunk: a logistic / linear regression per task
    const limits::IntegerRange &range = limits::kHiddenWidth;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const long long size = part.trimmed().toLongLong(&ok);
        if (!ok || !range.contains(size))
            throw UsageError("--hidden expects layer sizes from " + std::to_string(range.lowest) + " to " +
                             std::to_string(range.highest) + " such as 128,64, got \"" + str(part.trimmed()) +
                             "\" in \"" + str(text) + "\"");
        sizes.push_back(static_cast<int>(size));
    }
    if (sizes.empty())
        throw UsageError("--hidden expects layer sizes such as 128,64, or none for a linear model per task");
    return sizes;
}

namespace {

// The column names of a data file, from its first lines (64 KiB at most).
std::vector<std::string> columnNamesOf(const QString &path, CsvOptions options)
{
    if (isDatabaseData(path))
        return databaseColumnNames(*g_databaseSource);
    if (const std::optional<DatabaseSource> source = databaseLocatorSource(path))
        return databaseColumnNames(*source);
    if (detectStatFileFormat(str(path)) != StatFileFormat::None)
        return statFileColumnNames(str(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataError({str(path), 0, {}}, "cannot open the file: " + str(file.errorString()));
    QByteArray head = file.read(64 * 1024);
    if (!file.atEnd() && head.lastIndexOf('\n') > 0)
        head.truncate(head.lastIndexOf('\n') + 1);
    options.threads = 1;
    options.numericColumns.clear(); // the types do not matter here, and may name absent columns
    options.categoricalColumns.clear();
    options.columnMissingValues.clear();
    const Table table =
        readCsv(std::span<const char>(head.constData(), static_cast<std::size_t>(head.size())), str(path), options)
            .table;
    std::vector<std::string> names;
    for (const Column &column : table.columns())
        names.push_back(column.name);
    return names;
}

} // namespace

CsvOptions withTextColumns(CsvOptions options, const std::vector<std::string> &categorical)
{
    for (const std::string &column : categorical) {
        if (std::find(options.categoricalColumns.begin(), options.categoricalColumns.end(), column) ==
            options.categoricalColumns.end())
            options.categoricalColumns.push_back(column);
    }
    return options;
}

DataFileReadResult readTable(const QString &path, CsvOptions options, const std::vector<std::string> &categorical)
{
    // Added to the types the options force: the model's text columns, say.
    options = withTextColumns(std::move(options), categorical);
    DataFileReadResult read;
    if (const std::optional<DatabaseSource> located = databaseSourceOf(path)) {
        DatabaseReadResult fromDatabase = readDatabase(*located, options, &g_interrupt);
        read.table = std::move(fromDatabase.table);
        read.warnings = std::move(fromDatabase.warnings);
        read.dialect.encoding = "as the database gives it";
        read.dialect.encodingReason = "read from " + located->connection.url();
        for (const std::string &note : fromDatabase.notes)
            std::cerr << "creditmtl-cli: note: " << note << '\n';
    } else {
        // A CSV file, or a SAS, Stata or SPSS file recognised by its first bytes.
        read = readDataFile(str(path), options, &g_interrupt);
    }
    // Warnings go to stderr, so that they reach the user whatever the command prints on stdout.
    for (const CsvWarning &warning : read.warnings)
        std::cerr << "creditmtl-cli: warning: " << warning.message << '\n';
    if (read.statFile) {
        for (const std::string &note : read.statFile->notes)
            std::cerr << "creditmtl-cli: note: " << note << '\n';
    }
    return read;
}

void printMetricsTable(const EvaluationReport &report, std::ostream &out)
{
    out << "\nMetrics on " << report.part << " (" << report.source << "):\n";
    ConsoleTable table({"task", "type", "rows", "metric", "value"});
    for (const TaskEvaluation &task : report.tasks) {
        std::vector<std::pair<std::string, double>> values;
        if (task.binary) {
            const BinaryMetrics &m = *task.binary;
            values = {{"AUC", m.auc},
                      {"KS", m.ks},
                      {"Gini", m.gini},
                      {"log loss", m.logLoss},
                      {"Brier", m.brier},
                      {"accuracy@0.5", m.accuracy},
                      {"precision@0.5", m.precision},
                      {"recall@0.5", m.recall},
                      {"F1@0.5", m.f1}};
        } else if (task.multiclass) {
            values = {{"accuracy", task.multiclass->accuracy},
                      {"macro-F1", task.multiclass->macroF1},
                      {"log loss", task.multiclass->logLoss}};
        } else if (task.regression) {
            values = {{"RMSE", task.regression->rmse}, {"MAE", task.regression->mae}, {"R2", task.regression->r2}};
        }
        bool first = true;
        for (const auto &[name, value] : values) {
            table.addRow({first ? task.task : "", first ? toString(task.type) : "",
                          first ? std::to_string(task.count) : "", name, ConsoleTable::number(value)});
            first = false;
        }
    }
    table.print(out);
    for (const std::string &note : report.notes)
        out << "note: " << note << '\n';
}

std::string csvNumber(double value)
{
    if (std::isnan(value))
        return {};
    std::ostringstream text;
    text.precision(10);
    text << value;
    return text.str();
}

QByteArray metricsJsonBytes(const EvaluationReport &report)
{
    return QJsonDocument(reportToJson(report)).toJson(QJsonDocument::Indented);
}

void writeMetricsJson(const QCommandLineParser &parser, const EvaluationReport &report)
{
    const QString path = parser.value(QStringLiteral("metrics-json"));
    if (!path.isEmpty())
        writeFileAtomically(str(path), metricsJsonBytes(report));
}

// The options that define a run, shared by train and compare. Each overrides the value of a
// saved configuration (--config) only when given.
void addRunOptions(QCommandLineParser &parser)
{
    parser.addOption(option("data", "The training data: a CSV, SAS (.sas7bdat, .xpt), Stata or SPSS file.", "file"));
    parser.addOption(option("config", "Start from a saved configuration (tasks, ignored columns, settings).", "file"));
    parser.addOption(option("save-config", "Save the configuration of this run to a file.", "file"));
    parser.addOption(option("task",
                            "A task: COLUMN:binary:POSITIVE, COLUMN:multiclass or COLUMN:regression "
                            "(repeatable).",
                            "spec"));
    parser.addOption(option("lambda", "A task's weight in the objective, TASK=VALUE (repeatable; default 1).", "w"));
    parser.addOption(option("ignore", "A column to leave out of the features (repeatable).", "column"));
    parser.addOption(option("arch",
                            "Sharing architecture: shared-bottom, mmoe, ple or attention (default "
                            "shared-bottom).",
                            "name"));
    parser.addOption(option("experts", "MMoE/PLE: shared experts (default 4).", "n"));
    parser.addOption(option("task-experts", "PLE: experts of each task's own (default 1).", "n"));
    parser.addOption(
        option("weighting", "Task weighting: fixed, uncertainty, gradnorm, dwa or pcgrad (default fixed).", "name"));
    parser.addOption(option("gradnorm-alpha", "GradNorm's asymmetry alpha (default 1.5).", "x"));
    parser.addOption(option("gradnorm-lr", "GradNorm's weight learning rate (default 0.025).", "x"));
    parser.addOption(option("dwa-temperature", "DWA's temperature T (default 2).", "x"));
    parser.addOption(option("task-graph",
                            "Relate two tasks' heads: TASK_A~TASK_B=STRENGTH (repeatable; the heads "
                            "need --head-hidden).",
                            "edge"));
    parser.addOption(option("class-weights", "TASK=balanced, or TASK:CLASS=WEIGHT (repeatable).", "spec"));
    parser.addOption(option("focal", "Focal loss for a task: TASK=GAMMA (repeatable).", "spec"));
    parser.addOption(option("oversample", "Oversample the smaller classes of TASK (repeatable).", "task"));
    parser.addOption(option("epochs", "Training epochs (default 100).", "n"));
    parser.addOption(option("batch", "Mini-batch size (default 256).", "n"));
    parser.addOption(option("lr", "Adam learning rate (default 0.001).", "x"));
    parser.addOption(option("hidden",
                            "Shared trunk (or expert) layer sizes (default 128,64); none = a linear model "
                            "per task.",
                            "sizes"));
    parser.addOption(option("head-hidden", "A hidden layer of this size in each task head (default 0: none).", "n"));
    parser.addOption(option("dropout", "Dropout rate in the trunk (default 0.1).", "x"));
    parser.addOption(option("wide",
                            "on = wide & deep: a linear path from the inputs to each task's output beside "
                            "the trunk (no effect with --hidden none); off = the trunk alone (default on).",
                            "on|off"));
    parser.addOption(option("l2", "L2 penalty on the weights (default 0.01).", "x"));
    parser.addOption(option("ensemble",
                            "Train K networks with the seeds seed ... seed+K-1 and average their predicted "
                            "probabilities; one model file holds them all (default 1).",
                            "K"));
    parser.addOption(option("patience", "Early-stopping patience in epochs, 0 = off (default 30).", "n"));
    parser.addOption(option("early-stop-on",
                            "What early stopping watches on the validation rows: objective (all tasks' "
                            "weighted loss, the default) or TASK:METRIC, METRIC = auc (binary), accuracy "
                            "(multiclass), rmse (regression) or loss.",
                            "what"));
    parser.addOption(option("refit",
                            "After early stopping chose the epochs: all = train again on the training and "
                            "validation rows for that many epochs (default), none = keep the early-stopped "
                            "weights.",
                            "mode"));
    parser.addOption(option("seed", "Random seed for the split, initial weights and batches (default 42).", "n"));
    parser.addOption(option("train-fraction", "Share of rows for training (default 0.7).", "x"));
    parser.addOption(option("validation-fraction", "Share of rows for early stopping (default 0.1).", "x"));
    parser.addOption(option("max-levels", "One-hot levels kept per categorical column (default 50).", "n"));
    parser.addOption(option("min-level-count", "Rows a level needs to get its own input (default 10).", "n"));
    parser.addOption(option("missing-indicators", "Add a 0/1 input per numeric column with missing values."));
    parser.addOption(option("woe",
                            "Replace this feature by its weight of evidence against a binary task (repeatable, or a "
                            "comma-separated list; 'all' for every feature).",
                            "column"));
    parser.addOption(
        option("woe-task", "The binary task --woe bins against (default: the first binary task).", "task"));
    parser.addOption(option("binning",
                            "A workbench project (.cmtlproj) whose edited bins (Binning page) the --woe columns use "
                            "instead of their optimal binning.",
                            "file"));
}
namespace {

TaskSpec &taskNamed(std::vector<TaskSpec> &tasks, const std::string &name, const QString &option)
{
    const auto task = std::find_if(tasks.begin(), tasks.end(), [&](const TaskSpec &t) { return t.column == name; });
    if (task == tasks.end())
        throw UsageError(str(option) + ": no task named \"" + name + "\"");
    return *task;
}

// NAME=VALUE with a finite number VALUE in the option's range; the name may contain '='.
std::pair<std::string, double> namedNumber(const QString &text, const limits::RealRange &range)
{
    const qsizetype equals = text.lastIndexOf(QLatin1Char('='));
    bool ok = false;
    const double value = equals > 0 ? text.mid(equals + 1).toDouble(&ok) : 0;
    if (!ok || !range.contains(value))
        throw UsageError(std::string("--") + range.option + " " + str(text) +
                         ": expected NAME=NUMBER with a finite number from " + str(QString::number(range.lowest)) +
                         " to " + str(QString::number(range.highest)));
    return {str(text.left(equals)), value};
}

// Refuses a network too large to train before any data is read: its size with one input and one
// output per task is a lower bound of the real one (MultiTaskNetwork checks that again, with the
// inputs, before training).
void refuseOversizedNetwork(const RunConfiguration &run)
{
    const TrainConfig &train = run.config.train;
    NetworkSpec spec;
    spec.inputs = 1;
    spec.architecture = train.architecture;
    spec.trunk = train.hiddenLayers;
    spec.experts = train.experts;
    spec.taskExperts = train.taskExperts;
    spec.headHidden = train.headHidden;
    spec.dropout = train.dropout;
    spec.wide = usesWidePath(train);
    for (const TaskSpec &task : run.tasks) {
        spec.taskTypes.push_back(task.type);
        spec.taskOutputs.push_back(1);
    }
    try {
        const MultiTaskNetwork network(spec);
    } catch (const ConfigError &error) {
        throw UsageError(error.what());
    }
}

// Refuses an early-stopping criterion that names no task, or a metric the task's type lacks,
// before any data is read.
void refuseUnknownEarlyStopCriterion(const RunConfiguration &run)
{
    std::vector<std::string> names;
    std::vector<TaskType> types;
    for (const TaskSpec &task : run.tasks) {
        names.push_back(task.name());
        types.push_back(task.type);
    }
    try {
        parseEarlyStopCriterion(run.config.train.earlyStopOn, names, types);
    } catch (const ConfigError &error) {
        throw UsageError(std::string("--early-stop-on: ") + error.what());
    }
}

// --woe and --woe-task; the task is checked here, before any data is read (the columns, which
// need the data's features, when the run starts).
void readWoeOptions(const QCommandLineParser &parser, RunConfiguration &run)
{
    WoeOptions &woe = run.config.woe;
    if (parser.isSet(QStringLiteral("woe"))) {
        woe.columns.clear();
        woe.allColumns = false;
        for (const QString &given : parser.values(QStringLiteral("woe"))) {
            for (const QString &column : given.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (column.trimmed() == QLatin1String("all"))
                    woe.allColumns = true;
                else
                    woe.columns.push_back(str(column.trimmed()));
            }
        }
    }
    if (parser.isSet(QStringLiteral("woe-task")))
        woe.task = str(parser.value(QStringLiteral("woe-task")));
    if (!woe.used()) {
        if (parser.isSet(QStringLiteral("binning")))
            throw UsageError("--binning gives the bins of WoE inputs, but no --woe column is given; add --woe COLUMN "
                             "(or --woe all)");
        if (!woe.task.empty())
            throw UsageError("--woe-task names the task WoE inputs are binned against, but no --woe column is given; "
                             "add --woe COLUMN (or --woe all)");
        return;
    }
    try {
        const TaskSpec &task = woeTask(run.tasks, woe.task);
        woe.task = task.column;
        woe.positiveClass = task.positiveClass;
    } catch (const ConfigError &error) {
        throw UsageError(error.what());
    }
    if (parser.isSet(QStringLiteral("binning")))
        woe.givenBins = editedBins(str(parser.value(QStringLiteral("binning"))), woe.task, woe.positiveClass);
}

} // namespace

RunConfiguration runConfiguration(const QCommandLineParser &parser)
{
    RunConfiguration run;
    if (parser.isSet(QStringLiteral("config")))
        run = loadRunConfiguration(str(parser.value(QStringLiteral("config"))));
    if (parser.isSet(QStringLiteral("task"))) {
        run.tasks.clear();
        for (const QString &text : parser.values(QStringLiteral("task")))
            run.tasks.push_back(parseTaskSpec(text));
    }
    if (run.tasks.empty())
        throw UsageError("no task given; name at least one with --task, e.g. --task Class:binary:bad "
                         "--task grade:multiclass --task int_rate:regression");
    for (const QString &column : parser.values(QStringLiteral("ignore")))
        run.ignored.push_back(str(column));
    for (const QString &text : parser.values(QStringLiteral("lambda"))) {
        const auto [name, lambda] = namedNumber(text, limits::kLambda);
        taskNamed(run.tasks, name, QStringLiteral("--lambda")).lambda = lambda;
    }
    for (const QString &text : parser.values(QStringLiteral("class-weights"))) {
        if (text.endsWith(QLatin1String("=balanced"))) {
            taskNamed(run.tasks, str(text.chopped(9)), QStringLiteral("--class-weights"))
                .imbalance.balancedClassWeights = true;
            continue;
        }
        const auto [name, weight] = namedNumber(text, limits::kClassWeight);
        const std::size_t colon = name.rfind(':');
        if (colon == std::string::npos)
            throw UsageError("--class-weights " + str(text) + ": expected TASK=balanced or TASK:CLASS=WEIGHT");
        taskNamed(run.tasks, name.substr(0, colon), QStringLiteral("--class-weights"))
            .imbalance.classWeights[name.substr(colon + 1)] = weight;
    }
    for (const QString &text : parser.values(QStringLiteral("focal"))) {
        const auto [name, gamma] = namedNumber(text, limits::kFocalGamma);
        taskNamed(run.tasks, name, QStringLiteral("--focal")).imbalance.focalGamma = gamma;
    }
    for (const QString &task : parser.values(QStringLiteral("oversample")))
        taskNamed(run.tasks, str(task), QStringLiteral("--oversample")).imbalance.oversample = true;

    TrainConfig &train = run.config.train;
    const auto isSet = [&](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    try {
        if (isSet("arch"))
            train.architecture = architectureFromString(str(parser.value(QStringLiteral("arch"))));
        if (isSet("weighting"))
            train.weighting.method = weightingFromString(str(parser.value(QStringLiteral("weighting"))));
    } catch (const ConfigError &error) {
        throw UsageError(error.what());
    }
    if (isSet("experts"))
        train.experts = static_cast<int>(integerOption(parser, limits::kExperts));
    if (isSet("task-experts"))
        train.taskExperts = static_cast<int>(integerOption(parser, limits::kTaskExperts));
    if (isSet("gradnorm-alpha"))
        train.weighting.gradNormAlpha = realOption(parser, limits::kGradNormAlpha);
    if (isSet("gradnorm-lr"))
        train.weighting.gradNormLearningRate = realOption(parser, limits::kGradNormLearningRate);
    if (isSet("dwa-temperature"))
        train.weighting.dwaTemperature = realOption(parser, limits::kDwaTemperature);
    for (const QString &text : parser.values(QStringLiteral("task-graph"))) {
        const auto [pair, strength] = namedNumber(text, limits::kTaskGraphStrength);
        const std::size_t tilde = pair.find('~');
        if (tilde == std::string::npos)
            throw UsageError("--task-graph " + str(text) + ": expected TASK_A~TASK_B=STRENGTH");
        train.taskGraph.push_back({pair.substr(0, tilde), pair.substr(tilde + 1), strength});
    }
    if (isSet("epochs"))
        train.epochs = static_cast<int>(integerOption(parser, limits::kEpochs));
    if (isSet("batch"))
        train.batchSize = static_cast<int>(integerOption(parser, limits::kBatch));
    if (isSet("lr"))
        train.learningRate = realOption(parser, limits::kLearningRate);
    if (isSet("hidden"))
        train.hiddenLayers = parseHidden(parser.value(QStringLiteral("hidden")));
    if (isSet("head-hidden"))
        train.headHidden = static_cast<int>(integerOption(parser, limits::kHeadHidden));
    if (isSet("dropout"))
        train.dropout = realOption(parser, limits::kDropout);
    if (isSet("wide")) {
        const QString wide = parser.value(QStringLiteral("wide"));
        if (wide != QLatin1String("on") && wide != QLatin1String("off"))
            throw UsageError("--wide " + str(wide) + ": expected on or off");
        train.wide = wide == QLatin1String("on");
    }
    if (isSet("l2"))
        train.l2 = realOption(parser, limits::kL2);
    if (isSet("ensemble"))
        train.ensemble = static_cast<int>(integerOption(parser, limits::kEnsemble));
    if (isSet("patience"))
        train.patience = static_cast<int>(integerOption(parser, limits::kPatience));
    if (isSet("early-stop-on"))
        train.earlyStopOn = str(parser.value(QStringLiteral("early-stop-on")));
    if (isSet("refit")) {
        try {
            train.refit = refitFromString(str(parser.value(QStringLiteral("refit"))));
        } catch (const ConfigError &error) {
            throw UsageError(std::string("--refit: ") + error.what());
        }
    }
    refuseUnknownEarlyStopCriterion(run);
    if (isSet("seed")) {
        train.seed = seedValue(parser.value(QStringLiteral("seed")), "seed");
        run.config.split.seed = train.seed;
    }
    train.threads = static_cast<int>(integerOption(parser, limits::kThreads));
    if (isSet("train-fraction"))
        run.config.split.trainFraction = realOption(parser, limits::kTrainFraction);
    if (isSet("validation-fraction"))
        run.config.split.validationFraction = realOption(parser, limits::kValidationFraction);
    if (isSet("max-levels"))
        run.config.preprocess.maxLevels = static_cast<int>(integerOption(parser, limits::kMaxLevels));
    if (isSet("min-level-count"))
        run.config.preprocess.minLevelCount = static_cast<int>(integerOption(parser, limits::kMinLevelCount));
    if (isSet("missing-indicators"))
        run.config.preprocess.missingIndicators = true;
    readWoeOptions(parser, run);
    refuseOversizedNetwork(run);
    return run;
}

QByteArray configurationToSave(const QCommandLineParser &parser, const RunConfiguration &run)
{
    return parser.isSet(QStringLiteral("save-config")) ? serializeRunConfiguration(run) : QByteArray();
}

void refuseOutputsOverInputs(const QCommandLineParser &parser, const std::vector<const char *> &inputs,
                             const std::vector<const char *> &outputs, const std::vector<NamedPath> &derivedOutputs)
{
    const auto named = [&](const std::vector<const char *> &options) {
        std::vector<NamedPath> paths;
        for (const char *name : options)
            paths.push_back({std::string("--") + name, str(parser.value(QString::fromLatin1(name)))});
        return paths;
    };
    std::vector<NamedPath> allOutputs = named(outputs);
    allOutputs.insert(allOutputs.end(), derivedOutputs.begin(), derivedOutputs.end());
    try {
        refuseOutputsOverInputs(named(inputs), allOutputs);
    } catch (const DataError &error) {
        throw UsageError(error.problem()); // a mistake in the command line: exit code 2
    }
}

// The training table of a run, with the ignored columns checked.
CsvReadResult readTrainingData(const QCommandLineParser &parser, const RunConfiguration &run, const char *command)
{
    CsvReadResult data = readTable(required(parser, "data", command), csvOptions(parser));
    for (const std::string &column : run.ignored)
        data.table.column(column);
    return data;
}

// Reads a data file for a saved model: its text columns are read as text.
Table readForModel(const QCommandLineParser &parser, const MultiTaskModel &model, bool withTasks,
                   const std::vector<std::string> &kept)
{
    return readForModelFrom("data", parser, model, withTasks, kept);
}

Table readForModelFrom(const char *fileOption, const QCommandLineParser &parser, const MultiTaskModel &model,
                       bool withTasks, const std::vector<std::string> &kept)
{
    const QString path = dataArgument(parser, fileOption, "the command");
    // Read as the training file was (see csvOptionsForModel).
    const CsvOptions options = csvOptionsForModel(model, withTasks, csvOptions(parser));
    std::vector<std::string> categorical; // the kept columns read as text
    if (!kept.empty()) {
        const std::vector<std::string> names = columnNamesOf(path, options);
        const std::vector<std::string> inputs = model.requiredColumns();
        for (const std::string &column : kept) {
            if (std::find(names.begin(), names.end(), column) == names.end())
                throw DataError({str(path), 1, column},
                                "--keep names column \"" + column +
                                    "\", which the file does not have; its columns are: " + listColumnNames(names));
            // An ID read as text is copied exactly (as a number, float32 would round 123456789).
            const bool modelInput = std::find(inputs.begin(), inputs.end(), column) != inputs.end();
            const bool forcedNumeric = std::find(options.numericColumns.begin(), options.numericColumns.end(),
                                                 column) != options.numericColumns.end();
            if (!modelInput && !forcedNumeric)
                categorical.push_back(column);
        }
    }
    return readTable(path, options, categorical).table;
}

} // namespace cmtl
