#pragma once

#include <cstdint>
#include <span>
#include <vector>

// Model performance tables of a binary task as credit risk reports them. Convention throughout:
// the score is the probability of the positive class, and the positive class is the "bad" one
// (default, fraud), so the riskiest rows have the highest scores and come first. Inputs follow
// the contract of BinaryMetrics.h (same lengths, 0/1 labels, no NaN score; std::invalid_argument).

namespace cmtl {

// One band of a gains table: rows ranked by score, highest first.
struct GainsBand {
    double highestScore = 0, lowestScore = 0; // the scores the band spans
    std::int64_t count = 0, bads = 0;         // rows and positives in the band
    double badRate = 0;                       // bads / count
    double cumulativeBadShare = 0;            // share of all bads in this band and those above it
    double cumulativeGoodShare = 0;           // the same for the goods (negatives)
    double ks = 0;                            // cumulativeBadShare - cumulativeGoodShare
    double lift = 0;                          // badRate / the overall bad rate
    double cumulativeLift = 0;                // bad rate of this band and those above / the overall rate
};

struct GainsTable {
    std::vector<GainsBand> bands;
    std::int64_t count = 0, bads = 0;
    // The largest band KS: KS measured at the band boundaries only, so at most the KS statistic
    // over every threshold (ksStatistic), and equal to it when a boundary falls on its peak.
    double ks = 0;
};

// The gains table over `bands` N-tiles of the rows ranked by score, highest first. A row's band is
// floor(rank * bands / rows) of the first row of its group of tied scores (rank counted from 0), so
// tied scores never straddle two bands; a band a tie group swallows whole is left out (the table
// then has fewer bands). Without rows the table is empty; lifts are NaN without any bad, and
// cumulative good shares NaN without any good. bands < 1 throws std::invalid_argument.
GainsTable gainsTable(std::span<const float> scores, std::span<const std::uint8_t> labels, int bands = 10);

// One point of the precision-recall curve: predicting positive when score >= threshold.
struct PrecisionRecallPoint {
    double threshold, precision, recall;
};

// The precision-recall curve: a first point (precision 1, recall 0, threshold +inf), then one
// point per distinct score from the highest down to the first that reaches full recall.
// Counterpart: sklearn.metrics.precision_recall_curve (1.2) read in reverse (its arrays run from
// that lowest threshold up and end on the (1, 0) point, which has no threshold there). Empty
// without any positive row (recall is undefined).
std::vector<PrecisionRecallPoint> precisionRecallCurve(std::span<const float> scores,
                                                       std::span<const std::uint8_t> labels);
// Average precision: the sum over the curve's thresholds of (recall gained) x precision, no
// interpolation. Counterpart: sklearn.metrics.average_precision_score. NaN without any positive.
double averagePrecision(std::span<const float> scores, std::span<const std::uint8_t> labels);

// One point of the cumulative gains (CAP) curve: of the rows with score >= threshold, what share
// of all rows they are and what share of the positives they hold.
struct CumulativeGainsPoint {
    double threshold, populationShare, positiveShare;
};
// From (0, 0) at +inf to (1, 1), one point per distinct score, descending (ties form one step).
// The lift chart is positiveShare / populationShare along the same points. Empty without rows or
// without any positive.
std::vector<CumulativeGainsPoint> cumulativeGainsCurve(std::span<const float> scores,
                                                       std::span<const std::uint8_t> labels);

} // namespace cmtl
