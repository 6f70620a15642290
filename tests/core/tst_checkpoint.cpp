// Checkpoints (train/Checkpoint.h): the file format, and runs stopped after a checkpoint and
// resumed from it, which must end with the weights of a run never interrupted, bit for bit.

#include "TestTables.h"
#include "common/Error.h"
#include "train/Checkpoint.h"
#include "train/Experiment.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace cmtl;

namespace {

// Few rows and a large learning rate: early stopping triggers well before the last epoch, so the
// refit on all training rows runs too.
ExperimentConfig stoppingConfig(WeightingMethod method)
{
    ExperimentConfig config = testing::smallConfig();
    config.train.hiddenLayers = {24, 12};
    config.train.dropout = 0.1; // dropout masks, drawn per epoch and batch, must come back alike
    config.train.learningRate = 0.03;
    config.train.epochs = 40;
    config.train.patience = 3;
    config.train.refit = RefitMode::All;
    config.train.weighting.method = method;
    return config;
}

struct Interrupted {
    int checkpointsWritten = 0;
    bool cancelled = false;
};

// Runs with a checkpoint every epoch, cancelled (as a process killed) right after the checkpoint
// `stopAfter` is written; 0 = never. Returns how many checkpoints were written.
Interrupted runUntil(const Table &table, const RoleAssignment &roles, const ExperimentConfig &config,
                     const std::string &path, int stopAfter, bool resume, ExperimentResult *result)
{
    Interrupted interrupted;
    CancellationToken cancel;
    CheckpointSettings settings;
    settings.path = path;
    settings.every = 1;
    settings.fingerprint = {{"test", "checkpoint"}};
    if (resume) {
        settings.resume = loadCheckpoint(path);
        settings.resumeSource = path;
    }
    settings.written = [&] {
        if (++interrupted.checkpointsWritten == stopAfter)
            cancel.cancel();
    };
    try {
        *result = runExperiment(table, roles, config, nullptr, {}, &cancel, &settings);
    } catch (const Cancelled &) {
        interrupted.cancelled = true;
    }
    return interrupted;
}

TrainingCheckpoint sampleCheckpoint()
{
    TrainingCheckpoint checkpoint;
    checkpoint.fingerprint = {{"train.epochs", "6"}, {"data bytes", "1234"}};
    checkpoint.member = 1;
    checkpoint.refit = true;
    checkpoint.trainer.epoch = 3;
    checkpoint.trainer.parameters = Eigen::VectorXf::LinSpaced(7, -1.5f, 2.25f);
    checkpoint.trainer.optimiser = {Eigen::VectorXf::Constant(7, 0.125f), Eigen::VectorXf::Constant(7, 1e-7f), 42};
    checkpoint.trainer.weighting = {0.5, 1.5, std::nan("")};
    checkpoint.trainer.previousEpochLosses = {0.25, kNotMeasured};
    checkpoint.trainer.bestValue = 0.75;
    checkpoint.trainer.bestParameters = Eigen::VectorXf::Constant(7, 3.0f);
    checkpoint.trainer.earlyStopBest = 0.75;
    checkpoint.trainer.epochsWithoutImprovement = 2;
    EpochRecord record;
    record.epoch = 1;
    record.trainObjective = 1.0 / 3.0;
    record.tasks = {{0.1, 0.2, kNotMeasured, 0.4}};
    record.lambdas = {1.0};
    checkpoint.trainer.history.epochs = {record};
    checkpoint.trainer.history.stopReason = "completed 1 epochs";
    checkpoint.finishedMembers = {Eigen::VectorXf::Constant(7, -2.0f)};
    checkpoint.firstMemberHistory.bestEpoch = 5;
    checkpoint.firstMemberHistory.refitEpochs = 5;
    checkpoint.firstMemberHistory.refitRows = 900;
    checkpoint.earlyStoppingHistory.bestEpoch = 3;
    return checkpoint;
}

// The same numbers bit for bit (NaN equal to NaN).
bool sameBits(const std::vector<double> &a, const std::vector<double> &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryField();
    void refusesDamagedFilesNamingThem();
    void refusesAnotherRunSayingWhatDiffers();
    void resumedRunEqualsUninterrupted_data();
    void resumedRunEqualsUninterrupted();
    void resumedEnsembleEqualsUninterrupted();
};

void TestCheckpoint::roundTripsEveryField()
{
    const TrainingCheckpoint saved = sampleCheckpoint();
    const TrainingCheckpoint read = parseCheckpoint(serializeCheckpoint(saved), "run.checkpoint");
    QVERIFY(read.fingerprint == saved.fingerprint);
    QCOMPARE(read.member, 1);
    QVERIFY(read.refit);
    QCOMPARE(read.trainer.epoch, 3);
    QVERIFY(read.trainer.parameters == saved.trainer.parameters);
    QVERIFY(read.trainer.optimiser.firstMoment == saved.trainer.optimiser.firstMoment);
    QVERIFY(read.trainer.optimiser.secondMoment == saved.trainer.optimiser.secondMoment);
    QCOMPARE(read.trainer.optimiser.step, 42LL);
    QVERIFY(sameBits(read.trainer.weighting, saved.trainer.weighting));
    QVERIFY(sameBits(read.trainer.previousEpochLosses, saved.trainer.previousEpochLosses));
    QCOMPARE(read.trainer.bestValue, 0.75);
    QVERIFY(read.trainer.bestParameters == saved.trainer.bestParameters);
    QCOMPARE(read.trainer.epochsWithoutImprovement, 2);
    QCOMPARE(read.trainer.history.epochs.size(), std::size_t(1));
    QCOMPARE(read.trainer.history.epochs[0].trainObjective, 1.0 / 3.0);
    QCOMPARE(read.trainer.history.epochs[0].tasks[0].trainMetric, 0.4);
    QVERIFY(std::isnan(read.trainer.history.epochs[0].tasks[0].validationMetric));
    QCOMPARE(read.trainer.history.stopReason, std::string("completed 1 epochs"));
    QCOMPARE(read.finishedMembers.size(), std::size_t(1));
    QVERIFY(read.finishedMembers[0] == saved.finishedMembers[0]);
    QCOMPARE(read.firstMemberHistory.refitRows, std::size_t(900));
    QCOMPARE(read.earlyStoppingHistory.bestEpoch, 3);
    // Written and read through a file too.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("run.checkpoint")).toStdString();
    saveCheckpoint(path, saved);
    QVERIFY(loadCheckpoint(path).trainer.parameters == saved.trainer.parameters);
}

void TestCheckpoint::refusesDamagedFilesNamingThem()
{
    const QByteArray bytes = serializeCheckpoint(sampleCheckpoint());
    const auto refusal = [](const QByteArray &damaged) -> std::string {
        try {
            parseCheckpoint(damaged, "run.checkpoint");
        } catch (const DataError &error) {
            return error.what();
        }
        return "accepted";
    };
    const std::string truncated = refusal(bytes.left(bytes.size() / 2));
    QVERIFY2(truncated.find("run.checkpoint") != std::string::npos, truncated.c_str());
    QVERIFY2(truncated.find("checkpoint file") != std::string::npos, truncated.c_str());
    QByteArray model = bytes;
    model.replace(0, 20, "CreditMTL-model     ");
    const std::string otherFormat = refusal(model);
    QVERIFY2(otherFormat.find("run.checkpoint") != std::string::npos && otherFormat != "accepted", otherFormat.c_str());
    QByteArray newer = bytes;
    newer.replace(0, 22, "CreditMTL-checkpoint 2");
    const std::string version = refusal(newer);
    QVERIFY2(version.find("version 2") != std::string::npos && version.find("newer") != std::string::npos,
             version.c_str());
    QByteArray edited = bytes;
    edited[edited.size() - 100] = static_cast<char>(edited[edited.size() - 100] ^ 1);
    const std::string checksum = refusal(edited);
    QVERIFY2(checksum.find("run.checkpoint") != std::string::npos && checksum != "accepted", checksum.c_str());
}

void TestCheckpoint::refusesAnotherRunSayingWhatDiffers()
{
    const RunFingerprint saved{{"train.epochs", "6"}, {"training rows", "600"}};
    checkFingerprint(saved, saved, "run.checkpoint");
    try {
        checkFingerprint(saved, {{"train.epochs", "8"}, {"training rows", "600"}, {"ranks", "2"}}, "run.checkpoint");
        QFAIL("another run's checkpoint was accepted");
    } catch (const ConfigError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find("run.checkpoint") != std::string::npos, message.c_str());
        QVERIFY2(message.find("train.epochs is 6 in the checkpoint and 8 now") != std::string::npos, message.c_str());
        QVERIFY2(message.find("ranks is not in the checkpoint") != std::string::npos, message.c_str());
        QVERIFY2(message.find("training rows") == std::string::npos, message.c_str());
    }

    // A run on other data: its rows and preprocessing differ from the checkpoint's.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("run.checkpoint")).toStdString();
    const Table table = testing::syntheticLoans(600, 4);
    const ExperimentConfig config = stoppingConfig(WeightingMethod::Fixed);
    ExperimentResult result;
    QVERIFY(runUntil(table, testing::threeTaskRoles(table), config, path, 2, false, &result).cancelled);
    const Table other = testing::syntheticLoans(700, 4);
    try {
        runUntil(other, testing::threeTaskRoles(other), config, path, 0, true, &result);
        QFAIL("a checkpoint of other data was resumed");
    } catch (const ConfigError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find(path) != std::string::npos, message.c_str());
        QVERIFY2(message.find("training rows is") != std::string::npos, message.c_str());
        QVERIFY2(message.find("preprocessing digest is") != std::string::npos, message.c_str());
    }
}

void TestCheckpoint::resumedRunEqualsUninterrupted_data()
{
    QTest::addColumn<WeightingMethod>("method");
    for (const WeightingMethod method : {WeightingMethod::Fixed, WeightingMethod::Uncertainty, WeightingMethod::DWA,
                                         WeightingMethod::GradNorm, WeightingMethod::PCGrad})
        QTest::newRow(toString(method)) << method;
}

void TestCheckpoint::resumedRunEqualsUninterrupted()
{
    QFETCH(WeightingMethod, method);
    const Table table = testing::syntheticLoans(600, 4);
    const RoleAssignment roles = testing::threeTaskRoles(table);
    const ExperimentConfig config = stoppingConfig(method);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("run.checkpoint")).toStdString();

    ExperimentResult uninterrupted;
    const int checkpoints = runUntil(table, roles, config, path, 0, false, &uninterrupted).checkpointsWritten;
    QVERIFY2(uninterrupted.history.epochs.size() < 40, "early stopping never triggered");
    QVERIFY(uninterrupted.history.refitEpochs > 1);
    // One per epoch of each phase but its last, and one as the refit starts.
    QCOMPARE(checkpoints,
             static_cast<int>(uninterrupted.history.epochs.size()) - 1 + 1 + uninterrupted.history.refitEpochs - 1);

    // Stopped after a checkpoint (during early stopping's training, as the refit starts, during
    // and at the end of the refit), and resumed: the same weights and history. (Each checkpoint
    // is flushed to disk: every one of them would take long.)
    const int refitStarts = static_cast<int>(uninterrupted.history.epochs.size());
    bool refitResumed = false;
    for (const int stopAfter : {1, 2, refitStarts / 2, refitStarts - 1, refitStarts, refitStarts + 1, checkpoints}) {
        ExperimentResult ignored;
        QVERIFY(runUntil(table, roles, config, path, stopAfter, false, &ignored).cancelled);
        refitResumed = refitResumed || loadCheckpoint(path).refit;
        ExperimentResult resumed;
        QVERIFY(!runUntil(table, roles, config, path, 0, true, &resumed).cancelled);
        QVERIFY2(resumed.model.parameters() == uninterrupted.model.parameters(),
                 ("checkpoint " + std::to_string(stopAfter)).c_str());
        QCOMPARE(resumed.history.bestEpoch, uninterrupted.history.bestEpoch);
        QCOMPARE(resumed.history.epochs.size(), uninterrupted.history.epochs.size());
        QCOMPARE(resumed.history.epochs.back().validationObjective,
                 uninterrupted.history.epochs.back().validationObjective);
        QCOMPARE(resumed.history.stopReason, uninterrupted.history.stopReason);
        QCOMPARE(resumed.report("test")->tasks[0].binary->auc, uninterrupted.report("test")->tasks[0].binary->auc);
    }
    QVERIFY(refitResumed);
}

void TestCheckpoint::resumedEnsembleEqualsUninterrupted()
{
    const Table table = testing::syntheticLoans(600, 4);
    const RoleAssignment roles = testing::threeTaskRoles(table);
    ExperimentConfig config = stoppingConfig(WeightingMethod::Uncertainty);
    config.train.ensemble = 2;
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("run.checkpoint")).toStdString();
    ExperimentResult uninterrupted;
    const int checkpoints = runUntil(table, roles, config, path, 0, false, &uninterrupted).checkpointsWritten;
    QCOMPARE(uninterrupted.model.memberCount(), std::size_t(2));
    // Stopped in the second member's training: the first member is taken from the checkpoint.
    ExperimentResult ignored;
    QVERIFY(runUntil(table, roles, config, path, checkpoints - 2, false, &ignored).cancelled);
    QCOMPARE(loadCheckpoint(path).member, 1);
    ExperimentResult resumed;
    runUntil(table, roles, config, path, 0, true, &resumed);
    QVERIFY(resumed.model.memberParameters(0) == uninterrupted.model.memberParameters(0));
    QVERIFY(resumed.model.memberParameters(1) == uninterrupted.model.memberParameters(1));
    QCOMPARE(resumed.history.stopReason, uninterrupted.history.stopReason);
    QCOMPARE(resumed.history.refitEpochs, uninterrupted.history.refitEpochs);
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
