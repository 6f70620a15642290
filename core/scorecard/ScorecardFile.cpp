#include "scorecard/ScorecardFile.h"

#include "io/AtomicFile.h"
#include "io/BinningJson.h"
#include "io/JsonReader.h"
#include "io/PredictionsCsv.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cmath>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;

namespace {

constexpr std::int64_t kMaxScorecardBytes = std::int64_t{64} << 20;

// The shortest text that reads back as the same double.
std::string exact(double value)
{
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

const char *kNotes[] = {
    "score = intercept_points + the points of the bin of each feature; the intercept's points are one separate "
    "constant, not spread over the features",
    "points of a bin = factor * coefficient * woe; factor = pdo / ln 2; offset = base_points - factor * ln(base_odds)",
    "probability of the positive class = 1 / (1 + exp((score - offset) / factor)); base_odds are non-events per "
    "event at base_points",
    "a cell in no bin (a level not seen in fitting, a missing cell when fitting had none) scores 0 points",
};

// The line and column (1-based) of a byte offset of a text.
std::pair<std::int64_t, std::int64_t> lineAndColumn(QByteArrayView bytes, qsizetype offset)
{
    std::int64_t line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

QByteArray scorecardToJson(const Scorecard &card)
{
    QJsonArray features;
    for (const ScorecardFeature &feature : card.features) {
        QJsonObject object = binningToJson(feature.binning);
        QJsonArray bins = object.value(key("bins")).toArray();
        for (qsizetype b = 0; b < bins.size(); ++b) {
            QJsonObject bin = bins[b].toObject();
            bin.insert(key("label"), qs(feature.binning.bins[static_cast<std::size_t>(b)].label()));
            bin.insert(key("points"), feature.points[static_cast<std::size_t>(b)]);
            bins[b] = bin;
        }
        object.insert(key("bins"), bins);
        object.insert(key("coefficient"), feature.coefficient);
        object.insert(key("iv"), feature.binning.iv);
        features.append(object);
    }
    QJsonArray notes;
    for (const char *note : kNotes)
        notes.append(QLatin1String(note));
    const ScoreScaling &s = card.scaling;
    const QJsonObject root{{key("format"), QLatin1String("creditmtl-scorecard")},
                           {key("format_version"), kScorecardFormatVersion},
                           {key("written_by"), QLatin1String("CreditMTL " CREDITMTL_VERSION)},
                           {key("task"), QJsonObject{{key("column"), qs(card.taskColumn)},
                                                     {key("positive_class"), qs(card.positiveClass)}}},
                           {key("scaling"), QJsonObject{{key("base_points"), s.basePoints},
                                                        {key("base_odds"), s.baseOdds},
                                                        {key("pdo"), s.pdo},
                                                        {key("factor"), s.factor()},
                                                        {key("offset"), s.offset()}}},
                           {key("intercept"), card.intercept},
                           {key("intercept_points"), card.interceptPoints()},
                           {key("features"), features},
                           {key("warnings"), json::toJsonArray(card.warnings)},
                           {key("notes"), notes}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Scorecard scorecardFromJson(QByteArrayView bytes, const std::string &sourceName)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(bytes, parseError.offset);
        throw DataError({sourceName, line, {}},
                        "not a valid JSON scorecard: " + parseError.errorString().toStdString() + " at column " +
                            std::to_string(column) + "; write it with creditmtl-cli scorecard --json, or correct it");
    }
    if (!document.isObject())
        throw DataError({sourceName, 1, {}}, "not a scorecard: the JSON is not an object; write it with "
                                             "creditmtl-cli scorecard --json");
    const JsonReader root(document.object(), "scorecard", sourceName);
    if (root.text("format") != "creditmtl-scorecard")
        root.fail("format", "should be \"creditmtl-scorecard\"");
    const int version = root.integer("format_version");
    if (version < 1 || version > kScorecardFormatVersion)
        root.fail("format_version", ("is " + std::to_string(version) + "; this build reads version 1 to " +
                                     std::to_string(kScorecardFormatVersion))
                                        .c_str());
    Scorecard card;
    const JsonReader task = root.object("task");
    card.taskColumn = task.text("column");
    card.positiveClass = task.text("positive_class");
    const JsonReader scaling = root.object("scaling");
    card.scaling = {scaling.number("base_points"), scaling.number("base_odds"), scaling.number("pdo")};
    try {
        card.scaling.validate();
    } catch (const ConfigError &error) {
        scaling.fail("pdo", (std::string("and base_points, base_odds: ") + error.what()).c_str());
    }
    card.intercept = root.number("intercept");
    // The stored constant is what the card scores with; it must agree with the intercept.
    const double interceptPoints = root.number("intercept_points");
    if (!std::isfinite(card.intercept) ||
        std::abs(interceptPoints - card.interceptPoints()) > 1e-9 * std::max(1.0, std::abs(interceptPoints)))
        root.fail("intercept_points", ("is " + exact(interceptPoints) + ", but the scaling and the intercept give " +
                                       exact(card.interceptPoints()))
                                          .c_str());
    const QJsonArray features = root.array("features");
    if (features.isEmpty())
        root.fail("features", "should hold at least one feature");
    for (qsizetype i = 0; i < features.size(); ++i) {
        const JsonReader reader = root.element(features, i, "features");
        ScorecardFeature feature;
        feature.binning = binningFromJson(reader);
        feature.coefficient = reader.number("coefficient");
        const QJsonArray bins = reader.array("bins");
        for (qsizetype b = 0; b < bins.size(); ++b) {
            const JsonReader bin = reader.element(bins, b, "bins");
            const double points = bin.number("points");
            if (!std::isfinite(points))
                bin.fail("points", "should be a finite number");
            feature.points.push_back(points);
        }
        for (const ScorecardFeature &earlier : card.features) {
            if (earlier.binning.feature == feature.binning.feature)
                reader.fail("feature",
                            ("names \"" + feature.binning.feature + "\", as an earlier feature does").c_str());
        }
        card.features.push_back(std::move(feature));
    }
    card.warnings = root.strings("warnings");
    return card;
}

Scorecard loadScorecardFile(const std::string &path)
{
    return scorecardFromJson(readWholeFile(path, kMaxScorecardBytes, "scorecard file"), path);
}

QByteArray scorecardToCsv(const Scorecard &card)
{
    std::string csv = "feature,bin,kind,lower,upper,levels,count,events,event_rate,woe,coefficient,points\n";
    csv += "(intercept),,intercept,,,,,,,," + exact(card.intercept) + "," + exact(card.interceptPoints()) + "\n";
    for (const ScorecardFeature &feature : card.features) {
        for (std::size_t b = 0; b < feature.binning.bins.size(); ++b) {
            const Bin &bin = feature.binning.bins[b];
            std::string kind, lower, upper, levels;
            switch (bin.kind) {
            case BinKind::Range:
                kind = "range";
                lower = std::isfinite(bin.lower) ? exact(bin.lower) : "-inf";
                upper = std::isfinite(bin.upper) ? exact(bin.upper) : "inf";
                break;
            case BinKind::Levels:
                kind = "levels";
                break;
            case BinKind::Special:
                kind = "special";
                if (bin.levels.empty())
                    lower = upper = exact(bin.special);
                break;
            case BinKind::Missing:
                kind = "missing";
                break;
            }
            for (const std::string &level : bin.levels)
                levels += (levels.empty() ? "" : "|") + level;
            csv += csvField(feature.binning.feature) + "," + csvField(bin.label()) + "," + kind + "," + lower + "," +
                   upper + "," + csvField(levels) + "," + std::to_string(bin.count()) + "," +
                   std::to_string(bin.events) + "," + exact(bin.eventRate) + "," + exact(bin.woe) + "," +
                   exact(feature.coefficient) + "," + exact(feature.points[b]) + "\n";
        }
    }
    return QByteArray::fromStdString(csv);
}

} // namespace cmtl
