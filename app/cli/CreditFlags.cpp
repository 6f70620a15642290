#include "CreditFlags.h"

#include "CliSupport.h"
#include "common/Error.h"
#include "project/ProjectFile.h"

namespace cmtl {

namespace {

constexpr limits::IntegerRange kMaxBins{"max-bins", "screen.max_bins", 1, 100};
constexpr limits::RealRange kMinBinShare{"min-bin-share", "screen.min_bin_share", 0.0, 0.49};
constexpr limits::RealRange kCorrelationLimit{"correlation-limit", "screen.correlation_limit", 0.0, 1.0};
constexpr limits::RealRange kBasePoints{"base-points", "scorecard.base_points", -1e9, 1e9};
constexpr limits::RealRange kBaseOdds{"base-odds", "scorecard.base_odds", 1e-9, 1e9};
constexpr limits::RealRange kPdo{"pdo", "scorecard.pdo", 1e-6, 1e6};
constexpr limits::RealRange kMinIv{"min-iv", "scorecard.min_iv", 0.0, 10.0};

BinTrend trendOption(const QString &text)
{
    if (text == QLatin1String("auto"))
        return BinTrend::Auto;
    if (text == QLatin1String("ascending"))
        return BinTrend::Ascending;
    if (text == QLatin1String("descending"))
        return BinTrend::Descending;
    if (text == QLatin1String("peak"))
        return BinTrend::Peak;
    if (text == QLatin1String("valley"))
        return BinTrend::Valley;
    throw UsageError("--trend expects auto, ascending, descending, peak or valley, got \"" + str(text) + "\"");
}

} // namespace

void addBinningOptions(QCommandLineParser &parser)
{
    parser.addOption(option("special", "A value with a bin of its own, COLUMN=VALUE (repeatable).", "column=value"));
    parser.addOption(option("max-bins", "At most this many bins per feature, missing and special apart.", "n", "10"));
    parser.addOption(option("min-bin-share", "Each bin holds at least this share of the rows.", "x", "0.05"));
    parser.addOption(
        option("trend", "Event-rate trend of numeric bins: auto, ascending, descending, peak (up then down) or valley.",
               "trend", "auto"));
    parser.addOption(option("correlation-limit", "Report numeric pairs with |Pearson r| above this.", "r", "0.8"));
}

ScreeningOptions binningOptions(const QCommandLineParser &parser)
{
    ScreeningOptions options;
    options.binning.maxBins = int(integerOption(parser, kMaxBins));
    options.binning.minBinShare = realOption(parser, kMinBinShare);
    options.binning.trend = trendOption(parser.value(QStringLiteral("trend")));
    options.correlationLimit = realOption(parser, kCorrelationLimit);
    for (const QString &special : parser.values(QStringLiteral("special"))) {
        const qsizetype equals = special.indexOf(QLatin1Char('='));
        if (equals <= 0)
            throw UsageError("--special expects COLUMN=VALUE (e.g. --special annual_inc=-999), got \"" + str(special) +
                             "\"");
        options.specials[str(special.left(equals))].push_back(str(special.mid(equals + 1)));
    }
    return options;
}

std::vector<FeatureBinning> editedBins(const std::string &path, const std::string &taskColumn,
                                       const std::string &positiveClass)
{
    return givenBinsFor(loadProjectFile(path).binning, path, taskColumn, positiveClass);
}

void addScalingOptions(QCommandLineParser &parser)
{
    parser.addOption(option("base-points", "The score at the base odds.", "points", "600"));
    parser.addOption(option("base-odds", "The odds of a non-event (good:bad) at the base points.", "odds", "50"));
    parser.addOption(option("pdo", "Points to double the odds.", "points", "20"));
}

ScoreScaling scalingOptions(const QCommandLineParser &parser)
{
    return {realOption(parser, kBasePoints), realOption(parser, kBaseOdds), realOption(parser, kPdo)};
}

void addScorecardFitOptions(QCommandLineParser &parser)
{
    parser.addOption(option("ignore", "A column that is no feature (repeatable).", "column"));
    addBinningOptions(parser);
    parser.addOption(option("binning",
                            "A workbench project (.cmtlproj) whose edited bins (Binning page, grouped against the "
                            "same task) replace those features' optimal binning.",
                            "file"));
    parser.addOption(option("min-iv", "Features below this information value are left out.", "iv", "0.02"));
    addScalingOptions(parser);
}

ScorecardOptions scorecardFitOptions(const QCommandLineParser &parser, const TaskSpec &task)
{
    ScorecardOptions options;
    options.screening = binningOptions(parser);
    options.minIv = realOption(parser, kMinIv);
    options.scaling = scalingOptions(parser);
    if (parser.isSet(QStringLiteral("binning")))
        options.givenBins = editedBins(str(parser.value(QStringLiteral("binning"))), task.column, task.positiveClass);
    return options;
}

std::vector<std::string> ignoredColumns(const QCommandLineParser &parser, const Table &table)
{
    std::vector<std::string> ignored;
    for (const QString &column : parser.values(QStringLiteral("ignore"))) {
        ignored.push_back(str(column));
        table.column(ignored.back()); // throws DataError for a column the table lacks
    }
    return ignored;
}

TaskSpec binaryTaskOption(const QCommandLineParser &parser, const char *command)
{
    const TaskSpec task = parseTaskSpec(required(parser, "task", command));
    if (task.type != TaskType::Binary)
        throw UsageError(std::string(command) +
                         ": --task must be binary, COLUMN:binary:POSITIVE (e.g. Class:binary:bad); got \"" +
                         str(parser.value(QStringLiteral("task"))) + "\"");
    return task;
}

} // namespace cmtl
