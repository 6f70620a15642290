// The trainer and the experiment flow: learning, determinism, early stopping, cancellation.

#include "TestTables.h"
#include "common/Error.h"
#include "nn/Adam.h"
#include "train/Experiment.h"

#include <QTest>

using namespace cmtl;

namespace {

// Counts epochs and can ask for a stop or cancel at a given point.
class Recorder : public TrainingCallback {
public:
    std::vector<EpochRecord> records;
    int cancelAtEpoch = 0;
    CancellationToken *token = nullptr;

    bool endEpoch(const EpochRecord &record) override
    {
        records.push_back(record);
        if (token && record.epoch == cancelAtEpoch)
            token->cancel();
        return false;
    }
};

} // namespace

class TestTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void adamTakesTheTextbookStep();
    void learnsAllThreeTasks();
    void sameSeedGivesSameWeightsWhateverTheThreadCount();
    void differentSeedGivesDifferentWeights();
    void earlyStoppingKeepsTheBestEpoch();
    void cancellationStopsWithinAnEpoch();
    void splitIsStratifiedAndDisjoint();
    void outOfTimeTestTable();
    void refusesBadConfigurations();
};

void TestTraining::adamTakesTheTextbookStep()
{
    // First step of Adam: m = (1-b1) g, v = (1-b2) g^2, bias-corrected m/(sqrt(v)+eps) = g/|g|,
    // so every parameter moves by the learning rate against its gradient's sign.
    Adam adam(3, {0.1, 0.9, 0.999, 1e-8});
    Eigen::VectorXf parameters(3), gradient(3);
    parameters << 1, 2, 3;
    gradient << 0.5, -4, 0;
    adam.step(parameters, gradient);
    QVERIFY(std::abs(parameters[0] - 0.9f) < 1e-6f);
    QVERIFY(std::abs(parameters[1] - 2.1f) < 1e-6f);
    QCOMPARE(parameters[2], 3.0f);
    // Second step with the same gradient: still lr * g / |g| after bias correction.
    adam.step(parameters, gradient);
    QVERIFY(std::abs(parameters[0] - 0.8f) < 1e-5f);
}

void TestTraining::learnsAllThreeTasks()
{
    const Table table = testing::syntheticLoans(4000, 1);
    const ExperimentResult result = runExperiment(table, testing::threeTaskRoles(table), testing::smallConfig());
    const EvaluationReport *test = result.report("test");
    QVERIFY(test);
    QCOMPARE(test->tasks.size(), std::size_t(3));
    // The latent risk drives every task: a working network beats chance by a wide margin.
    QVERIFY2(test->tasks[0].binary->auc > 0.8, qPrintable(QString::number(test->tasks[0].binary->auc)));
    QVERIFY2(test->tasks[1].multiclass->accuracy > 0.7,
             qPrintable(QString::number(test->tasks[1].multiclass->accuracy)));
    QVERIFY2(test->tasks[2].regression->r2 > 0.8, qPrintable(QString::number(test->tasks[2].regression->r2)));
    // Each test row is counted once and the parts cover the table.
    QCOMPARE(result.split.train.size() + result.split.validation.size() + result.split.test.size(), table.rowCount());
    QCOMPARE(test->tasks[0].count, static_cast<std::int64_t>(result.split.test.size()));
    // Per-epoch metrics on the validation rows and on the training rows.
    const TaskEpochStats &last = result.history.epochs.back().tasks[0];
    QVERIFY(last.trainMetric > 0.8 && last.validationMetric > 0.8);
    QVERIFY(std::isfinite(result.history.epochs.back().tasks[2].trainMetric));
    // The loss went down.
    QVERIFY(result.history.epochs.back().trainObjective < result.history.epochs.front().trainObjective);
}

void TestTraining::sameSeedGivesSameWeightsWhateverTheThreadCount()
{
    const Table table = testing::syntheticLoans(1500, 2);
    ExperimentConfig config = testing::smallConfig();
    config.train.epochs = 3;
    config.train.threads = 1;
    const ExperimentResult first = runExperiment(table, testing::threeTaskRoles(table), config);
    const ExperimentResult again = runExperiment(table, testing::threeTaskRoles(table), config);
    config.train.threads = 2;
    const ExperimentResult twoThreads = runExperiment(table, testing::threeTaskRoles(table), config);
    QVERIFY(first.model.parameters().size() > 0);
    QVERIFY(first.model.parameters() == again.model.parameters());
    QVERIFY(first.model.parameters() == twoThreads.model.parameters());
    QCOMPARE(first.history.epochs.back().trainObjective, twoThreads.history.epochs.back().trainObjective);
}

void TestTraining::differentSeedGivesDifferentWeights()
{
    const Table table = testing::syntheticLoans(800, 3);
    ExperimentConfig config = testing::smallConfig();
    config.train.epochs = 1;
    const ExperimentResult first = runExperiment(table, testing::threeTaskRoles(table), config);
    config.train.seed = 6;
    const ExperimentResult second = runExperiment(table, testing::threeTaskRoles(table), config);
    QVERIFY(first.model.parameters() != second.model.parameters());
}

void TestTraining::earlyStoppingKeepsTheBestEpoch()
{
    // A large learning rate on few rows overfits quickly, so validation loss turns up.
    const Table table = testing::syntheticLoans(600, 4);
    ExperimentConfig config = testing::smallConfig();
    config.train.hiddenLayers = {64, 64};
    config.train.dropout = 0;
    config.train.learningRate = 0.03;
    config.train.epochs = 60;
    config.train.patience = 3;
    const ExperimentResult result = runExperiment(table, testing::threeTaskRoles(table), config);
    const auto &epochs = result.history.epochs;
    QVERIFY2(epochs.size() < 60, "early stopping never triggered");
    // The kept epoch has the lowest validation objective, and the run ended `patience` later.
    const auto best = std::min_element(epochs.begin(), epochs.end(), [](const EpochRecord &a, const EpochRecord &b) {
        return a.validationObjective < b.validationObjective;
    });
    QCOMPARE(result.history.bestEpoch, best->epoch);
    QCOMPARE(static_cast<int>(epochs.size()), best->epoch + config.train.patience);
    // The model holds the best epoch's weights: its validation loss is the best one recorded.
    const EvaluationReport *validation = result.report("validation");
    QVERIFY(validation);
    const double loss = validation->tasks[0].binary->logLoss;
    QVERIFY(std::isfinite(loss));
}

void TestTraining::cancellationStopsWithinAnEpoch()
{
    const Table table = testing::syntheticLoans(2000, 5);
    CancellationToken token;
    Recorder recorder;
    recorder.token = &token;
    recorder.cancelAtEpoch = 2;
    ExperimentConfig config = testing::smallConfig();
    config.train.epochs = 50;
    config.train.patience = 0;
    QVERIFY_THROWS_EXCEPTION(
        Cancelled, runExperiment(table, testing::threeTaskRoles(table), config, nullptr, {&recorder}, &token));
    QCOMPARE(recorder.records.size(), std::size_t(2));
}

void TestTraining::splitIsStratifiedAndDisjoint()
{
    std::vector<float> labels(1000, 0.0f);
    for (std::size_t i = 0; i < labels.size(); i += 20)
        labels[i] = 1.0f; // 5% positives, like the Lending Club sample
    const DataSplit split = stratifiedSplit(labels.size(), labels, {0.7, 0.1, 9});
    QCOMPARE(split.train.size(), std::size_t(700));
    QCOMPARE(split.validation.size(), std::size_t(100));
    QCOMPARE(split.test.size(), std::size_t(200));
    const auto positives = [&](const std::vector<std::size_t> &rows) {
        return std::count_if(rows.begin(), rows.end(), [&](std::size_t r) { return labels[r] == 1.0f; });
    };
    QCOMPARE(positives(split.train), 35);
    QCOMPARE(positives(split.validation), 5);
    QCOMPARE(positives(split.test), 10);
    std::vector<std::size_t> all = split.train;
    all.insert(all.end(), split.validation.begin(), split.validation.end());
    all.insert(all.end(), split.test.begin(), split.test.end());
    std::sort(all.begin(), all.end());
    QVERIFY(std::adjacent_find(all.begin(), all.end()) == all.end());
    // Same seed, same split; another seed, another.
    QVERIFY(stratifiedSplit(labels.size(), labels, {0.7, 0.1, 9}).test == split.test);
    QVERIFY(stratifiedSplit(labels.size(), labels, {0.7, 0.1, 10}).test != split.test);
}

void TestTraining::outOfTimeTestTable()
{
    const Table train = testing::syntheticLoans(1500, 6);
    const Table later = testing::syntheticLoans(500, 7);
    const ExperimentResult result =
        runExperiment(train, testing::threeTaskRoles(train), testing::smallConfig(), &later);
    QVERIFY(result.split.test.empty());
    const EvaluationReport *test = result.report("test");
    QVERIFY(test);
    QCOMPARE(test->source, later.source());
    QCOMPARE(test->tasks[0].count, std::int64_t(500));
}

void TestTraining::refusesBadConfigurations()
{
    const Table table = testing::syntheticLoans(200, 8);
    QVERIFY_THROWS_EXCEPTION(ConfigError, runExperiment(table, defaultRoles(table, {}, {}), testing::smallConfig()));
    RoleAssignment textRegression = defaultRoles(table, {{"region", TaskType::Regression, "", 1.0}}, {});
    QVERIFY_THROWS_EXCEPTION(ConfigError, runExperiment(table, textRegression, testing::smallConfig()));
    RoleAssignment absentClass = defaultRoles(table, {{"default", TaskType::Binary, "ugly", 1.0}}, {});
    QVERIFY_THROWS_EXCEPTION(ConfigError, runExperiment(table, absentClass, testing::smallConfig()));
    RoleAssignment taskAsFeature = testing::threeTaskRoles(table);
    taskAsFeature.features.push_back("rate");
    QVERIFY_THROWS_EXCEPTION(ConfigError, runExperiment(table, taskAsFeature, testing::smallConfig()));
}

QTEST_APPLESS_MAIN(TestTraining)
#include "tst_training.moc"
