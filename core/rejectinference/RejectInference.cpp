#include "rejectinference/RejectInference.h"

#include "common/Error.h"
#include "metrics/BinaryMetrics.h"
#include "preprocess/WoeEncoder.h"
#include "split/DataSplit.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace cmtl {

const char *toString(RejectMethod method)
{
    return method == RejectMethod::FuzzyAugmentation ? "fuzzy augmentation" : "parcelling";
}

void RejectInferenceOptions::validate() const
{
    const auto shortest = [](double value) {
        std::ostringstream text;
        text << value;
        return text.str();
    };
    if (!std::isfinite(rejectWeight) || rejectWeight <= 0)
        throw ConfigError("the reject weight is " + shortest(rejectWeight) +
                          "; it must be a finite number > 0 (1 = a reject weighs as much as an accepted applicant)");
    if (!std::isfinite(parcelFactor) || parcelFactor <= 0)
        throw ConfigError("the parcel factor is " + shortest(parcelFactor) +
                          "; it must be a finite number > 0 (1 = rejects as risky as accepts of the same score, "
                          "above 1 = riskier)");
    if (parcelBands < 1)
        throw ConfigError("the number of parcel bands is " + std::to_string(parcelBands) + "; it must be at least 1");
}

double InferredRejects::badRate() const
{
    double bad = 0, all = 0;
    for (const InferredRow &row : rows) {
        bad += row.event * row.weight;
        all += row.weight;
    }
    return all > 0 ? bad / all : 0;
}

InferredRejects fuzzyAugmentation(const std::vector<double> &rejectBadProbability, double rejectWeight)
{
    InferredRejects inferred;
    for (std::size_t reject = 0; reject < rejectBadProbability.size(); ++reject) {
        const double p = rejectBadProbability[reject];
        inferred.rows.push_back({reject, 1, p * rejectWeight});
        inferred.rows.push_back({reject, 0, (1.0 - p) * rejectWeight});
    }
    return inferred;
}

InferredRejects parcelling(const std::vector<double> &acceptPoints, const std::vector<int> &acceptEvents,
                           const std::vector<double> &rejectPoints, const RejectInferenceOptions &options)
{
    options.validate();
    if (acceptPoints.empty() || acceptPoints.size() != acceptEvents.size())
        throw ConfigError("parcelling needs one outcome per accepted applicant's score, and at least one");
    // The band edges: the accepts' points at the quantiles k / bands (k = 1 .. bands - 1), each an
    // accepted score, so a band is (edge_{k-1}, edge_k] and ties stay in one band.
    std::vector<double> sorted = acceptPoints;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> edges;
    for (int k = 1; k < options.parcelBands; ++k) {
        const auto at = static_cast<std::size_t>(std::ceil(double(k) * double(sorted.size()) / options.parcelBands));
        const double edge = sorted[std::min(at, sorted.size()) - 1];
        if (edge < sorted.back() && (edges.empty() || edge > edges.back()))
            edges.push_back(edge);
    }
    const auto bandOf = [&](double points) {
        return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), points) - edges.begin());
    };
    InferredRejects inferred;
    inferred.bands.resize(edges.size() + 1);
    for (std::size_t b = 0; b < inferred.bands.size(); ++b) {
        inferred.bands[b].lowerPoints = b == 0 ? -INFINITY : edges[b - 1];
        inferred.bands[b].upperPoints = b == edges.size() ? INFINITY : edges[b];
    }
    for (std::size_t i = 0; i < acceptPoints.size(); ++i) {
        ParcelBand &band = inferred.bands[bandOf(acceptPoints[i])];
        ++band.accepts;
        band.acceptBads += acceptEvents[i];
    }
    std::vector<std::vector<std::size_t>> rejectsOfBand(inferred.bands.size());
    for (std::size_t reject = 0; reject < rejectPoints.size(); ++reject)
        rejectsOfBand[bandOf(rejectPoints[reject])].push_back(reject);
    // One generator over the bands in order: the same seed and inputs give the same labels.
    std::mt19937_64 generator(options.seed);
    for (std::size_t b = 0; b < inferred.bands.size(); ++b) {
        ParcelBand &band = inferred.bands[b];
        std::vector<std::size_t> &members = rejectsOfBand[b];
        band.acceptBadRate = double(band.acceptBads) / double(band.accepts);
        band.rejectBadShare = std::min(1.0, band.acceptBadRate * options.parcelFactor);
        band.rejects = static_cast<std::int64_t>(members.size());
        band.inferredBads = std::llround(band.rejectBadShare * double(members.size()));
        // A Fisher-Yates shuffle of our own (std::shuffle's draws differ between standard libraries).
        for (std::size_t i = members.size(); i > 1; --i)
            std::swap(members[i - 1], members[generator() % i]);
        for (std::size_t i = 0; i < members.size(); ++i)
            inferred.rows.push_back(
                {members[i], static_cast<std::int64_t>(i) < band.inferredBads ? 1 : 0, options.rejectWeight});
    }
    // In reject order, as fuzzy augmentation gives them.
    std::stable_sort(inferred.rows.begin(), inferred.rows.end(),
                     [](const InferredRow &a, const InferredRow &b) { return a.reject < b.reject; });
    return inferred;
}

Scorecard refitWithRejects(const Scorecard &acceptsCard, const Table &accepts, const Table &rejects,
                           const InferredRejects &inferred)
{
    const TaskSpec task{acceptsCard.taskColumn, TaskType::Binary, acceptsCard.positiveClass};
    std::vector<std::size_t> allRows(accepts.rowCount());
    std::iota(allRows.begin(), allRows.end(), std::size_t{0});
    const EventLabels labelled = eventLabels(accepts, task, allRows);

    // Per refit row (labelled accepts, then inferred rows): each feature's bin, the outcome, the weight.
    const std::size_t featureCount = acceptsCard.features.size();
    const std::size_t rowCount = labelled.rows.size() + inferred.rows.size();
    std::vector<std::vector<int>> bins(featureCount, std::vector<int>(rowCount));
    for (std::size_t j = 0; j < featureCount; ++j) {
        const FeatureBinning &binning = acceptsCard.features[j].binning;
        const BinLookup acceptBin(binning, accepts.column(binning.feature), accepts.source());
        const BinLookup rejectBin(binning, rejects.column(binning.feature), rejects.source());
        for (std::size_t i = 0; i < labelled.rows.size(); ++i)
            bins[j][i] = acceptBin(labelled.rows[i]);
        for (std::size_t i = 0; i < inferred.rows.size(); ++i)
            bins[j][labelled.rows.size() + i] = rejectBin(inferred.rows[i].reject);
    }
    std::vector<int> events(labelled.labels);
    std::vector<double> weights(labelled.rows.size(), 1.0);
    for (const InferredRow &row : inferred.rows) {
        events.push_back(row.event);
        weights.push_back(row.weight);
    }

    // Each bin's WoE from the weighted counts of the combined rows; the accepts' counts stay.
    Scorecard card = acceptsCard;
    card.warnings.clear();
    for (std::size_t j = 0; j < featureCount; ++j) {
        FeatureBinning &binning = card.features[j].binning;
        std::vector<double> binEvents(binning.bins.size()), binNonEvents(binning.bins.size());
        double totalEvents = 0, totalNonEvents = 0;
        for (std::size_t i = 0; i < rowCount; ++i) {
            if (bins[j][i] < 0)
                continue;
            (events[i] ? binEvents : binNonEvents)[static_cast<std::size_t>(bins[j][i])] += weights[i];
            (events[i] ? totalEvents : totalNonEvents) += weights[i];
        }
        binning.iv = 0;
        for (std::size_t b = 0; b < binning.bins.size(); ++b) {
            Bin &bin = binning.bins[b];
            const double weight = binEvents[b] + binNonEvents[b];
            bin.eventRate = weight > 0 ? binEvents[b] / weight : 0;
            bin.woe = weightOfEvidence(binEvents[b], binNonEvents[b], totalEvents, totalNonEvents);
            bin.iv = informationValue(binEvents[b], binNonEvents[b], totalEvents, totalNonEvents);
            binning.iv += bin.iv;
        }
    }
    std::vector<std::vector<double>> woe(rowCount, std::vector<double>(featureCount));
    std::vector<int> nonEvent(rowCount);
    for (std::size_t i = 0; i < rowCount; ++i) {
        for (std::size_t j = 0; j < featureCount; ++j)
            woe[i][j] = woeOfBin(card.features[j].binning, bins[j][i]);
        nonEvent[i] = 1 - events[i];
    }
    setCoefficients(card, fitLogisticRegression(woe, nonEvent, weights));
    return card;
}

namespace {

// A declined applicant has no outcome: a value in the task's column says the file is not the rejects
// (the accepts passed twice, say), which would be misread in silence if its labels were ignored.
void refuseRejectsWithOutcomes(const Table &rejects, const std::string &taskColumn)
{
    const int index = rejects.indexOf(taskColumn);
    if (index < 0)
        return;
    const Column &column = rejects.column(static_cast<std::size_t>(index));
    for (std::size_t row = 0; row < rejects.rowCount(); ++row) {
        if (column.isMissing(row))
            continue;
        const std::optional<std::int64_t> line = rejects.sourceLines().lineOf(row);
        throw DataError(SourceLocation{rejects.source(), line.value_or(0), taskColumn},
                        "the declined applicants' file holds the outcome \"" + column.cellText(row) + "\" at " +
                            rejects.rowPlace(row) +
                            "; declined applicants have no outcome. Leave the column empty or remove it (if these "
                            "rows have outcomes they are accepts: add them to the accepts' file)");
    }
}

void refuseRejectsWithoutFeatures(const Table &rejects, const Scorecard &card)
{
    for (const std::string &feature : card.featureColumns()) {
        if (rejects.indexOf(feature) < 0)
            throw DataError(SourceLocation{rejects.source(), 1, feature},
                            "the declined applicants' file has no column \"" + feature +
                                "\", a feature of the scorecard fitted on the accepts; give the rejects the "
                                "accepts' feature columns (same header names), or --ignore the feature");
    }
}

} // namespace

RejectInferenceResult inferRejects(const Table &accepts, const Table &rejects, const TaskSpec &task,
                                   const std::vector<std::string> &features, const ScorecardOptions &cardOptions,
                                   const RejectInferenceOptions &options)
{
    options.validate();
    if (rejects.rowCount() == 0)
        throw DataError(SourceLocation{rejects.source(), 0, {}},
                        "the declined applicants' file has no rows; give the file of declined applicants (the "
                        "accepts' feature columns, no outcome)");
    refuseRejectsWithOutcomes(rejects, task.column);
    RejectInferenceResult result;
    result.acceptsOnly = fitScorecard(accepts, task, features, cardOptions);
    refuseRejectsWithoutFeatures(rejects, result.acceptsOnly);
    const ScorecardScores rejectScores = scoreTable(result.acceptsOnly, rejects);
    result.rejectBadProbability = rejectScores.eventProbability;
    if (options.method == RejectMethod::FuzzyAugmentation) {
        result.inferred = fuzzyAugmentation(result.rejectBadProbability, options.rejectWeight);
    } else {
        std::vector<std::size_t> allRows(accepts.rowCount());
        std::iota(allRows.begin(), allRows.end(), std::size_t{0});
        const EventLabels labelled = eventLabels(accepts, task, allRows);
        const ScorecardScores acceptScores = scoreTable(result.acceptsOnly, accepts);
        std::vector<double> acceptPoints;
        for (std::size_t row : labelled.rows)
            acceptPoints.push_back(acceptScores.points[row]);
        result.inferred = parcelling(acceptPoints, labelled.labels, rejectScores.points, options);
    }
    result.withRejects = refitWithRejects(result.acceptsOnly, accepts, rejects, result.inferred);
    return result;
}

std::vector<std::string> textFeatures(const Table &accepts, const std::vector<std::string> &features)
{
    std::vector<std::string> text;
    for (const std::string &feature : features) {
        if (accepts.column(feature).type == ColumnType::Categorical)
            text.push_back(feature);
    }
    return text;
}

const char *rejectMethodAssumptions(RejectMethod method)
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

namespace {

constexpr int kBootstrapResamples = 200;

void stopIfCancelled(const CancellationToken *cancel)
{
    if (cancel && cancel->isCancelled())
        throw Cancelled();
}

// Both cards' AUC on the same held-out rows, and a paired bootstrap (the same resampled rows for
// both) of the difference: the two AUCs share their rows, so their errors are correlated.
HoldoutAucComparison compareOnHoldout(const std::vector<float> &without, const std::vector<float> &with,
                                      const std::vector<std::uint8_t> &labels, std::uint64_t seed,
                                      const CancellationToken *cancel)
{
    HoldoutAucComparison result{rocAuc(without, labels), rocAuc(with, labels), 0, 0, kBootstrapResamples};
    std::mt19937_64 generator(seed);
    std::vector<double> differences;
    std::vector<float> a(labels.size()), b(labels.size());
    std::vector<std::uint8_t> y(labels.size());
    while (differences.size() < kBootstrapResamples) {
        stopIfCancelled(cancel);
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

} // namespace

RejectInferenceComparison compareRejectInference(const Table &accepts, const Table &rejects, const TaskSpec &task,
                                                 const std::vector<std::string> &features,
                                                 const ScorecardOptions &cardOptions,
                                                 const RejectInferenceOptions &options, double holdout,
                                                 const CancellationToken *cancel)
{
    if (!(holdout > 0 && holdout < 1))
        throw ConfigError("the share of accepts held out must be between 0 and 1, not " + std::to_string(holdout));
    // The accepts split, stratified on the outcome: the cards are fitted on one part, compared on the other.
    std::vector<std::size_t> allRows(accepts.rowCount());
    std::iota(allRows.begin(), allRows.end(), std::size_t{0});
    const std::vector<float> targets = encodeTargets(accepts, fitTargetEncoding(accepts, task, allRows));
    const DataSplit split = stratifiedSplit(accepts.rowCount(), targets, SplitSpec{1 - holdout, 0, options.seed});
    const Table fitAccepts = accepts.selectRows(split.train);
    const Table heldOut = accepts.selectRows(split.test);
    stopIfCancelled(cancel);

    RejectInferenceComparison comparison;
    comparison.fitRows = split.train.size();
    comparison.heldOutRows = split.test.size();
    comparison.result = inferRejects(fitAccepts, rejects, task, features, cardOptions, options);
    const RejectInferenceResult &result = comparison.result;
    stopIfCancelled(cancel);

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
        throw ConfigError(accepts.source() + ": the held-out accepts (" + std::to_string(labels.size()) +
                          " labelled rows) hold one class only; raise --holdout or give more rows");
    comparison.labelledHeldOut = labels.size();
    comparison.heldOutBadRate = mean(std::vector<double>(labels.begin(), labels.end()));
    comparison.auc = compareOnHoldout(without, with, labels, options.seed, cancel);
    comparison.heldOutMeanBadWithout = mean(heldOutBadWithout);
    comparison.heldOutMeanBadWith = mean(heldOutBadWith);
    comparison.rejectMeanBadWithout = mean(result.rejectBadProbability);
    comparison.rejectMeanBadWith = mean(scoreTable(result.withRejects, rejects).eventProbability);
    return comparison;
}

} // namespace cmtl
