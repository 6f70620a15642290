#pragma once

// Hyper-parameter search: random search with successive halving (Jamieson and Talwalkar 2016;
// the brackets of Li et al.'s Hyperband with one bracket size). Each bracket draws candidates,
// scores them all on the first few held-out folds of the repeated K-fold cross-validation (one
// fold by default: the cheap first rung), keeps the best 1/eta and scores those on eta times as
// many folds, and so on until the last rung has every fold of every repeat. The resource that is
// halved is the number of held-out folds, so a promoted candidate's estimate gets tighter instead
// of being re-measured on the same rows, and every candidate of a rung is compared on the same
// held-out rows. The folds of a rung are scored on several threads at once (each training then
// on one thread); a fold's score depends only on the candidate and the fold, so the trials,
// scores and recommendation do not depend on the thread timing. The scoring itself is the
// objective's (Objective.h); this file only decides what to score next.

#include "common/Cancellation.h"
#include "train/Comparison.h"
#include "tune/Objective.h"

#include <string>
#include <vector>

namespace cmtl {

struct TuneSpec {
    TuneMetric metric;
    CrossValidationScheme crossValidation;
    int maxTrials = 0;        // candidates to draw in all (0 = no limit; then a time budget is needed)
    double budgetSeconds = 0; // wall-clock budget (0 = none; then a trial limit is needed)
    int halvingRate = 3;      // eta: one candidate in eta is promoted to the next rung
    int bracketSize = 9;      // candidates drawn per bracket
    // Held-out folds every candidate is scored on at rung 0 (each rung multiplies them by eta, up
    // to folds x repeats); 0 = one whole repeat (K folds).
    int firstRungFolds = 1;
    // Folds scored at once, each on its own thread (0 = the hardware's threads). With more than
    // one, each training runs on one thread, so that the machine is not oversubscribed.
    int workers = 0;
};

// The held-out folds a candidate has been scored on once it has finished `rung` (0-based):
// firstRungFolds x eta^rung, at most folds x repeats.
int foldsAtRung(int rung, const TuneSpec &spec);
// The threads a search of `spec` scores folds on.
int workerCount(const TuneSpec &spec);

enum class TrialState {
    Running,
    Complete, // scored on every repeat
    Pruned,   // not promoted past its rung
    Stopped,  // interrupted by the budget, a cancel or a callback; scores so far kept
    Failed,   // training failed (diverged...) or, under a time budget, one fold took more than
              // budget / (2 x folds): `error` says why
};

const char *toString(TrialState state);

struct Trial {
    int number = 0;  // 1-based, in the order of drawing
    int bracket = 0; // 1-based
    int rung = 0;    // the highest rung reached (0-based)
    Candidate candidate;
    std::string description;
    std::vector<double> scores; // the metric on each held-out fold scored so far, in fold order
    TrialState state = TrialState::Running;
    std::string error;
    double seconds = 0; // training and scoring time spent on this trial

    Summary summary() const { return summarise(scores); }
};

struct TuneProgress {
    double fraction = 0; // of the budget (time or trials) used, 0..1
    int trialsDrawn = 0;
    int foldsScored = 0;
    double elapsedSeconds = 0;
};

// Hooks into the search in the manner of ensmallen's callbacks: each returns true to ask the
// search to stop (the running training is abandoned within a mini-batch).
class TuneCallback {
public:
    virtual ~TuneCallback() = default;
    // After each held-out fold is scored.
    virtual bool foldScored(const Trial & /*trial*/, const TuneProgress & /*progress*/) { return false; }
    // When a trial's state or rung changes (promoted, pruned, complete, failed, stopped).
    virtual bool trialUpdated(const Trial & /*trial*/) { return false; }
    // Between mini-batches of the training inside a trial.
    virtual bool tick(const TuneProgress & /*progress*/) { return false; }
};

struct TuneResult {
    std::vector<Trial> trials;
    int best = -1; // index into trials; -1 when no trial was scored
    std::string stopReason;
    bool cancelled = false; // by the cancellation token or a callback
    double seconds = 0;

    const Trial *bestTrial() const { return best >= 0 ? &trials[static_cast<std::size_t>(best)] : nullptr; }
};

// The trial a search recommends. Only trials scored on at least one whole repeat (K folds)
// compete when any is (a ranking on one held-out fold is too noisy to choose by: its AUC varies
// by about 0.03 from fold to fold on a few thousand rows): of those, the ones at the highest rung,
// and of them the best mean over the folds all of them were scored on, the same held-out rows
// for each. A promoted trial got there by beating the others of its bracket. When no trial has
// a whole repeat, the same rule over the trials at the highest rung with at least that rung's
// entry folds; when no trial finished its first rung, the trial scored on the most folds; -1
// when no trial has a score.
int bestTrialIndex(const std::vector<Trial> &trials, const TuneSpec &spec);

// Runs the search. The first candidates are startingCandidates(base) (SearchSpace.h): the base
// configuration competes with what the search finds; the rest are random draws. Deterministic for a given
// seed (crossValidation.seed) and trial limit; with a time budget the trials are a prefix of the
// same sequence. Throws ConfigError for a spec without limit or with limits out of range.
TuneResult tune(const CrossValidationObjective &objective, const Candidate &base, const TuneSpec &spec,
                const std::vector<TuneCallback *> &callbacks = {}, const CancellationToken *cancel = nullptr);

} // namespace cmtl
