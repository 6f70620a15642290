// The gradient-boosting baseline (train/GradientBoosting, XGBoost): it learns what a linear model
// cannot, is deterministic for a seed, and a comparison tunes it on training rows and says how.
#include "TestTables.h"
#include "train/Comparison.h"
#include "train/Experiment.h"
#include "train/GradientBoosting.h"

#include <QTest>

#include <algorithm>

using namespace cmtl;
using namespace cmtl::testing;

namespace {

// The probability that a random positive row scores above a random negative one (ties count half).
double areaUnderCurve(const Eigen::MatrixXf &scores, const std::vector<float> &labels,
                      const std::vector<std::size_t> &rows)
{
    double above = 0, pairs = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (labels[rows[i]] != 1)
            continue;
        for (std::size_t j = 0; j < rows.size(); ++j) {
            if (labels[rows[j]] != 0)
                continue;
            const float a = scores(0, static_cast<Eigen::Index>(i)), b = scores(0, static_cast<Eigen::Index>(j));
            above += a > b ? 1.0 : a == b ? 0.5 : 0.0;
            pairs += 1;
        }
    }
    return above / pairs;
}

} // namespace

class TestBoosting : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!gradientBoostingAvailable())
            QSKIP("this build has no XGBoost (libxgboost-dev was not found when it was configured)");
    }

    // bad = (x1 > 0) xor (x2 > 0), 10% of the labels flipped: no linear score beats chance (AUC
    // about 0.5); depth-2 trees find the interaction (the best AUC is about 0.9).
    void learnsAnInteractionDeterministically()
    {
        constexpr Eigen::Index kRows = 800;
        SplitMix64 random(3);
        Eigen::MatrixXf inputs(3, kRows);
        std::vector<float> labels(kRows);
        for (Eigen::Index row = 0; row < kRows; ++row) {
            for (Eigen::Index input = 0; input < 3; ++input)
                inputs(input, row) = static_cast<float>(2 * random.uniform() - 1);
            const bool bad = (inputs(0, row) > 0) != (inputs(1, row) > 0);
            labels[static_cast<std::size_t>(row)] = (random.uniform() < 0.1 ? !bad : bad) ? 1.0f : 0.0f;
        }
        std::vector<std::size_t> train, test;
        for (std::size_t row = 0; row < kRows; ++row)
            (row < 600 ? train : test).push_back(row);
        BoostingSettings settings;
        settings.depth = 2;
        settings.rounds = 100;
        const BoostedTrees trees(inputs, labels, train, TaskType::Binary, 2, settings, 7, 1);
        const Eigen::MatrixXf scores = trees.predict(inputs, test);
        QCOMPARE(scores.rows(), Eigen::Index{1});
        QCOMPARE(scores.cols(), Eigen::Index{200});
        QVERIFY((scores.array() >= 0).all() && (scores.array() <= 1).all());
        const double auc = areaUnderCurve(scores, labels, test);
        QVERIFY2(auc > 0.8, qPrintable(QString::number(auc)));
        // The same seed gives the same trees; another seed other row and column draws.
        const BoostedTrees again(inputs, labels, train, TaskType::Binary, 2, settings, 7, 1);
        QVERIFY(again.predict(inputs, test) == scores);
        const BoostedTrees otherSeed(inputs, labels, train, TaskType::Binary, 2, settings, 8, 1);
        QVERIFY(otherSeed.predict(inputs, test) != scores);
        // Fewer rounds read off the same booster differ from all of them.
        QVERIFY(trees.predict(inputs, test, 10) != scores);
    }

    // On each task kind of the synthetic loans, the tuned trees beat chance by a clear margin, the
    // choice comes from the grid, and the run is deterministic.
    void tunedOnTrainingRowsForEveryTaskKind()
    {
        const Table table = syntheticLoans(600, 21);
        const RoleAssignment roles = threeTaskRoles(table);
        ExperimentConfig config = smallConfig();
        config.train.threads = 1;
        const DataSplit split = stratifiedSplit(table.rowCount(), stratificationLabels(table, roles), config.split);
        for (const TaskSpec &task : roles.tasks) {
            RoleAssignment single = roles;
            single.tasks = {task};
            const BoostingRun run = boostedTreesOnSplit(table, single, config, split);
            QVERIFY(std::find(kBoostingDepths.begin(), kBoostingDepths.end(), run.chosen.depth) !=
                    kBoostingDepths.end());
            QVERIFY(std::find(kBoostingRounds.begin(), kBoostingRounds.end(), run.chosen.rounds) !=
                    kBoostingRounds.end());
            QCOMPARE(run.test.count, static_cast<std::int64_t>(split.test.size()));
            const BoostingRun again = boostedTreesOnSplit(table, single, config, split);
            QCOMPARE(again.chosen.depth, run.chosen.depth);
            QCOMPARE(again.chosen.rounds, run.chosen.rounds);
            if (run.test.binary) {
                QVERIFY2(run.test.binary->auc > 0.75, qPrintable(QString::number(run.test.binary->auc)));
                QCOMPARE(again.test.binary->auc, run.test.binary->auc);
            } else if (run.test.multiclass) {
                // Three grades, the most frequent about half the rows.
                QVERIFY2(run.test.multiclass->accuracy > 0.7,
                         qPrintable(QString::number(run.test.multiclass->accuracy)));
                QCOMPARE(again.test.multiclass->accuracy, run.test.multiclass->accuracy);
            } else {
                // The rate's standard deviation is about 3.5 (3 x risk); predicting its mean scores that.
                QVERIFY2(run.test.regression->rmse < 1.5, qPrintable(QString::number(run.test.regression->rmse)));
                QCOMPARE(again.test.regression->rmse, run.test.regression->rmse);
            }
        }
    }

    // A comparison lists the trees among its standard candidates and states their settings and
    // the choice made on each repeat.
    void comparisonStatesTheSettings()
    {
        const Table table = syntheticLoans(300, 4);
        RoleAssignment roles = threeTaskRoles(table);
        roles.tasks.resize(1);
        ExperimentConfig config = smallConfig();
        config.train.threads = 1;
        ComparisonSpec spec;
        spec.teacher = config;
        spec.folds = 2;
        for (const ComparisonCandidate &candidate : standardCandidates(config)) {
            if (candidate.kind == CandidateKind::BoostedTrees)
                spec.candidates.push_back(candidate);
        }
        QCOMPARE(spec.candidates.size(), std::size_t{1});
        QCOMPARE(spec.candidates[0].label, kBoostedTreesLabel);
        const ComparisonResult result = compareCandidates(table, roles, spec);
        QCOMPARE(result.metrics.front().values[0].size(), std::size_t{2});
        QCOMPARE(result.notes.size(), std::size_t{1});
        const QString note = QString::fromStdString(result.notes[0]);
        QVERIFY2(note.startsWith(QStringLiteral("boosted trees (XGBoost ")) &&
                     note.contains(QStringLiteral("task default")) &&
                     note.contains(QStringLiteral("learning rate 0.05")) &&
                     note.contains(QStringLiteral("inner 3-fold cross-validation")) &&
                     note.contains(QStringLiteral("(depth/rounds)")),
                 qPrintable(note));
    }
};

QTEST_GUILESS_MAIN(TestBoosting)
#include "tst_boosting.moc"
