#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "RankInterrupt.h"
#include "distributed/Communicator.h"
#include "distributed/DistributedDatabaseRead.h"
#include "distributed/DistributedRead.h"
#include "io/AtomicFile.h"
#include "io/FileIdentity.h"
#include "io/ModelFile.h"
#include "train/Experiment.h"
#include "train/OutOfCore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
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
// In a data-parallel run `table` is this rank's part and the mean is over every rank's rows.
void printAttention(const MultiTaskModel &model, const Table &table, Communicator &ranks, std::ostream &out)
{
    std::vector<Eigen::VectorXf> attention = model.featureAttention(model.preprocessor().transform(table));
    if (ranks.isDistributed()) {
        std::vector<double> rows{static_cast<double>(table.rowCount())};
        ranks.sum(std::span<double>(rows));
        for (Eigen::VectorXf &task : attention) {
            task *= static_cast<float>(static_cast<double>(table.rowCount()) / rows[0]);
            ranks.sum(std::span<float>(task.data(), static_cast<std::size_t>(task.size())));
        }
    }
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

// The number of ranks of the mpirun job that started this process (1 outside mpirun).
int ranksOfJob()
{
    return launchedByMpirun() ? std::atoi(std::getenv("OMPI_COMM_WORLD_SIZE")) : 1;
}

constexpr limits::IntegerRange kCheckpointEvery{"checkpoint-every", "", 1, 1000000};

// Where checkpoints go (--checkpoint, or the model's path with ".checkpoint"), and whether the
// run writes or resumes any; empty when it does neither.
std::string checkpointPath(const QCommandLineParser &parser)
{
    const bool used = parser.isSet(QStringLiteral("checkpoint-every")) || parser.isSet(QStringLiteral("resume"));
    if (!used && parser.isSet(QStringLiteral("checkpoint")))
        throw UsageError("--checkpoint names the file of --checkpoint-every and --resume; give one of them too");
    if (!used)
        return {};
    return parser.isSet(QStringLiteral("checkpoint")) ? str(parser.value(QStringLiteral("checkpoint")))
                                                      : str(parser.value(QStringLiteral("out"))) + ".checkpoint";
}

// The settings as named values ("config.train.epochs" = "6"): a JSON object's fields one by one,
// lists as their compact JSON text.
void flattenInto(const QJsonObject &object, const std::string &prefix, RunFingerprint &fingerprint)
{
    for (auto field = object.begin(); field != object.end(); ++field) {
        const std::string name = prefix + field.key().toStdString();
        const QJsonValue value = field.value();
        if (value.isObject()) {
            flattenInto(value.toObject(), name + ".", fingerprint);
        } else {
            const QJsonArray wrapped{value};
            QByteArray text = QJsonDocument(wrapped).toJson(QJsonDocument::Compact);
            fingerprint.push_back({name, text.mid(1, text.size() - 2).toStdString()});
        }
    }
}

// What the run depends on besides what the run itself adds (rows, network, preprocessing): every
// setting (the threads are none: results do not depend on them), the data file's size and the
// number of ranks.
RunFingerprint runFingerprint(const QCommandLineParser &parser, const RunConfiguration &run, int ranks)
{
    RunFingerprint fingerprint;
    flattenInto(runConfigurationToJson(run), "", fingerprint);
    for (const char *file : {"data", "test"}) {
        const QString path = parser.value(QString::fromLatin1(file));
        if (!path.isEmpty())
            fingerprint.push_back({std::string("--") + file + " file bytes", std::to_string(QFileInfo(path).size())});
    }
    fingerprint.push_back({"ranks", std::to_string(ranks)});
    return fingerprint;
}

// The checkpoint settings of the run (nullopt without checkpoints). With --resume, rank 0 reads
// the checkpoint and every rank gets its bytes; a missing checkpoint means training from the start.
std::optional<CheckpointSettings> checkpointSettings(const QCommandLineParser &parser, const RunConfiguration &run,
                                                     Communicator &ranks, std::ostream &out)
{
    const std::string path = checkpointPath(parser);
    if (path.empty())
        return std::nullopt;
    CheckpointSettings settings;
    settings.path = path;
    settings.every = parser.isSet(QStringLiteral("checkpoint-every"))
                         ? static_cast<int>(integerOption(parser, kCheckpointEvery))
                         : 0;
    settings.write = ranks.rank() == 0;
    settings.fingerprint = runFingerprint(parser, run, ranks.size());
    if (!parser.isSet(QStringLiteral("resume")))
        return settings;
    // Rank 0's answer for every rank: a first byte saying whether the file exists, then its bytes.
    std::vector<char> bytes{'0'};
    if (ranks.rank() == 0 && QFileInfo::exists(QString::fromStdString(path))) {
        const QByteArray read = readWholeFile(path, kMaxCheckpointBytes, "checkpoint file");
        bytes.assign(1, '1');
        bytes.insert(bytes.end(), read.begin(), read.end());
    }
    if (ranks.isDistributed())
        ranks.broadcast(bytes, 0);
    if (bytes.front() != '1') {
        out << "note: no checkpoint " << path << " to resume from: training from the start\n";
        return settings;
    }
    settings.resume = parseCheckpoint(QByteArrayView(bytes.data() + 1, static_cast<qsizetype>(bytes.size()) - 1), path);
    settings.resumeSource = path;
    const int members = run.config.train.ensemble;
    settings.resumed = [&out, path, members](const TrainingCheckpoint &checkpoint) {
        out << "Resuming from " << path << ": "
            << (members > 1 ? "ensemble member " + std::to_string(checkpoint.member + 1) + ", " : "")
            << (checkpoint.refit ? "the refit on all training rows" : "training with early stopping")
            << ", after epoch " << checkpoint.trainer.epoch << '\n';
    };
    return settings;
}

int trainOnRank(const QCommandLineParser &parser, const RunConfiguration &run, Communicator &ranks, std::ostream &out);
int trainOutOfCore(const QCommandLineParser &parser, const RunConfiguration &run, std::ostream &out);
void printNotesAndStop(const ExperimentResult &result, std::ostream &out);
void printResults(const ExperimentResult &result, std::ostream &out);
// Prints and writes the results (rank 0); removes the run's checkpoint (if any) once the model is written.
int writeResults(const QCommandLineParser &parser, const RunConfiguration &run, const ExperimentResult &result,
                 std::ostream &out, const CheckpointSettings *checkpoints = nullptr);

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
    parser.addOption(option("checkpoint-every",
                            "Write a checkpoint every N epochs (atomically; under mpirun by rank 0), from which "
                            "--resume continues a killed run to the same model; removed once the model is written.",
                            "n"));
    parser.addOption(
        option("checkpoint", "The checkpoint file (default: the --out file with .checkpoint added).", "file"));
    parser.addOption(option("resume",
                            "Continue from the checkpoint, refused when the data or settings differ from the run "
                            "that wrote it; without a checkpoint, train from the start."));
    parser.addOption(option("memory-budget",
                            "Train on a CSV file larger than memory within about this many megabytes: the file is "
                            "converted once into a row cache on disk and batches are read from it (the model is the "
                            "in-memory one's).",
                            "MB"));
    parser.addOption(option("cache-dir",
                            "With --memory-budget: the directory where the row cache (about the size of the data "
                            "file) is written and removed at the end; default: the temporary directory.",
                            "dir"));
    bool help = false;
    parseOrThrow(parser, arguments, "train", out, help);
    if (help)
        return 0;
    refuseUnexpectedArguments(parser, "train");
    const QString dataPath = required(parser, "data", "train");
    required(parser, "out", "train");
    // Before anything is read or written: no output may be one of the inputs.
    std::vector<NamedPath> derivedOutputs;
    if (const std::string checkpoint = checkpointPath(parser); !checkpoint.empty())
        derivedOutputs.push_back({"the checkpoint", checkpoint});
    refuseOutputsOverInputs(parser, {"data", "test", "config", "binning"}, {"out", "metrics-json", "save-config"},
                            derivedOutputs);
    const RunConfiguration run = runConfiguration(parser);
    if (parser.isSet(QStringLiteral("memory-budget"))) {
        if (!checkpointPath(parser).empty())
            throw UsageError("--checkpoint-every and --resume do not go with --memory-budget yet: train out of "
                             "core without them");
        return trainOutOfCore(parser, run, out);
    }
    if (parser.isSet(QStringLiteral("cache-dir")))
        throw UsageError("--cache-dir goes with --memory-budget");

    // Under mpirun with several ranks: data-parallel, each rank reading its part of the file (a byte
    // range of a CSV file, a range of rows of a SAS, Stata or SPSS file or of a database table or
    // query).
    // A rank that fails stops the job, naming itself (runRank).
    if (ranksOfJob() == 1) {
        SingleProcessCommunicator oneProcess;
        return trainOnRank(parser, run, oneProcess, out);
    }
    const std::unique_ptr<Communicator> communicator = makeMpiCommunicator();
    Communicator &ranks = *communicator;
    std::ostream nowhere(nullptr); // the other ranks print nothing
    // mpirun, interrupted, ends the ranks with SIGTERM (and SIGKILL a little later): taken as an
    // interrupt, so that training stops at the next step on every rank and rank 0 says so, and
    // outside the steps rank 0 says so and ends its process at once (RankInterrupt.h).
    takeInterruptsAcrossRanks(ranks.rank(), ranks.size());
    return runRank(ranks, [&]() -> int {
        try {
            return trainOnRank(parser, run, ranks, ranks.rank() == 0 ? out : nowhere);
        } catch (const Cancelled &) {
            // Every rank stopped after the same step (a collective decision): none waits for another.
            if (ranks.rank() == 0)
                std::cerr << "creditmtl-cli: interrupted (rank 0 of " << ranks.size() << "); no model written"
                          << std::endl;
            return 130;
        }
    });
}

namespace {

// The warnings of a rank's part of a file (its own rows), and a statistical file's or a database's
// notes (the whole file's, the same on every rank: rank 0 prints them once).
void printReadMessages(const RankPart &part, const Communicator &ranks)
{
    for (const CsvWarning &warning : part.read.warnings)
        std::cerr << "creditmtl-cli: warning (rank " << ranks.rank() << "): " << warning.message << '\n';
    if (ranks.rank() == 0) {
        for (const std::string &note : part.statFile ? part.statFile->notes : part.notes)
            std::cerr << "creditmtl-cli: note: " << note << '\n';
    }
}

// This rank's part of the data or test (collective): of a database source (--db's or a locator),
// or of a file.
RankPart readPartOfRank(Communicator &ranks, const QString &path, const CsvOptions &options)
{
    if (const std::optional<DatabaseSource> source = databaseSourceOf(path))
        return readDatabasePartOfRank(ranks, *source, options);
    return readDataPartOfRank(ranks, str(path), options);
}

// The training of one process, or of one rank of a data-parallel run (`ranks`).
int trainOnRank(const QCommandLineParser &parser, const RunConfiguration &run, Communicator &ranks, std::ostream &out)
{
    const ExperimentConfig &config = run.config;
    const bool distributed = ranks.isDistributed();
    std::optional<RankPart> part;
    if (distributed) {
        part = readPartOfRank(ranks, dataArgument(parser, "data", "train"), csvOptions(parser));
        printReadMessages(*part, ranks);
        for (const std::string &column : run.ignored)
            part->read.table.column(column);
    }
    std::optional<CsvReadResult> whole;
    if (!distributed)
        whole = readTrainingData(parser, run, "train");
    const CsvReadResult &train = distributed ? part->read : *whole;
    const RoleAssignment roles = defaultRoles(train.table, run.tasks, run.ignored);
    std::optional<CsvReadResult> test;
    std::optional<RankPart> testPart; // a data-parallel run's: each rank reads its part of the test file
    if (parser.isSet(QStringLiteral("test"))) {
        // Read the test file's text columns as text even where its values happen to look numeric.
        std::vector<std::string> categorical;
        for (const Column &column : train.table.columns()) {
            if (column.type == ColumnType::Categorical)
                categorical.push_back(column.name);
        }
        if (distributed) {
            testPart = readPartOfRank(ranks, parser.value(QStringLiteral("test")),
                                      withTextColumns(csvOptions(parser), categorical));
            printReadMessages(*testPart, ranks);
        } else {
            test = readTable(parser.value(QStringLiteral("test")), csvOptions(parser), categorical);
        }
    }
    if (!test && !testPart && config.split.trainFraction + config.split.validationFraction >= 1.0)
        throw UsageError("--train-fraction plus --validation-fraction must leave rows for the test split");

    out << "Training on " << train.table.source() << ": " << (distributed ? part->allRows : train.table.rowCount())
        << " rows" << (distributed ? " over " + std::to_string(ranks.size()) + " ranks" : std::string()) << ", "
        << roles.features.size() << " feature columns, " << roles.tasks.size() << " task(s); "
        << toString(config.train.architecture) << ", " << toString(config.train.weighting.method) << " weighting\n";
    std::vector<std::string> taskNames;
    for (const TaskSpec &task : roles.tasks)
        taskNames.push_back(task.name());
    EpochPrinter printer(taskNames, out);
    std::vector<TrainingCallback *> callbacks;
    if (ranks.rank() == 0)
        callbacks.push_back(&printer); // prints only: the ranks still decide alike
    const std::optional<CheckpointSettings> checkpoints = checkpointSettings(parser, run, ranks, out);
    const CheckpointSettings *const checkpointing = checkpoints ? &*checkpoints : nullptr;
    ExperimentResult result;
    if (distributed) {
        // An interrupt (mpirun passes it on as SIGTERM) reaches the ranks at different steps: the
        // trainer sums the ranks' tokens in each step, and all of them stop after the same one.
        result = runExperimentAcrossRanks(ranks, *part, roles, config, testPart ? &*testPart : nullptr, callbacks,
                                          &g_interrupt, checkpointing);
    } else {
        result = runExperiment(train.table, roles, config, test ? &test->table : nullptr, callbacks, &g_interrupt,
                               checkpointing);
    }
    // Scoring reads new files as this one was read: the values treated as missing go with the model.
    result.model.setInputMissingValues(csvOptions(parser).columnMissingValues);
    printNotesAndStop(result, out);
    if (config.train.architecture == Architecture::Attention)
        printAttention(result.model, train.table, ranks, out);

    if (ranks.rank() != 0) {
        printResults(result, out);
        return 0; // rank 0 alone writes
    }
    if (!distributed)
        return writeResults(parser, run, result, out, checkpointing);
    return writeWithInterruptsHeld([&] { return writeResults(parser, run, result, out, checkpointing); },
                                   str(parser.value(QStringLiteral("out"))));
}

int trainOutOfCore(const QCommandLineParser &parser, const RunConfiguration &run, std::ostream &out)
{
    bool isNumber = false;
    const double budget = parser.value(QStringLiteral("memory-budget")).toDouble(&isNumber);
    if (!isNumber || !(budget >= 1) || budget > 1e9)
        throw UsageError("--memory-budget is a number of megabytes, at least 1: \"" +
                         str(parser.value(QStringLiteral("memory-budget"))) + "\"");
    if (ranksOfJob() > 1)
        throw UsageError("--memory-budget trains in one process: run it without mpirun");
    for (const char *flag : {"test", "binning"}) {
        if (parser.isSet(QString::fromLatin1(flag)))
            throw UsageError(std::string("--") + flag +
                             " is not read in a larger-than-memory run (--memory-budget) "
                             "yet: leave it out, or train in memory");
    }
    if (parser.optionNames().contains(QStringLiteral("db")))
        throw UsageError("--memory-budget reads a CSV file (--data), not a database");
    if (run.config.train.architecture == Architecture::Attention)
        throw UsageError("the attention architecture's feature attention is computed on the whole table in memory: "
                         "choose another architecture with --memory-budget");
    if (run.config.split.trainFraction + run.config.split.validationFraction >= 1.0)
        throw UsageError("--train-fraction plus --validation-fraction must leave rows for the test split");
    OutOfCoreOptions outOfCore;
    outOfCore.memoryBudget = static_cast<std::size_t>(budget * 1024 * 1024);
    outOfCore.cacheDirectory = str(parser.value(QStringLiteral("cache-dir")));
    const std::string path = str(parser.value(QStringLiteral("data")));
    out << "Training on " << path << " within a memory budget of " << budget << " MB (out of core); "
        << toString(run.config.train.architecture) << ", " << toString(run.config.train.weighting.method)
        << " weighting\n";
    std::vector<std::string> taskNames;
    for (const TaskSpec &task : run.tasks)
        taskNames.push_back(task.name());
    EpochPrinter printer(taskNames, out);
    OutOfCoreReport report;
    ExperimentResult result = runExperimentOutOfCore(path, csvOptions(parser), run.tasks, run.ignored, run.config,
                                                     outOfCore, {&printer}, &g_interrupt, &report);
    for (const std::string &warning : report.csvWarnings)
        std::cerr << "creditmtl-cli: warning: " << warning << '\n';
    out << report.rows << " rows read in " << report.parts << (report.parts == 1 ? " part" : " parts") << " of about "
        << ConsoleTable::number(static_cast<double>(report.partBytes) / (1024.0 * 1024.0), 1) << " MB"
        << (report.readings > 1
                ? " (the file read " + std::to_string(report.readings) + " times: a column turned to text)"
                : std::string())
        << "; row cache " << ConsoleTable::number(static_cast<double>(report.cacheBytes) / (1024.0 * 1024.0), 1)
        << " MB ("
        << (report.cacheMapped                          ? "mapped: it fits in the "
            : report.cacheBytes <= report.mappableBytes ? "read a row at a time: mmap failed; it fits in the "
                                                        : "read a row at a time: larger than the ")
        << ConsoleTable::number(static_cast<double>(report.mappableBytes) / (1024.0 * 1024.0), 1)
        << " MB the budget leaves for it; removed)\n";
    result.model.setInputMissingValues(csvOptions(parser).columnMissingValues);
    printNotesAndStop(result, out);
    return writeResults(parser, run, result, out);
}

void printNotesAndStop(const ExperimentResult &result, std::ostream &out)
{
    for (const std::string &warning : result.warnings)
        out << "note: " << warning << '\n';
    if (result.history.refitEpochs > 0)
        out << result.history.stopReason << " (early stopping chose epoch " << result.history.bestEpoch << ")\n";
    else
        out << result.history.stopReason << "; kept the weights of epoch " << result.history.bestEpoch << '\n';
}

void printResults(const ExperimentResult &result, std::ostream &out)
{
    const EvaluationReport *testReport = result.report("test");
    const EvaluationReport &shown = testReport ? *testReport : result.reports.front();
    printMetricsTable(shown, out);
    printPeerLine(shown, result, out);
}

int writeResults(const QCommandLineParser &parser, const RunConfiguration &run, const ExperimentResult &result,
                 std::ostream &out, const CheckpointSettings *checkpoints)
{
    printResults(result, out);
    const EvaluationReport *testReport = result.report("test");
    const EvaluationReport &shown = testReport ? *testReport : result.reports.front();
    const QString outPath = parser.value(QStringLiteral("out"));
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
    // The model is the result: the checkpoint would only let a later --resume skip to it.
    if (checkpoints && QFileInfo::exists(QString::fromStdString(checkpoints->path)) &&
        std::remove(checkpoints->path.c_str()) == 0)
        out << "Checkpoint " << checkpoints->path << " removed\n";
    return 0;
}

} // namespace

} // namespace cmtl
