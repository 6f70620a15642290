#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "io/AtomicFile.h"
#include "io/MetricsJson.h"
#include "io/ModelFile.h"
#include "metrics/CostCutoff.h"
#include "metrics/Gains.h"
#include "metrics/TaskScores.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <optional>

namespace cmtl {

namespace {

constexpr limits::IntegerRange kGainsBands{"gains", "evaluate.gains", 1, 1000};
constexpr limits::RealRange kCostFalseNegative{"cost-fn", "evaluate.cost_fn", 0, 1e12};
constexpr limits::RealRange kCostFalsePositive{"cost-fp", "evaluate.cost_fp", 0, 1e12};
constexpr limits::RealRange kTargetApproval{"target-approval", "evaluate.target_approval", 0, 1};
constexpr limits::RealRange kMaxBadRate{"max-bad-rate", "evaluate.max_bad_rate", 0, 1};

void addDecisionOptions(QCommandLineParser &parser)
{
    parser.addOption(option("gains",
                            "Print a gains table per binary task over N score bands (N-tiles, riskiest "
                            "first) and add it to --metrics-json.",
                            "n"));
    parser.addOption(option("cost-fn",
                            "Cost of approving a bad applicant (a false negative: the positive class is the bad one, "
                            "declined when its score >= the cut-off); with --cost-fp, print the cheapest cut-off.",
                            "x"));
    parser.addOption(option("cost-fp", "Cost of declining a good applicant (a false positive).", "x"));
    parser.addOption(option("target-approval", "Print the cut-off approving at most this share (0 to 1).", "r"));
    parser.addOption(option("max-bad-rate",
                            "Print the cut-off approving the most while the bad rate among the approved stays at "
                            "most this (0 to 1).",
                            "r"));
}

// The cut-off criterion the options ask for (nullopt for none); only one may be given.
std::optional<CutoffCriterion> cutoffCriterion(const QCommandLineParser &parser)
{
    const bool fn = parser.isSet(QStringLiteral("cost-fn")), fp = parser.isSet(QStringLiteral("cost-fp"));
    const bool approval = parser.isSet(QStringLiteral("target-approval"));
    const bool badRate = parser.isSet(QStringLiteral("max-bad-rate"));
    if (fn != fp)
        throw UsageError("evaluate: --cost-fn and --cost-fp go together (the cost of approving a bad and of "
                         "declining a good); give both");
    if (int(fn) + int(approval) + int(badRate) > 1)
        throw UsageError("evaluate: give one cut-off criterion: --cost-fn with --cost-fp, --target-approval or "
                         "--max-bad-rate");
    CutoffCriterion criterion;
    if (fn) {
        criterion.costFalseNegative = realOption(parser, kCostFalseNegative);
        criterion.costFalsePositive = realOption(parser, kCostFalsePositive);
        if (*criterion.costFalseNegative == 0 && *criterion.costFalsePositive == 0)
            throw UsageError("evaluate: --cost-fn and --cost-fp are both 0, so every cut-off costs nothing; give "
                             "at least one cost above 0");
    } else if (approval) {
        criterion.targetApprovalRate = realOption(parser, kTargetApproval);
    } else if (badRate) {
        criterion.maximumBadRate = realOption(parser, kMaxBadRate);
    } else {
        return std::nullopt;
    }
    return criterion;
}

QJsonValue jsonNumber(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject gainsToJson(const GainsTable &gains)
{
    QJsonArray bands;
    for (const GainsBand &band : gains.bands) {
        QJsonObject entry;
        entry.insert(QStringLiteral("highest_score"), band.highestScore);
        entry.insert(QStringLiteral("lowest_score"), band.lowestScore);
        entry.insert(QStringLiteral("count"), static_cast<double>(band.count));
        entry.insert(QStringLiteral("bads"), static_cast<double>(band.bads));
        entry.insert(QStringLiteral("bad_rate"), jsonNumber(band.badRate));
        entry.insert(QStringLiteral("cumulative_bad_share"), jsonNumber(band.cumulativeBadShare));
        entry.insert(QStringLiteral("cumulative_good_share"), jsonNumber(band.cumulativeGoodShare));
        entry.insert(QStringLiteral("ks"), jsonNumber(band.ks));
        entry.insert(QStringLiteral("lift"), jsonNumber(band.lift));
        entry.insert(QStringLiteral("cumulative_lift"), jsonNumber(band.cumulativeLift));
        bands.append(entry);
    }
    QJsonObject table;
    table.insert(QStringLiteral("bands"), bands);
    table.insert(QStringLiteral("ks"), jsonNumber(gains.ks));
    return table;
}

void printGains(const std::string &task, const GainsTable &gains, double ks, std::ostream &out)
{
    out << "\nGains table of " << task << " (" << gains.bands.size() << " bands, highest score first; " << gains.bads
        << " bad of " << gains.count << " rows):\n";
    ConsoleTable table(
        {"band", "scores", "rows", "bads", "bad rate", "cum. bad share", "cum. good share", "KS", "lift", "cum. lift"});
    for (std::size_t b = 0; b < gains.bands.size(); ++b) {
        const GainsBand &band = gains.bands[b];
        table.addRow({std::to_string(b + 1),
                      ConsoleTable::number(band.lowestScore) + " - " + ConsoleTable::number(band.highestScore),
                      std::to_string(band.count), std::to_string(band.bads), ConsoleTable::number(band.badRate),
                      ConsoleTable::number(band.cumulativeBadShare), ConsoleTable::number(band.cumulativeGoodShare),
                      ConsoleTable::number(band.ks), ConsoleTable::number(band.lift, 3),
                      ConsoleTable::number(band.cumulativeLift, 3)});
    }
    table.print(out);
    out << "KS over the bands " << ConsoleTable::number(gains.ks) << "; over every threshold "
        << ConsoleTable::number(ks) << '\n';
}

void printCutoff(const std::string &task, const std::string &positiveClass, const CutoffCriterion &criterion,
                 const CutoffDecision &decision, std::ostream &out)
{
    out << "\nCut-off of " << task << " (declined when P(" << task << " = " << positiveClass << ") >= the cut-off; ";
    if (criterion.costFalseNegative)
        out << "cost of approving a bad " << *criterion.costFalseNegative << ", of declining a good "
            << *criterion.costFalsePositive << ", the cheapest):\n";
    else if (criterion.targetApprovalRate)
        out << "approving at most " << *criterion.targetApprovalRate << " of the rows):\n";
    else
        out << "bad rate among the approved at most " << *criterion.maximumBadRate << "):\n";
    ConsoleTable table({"cut-off", "approved", "approval rate", "bad rate approved", "expected cost"});
    table.addRow({std::isinf(decision.cutoff) ? "none (approve all)" : ConsoleTable::number(decision.cutoff, 6),
                  std::to_string(decision.approved) + " of " + std::to_string(decision.rows),
                  ConsoleTable::number(decision.approvalRate), ConsoleTable::number(decision.badRateApproved),
                  criterion.costFalseNegative ? ConsoleTable::number(decision.expectedCost) : "-"});
    table.print(out);
    if (criterion.maximumBadRate && !(decision.badRateApproved <= *criterion.maximumBadRate))
        out << "note: no cut-off keeps the bad rate among the approved at most " << *criterion.maximumBadRate
            << "; the cut-off above approves nobody\n";
}

} // namespace

int commandEvaluate(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluate a saved model on labelled data."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(
        option("data", "A data file (CSV, SAS, Stata or SPSS) with the model's feature and task columns.", "file"));
    parser.addOption(option("metrics-json", "Also write the metrics as JSON.", "file"));
    addDecisionOptions(parser);
    bool help = false;
    parseOrThrow(parser, arguments, "evaluate", out, help);
    if (help)
        return 0;
    required(parser, "data", "evaluate");
    required(parser, "model", "evaluate");
    // 0: no gains table asked for (the option's range starts at 1).
    const int gainsBands = parser.isSet(QStringLiteral("gains")) ? int(integerOption(parser, kGainsBands)) : 0;
    const std::optional<CutoffCriterion> criterion = cutoffCriterion(parser);
    refuseOutputsOverInputs(parser, {"data", "model"}, {"metrics-json"});
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "evaluate")));
    const bool decisions = gainsBands > 0 || criterion;
    bool anyBinary = false;
    for (const TargetEncoding &task : contents.model.tasks())
        anyBinary = anyBinary || task.spec.type == TaskType::Binary;
    if (decisions && !anyBinary)
        throw UsageError("evaluate: --gains and the cut-off options need a binary task, and the model has none");
    const Table table = readForModel(parser, contents.model, true);
    const EvaluationReport report = evaluateModel(contents.model, table, "evaluated rows");
    printMetricsTable(report, out);
    if (!decisions) {
        writeMetricsJson(parser, report);
        return 0;
    }
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));
    QJsonObject json = reportToJson(report);
    QJsonObject tasks = json.value(QStringLiteral("tasks")).toObject();
    for (const TaskScores &scores : scoreTasks(contents.model, table, {}, threads)) {
        if (scores.type != TaskType::Binary)
            continue;
        if (gainsBands > 0) {
            const GainsTable gains = gainsTable(scores.scores, scores.labels, gainsBands);
            printGains(scores.task, gains, ksStatistic(scores.scores, scores.labels), out);
            const QString name = QString::fromStdString(scores.task);
            QJsonObject task = tasks.value(name).toObject();
            task.insert(QStringLiteral("gains"), gainsToJson(gains));
            tasks.insert(name, task);
        }
        if (criterion) {
            if (scores.size() == 0)
                out << "\nCut-off of " << scores.task << ": no labelled row, none chosen\n";
            else
                printCutoff(scores.task, scores.classes.at(1), *criterion,
                            chooseCutoff(scores.scores, scores.labels, *criterion), out);
        }
    }
    json.insert(QStringLiteral("tasks"), tasks);
    const QString jsonPath = parser.value(QStringLiteral("metrics-json"));
    if (!jsonPath.isEmpty())
        writeFileAtomically(str(jsonPath), QJsonDocument(json).toJson(QJsonDocument::Indented));
    return 0;
}

} // namespace cmtl
