#pragma once

// What the command-line commands share: option parsing with checked ranges, the CSV options,
// task specifications, reading data for a run or a saved model, and printing metrics.

#include "common/Cancellation.h"
#include "csv/CsvReader.h"
#include "io/ConfigJson.h"
#include "model/MultiTaskModel.h"
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

std::string str(const QString &text);
QCommandLineOption option(const char *name, const char *description, const char *valueName = nullptr,
                          const char *defaultValue = nullptr);
// Parses the arguments after the command name; prints the help (and sets helpShown) for --help.
void parseOrThrow(QCommandLineParser &parser, const QStringList &arguments, const char *command, std::ostream &out,
                  bool &helpShown);
QString required(const QCommandLineParser &parser, const char *name, const char *command);
long long integerOption(const QCommandLineParser &parser, const char *name, long long lowest);
double realOption(const QCommandLineParser &parser, const char *name, double lowest, double highest);

void addCsvOptions(QCommandLineParser &parser);
CsvOptions csvOptions(const QCommandLineParser &parser);
CsvReadResult readTable(const QString &path, CsvOptions options, const std::vector<std::string> &categorical = {});

TaskSpec parseTaskSpec(const QString &text);
std::vector<int> parseHidden(const QString &text);

// The options that define a run (train and compare) and the run they describe.
void addRunOptions(QCommandLineParser &parser);
RunConfiguration runConfiguration(const QCommandLineParser &parser);
// The training table of a run, with the ignored columns checked.
CsvReadResult readTrainingData(const QCommandLineParser &parser, const RunConfiguration &run, const char *command);
// Reads --data for a saved model: its text columns are read as text.
Table readForModel(const QCommandLineParser &parser, const MultiTaskModel &model, bool withTasks);

void printMetricsTable(const EvaluationReport &report, std::ostream &out);
void writeMetricsJson(const QCommandLineParser &parser, const EvaluationReport &report);

} // namespace cmtl
