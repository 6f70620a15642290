#include "metrics/Gains.h"

#include "metrics/MetricValues.h"
#include "metrics/ScoreGroups.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace cmtl {

namespace {

double ratio(double numerator, double denominator)
{
    return denominator > 0 ? numerator / denominator : kNaN;
}

} // namespace

GainsTable gainsTable(std::span<const float> scores, std::span<const std::uint8_t> labels, int bands)
{
    if (bands < 1)
        throw std::invalid_argument("gainsTable: the number of bands must be at least 1, not " + std::to_string(bands));
    const std::vector<ScoreGroup> groups = groupsByDescendingScore(scores, labels, "gainsTable");
    GainsTable table;
    for (const ScoreGroup &group : groups) {
        table.count += group.count;
        table.bads += group.positives;
    }
    const auto rows = static_cast<double>(table.count);
    const auto bads = static_cast<double>(table.bads);
    const auto goods = static_cast<double>(table.count - table.bads);
    const double overallBadRate = ratio(bads, rows);

    std::int64_t rank = 0, cumulativeCount = 0, cumulativeBads = 0;
    int currentBand = -1;
    for (const ScoreGroup &group : groups) {
        // The band of the group's first row: floor(rank * bands / rows), in integers.
        const auto band = static_cast<int>(rank * bands / table.count);
        if (band != currentBand) {
            table.bands.push_back({});
            table.bands.back().highestScore = group.score;
            currentBand = band;
        }
        GainsBand &current = table.bands.back();
        current.lowestScore = group.score;
        current.count += group.count;
        current.bads += group.positives;
        rank += group.count;
    }
    for (GainsBand &band : table.bands) {
        cumulativeCount += band.count;
        cumulativeBads += band.bads;
        band.badRate = ratio(static_cast<double>(band.bads), static_cast<double>(band.count));
        band.cumulativeBadShare = ratio(static_cast<double>(cumulativeBads), bads);
        band.cumulativeGoodShare = ratio(static_cast<double>(cumulativeCount - cumulativeBads), goods);
        band.ks = band.cumulativeBadShare - band.cumulativeGoodShare;
        band.lift = ratio(band.badRate, overallBadRate);
        band.cumulativeLift =
            ratio(ratio(static_cast<double>(cumulativeBads), static_cast<double>(cumulativeCount)), overallBadRate);
        // A NaN band KS (one class only) leaves the statistic NaN: std::max would drop it.
        table.ks = band.ks != band.ks || table.ks != table.ks ? kNaN : std::max(table.ks, band.ks);
    }
    if (table.bands.empty())
        table.ks = kNaN;
    return table;
}

std::vector<PrecisionRecallPoint> precisionRecallCurve(std::span<const float> scores,
                                                       std::span<const std::uint8_t> labels)
{
    const std::vector<ScoreGroup> groups = groupsByDescendingScore(scores, labels, "precisionRecallCurve");
    std::int64_t positives = 0;
    for (const ScoreGroup &group : groups)
        positives += group.positives;
    if (positives == 0)
        return {};
    std::vector<PrecisionRecallPoint> curve{{kInfinity, 1.0, 0.0}};
    std::int64_t predicted = 0, truePositives = 0;
    for (const ScoreGroup &group : groups) {
        predicted += group.count;
        truePositives += group.positives;
        curve.push_back({group.score, static_cast<double>(truePositives) / static_cast<double>(predicted),
                         static_cast<double>(truePositives) / static_cast<double>(positives)});
        if (truePositives == positives)
            break; // full recall: lower thresholds only lose precision
    }
    return curve;
}

double averagePrecision(std::span<const float> scores, std::span<const std::uint8_t> labels)
{
    const std::vector<PrecisionRecallPoint> curve = precisionRecallCurve(scores, labels);
    if (curve.empty())
        return kNaN;
    double sum = 0;
    for (std::size_t k = 1; k < curve.size(); ++k)
        sum += (curve[k].recall - curve[k - 1].recall) * curve[k].precision;
    return sum;
}

std::vector<CumulativeGainsPoint> cumulativeGainsCurve(std::span<const float> scores,
                                                       std::span<const std::uint8_t> labels)
{
    const std::vector<ScoreGroup> groups = groupsByDescendingScore(scores, labels, "cumulativeGainsCurve");
    std::int64_t rows = 0, positives = 0;
    for (const ScoreGroup &group : groups) {
        rows += group.count;
        positives += group.positives;
    }
    if (positives == 0)
        return {};
    std::vector<CumulativeGainsPoint> curve{{kInfinity, 0.0, 0.0}};
    std::int64_t seen = 0, seenPositives = 0;
    for (const ScoreGroup &group : groups) {
        seen += group.count;
        seenPositives += group.positives;
        curve.push_back({group.score, static_cast<double>(seen) / static_cast<double>(rows),
                         static_cast<double>(seenPositives) / static_cast<double>(positives)});
    }
    return curve;
}

} // namespace cmtl
