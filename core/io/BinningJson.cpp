#include "io/BinningJson.h"

#include <QJsonArray>

#include <cmath>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;
using json::toJsonArray;

namespace {

const char *kindName(BinKind kind)
{
    switch (kind) {
    case BinKind::Range:
        return "range";
    case BinKind::Levels:
        return "levels";
    case BinKind::Special:
        return "special";
    case BinKind::Missing:
        return "missing";
    }
    return "range";
}

} // namespace

QJsonObject binToJson(const Bin &bin)
{
    QJsonObject object{{key("kind"), QLatin1String(kindName(bin.kind))}};
    switch (bin.kind) {
    case BinKind::Range:
        // JSON has no infinity: an open end is left out.
        if (std::isfinite(bin.lower))
            object.insert(key("lower"), bin.lower);
        if (std::isfinite(bin.upper))
            object.insert(key("upper"), bin.upper);
        break;
    case BinKind::Levels:
        object.insert(key("levels"), toJsonArray(bin.levels));
        break;
    case BinKind::Special:
        if (bin.levels.empty())
            object.insert(key("value"), bin.special);
        else
            object.insert(key("levels"), toJsonArray(bin.levels));
        break;
    case BinKind::Missing:
        break;
    }
    object.insert(key("events"), static_cast<double>(bin.events));
    object.insert(key("non_events"), static_cast<double>(bin.nonEvents));
    object.insert(key("woe"), bin.woe);
    return object;
}

QJsonObject binningToJson(const FeatureBinning &binning)
{
    QJsonArray bins;
    for (const Bin &bin : binning.bins)
        bins.append(binToJson(bin));
    return {{key("feature"), qs(binning.feature)}, {key("categorical"), binning.categorical}, {key("bins"), bins}};
}

Bin binFromJson(const JsonReader &reader, bool categorical)
{
    Bin bin;
    const std::string kind = reader.text("kind");
    if (kind == "range" && !categorical) {
        bin.kind = BinKind::Range;
        if (reader.has("lower"))
            bin.lower = reader.number("lower");
        if (reader.has("upper"))
            bin.upper = reader.number("upper");
        if (!(bin.lower < bin.upper))
            reader.fail("upper", "should be above the bin's lower bound");
    } else if (kind == "levels" && categorical) {
        bin.kind = BinKind::Levels;
        bin.levels = reader.strings("levels");
        if (bin.levels.empty())
            reader.fail("levels", "should name at least one level");
    } else if (kind == "special") {
        bin.kind = BinKind::Special;
        if (categorical) {
            bin.levels = reader.strings("levels");
            if (bin.levels.size() != 1)
                reader.fail("levels", "should name the one special level");
        } else {
            bin.special = reader.number("value");
        }
    } else if (kind == "missing") {
        bin.kind = BinKind::Missing;
    } else {
        reader.fail("kind", categorical ? "should be \"levels\", \"special\" or \"missing\" (a categorical feature)"
                                        : "should be \"range\", \"special\" or \"missing\" (a numeric feature)");
    }
    bin.events = reader.count("events");
    bin.nonEvents = reader.count("non_events");
    bin.woe = reader.number("woe");
    return bin;
}

FeatureBinning binningFromJson(const JsonReader &reader)
{
    FeatureBinning binning;
    binning.feature = reader.text("feature");
    binning.categorical = reader.flag("categorical");
    const QJsonArray bins = reader.array("bins");
    if (bins.isEmpty())
        reader.fail("bins", "should hold at least one bin");
    for (qsizetype i = 0; i < bins.size(); ++i)
        binning.bins.push_back(binFromJson(reader.element(bins, i, "bins"), binning.categorical));
    std::vector<double> stored;
    for (const Bin &bin : binning.bins)
        stored.push_back(bin.woe);
    try {
        computeBinStatistics(binning);
    } catch (const ConfigError &) {
        reader.fail("bins", "should count both events and non-events (their WoE needs both)");
    }
    for (std::size_t i = 0; i < binning.bins.size(); ++i)
        binning.bins[i].woe = stored[i];
    return binning;
}

} // namespace cmtl
