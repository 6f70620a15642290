// Multi-task methods: each weighting's defining behaviour on a small problem where it is visible,
// the sharing architectures learning, feature attention, and the remedies for rare classes.

#include "TestTables.h"
#include "io/ConfigJson.h"
#include "io/ModelFile.h"
#include "train/Comparison.h"
#include "train/Experiment.h"
#include "train/TaskWeighting.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace cmtl;
using testing::numericColumn;

namespace {

// y1 = signal + small noise, y2 = signal + large noise; x carries the signal.
Table twoNoisyRegressions(std::size_t rows)
{
    SplitMix64 random(77);
    std::vector<float> x(rows), quiet(rows), noisy(rows);
    const auto gaussian = [&] {
        return std::sqrt(-2 * std::log(1 - random.uniform())) * std::cos(6.283185307179586 * random.uniform());
    };
    for (std::size_t i = 0; i < rows; ++i) {
        x[i] = static_cast<float>(gaussian());
        quiet[i] = static_cast<float>(x[i] + 0.3 * gaussian());
        noisy[i] = static_cast<float>(x[i] + 1.5 * gaussian());
    }
    return Table("noise.csv", {numericColumn("x", x), numericColumn("quiet", quiet), numericColumn("noisy", noisy)});
}

double finalTrainLoss(const ExperimentResult &result, std::size_t task)
{
    return result.history.epochs.back().tasks[task].trainLoss;
}

} // namespace

class TestMultiTask : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pcgradRemovesTheConflictingComponent();
    void uncertaintyWeightsFollowTheNoise();
    void dwaWeightsFollowTheLossRatios();
    void gradnormShrinksTheDominantTask();
    void architecturesLearn_data();
    void architecturesLearn();
    void attentionShowsWhichInputsEachTaskUses();
    void methodsRoundTripThroughTheModelFile();
    void balancedClassWeightsAndOversampling();
    void focalLossTrains();
    void compareRunsEveryCandidateOnEveryFold();
    void distillationUsesTheTeachersPredictions();
    void summariesAreSampleStatistics();
    void savedConfigurationRoundTrips();
    void olderConfigurationsLoadWithoutRefit();
    void tunedBaselineChoosesItsPenaltyFromTheGrid();
    void logisticReferenceTrainsByItsOwnRule();
    void correctedIntervalMatchesScipy();
    void resultCarriesPairedIntervals();
};

void TestMultiTask::pcgradRemovesTheConflictingComponent()
{
    // Shared part: the first two coordinates; the third is a head's and stays untouched.
    std::vector<Eigen::VectorXf> gradients(3, Eigen::VectorXf(3));
    gradients[0] << 1, 0, 5;
    gradients[1] << -1, 1, 7;
    gradients[2] << 0, 2, 9; // agrees with both
    const std::vector<Eigen::VectorXf> original = gradients;
    projectConflictingGradients(gradients, 2, 1);
    // g0 conflicts with g1 (dot -1): g0 - (-1 / 2) g1 = (0.5, 0.5), now orthogonal to g1.
    QVERIFY(std::abs(gradients[0][0] - 0.5f) < 1e-6f);
    QVERIFY(std::abs(gradients[0][1] - 0.5f) < 1e-6f);
    QVERIFY(std::abs(gradients[0].head(2).dot(original[1].head(2))) < 1e-6f);
    // g1 conflicts with g0: g1 - (-1 / 1) g0 = (0, 1).
    QVERIFY(std::abs(gradients[1][0]) < 1e-6f);
    QVERIFY(std::abs(gradients[1][1] - 1.0f) < 1e-6f);
    // g2 conflicts with none and is unchanged; head coordinates are never touched.
    QVERIFY(gradients[2] == original[2]);
    QCOMPARE(gradients[0][2], 5.0f);
    QCOMPARE(gradients[1][2], 7.0f);
}

void TestMultiTask::uncertaintyWeightsFollowTheNoise()
{
    const Table table = twoNoisyRegressions(3000);
    ExperimentConfig config = testing::smallConfig();
    config.train.weighting.method = WeightingMethod::Uncertainty;
    config.train.epochs = 40;
    config.train.learningRate = 0.01;
    const RoleAssignment roles =
        defaultRoles(table, {{"quiet", TaskType::Regression, "", 1.0}, {"noisy", TaskType::Regression, "", 1.0}}, {});
    const ExperimentResult result = runExperiment(table, roles, config);
    const std::vector<double> &weights = result.history.epochs.back().lambdas;
    // At the optimum exp(s_t) = L_t, so w_t = 0.5 / L_t: weights in the inverse ratio of the
    // tasks' residual variances, which the noise sets.
    const double weightRatio = weights[0] / weights[1];
    const double lossRatio = finalTrainLoss(result, 1) / finalTrainLoss(result, 0);
    QVERIFY2(weightRatio > 3, qPrintable(QStringLiteral("weight ratio %1").arg(weightRatio)));
    QVERIFY2(std::abs(weightRatio / lossRatio - 1) < 0.25,
             qPrintable(QStringLiteral("weights %1, inverse losses %2").arg(weightRatio).arg(lossRatio)));
    // The trajectory is recorded epoch by epoch and starts near the initial 0.5.
    QVERIFY(std::abs(result.history.epochs.front().lambdas[0] - 0.5) < 0.3);
}

void TestMultiTask::dwaWeightsFollowTheLossRatios()
{
    const Table table = testing::syntheticLoans(1500, 12);
    ExperimentConfig config = testing::smallConfig();
    config.train.weighting.method = WeightingMethod::DWA;
    config.train.weighting.dwaTemperature = 2.0;
    const ExperimentResult result = runExperiment(table, testing::threeTaskRoles(table), config);
    const auto &epochs = result.history.epochs;
    QCOMPARE(epochs[0].lambdas, (std::vector<double>{1, 1, 1}));
    QCOMPARE(epochs[1].lambdas, (std::vector<double>{1, 1, 1}));
    for (std::size_t e = 2; e < epochs.size(); ++e) {
        std::vector<double> exponentials;
        double sum = 0;
        for (std::size_t t = 0; t < 3; ++t) {
            exponentials.push_back(std::exp(epochs[e - 1].tasks[t].trainLoss / epochs[e - 2].tasks[t].trainLoss / 2.0));
            sum += exponentials.back();
        }
        for (std::size_t t = 0; t < 3; ++t)
            QVERIFY(std::abs(epochs[e].lambdas[t] - 3 * exponentials[t] / sum) < 1e-9);
    }
}

void TestMultiTask::gradnormShrinksTheDominantTask()
{
    // lambda 20 on one task makes its gradient dominate; GradNorm pulls its weight down and the
    // other's up, keeping the sum of weights at the task count.
    const Table table = twoNoisyRegressions(2000);
    ExperimentConfig config = testing::smallConfig();
    config.train.weighting.method = WeightingMethod::GradNorm;
    config.train.epochs = 4;
    const RoleAssignment roles =
        defaultRoles(table, {{"quiet", TaskType::Regression, "", 20.0}, {"noisy", TaskType::Regression, "", 1.0}}, {});
    const ExperimentResult result = runExperiment(table, roles, config);
    const std::vector<double> &lambdas = result.history.epochs.back().lambdas;
    const double multiplierQuiet = lambdas[0] / 20.0, multiplierNoisy = lambdas[1];
    QVERIFY2(multiplierQuiet < 0.5, qPrintable(QString::number(multiplierQuiet)));
    QVERIFY2(multiplierNoisy > 1.5, qPrintable(QString::number(multiplierNoisy)));
    QVERIFY(std::abs(multiplierQuiet + multiplierNoisy - 2.0) < 1e-6);
}

void TestMultiTask::architecturesLearn_data()
{
    QTest::addColumn<int>("architecture");
    QTest::addColumn<int>("weighting");
    QTest::newRow("mmoe") << int(Architecture::MMoE) << int(WeightingMethod::Fixed);
    QTest::newRow("ple") << int(Architecture::PLE) << int(WeightingMethod::Fixed);
    QTest::newRow("attention") << int(Architecture::Attention) << int(WeightingMethod::Fixed);
    QTest::newRow("shared-bottom, pcgrad") << int(Architecture::SharedBottom) << int(WeightingMethod::PCGrad);
    QTest::newRow("mmoe, gradnorm") << int(Architecture::MMoE) << int(WeightingMethod::GradNorm);
}

void TestMultiTask::architecturesLearn()
{
    QFETCH(int, architecture);
    QFETCH(int, weighting);
    const Table table = testing::syntheticLoans(3000, 13);
    ExperimentConfig config = testing::smallConfig();
    config.train.architecture = static_cast<Architecture>(architecture);
    config.train.weighting.method = static_cast<WeightingMethod>(weighting);
    config.train.experts = 3;
    const ExperimentResult result = runExperiment(table, testing::threeTaskRoles(table), config);
    const EvaluationReport *test = result.report("test");
    QVERIFY2(test->tasks[0].binary->auc > 0.8, qPrintable(QString::number(test->tasks[0].binary->auc)));
    QVERIFY2(test->tasks[1].multiclass->accuracy > 0.65,
             qPrintable(QString::number(test->tasks[1].multiclass->accuracy)));
    QVERIFY2(test->tasks[2].regression->r2 > 0.75, qPrintable(QString::number(test->tasks[2].regression->r2)));
}

void TestMultiTask::attentionShowsWhichInputsEachTaskUses()
{
    // Task "left" depends on a only, task "right" on b only.
    SplitMix64 random(5);
    const std::size_t rows = 4000;
    std::vector<float> a(rows), b(rows), c(rows), left(rows), right(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        a[i] = static_cast<float>(2 * random.uniform() - 1);
        b[i] = static_cast<float>(2 * random.uniform() - 1);
        c[i] = static_cast<float>(2 * random.uniform() - 1);
        left[i] = 3 * a[i] * a[i];
        right[i] = 3 * b[i] * b[i];
    }
    const Table table("attention.csv", {numericColumn("a", a), numericColumn("b", b), numericColumn("c", c),
                                        numericColumn("left", left), numericColumn("right", right)});
    ExperimentConfig config = testing::smallConfig();
    config.train.architecture = Architecture::Attention;
    config.train.epochs = 30;
    config.train.dropout = 0;
    config.train.learningRate = 0.01;
    const RoleAssignment roles =
        defaultRoles(table, {{"left", TaskType::Regression, "", 1.0}, {"right", TaskType::Regression, "", 1.0}}, {});
    const ExperimentResult result = runExperiment(table, roles, config);
    const InputMatrix inputs = result.model.preprocessor().transform(table, 1);
    const std::vector<Eigen::VectorXf> attention = result.model.featureAttention(inputs);
    QCOMPARE(attention.size(), std::size_t(2));
    QVERIFY(std::abs(attention[0].sum() - 1.0f) < 1e-4f);
    QVERIFY2(attention[0][0] > attention[0][1],
             qPrintable(QStringLiteral("%1 %2").arg(attention[0][0]).arg(attention[0][1])));
    QVERIFY2(attention[1][1] > attention[1][0],
             qPrintable(QStringLiteral("%1 %2").arg(attention[1][1]).arg(attention[1][0])));
}

void TestMultiTask::methodsRoundTripThroughTheModelFile()
{
    const Table table = testing::syntheticLoans(800, 14);
    ExperimentConfig config = testing::smallConfig();
    config.train.architecture = Architecture::PLE;
    config.train.weighting.method = WeightingMethod::Uncertainty;
    config.train.headHidden = 4;
    config.train.taskGraph = {{"default", "rate", 0.01}};
    config.train.epochs = 2;
    RoleAssignment roles = testing::threeTaskRoles(table);
    roles.tasks[0].imbalance.balancedClassWeights = true;
    roles.tasks[1].imbalance.focalGamma = 2;
    const ExperimentResult result = runExperiment(table, roles, config);
    const ModelFileContents loaded =
        parseModel(serializeModel({result.model, result.reports, result.history, result.warnings}), "memory");
    QCOMPARE(loaded.model.network().spec().architecture, Architecture::PLE);
    QCOMPARE(loaded.model.config().train.weighting.method, WeightingMethod::Uncertainty);
    QCOMPARE(loaded.model.config().train.taskGraph.size(), std::size_t(1));
    QVERIFY(loaded.model.tasks()[0].spec.imbalance.balancedClassWeights);
    QCOMPARE(loaded.model.tasks()[1].spec.imbalance.focalGamma, 2.0);
    const std::vector<Eigen::MatrixXf> before = result.model.predict(table), after = loaded.model.predict(table);
    for (std::size_t t = 0; t < before.size(); ++t)
        QVERIFY(before[t] == after[t]);
}

void TestMultiTask::balancedClassWeightsAndOversampling()
{
    TargetEncoding encoding{{"default", TaskType::Binary, "bad", 1.0}, {"good", "bad"}, 0, 1};
    encoding.spec.imbalance.balancedClassWeights = true;
    const std::vector<float> targets{0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
    std::vector<std::size_t> rows(10);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    // n / (classes * n_class): 10 / (2 * 8) and 10 / (2 * 2).
    QCOMPARE(classWeights(encoding, targets, rows), (std::vector<float>{0.625f, 2.5f}));
    encoding.spec.imbalance = {};
    encoding.spec.imbalance.classWeights = {{"bad", 4.0}};
    QCOMPARE(classWeights(encoding, targets, rows), (std::vector<float>{1.0f, 4.0f}));

    encoding.spec.imbalance = {};
    encoding.spec.imbalance.oversample = true;
    const std::vector<std::size_t> sampled = oversampleRows({encoding}, {targets}, rows, 1);
    QCOMPARE(sampled.size(), std::size_t(16));
    const auto positives =
        std::count_if(sampled.begin(), sampled.end(), [&](std::size_t r) { return targets[r] == 1; });
    QCOMPARE(positives, 8);
}

void TestMultiTask::focalLossTrains()
{
    const Table table = testing::syntheticLoans(3000, 15);
    ExperimentConfig config = testing::smallConfig();
    RoleAssignment roles = testing::threeTaskRoles(table);
    roles.tasks[0].imbalance.focalGamma = 2;
    roles.tasks[0].imbalance.oversample = true;
    const ExperimentResult result = runExperiment(table, roles, config);
    QVERIFY(result.report("test")->tasks[0].binary->auc > 0.8);
}

void TestMultiTask::compareRunsEveryCandidateOnEveryFold()
{
    const Table table = testing::syntheticLoans(1200, 16);
    ExperimentConfig base = testing::smallConfig();
    base.train.epochs = 3;
    ComparisonSpec spec;
    spec.folds = 3;
    spec.teacher = base;
    const std::vector<ComparisonCandidate> standard = standardCandidates(base);
    spec.candidates = {standard[0], standard[1], standard[2]};
    spec.candidates.push_back({"distilled-logistic", CandidateKind::Distilled, logisticConfig(base)});
    std::vector<std::string> progress;
    const ComparisonResult result = compareCandidates(table, testing::threeTaskRoles(table), spec,
                                                      [&](const std::string &line) { progress.push_back(line); });
    QCOMPARE(result.candidates.size(), std::size_t(4));
    QCOMPARE(progress.size(), std::size_t(12));
    // Two headline metrics per task, each with one value per fold for every candidate.
    QCOMPARE(result.metrics.size(), std::size_t(6));
    QCOMPARE(result.metrics[0].task, std::string("default"));
    QCOMPARE(result.metrics[0].metric, std::string("AUC"));
    for (const MetricSamples &metric : result.metrics) {
        for (const std::vector<double> &values : metric.values) {
            QCOMPARE(values.size(), std::size_t(3));
            for (const double value : values)
                QVERIFY(std::isfinite(value));
        }
    }
    // The logistic baseline is a linear model: a real but imperfect AUC on this nonlinear problem.
    QVERIFY(summarise(result.metrics[0].values[0]).mean > 0.75);
}

void TestMultiTask::distillationUsesTheTeachersPredictions()
{
    // A student trained on soft targets equal to a constant probability learns that constant.
    const Table table = testing::syntheticLoans(1500, 17);
    RoleAssignment single = defaultRoles(table, {{"default", TaskType::Binary, "bad", 1.0}}, {});
    ExperimentConfig config = logisticConfig(testing::smallConfig());
    const std::vector<float> constant(table.rowCount(), 0.25f);
    const DataSplit split = stratifiedSplit(table.rowCount(), {}, config.split);
    const ExperimentResult student = runExperimentOnSplit(table, single, config, split, nullptr, {constant});
    const Eigen::MatrixXf predictions = student.model.predict(table).front();
    QVERIFY2(std::abs(predictions.mean() - 0.25f) < 0.02f, qPrintable(QString::number(predictions.mean())));
    QVERIFY(predictions.maxCoeff() - predictions.minCoeff() < 0.1f);
}

void TestMultiTask::summariesAreSampleStatistics()
{
    const Summary summary = summarise({1, 2, 3, 4});
    QCOMPARE(summary.mean, 2.5);
    QVERIFY(std::abs(summary.standardDeviation - std::sqrt(5.0 / 3.0)) < 1e-12);
    const Summary difference = summariseDifference({3, 5}, {1, 2});
    QCOMPARE(difference.mean, 2.5);
    QVERIFY(std::abs(difference.standardDeviation - std::sqrt(0.5)) < 1e-12);
}

void TestMultiTask::savedConfigurationRoundTrips()
{
    RunConfiguration configuration;
    configuration.tasks = {{"default", TaskType::Binary, "bad", 2.0}, {"rate", TaskType::Regression, "", 0.5}};
    configuration.tasks[0].imbalance.classWeights = {{"bad", 3.0}};
    configuration.ignored = {"x3"};
    configuration.config.train.architecture = Architecture::MMoE;
    configuration.config.train.weighting.method = WeightingMethod::DWA;
    configuration.config.train.weighting.dwaTemperature = 3;
    configuration.config.train.seed = 123456789012345ull;
    const RunConfiguration loaded = parseRunConfiguration(serializeRunConfiguration(configuration), "run.json");
    QCOMPARE(loaded.tasks.size(), std::size_t(2));
    QCOMPARE(loaded.tasks[0].lambda, 2.0);
    QCOMPARE(loaded.tasks[0].imbalance.classWeights.at("bad"), 3.0);
    QCOMPARE(loaded.ignored, configuration.ignored);
    QCOMPARE(loaded.config.train.architecture, Architecture::MMoE);
    QCOMPARE(loaded.config.train.weighting.dwaTemperature, 3.0);
    QCOMPARE(loaded.config.train.seed, 123456789012345ull);
    QVERIFY_THROWS_EXCEPTION(DataError, parseRunConfiguration(QByteArrayView("{\"format\": \"other\"}"), "x.json"));
    // The early-stopping criterion and the refit mode travel too.
    configuration.config.train.earlyStopOn = "default:auc";
    configuration.config.train.refit = RefitMode::None;
    const RunConfiguration second = parseRunConfiguration(serializeRunConfiguration(configuration), "run.json");
    QCOMPARE(second.config.train.earlyStopOn, std::string("default:auc"));
    QCOMPARE(second.config.train.refit, RefitMode::None);
    configuration.config.train.refit = RefitMode::All;
    configuration.config.train.earlyStopOn.clear();
    const RunConfiguration third = parseRunConfiguration(serializeRunConfiguration(configuration), "run.json");
    QCOMPARE(third.config.train.refit, RefitMode::All);
    QCOMPARE(third.config.train.earlyStopOn, std::string());
}

void TestMultiTask::olderConfigurationsLoadWithoutRefit()
{
    // A configuration written before refit and early_stop_on existed: it loads, and repeats the run
    // it describes (early-stopped weights, the objective watched).
    RunConfiguration configuration;
    configuration.tasks = {{"default", TaskType::Binary, "bad", 1.0}};
    QJsonObject root = QJsonDocument::fromJson(serializeRunConfiguration(configuration)).object();
    QJsonObject config = root[QLatin1String("config")].toObject();
    QJsonObject train = config[QLatin1String("train")].toObject();
    QVERIFY(train.contains(QLatin1String("refit")));
    train.remove(QLatin1String("refit"));
    train.remove(QLatin1String("early_stop_on"));
    config[QLatin1String("train")] = train;
    root[QLatin1String("config")] = config;
    const RunConfiguration older = parseRunConfiguration(QJsonDocument(root).toJson(), "older.json");
    QCOMPARE(older.config.train.refit, RefitMode::None);
    QCOMPARE(older.config.train.earlyStopOn, std::string());
    // A damaged value is refused by its field.
    train[QLatin1String("refit")] = QLatin1String("sometimes");
    config[QLatin1String("train")] = train;
    root[QLatin1String("config")] = config;
    try {
        parseRunConfiguration(QJsonDocument(root).toJson(), "damaged.json");
        QFAIL("a damaged refit mode was accepted");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find("train.refit should be \"all\" or \"none\"") != std::string::npos,
                 error.what());
    }
}

void TestMultiTask::logisticReferenceTrainsByItsOwnRule()
{
    // The networks' epochs, patience, early-stopping criterion and refit do not reach the
    // logistic reference: two bases that differ in them give it the same training rule.
    ExperimentConfig shortNetwork = testing::smallConfig();
    shortNetwork.train.epochs = 7;
    shortNetwork.train.patience = 2;
    shortNetwork.train.learningRate = 1e-4;
    shortNetwork.train.earlyStopOn = "grade:accuracy";
    shortNetwork.train.refit = RefitMode::None;
    ExperimentConfig longNetwork = testing::smallConfig();
    longNetwork.train.epochs = 400;
    longNetwork.train.patience = 60;
    for (const ExperimentConfig &base : {shortNetwork, longNetwork}) {
        const TrainConfig logistic = logisticConfig(base).train;
        QVERIFY(logistic.hiddenLayers.empty());
        QCOMPARE(logistic.epochs, kLogisticEpochs);
        QCOMPARE(logistic.patience, kLogisticPatience);
        QCOMPARE(logistic.learningRate, kLogisticLearningRate);
        QVERIFY(logistic.earlyStopOn.empty());
        QCOMPARE(logistic.refit, RefitMode::All);
        // What it keeps of the base: the batch, the seed (and the L2 that compare then tunes).
        QCOMPARE(logistic.batchSize, base.train.batchSize);
        QCOMPARE(logistic.seed, base.train.seed);
    }
    // In the standard line-up the reference's penalty is chosen by inner cross-validation.
    const std::vector<ComparisonCandidate> standard = standardCandidates(shortNetwork);
    QCOMPARE(standard.front().label, kBaselineLabel);
    QVERIFY(standard.front().tunePenalty);
    QCOMPARE(standard.front().config.train.patience, kLogisticPatience);
}

void TestMultiTask::tunedBaselineChoosesItsPenaltyFromTheGrid()
{
    const Table table = testing::syntheticLoans(900, 21);
    const RoleAssignment single = defaultRoles(table, {{"default", TaskType::Binary, "bad", 1.0}}, {});
    ExperimentConfig config = logisticConfig(testing::smallConfig());
    config.train.epochs = 20;
    std::vector<std::size_t> rows(700);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    // A penalty of 100 crushes the weights towards 0 (and Adam's steps keep them jittering there):
    // a clearly worse ranking, so the inner folds must choose the weak penalty.
    const PenaltyChoice choice = choosePenalty(table, single, config, rows, {1e-4, 100.0}, 3);
    QCOMPARE(choice.meanScores.size(), std::size_t(2));
    QCOMPARE(choice.l2, 1e-4);
    QVERIFY2(
        choice.meanScores[0] > 0.75 && choice.meanScores[1] < choice.meanScores[0] - 0.03,
        qPrintable(QString::number(choice.meanScores[0]) + QLatin1Char(' ') + QString::number(choice.meanScores[1])));
    // The same choice for the same data and seed; the chosen value is always one of the grid's.
    QCOMPARE(choosePenalty(table, single, config, rows, {1e-4, 100.0}, 3).meanScores, choice.meanScores);
    const PenaltyChoice standard = choosePenalty(table, single, config, rows, kPenaltyGrid, 2);
    QVERIFY(std::find(kPenaltyGrid.begin(), kPenaltyGrid.end(), standard.l2) != kPenaltyGrid.end());
    const auto best = std::max_element(standard.meanScores.begin(), standard.meanScores.end());
    QCOMPARE(standard.l2, kPenaltyGrid[static_cast<std::size_t>(best - standard.meanScores.begin())]);
    // The standard line-up's logistic baseline tunes its penalty.
    QVERIFY(standardCandidates(testing::smallConfig())[0].tunePenalty);
}

void TestMultiTask::correctedIntervalMatchesScipy()
{
    // Quantiles from scipy 1.10 (stats.t.ppf).
    QVERIFY(std::abs(studentTQuantile(0.975, 4) - 2.7764451051977987) < 1e-10);
    QVERIFY(std::abs(studentTQuantile(0.975, 9) - 2.2621571627409915) < 1e-10);
    QVERIFY(std::abs(studentTQuantile(0.95, 2) - 2.919985580355516) < 1e-10);
    QVERIFY(std::abs(studentTQuantile(0.995, 29) - 2.756385903670335) < 1e-10);
    QVERIFY(std::abs(studentTQuantile(0.6, 1.5) - 0.30074539256979615) < 1e-10);
    QVERIFY(std::abs(studentTQuantile(0.025, 4) + 2.7764451051977987) < 1e-10);
    // By hand (and scipy): d = (0.01, 0, 0.02, -0.01, 0.02), mean 0.008, s^2 = 0.00017,
    // k = 5, n_test/n_train = 0.25: 0.008 -+ 2.7764451 * sqrt((1/5 + 0.25) * 0.00017)
    //   = [-0.01628397677063061, 0.03228397677063062].
    const std::vector<double> a{0.70, 0.68, 0.72, 0.69, 0.71}, b{0.69, 0.68, 0.70, 0.70, 0.69};
    const PairedInterval interval = correctedResampledInterval(a, b, 0.25, true);
    QVERIFY(std::abs(interval.mean - 0.008) < 1e-12);
    QVERIFY(std::abs(interval.lower + 0.01628397677063061) < 1e-10);
    QVERIFY(std::abs(interval.upper - 0.03228397677063062) < 1e-10);
    QCOMPARE(interval.verdict, Verdict::NoDetectableDifference);
    QCOMPARE(sharingVerdict(interval.verdict), std::string("sharing made no detectable difference"));
    // Without the correction (n_test/n_train = 0) the same differences are still inconclusive,
    // and a consistent gain is detected; for a lower-is-better metric the gain is a loss.
    const std::vector<double> better{0.71, 0.70, 0.73, 0.71, 0.72};
    QCOMPARE(correctedResampledInterval(better, b, 0.25, true).verdict, Verdict::Better);
    QCOMPARE(sharingVerdict(Verdict::Better), std::string("sharing helped"));
    QCOMPARE(correctedResampledInterval(better, b, 0.25, false).verdict, Verdict::Worse);
    QCOMPARE(sharingVerdict(Verdict::Worse), std::string("sharing hurt"));
    // The correction widens the interval: sqrt((1/k + r) / (1/k)) times the plain one.
    const PairedInterval plain = correctedResampledInterval(a, b, 0.0, true);
    QVERIFY(std::abs((interval.upper - interval.mean) / (plain.upper - plain.mean) - std::sqrt(0.45 / 0.2)) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(ConfigError, correctedResampledInterval({1.0}, {0.5}, 0.25, true));
}

void TestMultiTask::resultCarriesPairedIntervals()
{
    // The two references, a multi-task model, over the five repeats of the test above.
    ComparisonResult result;
    result.candidates = {kBaselineLabel, "mmoe", kSingleTaskLabel};
    const std::vector<double> logistic{0.68, 0.66, 0.71, 0.69, 0.70}, single{0.69, 0.68, 0.70, 0.70, 0.69},
        multi{0.70, 0.68, 0.72, 0.69, 0.71};
    MetricSamples auc;
    auc.task = "Class";
    auc.metric = "AUC";
    auc.values = {logistic, multi, single};
    result.metrics.push_back(auc);
    result.testToTrainRatio = 0.25;
    attachPairedIntervals(result);
    const MetricSamples &metric = result.metrics.front();
    QCOMPARE(metric.versusSingleTask.size(), std::size_t{3});
    QCOMPARE(metric.versusBaseline.size(), std::size_t{3});
    // Found by label wherever the references stand; none for the references' own rows.
    QVERIFY(!metric.versusSingleTask[0] && !metric.versusSingleTask[2]);
    QVERIFY(!metric.versusBaseline[0] && !metric.versusBaseline[2]);
    const PairedInterval toSingle = correctedResampledInterval(multi, single, 0.25, true);
    QVERIFY(metric.versusSingleTask[1].has_value());
    QCOMPARE(metric.versusSingleTask[1]->lower, toSingle.lower);
    QCOMPARE(metric.versusSingleTask[1]->upper, toSingle.upper);
    const PairedInterval toBaseline = correctedResampledInterval(multi, logistic, 0.25, true);
    QVERIFY(metric.versusBaseline[1].has_value());
    QCOMPARE(metric.versusBaseline[1]->mean, toBaseline.mean);
    QCOMPARE(metric.versusBaseline[1]->upper, toBaseline.upper);

    // A stored result (no n_test / n_train) and a single repeat get none; so does a reference
    // that was not compared.
    ComparisonResult stored = result;
    stored.testToTrainRatio = 0;
    attachPairedIntervals(stored);
    QVERIFY(!stored.metrics.front().versusSingleTask[1] && !stored.metrics.front().versusBaseline[1]);
    ComparisonResult once = result;
    for (std::vector<double> &values : once.metrics.front().values)
        values.resize(1);
    attachPairedIntervals(once);
    QVERIFY(!once.metrics.front().versusSingleTask[1]);
    ComparisonResult withoutSingle = result;
    withoutSingle.candidates[2] = "ple";
    attachPairedIntervals(withoutSingle);
    QVERIFY(!withoutSingle.metrics.front().versusSingleTask[1] && !withoutSingle.metrics.front().versusSingleTask[2]);
    QVERIFY(withoutSingle.metrics.front().versusBaseline[2].has_value());
}

QTEST_GUILESS_MAIN(TestMultiTask)
#include "tst_multitask.moc"
