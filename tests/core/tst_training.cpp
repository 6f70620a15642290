// The trainer and the experiment flow: learning, determinism, early stopping, cancellation.

#include "OlderModelFile.h"
#include "TestTables.h"
#include "common/Error.h"
#include "io/ModelFile.h"
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
    void divergenceSaysWhereAndWhatToDo();
    void heldOutRowsOutsideTheTrainingRangeAreClippedWithANote();
    void evaluationReportsClippedInputsAndUnseenLabels();
    void trainingRangesAreSavedAndOlderFilesLoadUnclipped();
    void adamTakesTheTextbookStep();
    void learnsAllThreeTasks();
    void sameSeedGivesSameWeightsWhateverTheThreadCount();
    void differentSeedGivesDifferentWeights();
    void earlyStoppingKeepsTheBestEpoch();
    void refitTrainsOnAllTrainingRowsForTheChosenEpochs();
    void earlyStoppingCanWatchOneTasksMetric();
    void earlyStopCriterionIsCheckedAgainstTheTasks();
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

// A large learning rate on few rows overfits quickly, so validation loss turns up: early stopping
// triggers well before the last epoch.
static ExperimentConfig overfittingConfig()
{
    ExperimentConfig config = testing::smallConfig();
    config.train.hiddenLayers = {64, 64};
    config.train.dropout = 0;
    config.train.learningRate = 0.03;
    config.train.epochs = 60;
    config.train.patience = 3;
    return config;
}

void TestTraining::earlyStoppingKeepsTheBestEpoch()
{
    const Table table = testing::syntheticLoans(600, 4);
    ExperimentConfig config = overfittingConfig();
    config.train.refit = RefitMode::None;
    const ExperimentResult result = runExperiment(table, testing::threeTaskRoles(table), config);
    const auto &epochs = result.history.epochs;
    QVERIFY2(epochs.size() < 60, "early stopping never triggered");
    QCOMPARE(result.history.refitEpochs, 0);
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

void TestTraining::refitTrainsOnAllTrainingRowsForTheChosenEpochs()
{
    const Table table = testing::syntheticLoans(600, 4);
    const RoleAssignment roles = testing::threeTaskRoles(table);
    ExperimentConfig config = overfittingConfig();
    config.train.refit = RefitMode::All;
    const ExperimentResult refitted = runExperiment(table, roles, config);
    QVERIFY2(refitted.history.epochs.size() < 60, "early stopping never triggered");
    QVERIFY(refitted.history.bestEpoch > 0);
    // The final training ran exactly the epochs early stopping chose, on training + validation rows.
    QCOMPARE(refitted.history.refitEpochs, refitted.history.bestEpoch);
    const std::size_t learnt = refitted.split.train.size() + refitted.split.validation.size();
    QCOMPARE(refitted.history.refitRows, learnt);
    QVERIFY(refitted.history.stopReason.find("refit on all " + std::to_string(learnt)) != std::string::npos);
    // The validation rows are training rows to the refitted model: reported within "train".
    QVERIFY(refitted.report("validation") == nullptr);
    QCOMPARE(refitted.report("train")->tasks[0].count, static_cast<std::int64_t>(learnt));
    QVERIFY(refitted.report("test") != nullptr);

    // Deterministic for a seed, and a different model from the early-stopped one.
    const ExperimentResult again = runExperiment(table, roles, config);
    QVERIFY(refitted.model.parameters() == again.model.parameters());
    config.train.refit = RefitMode::None;
    const ExperimentResult kept = runExperiment(table, roles, config);
    QCOMPARE(kept.history.bestEpoch, refitted.history.bestEpoch);
    QVERIFY(kept.model.parameters() != refitted.model.parameters());
    QVERIFY(kept.report("validation") != nullptr);
    // The configuration travels with the model file.
    QCOMPARE(refitted.model.config().train.refit, RefitMode::All);
}

void TestTraining::earlyStoppingCanWatchOneTasksMetric()
{
    const Table table = testing::syntheticLoans(600, 4);
    ExperimentConfig config = overfittingConfig();
    config.train.refit = RefitMode::None;
    config.train.patience = 4;
    for (const std::string criterion : {"default:auc", "rate:rmse", "grade:loss"}) {
        config.train.earlyStopOn = criterion;
        const ExperimentResult result = runExperiment(table, testing::threeTaskRoles(table), config);
        const auto &epochs = result.history.epochs;
        const std::size_t task = criterion[0] == 'd' ? 0 : criterion[0] == 'g' ? 1 : 2;
        // The kept epoch is the first best of the watched figure, and training stopped `patience`
        // epochs later (or at the last epoch).
        const auto value = [&](const EpochRecord &record) {
            return criterion == "default:auc" ? -record.tasks[task].validationMetric
                   : criterion == "rate:rmse" ? record.tasks[task].validationMetric
                                              : record.tasks[task].validationLoss;
        };
        const auto best =
            std::min_element(epochs.begin(), epochs.end(),
                             [&](const EpochRecord &a, const EpochRecord &b) { return value(a) < value(b); });
        QCOMPARE(result.history.bestEpoch, best->epoch);
        QVERIFY(static_cast<int>(epochs.size()) == best->epoch + config.train.patience ||
                static_cast<int>(epochs.size()) == config.train.epochs);
    }
    // The objective picks a different epoch than the default task's AUC on this data.
    config.train.earlyStopOn = "default:auc";
    const int onAuc = runExperiment(table, testing::threeTaskRoles(table), config).history.bestEpoch;
    config.train.earlyStopOn.clear();
    const int onObjective = runExperiment(table, testing::threeTaskRoles(table), config).history.bestEpoch;
    QVERIFY(onAuc != onObjective);
}

void TestTraining::earlyStopCriterionIsCheckedAgainstTheTasks()
{
    const std::vector<std::string> names{"Class", "grade"};
    const std::vector<TaskType> types{TaskType::Binary, TaskType::Multiclass};
    QVERIFY(!parseEarlyStopCriterion("", names, types));
    QVERIFY(!parseEarlyStopCriterion("objective", names, types));
    const auto grade = parseEarlyStopCriterion("grade:accuracy", names, types);
    QVERIFY(grade && grade->task == 1 && grade->higherIsBetter);
    const auto loss = parseEarlyStopCriterion("Class:loss", names, types);
    QVERIFY(loss && loss->task == 0 && loss->measure == EarlyStopCriterion::Measure::Loss && !loss->higherIsBetter);
    const auto refusal = [&](const std::string &text) {
        try {
            parseEarlyStopCriterion(text, names, types);
        } catch (const ConfigError &error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    // A task that does not exist: the message lists what would be accepted.
    QVERIFY(refusal("income:auc").find("Class:auc or Class:loss, grade:accuracy or grade:loss") != std::string::npos);
    QVERIFY(refusal("Class").find("expected objective or TASK:METRIC") != std::string::npos);
    // A metric of another task type.
    QVERIFY(refusal("Class:rmse").find("\"Class\" is binary, whose metrics are auc and loss") != std::string::npos);
    QCOMPARE(refitFromString("all"), RefitMode::All);
    QCOMPARE(refitFromString("none"), RefitMode::None);
    QVERIFY_THROWS_EXCEPTION(ConfigError, refitFromString("some"));
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

void TestTraining::divergenceSaysWhereAndWhatToDo()
{
    // An absurd learning rate makes the weights overflow in the first epoch.
    const Table table = testing::syntheticLoans(300, 12);
    ExperimentConfig config = testing::smallConfig();
    config.train.learningRate = 1e38;
    try {
        runExperiment(table, testing::threeTaskRoles(table), config);
        QFAIL("training with a learning rate of 1e38 did not diverge");
    } catch (const ConfigError &error) {
        const std::string message = error.what();
        for (const char *words : {"training diverged at epoch 1", "NaN", "lower the learning rate (--lr)",
                                  "extreme values, such as column \"", "standard deviations"})
            QVERIFY2(message.find(words) != std::string::npos, message.c_str());
        QVERIFY2(message.find("binaryMetrics") == std::string::npos, message.c_str());
    }
}

void TestTraining::heldOutRowsOutsideTheTrainingRangeAreClippedWithANote()
{
    Table table = testing::syntheticLoans(400, 13);
    Column &x1 = table.column(static_cast<std::size_t>(table.indexOf("x1")));
    DataSplit split;
    for (std::size_t row = 0; row < table.rowCount(); ++row)
        (row < 300 ? split.train : split.test).push_back(row);
    x1.values[350] = 31405; // a held-out row far beyond the training range [-1, 1]
    const ExperimentResult result =
        runExperimentOnSplit(table, testing::threeTaskRoles(table), testing::smallConfig(), split);
    const auto note = std::find_if(result.warnings.begin(), result.warnings.end(), [](const std::string &warning) {
        return warning.find("clipped 1 cell of column x1") != std::string::npos;
    });
    QVERIFY(note != result.warnings.end());
    QVERIFY2(note->find("data row 351") != std::string::npos, note->c_str());
    const NumericStep &step = result.model.preprocessor().numeric.at(0);
    QCOMPARE(step.column, std::string("x1"));
    QVERIFY(step.highest <= 1.0f && step.lowest >= -1.0f);
}

void TestTraining::evaluationReportsClippedInputsAndUnseenLabels()
{
    const Table train = testing::syntheticLoans(400, 14);
    const ExperimentResult result = runExperiment(train, testing::threeTaskRoles(train), testing::smallConfig());
    Table later = testing::syntheticLoans(50, 15);
    later.column(static_cast<std::size_t>(later.indexOf("x2"))).values[4] = -5000;
    Column &grade = later.column(static_cast<std::size_t>(later.indexOf("grade")));
    grade.levels.push_back("Z");
    grade.codes[7] = grade.codes[9] = static_cast<std::int32_t>(grade.levels.size() - 1);
    const EvaluationReport before = evaluateModel(result.model, testing::syntheticLoans(50, 15), "test", 1);
    const EvaluationReport report = evaluateModel(result.model, later, "test", 1);
    // The two rows of the unseen class are left out, counted and named; the others are as before.
    QCOMPARE(report.tasks[1].count, before.tasks[1].count - 2);
    QCOMPARE(report.tasks[1].unseen.size(), std::size_t{1});
    QCOMPARE(report.tasks[1].unseen[0].rows, std::int64_t{2});
    QCOMPARE(report.notes.size(), std::size_t{2});
    QVERIFY2(report.notes[0].find("clipped 1 cell of column x2") != std::string::npos, report.notes[0].c_str());
    QVERIFY2(report.notes[1].find("task \"grade\": 2 labelled rows") != std::string::npos &&
                 report.notes[1].find("\"Z\" (2 rows)") != std::string::npos &&
                 report.notes[1].find("data row 8") != std::string::npos,
             report.notes[1].c_str());
    QVERIFY(before.notes.empty());
}

void TestTraining::trainingRangesAreSavedAndOlderFilesLoadUnclipped()
{
    const Table train = testing::syntheticLoans(300, 16);
    const ExperimentResult result = runExperiment(train, testing::threeTaskRoles(train), testing::smallConfig());
    const QByteArray bytes = serializeModel({result.model, result.reports, result.history, result.warnings});
    const MultiTaskModel loaded = parseModel(bytes, "m.cmtl").model;
    QVERIFY(loaded.preprocessor().hasTrainingRanges);
    for (std::size_t i = 0; i < loaded.preprocessor().numeric.size(); ++i) {
        QCOMPARE(loaded.preprocessor().numeric[i].lowest, result.model.preprocessor().numeric[i].lowest);
        QCOMPARE(loaded.preprocessor().numeric[i].highest, result.model.preprocessor().numeric[i].highest);
    }

    // The same file as an older version wrote it: no "lowest"/"highest" in the numeric steps.
    const QByteArray older = testing::withoutTrainingRanges(bytes);
    const ModelFileContents olderContents = parseModel(older, "old.cmtl");
    const MultiTaskModel &olderModel = olderContents.model;
    QVERIFY(!olderModel.preprocessor().hasTrainingRanges);
    // Saved again (e.g. inside a project), it reads back as it was: still without ranges.
    QVERIFY(!parseModel(serializeModel(olderContents), "old-resaved.cmtl").model.preprocessor().hasTrainingRanges);
    QVERIFY(std::isinf(olderModel.preprocessor().numeric.at(0).highest));
    Table far = testing::syntheticLoans(20, 17);
    far.column(static_cast<std::size_t>(far.indexOf("x1"))).values[0] = 1e6f;
    TransformNotes notes;
    olderModel.predict(far, 1, &notes);
    QVERIFY(notes.rangesUnknown && notes.clipped.empty());
    TransformNotes current;
    loaded.predict(far, 1, &current);
    QVERIFY(!current.rangesUnknown);
    QVERIFY(std::any_of(current.clipped.begin(), current.clipped.end(), [](const ClippedColumn &column) {
        return column.column == "x1" && column.firstRow == 0 && column.firstValue == 1e6f;
    }));
}

QTEST_APPLESS_MAIN(TestTraining)
#include "tst_training.moc"
