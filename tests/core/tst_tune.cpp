// The tuner (core/tune): its determinism, its limits, its cancellation, that its cross-validation
// never looks at the test rows, and that the configuration it recommends trains.

#include "TestTables.h"

#include "io/ConfigJson.h"
#include "train/Experiment.h"
#include "tune/SearchSpace.h"
#include "tune/Tuner.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>

using namespace cmtl;
using namespace cmtl::testing;

namespace {

Candidate baseCandidate(const RoleAssignment &roles, const ExperimentConfig &config)
{
    Candidate base{config, {}};
    for (const TaskSpec &task : roles.tasks)
        base.lambdas.push_back(task.lambda);
    return base;
}

// The searched settings of a trial, as JSON text, and its scores: what must repeat exactly.
QString fingerprint(const TuneResult &result)
{
    QString text;
    for (const Trial &trial : result.trials) {
        text += QString::fromStdString(trial.description) + QLatin1Char('|') +
                QString::fromUtf8(QJsonDocument(configToJson(trial.candidate.config)).toJson(QJsonDocument::Compact));
        for (const double score : trial.scores)
            text += QLatin1Char(' ') + QString::number(score, 'g', 17);
        text += QLatin1Char(' ') + QString::fromLatin1(toString(trial.state)) + QLatin1Char('\n');
    }
    return text + QStringLiteral("best %1").arg(result.best);
}

// A search of `trials` candidates scored on the synthetic loans' default AUC.
TuneSpec aucSearch(const RoleAssignment &roles, int trials)
{
    TuneSpec spec;
    spec.metric = parseTuneMetric("default:auc", roles.tasks);
    spec.maxTrials = trials;
    return spec;
}

// Stops the search from inside, after a given number of scored folds.
class StopAfterFolds : public TuneCallback {
public:
    explicit StopAfterFolds(int folds) : m_folds(folds) {}
    bool foldScored(const Trial &, const TuneProgress &progress) override { return progress.foldsScored >= m_folds; }

private:
    int m_folds;
};

// A configuration whose training takes minutes: what a prompt stop must interrupt.
ExperimentConfig slowConfig()
{
    ExperimentConfig config = smallConfig();
    config.train.hiddenLayers = {256, 256};
    config.train.epochs = 100000;
    config.train.batchSize = 16;
    return config;
}

// A known objective in place of training: a candidate's score on fold f is
// quality(candidate) + 0.01 f, the same fold effect for every candidate, so that its mean over
// any set of folds ranks the candidates by their quality. Records which folds it was asked for.
class ToyObjective : public CrossValidationObjective {
public:
    using CrossValidationObjective::CrossValidationObjective;

    // Best at L2 = 1e-2, worse the further away on a log scale.
    static double quality(const Candidate &candidate) { return -std::abs(std::log10(candidate.config.train.l2) + 2.0); }

    double score(const Candidate &candidate, int index, const std::vector<TrainingCallback *> &,
                 const CancellationToken *) const override
    {
        const std::lock_guard lock(m_mutex);
        ++m_calls[index];
        return quality(candidate) + 0.01 * index;
    }
    std::map<int, int> calls() const
    {
        const std::lock_guard lock(m_mutex);
        return m_calls;
    }

private:
    mutable std::mutex m_mutex;
    mutable std::map<int, int> m_calls; // fold -> times scored
};

} // namespace

class TuneTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void metricNamesAreChecked()
    {
        const Table table = syntheticLoans(50, 1);
        const RoleAssignment roles = threeTaskRoles(table);
        const TuneMetric auc = parseTuneMetric("default:AUC", roles.tasks);
        QCOMPARE(auc.task, std::string("default"));
        QCOMPARE(auc.metric, std::string("auc"));
        QVERIFY(auc.higherIsBetter);
        QVERIFY(!parseTuneMetric("rate:rmse", roles.tasks).higherIsBetter);
        QCOMPARE(parseTuneMetric("", roles.tasks).label(), std::string("default:auc"));
        // The first binary task, wherever it is; without one, the first task's headline metric.
        const std::vector<TaskSpec> reordered{roles.tasks[2], roles.tasks[1], roles.tasks[0]};
        QCOMPARE(parseTuneMetric("", reordered).label(), std::string("default:auc"));
        QCOMPARE(parseTuneMetric("", {roles.tasks[2], roles.tasks[1]}).label(), std::string("rate:rmse"));
        const auto refusal = [&](const std::string &text) {
            try {
                parseTuneMetric(text, roles.tasks);
            } catch (const ConfigError &error) {
                return std::string(error.what());
            }
            return std::string();
        };
        QVERIFY(refusal("income:auc").find("the tasks are default, grade, rate") != std::string::npos);
        QVERIFY(refusal("rate:auc").find("use one of rmse, mae, r2") != std::string::npos);
        QVERIFY(refusal("auc").find("expected TASK:METRIC") != std::string::npos);
    }

    void sameSeedSameTrialsAndBest()
    {
        const Table table = syntheticLoans(600, 3);
        const RoleAssignment roles = threeTaskRoles(table);
        const ExperimentConfig config = smallConfig();
        TuneSpec spec = aucSearch(roles, 5);
        spec.bracketSize = 5;
        const auto run = [&](std::uint64_t seed, int workers) {
            const CrossValidationObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric,
                                                     {3, 2, seed});
            TuneSpec threaded = spec;
            threaded.workers = workers;
            return tune(objective, baseCandidate(roles, config), threaded);
        };
        // The same seed gives the same trials, scores and best whether the folds are scored one
        // at a time or on two or three threads at once (whatever the order they finish in).
        const TuneResult first = run(7, 1), second = run(7, 2), third = run(7, 3), other = run(8, 2);
        QCOMPARE(first.trials.size(), std::size_t{5});
        QVERIFY(first.best >= 0);
        QCOMPARE(fingerprint(first), fingerprint(second));
        QCOMPARE(fingerprint(first), fingerprint(third));
        QVERIFY(fingerprint(first) != fingerprint(other));
        // Successive halving from the cheap first rung: 5 scored on 1 fold, the best 5/3 = 1
        // promoted to 3 folds, then to all 6.
        int complete = 0, pruned = 0;
        for (const Trial &trial : first.trials) {
            QVERIFY2(trial.state != TrialState::Failed, trial.error.c_str());
            complete += trial.state == TrialState::Complete;
            pruned += trial.state == TrialState::Pruned;
            QCOMPARE(trial.scores.size(), trial.state == TrialState::Complete ? std::size_t{6} : std::size_t{1});
        }
        QCOMPARE(complete, 1);
        QCOMPARE(pruned, 4);
        QCOMPARE(first.bestTrial()->state, TrialState::Complete);
        // The promoted trial had the best score of its rung, on the same first fold.
        const Trial &best = *first.bestTrial();
        for (const Trial &trial : first.trials)
            QVERIFY(trial.state != TrialState::Pruned || trial.scores.front() <= best.scores.front());
        // The first two trials are the starting candidates: the base configuration, then the
        // regularised linear model.
        QCOMPARE(first.trials[0].candidate.config.train.hiddenLayers, config.train.hiddenLayers);
        QVERIFY(first.trials[1].candidate.config.train.hiddenLayers.empty());
        QCOMPARE(first.trials[1].candidate.config.train.l2, 1e-2);
    }

    void trialLimitHonouredAcrossBrackets()
    {
        const Table table = syntheticLoans(300, 4);
        const RoleAssignment roles = threeTaskRoles(table);
        ExperimentConfig config = smallConfig();
        config.train.epochs = 2;
        TuneSpec spec;
        spec.metric = parseTuneMetric("rate:rmse", roles.tasks);
        spec.maxTrials = 7;
        spec.bracketSize = 3;
        spec.firstRungFolds = 0; // a whole repeat at the first rung
        const CrossValidationObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric,
                                                 {2, 1, 1});
        const TuneResult result = tune(objective, baseCandidate(roles, config), spec);
        QCOMPARE(result.trials.size(), std::size_t{7});
        QCOMPARE(result.trials.back().bracket, 3); // 3 + 3 + 1
        QVERIFY(!result.cancelled);
        QVERIFY(result.stopReason.find("7 trials") != std::string::npos);
        // One repeat: a single rung, so every trial completes (plain random search).
        for (const Trial &trial : result.trials)
            QCOMPARE(trial.state, TrialState::Complete);
        // A lower RMSE is better.
        for (const Trial &trial : result.trials)
            QVERIFY(trial.summary().mean >= result.bestTrial()->summary().mean);
    }

    void timeBudgetHonoured()
    {
        const Table table = syntheticLoans(2000, 5);
        const RoleAssignment roles = threeTaskRoles(table);
        const ExperimentConfig config = slowConfig();
        TuneSpec spec;
        spec.metric = parseTuneMetric("default:auc", roles.tasks);
        spec.budgetSeconds = 0.5;
        const CrossValidationObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric,
                                                 {3, 1, 1});
        const auto start = std::chrono::steady_clock::now();
        const TuneResult result = tune(objective, baseCandidate(roles, config), spec);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // The first trial alone would train for minutes: it is abandoned as too slow once one
        // fold has taken budget / (2 x folds), and the budget ends the search within a batch.
        QVERIFY2(seconds < 3.0, qPrintable(QString::number(seconds)));
        QVERIFY(result.stopReason.find("time budget") != std::string::npos);
        QVERIFY(!result.cancelled);
        const Trial &slow = result.trials.front();
        QCOMPARE(slow.state, TrialState::Failed);
        QVERIFY(slow.error.find("too slow for the budget: one fold took more than 0.0833 s") != std::string::npos);
        QVERIFY(slow.scores.empty());
        QVERIFY2(slow.seconds < 1.0, qPrintable(QString::number(slow.seconds)));
        QVERIFY(result.trials.size() > 1); // the search went on with the next candidates
    }

    void cancellationStopsPromptly_data()
    {
        QTest::addColumn<int>("workers");
        QTest::newRow("one thread") << 1;
        QTest::newRow("two threads") << 2;
    }

    void cancellationStopsPromptly()
    {
        QFETCH(int, workers);
        const Table table = syntheticLoans(2000, 6);
        const RoleAssignment roles = threeTaskRoles(table);
        const ExperimentConfig config = slowConfig();
        TuneSpec spec;
        spec.metric = parseTuneMetric("default:auc", roles.tasks);
        spec.maxTrials = 50;
        spec.workers = workers;
        const CrossValidationObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric,
                                                 {3, 1, 1});
        CancellationToken cancel;
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancelledAt = std::chrono::steady_clock::now();
            cancel.cancel();
        });
        const TuneResult result = tune(objective, baseCandidate(roles, config), spec, {}, &cancel);
        const auto returnedAt = std::chrono::steady_clock::now();
        canceller.join();
        const double lag = std::chrono::duration<double>(returnedAt - cancelledAt).count();
        QVERIFY2(lag < 1.0, qPrintable(QString::number(lag)));
        QVERIFY(result.cancelled);
        QCOMPARE(result.stopReason, std::string("cancelled"));
        // The slow first trial was stopped unscored. With one thread it is the only one; with
        // two, the other thread went on with the next candidates (fast linear ones may have
        // been scored by then), and was stopped too.
        const Trial &slow = result.trials.front();
        QCOMPARE(slow.state, TrialState::Stopped);
        QVERIFY(slow.scores.empty());
        if (workers == 1)
            QCOMPARE(result.trials.size(), std::size_t{1});
        else
            QVERIFY(result.trials.size() >= 2);
        QCOMPARE(result.trials.back().state, TrialState::Stopped);
    }

    void callbackCanStopTheSearch()
    {
        const Table table = syntheticLoans(300, 7);
        const RoleAssignment roles = threeTaskRoles(table);
        ExperimentConfig config = smallConfig();
        config.train.epochs = 2;
        TuneSpec spec;
        spec.metric = parseTuneMetric("default:auc", roles.tasks);
        spec.maxTrials = 20;
        spec.firstRungFolds = 0; // a whole repeat at the first rung
        spec.workers = 1;        // one fold at a time: the third fold scored is trial 2's first
        const CrossValidationObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric,
                                                 {2, 2, 1});
        StopAfterFolds stop(3);
        const TuneResult result = tune(objective, baseCandidate(roles, config), spec, {&stop});
        QVERIFY(result.cancelled);
        QCOMPARE(result.stopReason, std::string("stopped on request"));
        std::size_t scored = 0;
        for (const Trial &trial : result.trials)
            scored += trial.scores.size();
        QCOMPARE(scored, std::size_t{3});
        QCOMPARE(result.trials.size(), std::size_t{2}); // 2 folds of trial 1, 1 of trial 2
        QCOMPARE(result.best, 0);                       // the trial scored on the most folds
    }

    void crossValidationNeverTouchesTestRows()
    {
        Table table = syntheticLoans(800, 8);
        const RoleAssignment roles = threeTaskRoles(table);
        ExperimentConfig config = smallConfig();
        config.train.epochs = 3;
        // The tuning rows are exactly the training and validation parts of the run's own split.
        const std::vector<std::size_t> rows = tuningRows(table, roles, config, false);
        ExperimentConfig oneEpoch = config;
        oneEpoch.train.epochs = 1;
        const DataSplit runSplit = runExperiment(table, roles, oneEpoch).split;
        std::vector<std::size_t> expected = runSplit.train;
        expected.insert(expected.end(), runSplit.validation.begin(), runSplit.validation.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(rows, expected);
        QCOMPARE(rows.size() + runSplit.test.size(), table.rowCount());
        QCOMPARE(tuningRows(table, roles, config, true).size(), table.rowCount());

        TuneSpec spec;
        spec.metric = parseTuneMetric("default:auc", roles.tasks);
        spec.maxTrials = 3;
        const auto search = [&](const Table &data) {
            const CrossValidationObjective objective(data, roles, rows, spec.metric, {3, 1, 2});
            // Every fold's parts lie within the tuning rows.
            for (int fold = 0; fold < objective.evaluations(); ++fold) {
                const DataSplit parts = objective.foldSplit(baseCandidate(roles, config), fold);
                for (const auto *part : {&parts.train, &parts.validation, &parts.test})
                    for (const std::size_t row : *part)
                        if (!std::binary_search(rows.begin(), rows.end(), row))
                            return QString();
            }
            return fingerprint(tune(objective, baseCandidate(roles, config), spec));
        };
        const QString clean = search(table);
        QVERIFY(!clean.isEmpty());

        // Poison the labels of the test rows: every default flipped, every rate absurd, every
        // grade moved. Had the search looked at them, its scores would change.
        const auto poison = [&](Table &data, const std::vector<std::size_t> &victims) {
            Column &outcome = data.column(static_cast<std::size_t>(data.indexOf("default")));
            Column &rate = data.column(static_cast<std::size_t>(data.indexOf("rate")));
            Column &grade = data.column(static_cast<std::size_t>(data.indexOf("grade")));
            for (const std::size_t row : victims) {
                outcome.codes[row] = 1 - outcome.codes[row];
                rate.values[row] = 1e4f;
                grade.codes[row] = (grade.codes[row] + 1) % static_cast<std::int32_t>(grade.levels.size());
            }
        };
        Table poisoned = table;
        poison(poisoned, runSplit.test);
        QCOMPARE(search(poisoned), clean);

        // The control: the same poison on a few tuning rows changes the scores.
        Table spoiled = table;
        poison(spoiled, {rows.begin(), rows.begin() + 40});
        QVERIFY(search(spoiled) != clean);
    }

    void recommendedConfigurationRoundTripsAndTrains()
    {
        const Table table = syntheticLoans(400, 9);
        const RoleAssignment roles = threeTaskRoles(table);
        ExperimentConfig config = smallConfig();
        config.train.epochs = 3;
        TuneSpec spec;
        spec.metric = parseTuneMetric("grade:accuracy", roles.tasks);
        spec.maxTrials = 4;
        const CrossValidationObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric,
                                                 {2, 1, 3});
        const TuneResult result = tune(objective, baseCandidate(roles, config), spec);
        QVERIFY(result.bestTrial() != nullptr);
        const Candidate &best = result.bestTrial()->candidate;
        RunConfiguration run{roles.tasks, {}, best.config};
        for (std::size_t t = 0; t < run.tasks.size(); ++t)
            run.tasks[t].lambda = best.lambdas[t];
        const QByteArray bytes = serializeRunConfiguration(run);
        const RunConfiguration back = parseRunConfiguration(bytes, "tuned.json");
        QCOMPARE(serializeRunConfiguration(back), bytes);
        QCOMPARE(QJsonDocument(configToJson(back.config)).toJson(), QJsonDocument(configToJson(best.config)).toJson());
        for (std::size_t t = 0; t < run.tasks.size(); ++t)
            QCOMPARE(back.tasks[t].lambda, best.lambdas[t]);
        // Its split keeps the run's test share: train + validation as before.
        QCOMPARE(back.config.split.trainFraction + back.config.split.validationFraction,
                 config.split.trainFraction + config.split.validationFraction);
        const ExperimentResult trained =
            runExperiment(table, defaultRoles(table, back.tasks, back.ignored), back.config);
        QVERIFY(trained.report("test") != nullptr);
        QVERIFY(trained.report("test")->tasks[1].multiclass->accuracy > 0.5);
    }

    void cheapFirstRungPromotesTheBestOnOneFold()
    {
        // 27 candidates scored on 1 fold each, the best 9 on 3, the best 3 of those on all 9
        // (3 x 3-fold): 27 + 9 x 2 + 3 x 6 = 63 folds, where scoring all on 9 would take 243.
        const Table table = syntheticLoans(60, 1);
        const RoleAssignment roles = threeTaskRoles(table);
        const ExperimentConfig config = smallConfig();
        TuneSpec spec = aucSearch(roles, 27);
        spec.workers = 2;
        spec.bracketSize = 27;
        QCOMPARE(spec.firstRungFolds, 1);
        spec.crossValidation = {3, 3, 5};
        QCOMPARE(foldsAtRung(0, spec), 1);
        QCOMPARE(foldsAtRung(1, spec), 3);
        QCOMPARE(foldsAtRung(2, spec), 9);
        QCOMPARE(foldsAtRung(3, spec), 9);
        const ToyObjective objective(table, roles, tuningRows(table, roles, config, false), spec.metric, {3, 3, 5});
        const TuneResult result = tune(objective, baseCandidate(roles, config), spec);
        QCOMPARE(result.trials.size(), std::size_t{27});
        // Every fold was scored once per candidate that reached it: fold 0 by all 27, folds 1-2
        // by the 9 promoted, folds 3-8 by the 3 that reached the last rung.
        const std::map<int, int> calls = objective.calls();
        for (int fold = 0; fold < 9; ++fold)
            QCOMPARE(calls.at(fold), fold == 0 ? 27 : fold < 3 ? 9 : 3);
        std::vector<const Trial *> pruned0, pruned1, complete;
        for (const Trial &trial : result.trials) {
            QCOMPARE(trial.bracket, 1);
            if (trial.state == TrialState::Complete)
                complete.push_back(&trial);
            else if (trial.state == TrialState::Pruned)
                (trial.rung == 0 ? pruned0 : pruned1).push_back(&trial);
        }
        QCOMPARE(pruned0.size(), std::size_t{18});
        QCOMPARE(pruned1.size(), std::size_t{6});
        QCOMPARE(complete.size(), std::size_t{3});
        for (const Trial *trial : pruned0)
            QCOMPARE(trial->scores.size(), std::size_t{1});
        for (const Trial *trial : pruned1)
            QCOMPARE(trial->scores.size(), std::size_t{3});
        for (const Trial *trial : complete) {
            QCOMPARE(trial->scores.size(), std::size_t{9});
            QCOMPARE(trial->rung, 2);
        }
        // The promotion rule: whoever went on scored at least as well on the rung's folds as
        // everyone left behind at that rung.
        const auto quality = [](const Trial *trial) { return ToyObjective::quality(trial->candidate); };
        for (const Trial *left : pruned0) {
            for (const Trial *kept : pruned1)
                QVERIFY(quality(kept) >= quality(left));
            for (const Trial *kept : complete)
                QVERIFY(quality(kept) >= quality(left));
        }
        for (const Trial *left : pruned1) {
            for (const Trial *kept : complete)
                QVERIFY(quality(kept) >= quality(left));
        }
        // The recommendation is the best candidate drawn (the known-good L2 of 1e-2 is among the
        // starting candidates, so the best quality is 0).
        double bestQuality = -1e9;
        for (const Trial &trial : result.trials)
            bestQuality = std::max(bestQuality, ToyObjective::quality(trial.candidate));
        QCOMPARE(bestQuality, 0.0);
        QCOMPARE(quality(result.bestTrial()), bestQuality);
    }

    void recommendationComparesTheSameFolds()
    {
        TuneSpec spec;
        spec.metric = {"default", "auc", true};
        spec.crossValidation = {3, 3, 0};
        spec.firstRungFolds = 0; // a whole repeat (3 folds) at the first rung
        const auto trial = [](int rung, std::vector<double> scores, TrialState state) {
            Trial made;
            made.rung = rung;
            made.scores = std::move(scores);
            made.state = state;
            return made;
        };
        // Two promoted trials, one interrupted by the budget after 7 of its 9 folds: compared on
        // their first 7 folds (0.70 against 0.68), not ranked by their fold counts.
        std::vector<Trial> trials{
            trial(0, {0.9, 0.9, 0.9}, TrialState::Pruned),
            trial(1, {0.68, 0.68, 0.68, 0.68, 0.68, 0.68, 0.68, 0.99, 0.99}, TrialState::Complete),
            trial(1, {0.70, 0.70, 0.70, 0.70, 0.70, 0.70, 0.70}, TrialState::Stopped),
        };
        QCOMPARE(bestTrialIndex(trials, spec), 2);
        // A failed trial never wins; a lower loss wins for a loss.
        trials[2].state = TrialState::Failed;
        QCOMPARE(bestTrialIndex(trials, spec), 1);
        // Nobody promoted: the rung-0 trials with a whole repeat, not one with a lucky first fold.
        std::vector<Trial> first{trial(0, {0.70, 0.70, 0.70}, TrialState::Pruned),
                                 trial(0, {0.75, 0.75, 0.75}, TrialState::Stopped),
                                 trial(0, {0.99}, TrialState::Stopped)};
        QCOMPARE(bestTrialIndex(first, spec), 1);
        spec.metric = {"default", "logloss", false};
        QCOMPARE(bestTrialIndex(first, spec), 0);
        // Nobody finished a repeat: the trial scored on the most folds.
        std::vector<Trial> cut{trial(0, {0.99}, TrialState::Stopped), trial(0, {0.6, 0.6}, TrialState::Stopped)};
        QCOMPARE(bestTrialIndex(cut, spec), 1);
        QCOMPARE(bestTrialIndex({trial(0, {}, TrialState::Stopped)}, spec), -1);
        // With the cheap first rung (1 fold), the rung-0 trials are compared on that one fold.
        spec.metric = {"default", "auc", true};
        spec.firstRungFolds = 1;
        std::vector<Trial> cheap{trial(0, {0.70}, TrialState::Pruned), trial(0, {0.72, 0.10}, TrialState::Stopped),
                                 trial(0, {0.71}, TrialState::Pruned)};
        QCOMPARE(bestTrialIndex(cheap, spec), 1);
        // Once a trial has a whole repeat (3 folds), only such trials compete: not a promoted
        // one interrupted after a lucky first fold, nor a pruned one with one fold.
        std::vector<Trial> evidence{trial(1, {0.70, 0.70, 0.70}, TrialState::Stopped),
                                    trial(1, {0.80}, TrialState::Stopped), trial(0, {0.90}, TrialState::Pruned),
                                    trial(1, {0.71, 0.60, 0.75}, TrialState::Stopped)};
        QCOMPARE(bestTrialIndex(evidence, spec), 0);
        evidence[3].scores = {0.71, 0.70, 0.75};
        QCOMPARE(bestTrialIndex(evidence, spec), 3);
    }

    void everySampledCandidateTrains()
    {
        // The search space only proposes configurations the engine accepts (a failed trial would
        // waste a draw): each of 60 draws trains for one epoch.
        const Table table = syntheticLoans(200, 11);
        const RoleAssignment roles = threeTaskRoles(table);
        const Candidate base = baseCandidate(roles, smallConfig());
        SplitMix64 random(12);
        for (int draw = 0; draw < 60; ++draw) {
            Candidate candidate = sampleCandidate(random, base.config, base.lambdas, 0);
            QCOMPARE(candidate.lambdas[0], base.lambdas[0]);
            // Drawn in the Settings page's steps, so that "Use best configuration" applies
            // exactly what was scored: L2 to 6 decimals, the learning rate to 5, lambdas to 2.
            const auto onGrid = [](double value, double step) {
                return std::abs(value / step - std::round(value / step)) < 1e-6;
            };
            QVERIFY(onGrid(candidate.config.train.l2, 1e-6));
            QVERIFY(onGrid(candidate.config.train.learningRate, 1e-5));
            for (const double lambda : candidate.lambdas)
                QVERIFY(onGrid(lambda, 1e-2));
            candidate.config.train.epochs = 1;
            RoleAssignment weighted = roles;
            for (std::size_t t = 0; t < weighted.tasks.size(); ++t)
                weighted.tasks[t].lambda = candidate.lambdas[t];
            try {
                runExperiment(table, weighted, candidate.config);
            } catch (const ConfigError &error) {
                QFAIL(qPrintable(QString::fromStdString(describeCandidate(candidate, {}) + ": " + error.what())));
            }
        }
    }

    void drawsKeepTheGivenWidePath()
    {
        // The search leaves the wide path as given (the Settings page cannot show it): a network
        // drawn from a wide base is wide, and its description says so; a linear draw has no
        // trunk for it to sit beside.
        const Table table = syntheticLoans(200, 11);
        const RoleAssignment roles = threeTaskRoles(table);
        ExperimentConfig wideConfig = smallConfig();
        wideConfig.train.wide = true;
        const Candidate base = baseCandidate(roles, wideConfig);
        SplitMix64 random(12);
        int networks = 0, linear = 0;
        for (int draw = 0; draw < 30; ++draw) {
            const Candidate candidate = sampleCandidate(random, base.config, base.lambdas, 0);
            const bool isWide = describeCandidate(candidate, {}).find(" wide ") != std::string::npos;
            if (candidate.config.train.hiddenLayers.empty()) {
                ++linear;
                QVERIFY(!usesWidePath(candidate.config.train));
                QVERIFY(!isWide);
            } else {
                ++networks;
                QVERIFY(usesWidePath(candidate.config.train));
                QVERIFY(isWide);
            }
        }
        QVERIFY(networks > 0 && linear > 0);
        QVERIFY(describeCandidate(base, {}).find(" wide ") != std::string::npos);
    }

    void refusesImpossibleSchemes()
    {
        const Table table = syntheticLoans(20, 10);
        const RoleAssignment roles = threeTaskRoles(table);
        const ExperimentConfig config = smallConfig();
        const TuneMetric metric = parseTuneMetric("default:auc", roles.tasks);
        const auto refusal = [&](CrossValidationScheme scheme, std::vector<std::size_t> rows) {
            try {
                CrossValidationObjective(table, roles, std::move(rows), metric, scheme);
            } catch (const ConfigError &error) {
                return std::string(error.what());
            }
            return std::string();
        };
        const std::vector<std::size_t> rows = tuningRows(table, roles, config, false);
        QVERIFY(refusal({1, 1, 0}, rows).find("from 2 to 100 folds, not 1") != std::string::npos);
        QVERIFY(refusal({3, 0, 0}, rows).find("from 1 to 100 times, not 0") != std::string::npos);
        QVERIFY(refusal({10, 1, 0}, rows).find("use fewer folds or more rows") != std::string::npos);
        const CrossValidationObjective objective(table, roles, rows, metric, {2, 1, 0});
        TuneSpec unlimited;
        unlimited.metric = metric;
        QVERIFY_THROWS_EXCEPTION(ConfigError, tune(objective, baseCandidate(roles, config), unlimited));
    }
};

QTEST_GUILESS_MAIN(TuneTest)
#include "tst_tune.moc"
