#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "CreditFlags.h"
#include "io/AtomicFile.h"
#include "metrics/BinaryMetrics.h"
#include "scorecard/ScorecardFile.h"

namespace cmtl {

int commandScorecard(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fit a points scorecard for a binary task: each feature's optimal binning, a logistic regression on the "
        "bins' weight of evidence, and points scaled by base points at base odds and points to double the odds."));
    addCsvOptions(parser);
    parser.addOption(option("data", "The CSV file to fit on (every row labelled for the task).", "file"));
    parser.addOption(option("task", "The binary task, COLUMN:binary:POSITIVE (e.g. Class:binary:bad).", "spec"));
    addScorecardFitOptions(parser);
    parser.addOption(option("out", "Where to write the points table (CSV).", "file"));
    parser.addOption(option("json", "Also write the scorecard as JSON, for predict --scorecard.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "scorecard", out, help);
    if (help)
        return 0;
    const QString dataPath = required(parser, "data", "scorecard");
    const QString outPath = required(parser, "out", "scorecard");
    const TaskSpec task = binaryTaskOption(parser, "scorecard");
    refuseOutputsOverInputs(parser, {"data", "binning"}, {"out", "json"});
    const ScorecardOptions options = scorecardFitOptions(parser, task);

    const CsvReadResult read = readTable(dataPath, csvOptions(parser));
    const RoleAssignment roles = defaultRoles(read.table, {task}, ignoredColumns(parser, read.table));
    const Scorecard card = fitScorecard(read.table, task, roles.features, options);
    writeFileAtomically(str(outPath), scorecardToCsv(card));
    if (parser.isSet(QStringLiteral("json")))
        writeFileAtomically(str(parser.value(QStringLiteral("json"))), scorecardToJson(card));

    // The fit's own AUC (on the rows it was fitted on: optimistic; score a held-out file with
    // predict --scorecard for an honest figure).
    const ScorecardScores scores = scoreTable(card, read.table);
    std::vector<std::size_t> allRows(read.table.rowCount());
    std::iota(allRows.begin(), allRows.end(), std::size_t{0});
    const std::vector<float> targets = encodeTargets(read.table, fitTargetEncoding(read.table, task, allRows));
    std::vector<float> eventScores;
    std::vector<std::uint8_t> labels;
    for (std::size_t row = 0; row < targets.size(); ++row) {
        if (std::isnan(targets[row]))
            continue;
        eventScores.push_back(static_cast<float>(-scores.points[row]));
        labels.push_back(targets[row] > 0.5f ? 1 : 0);
    }
    const ScoreScaling &s = card.scaling;
    out << read.table.source() << ": scorecard for " << task.column << " = " << task.positiveClass << " on "
        << labels.size() << " labelled rows, " << card.features.size() << " features; " << s.basePoints
        << " points at odds " << s.baseOdds << ":1, " << s.pdo << " points to double the odds (factor "
        << ConsoleTable::number(s.factor(), 4) << ", offset " << ConsoleTable::number(s.offset(), 4) << ")\n";
    out << "intercept " << ConsoleTable::number(card.intercept, 4) << " = "
        << ConsoleTable::number(card.interceptPoints(), 4)
        << " points (one constant, not spread over the features)\n\n";
    ConsoleTable table({"feature", "bin", "count", "event rate", "WoE", "coefficient", "points"});
    for (const ScorecardFeature &feature : card.features) {
        for (std::size_t b = 0; b < feature.binning.bins.size(); ++b) {
            const Bin &bin = feature.binning.bins[b];
            table.addRow({feature.binning.feature, bin.label(), std::to_string(bin.count()),
                          ConsoleTable::number(bin.eventRate, 4), ConsoleTable::number(bin.woe, 4),
                          ConsoleTable::number(feature.coefficient, 4), ConsoleTable::number(feature.points[b], 2)});
        }
    }
    table.print(out);
    out << "\nAUC on the fitted rows: " << ConsoleTable::number(rocAuc(eventScores, labels), 4) << '\n';
    for (const std::string &warning : card.warnings)
        out << "warning: " << warning << '\n';
    out << "Wrote " << str(outPath);
    if (parser.isSet(QStringLiteral("json")))
        out << " and " << str(parser.value(QStringLiteral("json")));
    out << '\n';
    return 0;
}

} // namespace cmtl
