#pragma once

// Reject inference for a binary task: a scorecard (scorecard/Scorecard.h) fitted on the accepted
// applicants, whose outcomes are known, is corrected for the declined applicants ("rejects"), whose
// outcomes were never observed because they got no loan. Each reject is given an inferred outcome
// and the scorecard is refitted on accepts + inferred rejects.
//
// The model refitted is the scorecard itself: the accepts' bins are kept (a reject falls into the
// bin its values select; a level never seen on the accepts into no bin, WoE 0), each bin's WoE is
// recomputed from the weighted event / non-event counts of accepts (weight 1) and inferred rejects,
// and the logistic regression on the WoE is refitted with the same row weights.
//
// The two classic methods, and what each assumes:
// - Fuzzy augmentation. Each reject is scored by the accepts-only card, p = P(bad), and enters the
//   refit twice: as a bad with weight p and as a good with weight 1 - p (both times the reject
//   weight w, so a reject weighs w in all). Assumes the accepts-only model's probabilities hold for
//   the rejects: the outcome depends on the features alone, not on being declined ("missing at
//   random" given the features). It cannot correct a model that is wrong on the rejects; it mostly
//   sharpens the WoE where rejects are many.
// - Parcelling. The accepts' scores are cut into bands at their quantiles; the rejects in a band
//   are labelled bad in the share (the band's bad rate among accepts) x factor (capped at 1), the
//   bad ones chosen at random with the seed, the rest good, each with the reject weight. A factor
//   above 1 states the usual judgement that a reject is worse than an accepted applicant of the
//   same score (the underwriter declined them for reasons the data do not show); 1 assumes they
//   are alike, as fuzzy augmentation does. The factor is a judgement, not something the data can
//   estimate.
// Neither method can be validated on accepts alone: the accepts are the only rows with outcomes,
// so an AUC on held-out accepts cannot show a benefit on the through-the-door population.

#include "common/Cancellation.h"
#include "data/Table.h"
#include "scorecard/Scorecard.h"
#include "tasks/TaskSpec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

enum class RejectMethod { FuzzyAugmentation, Parcelling };
const char *toString(RejectMethod method);

struct RejectInferenceOptions {
    RejectMethod method = RejectMethod::FuzzyAugmentation;
    double rejectWeight = 1; // each reject's total weight in the refit, > 0
    double parcelFactor = 1; // parcelling: the rejects' bad rate per band = accepts' bad rate x factor, > 0
    int parcelBands = 10;    // parcelling: score bands at the accepts' quantiles, >= 1
    std::uint64_t seed = 42; // parcelling: which rejects of a band are the bad ones
    // Throws ConfigError unless the weight and factor are finite and > 0 and bands >= 1.
    void validate() const;
};

// One row the refit adds for a reject: its row in the rejects table, its inferred outcome (1 = bad,
// the task's positive class) and weight.
struct InferredRow {
    std::size_t reject = 0;
    int event = 0;
    double weight = 0;
};

// A parcelling band: the accepts' scores in (lowerPoints, upperPoints] (the first band from -inf,
// the last to +inf), the accepts' bad rate there, and the rejects that fell in it.
struct ParcelBand {
    double lowerPoints = 0, upperPoints = 0;
    std::int64_t accepts = 0, acceptBads = 0;
    double acceptBadRate = 0;
    double rejectBadShare = 0; // min(1, acceptBadRate x factor)
    std::int64_t rejects = 0, inferredBads = 0;
};

struct InferredRejects {
    std::vector<InferredRow> rows;
    std::vector<ParcelBand> bands; // parcelling only
    // The weighted share of bad among the inferred rows (the rejects' inferred bad rate).
    double badRate() const;
};

// Fuzzy augmentation: per reject, a bad row of weight p x w and a good row of weight (1 - p) x w,
// where p is the reject's probability of bad (each in [0, 1]).
InferredRejects fuzzyAugmentation(const std::vector<double> &rejectBadProbability, double rejectWeight);

// Parcelling on scores (higher = less risk): bands cut at the `bands`-quantiles of the accepts'
// points (ties never split, so there may be fewer), each band's bad rate among the accepts
// (acceptEvents: 1 = bad), and per band round(share x rejects in it) rejects labelled bad, chosen by
// a shuffle seeded with `seed`.
InferredRejects parcelling(const std::vector<double> &acceptPoints, const std::vector<int> &acceptEvents,
                           const std::vector<double> &rejectPoints, const RejectInferenceOptions &options);

// The card refitted on the labelled rows of `accepts` (weight 1) and the inferred rows of `rejects`:
// the bins kept, their WoE recomputed from the weighted counts, the regression refitted. Its warnings
// are the refit's wrong-sign coefficients only (the accepts-only card's others still apply).
Scorecard refitWithRejects(const Scorecard &acceptsCard, const Table &accepts, const Table &rejects,
                           const InferredRejects &inferred);

struct RejectInferenceResult {
    Scorecard acceptsOnly;
    Scorecard withRejects;
    std::vector<double> rejectBadProbability; // per reject, by the accepts-only card
    InferredRejects inferred;
};

// Fits the accepts-only scorecard on `accepts`, infers the rejects' outcomes by options.method and
// refits. Throws DataError when `rejects` is empty, lacks a feature of the card, or holds a value in
// the task's column (a declined applicant has no outcome: the file is probably not the rejects).
RejectInferenceResult inferRejects(const Table &accepts, const Table &rejects, const TaskSpec &task,
                                   const std::vector<std::string> &features, const ScorecardOptions &cardOptions,
                                   const RejectInferenceOptions &options);

// The features `accepts` holds as text: the declined applicants' file is read with them as text too,
// so that a code column of digits is read as the accepts' is.
std::vector<std::string> textFeatures(const Table &accepts, const std::vector<std::string> &features);

// What `method` assumes, in one paragraph (the words the command line prints with its results).
const char *rejectMethodAssumptions(RejectMethod method);

// Both cards' AUC on the same held-out accepts and a 95% paired bootstrap interval of the difference
// (with - without: the same resampled rows for both, since the two AUCs share their rows).
struct HoldoutAucComparison {
    double without = 0, with = 0;
    double differenceLow = 0, differenceHigh = 0;
    int resamples = 0;
};

// The accepts-only card and the card with reject inference compared: the accepts are split,
// stratified on the outcome with the options' seed, into a part the cards are fitted on (1 - holdout)
// and a held-out part they are compared on; the declined are scored by both.
struct RejectInferenceComparison {
    RejectInferenceResult result; // fitted on the fit part
    std::size_t fitRows = 0, heldOutRows = 0;
    std::size_t labelledHeldOut = 0; // held-out rows with an outcome (the AUC's rows)
    double heldOutBadRate = 0;       // their observed bad rate
    HoldoutAucComparison auc;
    double heldOutMeanBadWithout = 0, heldOutMeanBadWith = 0; // mean P(bad) of the labelled held-out accepts
    double rejectMeanBadWithout = 0, rejectMeanBadWith = 0;   // mean P(bad) of the declined
};

// Splits `accepts`, runs inferRejects on the fit part and compares the two cards as above (200
// bootstrap resamples seeded with options.seed). Throws ConfigError when holdout is not in
// (0, 1) or the held-out accepts hold one class only; Cancelled when `cancel` is set (seen between
// the steps and the resamples).
RejectInferenceComparison compareRejectInference(const Table &accepts, const Table &rejects, const TaskSpec &task,
                                                 const std::vector<std::string> &features,
                                                 const ScorecardOptions &cardOptions,
                                                 const RejectInferenceOptions &options, double holdout,
                                                 const CancellationToken *cancel = nullptr);

} // namespace cmtl
