#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

// Binary classification metrics, matching scikit-learn 1.2 (see each function for the exact
// counterpart). Common contract of every function below:
// - scores and labels have the same length, else std::invalid_argument;
// - labels are 0 (negative) or 1 (positive), else std::invalid_argument;
// - a NaN score is rejected with std::invalid_argument (sklearn refuses NaN too, and a NaN has no
//   place in a ranking);
// - accumulation is in double whatever the input type.

namespace cmtl {

// One point of the ROC curve: predicting positive when score >= threshold.
struct RocPoint {
    double threshold;
    double falsePositiveRate;
    double truePositiveRate;
};

// The ROC curve with one point per distinct score (ties form one step, so AUC by the trapezoid
// rule equals the Mann-Whitney statistic with ties counted one half), starting at (0,0) with
// threshold +inf and ending at (1,1).
// Counterpart: sklearn.metrics.roc_curve(drop_intermediate=False), except that sklearn 1.2 gives
// the first point the threshold max(score) + 1 instead of +inf.
// Empty when there are no rows or only one class (one of the two rates is then undefined).
std::vector<RocPoint> rocCurve(std::span<const float> scores, std::span<const std::uint8_t> labels);

// One point of the KS chart: the cumulative distributions of positives and negatives taken
// from the highest score down. In credit scoring the positive class is usually the "bad" one.
struct KsPoint {
    double threshold;       // rows with score >= threshold are counted; +inf for the first point
    double populationShare; // share of all rows with score >= threshold
    double positiveShare;   // share of the positives with score >= threshold (the TPR)
    double negativeShare;   // share of the negatives with score >= threshold (the FPR)
};

// One point per distinct score, descending, after a first point (0,0,0) at +inf; the KS statistic
// is the largest positiveShare - negativeShare. Empty when there are no rows or only one class.
std::vector<KsPoint> ksCurve(std::span<const float> scores, std::span<const std::uint8_t> labels);
// Where the KS statistic is attained on a curve from ksCurve: the first point with the largest
// positiveShare - negativeShare (nullopt for an empty curve).
std::optional<std::size_t> ksPeak(std::span<const KsPoint> curve);

// One non-empty bin of a reliability diagram.
struct CalibrationBin {
    double lowerEdge, upperEdge; // the bin holds scores in (lowerEdge, upperEdge]; the first bin also holds lowerEdge
    double meanPredicted;        // mean score of the rows in the bin
    double observedRate;         // share of positives among those rows
    std::int64_t count = 0;
};

// Reliability curve over `bins` equal-width bins of [0, 1]; empty bins are left out.
// Counterpart: sklearn.calibration.calibration_curve(strategy="uniform", n_bins=bins): a score on
// an inner edge belongs to the lower bin. sklearn refuses scores outside [0, 1]; here they fall into
// the first or last bin. bins < 1 throws std::invalid_argument.
std::vector<CalibrationBin> calibrationCurve(std::span<const float> scores, std::span<const std::uint8_t> labels,
                                             int bins = 10);

// Reliability curve over `bins` equal-count (quantile) bins: the edges are the scores' k/bins
// quantiles (linear interpolation, numpy.percentile's default), so each bin holds about the same
// number of rows even when the scores crowd near 0, as they do at a low default rate. Equal edges
// (ties) leave empty bins, which are left out. Counterpart: sklearn.calibration.calibration_curve(
// strategy="quantile", n_bins=bins): a score on an inner edge belongs to the lower bin.
// Empty for no rows; bins < 1 throws std::invalid_argument.
std::vector<CalibrationBin> quantileCalibrationCurve(std::span<const float> scores,
                                                     std::span<const std::uint8_t> labels, int bins = 10);

struct ConfusionCounts {
    std::int64_t truePositive = 0, falsePositive = 0, trueNegative = 0, falseNegative = 0;
};

// Counts with a row predicted positive when score >= threshold.
ConfusionCounts confusionAt(std::span<const float> scores, std::span<const std::uint8_t> labels, double threshold);

// Threshold metrics from counts. An undefined ratio is 0, as sklearn's zero_division=0 makes it
// (precision without predicted positives, recall without positives, F1 when both are 0); accuracy
// of no rows is NaN.
double accuracy(const ConfusionCounts &counts);
double precision(const ConfusionCounts &counts);
double recall(const ConfusionCounts &counts);
double f1Score(const ConfusionCounts &counts);

// Where a threshold's counts put it on the ROC curve: false and true positive rates. Unlike
// recall's 0, a rate without any negative (or positive) row is NaN: there is no curve to be on.
RocPoint rocPointAt(const ConfusionCounts &counts, double threshold);

// Metrics of a binary task; scores are probabilities of the positive class (label 1).
// With no rows auc, ks, gini, logLoss, brier and accuracy are NaN, and precision, recall and f1 are 0
// like any undefined ratio above. With one class only, auc, ks and gini are NaN; the rest stays defined.
struct BinaryMetrics {
    double auc = 0, ks = 0, gini = 0, logLoss = 0, brier = 0;
    double threshold = 0.5; // for the threshold metrics below
    double accuracy = 0, precision = 0, recall = 0, f1 = 0;
    ConfusionCounts confusion;
    std::int64_t count = 0, positives = 0;
};

BinaryMetrics binaryMetrics(std::span<const float> scores, std::span<const std::uint8_t> labels,
                            double threshold = 0.5);

// Area under the ROC curve, ties between a positive and a negative counted one half.
// Counterpart: sklearn.metrics.roc_auc_score. NaN with no rows or only one class (sklearn raises).
double rocAuc(std::span<const float> scores, std::span<const std::uint8_t> labels);
// Kolmogorov-Smirnov statistic: max over thresholds of TPR - FPR (never below 0: the curve starts
// at (0,0)). NaN with no rows or only one class.
double ksStatistic(std::span<const float> scores, std::span<const std::uint8_t> labels);

// Probabilities are clipped to [kLogLossClip, 1 - kLogLossClip] before taking logarithms. The
// bound is float epsilon (2^-23, about 1.19e-7) because sklearn 1.2's log_loss(eps="auto") clips
// float32 probabilities -- the type the engine produces -- at exactly that, so results agree with
// sklearn on float32 input. (Older sklearn used 1e-15, which a float32 cannot resolve near 1.)
inline constexpr double kLogLossClip = 1.0 / (1 << 23);

// Mean negative log-likelihood of the labels. Counterpart: sklearn.metrics.log_loss(labels=[0, 1]),
// so it stays defined when only one class is present (sklearn needs the labels argument for that).
// NaN with no rows.
double logLoss(std::span<const float> scores, std::span<const std::uint8_t> labels);
// Mean squared difference between score and label. Counterpart: sklearn.metrics.brier_score_loss.
// NaN with no rows.
double brierScore(std::span<const float> scores, std::span<const std::uint8_t> labels);

// Checks the common contract above (lengths, 0/1 labels, no NaN score) for other binary
// statistics (gains, cut-offs), naming `function` in the std::invalid_argument it throws.
void checkBinaryInput(std::span<const float> scores, std::span<const std::uint8_t> labels, const char *function);

} // namespace cmtl
