#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "io/AtomicFile.h"
#include "report/ComparisonJson.h"
#include "report/ModelReport.h"
#include "train/Comparison.h"

#include <chrono>

namespace cmtl {

namespace {

std::string signedNumber(double value)
{
    std::string text = ConsoleTable::number(value, 4);
    if (value >= 0)
        text.insert(text.begin(), '+');
    return text;
}

std::string intervalText(const PairedInterval &interval)
{
    return signedNumber(interval.mean) + " [" + signedNumber(interval.lower) + ", " + signedNumber(interval.upper) +
           "]";
}

// Per task (its first headline metric), each multi-task candidate against the same network
// trained per task (candidate 1) and the tuned baseline (candidate 0), with the corrected
// resampled t interval and the verdict in words.
void printSharingVerdicts(const ComparisonResult &result, const ComparisonSpec &spec, std::ostream &out)
{
    if (result.metrics.empty() || result.metrics.front().values.front().size() < 2) {
        out << "\nNo verdict on sharing: an interval needs at least 2 repeats (folds or seeds).\n";
        return;
    }
    out << "\nDoes sharing help? Paired differences (multi-task minus the other) with their 95% Nadeau-Bengio "
           "corrected resampled t interval over the "
        << result.metrics.front().values.front().size()
        << " repeats: mean d +- t(0.975, k-1) * sqrt((1/k + n_test/n_train) * s_d^2), n_test/n_train = "
        << ConsoleTable::number(result.testToTrainRatio, 3)
        << ". An interval that covers 0 is no detectable difference.\n";
    std::string task;
    ConsoleTable table({"task", "metric", "multi-task model", "vs single-task net", "verdict",
                        "vs " + result.candidates[0], "verdict"});
    for (const MetricSamples &metric : result.metrics) {
        if (metric.task == task)
            continue; // the first headline metric of each task
        task = metric.task;
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            if (spec.candidates[c].kind != CandidateKind::MultiTask)
                continue;
            // Both references are always compared (candidates 0 and 1), with at least 2 repeats here.
            const PairedInterval &toSingle = metric.versusSingleTask[c].value();
            const PairedInterval &toBaseline = metric.versusBaseline[c].value();
            table.addRow({task, metric.metric, result.candidates[c], intervalText(toSingle),
                          sharingVerdict(toSingle.verdict), intervalText(toBaseline),
                          baselineVerdict(toBaseline.verdict) + " " + result.candidates[0]});
        }
    }
    table.print(out);
}

} // namespace

int commandCompare(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Train several model configurations on the same folds and tabulate each task's test metrics."));
    addCsvOptions(parser);
    addRunOptions(parser);
    parser.addOption(option("folds", "Stratified cross-validation folds (default 5).", "k", "5"));
    parser.addOption(option("seeds", "Instead of folds: one held-out split per seed, e.g. 1,2,3.", "list"));
    parser.addOption(
        option("candidate",
               "A model to compare (repeatable): logistic, single-task, boosted-trees (XGBoost, when the build "
               "has it), distilled-logistic, distilled-net, or ARCH[:WEIGHTING] such as mmoe or "
               "shared-bottom:uncertainty. Default: logistic, single-task, shared-bottom:fixed, "
               "shared-bottom:uncertainty, mmoe, ple, attention, boosted-trees.",
               "name"));
    parser.addOption(option("out-json",
                            "Also write the result as JSON (values per repeat, paired intervals, the data file's "
                            "SHA-256 and the tasks), for report --comparison.",
                            "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "compare", out, help);
    if (help)
        return 0;
    required(parser, "data", "compare");
    refuseOutputsOverInputs(parser, {"data", "config", "binning"}, {"save-config", "out-json"});
    const RunConfiguration run = runConfiguration(parser);
    ComparisonSpec spec;
    spec.teacher = run.config;
    spec.folds = static_cast<int>(integerOption(parser, limits::kFolds));
    for (const QString &seed : parser.value(QStringLiteral("seeds")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        spec.seeds.push_back(seedValue(seed, "seeds"));
    // logistic and single-task are always there: the other figures are read against them.
    const std::vector<ComparisonCandidate> standard = standardCandidates(run.config);
    spec.candidates = {standard[0], standard[1]};
    QStringList names = parser.values(QStringLiteral("candidate"));
    if (names.isEmpty()) {
        spec.candidates = standard;
    }
    for (const QString &name : names) {
        if (name == QLatin1String("logistic") || name == QLatin1String("single-task"))
            continue;
        if (name == QLatin1String("boosted-trees")) {
            if (!gradientBoostingAvailable())
                throw UsageError("--candidate boosted-trees: this build has no gradient boosting (XGBoost, Debian: "
                                 "libxgboost-dev, was not found when it was configured)");
            spec.candidates.push_back({kBoostedTreesLabel, CandidateKind::BoostedTrees, run.config});
            continue;
        }
        if (name == QLatin1String("distilled-logistic") || name == QLatin1String("distilled-net")) {
            const bool logistic = name == QLatin1String("distilled-logistic");
            spec.candidates.push_back(
                {str(name), CandidateKind::Distilled, logistic ? logisticConfig(run.config) : run.config});
            continue;
        }
        const qsizetype colon = name.indexOf(QLatin1Char(':'));
        ExperimentConfig config = run.config;
        try {
            config.train.architecture = architectureFromString(str(name.left(colon)));
            if (colon > 0)
                config.train.weighting.method = weightingFromString(str(name.mid(colon + 1)));
        } catch (const ConfigError &error) {
            throw UsageError("--candidate " + str(name) + ": " + error.what());
        }
        spec.candidates.push_back({str(name), CandidateKind::MultiTask, config});
    }

    const CsvReadResult data = readTrainingData(parser, run, "compare");
    const RoleAssignment roles = defaultRoles(data.table, run.tasks, run.ignored);
    out << "Comparing " << spec.candidates.size() << " models on " << data.table.source() << " ("
        << data.table.rowCount() << " rows)\n";
    const auto start = std::chrono::steady_clock::now();
    const ComparisonResult result = compareCandidates(
        data.table, roles, spec, [&](const std::string &line) { out << "  trained " << line << std::endl; },
        &g_interrupt);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out << "\nTest metrics, " << result.scheme << " (mean +- sd; differences paired by fold):\n";
    std::string task;
    for (const MetricSamples &metric : result.metrics) {
        if (metric.task != task) {
            task = metric.task;
            out << "\nTask " << task << '\n';
        }
        ConsoleTable table({"model", metric.metric, "vs single-task net", "vs logistic"});
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            const Summary value = summarise(metric.values[c]);
            const Summary toSingle = summariseDifference(metric.values[c], metric.values[1]);
            const Summary toLogistic = summariseDifference(metric.values[c], metric.values[0]);
            const auto plusMinus = [](const Summary &summary, bool signedValue) {
                const std::string mean = ConsoleTable::number(summary.mean, 4);
                return (signedValue && summary.mean >= 0 ? "+" : "") + mean + " +- " +
                       ConsoleTable::number(summary.standardDeviation, 4);
            };
            table.addRow({result.candidates[c], plusMinus(value, false), c == 1 ? "" : plusMinus(toSingle, true),
                          c == 0 ? "" : plusMinus(toLogistic, true)});
        }
        table.print(out);
    }
    for (const std::string &note : result.notes)
        out << "note: " << note << '\n';
    printSharingVerdicts(result, spec, out);
    out << "\n(" << ConsoleTable::number(seconds, 1) << " s)\n";
    if (parser.isSet(QStringLiteral("out-json"))) {
        StoredComparison stored{{data.table.source(), {}, static_cast<std::int64_t>(data.table.rowCount()), {}},
                                result};
        // A file's bytes identify it (report --comparison checks them); a database table has none.
        if (parser.isSet(QStringLiteral("data")))
            stored.provenance.dataSha256 = fileSha256(str(parser.value(QStringLiteral("data"))));
        for (const TaskSpec &task : roles.tasks)
            stored.provenance.tasks.push_back({task.name(), task.type});
        const std::string jsonPath = str(parser.value(QStringLiteral("out-json")));
        writeFileAtomically(jsonPath, comparisonToJson(stored));
        out << "Comparison written to " << jsonPath << '\n';
    }
    const QByteArray configuration = configurationToSave(parser, run);
    if (!configuration.isEmpty()) {
        writeFileAtomically(str(parser.value(QStringLiteral("save-config"))), configuration);
        out << "Configuration written to " << str(parser.value(QStringLiteral("save-config"))) << '\n';
    }
    return 0;
}

} // namespace cmtl
