#include "tune/Tuner.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "nn/Random.h"
#include "tune/SearchSpace.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <mutex>

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

// Why a search ended before its limit. Error: a fold threw something other than a training
// failure (it is rethrown once the other threads have stopped).
enum class StopCause { None, Budget, Cancel, Callback, Error };

int totalFolds(const TuneSpec &spec)
{
    return spec.crossValidation.folds * spec.crossValidation.repeats;
}

// Folds a search of `trials` candidates scores when no candidate fails: the measure of progress
// of a search bounded by its trial count.
long long plannedFolds(const TuneSpec &spec)
{
    long long total = 0;
    for (int remaining = spec.maxTrials; remaining > 0; remaining -= spec.bracketSize) {
        int alive = std::min(remaining, spec.bracketSize);
        for (int rung = 0;; ++rung) {
            const int previous = rung == 0 ? 0 : foldsAtRung(rung - 1, spec);
            const int now = foldsAtRung(rung, spec);
            total += static_cast<long long>(alive) * (now - previous);
            if (now == totalFolds(spec))
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
    if (spec.firstRungFolds < 0 || spec.firstRungFolds > totalFolds(spec))
        throw ConfigError("the first rung scores from 1 to " + std::to_string(totalFolds(spec)) + " folds, not " +
                          std::to_string(spec.firstRungFolds));
    if (spec.workers < 0)
        throw ConfigError("a search needs at least one thread, not " + std::to_string(spec.workers));
}

// The search-wide stop, shared by the threads scoring folds: the user's cancel, the time budget,
// a callback's request or an error, whichever comes first (the first cause is kept).
class SearchStop {
public:
    SearchStop(const CancellationToken *userCancel, Clock::time_point deadline, bool hasDeadline,
               const std::vector<TuneCallback *> &callbacks, const TuneProgress &progress, std::mutex &mutex)
        : m_userCancel(userCancel), m_deadline(deadline), m_hasDeadline(hasDeadline), m_callbacks(callbacks),
          m_progress(progress), m_mutex(mutex)
    {}

    StopCause cause() const { return m_cause.load(); }
    // Whether the search must stop now. Must not be called with the search's mutex held (the
    // callbacks' tick is called under it).
    bool check()
    {
        if (cause() != StopCause::None)
            return true;
        if (m_userCancel && m_userCancel->isCancelled())
            stopFor(StopCause::Cancel);
        else if (m_hasDeadline && Clock::now() >= m_deadline)
            stopFor(StopCause::Budget);
        else if (!m_callbacks.empty()) {
            const std::lock_guard lock(m_mutex);
            for (TuneCallback *callback : m_callbacks) {
                if (callback->tick(m_progress))
                    stopFor(StopCause::Callback);
            }
        }
        return cause() != StopCause::None;
    }
    void stopFor(StopCause cause)
    {
        StopCause none = StopCause::None;
        m_cause.compare_exchange_strong(none, cause);
    }

private:
    const CancellationToken *m_userCancel;
    Clock::time_point m_deadline;
    bool m_hasDeadline;
    const std::vector<TuneCallback *> &m_callbacks;
    const TuneProgress &m_progress;
    std::mutex &m_mutex;
    std::atomic<StopCause> m_cause{StopCause::None};
};

// One fold's training: checked between mini-batches, it stops the training (through the token
// the trainer polls) when the search stops or, when `limited`, once the fold has run past `limit`.
class FoldGuard : public TrainingCallback {
public:
    FoldGuard(SearchStop &search, bool limited, Clock::time_point limit)
        : m_search(search), m_limited(limited), m_limit(limit)
    {}

    const CancellationToken &token() const { return m_stop; }
    bool tooSlow() const { return m_tooSlow; }

    bool endBatch(int, std::size_t, std::size_t) override
    {
        if (m_search.check()) {
            m_stop.cancel();
        } else if (m_limited && Clock::now() >= m_limit) {
            m_tooSlow = true;
            m_stop.cancel();
        }
        return false; // the token makes the trainer throw Cancelled at its next batch
    }

private:
    SearchStop &m_search;
    bool m_limited;
    Clock::time_point m_limit;
    bool m_tooSlow = false;
    CancellationToken m_stop;
};

} // namespace

int foldsAtRung(int rung, const TuneSpec &spec)
{
    const int total = totalFolds(spec);
    long long value = spec.firstRungFolds > 0 ? spec.firstRungFolds : spec.crossValidation.folds;
    for (int i = 0; i < rung && value < total; ++i)
        value *= spec.halvingRate;
    return static_cast<int>(std::min<long long>(value, total));
}

int workerCount(const TuneSpec &spec)
{
    return resolveThreadCount(spec.workers);
}

int bestTrialIndex(const std::vector<Trial> &trials, const TuneSpec &spec)
{
    // The evidence a recommendation needs when some trial has it: one whole repeat.
    const std::size_t repeat = static_cast<std::size_t>(std::min(spec.crossValidation.folds, totalFolds(spec)));
    bool anyRepeat = false;
    for (const Trial &trial : trials)
        anyRepeat = anyRepeat || (trial.state != TrialState::Failed && trial.scores.size() >= repeat);
    // The contenders: the trials that reached the highest rung with at least the folds that rung
    // is entered with (the first rung's folds for rung 0), and a whole repeat if any trial has one.
    int highest = -1;
    for (const Trial &trial : trials) {
        if (trial.state != TrialState::Failed && !trial.scores.empty() && (!anyRepeat || trial.scores.size() >= repeat))
            highest = std::max(highest, trial.rung);
    }
    if (highest < 0)
        return -1;
    const std::size_t entry = std::max(static_cast<std::size_t>(foldsAtRung(std::max(0, highest - 1), spec)),
                                       anyRepeat ? repeat : std::size_t{0});
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
        // No trial finished its first rung (a budget too short): the one scored on most folds.
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
    const int folds = spec.crossValidation.folds;
    const long long foldsPlanned = spec.maxTrials > 0 ? plannedFolds(spec) : 0;
    const int workers = workerCount(spec);
    // Under a time budget a candidate must be able to finish a repeat in a fraction of it: one
    // fold may take at most budget / (2 x folds), so that no single slow candidate (a large
    // mixture of experts, a small batch, many epochs) eats the search's time for nothing.
    const double maxFoldSeconds = spec.budgetSeconds / (2.0 * folds);
    const auto maxFoldTime = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(maxFoldSeconds));
    std::vector<std::string> taskNames;
    for (const TaskSpec &task : objective.roles().tasks)
        taskNames.push_back(task.name());

    TuneResult result;
    TuneProgress progress;
    std::mutex mutex; // guards result.trials, progress and the calls of the callbacks
    SearchStop stop(cancel, deadline, hasDeadline, callbacks, progress, mutex);
    std::exception_ptr failure;
    // (With the mutex held.)
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
    const auto announce = [&](const Trial &trial) { // (with the mutex held)
        for (TuneCallback *callback : callbacks) {
            if (callback->trialUpdated(trial))
                stop.stopFor(StopCause::Callback);
        }
    };

    // The candidates come from their own stream, so that the folds and the training seeds do not
    // change the sequence of candidates.
    SplitMix64 random(SplitMix64::derive(spec.crossValidation.seed, 0x7475 /* "tu" */));
    for (int bracket = 1; !stop.check() && (spec.maxTrials == 0 || progress.trialsDrawn < spec.maxTrials); ++bracket) {
        const int size =
            spec.maxTrials == 0 ? spec.bracketSize : std::min(spec.bracketSize, spec.maxTrials - progress.trialsDrawn);
        std::vector<Candidate> drawn;
        if (bracket == 1)
            drawn = startingCandidates(base.config, base.lambdas);
        drawn.resize(std::min<std::size_t>(drawn.size(), static_cast<std::size_t>(size)));
        while (drawn.size() < static_cast<std::size_t>(size))
            drawn.push_back(sampleCandidate(random, base.config, base.lambdas, objective.metricTask()));
        // This bracket's candidates still in, as indices into result.trials (rung 0: none yet; a
        // trial is made when its first fold is claimed, so that the trials are numbered in the
        // order of drawing and a budget that ends the search leaves a prefix of them).
        std::vector<std::size_t> alive;
        for (int rung = 0; !stop.check(); ++rung) {
            const int target = foldsAtRung(rung, spec);
            const std::size_t contenders = rung == 0 ? drawn.size() : alive.size();
            if (rung == 0)
                alive.assign(contenders, std::numeric_limits<std::size_t>::max());
            // The folds to score. At rung 0 contender by contender, so that a budget that ends the
            // search leaves a prefix of wholly scored trials; at the later rungs fold by fold, so
            // that an interrupted rung still compares its (fixed) contenders on as many common
            // folds as possible. The results are filed per contender in fold order (slots).
            struct Job {
                std::size_t contender;
                int fold;
            };
            std::vector<Job> jobs;
            std::vector<std::size_t> firstSlot(contenders);
            std::vector<int> firstFold(contenders);
            std::size_t slots = 0;
            for (std::size_t c = 0; c < contenders; ++c) {
                firstSlot[c] = slots;
                firstFold[c] = rung == 0 ? 0 : static_cast<int>(result.trials[alive[c]].scores.size());
                slots += static_cast<std::size_t>(std::max(0, target - firstFold[c]));
            }
            if (rung == 0) {
                for (std::size_t c = 0; c < contenders; ++c) {
                    for (int fold = 0; fold < target; ++fold)
                        jobs.push_back({c, fold});
                }
            } else {
                for (int fold = *std::min_element(firstFold.begin(), firstFold.end()); fold < target; ++fold) {
                    for (std::size_t c = 0; c < contenders; ++c) {
                        if (fold >= firstFold[c])
                            jobs.push_back({c, fold});
                    }
                }
            }
            const auto slotOf = [&](std::size_t c, std::size_t fold) {
                return firstSlot[c] + (fold - static_cast<std::size_t>(firstFold[c]));
            };
            std::vector<double> scores(slots, std::nan(""));
            std::vector<char> scored(slots, 0);
            std::size_t next = 0; // the next job to claim (under the mutex)
            const auto work = [&] {
                try {
                    for (;;) {
                        if (stop.check())
                            return;
                        Job job{};
                        std::size_t trialIndex = 0;
                        Candidate candidate;
                        {
                            const std::lock_guard lock(mutex);
                            // A failed contender's remaining folds are skipped.
                            while (next < jobs.size() && alive[jobs[next].contender] < result.trials.size() &&
                                   result.trials[alive[jobs[next].contender]].state == TrialState::Failed)
                                ++next;
                            if (next >= jobs.size())
                                return;
                            job = jobs[next++];
                            if (alive[job.contender] >= result.trials.size()) {
                                Trial trial;
                                trial.number = static_cast<int>(result.trials.size()) + 1;
                                trial.bracket = bracket;
                                trial.candidate = drawn[job.contender];
                                trial.description = describeCandidate(trial.candidate, taskNames);
                                result.trials.push_back(std::move(trial));
                                alive[job.contender] = result.trials.size() - 1;
                                ++progress.trialsDrawn;
                            }
                            trialIndex = alive[job.contender];
                            candidate = result.trials[trialIndex].candidate;
                        }
                        // The score does not depend on the threads a training runs on.
                        if (workers > 1)
                            candidate.config.train.threads = 1;
                        const Clock::time_point foldStart = Clock::now();
                        FoldGuard guard(stop, hasDeadline, foldStart + maxFoldTime);
                        double score = std::nan("");
                        bool ok = false;
                        std::string error;
                        try {
                            score = objective.score(candidate, job.fold, {&guard}, &guard.token());
                            ok = true;
                        } catch (const Cancelled &) {
                            // Only the guard's token is given to the trainer, so this is the
                            // search's stop or this fold's time limit.
                            if (guard.tooSlow() && stop.cause() == StopCause::None)
                                error = "too slow for the budget: one fold took more than " +
                                        formatSeconds(maxFoldSeconds) + " s";
                        } catch (const ConfigError &configError) {
                            error = configError.what();
                        }
                        const std::lock_guard lock(mutex);
                        Trial &trial = result.trials[trialIndex];
                        trial.seconds += std::chrono::duration<double>(Clock::now() - foldStart).count();
                        if (!error.empty() && trial.state != TrialState::Failed) {
                            trial.state = TrialState::Failed;
                            trial.error = error;
                            announce(trial);
                        }
                        if (!ok || trial.state == TrialState::Failed)
                            continue;
                        const std::size_t j = slotOf(job.contender, static_cast<std::size_t>(job.fold));
                        scores[j] = score;
                        scored[j] = 1;
                        // The trial's scores stay in fold order: a fold scored before an earlier
                        // one waits for it.
                        for (;;) {
                            if (static_cast<int>(trial.scores.size()) >= target)
                                break;
                            const std::size_t k = slotOf(job.contender, trial.scores.size());
                            if (!scored[k])
                                break;
                            trial.scores.push_back(scores[k]);
                            ++progress.foldsScored;
                            updateProgress();
                            for (TuneCallback *callback : callbacks) {
                                if (callback->foldScored(trial, progress))
                                    stop.stopFor(StopCause::Callback);
                            }
                        }
                    }
                } catch (...) {
                    const std::lock_guard lock(mutex);
                    if (!failure)
                        failure = std::current_exception();
                    stop.stopFor(StopCause::Error);
                }
            };
            // One loop per thread, each claiming jobs until none is left.
            const auto threads = std::min<std::size_t>(static_cast<std::size_t>(workers), jobs.size());
            parallelFor(threads, static_cast<int>(threads), [&](std::size_t) { work(); });
            if (failure)
                std::rethrow_exception(failure);
            if (stop.cause() != StopCause::None)
                break;
            // Rank the survivors of this rung; the failed ones are out.
            std::erase_if(alive, [&](std::size_t i) { return result.trials[i].state == TrialState::Failed; });
            std::stable_sort(alive.begin(), alive.end(), [&](std::size_t a, std::size_t b) {
                return isBetter(spec.metric, result.trials[a].summary().mean, result.trials[b].summary().mean);
            });
            if (target == totalFolds(spec)) {
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
    switch (stop.cause()) {
    case StopCause::None:
    case StopCause::Error:
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
