#pragma once

// What the command-line commands share: option parsing with checked ranges, the CSV options,
// task specifications, reading data for a run or a saved model, and printing metrics.

#include "common/Cancellation.h"
#include "csv/CsvReader.h"
#include "database/Database.h"
#include "io/ConfigJson.h"
#include "io/FileIdentity.h"
#include "io/SettingLimits.h"
#include "model/MultiTaskModel.h"
#include "statfile/DataFileReader.h"
#include "train/Experiment.h"

#include <QCommandLineParser>
#include <QStringList>

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cmtl {

// A mistake in the command line itself (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Cancelled by Ctrl-C (SIGINT): readers and training poll it.
extern CancellationToken g_interrupt;
// The signal handler that sets g_interrupt (SIGINT; under mpirun SIGTERM too).
extern "C" void onInterruptSignal(int);

std::string str(const QString &text);
QCommandLineOption option(const char *name, const char *description, const char *valueName = nullptr,
                          const char *defaultValue = nullptr);
// Parses the arguments after the command name; prints the help (and sets helpShown) for --help.
void parseOrThrow(QCommandLineParser &parser, const QStringList &arguments, const char *command, std::ostream &out,
                  bool &helpShown);
QString required(const QCommandLineParser &parser, const char *name, const char *command);
// For commands that take options only: refuses the first positional argument, naming it.
void refuseUnexpectedArguments(const QCommandLineParser &parser, const char *command);
// An integer option in its range, parsed in 64 bits and checked before any narrowing.
long long integerOption(const QCommandLineParser &parser, const limits::IntegerRange &range);
// A real option in its range; NaN and the infinities are refused.
double realOption(const QCommandLineParser &parser, const limits::RealRange &range);
// A seed: a whole number from 0 to 2^64 - 1 (--seed, each of --seeds).
std::uint64_t seedValue(const QString &text, const char *optionName);

// The CSV options, and with them the database options (addDatabaseOptions): every command that
// reads data takes both.
void addCsvOptions(QCommandLineParser &parser);
// --db URL with --table NAME or --query SQL: read wherever --data is (required("data"),
// readForModel and readTable resolve them; the password from CREDITMTL_DB_PASSWORD or a prompt).
void addDatabaseOptions(QCommandLineParser &parser);
// The value of a file option; for "data" given as --db, a stand-in that readTable reads from the
// database (no file name can equal it). "" when the option is not given.
QString dataArgument(const QCommandLineParser &parser, const char *option, const char *command);
// The database source a data argument names: --db's stand-in (dataArgument) or a locator
// (URL#table=NAME), with its password; nullopt for a file.
std::optional<DatabaseSource> databaseSourceOf(const QString &path);
// The database --db names (for writing back to it: predict --out-table), or null without --db.
const DatabaseSource *databaseOutput(const QCommandLineParser &parser, const char *command);
CsvOptions csvOptions(const QCommandLineParser &parser);
// Reads a CSV file, or a SAS, Stata or SPSS file (chosen by its first bytes), printing the
// reader's warnings and notes on stderr.
DataFileReadResult readTable(const QString &path, CsvOptions options, const std::vector<std::string> &categorical = {});
// The options with the columns of `categorical` read as text, besides those they already force.
CsvOptions withTextColumns(CsvOptions options, const std::vector<std::string> &categorical);

TaskSpec parseTaskSpec(const QString &text);
std::vector<int> parseHidden(const QString &text);

// The options that define a run (train and compare) and the run they describe, every value
// checked (a network too large to train is refused here, before any data is read).
void addRunOptions(QCommandLineParser &parser);
RunConfiguration runConfiguration(const QCommandLineParser &parser);
// The bytes --save-config asks for (empty without it); written by the command once the run has
// succeeded, so that a failed run leaves no configuration behind.
QByteArray configurationToSave(const QCommandLineParser &parser, const RunConfiguration &run);
// Refuses any output option naming the same file as an input option (or another output), by
// device and inode: see io/FileIdentity.h. Options not given are skipped. `derivedOutputs` are
// files the command writes that no option names directly (the checkpoint beside --out).
void refuseOutputsOverInputs(const QCommandLineParser &parser, const std::vector<const char *> &inputs,
                             const std::vector<const char *> &outputs,
                             const std::vector<NamedPath> &derivedOutputs = {});
// The training table of a run, with the ignored columns checked.
CsvReadResult readTrainingData(const QCommandLineParser &parser, const RunConfiguration &run, const char *command);
// Reads --data for a saved model: its text columns are read as text, and so are the `kept`
// columns (copied into predictions as written) that are not numeric inputs of the model. A kept
// column the file lacks is refused, naming the file's columns.
Table readForModel(const QCommandLineParser &parser, const MultiTaskModel &model, bool withTasks,
                   const std::vector<std::string> &kept = {});
// The same for the file that another option than --data names (psi's --base).
Table readForModelFrom(const char *fileOption, const QCommandLineParser &parser, const MultiTaskModel &model,
                       bool withTasks, const std::vector<std::string> &kept = {});

void printMetricsTable(const EvaluationReport &report, std::ostream &out);
// A number for a CSV file the command writes: 10 significant digits; empty when undefined (NaN).
std::string csvNumber(double value);
// The --metrics-json file's bytes, and writing them where --metrics-json says (when given).
QByteArray metricsJsonBytes(const EvaluationReport &report);
void writeMetricsJson(const QCommandLineParser &parser, const EvaluationReport &report);

} // namespace cmtl
