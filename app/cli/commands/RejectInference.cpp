#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "CreditFlags.h"
#include "io/AtomicFile.h"
#include "metrics/BinaryMetrics.h"
#include "rejectinference/RejectInference.h"
#include "scorecard/ScorecardFile.h"
#include "split/DataSplit.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace cmtl {

namespace {

constexpr limits::RealRange kMinIv{"min-iv", "reject.min_iv", 0.0, 10.0};
constexpr limits::RealRange kParcelFactor{"parcel-factor", "reject.parcel_factor", 0.0, 100.0};
constexpr limits::RealRange kRejectWeight{"reject-weight", "reject.weight", 0.0, 100.0};
constexpr limits::RealRange kHoldout{"holdout", "reject.holdout", 0.05, 0.9};
constexpr limits::IntegerRange kParcelBands{"parcel-bands", "reject.parcel_bands", 1, 100};
constexpr int kBootstrapResamples = 200;

RejectMethod methodOption(const QCommandLineParser &parser)
{
    const QString method = parser.value(QStringLiteral("method"));
    if (method == QLatin1String("fuzzy"))
        return RejectMethod::FuzzyAugmentation;
    if (method == QLatin1String("parcel"))
        return RejectMethod::Parcelling;
    throw UsageError("reject-inference: --method is \"" + str(method) + "\"; expected fuzzy or parcel");
}

// What each method assumes, printed with its results (the same words as RejectInference.h).
const char *assumptions(RejectMethod method)
{
    return method == RejectMethod::FuzzyAugmentation
               ? "each declined applicant enters the refit twice, as a bad with weight p and as a good with weight "
                 "1 - p (p = P(bad) by the accepts-only scorecard, both times the reject weight). Assumes the "
                 "accepts-only model holds for the declined: the outcome depends on the features alone, not on "
                 "being declined (missing at random given the features)."
               : "the accepts' scores are cut into bands at their quantiles; in each band the declined applicants "
                 "are labelled bad in the share (the band's bad rate among accepts) x the parcel factor, chosen "
                 "at random with the seed. Assumes a declined applicant is the factor times as likely to be bad as "
                 "an accepted one of the same score (1 = alike; above 1 = worse, the usual judgement, which the "
                 "data cannot estimate).";
}

struct HoldoutAuc {
    double without = 0, with = 0;
    double differenceLow = 0, differenceHigh = 0; // 95% paired bootstrap interval of with - without
};

// Both cards' AUC on the same held-out rows, and a paired bootstrap (the same resampled rows for
// both) of the difference: the two AUCs share their rows, so their errors are correlated.
HoldoutAuc compareOnHoldout(const std::vector<float> &without, const std::vector<float> &with,
                            const std::vector<std::uint8_t> &labels, std::uint64_t seed)
{
    HoldoutAuc result{rocAuc(without, labels), rocAuc(with, labels), 0, 0};
    std::mt19937_64 generator(seed);
    std::vector<double> differences;
    std::vector<float> a(labels.size()), b(labels.size());
    std::vector<std::uint8_t> y(labels.size());
    while (differences.size() < kBootstrapResamples) {
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const std::size_t row = generator() % labels.size();
            a[i] = without[row];
            b[i] = with[row];
            y[i] = labels[row];
        }
        const auto events = std::count(y.begin(), y.end(), std::uint8_t{1});
        if (events == 0 || events == static_cast<std::ptrdiff_t>(y.size()))
            continue; // a resample of one class has no AUC
        differences.push_back(rocAuc(b, y) - rocAuc(a, y));
    }
    std::sort(differences.begin(), differences.end());
    result.differenceLow = differences[kBootstrapResamples * 25 / 1000];
    result.differenceHigh = differences[kBootstrapResamples * 975 / 1000 - 1];
    return result;
}

double mean(const std::vector<double> &values)
{
    return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
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
    parser.addOption(option("ignore", "A column that is no feature (repeatable).", "column"));
    addBinningOptions(parser);
    parser.addOption(option("min-iv", "Features below this information value are left out.", "iv", "0.02"));
    addScalingOptions(parser);
    parser.addOption(option("out", "Where to write the refitted card's points table (CSV).", "file"));
    parser.addOption(option("json", "Also write the refitted card as JSON, for predict --scorecard.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "reject-inference", out, help);
    if (help)
        return 0;
    const QString dataPath = required(parser, "data", "reject-inference");
    const QString rejectsPath = required(parser, "rejects", "reject-inference");
    const TaskSpec task = binaryTaskOption(parser, "reject-inference");
    ScorecardOptions cardOptions;
    cardOptions.screening = binningOptions(parser);
    cardOptions.minIv = realOption(parser, kMinIv);
    cardOptions.scaling = scalingOptions(parser);
    RejectInferenceOptions options;
    options.method = methodOption(parser);
    options.parcelFactor = realOption(parser, kParcelFactor);
    options.parcelBands = static_cast<int>(integerOption(parser, kParcelBands));
    options.rejectWeight = realOption(parser, kRejectWeight);
    options.seed = seedValue(parser.value(QStringLiteral("seed")), "seed");
    options.validate();
    const double holdout = realOption(parser, kHoldout);
    refuseOutputsOverInputs(parser, {"data", "rejects"}, {"out", "json"});

    const CsvReadResult read = readTable(dataPath, csvOptions(parser));
    std::vector<std::string> ignored;
    for (const QString &column : parser.values(QStringLiteral("ignore"))) {
        ignored.push_back(str(column));
        read.table.column(ignored.back());
    }
    const RoleAssignment roles = defaultRoles(read.table, {task}, ignored);
    // The rejects' text columns are read as the accepts' are (a code column of digits stays text).
    std::vector<std::string> textFeatures;
    for (const std::string &feature : roles.features) {
        if (read.table.column(feature).type == ColumnType::Categorical)
            textFeatures.push_back(feature);
    }
    const CsvReadResult rejectsRead = readTable(rejectsPath, csvOptions(parser), textFeatures);

    // The accepts split, stratified on the outcome: the cards are fitted on one part, compared on the other.
    std::vector<std::size_t> allRows(read.table.rowCount());
    std::iota(allRows.begin(), allRows.end(), std::size_t{0});
    const std::vector<float> targets = encodeTargets(read.table, fitTargetEncoding(read.table, task, allRows));
    const DataSplit split = stratifiedSplit(read.table.rowCount(), targets, SplitSpec{1 - holdout, 0, options.seed});
    const Table fitAccepts = read.table.selectRows(split.train);
    const Table heldOut = read.table.selectRows(split.test);

    const RejectInferenceResult result =
        inferRejects(fitAccepts, rejectsRead.table, task, roles.features, cardOptions, options);
    writeFileAtomically(str(required(parser, "out", "reject-inference")), scorecardToCsv(result.withRejects));
    if (parser.isSet(QStringLiteral("json")))
        writeFileAtomically(str(parser.value(QStringLiteral("json"))), scorecardToJson(result.withRejects));

    // The held-out accepts with an outcome, scored by both cards (score = -points: higher = riskier).
    const ScorecardScores heldOutWithout = scoreTable(result.acceptsOnly, heldOut);
    const ScorecardScores heldOutWith = scoreTable(result.withRejects, heldOut);
    std::vector<float> without, with;
    std::vector<std::uint8_t> labels;
    std::vector<double> heldOutBadWithout, heldOutBadWith;
    for (std::size_t i = 0; i < split.test.size(); ++i) {
        const float target = targets[split.test[i]];
        if (std::isnan(target))
            continue;
        without.push_back(static_cast<float>(-heldOutWithout.points[i]));
        with.push_back(static_cast<float>(-heldOutWith.points[i]));
        labels.push_back(target > 0.5f ? 1 : 0);
        heldOutBadWithout.push_back(heldOutWithout.eventProbability[i]);
        heldOutBadWith.push_back(heldOutWith.eventProbability[i]);
    }
    const auto heldOutBads = std::count(labels.begin(), labels.end(), std::uint8_t{1});
    if (heldOutBads == 0 || heldOutBads == static_cast<std::ptrdiff_t>(labels.size()))
        throw ConfigError(read.table.source() + ": the held-out accepts (" + std::to_string(labels.size()) +
                          " labelled rows) hold one class only; raise --holdout or give more rows");
    const HoldoutAuc auc = compareOnHoldout(without, with, labels, options.seed);
    const std::vector<double> rejectBadWith = scoreTable(result.withRejects, rejectsRead.table).eventProbability;

    out << "Reject inference for " << task.column << " = " << task.positiveClass << " by " << toString(options.method)
        << '\n';
    out << "Method: " << assumptions(options.method) << '\n';
    out << "Accepts: " << read.table.source() << ", " << split.train.size() << " rows fitted on, " << split.test.size()
        << " held out; declined: " << rejectsRead.table.source() << ", " << rejectsRead.table.rowCount()
        << " rows, reject weight " << options.rejectWeight << '\n';
    out << "Refitted card: the accepts-only card's " << result.acceptsOnly.features.size()
        << " features and bins, each bin's WoE recomputed on accepts + weighted declined, the regression refitted\n\n";

    const double acceptBadRate = mean(std::vector<double>(labels.begin(), labels.end()));
    out << "Inferred bad rate of the declined: " << percent(result.inferred.badRate())
        << " (held-out accepts' observed bad rate " << percent(acceptBadRate) << ")\n";
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
    ConsoleTable comparison({"measure", "accepts only", "with reject inference", "difference"});
    comparison.addRow({"AUC on " + std::to_string(labels.size()) + " held-out accepts",
                       ConsoleTable::number(auc.without), ConsoleTable::number(auc.with),
                       ConsoleTable::number(auc.with - auc.without) + " (95% paired bootstrap " +
                           ConsoleTable::number(auc.differenceLow) + " to " + ConsoleTable::number(auc.differenceHigh) +
                           ")"});
    comparison.addRow({"mean P(bad) of held-out accepts", percent(mean(heldOutBadWithout)),
                       percent(mean(heldOutBadWith)), percent(mean(heldOutBadWith) - mean(heldOutBadWithout))});
    comparison.addRow({"mean P(bad) of the declined", percent(mean(result.rejectBadProbability)),
                       percent(mean(rejectBadWith)), percent(mean(rejectBadWith) - mean(result.rejectBadProbability))});
    comparison.print(out);
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
