#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "explain/PermutationImportance.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"

namespace cmtl {

namespace {

constexpr limits::IntegerRange kImportanceRepeats{"repeats", "importance.repeats", 1, 1000};

} // namespace

int commandImportance(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Permutation importance of a saved model's input columns, per task: how much the task's AUC (binary), "
        "accuracy (multiclass) or RMSE (regression) worsens when the column's values are shuffled across the rows. "
        "Each column is shuffled --repeats times; the mean and standard deviation of the drop are reported."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "A CSV file with the model's feature and task columns.", "file"));
    parser.addOption(option("repeats", "Shuffles per column (1 to 1000).", "n", "5"));
    parser.addOption(option("seed", "Seed of the shuffles (the same seed gives the same figures).", "n", "1"));
    parser.addOption(option("out", "Write the importances as CSV.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "importance", out, help);
    if (help)
        return 0;
    required(parser, "data", "importance");
    const QString modelPath = required(parser, "model", "importance");
    const int repeats = static_cast<int>(integerOption(parser, kImportanceRepeats));
    const std::uint64_t seed = seedValue(parser.value(QStringLiteral("seed")), "seed");
    refuseOutputsOverInputs(parser, {"data", "model"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(modelPath));
    const Table table = readForModel(parser, contents.model, true);
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));
    const std::vector<TaskImportance> importances =
        permutationImportance(contents.model, table, repeats, seed, threads);

    out << "Permutation importance on " << table.source() << " (" << repeats << " repeats, seed " << seed << "):\n";
    std::string csv = "task,metric,baseline,column,mean_drop,sd_drop\n";
    for (const TaskImportance &task : importances) {
        out << "\nTask " << task.task << ": " << task.metric << " " << ConsoleTable::number(task.baseline)
            << (task.metric == "RMSE" ? " (drop = permuted - baseline)\n" : " (drop = baseline - permuted)\n");
        ConsoleTable table({"column", "mean drop", "sd"});
        for (const FeatureImportance &feature : task.features) {
            table.addRow({feature.column, ConsoleTable::number(feature.mean, 5), ConsoleTable::number(feature.sd, 5)});
            csv += csvField(task.task) + ',' + task.metric + ',' + csvNumber(task.baseline) + ',' +
                   csvField(feature.column) + ',' + csvNumber(feature.mean) + ',' + csvNumber(feature.sd) + '\n';
        }
        table.print(out);
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    if (!outPath.isEmpty()) {
        writeFileAtomically(str(outPath), QByteArray::fromStdString(csv));
        out << "Wrote " << str(outPath) << '\n';
    }
    return 0;
}

} // namespace cmtl
