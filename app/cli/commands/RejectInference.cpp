#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "CreditFlags.h"
#include "io/AtomicFile.h"
#include "rejectinference/RejectInference.h"
#include "scorecard/ScorecardFile.h"

namespace cmtl {

namespace {

constexpr limits::RealRange kParcelFactor{"parcel-factor", "reject.parcel_factor", 0.0, 100.0};
constexpr limits::RealRange kRejectWeight{"reject-weight", "reject.weight", 0.0, 100.0};
constexpr limits::RealRange kHoldout{"holdout", "reject.holdout", 0.05, 0.9};
constexpr limits::IntegerRange kParcelBands{"parcel-bands", "reject.parcel_bands", 1, 100};

RejectMethod methodOption(const QCommandLineParser &parser)
{
    const QString method = parser.value(QStringLiteral("method"));
    if (method == QLatin1String("fuzzy"))
        return RejectMethod::FuzzyAugmentation;
    if (method == QLatin1String("parcel"))
        return RejectMethod::Parcelling;
    throw UsageError("reject-inference: --method is \"" + str(method) + "\"; expected fuzzy or parcel");
}

std::string percent(double share)
{
    return ConsoleTable::number(100 * share, 2) + "%";
}

} // namespace

int commandRejectInference(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reject inference for a binary task: a points scorecard fitted on the accepted applicants is refitted with "
        "the declined applicants' inferred outcomes (fuzzy augmentation or parcelling), and both cards are "
        "compared on held-out accepts and on the declined."));
    addCsvOptions(parser);
    parser.addOption(option("data", "The accepted applicants (CSV, every row labelled for the task).", "file"));
    parser.addOption(
        option("rejects", "The declined applicants (CSV, the accepts' feature columns, no outcome).", "file"));
    parser.addOption(option("task", "The binary task, COLUMN:binary:POSITIVE (e.g. Class:binary:bad).", "spec"));
    parser.addOption(option("method", "fuzzy (fuzzy augmentation) or parcel (parcelling).", "method", "fuzzy"));
    parser.addOption(option("parcel-factor",
                            "Parcelling: the declined applicants' bad rate per score band is the accepts' times this "
                            "(> 0; 1 = alike, above 1 = the declined are worse).",
                            "factor", "1"));
    parser.addOption(option("parcel-bands", "Parcelling: score bands at the accepts' quantiles.", "count", "10"));
    parser.addOption(
        option("reject-weight", "Each declined applicant's total weight in the refit (> 0).", "weight", "1"));
    parser.addOption(option("holdout", "The share of accepts held out to compare the two cards.", "share", "0.3"));
    parser.addOption(option("seed", "The seed of the hold-out split, the parcelling and the bootstrap.", "seed", "42"));
    addScorecardFitOptions(parser);
    parser.addOption(option("out", "Where to write the refitted card's points table (CSV).", "file"));
    parser.addOption(option("json", "Also write the refitted card as JSON, for predict --scorecard.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "reject-inference", out, help);
    if (help)
        return 0;
    const QString dataPath = required(parser, "data", "reject-inference");
    const QString rejectsPath = required(parser, "rejects", "reject-inference");
    const TaskSpec task = binaryTaskOption(parser, "reject-inference");
    RejectInferenceOptions options;
    options.method = methodOption(parser);
    options.parcelFactor = realOption(parser, kParcelFactor);
    options.parcelBands = static_cast<int>(integerOption(parser, kParcelBands));
    options.rejectWeight = realOption(parser, kRejectWeight);
    options.seed = seedValue(parser.value(QStringLiteral("seed")), "seed");
    options.validate();
    const double holdout = realOption(parser, kHoldout);
    refuseOutputsOverInputs(parser, {"data", "rejects", "binning"}, {"out", "json"});
    const ScorecardOptions cardOptions = scorecardFitOptions(parser, task);

    const CsvReadResult read = readTable(dataPath, csvOptions(parser));
    const RoleAssignment roles = defaultRoles(read.table, {task}, ignoredColumns(parser, read.table));
    // The rejects' text columns are read as the accepts' are (a code column of digits stays text).
    const CsvReadResult rejectsRead =
        readTable(rejectsPath, csvOptions(parser), textFeatures(read.table, roles.features));

    const RejectInferenceComparison comparison =
        compareRejectInference(read.table, rejectsRead.table, task, roles.features, cardOptions, options, holdout);
    const RejectInferenceResult &result = comparison.result;
    writeFileAtomically(str(required(parser, "out", "reject-inference")), scorecardToCsv(result.withRejects));
    if (parser.isSet(QStringLiteral("json")))
        writeFileAtomically(str(parser.value(QStringLiteral("json"))), scorecardToJson(result.withRejects));
    const HoldoutAucComparison &auc = comparison.auc;

    out << "Reject inference for " << task.column << " = " << task.positiveClass << " by " << toString(options.method)
        << '\n';
    out << "Method: " << rejectMethodAssumptions(options.method) << '\n';
    out << "Accepts: " << read.table.source() << ", " << comparison.fitRows << " rows fitted on, "
        << comparison.heldOutRows << " held out; declined: " << rejectsRead.table.source() << ", "
        << rejectsRead.table.rowCount() << " rows, reject weight " << options.rejectWeight << '\n';
    out << "Refitted card: the accepts-only card's " << result.acceptsOnly.features.size()
        << " features and bins, each bin's WoE recomputed on accepts + weighted declined, the regression refitted\n\n";

    out << "Inferred bad rate of the declined: " << percent(result.inferred.badRate())
        << " (held-out accepts' observed bad rate " << percent(comparison.heldOutBadRate) << ")\n";
    if (options.method == RejectMethod::Parcelling) {
        out << "Parcel factor " << options.parcelFactor << ", " << result.inferred.bands.size()
            << " bands at the accepts' score quantiles:\n";
        ConsoleTable bands(
            {"band", "points from", "points to", "accepts", "accepts' bad rate", "declined", "inferred bad", "share"});
        for (std::size_t b = 0; b < result.inferred.bands.size(); ++b) {
            const ParcelBand &band = result.inferred.bands[b];
            bands.addRow({std::to_string(b + 1), b == 0 ? "-inf" : ConsoleTable::number(band.lowerPoints, 5),
                          b + 1 == result.inferred.bands.size() ? "+inf" : ConsoleTable::number(band.upperPoints, 5),
                          std::to_string(band.accepts), percent(band.acceptBadRate), std::to_string(band.rejects),
                          std::to_string(band.inferredBads), percent(band.rejectBadShare)});
        }
        bands.print(out);
    }
    out << "\nComparison (accepts-only card vs card with reject inference):\n";
    ConsoleTable table({"measure", "accepts only", "with reject inference", "difference"});
    table.addRow({"AUC on " + std::to_string(comparison.labelledHeldOut) + " held-out accepts",
                  ConsoleTable::number(auc.without), ConsoleTable::number(auc.with),
                  ConsoleTable::number(auc.with - auc.without) + " (95% paired bootstrap " +
                      ConsoleTable::number(auc.differenceLow) + " to " + ConsoleTable::number(auc.differenceHigh) +
                      ")"});
    table.addRow({"mean P(bad) of held-out accepts", percent(comparison.heldOutMeanBadWithout),
                  percent(comparison.heldOutMeanBadWith),
                  percent(comparison.heldOutMeanBadWith - comparison.heldOutMeanBadWithout)});
    table.addRow({"mean P(bad) of the declined", percent(comparison.rejectMeanBadWithout),
                  percent(comparison.rejectMeanBadWith),
                  percent(comparison.rejectMeanBadWith - comparison.rejectMeanBadWithout)});
    table.print(out);
    out << "Limitation: the accepts are the only rows with outcomes, so the AUC on held-out accepts cannot show a "
           "benefit on the through-the-door population (accepts and declined together); a better card for the "
           "declined shows at best in their score shift above, and only a test of approving some declined "
           "applicants can measure it.\n";
    for (const std::string &warning : result.acceptsOnly.warnings)
        out << "warning (accepts-only card): " << warning << '\n';
    for (const std::string &warning : result.withRejects.warnings)
        out << "warning (card with reject inference): " << warning << '\n';
    out << "Wrote " << str(parser.value(QStringLiteral("out")));
    if (parser.isSet(QStringLiteral("json")))
        out << " and " << str(parser.value(QStringLiteral("json")));
    out << '\n';
    return 0;
}

} // namespace cmtl
