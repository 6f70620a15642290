#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "distributed/Communicator.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "train/Experiment.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <optional>

namespace cmtl {

namespace {

// Seconds with two significant digits at least: a small data set trains in hundredths of a
// second, which one decimal would print as 0.0.
std::string seconds(double value)
{
    return ConsoleTable::number(value, value >= 10 ? 1 : value >= 0.1 ? 2 : 3);
}

// The one-line figures the shared datasets' README gives for peer models, for comparison: the
// training time is the epochs' (and the refit's) wall time, the run's includes preprocessing
// and evaluation.
void printPeerLine(const EvaluationReport &report, const ExperimentResult &result, std::ostream &out)
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
    out << "\nSummary (" << report.part << "): " << line << "train s " << seconds(result.trainingSeconds) << "  run s "
        << seconds(result.seconds) << '\n';
}

// Prints one line per epoch as training goes.
class EpochPrinter : public TrainingCallback {
public:
    EpochPrinter(std::vector<std::string> tasks, std::ostream &out) : m_tasks(std::move(tasks)), m_out(out) {}

    bool endEpoch(const EpochRecord &record) override
    {
        m_out << "epoch " << record.epoch << "  loss " << ConsoleTable::number(record.trainObjective) << "  val "
              << ConsoleTable::number(record.validationObjective);
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

// The attention architecture's per-task feature attention: the inputs each task relies on most.
void printAttention(const MultiTaskModel &model, const Table &table, std::ostream &out)
{
    const std::vector<Eigen::VectorXf> attention = model.featureAttention(model.preprocessor().transform(table));
    const std::vector<std::string> names = model.preprocessor().inputNames();
    out << "\nFeature attention (mean over rows; uniform = " << ConsoleTable::number(1.0 / double(names.size()), 4)
        << "):\n";
    for (std::size_t t = 0; t < attention.size(); ++t) {
        std::vector<std::size_t> order(names.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return attention[t][static_cast<Eigen::Index>(a)] > attention[t][static_cast<Eigen::Index>(b)];
        });
        out << "  " << model.tasks()[t].spec.name() << ":";
        for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
            out << "  " << names[order[i]] << " "
                << ConsoleTable::number(attention[t][static_cast<Eigen::Index>(order[i])], 3);
        out << '\n';
    }
}

} // namespace

int commandTrain(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Train a multi-task model."));
    addCsvOptions(parser);
    addRunOptions(parser);
    parser.addOption(option(
        "test",
        "A separate test file, CSV, SAS, Stata or SPSS (e.g. a later period), or a database table or query written "
        "URL#table=NAME or URL#query=SQL (sqlite:/data/loans.db#table=loans_2024; the password as for --db); "
        "default: a held-out split.",
        "file|source"));
    parser.addOption(option("out", "Where to write the model file.", "file"));
    parser.addOption(option("metrics-json", "Also write the test metrics as JSON.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "train", out, help);
    if (help)
        return 0;
    refuseUnexpectedArguments(parser, "train");
    // Several ranks of an mpirun job would each train on the whole file and write the same output
    // files at once. The engine trains data-parallel (trainNetwork with a Communicator), reads a
    // rank's part (readCsvPartOfRank) and fits the preprocessing across ranks, but the task
    // encodings and the evaluation are not yet fitted across ranks, nor is this command wired to
    // them: refused rather than run N times over.
    if (launchedByMpirun() && std::string(std::getenv("OMPI_COMM_WORLD_SIZE")) != "1")
        throw ConfigError("train was started by mpirun with " + std::string(std::getenv("OMPI_COMM_WORLD_SIZE")) +
                          " ranks, but the command does not train data-parallel yet (README, \"Data-parallel "
                          "training over MPI\"): run it as one process (mpirun -np 1 or without mpirun)");
    required(parser, "data", "train");
    const QString outPath = required(parser, "out", "train");
    // Before anything is read or written: no output may be one of the inputs.
    refuseOutputsOverInputs(parser, {"data", "test", "config", "binning"}, {"out", "metrics-json", "save-config"});
    const RunConfiguration run = runConfiguration(parser);
    const ExperimentConfig &config = run.config;

    const CsvReadResult train = readTrainingData(parser, run, "train");
    const RoleAssignment roles = defaultRoles(train.table, run.tasks, run.ignored);
    std::optional<CsvReadResult> test;
    if (parser.isSet(QStringLiteral("test"))) {
        // Read the test file's text columns as text even where its values happen to look numeric.
        std::vector<std::string> categorical;
        for (const Column &column : train.table.columns()) {
            if (column.type == ColumnType::Categorical)
                categorical.push_back(column.name);
        }
        test = readTable(parser.value(QStringLiteral("test")), csvOptions(parser), categorical);
    }
    if (!test && config.split.trainFraction + config.split.validationFraction >= 1.0)
        throw UsageError("--train-fraction plus --validation-fraction must leave rows for the test split");

    out << "Training on " << train.table.source() << ": " << train.table.rowCount() << " rows, "
        << roles.features.size() << " feature columns, " << roles.tasks.size() << " task(s); "
        << toString(config.train.architecture) << ", " << toString(config.train.weighting.method) << " weighting\n";
    std::vector<std::string> taskNames;
    for (const TaskSpec &task : roles.tasks)
        taskNames.push_back(task.name());
    EpochPrinter printer(taskNames, out);
    ExperimentResult result =
        runExperiment(train.table, roles, config, test ? &test->table : nullptr, {&printer}, &g_interrupt);
    // Scoring reads new files as this one was read: the values treated as missing go with the model.
    result.model.setInputMissingValues(csvOptions(parser).columnMissingValues);
    for (const std::string &warning : result.warnings)
        out << "note: " << warning << '\n';
    if (result.history.refitEpochs > 0)
        out << result.history.stopReason << " (early stopping chose epoch " << result.history.bestEpoch << ")\n";
    else
        out << result.history.stopReason << "; kept the weights of epoch " << result.history.bestEpoch << '\n';
    if (config.train.architecture == Architecture::Attention)
        printAttention(result.model, train.table, out);

    const EvaluationReport *testReport = result.report("test");
    const EvaluationReport &shown = testReport ? *testReport : result.reports.front();
    printMetricsTable(shown, out);
    printPeerLine(shown, result, out);

    // The model, the metrics and the configuration are written all or nothing: each to a
    // temporary file first, renamed into place only once all are on disk.
    std::vector<std::pair<std::string, QByteArray>> files{
        {str(outPath), serializeModel({result.model, result.reports, result.history, result.warnings})}};
    const QString metricsPath = parser.value(QStringLiteral("metrics-json"));
    if (!metricsPath.isEmpty())
        files.emplace_back(str(metricsPath), metricsJsonBytes(shown));
    const QByteArray configuration = configurationToSave(parser, run);
    if (!configuration.isEmpty())
        files.emplace_back(str(parser.value(QStringLiteral("save-config"))), configuration);
    writeFilesAtomically(files);
    out << "\nModel written to " << str(outPath) << '\n';
    if (!metricsPath.isEmpty())
        out << "Metrics written to " << str(metricsPath) << '\n';
    if (!configuration.isEmpty())
        out << "Configuration written to " << str(parser.value(QStringLiteral("save-config"))) << '\n';
    return 0;
}

} // namespace cmtl
