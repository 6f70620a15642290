// Tests of the small engine functions the workbench shows: column histograms, per-task scores
// and score distributions.

#include "csv/CsvReader.h"
#include "data/ColumnHistogram.h"
#include "metrics/Evaluation.h"
#include "metrics/TaskScores.h"
#include "train/Experiment.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>
#include <numeric>

using namespace cmtl;

namespace {

Column numericColumn(std::vector<float> values)
{
    Column column;
    column.name.push_back('x'); // not = "x": GCC 12 misreports that under -Wrestrict
    column.type = ColumnType::Numeric;
    column.values = std::move(values);
    return column;
}

Column categoricalColumn(std::vector<std::int32_t> codes, std::vector<std::string> levels)
{
    Column column;
    column.name.push_back('c');
    column.type = ColumnType::Categorical;
    column.codes = std::move(codes);
    column.levels = std::move(levels);
    return column;
}

} // namespace

class TestWorkbenchSupport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numericHistogram()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const ColumnHistogram h = columnHistogram(numericColumn({0, 1, 2, 3, 4, 5, 6, 7, 8, 10, nan}), 5, 12);
        QVERIFY(h.numeric);
        QCOMPARE(h.missing, std::int64_t{1});
        QCOMPARE(h.counts, (std::vector<std::int64_t>{2, 2, 2, 2, 2}));
        QCOMPARE(h.edges.front(), 0.0);
        QCOMPARE(h.edges.back(), 10.0);
        QCOMPARE(h.labels.front(), std::string("[0, 2)"));
        QCOMPARE(h.labels.back(), std::string("[8, 10]"));
        QCOMPARE(h.values.size(), std::size_t{10}); // 10 distinct values <= 12
        QCOMPARE(h.values.front(), std::string("0"));
        QCOMPARE(h.values.back(), std::string("10"));
    }

    void constantAndManyValues()
    {
        const ColumnHistogram constant = columnHistogram(numericColumn({3, 3, 3}), 20, 12);
        QCOMPARE(constant.counts, (std::vector<std::int64_t>{3}));
        QCOMPARE(constant.values, (std::vector<std::string>{"3"}));
        std::vector<float> many(100);
        std::iota(many.begin(), many.end(), 0.0f);
        const ColumnHistogram wide = columnHistogram(numericColumn(many), 4, 12);
        QVERIFY(wide.values.empty()); // more distinct values than maxLevels
        QCOMPARE(std::accumulate(wide.counts.begin(), wide.counts.end(), std::int64_t{0}), std::int64_t{100});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, columnHistogram(numericColumn({1}), 0, 12));
    }

    // Infinite values put the bin position at infinity or NaN; every value is still counted once
    // (the UndefinedBehaviorSanitizer build checks the conversion; found by fuzzing the reader).
    void infiniteValuesAreBinned()
    {
        const float inf = std::numeric_limits<float>::infinity();
        const ColumnHistogram h = columnHistogram(numericColumn({1, 2, inf, -inf, 5}), 4, 12);
        QCOMPARE(std::accumulate(h.counts.begin(), h.counts.end(), std::int64_t{0}), std::int64_t{5});
        const ColumnHistogram onlyInfinite = columnHistogram(numericColumn({inf, inf, 7}), 4, 12);
        QCOMPARE(std::accumulate(onlyInfinite.counts.begin(), onlyInfinite.counts.end(), std::int64_t{0}),
                 std::int64_t{3});
    }

    // The first view describes the columns, then draws their histograms from those statistics: a
    // described column's histogram is the one computed from the cells alone.
    void describedColumnsGiveTheSameHistogram()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        std::vector<float> many(5000);
        std::iota(many.begin(), many.end(), -17.0F);
        many[3] = nan;
        const std::vector<std::vector<float>> columns{{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, nan},
                                                      {3, 3, 3},
                                                      {nan, nan},
                                                      {1, 2, inf, -inf, 5},
                                                      {inf, inf, 7},
                                                      {0, 1, 1, 0, nan, 1},
                                                      many,
                                                      {-0.0F, 0.0F, 2}};
        for (const std::vector<float> &values : columns) {
            Table table("histogram", {numericColumn(values)});
            const ColumnHistogram fromCells = columnHistogram(table.column(0), 6, 12);
            describeColumns(table, 2);
            QVERIFY(table.column(0).stats.has_value());
            const ColumnHistogram fromStatistics = columnHistogram(table.column(0), 6, 12);
            QCOMPARE(fromStatistics.missing, fromCells.missing);
            QCOMPARE(fromStatistics.counts, fromCells.counts);
            QCOMPARE(fromStatistics.edges.size(), fromCells.edges.size());
            for (std::size_t i = 0; i < fromCells.edges.size(); ++i) // NaN edges (infinite values) alike too
                QVERIFY(fromStatistics.edges[i] == fromCells.edges[i] ||
                        (std::isnan(fromStatistics.edges[i]) && std::isnan(fromCells.edges[i])));
            QCOMPARE(fromStatistics.labels, fromCells.labels);
            QCOMPARE(fromStatistics.values, fromCells.values);
        }
    }

    void categoricalHistogram()
    {
        const ColumnHistogram h =
            columnHistogram(categoricalColumn({0, 1, 1, 2, 2, 2, -1, 3}, {"a", "b", "c", "d"}), 20, 2);
        QVERIFY(!h.numeric);
        QCOMPARE(h.missing, std::int64_t{1});
        QCOMPARE(h.labels, (std::vector<std::string>{"c", "b", "other"}));
        QCOMPARE(h.counts, (std::vector<std::int64_t>{3, 2, 2}));
    }

    void scoreDistributionShares()
    {
        const std::vector<float> scores = {0.05f, 0.15f, 0.95f, 1.0f, 0.5f};
        const std::vector<std::uint8_t> labels = {0, 0, 1, 1, 0};
        const ScoreDistribution d = scoreDistribution(scores, labels, 10);
        QCOMPARE(d.edges.size(), std::size_t{11});
        QCOMPARE(d.positiveShare[9], 1.0); // 0.95 and 1.0 fall in the last bin
        QCOMPARE(d.negativeShare[0], 1.0 / 3);
        QCOMPARE(d.negativeShare[1], 1.0 / 3);
        QCOMPARE(d.negativeShare[5], 1.0 / 3);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreDistribution(scores, labels, 0));
    }

    // Scores crowded near 0 get a histogram over their own range; spread scores keep [0, 1].
    void scoreDistributionSpansTheScores()
    {
        const std::vector<float> crowded = {0.012f, 0.03f, 0.05f, 0.081f, 0.1f, 0.149f};
        const std::vector<std::uint8_t> labels = {0, 0, 1, 0, 1, 1};
        const ScoreSpan span = scoreSpan(crowded);
        QCOMPARE(span.lower, 0.01);
        QCOMPARE(span.upper, 0.15);
        const ScoreDistribution d = scoreDistribution(crowded, labels, 14, span.lower, span.upper);
        QCOMPARE(d.edges.front(), 0.01);
        QCOMPARE(d.edges.back(), 0.15);
        QCOMPARE(d.negativeShare[0], 1.0 / 3);  // 0.012 in [0.01, 0.02)
        QCOMPARE(d.negativeShare[7], 1.0 / 3);  // 0.081 in [0.08, 0.09)
        QCOMPARE(d.positiveShare[13], 1.0 / 3); // 0.149 in the last bin
        const std::vector<float> spread = {0.05f, 0.9f};
        QCOMPARE(scoreSpan(spread).lower, 0.0);
        QCOMPARE(scoreSpan(spread).upper, 1.0);
        const std::vector<float> single = {1.0f};
        QCOMPARE(scoreSpan(single).lower, 0.99);
        QCOMPARE(scoreSpan(single).upper, 1.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreDistribution(crowded, labels, 10, 0.5, 0.5));
    }

    // A multi-byte character ending past a 32-byte stretch of the UTF-8 check (the reader used to
    // run past the end of the text there and refuse Chinese files).
    void utf8AcrossStretchBoundary()
    {
        const std::string text = "c\n" + std::string(28, 'x') + "\xE7\xAD\x89\n"; // 等 at bytes 30..32
        const std::vector<char> bytes(text.begin(), text.end());
        const CsvReadResult read = readCsv(bytes, "boundary.csv");
        QCOMPARE(read.table.rowCount(), std::size_t{1});
        QCOMPARE(read.table.column(0).cellText(0), std::string(28, 'x') + "\xE7\xAD\x89");
        QCOMPARE(read.dialect.encoding, std::string("UTF-8"));
    }

    // The per-row scores reproduce the experiment's own evaluation exactly.
    void taskScoresMatchTheExperimentReport()
    {
        const Table table = readCsvFile(CMTL_SOURCE_DIR "/samples/lending_club.csv").table;
        RoleAssignment roles = defaultRoles(table,
                                            {{"Class", TaskType::Binary, "bad", 2.0},
                                             {"grade", TaskType::Multiclass, "", 1.0},
                                             {"int_rate", TaskType::Regression, "", 1.0}},
                                            {});
        ExperimentConfig config;
        config.train.epochs = 2;
        config.train.hiddenLayers = {16};
        const ExperimentResult result = runExperiment(table, roles, config);
        // Scoring does not depend on the thread count (the workbench leaves a core to the UI, the
        // command line uses them all; both must write the same predictions).
        const auto one = result.model.predict(table, 1);
        const auto three = result.model.predict(table, 3);
        for (std::size_t t = 0; t < one.size(); ++t)
            QVERIFY(one[t] == three[t]);
        const std::vector<TaskScores> scores = scoreTasks(result.model, table, result.split.test);
        const EvaluationReport *test = result.report("test");
        QVERIFY(test);
        QCOMPARE(scores.size(), std::size_t{3});
        for (std::size_t t = 0; t < scores.size(); ++t) {
            const TaskEvaluation &expected = test->tasks[t];
            QCOMPARE(scores[t].task, expected.task);
            QCOMPARE(static_cast<std::int64_t>(scores[t].size()), expected.count);
            switch (scores[t].type) {
            case TaskType::Binary: {
                const BinaryMetrics m = binaryMetrics(scores[t].scores, scores[t].labels);
                QCOMPARE(m.auc, expected.binary->auc);
                QCOMPARE(m.logLoss, expected.binary->logLoss);
                QCOMPARE(rocCurve(scores[t].scores, scores[t].labels).size(), expected.roc.size());
                break;
            }
            case TaskType::Multiclass:
                QCOMPARE(multiclassMetrics(scores[t].probabilities, scores[t].classLabels).accuracy,
                         expected.multiclass->accuracy);
                break;
            case TaskType::Regression:
                QCOMPARE(regressionMetrics(scores[t].predicted, scores[t].actual).rmse, expected.regression->rmse);
                break;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkbenchSupport)
#include "tst_workbench_support.moc"
