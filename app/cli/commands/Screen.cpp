#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "CreditFlags.h"
#include "binning/Screening.h"
#include "io/AtomicFile.h"
#include "io/PredictionsCsv.h"

namespace cmtl {

namespace {

std::string number(double value)
{
    return ConsoleTable::number(value, 4);
}

} // namespace

int commandScreen(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Screen the features against a binary task: optimal binning, WoE, IV, AUC, and correlated pairs."));
    addCsvOptions(parser);
    parser.addOption(option("data", "The data file (CSV, SAS, Stata or SPSS).", "file"));
    parser.addOption(option("task", "The binary task, COLUMN:binary:POSITIVE (e.g. Class:binary:bad).", "spec"));
    addBinningOptions(parser);
    parser.addOption(option("bins", "Also print this feature's bins.", "feature"));
    parser.addOption(option("out", "Write the screening table as CSV.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "screen", out, help);
    if (help)
        return 0;
    const QString dataPath = required(parser, "data", "screen");
    const TaskSpec task = parseTaskSpec(required(parser, "task", "screen"));
    if (task.type != TaskType::Binary)
        throw UsageError("screen: --task must be binary, COLUMN:binary:POSITIVE (e.g. Class:binary:bad); got \"" +
                         str(parser.value(QStringLiteral("task"))) + "\"");
    const ScreeningOptions options = binningOptions(parser);
    refuseOutputsOverInputs(parser, {"data"}, {"out"});
    CsvReadResult read = readTable(dataPath, csvOptions(parser));
    const ScreeningResult result = screenFeatures(read.table, task, options);

    out << read.table.source() << ": " << result.features.size() << " features screened against " << task.column
        << " = " << task.positiveClass << " on " << result.labelledRows << " labelled rows\n\n";
    ConsoleTable table({"feature", "type", "IV", "strength", "AUC", "Gini", "missing", "bins", "trend"});
    for (const FeatureBinning &feature : result.features)
        table.addRow({feature.feature, feature.categorical ? "categorical" : "numeric", number(feature.iv),
                      feature.strength, number(feature.auc), number(feature.gini), number(feature.missingRate),
                      std::to_string(feature.bins.size()), feature.categorical ? "-" : toString(feature.trend)});
    table.print(out);
    for (const std::string &note : result.unusedSpecials)
        out << "note: " << note << " (check its spelling)\n";
    out << "\nnumeric pairs with |Pearson r| > " << options.correlationLimit << ": "
        << (result.correlated.empty() ? "none" : std::to_string(result.correlated.size())) << "\n";
    if (!result.correlated.empty()) {
        ConsoleTable pairs({"kept (higher IV)", "weaker", "Pearson r", "suggested drop"});
        for (const CorrelatedPair &pair : result.correlated)
            pairs.addRow({pair.first, pair.second, number(pair.pearson), pair.drop});
        pairs.print(out);
    }
    if (parser.isSet(QStringLiteral("bins"))) {
        const std::string name = str(parser.value(QStringLiteral("bins")));
        const auto found = std::find_if(result.features.begin(), result.features.end(),
                                        [&](const FeatureBinning &f) { return f.feature == name; });
        if (found == result.features.end())
            throw UsageError("--bins names \"" + name + "\", which is not a feature of " + read.table.source());
        out << "\nbins of " << name << " (WoE = ln(non-event share / event share); IV " << number(found->iv) << ")\n";
        ConsoleTable bins({"bin", "count", "events", "non-events", "event rate", "WoE", "IV"});
        for (const Bin &bin : found->bins)
            bins.addRow({bin.label(), std::to_string(bin.count()), std::to_string(bin.events),
                         std::to_string(bin.nonEvents), number(bin.eventRate), number(bin.woe), number(bin.iv)});
        bins.print(out);
    }
    if (parser.isSet(QStringLiteral("out"))) {
        std::string csv = "feature,type,iv,strength,auc,gini,missing_rate,bins,trend,suggested_drop\n";
        for (const FeatureBinning &feature : result.features) {
            const bool dropped = std::any_of(result.correlated.begin(), result.correlated.end(),
                                             [&](const CorrelatedPair &p) { return p.drop == feature.feature; });
            csv += csvField(feature.feature) + "," + (feature.categorical ? "categorical" : "numeric") + "," +
                   ConsoleTable::number(feature.iv, 6) + "," + feature.strength + "," +
                   ConsoleTable::number(feature.auc, 6) + "," + ConsoleTable::number(feature.gini, 6) + "," +
                   ConsoleTable::number(feature.missingRate, 6) + "," + std::to_string(feature.bins.size()) + "," +
                   (feature.categorical ? "" : toString(feature.trend)) + "," + (dropped ? "yes" : "no") + "\n";
        }
        writeFileAtomically(str(parser.value(QStringLiteral("out"))), QByteArray::fromStdString(csv));
    }
    return 0;
}

} // namespace cmtl
