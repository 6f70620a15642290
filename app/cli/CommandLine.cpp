#include "CommandLine.h"

#include "CliSupport.h"
#include "commands/Commands.h"

#include <csignal>
#include <new>

namespace cmtl {

namespace {

const char *const kUsage = R"(usage: creditmtl-cli <command> [options]

commands:
  inspect DATA.csv                      columns with inferred types, missing and distinct counts
  train --data TRAIN.csv --task SPEC... --out MODEL.cmtl
                                        train a multi-task model and report its metrics
  evaluate --model MODEL.cmtl --data DATA.csv
                                        metrics of a saved model on labelled data
  predict --model MODEL.cmtl --data DATA.csv --out PREDICTIONS.csv
                                        score new data
  compare --data DATA.csv --task SPEC... [--folds K | --seeds 1,2,3] [--candidate NAME...]
                                        baselines and multi-task models, metric mean +- sd per task
  tune --data TRAIN.csv --task SPEC... [--budget SECONDS | --trials N] [--metric TASK:METRIC]
                                        search the settings by cross-validation; --save-config FILE
  screen --data DATA.csv --task COLUMN:binary:POSITIVE [--special COLUMN=VALUE...] [--out SCREEN.csv]
                                        features by information value, binned, and correlated pairs
  scorecard --data DATA.csv --task COLUMN:binary:POSITIVE --out CARD.csv [--json CARD.json]
                                        a points scorecard: logistic regression on WoE, scaled by PDO
  reject-inference --data ACCEPTS.csv --rejects DECLINED.csv --task COLUMN:binary:POSITIVE --method fuzzy|parcel --out CARD.csv
                                        a scorecard refitted with the declined applicants' inferred outcomes
  export --model MODEL.cmtl --onnx MODEL.onnx
                                        the model as one ONNX graph, to score in ONNX Runtime
  export --model MODEL.cmtl --sql MODEL.sql [--dialect sqlite|postgresql] [--sql-table NAME] [--keep COL...]
                                        the model as one SQL SELECT scoring a table
  psi --model MODEL.cmtl --base TRAIN.csv --data NEW.csv [--out PSI.csv]
                                        stability of each task's score (PSI) and input column (CSI)
  importance --model MODEL.cmtl --data DATA.csv [--repeats 5] [--out IMPORTANCE.csv]
                                        permutation importance of each input column per task
  report --model MODEL.cmtl --data TEST.csv [--base TRAIN.csv] --out REPORT.html
                                        the model documentation report as one self-contained HTML file

Run `creditmtl-cli <command> --help` for a command's options.
)";
} // namespace

extern "C" void onInterruptSignal(int)
{
    g_interrupt.cancel(); // an atomic store: async-signal-safe
}

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
    std::signal(SIGINT, onInterruptSignal);
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
        if (command == QLatin1String("compare"))
            return commandCompare(arguments, out);
        if (command == QLatin1String("tune"))
            return commandTune(arguments, out);
        if (command == QLatin1String("screen"))
            return commandScreen(arguments, out);
        if (command == QLatin1String("export"))
            return commandExport(arguments, out);
        if (command == QLatin1String("scorecard"))
            return commandScorecard(arguments, out);
        if (command == QLatin1String("reject-inference"))
            return commandRejectInference(arguments, out);
        if (command == QLatin1String("psi"))
            return commandPsi(arguments, out);
        if (command == QLatin1String("importance"))
            return commandImportance(arguments, out);
        if (command == QLatin1String("report"))
            return commandReport(arguments, out);
        throw UsageError(
            "unknown command \"" + str(command) +
            "\"; expected inspect, train, evaluate, predict, compare, tune, screen, scorecard, reject-inference, "
            "psi, importance, report or export");
    } catch (const UsageError &error) {
        err << "creditmtl-cli: " << error.what() << '\n';
        return 2;
    } catch (const std::bad_alloc &) {
        err << "creditmtl-cli " << str(command)
            << ": ran out of memory (a request for memory was refused by the system); reduce what it holds: "
               "fewer rows or columns in the data, smaller --hidden layers or --batch, fewer --threads, or "
               "close other programs\n";
        return 1;
    } catch (const Cancelled &) {
        err << "creditmtl-cli: interrupted\n";
        return 130;
    } catch (const std::exception &error) {
        err << "creditmtl-cli: " << error.what() << '\n';
        return 1;
    }
}

} // namespace cmtl
