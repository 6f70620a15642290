#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "io/AtomicFile.h"
#include "tune/Tuner.h"

#include <QFileInfo>

namespace cmtl {

namespace {

// One week: a budget beyond it is more likely a slip of the keyboard than a plan.
constexpr limits::RealRange kBudget{"budget", "budget", 0.001, 7 * 24 * 3600.0};
constexpr limits::IntegerRange kTrials{"trials", "trials", 1, 100000};

std::string meanAndDeviation(const Trial &trial)
{
    if (trial.scores.empty())
        return "-";
    const Summary summary = trial.summary();
    return ConsoleTable::number(summary.mean, 4) + " +- " + ConsoleTable::number(summary.standardDeviation, 4);
}

// Prints a line whenever a trial ends a rung (promoted, pruned, complete, failed, stopped).
class TrialPrinter : public TuneCallback {
public:
    explicit TrialPrinter(std::ostream &out) : m_out(out) {}

    bool trialUpdated(const Trial &trial) override
    {
        m_out << "  trial " << trial.number << " (bracket " << trial.bracket << "): " << meanAndDeviation(trial)
              << " over " << trial.scores.size() << " folds, " << ConsoleTable::number(trial.seconds, 1) << " s, "
              << (trial.state == TrialState::Running ? "promoted to rung " + std::to_string(trial.rung)
                                                     : std::string(toString(trial.state)))
              << (trial.error.empty() ? "" : ": " + trial.error) << std::endl;
        return false;
    }

private:
    std::ostream &m_out;
};

} // namespace

int commandTune(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Search the settings (L2, dropout, layers, learning rate, epochs, batch, early stopping, lambdas, "
        "architecture, weighting) by random search with successive halving, each candidate scored by "
        "repeated stratified K-fold cross-validation on the training rows only (first on one held-out fold, "
        "the best third on three, the best ninth on all; folds scored on every core at once); print the trials and the "
        "best "
        "configuration, and save it for `train --config` with --save-config. The given settings are the "
        "first candidate."));
    addCsvOptions(parser);
    addRunOptions(parser);
    parser.addOption(option("test",
                            "The separate test CSV `train` will be given: every row of --data is then tuned on "
                            "(this file itself is not read). Default: the rows of --data's held-out test split "
                            "are left out of the search.",
                            "file"));
    parser.addOption(option("budget", "Stop after this many seconds (default 60 unless --trials is given).", "s"));
    parser.addOption(option("trials", "Stop after this many candidates (with --budget: whichever comes first).", "n"));
    parser.addOption(option("metric",
                            "The figure to optimise, TASK:METRIC: auc, ks, gini, logloss, brier (binary); "
                            "accuracy, macro-f1, logloss (multiclass); rmse, mae, r2 (regression). Default: "
                            "the first binary task's AUC (else the first task's accuracy or RMSE).",
                            "task:metric"));
    parser.addOption(option("folds", "Cross-validation folds (default 3).", "k", "3"));
    parser.addOption(option("repeats", "Repeats of the cross-validation, each with new folds (default 3).", "r", "3"));
    bool help = false;
    parseOrThrow(parser, arguments, "tune", out, help);
    if (help)
        return 0;
    refuseUnexpectedArguments(parser, "tune");
    required(parser, "data", "tune");
    refuseOutputsOverInputs(parser, {"data", "test", "config", "binning"}, {"save-config"});
    const RunConfiguration run = runConfiguration(parser);

    TuneSpec spec;
    if (parser.isSet(QStringLiteral("budget")))
        spec.budgetSeconds = realOption(parser, kBudget);
    if (parser.isSet(QStringLiteral("trials")))
        spec.maxTrials = static_cast<int>(integerOption(parser, kTrials));
    if (spec.budgetSeconds == 0 && spec.maxTrials == 0)
        spec.budgetSeconds = 60;
    spec.crossValidation.folds = static_cast<int>(integerOption(parser, limits::kFolds));
    spec.crossValidation.repeats = static_cast<int>(integerOption(parser, limits::kTuneRepeats));
    spec.crossValidation.seed = run.config.train.seed;
    // --threads bounds the folds scored at once (each training then on one thread); 0 = all cores.
    spec.workers = run.config.train.threads;
    try {
        spec.metric = parseTuneMetric(str(parser.value(QStringLiteral("metric"))), run.tasks);
    } catch (const ConfigError &error) {
        throw UsageError("--metric: " + std::string(error.what()));
    }
    const bool separateTest = parser.isSet(QStringLiteral("test"));
    if (separateTest && !QFileInfo(parser.value(QStringLiteral("test"))).isFile())
        throw UsageError("--test " + str(parser.value(QStringLiteral("test"))) +
                         ": no such file; give the test CSV that train will use, or leave --test out to hold "
                         "back --data's own test split");
    if (!separateTest && run.config.split.trainFraction + run.config.split.validationFraction >= 1.0)
        throw UsageError("--train-fraction plus --validation-fraction must leave rows for the test split, which the "
                         "search leaves alone (or give the test file with --test)");

    const CsvReadResult data = readTrainingData(parser, run, "tune");
    const RoleAssignment roles = defaultRoles(data.table, run.tasks, run.ignored);
    const CrossValidationObjective objective(data.table, roles, tuningRows(data.table, roles, run.config, separateTest),
                                             spec.metric, spec.crossValidation);
    Candidate base{run.config, {}};
    for (const TaskSpec &task : roles.tasks)
        base.lambdas.push_back(task.lambda);

    out << "Tuning " << spec.metric.label() << " on " << objective.rows().size() << " of " << data.table.rowCount()
        << " rows of " << data.table.source() << (separateTest ? "" : " (the test split left out)") << ": "
        << spec.crossValidation.repeats << " x " << spec.crossValidation.folds
        << "-fold cross-validation, successive halving (eta " << spec.halvingRate << ", brackets of "
        << spec.bracketSize << ", " << foldsAtRung(0, spec) << " fold(s) at the first rung), " << workerCount(spec)
        << " fold(s) at a time, ";
    if (spec.maxTrials > 0)
        out << spec.maxTrials << " trials" << (spec.budgetSeconds > 0 ? " or " : "");
    if (spec.budgetSeconds > 0)
        out << ConsoleTable::number(spec.budgetSeconds, 0) << " s";
    out << ", seed " << spec.crossValidation.seed << '\n';

    TrialPrinter printer(out);
    const TuneResult result = tune(objective, base, spec, {&printer}, &g_interrupt);

    out << "\nTrials (" << spec.metric.label() << " on the held-out folds, mean +- sd):\n";
    ConsoleTable table({"#", "configuration", spec.metric.label(), "folds", "rung", "state", "s"});
    for (const Trial &trial : result.trials)
        table.addRow({std::to_string(trial.number), trial.description, meanAndDeviation(trial),
                      std::to_string(trial.scores.size()), std::to_string(trial.rung), toString(trial.state),
                      ConsoleTable::number(trial.seconds, 1)});
    table.print(out);
    out << "\nStopped: " << result.stopReason << " after " << ConsoleTable::number(result.seconds, 1) << " s\n";
    const Trial *best = result.bestTrial();
    if (best == nullptr)
        throw ConfigError("no trial was scored (" + result.stopReason +
                          "); give a larger --budget or look at the failures above");
    out << "Best: trial " << best->number << ", " << spec.metric.label() << " " << meanAndDeviation(*best) << " over "
        << best->scores.size() << " folds\n  " << best->description << '\n';
    if (result.cancelled && g_interrupt.isCancelled())
        throw Cancelled(); // no configuration is saved from a search the user broke off

    if (parser.isSet(QStringLiteral("save-config"))) {
        RunConfiguration tuned = run;
        tuned.config = best->candidate.config;
        for (std::size_t t = 0; t < tuned.tasks.size() && t < best->candidate.lambdas.size(); ++t)
            tuned.tasks[t].lambda = best->candidate.lambdas[t];
        const std::string path = str(parser.value(QStringLiteral("save-config")));
        writeFileAtomically(path, serializeRunConfiguration(tuned));
        out << "Configuration written to " << path << " (train it with: creditmtl-cli train --config " << path
            << " --data ... --out MODEL.cmtl)\n";
    }
    return 0;
}

} // namespace cmtl
