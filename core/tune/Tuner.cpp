#include "tune/Tuner.h"

#include "common/Error.h"
#include "nn/Random.h"
#include "tune/SearchSpace.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

namespace cmtl {

const char *toString(TrialState state)
{
    switch (state) {
    case TrialState::Running:
        return "running";
    case TrialState::Complete:
        return "complete";
    case TrialState::Pruned:
        return "pruned";
    case TrialState::Stopped:
        return "stopped";
    case TrialState::Failed:
        return "failed";
    }
    return "?";
}

namespace {

using Clock = std::chrono::steady_clock;

// Why a search ended before its limit.
enum class StopCause { None, Budget, Cancel, Callback };

// Repeats of the cross-validation a candidate has been scored on at each rung: 1, eta, eta^2...
// up to all of them (the last rung).
int repeatsAtRung(int rung, int repeats, int eta)
{
    long long value = 1;
    for (int i = 0; i < rung && value < repeats; ++i)
        value *= eta;
    return static_cast<int>(std::min<long long>(value, repeats));
}

// Folds a search of `trials` candidates scores when no candidate fails: the measure of progress
// of a search bounded by its trial count.
long long plannedFolds(const TuneSpec &spec)
{
    const int folds = spec.crossValidation.folds, repeats = spec.crossValidation.repeats;
    long long total = 0;
    for (int remaining = spec.maxTrials; remaining > 0; remaining -= spec.bracketSize) {
        int alive = std::min(remaining, spec.bracketSize);
        for (int rung = 0;; ++rung) {
            const int previous = rung == 0 ? 0 : repeatsAtRung(rung - 1, repeats, spec.halvingRate);
            const int now = repeatsAtRung(rung, repeats, spec.halvingRate);
            total += static_cast<long long>(alive) * (now - previous) * folds;
            if (now == repeats)
                break;
            alive = std::max(1, alive / spec.halvingRate);
        }
    }
    return total;
}

std::string formatSeconds(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", seconds);
    return text;
}

void checkSpec(const TuneSpec &spec)
{
    if (spec.maxTrials < 0)
        throw ConfigError("a search takes at least 1 trial, not " + std::to_string(spec.maxTrials));
    if (!std::isfinite(spec.budgetSeconds) || spec.budgetSeconds < 0)
        throw ConfigError("a search's time budget must be a positive number of seconds");
    if (spec.maxTrials == 0 && spec.budgetSeconds == 0)
        throw ConfigError("a search needs a limit: a time budget in seconds or a number of trials");
    if (spec.halvingRate < 2)
        throw ConfigError("successive halving keeps one candidate in eta: eta must be at least 2, not " +
                          std::to_string(spec.halvingRate));
    if (spec.bracketSize < 1)
        throw ConfigError("a bracket of successive halving needs at least 1 candidate");
}

// Checked between mini-batches: stops the running training (through the token the trainer
// polls) when the user cancels, the time budget runs out or a callback asks for it.
class Watchdog : public TrainingCallback {
public:
    Watchdog(const CancellationToken *userCancel, Clock::time_point deadline, bool hasDeadline,
             const std::vector<TuneCallback *> &callbacks, const TuneProgress &progress)
        : m_userCancel(userCancel), m_deadline(deadline), m_hasDeadline(hasDeadline), m_callbacks(callbacks),
          m_progress(progress)
    {}

    const CancellationToken &token() const { return m_stop; }
    StopCause cause() const { return m_cause; }

    // Whether the search must stop now; remembers the first cause.
    bool check()
    {
        if (m_cause != StopCause::None)
            return true;
        if (m_userCancel && m_userCancel->isCancelled())
            m_cause = StopCause::Cancel;
        else if (m_hasDeadline && Clock::now() >= m_deadline)
            m_cause = StopCause::Budget;
        else {
            for (TuneCallback *callback : m_callbacks) {
                if (callback->tick(m_progress))
                    m_cause = StopCause::Callback;
            }
        }
        if (m_cause != StopCause::None)
            m_stop.cancel();
        return m_cause != StopCause::None;
    }
    void stopFor(StopCause cause)
    {
        if (m_cause == StopCause::None)
            m_cause = cause;
        m_stop.cancel();
    }

    // A fold starts: it may run until `limit` (when `limited`) before it is abandoned as too slow.
    void beginFold(bool limited, Clock::time_point limit)
    {
        m_foldLimited = limited;
        m_foldLimit = limit;
        m_foldTooSlow = false;
        if (m_cause == StopCause::None)
            m_stop.reset();
    }
    bool foldTooSlow() const { return m_foldTooSlow; }

    bool endBatch(int, std::size_t, std::size_t) override
    {
        if (!check() && m_foldLimited && Clock::now() >= m_foldLimit) {
            m_foldTooSlow = true;
            m_stop.cancel();
        }
        return false; // the token makes the trainer throw Cancelled at its next batch
    }

private:
    const CancellationToken *m_userCancel;
    Clock::time_point m_deadline;
    bool m_hasDeadline;
    const std::vector<TuneCallback *> &m_callbacks;
    const TuneProgress &m_progress;
    CancellationToken m_stop;
    StopCause m_cause = StopCause::None;
    bool m_foldLimited = false, m_foldTooSlow = false;
    Clock::time_point m_foldLimit;
};

} // namespace

int bestTrialIndex(const std::vector<Trial> &trials, const TuneSpec &spec)
{
    const int folds = spec.crossValidation.folds;
    // The contenders: the trials that reached the highest rung with at least the folds that rung
    // is entered with (one repeat for rung 0).
    int highest = -1;
    for (const Trial &trial : trials) {
        if (trial.state != TrialState::Failed && !trial.scores.empty())
            highest = std::max(highest, trial.rung);
    }
    if (highest < 0)
        return -1;
    const std::size_t entry = static_cast<std::size_t>(
        folds * (highest == 0 ? 1 : repeatsAtRung(highest - 1, spec.crossValidation.repeats, spec.halvingRate)));
    std::vector<std::size_t> contenders;
    std::size_t common = std::numeric_limits<std::size_t>::max();
    for (std::size_t i = 0; i < trials.size(); ++i) {
        const Trial &trial = trials[i];
        if (trial.state != TrialState::Failed && trial.rung == highest && trial.scores.size() >= entry) {
            contenders.push_back(i);
            common = std::min(common, trial.scores.size());
        }
    }
    if (contenders.empty()) {
        // No trial finished its first repeat (a budget too short): the one scored on most folds.
        int best = -1;
        for (std::size_t i = 0; i < trials.size(); ++i) {
            const Trial &trial = trials[i];
            if (trial.state != TrialState::Failed && !trial.scores.empty() &&
                (best < 0 || trial.scores.size() > trials[static_cast<std::size_t>(best)].scores.size()))
                best = static_cast<int>(i);
        }
        return best;
    }
    // Compared on the folds all of them were scored on (the first `common`: the same held-out
    // rows), so that a trial the budget interrupted is neither favoured nor penalised.
    const auto meanOfCommon = [&](std::size_t i) {
        const std::vector<double> &scores = trials[i].scores;
        return summarise({scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(common)}).mean;
    };
    std::size_t best = contenders.front();
    for (const std::size_t i : contenders) {
        if (isBetter(spec.metric, meanOfCommon(i), meanOfCommon(best)))
            best = i;
    }
    return static_cast<int>(best);
}

TuneResult tune(const CrossValidationObjective &objective, const Candidate &base, const TuneSpec &specIn,
                const std::vector<TuneCallback *> &callbacks, const CancellationToken *cancel)
{
    TuneSpec spec = specIn;
    spec.crossValidation = objective.scheme();
    checkSpec(spec);
    const Clock::time_point start = Clock::now();
    const bool hasDeadline = spec.budgetSeconds > 0;
    const Clock::time_point deadline =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(spec.budgetSeconds));
    const int folds = spec.crossValidation.folds, repeats = spec.crossValidation.repeats;
    const long long foldsPlanned = spec.maxTrials > 0 ? plannedFolds(spec) : 0;
    // Under a time budget a candidate must be able to finish its first rung in a fraction of it:
    // one fold may take at most budget / (2 x folds), so that no single slow candidate (a large
    // mixture of experts, a small batch, many epochs) eats the search's time for nothing.
    const double maxFoldSeconds = spec.budgetSeconds / (2.0 * folds);
    const auto maxFoldTime = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(maxFoldSeconds));
    std::vector<std::string> taskNames;
    for (const TaskSpec &task : objective.roles().tasks)
        taskNames.push_back(task.name());

    TuneResult result;
    TuneProgress progress;
    Watchdog watchdog(cancel, deadline, hasDeadline, callbacks, progress);
    const std::vector<TrainingCallback *> trainingCallbacks{&watchdog};
    const auto updateProgress = [&] {
        progress.elapsedSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        double fraction = 0;
        if (hasDeadline)
            fraction = progress.elapsedSeconds / spec.budgetSeconds;
        if (foldsPlanned > 0)
            fraction =
                std::max(fraction, static_cast<double>(progress.foldsScored) / static_cast<double>(foldsPlanned));
        progress.fraction = std::clamp(fraction, 0.0, 1.0);
    };
    const auto announce = [&](const Trial &trial) {
        for (TuneCallback *callback : callbacks) {
            if (callback->trialUpdated(trial))
                watchdog.stopFor(StopCause::Callback);
        }
    };

    // The candidates come from their own stream, so that the folds and the training seeds do not
    // change the sequence of candidates.
    SplitMix64 random(SplitMix64::derive(spec.crossValidation.seed, 0x7475 /* "tu" */));
    for (int bracket = 1; !watchdog.check() && (spec.maxTrials == 0 || progress.trialsDrawn < spec.maxTrials);
         ++bracket) {
        const int size =
            spec.maxTrials == 0 ? spec.bracketSize : std::min(spec.bracketSize, spec.maxTrials - progress.trialsDrawn);
        std::vector<Candidate> drawn;
        if (bracket == 1)
            drawn = startingCandidates(base.config, base.lambdas);
        drawn.resize(std::min<std::size_t>(drawn.size(), static_cast<std::size_t>(size)));
        while (drawn.size() < static_cast<std::size_t>(size))
            drawn.push_back(sampleCandidate(random, base.config, base.lambdas, objective.metricTask()));
        std::vector<std::size_t> alive; // indices into result.trials of this bracket's candidates still in
        for (int rung = 0; !watchdog.check(); ++rung) {
            const int target = repeatsAtRung(rung, repeats, spec.halvingRate) * folds;
            const std::size_t contenders = rung == 0 ? drawn.size() : alive.size();
            for (std::size_t c = 0; c < contenders && !watchdog.check(); ++c) {
                if (rung == 0) {
                    Trial trial;
                    trial.number = static_cast<int>(result.trials.size()) + 1;
                    trial.bracket = bracket;
                    trial.candidate = drawn[c];
                    trial.description = describeCandidate(trial.candidate, taskNames);
                    result.trials.push_back(std::move(trial));
                    alive.push_back(result.trials.size() - 1);
                    ++progress.trialsDrawn;
                }
                Trial &trial = result.trials[alive[c]];
                while (static_cast<int>(trial.scores.size()) < target && !watchdog.check()) {
                    const Clock::time_point foldStart = Clock::now();
                    watchdog.beginFold(hasDeadline, foldStart + maxFoldTime);
                    try {
                        trial.scores.push_back(objective.score(trial.candidate, static_cast<int>(trial.scores.size()),
                                                               trainingCallbacks, &watchdog.token()));
                    } catch (const Cancelled &) {
                        // Only the watchdog's token is given to the trainer, so this is a stop
                        // the watchdog has recorded: the search's, or this fold's time limit.
                        if (watchdog.foldTooSlow() && watchdog.cause() == StopCause::None) {
                            trial.state = TrialState::Failed;
                            trial.error = "too slow for the budget: one fold took more than " +
                                          formatSeconds(maxFoldSeconds) + " s";
                        }
                    } catch (const ConfigError &error) {
                        trial.state = TrialState::Failed;
                        trial.error = error.what();
                    }
                    trial.seconds += std::chrono::duration<double>(Clock::now() - foldStart).count();
                    if (trial.state == TrialState::Failed || watchdog.cause() != StopCause::None)
                        break;
                    ++progress.foldsScored;
                    updateProgress();
                    for (TuneCallback *callback : callbacks) {
                        if (callback->foldScored(trial, progress))
                            watchdog.stopFor(StopCause::Callback);
                    }
                }
                if (trial.state == TrialState::Failed)
                    announce(trial);
            }
            if (watchdog.cause() != StopCause::None)
                break;
            // Rank the survivors of this rung; the failed ones are out.
            std::erase_if(alive, [&](std::size_t i) { return result.trials[i].state == TrialState::Failed; });
            std::stable_sort(alive.begin(), alive.end(), [&](std::size_t a, std::size_t b) {
                return isBetter(spec.metric, result.trials[a].summary().mean, result.trials[b].summary().mean);
            });
            if (target == repeats * folds) {
                for (const std::size_t i : alive) {
                    result.trials[i].state = TrialState::Complete;
                    announce(result.trials[i]);
                }
                break;
            }
            const std::size_t kept =
                std::max<std::size_t>(1, alive.size() / static_cast<std::size_t>(spec.halvingRate));
            for (std::size_t k = 0; k < alive.size(); ++k) {
                Trial &trial = result.trials[alive[k]];
                if (k < kept)
                    ++trial.rung;
                else
                    trial.state = TrialState::Pruned;
                announce(trial);
            }
            alive.resize(std::min(kept, alive.size()));
            // Promoted trials are scored in the order of their number, as they were drawn.
            std::sort(alive.begin(), alive.end());
            if (alive.empty())
                break;
        }
    }
    for (Trial &trial : result.trials) {
        if (trial.state == TrialState::Running) {
            trial.state = TrialState::Stopped;
            announce(trial);
        }
    }
    updateProgress();
    switch (watchdog.cause()) {
    case StopCause::None:
        result.stopReason = "trial limit reached (" + std::to_string(spec.maxTrials) + " trials)";
        break;
    case StopCause::Budget:
        result.stopReason =
            "time budget used (" + std::to_string(static_cast<long long>(std::lround(spec.budgetSeconds))) + " s)";
        break;
    case StopCause::Cancel:
        result.stopReason = "cancelled";
        result.cancelled = true;
        break;
    case StopCause::Callback:
        result.stopReason = "stopped on request";
        result.cancelled = true;
        break;
    }
    result.best = bestTrialIndex(result.trials, spec);
    result.seconds = progress.elapsedSeconds;
    return result;
}

} // namespace cmtl
