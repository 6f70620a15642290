// Finite-difference checks of every layer and loss: the analytic gradient of a small network's
// objective, computed in double precision, must match central differences of the objective.

#include "common/Error.h"
#include "nn/DenseChain.h"
#include "nn/Losses.h"
#include "nn/MultiTaskNetwork.h"
#include "train/Trainer.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace cmtl;

namespace {

// Central differences with step h carry a rounding error of about eps * |objective| / h, about
// 1e-9 here; an absolute term of 1e-8 absorbs it while a wrong gradient is off by far more.
bool agrees(double analytic, double numeric, double relativeTolerance)
{
    return std::abs(analytic - numeric) <= relativeTolerance * std::max(std::abs(analytic), std::abs(numeric)) + 1e-8;
}

// Compares d objective / d x at every coordinate with central differences.
void checkGradient(const std::function<double(const Eigen::VectorXd &)> &objective, const Eigen::VectorXd &point,
                   const Eigen::VectorXd &analytic, double tolerance = 1e-6)
{
    QCOMPARE(analytic.size(), point.size());
    const double step = 1e-6;
    for (Eigen::Index i = 0; i < point.size(); ++i) {
        Eigen::VectorXd plus = point, minus = point;
        plus[i] += step;
        minus[i] -= step;
        const double numeric = (objective(plus) - objective(minus)) / (2 * step);
        if (!agrees(analytic[i], numeric, tolerance))
            QFAIL(qPrintable(
                QStringLiteral("coordinate %1: analytic %2, numeric %3").arg(i).arg(analytic[i]).arg(numeric)));
    }
}

Eigen::MatrixXd randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed)
{
    SplitMix64 random(seed);
    Eigen::MatrixXd matrix(rows, cols);
    for (double &value : matrix.reshaped())
        value = 2 * random.uniform() - 1;
    return matrix;
}

} // namespace

class TestGradients : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossGradients_data();
    void lossGradients();
    void lossSkipsMissingLabels();
    void lossValuesAreTheTextbookFormulas();
    void denseChainGradient_data();
    void denseChainGradient();
    void dropoutGateIsFixedByTheSeed();
    void networkGradient_data();
    void networkGradient();
    void widePathLayout();
    void taskGraphPenaltyGradient();
};

void TestGradients::lossGradients_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("outputs");
    QTest::addColumn<bool>("weighted");
    QTest::addColumn<double>("focalGamma");
    QTest::newRow("binary cross-entropy") << int(TaskType::Binary) << 1 << false << 0.0;
    QTest::newRow("binary, class weights") << int(TaskType::Binary) << 1 << true << 0.0;
    QTest::newRow("binary focal") << int(TaskType::Binary) << 1 << true << 2.0;
    QTest::newRow("softmax cross-entropy") << int(TaskType::Multiclass) << 4 << false << 0.0;
    QTest::newRow("softmax, class weights") << int(TaskType::Multiclass) << 4 << true << 0.0;
    QTest::newRow("softmax focal") << int(TaskType::Multiclass) << 4 << false << 1.5;
    QTest::newRow("squared error") << int(TaskType::Regression) << 1 << false << 0.0;
}

void TestGradients::lossGradients()
{
    QFETCH(int, type);
    QFETCH(int, outputs);
    QFETCH(bool, weighted);
    QFETCH(double, focalGamma);
    const auto taskType = static_cast<TaskType>(type);
    LossOptions options;
    options.focalGamma = focalGamma;
    if (weighted)
        options.classWeights =
            taskType == TaskType::Binary ? std::vector<float>{0.6f, 3.0f} : std::vector<float>{1.0f, 0.5f, 2.0f, 1.5f};
    const Eigen::Index n = 7;
    Eigen::MatrixXd logits = 3.0 * randomMatrix(outputs, n, 11);
    std::vector<float> targets(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        targets[i] = taskType == TaskType::Binary       ? float(i % 2)
                     : taskType == TaskType::Multiclass ? float(i % outputs)
                                                        : float(0.3 * i - 1);
    }
    const double scale = 0.37;
    Eigen::MatrixXd gradient(outputs, n);
    taskLoss<double>(taskType, logits, targets.data(), options, scale, gradient);
    const auto objective = [&](const Eigen::VectorXd &flat) {
        const Eigen::MatrixXd reshaped = flat.reshaped(outputs, n);
        return scale * taskLoss<double>(taskType, reshaped, targets.data(), options);
    };
    checkGradient(objective, logits.reshaped(), gradient.reshaped());
}

void TestGradients::lossSkipsMissingLabels()
{
    Eigen::MatrixXd logits(1, 3);
    logits << 0.5, -2.0, 1.0;
    const std::vector<float> targets{1.0f, std::nanf(""), 0.0f};
    Eigen::MatrixXd gradient(1, 3);
    const double withMissing = taskLoss<double>(TaskType::Binary, logits, targets.data(), {}, 1.0, gradient);
    QCOMPARE(gradient(0, 1), 0.0);
    const double expected = std::log1p(std::exp(-0.5)) + std::log1p(std::exp(1.0));
    QVERIFY(std::abs(withMissing - expected) < 1e-12);
}

void TestGradients::lossValuesAreTheTextbookFormulas()
{
    // Softmax cross-entropy of logits (1, 2, 3) with label 2: log(e + e^2 + e^3) - 3.
    Eigen::MatrixXd logits(3, 1);
    logits << 1, 2, 3;
    const float label = 2;
    const double expected = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3.0;
    QVERIFY(std::abs(taskLoss<double>(TaskType::Multiclass, logits, &label) - expected) < 1e-12);
    // A large logit must not overflow: BCE(z = 800, y = 0) = 800.
    Eigen::MatrixXd large(1, 1);
    large << 800;
    const float zero = 0;
    QVERIFY(std::abs(taskLoss<double>(TaskType::Binary, large, &zero) - 800.0) < 1e-9);
    // Focal loss: -(1 - p)^2 log p for the true class; with p = sigmoid(1) for y = 1.
    Eigen::MatrixXd unitLogit(1, 1);
    unitLogit << 1;
    const float positive = 1;
    const double p = 1 / (1 + std::exp(-1.0));
    QVERIFY(std::abs(taskLoss<double>(TaskType::Binary, unitLogit, &positive, {{}, 2.0}) +
                     (1 - p) * (1 - p) * std::log(p)) < 1e-12);
    // A soft binary target (distillation): -(0.3 log p + 0.7 log (1 - p)).
    const float soft = 0.3f;
    QVERIFY(std::abs(taskLoss<double>(TaskType::Binary, unitLogit, &soft) +
                     (0.3 * std::log(p) + 0.7 * std::log(1 - p))) < 1e-7);
    // Squared error of 2.5 against 1: 2.25.
    Eigen::MatrixXd value(1, 1);
    value << 2.5;
    const float one = 1;
    QCOMPARE(taskLoss<double>(TaskType::Regression, value, &one), 2.25);
}

void TestGradients::denseChainGradient_data()
{
    QTest::addColumn<bool>("linearOutput");
    QTest::newRow("ReLU layers") << false;
    QTest::newRow("ReLU layers, linear output") << true;
}

void TestGradients::denseChainGradient()
{
    QFETCH(bool, linearOutput);
    // Three layers 5 -> 4 -> 6 -> 3; objective = sum of outputs times fixed random weights.
    DenseChain chain;
    chain.linearOutput = linearOutput;
    Eigen::Index offset = 0;
    const int widths[] = {5, 4, 6, 3};
    for (int l = 0; l < 3; ++l) {
        DenseShape shape{widths[l], widths[l + 1], offset, offset + widths[l] * widths[l + 1]};
        offset += shape.parameterCount();
        chain.layers.push_back(shape);
    }
    const Eigen::Index n = 6;
    const Eigen::MatrixXd inputs = randomMatrix(5, n, 3);
    const Eigen::MatrixXd outputWeights = randomMatrix(3, n, 4);
    Eigen::VectorXd parameters = randomMatrix(offset, 1, 5).col(0);

    DenseChainWorkspace<double> workspace;
    workspace.allocate(chain, n);
    const auto objective = [&](const Eigen::VectorXd &p) {
        forwardChain<double>(chain, p.data(), inputs, workspace, false, nullptr);
        return workspace.activations.back().leftCols(n).cwiseProduct(outputWeights).sum();
    };
    objective(parameters);
    workspace.outputGradient.topLeftCorner(3, n) = outputWeights;
    Eigen::VectorXd gradient = Eigen::VectorXd::Zero(offset);
    backwardChain<double>(chain, parameters.data(), inputs, workspace, n, gradient.data(), true);
    const Eigen::MatrixXd inputGradient = workspace.inputGradient.topLeftCorner(5, n);
    checkGradient(objective, parameters, gradient);

    // The gradient with respect to the inputs, which a head passes back to the trunk.
    const auto objectiveOfInputs = [&](const Eigen::VectorXd &flat) {
        const Eigen::MatrixXd x = flat.reshaped(5, n);
        forwardChain<double>(chain, parameters.data(), x, workspace, false, nullptr);
        return workspace.activations.back().leftCols(n).cwiseProduct(outputWeights).sum();
    };
    checkGradient(objectiveOfInputs, inputs.reshaped(), inputGradient.reshaped());
}

void TestGradients::dropoutGateIsFixedByTheSeed()
{
    // With dropout the forward pass draws a mask; backward must use exactly that mask, which a
    // finite-difference check can see when the mask is replayed with the same seed.
    DenseChain chain;
    chain.dropout = 0.5;
    chain.layers.push_back({4, 8, 0, 32});
    chain.layers.push_back({8, 2, 40, 56});
    chain.linearOutput = true;
    const Eigen::Index n = 5;
    const Eigen::MatrixXd inputs = randomMatrix(4, n, 8);
    const Eigen::VectorXd parameters = randomMatrix(58, 1, 9).col(0);
    DenseChainWorkspace<double> workspace;
    workspace.allocate(chain, n);
    const auto objective = [&](const Eigen::VectorXd &p) {
        SplitMix64 random(1234);
        forwardChain<double>(chain, p.data(), inputs, workspace, true, &random);
        return workspace.activations.back().leftCols(n).sum();
    };
    objective(parameters);
    const Eigen::MatrixXd gate = workspace.gates[0].leftCols(n);
    QVERIFY((gate.array() == 0).count() > 0);   // some units dropped
    QVERIFY((gate.array() == 2.0).count() > 0); // kept units scaled by 1 / (1 - p)
    workspace.outputGradient.topLeftCorner(2, n).setOnes();
    Eigen::VectorXd gradient = Eigen::VectorXd::Zero(58);
    backwardChain<double>(chain, parameters.data(), inputs, workspace, n, gradient.data(), false);
    checkGradient(objective, parameters, gradient);
}

void TestGradients::networkGradient_data()
{
    QTest::addColumn<int>("architecture");
    QTest::addColumn<int>("headHidden");
    QTest::addColumn<bool>("withTrunk");
    QTest::addColumn<bool>("oneHotBlocks");
    QTest::addColumn<bool>("wide");
    // Each network twice: all inputs dense, and the last four inputs as two one-hot blocks held
    // as index lists (the trainer's form).
    for (const bool blocks : {false, true}) {
        const char *const form = blocks ? ", one-hot index lists" : ", dense inputs";
        QTest::addRow("shared-bottom, linear heads%s", form)
            << int(Architecture::SharedBottom) << 0 << true << blocks << false;
        QTest::addRow("shared-bottom, heads with a hidden layer%s", form)
            << int(Architecture::SharedBottom) << 3 << true << blocks << false;
        QTest::addRow("no trunk: logistic and linear regression%s", form)
            << int(Architecture::SharedBottom) << 0 << false << blocks << false;
        QTest::addRow("mmoe%s", form) << int(Architecture::MMoE) << 0 << true << blocks << false;
        QTest::addRow("ple%s", form) << int(Architecture::PLE) << 3 << true << blocks << false;
        QTest::addRow("attention%s", form) << int(Architecture::Attention) << 0 << true << blocks << false;
        QTest::addRow("wide & deep, linear heads%s", form)
            << int(Architecture::SharedBottom) << 0 << true << blocks << true;
        QTest::addRow("wide & deep, heads with a hidden layer%s", form)
            << int(Architecture::SharedBottom) << 3 << true << blocks << true;
        QTest::addRow("wide & deep, mmoe%s", form) << int(Architecture::MMoE) << 0 << true << blocks << true;
        QTest::addRow("wide & deep, attention%s", form) << int(Architecture::Attention) << 0 << true << blocks << true;
    }
}

void TestGradients::networkGradient()
{
    QFETCH(int, architecture);
    QFETCH(int, headHidden);
    QFETCH(bool, withTrunk);
    QFETCH(bool, oneHotBlocks);
    QFETCH(bool, wide);
    // Three tasks; objective = sum_i lambda_i * loss_i, as the trainer forms it.
    NetworkSpec spec;
    spec.inputs = 6;
    spec.architecture = static_cast<Architecture>(architecture);
    spec.trunk = withTrunk ? std::vector<int>{5, 4} : std::vector<int>{};
    spec.experts = 2;
    spec.taskExperts = 1;
    spec.headHidden = headHidden;
    spec.dropout = 0;
    spec.wide = wide;
    spec.taskTypes = {TaskType::Binary, TaskType::Multiclass, TaskType::Regression};
    spec.taskOutputs = {1, 3, 1};
    const MultiTaskNetwork network(spec);
    const Eigen::Index n = 8;
    // Dense: six random inputs. One-hot: two dense inputs, then blocks of inputs {2, 3, 4} and {5},
    // the second hot in some rows only (-1: none, as for a level never seen in training).
    const Eigen::MatrixXd denseInputs = randomMatrix(oneHotBlocks ? 2 : 6, n, 21);
    std::vector<std::int32_t> hot;
    for (Eigen::Index i = 0; i < n; ++i) {
        hot.push_back(static_cast<std::int32_t>(2 + i % 3));
        hot.push_back(i % 3 == 1 ? -1 : 5);
    }
    const InputBatch<double> inputs =
        oneHotBlocks ? InputBatch<double>(denseInputs, hot.data(), 2, 6) : InputBatch<double>(denseInputs);
    std::vector<std::vector<float>> targets(3, std::vector<float>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        targets[0][i] = float(i % 2);
        targets[1][i] = float(i % 3);
        targets[2][i] = float(0.5 * i - 2);
    }
    targets[1][3] = std::nanf(""); // a missing label
    const double lambdas[] = {2.0, 1.0, 0.5};
    Eigen::VectorXd parameters(network.parameterCount());
    network.initialise(parameters.data(), 7);
    // Gates and attention start at zero (uniform); move them off it so their gradient is general.
    const Eigen::VectorXd offsets = randomMatrix(network.parameterCount(), 1, 8).col(0);
    parameters.head(network.sharedParameterEnd()) += 0.3 * offsets.head(network.sharedParameterEnd());
    // So do the wide weights (after every head, one outputs x inputs block per task).
    if (wide) {
        const Eigen::Index wideWeights = network.parameterCount() - network.wideOffset(0);
        QCOMPARE(wideWeights, spec.inputs * (1 + 3 + 1));
        QVERIFY(parameters.tail(wideWeights).isZero());
        parameters.tail(wideWeights) += 0.3 * offsets.tail(wideWeights);
    }

    NetworkWorkspace<double> workspace;
    workspace.allocate(network, n);
    const auto objective = [&](const Eigen::VectorXd &p) {
        forwardNetwork<double>(network, p.data(), inputs, workspace, false, nullptr);
        double total = 0;
        for (std::size_t t = 0; t < 3; ++t)
            total += lambdas[t] * taskLoss<double>(spec.taskTypes[t], workspace.taskOutputs(t, n), targets[t].data());
        return total;
    };
    objective(parameters);
    for (std::size_t t = 0; t < 3; ++t) {
        taskLoss<double>(spec.taskTypes[t], workspace.taskOutputs(t, n), targets[t].data(), {}, lambdas[t],
                         workspace.taskOutputGradient(t, spec.taskOutputs[t], n));
    }
    Eigen::VectorXd gradient = Eigen::VectorXd::Zero(network.parameterCount());
    backwardNetwork<double>(network, parameters.data(), inputs, workspace, n, gradient.data());
    checkGradient(objective, parameters, gradient);

    if (oneHotBlocks) {
        // The index lists compute what the written-out zeros and ones compute.
        Eigen::MatrixXd expanded(6, n);
        inputs.expandInto(expanded);
        QCOMPARE(expanded(2, 0), 1.0);
        QCOMPARE(expanded(3, 0), 0.0);
        QCOMPARE(expanded(5, 1), 0.0);
        QCOMPARE(expanded(5, 2), 1.0);
        std::vector<Eigen::MatrixXd> sparseOutputs;
        forwardNetwork<double>(network, parameters.data(), inputs, workspace, false, nullptr);
        for (std::size_t t = 0; t < 3; ++t)
            sparseOutputs.emplace_back(workspace.taskOutputs(t, n));
        forwardNetwork<double>(network, parameters.data(), expanded, workspace, false, nullptr);
        for (std::size_t t = 0; t < 3; ++t) {
            taskLoss<double>(spec.taskTypes[t], workspace.taskOutputs(t, n), targets[t].data(), {}, lambdas[t],
                             workspace.taskOutputGradient(t, spec.taskOutputs[t], n));
            QVERIFY((workspace.taskOutputs(t, n) - sparseOutputs[t]).cwiseAbs().maxCoeff() < 1e-12);
        }
        Eigen::VectorXd denseGradient = Eigen::VectorXd::Zero(network.parameterCount());
        backwardNetwork<double>(network, parameters.data(), expanded, workspace, n, denseGradient.data());
        QVERIFY((denseGradient - gradient).cwiseAbs().maxCoeff() < 1e-12);
    }
}

void TestGradients::widePathLayout()
{
    NetworkSpec spec;
    spec.inputs = 5;
    spec.trunk = {4};
    spec.taskTypes = {TaskType::Binary, TaskType::Multiclass};
    spec.taskOutputs = {1, 3};
    const MultiTaskNetwork deep(spec);
    spec.wide = true;
    const MultiTaskNetwork wideAndDeep(spec);
    // The deep layout is unchanged (older model files load); the wide weights follow it, L2-penalised.
    QCOMPARE(wideAndDeep.wideOffset(0), deep.parameterCount());
    QCOMPARE(wideAndDeep.wideOffset(1), deep.parameterCount() + 5);
    QCOMPARE(wideAndDeep.parameterCount(), deep.parameterCount() + 5 * (1 + 3));
    QCOMPARE(deep.wideOffset(0), Eigen::Index{-1});
    const Eigen::VectorXf mask = wideAndDeep.weightMask();
    QVERIFY(mask.head(deep.parameterCount()) == deep.weightMask());
    QVERIFY(mask.tail(20).isOnes());
    // Initialised as the deep network with zero wide weights: the same outputs at the start.
    Eigen::VectorXd deepParameters(deep.parameterCount()), wideParameters(wideAndDeep.parameterCount());
    deep.initialise(deepParameters.data(), 11);
    wideAndDeep.initialise(wideParameters.data(), 11);
    QVERIFY(wideParameters.head(deep.parameterCount()) == deepParameters);
    QVERIFY(wideParameters.tail(20).isZero());
    const Eigen::MatrixXd inputs = randomMatrix(5, 3, 4);
    NetworkWorkspace<double> deepWorkspace, wideWorkspace;
    deepWorkspace.allocate(deep, 3);
    wideWorkspace.allocate(wideAndDeep, 3);
    forwardNetwork<double>(deep, deepParameters.data(), inputs, deepWorkspace, false, nullptr);
    forwardNetwork<double>(wideAndDeep, wideParameters.data(), inputs, wideWorkspace, false, nullptr);
    QVERIFY(wideWorkspace.taskOutputs(1, 3) == deepWorkspace.taskOutputs(1, 3));
    // A network without hidden layers is a linear model already: the wide path is refused there.
    spec.trunk.clear();
    QVERIFY_THROWS_EXCEPTION(ConfigError, MultiTaskNetwork{spec});
}

void TestGradients::taskGraphPenaltyGradient()
{
    NetworkSpec spec;
    spec.inputs = 4;
    spec.trunk = {3};
    spec.headHidden = 2;
    spec.taskTypes = {TaskType::Binary, TaskType::Multiclass, TaskType::Regression};
    spec.taskOutputs = {1, 3, 1};
    const MultiTaskNetwork network(spec);
    const std::vector<TrainingTask> tasks{
        {"a", TaskType::Binary, 1}, {"b", TaskType::Multiclass, 3}, {"c", TaskType::Regression, 1}};
    const std::vector<TaskRelation> graph{{"a", "b", 0.7}, {"b", "c", 0.2}};
    Eigen::VectorXf parameters(network.parameterCount());
    network.initialise(parameters.data(), 3);
    Eigen::VectorXf gradient = Eigen::VectorXf::Zero(network.parameterCount());
    taskGraphPenalty(network, tasks, graph, parameters, &gradient);
    const auto objective = [&](const Eigen::VectorXd &point) {
        return taskGraphPenalty(network, tasks, graph, point.cast<float>(), nullptr);
    };
    // The penalty is quadratic, so float arithmetic suffices with a coarser step.
    for (Eigen::Index i = 0; i < parameters.size(); ++i) {
        Eigen::VectorXd plus = parameters.cast<double>(), minus = plus;
        plus[i] += 1e-2;
        minus[i] -= 1e-2;
        const double numeric = (objective(plus) - objective(minus)) / 2e-2;
        QVERIFY2(std::abs(numeric - gradient[i]) < 1e-3, qPrintable(QStringLiteral("coordinate %1").arg(i)));
    }
    // Heads of different shapes cannot be related.
    NetworkSpec linearHeads = spec;
    linearHeads.headHidden = 0;
    QVERIFY_THROWS_EXCEPTION(
        ConfigError, taskGraphPenalty(MultiTaskNetwork(linearHeads), tasks, graph,
                                      Eigen::VectorXf::Zero(MultiTaskNetwork(linearHeads).parameterCount()), nullptr));
}

QTEST_APPLESS_MAIN(TestGradients)
#include "tst_gradients.moc"
