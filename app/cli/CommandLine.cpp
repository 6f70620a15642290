#include "CommandLine.h"

#include "ConsoleTable.h"
#include "common/Error.h"
#include "csv/CsvReader.h"
#include "io/AtomicFile.h"
#include "io/MetricsJson.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"
#include "train/Experiment.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <chrono>
#include <csignal>
#include <optional>

namespace cmtl {

namespace {

// A mistake in the command line itself (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const char *const kUsage = R"(usage: creditmtl-cli <command> [options]

commands:
  inspect DATA.csv                      columns with inferred types, missing and distinct counts
  train --data TRAIN.csv --task SPEC... --out MODEL.cmtl
                                        train a multi-task model and report its metrics
  evaluate --model MODEL.cmtl --data DATA.csv
                                        metrics of a saved model on labelled data
  predict --model MODEL.cmtl --data DATA.csv --out PREDICTIONS.csv
                                        score new data

Run `creditmtl-cli <command> --help` for a command's options.
)";

CancellationToken g_interrupt;

extern "C" void onInterrupt(int) { g_interrupt.cancel(); }

std::string str(const QString &text) { return text.toStdString(); }

QCommandLineOption option(const char *name, const char *description, const char *valueName = nullptr,
                          const char *defaultValue = nullptr)
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
    parser.addOption(option("encoding", "auto, UTF-8 or GB18030 (default auto).", "name", "auto"));
    parser.addOption(option("missing", "An extra missing-value token (repeatable).", "token"));
    parser.addOption(option("threads", "Threads for reading and training (default: all).", "n", "0"));
}

void parseOrThrow(QCommandLineParser &parser, const QStringList &arguments, const char *command, std::ostream &out,
                  bool &helpShown)
{
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
    const QString value = parser.value(QString::fromLatin1(name));
    if (value.isEmpty())
        throw UsageError(std::string("creditmtl-cli ") + command + ": --" + name + " is required");
    return value;
}

long long integerOption(const QCommandLineParser &parser, const char *name, long long lowest)
{
    bool ok = false;
    const long long value = parser.value(QString::fromLatin1(name)).toLongLong(&ok);
    if (!ok || value < lowest)
        throw UsageError("--" + std::string(name) + " expects an integer of at least " + std::to_string(lowest) +
                         ", got \"" + str(parser.value(QString::fromLatin1(name))) + "\"");
    return value;
}

double realOption(const QCommandLineParser &parser, const char *name, double lowest, double highest)
{
    bool ok = false;
    const double value = parser.value(QString::fromLatin1(name)).toDouble(&ok);
    if (!ok || value < lowest || value > highest)
        throw UsageError("--" + std::string(name) + " expects a number in [" + ConsoleTable::number(lowest, 2) + ", " +
                         ConsoleTable::number(highest, 2) + "], got \"" + str(parser.value(QString::fromLatin1(name))) +
                         "\"");
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
    for (const QString &token : parser.values(QStringLiteral("missing")))
        options.missingTokens.push_back(str(token));
    options.threads = static_cast<int>(integerOption(parser, "threads", 0));
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
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int size = part.trimmed().toInt(&ok);
        if (!ok || size < 1 || size > 100000)
            throw UsageError("--hidden expects positive layer sizes such as 128,64, got \"" + str(text) + "\"");
        sizes.push_back(size);
    }
    if (sizes.empty())
        throw UsageError("--hidden expects layer sizes such as 128,64, or none for a linear model per task");
    return sizes;
}

CsvReadResult readTable(const QString &path, CsvOptions options, const std::vector<std::string> &categorical = {})
{
    options.categoricalColumns = categorical;
    return readCsvFile(str(path), options, &g_interrupt);
}

void printMetricsTable(const EvaluationReport &report, std::ostream &out)
{
    out << "\nMetrics on " << report.part << " (" << report.source << "):\n";
    ConsoleTable table({"task", "type", "rows", "metric", "value"});
    for (const TaskEvaluation &task : report.tasks) {
        std::vector<std::pair<std::string, double>> values;
        if (task.binary) {
            const BinaryMetrics &m = *task.binary;
            values = {{"AUC", m.auc},           {"KS", m.ks},         {"Gini", m.gini},
                      {"log loss", m.logLoss},  {"Brier", m.brier},   {"accuracy@0.5", m.accuracy},
                      {"precision@0.5", m.precision}, {"recall@0.5", m.recall}, {"F1@0.5", m.f1}};
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
}

// The one-line figures the shared datasets' README gives for peer models, for comparison.
void printPeerLine(const EvaluationReport &report, double seconds, std::ostream &out)
{
    std::string line;
    for (const TaskEvaluation &task : report.tasks) {
        if (task.binary)
            line += task.task + " AUC " + ConsoleTable::number(task.binary->auc, 3) + "  ";
        if (task.multiclass)
            line += task.task + " accuracy " + ConsoleTable::number(task.multiclass->accuracy, 3) + " macro-F1 " +
                    ConsoleTable::number(task.multiclass->macroF1, 3) + "  ";
        if (task.regression)
            line += task.task + " RMSE " + ConsoleTable::number(task.regression->rmse, 2) + "  ";
    }
    out << "\nSummary (" << report.part << "): " << line << "train s " << ConsoleTable::number(seconds, 1) << '\n';
}

// Prints one line per epoch as training goes.
class EpochPrinter : public TrainingCallback {
public:
    EpochPrinter(std::vector<std::string> tasks, std::ostream &out) : m_tasks(std::move(tasks)), m_out(out) {}

    bool endEpoch(const EpochRecord &record) override
    {
        m_out << "epoch " << record.epoch << "  loss " << ConsoleTable::number(record.trainObjective)
              << "  val " << ConsoleTable::number(record.validationObjective);
        for (std::size_t t = 0; t < m_tasks.size() && t < record.tasks.size(); ++t)
            m_out << "  " << m_tasks[t] << " " << ConsoleTable::number(record.tasks[t].validationMetric);
        m_out << "  (" << ConsoleTable::number(record.seconds, 2) << " s, "
              << static_cast<long long>(record.samplesPerSecond) << " rows/s)" << std::endl;
        return false;
    }

private:
    std::vector<std::string> m_tasks;
    std::ostream &m_out;
};

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
    const char delimiter = read.dialect.delimiter;
    out << read.table.source() << ": " << read.table.rowCount() << " rows, " << read.table.columnCount()
        << " columns; delimiter " << (delimiter == '\t' ? std::string("tab") : std::string(1, delimiter))
        << ", encoding " << read.dialect.encoding << (read.dialect.crlf ? ", CRLF" : "") << "\n\n";
    ConsoleTable table({"column", "type", "missing", "distinct", "min", "max", "mean"});
    for (const Column &column : read.table.columns()) {
        const ColumnStats &stats = *column.stats;
        const bool numeric = column.type == ColumnType::Numeric;
        table.addRow({column.name, toString(column.type), std::to_string(stats.missing), std::to_string(stats.distinct),
                      numeric ? ConsoleTable::number(stats.min, 4) : "", numeric ? ConsoleTable::number(stats.max, 4) : "",
                      numeric ? ConsoleTable::number(stats.mean, 4) : ""});
    }
    table.print(out);
    return 0;
}

void writeMetricsJson(const QCommandLineParser &parser, const EvaluationReport &report)
{
    const QString path = parser.value(QStringLiteral("metrics-json"));
    if (!path.isEmpty())
        writeJsonFile(str(path), reportToJson(report));
}

int commandTrain(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Train a multi-task model."));
    addCsvOptions(parser);
    parser.addOption(option("data", "The training CSV file.", "file"));
    parser.addOption(option("task", "A task: COLUMN:binary:POSITIVE, COLUMN:multiclass or COLUMN:regression "
                                    "(repeatable).", "spec"));
    parser.addOption(option("lambda", "A task's weight in the objective, TASK=VALUE (repeatable; default 1).", "w"));
    parser.addOption(option("ignore", "A column to leave out of the features (repeatable).", "column"));
    parser.addOption(option("test", "A separate test CSV (e.g. a later period); default: a held-out split.", "file"));
    parser.addOption(option("out", "Where to write the model file.", "file"));
    parser.addOption(option("metrics-json", "Also write the test metrics as JSON.", "file"));
    parser.addOption(option("epochs", "Training epochs (default 30).", "n", "30"));
    parser.addOption(option("batch", "Mini-batch size (default 256).", "n", "256"));
    parser.addOption(option("lr", "Adam learning rate (default 0.001).", "x", "0.001"));
    parser.addOption(option("hidden", "Shared trunk layer sizes (default 128,64); none = a linear model per task.", "sizes", "128,64"));
    parser.addOption(option("head-hidden", "A hidden layer of this size in each task head (default 0: none).", "n", "0"));
    parser.addOption(option("dropout", "Dropout rate in the trunk (default 0.1).", "x", "0.1"));
    parser.addOption(option("l2", "L2 penalty on the weights (default 1e-5).", "x", "1e-5"));
    parser.addOption(option("patience", "Early-stopping patience in epochs, 0 = off (default 5).", "n", "5"));
    parser.addOption(option("seed", "Random seed for the split, initial weights and batches (default 42).", "n", "42"));
    parser.addOption(option("train-fraction", "Share of rows for training (default 0.7).", "x", "0.7"));
    parser.addOption(option("validation-fraction", "Share of rows for early stopping (default 0.1).", "x", "0.1"));
    parser.addOption(option("max-levels", "One-hot levels kept per categorical column (default 50).", "n", "50"));
    parser.addOption(option("min-level-count", "Rows a level needs to get its own input (default 10).", "n", "10"));
    parser.addOption(option("missing-indicators", "Add a 0/1 input per numeric column with missing values."));
    bool help = false;
    parseOrThrow(parser, arguments, "train", out, help);
    if (help)
        return 0;
    if (!parser.positionalArguments().isEmpty())
        throw UsageError("creditmtl-cli train: unexpected argument \"" + str(parser.positionalArguments().front()) + "\"");
    const QString dataPath = required(parser, "data", "train");
    if (parser.values(QStringLiteral("task")).isEmpty())
        throw UsageError("creditmtl-cli train: no task given; name at least one with --task, e.g. "
                         "--task Class:binary:bad --task grade:multiclass --task int_rate:regression");
    const QString outPath = required(parser, "out", "train");

    std::vector<TaskSpec> tasks;
    for (const QString &text : parser.values(QStringLiteral("task")))
        tasks.push_back(parseTaskSpec(text));
    for (const QString &text : parser.values(QStringLiteral("lambda"))) {
        const qsizetype equals = text.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const double lambda = equals > 0 ? text.mid(equals + 1).toDouble(&ok) : 0;
        if (!ok || lambda < 0)
            throw UsageError("--lambda " + str(text) + ": expected TASK=WEIGHT with a weight >= 0, e.g. Class=2");
        const std::string name = str(text.left(equals));
        const auto task = std::find_if(tasks.begin(), tasks.end(), [&](const TaskSpec &t) { return t.column == name; });
        if (task == tasks.end())
            throw UsageError("--lambda " + str(text) + ": no task named \"" + name + "\"");
        task->lambda = lambda;
    }
    ExperimentConfig config;
    config.train.epochs = static_cast<int>(integerOption(parser, "epochs", 1));
    config.train.batchSize = static_cast<int>(integerOption(parser, "batch", 1));
    config.train.learningRate = realOption(parser, "lr", 1e-7, 10);
    config.train.hiddenLayers = parseHidden(parser.value(QStringLiteral("hidden")));
    config.train.headHidden = static_cast<int>(integerOption(parser, "head-hidden", 0));
    config.train.dropout = realOption(parser, "dropout", 0, 0.95);
    config.train.l2 = realOption(parser, "l2", 0, 1e3);
    config.train.patience = static_cast<int>(integerOption(parser, "patience", 0));
    config.train.seed = static_cast<std::uint64_t>(integerOption(parser, "seed", 0));
    config.train.threads = static_cast<int>(integerOption(parser, "threads", 0));
    config.split.seed = config.train.seed;
    config.split.trainFraction = realOption(parser, "train-fraction", 0.01, 1);
    config.split.validationFraction = realOption(parser, "validation-fraction", 0, 0.99);
    config.preprocess.maxLevels = static_cast<int>(integerOption(parser, "max-levels", 1));
    config.preprocess.minLevelCount = static_cast<int>(integerOption(parser, "min-level-count", 1));
    config.preprocess.missingIndicators = parser.isSet(QStringLiteral("missing-indicators"));

    const CsvOptions readOptions = csvOptions(parser);
    std::vector<std::string> ignored;
    for (const QString &column : parser.values(QStringLiteral("ignore")))
        ignored.push_back(str(column));
    const CsvReadResult train = readTable(dataPath, readOptions);
    for (const std::string &column : ignored)
        train.table.column(column);
    const RoleAssignment roles = defaultRoles(train.table, tasks, ignored);
    std::optional<CsvReadResult> test;
    if (parser.isSet(QStringLiteral("test"))) {
        // Read the test file's text columns as text even where its values happen to look numeric.
        std::vector<std::string> categorical;
        for (const Column &column : train.table.columns()) {
            if (column.type == ColumnType::Categorical)
                categorical.push_back(column.name);
        }
        test = readTable(parser.value(QStringLiteral("test")), readOptions, categorical);
    }
    if (!test && config.split.trainFraction + config.split.validationFraction >= 1.0)
        throw UsageError("--train-fraction plus --validation-fraction must leave rows for the test split");

    out << "Training on " << train.table.source() << ": " << train.table.rowCount() << " rows, "
        << roles.features.size() << " feature columns, " << roles.tasks.size() << " task(s)\n";
    std::vector<std::string> taskNames;
    for (const TaskSpec &task : roles.tasks)
        taskNames.push_back(task.name());
    EpochPrinter printer(taskNames, out);
    const ExperimentResult result =
        runExperiment(train.table, roles, config, test ? &test->table : nullptr, {&printer}, &g_interrupt);
    for (const std::string &warning : result.warnings)
        out << "note: " << warning << '\n';
    out << result.history.stopReason << "; kept the weights of epoch " << result.history.bestEpoch << '\n';

    const EvaluationReport *testReport = result.report("test");
    const EvaluationReport &shown = testReport ? *testReport : result.reports.front();
    printMetricsTable(shown, out);
    printPeerLine(shown, result.seconds, out);

    saveModelFile(str(outPath), {result.model, result.reports, result.history, result.warnings});
    writeMetricsJson(parser, shown);
    out << "\nModel written to " << str(outPath) << '\n';
    return 0;
}

// Reads a data file for a saved model: its text columns are read as text.
Table readForModel(const QCommandLineParser &parser, const MultiTaskModel &model, bool withTasks)
{
    std::vector<std::string> categorical = model.categoricalColumns();
    if (withTasks) {
        for (const TargetEncoding &task : model.tasks()) {
            if (task.spec.type != TaskType::Regression)
                categorical.push_back(task.spec.column);
        }
    }
    return readTable(parser.value(QStringLiteral("data")), csvOptions(parser), categorical).table;
}

int commandEvaluate(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluate a saved model on labelled data."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "A CSV file with the model's feature and task columns.", "file"));
    parser.addOption(option("metrics-json", "Also write the metrics as JSON.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "evaluate", out, help);
    if (help)
        return 0;
    required(parser, "data", "evaluate");
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "evaluate")));
    const Table table = readForModel(parser, contents.model, true);
    const EvaluationReport report = evaluateModel(contents.model, table, "evaluated rows");
    printMetricsTable(report, out);
    writeMetricsJson(parser, report);
    return 0;
}

int commandPredict(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Score a CSV file with a saved model."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "A CSV file with the model's feature columns.", "file"));
    parser.addOption(option("out", "Where to write the predictions CSV.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "predict", out, help);
    if (help)
        return 0;
    required(parser, "data", "predict");
    const QString outPath = required(parser, "out", "predict");
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "predict")));
    const Table table = readForModel(parser, contents.model, false);
    const int threads = static_cast<int>(integerOption(parser, "threads", 0));
    const std::vector<Eigen::MatrixXf> predictions = contents.model.predict(table, threads);
    writeFileAtomically(str(outPath), predictionsToCsv(contents.model, predictions));
    out << "Scored " << table.rowCount() << " rows of " << table.source() << " into " << str(outPath) << '\n';
    return 0;
}

} // namespace

int runCommandLine(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")) {
        (arguments.size() < 2 ? err : out) << kUsage;
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments[1] == QLatin1String("--version")) {
        out << "creditmtl-cli " << CREDITMTL_VERSION << '\n';
        return 0;
    }
    std::signal(SIGINT, onInterrupt);
    const QString command = arguments[1];
    try {
        if (command == QLatin1String("inspect"))
            return commandInspect(arguments, out);
        if (command == QLatin1String("train"))
            return commandTrain(arguments, out);
        if (command == QLatin1String("evaluate"))
            return commandEvaluate(arguments, out);
        if (command == QLatin1String("predict"))
            return commandPredict(arguments, out);
        throw UsageError("unknown command \"" + str(command) + "\"; expected inspect, train, evaluate or predict");
    } catch (const UsageError &error) {
        err << "creditmtl-cli: " << error.what() << '\n';
        return 2;
    } catch (const Cancelled &) {
        err << "creditmtl-cli: interrupted\n";
        return 130;
    } catch (const std::exception &error) {
        err << "creditmtl-cli: " << error.what() << '\n';
        return 1;
    }
}

} // namespace cmtl
