// Scorecards and WoE inputs: points equal the hand-scaled log-odds, the regression is at its
// optimum, wrong signs are warned about, the JSON card scores identically after a round trip,
// and WoE inputs are reproduced by a saved model and between batch and single-row scoring.
// Run time: under a second.

#include "TestTables.h"
#include "common/Error.h"
#include "io/ConfigJson.h"
#include "io/ModelFile.h"
#include "preprocess/WoeEncoder.h"
#include "scorecard/ScorecardFile.h"
#include "train/Experiment.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace cmtl;

namespace {

// Reference scaling, computed by hand (Python: f = 20 / log(2); o = 600 - f * log(50)).
constexpr double kFactor = 28.85390081777927;
constexpr double kOffset = 487.1228762045055;

TaskSpec defaultTask()
{
    return {"default", TaskType::Binary, "bad", 1.0};
}

Scorecard syntheticCard(const Table &table)
{
    return fitScorecard(table, defaultTask(), {"x1", "x2", "x3", "region"}, ScorecardOptions{});
}

// Two correlated features, the second of which lowers the risk once the first is known: alone it
// looks as risky as the first (its WoE points the same way), in the regression it works against it.
Table wrongSignTable()
{
    SplitMix64 random(7);
    const std::size_t rows = 5000;
    std::vector<float> a(rows), b(rows);
    std::vector<std::string> outcome(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        a[i] = static_cast<float>(2 * random.uniform() - 1);
        b[i] = a[i] + static_cast<float>(0.3 * (random.uniform() - 0.5));
        const double logit = 4.0 * a[i] - 3.0 * b[i] - 1.0;
        outcome[i] = random.uniform() < 1 / (1 + std::exp(-logit)) ? "bad" : "good";
    }
    return Table("wrong_sign.csv", {testing::numericColumn("a", a), testing::numericColumn("b", b),
                                    testing::categoricalColumn("default", outcome)});
}

// Ten rows of each value 1..4 of x: value 1 holds 2 events ("bad") and 8 non-events, value 2
// 3 and 7, value 3 5 and 5, value 4 6 and 4 (16 events, 24 non-events).
Table fourValueTable()
{
    std::vector<float> x;
    std::vector<std::string> outcome;
    const auto add = [&](float value, int events, int nonEvents) {
        for (int i = 0; i < events + nonEvents; ++i) {
            x.push_back(value);
            outcome.push_back(i < events ? "bad" : "good");
        }
    };
    add(1, 2, 8);
    add(2, 3, 7);
    add(3, 5, 5);
    add(4, 6, 4);
    return Table("four_values.csv", {testing::numericColumn("x", x), testing::categoricalColumn("default", outcome)});
}

// x's bins as the Binning page leaves them after merging (1, 2] and (2, 3]: (-inf, 1], (1, 3],
// (3, +inf), with deliberately wrong counts (they must be recounted from the rows).
FeatureBinning mergedLayout()
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    FeatureBinning binning;
    binning.feature = "x";
    for (const auto &[lower, upper] : {std::pair{-kInf, 1.0}, {1.0, 3.0}, {3.0, kInf}}) {
        Bin bin;
        bin.lower = lower;
        bin.upper = upper;
        bin.events = bin.nonEvents = 1;
        binning.bins.push_back(bin);
    }
    computeBinStatistics(binning);
    return binning;
}

// The same before the merge: (-inf, 1], (1, 2], (2, 3], (3, +inf).
FeatureBinning unmergedLayout()
{
    FeatureBinning binning = mergedLayout();
    Bin upper = binning.bins[1];
    binning.bins[1].upper = 2;
    upper.lower = 2;
    binning.bins.insert(binning.bins.begin() + 2, upper);
    computeBinStatistics(binning);
    return binning;
}

// The WoE of the merged bins by hand, ln((non-events / 24) / (events / 16)): (-inf, 1] holds 2
// events and 8 non-events, (1, 3] 8 and 12, (3, +inf) 6 and 4.
const double kMergedWoe[] = {std::log((8.0 / 24) / (2.0 / 16)), std::log((12.0 / 24) / (8.0 / 16)),
                             std::log((4.0 / 24) / (6.0 / 16))};

} // namespace

class TestScorecard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scalingMatchesTheHandComputation()
    {
        const ScoreScaling scaling;
        QCOMPARE(scaling.factor(), kFactor);
        QVERIFY(std::abs(scaling.offset() - kOffset) < 1e-12);
        QVERIFY(std::abs(scaling.pointsOfLogOdds(std::log(50.0)) - 600) < 1e-12);
        QVERIFY(std::abs(scaling.pointsOfLogOdds(std::log(100.0)) - 620) < 1e-12);
        QVERIFY(std::abs(scaling.eventProbability(600) - 1.0 / 51) < 1e-15);
        QVERIFY(std::abs(scaling.pointsOfEventProbability(1.0 / 51) - 600) < 1e-9);
        // A float probability of exactly 1 or 0 still has a finite score (clamped at 2^-24).
        QVERIFY(std::isfinite(scaling.pointsOfEventProbability(1.0)));
        QVERIFY(std::abs(scaling.pointsOfEventProbability(0.0) - (kOffset + kFactor * std::log(16777215.0))) < 1e-6);
        const ScoreScaling other{500, 20, 40};
        QVERIFY(std::abs(other.pointsOfLogOdds(std::log(40.0)) - 540) < 1e-12);
    }

    // One feature of two levels: the regression is saturated, so each level's score is exactly
    // the scaled log-odds of its own rows: A has 40 good and 10 bad, B 30 good and 20 bad.
    void pointsEqualTheHandScaledLogOdds()
    {
        std::vector<std::string> level, outcome;
        for (int i = 0; i < 50; ++i) {
            level.push_back("A");
            outcome.push_back(i < 10 ? "bad" : "good");
            level.push_back("B");
            outcome.push_back(i < 20 ? "bad" : "good");
        }
        const Table table("two.csv",
                          {testing::categoricalColumn("level", level), testing::categoricalColumn("default", outcome)});
        const Scorecard card = fitScorecard(table, defaultTask(), {"level"}, ScorecardOptions{});
        QCOMPARE(card.features.size(), std::size_t(1));
        QCOMPARE(card.features[0].binning.bins.size(), std::size_t(2));
        const ScorecardScores scores = scoreTable(card, table);
        // kOffset + kFactor * ln(40 / 10) and kOffset + kFactor * ln(30 / 20), by hand.
        const double pointsA = 527.1228762045055, pointsB = 498.8221262189286;
        for (std::size_t row = 0; row < table.rowCount(); ++row) {
            const double expected = level[row] == "A" ? pointsA : pointsB;
            QVERIFY2(std::abs(scores.points[row] - expected) < 1e-4, qPrintable(QString::number(scores.points[row])));
            const double probability = level[row] == "A" ? 0.2 : 0.4;
            QVERIFY(std::abs(scores.eventProbability[row] - probability) < 1e-7);
        }
    }

    // On a richer table: every row's score is offset + factor * (intercept + sum coef * WoE),
    // recomputed here from the card's fields, and the regression's gradient is zero.
    void scoresAreTheScaledRegressionAtItsOptimum()
    {
        const Table table = testing::syntheticLoans(3000, 5);
        const Scorecard card = syntheticCard(table);
        QCOMPARE(card.features.size(), std::size_t(3)); // x3 is noise: left out below the minimum IV
        const ScorecardScores scores = scoreTable(card, table);
        const Column &labels = table.column("default");
        std::vector<double> gradient(card.features.size() + 1, 0.0);
        for (std::size_t row = 0; row < table.rowCount(); ++row) {
            double logOdds = card.intercept;
            std::vector<double> woe;
            for (const ScorecardFeature &feature : card.features) {
                const int bin = binOfCell(feature.binning, table.column(feature.binning.feature), row);
                woe.push_back(bin < 0 ? 0.0 : feature.binning.bins[std::size_t(bin)].woe);
                logOdds += feature.coefficient * woe.back();
            }
            QVERIFY(std::abs(scores.points[row] - (kOffset + kFactor * logOdds)) < 1e-9);
            const bool good = labels.levels[std::size_t(labels.codes[row])] == "good";
            const double residual = (good ? 1.0 : 0.0) - 1 / (1 + std::exp(-logOdds));
            gradient[0] += residual;
            for (std::size_t j = 0; j < woe.size(); ++j)
                gradient[j + 1] += residual * woe[j];
        }
        for (std::size_t j = 0; j < gradient.size(); ++j) // the ridge (1e-8 * rows) allows a trace
            QVERIFY2(std::abs(gradient[j]) < 1e-4, qPrintable(QString::number(gradient[j])));
        for (const ScorecardFeature &feature : card.features) {
            QVERIFY(feature.coefficient > 0);
            for (std::size_t b = 0; b < feature.points.size(); ++b)
                QCOMPARE(feature.points[b], kFactor * feature.coefficient * feature.binning.bins[b].woe);
        }
    }

    void wrongSignIsWarned()
    {
        const Table table = wrongSignTable();
        const Scorecard card = fitScorecard(table, defaultTask(), {"a", "b"}, ScorecardOptions{});
        QCOMPARE(card.features.size(), std::size_t(2));
        QVERIFY(card.features[0].coefficient > 0);
        QVERIFY(card.features[1].coefficient < 0);
        QVERIFY(card.features[1].binning.iv > 0.1); // alone, b is a strong feature
        const auto warned = std::count_if(card.warnings.begin(), card.warnings.end(), [](const std::string &text) {
            return text.find("\"b\" has a wrong-sign coefficient") != std::string::npos;
        });
        QCOMPARE(warned, 1);
        for (const std::string &text : card.warnings)
            QVERIFY(text.find("\"a\" has a wrong-sign") == std::string::npos);
        // The correlated pair behind it is named, with the weaker feature to consider leaving out.
        const auto pair = std::count_if(card.warnings.begin(), card.warnings.end(), [](const std::string &text) {
            return text.find("features \"a\" and \"b\" are correlated") != std::string::npos ||
                   text.find("features \"b\" and \"a\" are correlated") != std::string::npos;
        });
        QCOMPARE(pair, 1);
    }

    void jsonRoundTripScoresIdentically()
    {
        const Table table = testing::syntheticLoans(2000, 9);
        const Scorecard card = syntheticCard(table);
        const Scorecard loaded = scorecardFromJson(scorecardToJson(card), "card.json");
        QCOMPARE(loaded.intercept, card.intercept);
        QCOMPARE(loaded.interceptPoints(), card.interceptPoints());
        const ScorecardScores before = scoreTable(card, table), after = scoreTable(loaded, table);
        QVERIFY(before.points == after.points); // exactly
        QVERIFY(before.eventProbability == after.eventProbability);
        QVERIFY(reasonCodes(card, before, 2) == reasonCodes(loaded, after, 2));
        // And the CSV's intercept row and one row per bin.
        const QList<QByteArray> lines = scorecardToCsv(card).split('\n');
        std::size_t bins = 0;
        for (const ScorecardFeature &feature : card.features)
            bins += feature.binning.bins.size();
        QCOMPARE(std::size_t(lines.size()), bins + 3); // header, intercept, bins, final empty
        QVERIFY(lines[1].startsWith("(intercept),"));
    }

    // A level never seen in fitting scores 0 points (WoE 0), and missing cells their own bin.
    void unseenLevelsScoreZero()
    {
        const Table table = testing::syntheticLoans(2000, 9);
        const Scorecard card = syntheticCard(table);
        const Table unseen("new.csv",
                           {testing::numericColumn("x1", {0.5f}), testing::numericColumn("x2", {0.5f}),
                            testing::numericColumn("x3", {0.5f}), testing::categoricalColumn("region", {"moon"})});
        const ScorecardScores scores = scoreTable(card, unseen);
        const auto region = std::find_if(card.features.begin(), card.features.end(),
                                         [](const ScorecardFeature &f) { return f.binning.feature == "region"; });
        QVERIFY(region != card.features.end());
        QCOMPARE(scores.featurePoints[std::size_t(region - card.features.begin())][0], 0.0);
        QCOMPARE(scores.bins[std::size_t(region - card.features.begin())][0], -1);
    }

    void reasonsAreTheLargestShortfalls()
    {
        const Table table = testing::syntheticLoans(2000, 9);
        const Scorecard card = syntheticCard(table);
        const ScorecardScores scores = scoreTable(card, table);
        const auto reasons = reasonCodes(card, scores, 3);
        for (std::size_t row = 0; row < 200; ++row) {
            // By hand: shortfall of each feature from its best bin, the largest first.
            std::vector<std::pair<double, std::string>> shortfalls;
            for (std::size_t j = 0; j < card.features.size(); ++j) {
                const auto &points = card.features[j].points;
                shortfalls.push_back({*std::max_element(points.begin(), points.end()) - scores.featurePoints[j][row],
                                      card.features[j].binning.feature});
            }
            std::stable_sort(shortfalls.begin(), shortfalls.end(),
                             [](const auto &x, const auto &y) { return x.first > y.first; });
            for (std::size_t r = 0; r < 3; ++r) {
                const std::string expected = shortfalls[r].first > 0 ? shortfalls[r].second : std::string();
                QCOMPARE(reasons[row][r], expected);
            }
        }
    }

    void malformedCardsAreRefusedWithWhereAndWhat()
    {
        const Table table = testing::syntheticLoans(1000, 9);
        const QByteArray good = scorecardToJson(syntheticCard(table));
        // A syntax error on line 3.
        QByteArray broken = good;
        const qsizetype thirdLine = broken.indexOf('\n', broken.indexOf('\n') + 1) + 1;
        broken.insert(thirdLine, "{{");
        try {
            scorecardFromJson(broken, "card.json");
            QFAIL("a JSON syntax error was accepted");
        } catch (const DataError &error) {
            QCOMPARE(error.where().file, std::string("card.json"));
            QCOMPARE(error.where().line, std::int64_t(3));
        }
        const auto refusal = [&](const std::function<void(QJsonObject &)> &edit) -> std::string {
            QJsonObject root = QJsonDocument::fromJson(good).object();
            edit(root);
            try {
                scorecardFromJson(QJsonDocument(root).toJson(), "card.json");
            } catch (const DataError &error) {
                return error.what();
            }
            return "accepted";
        };
        const auto contains = [](const std::string &text, const char *part) {
            return text.find(part) != std::string::npos;
        };
        std::string text = refusal([](QJsonObject &root) { root.remove(QStringLiteral("intercept_points")); });
        QVERIFY2(contains(text, "scorecard.intercept_points is missing"), text.c_str());
        text = refusal([](QJsonObject &root) { root[QStringLiteral("intercept_points")] = 1.0; });
        QVERIFY2(contains(text, "intercept_points is 1, but the scaling and the intercept give"), text.c_str());
        text = refusal([](QJsonObject &root) { root[QStringLiteral("format")] = QStringLiteral("model"); });
        QVERIFY2(contains(text, "scorecard.format should be \"creditmtl-scorecard\""), text.c_str());
        text = refusal([](QJsonObject &root) {
            QJsonObject scaling = root[QStringLiteral("scaling")].toObject();
            scaling[QStringLiteral("pdo")] = 0;
            root[QStringLiteral("scaling")] = scaling;
        });
        QVERIFY2(contains(text, "scorecard.scaling.pdo") && contains(text, "> 0"), text.c_str());
        text = refusal([](QJsonObject &root) {
            QJsonArray features = root[QStringLiteral("features")].toArray();
            QJsonObject feature = features[0].toObject();
            QJsonArray bins = feature[QStringLiteral("bins")].toArray();
            QJsonObject bin = bins[0].toObject();
            bin[QStringLiteral("kind")] = QStringLiteral("levels");
            bins[0] = bin;
            feature[QStringLiteral("bins")] = bins;
            features[0] = feature;
            root[QStringLiteral("features")] = features;
        });
        QVERIFY2(contains(text, "scorecard.features[0].bins[0].kind should be \"range\""), text.c_str());
    }

    // WoE inputs: binned against the binary task on the training rows, each input the WoE of its
    // cell's bin, and reproduced by a saved and reloaded model and by single-row scoring.
    void woeInputsAreReproducedAfterReloadAndRowByRow()
    {
        const Table table = testing::syntheticLoans(1500, 21);
        ExperimentConfig config;
        config.train.hiddenLayers = {8};
        config.train.epochs = 2;
        config.train.seed = 5;
        config.woe.columns = {"x1", "region"};
        const RoleAssignment roles = testing::threeTaskRoles(table);
        const ExperimentResult result = runExperiment(table, roles, config);
        const Preprocessor &preprocessor = result.model.preprocessor();
        QCOMPARE(preprocessor.woe.size(), std::size_t(2));
        QCOMPARE(preprocessor.woe[0].feature, std::string("x1"));
        QCOMPARE(preprocessor.woe[1].feature, std::string("region"));
        QCOMPARE(preprocessor.numeric.size(), std::size_t(2)); // x2, x3
        QVERIFY(preprocessor.oneHot.empty());
        // The dense inputs: x2, x3 scaled, then the WoE of x1 and of region.
        const Eigen::MatrixXf inputs = preprocessor.transform(table).toDense();
        QCOMPARE(inputs.rows(), Eigen::Index(4));
        for (std::size_t row = 0; row < table.rowCount(); row += 37) {
            for (std::size_t w = 0; w < 2; ++w) {
                const FeatureBinning &binning = preprocessor.woe[w];
                const int bin = binOfCell(binning, table.column(binning.feature), row);
                QVERIFY(bin >= 0);
                QCOMPARE(inputs(Eigen::Index(2 + w), Eigen::Index(row)),
                         static_cast<float>(binning.bins[std::size_t(bin)].woe));
            }
        }
        // Save, reload: the same bins and the same predictions, bit for bit.
        const QByteArray bytes = serializeModel({result.model, result.reports, result.history, result.warnings});
        QVERIFY(bytes.contains("\"woe\""));
        const ModelFileContents loaded = parseModel(bytes, "memory");
        QCOMPARE(loaded.model.config().woe.columns, config.woe.columns);
        const std::vector<Eigen::MatrixXf> before = result.model.predict(table), after = loaded.model.predict(table);
        for (std::size_t t = 0; t < before.size(); ++t)
            QVERIFY(before[t] == after[t]);
        // One row at a time, as a service would score: the same values.
        for (std::size_t row = 0; row < table.rowCount(); row += 101) {
            const std::vector<Eigen::MatrixXf> single = loaded.model.predict(table.selectRows({row}));
            for (std::size_t t = 0; t < before.size(); ++t)
                QVERIFY((single[t].col(0) - before[t].col(Eigen::Index(row))).cwiseAbs().maxCoeff() <= 1e-6f);
        }
    }

    // A model without WoE inputs is written as before (no "woe" field) and a configuration
    // without them too; --woe all bins every feature.
    void withoutWoeNothingNewIsWritten()
    {
        const Table table = testing::syntheticLoans(600, 3);
        ExperimentConfig config;
        config.train.hiddenLayers = {4};
        config.train.epochs = 1;
        const ExperimentResult plain = runExperiment(table, testing::threeTaskRoles(table), config);
        const QByteArray bytes = serializeModel({plain.model, plain.reports, plain.history, plain.warnings});
        QVERIFY(!bytes.contains("woe"));
        config.woe.allColumns = true;
        const ExperimentResult all = runExperiment(table, testing::threeTaskRoles(table), config);
        QCOMPARE(all.model.preprocessor().woe.size(), std::size_t(4));
        QCOMPARE(all.model.preprocessor().inputCount(), std::size_t(4));
        QCOMPARE(all.model.categoricalColumns(), std::vector<std::string>{"region"});
    }

    // A resolved WoE task (column and positive class, as the command line stores it) need not be
    // a task of the run: compare's single-task baselines bin against the multi-task model's task.
    void aResolvedWoeTaskServesSingleTaskRuns()
    {
        const Table table = testing::syntheticLoans(800, 4);
        RoleAssignment rateOnly = testing::threeTaskRoles(table);
        rateOnly.tasks = {rateOnly.tasks[2]};
        WoeOptions woe;
        woe.columns = {"x1"};
        QVERIFY_THROWS_EXCEPTION(ConfigError, fitPreprocessorWithWoe(table, rateOnly, {0, 1, 2, 3}, {}, woe));
        woe.task = "default";
        woe.positiveClass = "bad";
        std::vector<std::size_t> rows(table.rowCount());
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        const Preprocessor fitted = fitPreprocessorWithWoe(table, rateOnly, rows, {}, woe);
        QCOMPARE(fitted.woe.size(), std::size_t(1));
        const FeatureBinning expected = binColumn(
            table.column("x1"), rows,
            [&] {
                std::vector<int> labels;
                const Column &outcome = table.column("default");
                for (const std::size_t row : rows)
                    labels.push_back(outcome.levels[std::size_t(outcome.codes[row])] == "bad" ? 1 : 0);
                return labels;
            }(),
            BinningOptions{});
        QCOMPARE(fitted.woe[0].bins.size(), expected.bins.size());
        for (std::size_t b = 0; b < expected.bins.size(); ++b)
            QCOMPARE(fitted.woe[0].bins[b].woe, expected.bins[b].woe);
    }

    // Bins edited by hand (WoeOptions::givenBins) replace the optimal binning of a WoE input: the
    // merged bin's rows get the WoE of the merged counts, recounted on the training rows.
    void editedBinsAreTheWoeInputs()
    {
        const Table table = fourValueTable();
        RoleAssignment roles;
        roles.features = {"x"};
        roles.tasks = {defaultTask()};
        std::vector<std::size_t> rows(table.rowCount());
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        WoeOptions woe;
        woe.columns = {"x"};
        woe.givenBins = {mergedLayout()};
        const Preprocessor fitted = fitPreprocessorWithWoe(table, roles, rows, {}, woe);
        QCOMPARE(fitted.woe.size(), std::size_t(1));
        const FeatureBinning &bins = fitted.woe[0];
        QCOMPARE(bins.bins.size(), std::size_t(3));
        const std::int64_t events[] = {2, 8, 6}, nonEvents[] = {8, 12, 4};
        for (std::size_t b = 0; b < 3; ++b) {
            QCOMPARE(bins.bins[b].events, events[b]);
            QCOMPARE(bins.bins[b].nonEvents, nonEvents[b]);
            QVERIFY(std::abs(bins.bins[b].woe - kMergedWoe[b]) < 1e-12);
        }
        // The inputs of rows holding 1, 2, 3 and 4 (rows 0, 10, 20, 30).
        const Eigen::MatrixXf inputs = fitted.transform(table).toDense();
        const double expected[] = {kMergedWoe[0], kMergedWoe[1], kMergedWoe[1], kMergedWoe[2]};
        for (Eigen::Index i = 0; i < 4; ++i)
            QCOMPARE(inputs(0, 10 * i), static_cast<float>(expected[i]));
        // Before the merge, 2 and 3 are told apart: ln((7 / 24) / (3 / 16)) and ln((5 / 24) / (5 / 16)).
        woe.givenBins = {unmergedLayout()};
        const Eigen::MatrixXf unmerged = fitPreprocessorWithWoe(table, roles, rows, {}, woe).transform(table).toDense();
        QCOMPARE(unmerged(0, 10), static_cast<float>(std::log((7.0 / 24) / (3.0 / 16))));
        QCOMPARE(unmerged(0, 20), static_cast<float>(std::log((5.0 / 24) / (5.0 / 16))));

        // A given binning of a column that is no WoE input is not used, and said so.
        roles.features = {"x", "y"};
        std::vector<float> y(40);
        std::iota(y.begin(), y.end(), 0.0f);
        const Table withY("four_values.csv",
                          {table.column("x"), table.column("default"), testing::numericColumn("y", y)});
        woe.givenBins = {mergedLayout(), mergedLayout()};
        woe.givenBins[1].feature = "y";
        const Preprocessor unused = fitPreprocessorWithWoe(withY, roles, rows, {}, woe);
        QVERIFY(std::any_of(unused.warnings.begin(), unused.warnings.end(), [](const std::string &warning) {
            return warning.find("edited bins of \"y\" are not used") != std::string::npos;
        }));
    }

    // A scorecard on edited bins: with x alone, the regression on WoE fits every bin's log-odds
    // exactly (intercept ln(24 / 16), coefficient 1), so each bin scores factor * its WoE -- the
    // merged bin's WoE, computed by hand, and 0 points for a row holding 2 instead of the
    // factor * ln((7 / 24) / (3 / 16)) of the unmerged bin (2 - 1].
    void editedBinsAreTheScorecardsBins()
    {
        const Table table = fourValueTable();
        ScorecardOptions options;
        options.givenBins = {mergedLayout(), mergedLayout()};
        options.givenBins[1].feature = "y"; // no feature: not used, and said so
        const Scorecard card = fitScorecard(table, defaultTask(), {"x"}, options);
        QVERIFY(std::find(card.warnings.begin(), card.warnings.end(),
                          "the edited bins of \"y\" are not used: it is not a feature of the scorecard") !=
                card.warnings.end());
        QCOMPARE(card.features.size(), std::size_t(1));
        const ScorecardFeature &x = card.features[0];
        QCOMPARE(x.binning.bins.size(), std::size_t(3));
        QVERIFY(std::abs(card.intercept - std::log(24.0 / 16)) < 1e-6);
        QVERIFY(std::abs(x.coefficient - 1) < 1e-6);
        for (std::size_t b = 0; b < 3; ++b)
            QVERIFY2(std::abs(x.points[b] - kFactor * kMergedWoe[b]) < 1e-5, std::to_string(x.points[b]).c_str());
        const ScorecardScores merged = scoreTable(card, table);
        QVERIFY(std::abs(merged.featurePoints[0][10]) < 1e-5);

        // The unmerged layout gives the row holding 2 its own bin's points.
        options.givenBins = {unmergedLayout()};
        const ScorecardScores unmerged = scoreTable(fitScorecard(table, defaultTask(), {"x"}, options), table);
        QVERIFY(std::abs(unmerged.featurePoints[0][10] - kFactor * std::log((7.0 / 24) / (3.0 / 16))) < 1e-5);
    }

    // The given bins a run's WoE inputs use, and the features of those no input uses: a task, a
    // column that is no feature, a feature that is no WoE input; every one without WoE inputs.
    void givenBinsAreSplitByTheWoeInputs()
    {
        const auto binsOf = [](const std::string &feature) {
            FeatureBinning bins = mergedLayout();
            bins.feature = feature;
            return bins;
        };
        WoeOptions woe;
        woe.columns = {"x2", "x1"};
        woe.givenBins = {binsOf("target"), binsOf("x1"), binsOf("ignored"), binsOf("x3"), binsOf("x2")};
        const std::vector<std::string> features{"x1", "x2", "x3"};
        GivenBinsUse use = givenBinsUse(woeColumns(features, woe), woe.givenBins);
        QCOMPARE(use.used.size(), std::size_t(2));
        QCOMPARE(use.used[0].feature, std::string("x1"));
        QCOMPARE(use.used[1].feature, std::string("x2"));
        QCOMPARE(use.used[0].bins.size(), woe.givenBins[1].bins.size());
        QVERIFY(use.unused == (std::vector<std::string>{"target", "ignored", "x3"}));
        woe.allColumns = true;
        use = givenBinsUse(woeColumns(features, woe), woe.givenBins);
        QCOMPARE(use.used.size(), std::size_t(3));
        QVERIFY(use.unused == (std::vector<std::string>{"target", "ignored"}));
        woe.allColumns = false;
        woe.columns.clear();
        use = givenBinsUse(woeColumns(features, woe), woe.givenBins);
        QVERIFY(use.used.empty());
        QVERIFY(use.unused == (std::vector<std::string>{"target", "x1", "ignored", "x3", "x2"}));
        woe.columns = {"target"};
        QVERIFY_THROWS_EXCEPTION(ConfigError, givenBinsUse(woeColumns(features, woe), woe.givenBins));
    }

    void badWoeOptionsAreRefused()
    {
        const std::vector<TaskSpec> tasks{{"grade", TaskType::Multiclass, "", 1.0}, defaultTask()};
        QCOMPARE(woeTask(tasks, "").column, std::string("default"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, woeTask(tasks, "grade"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, woeTask(tasks, "salary"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, woeTask({tasks[0]}, ""));
        WoeOptions options;
        options.columns = {"salary"};
        try {
            woeColumns({"x1", "x2"}, options);
            QFAIL("an unknown --woe column was accepted");
        } catch (const ConfigError &error) {
            QVERIFY(std::string(error.what()).find("\"salary\"") != std::string::npos);
            QVERIFY(std::string(error.what()).find("x1, x2") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestScorecard)
#include "tst_scorecard.moc"
