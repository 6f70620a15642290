#include "train/Trainer.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "distributed/Communicator.h"
#include "metrics/BinaryMetrics.h"
#include "nn/Adam.h"
#include "nn/Losses.h"
#include "train/ShardPool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <span>

namespace cmtl {

namespace {

// Every batch is split into this many shards whatever the thread count, so that the floating-
// point sums, and hence the trained weights, are the same on one thread and on two.
constexpr int kShards = 2;

using Clock = std::chrono::steady_clock;

// Per-shard buffers, allocated once for the whole run.
struct Shard {
    NetworkWorkspace<float> workspace;
    InputMatrix inputs;
    std::vector<std::vector<float>> targets; // per task
    Eigen::VectorXf gradient;
    std::vector<Eigen::VectorXf> taskGradients; // per task, when the weighting asks for them
    std::vector<double> lossSums;               // per task, this batch
    SplitMix64 random{0};
};

// What a task's headline metric is computed from, over some rows; the parts of several ranks'
// rows add up (the scores are gathered), so a metric over the union of the ranks' rows is that of
// one process holding them all.
struct MetricParts {
    std::vector<float> scores, labels; // binary: each labelled row's score and label (0 or 1)
    double correct = 0;                // multiclass: rows whose most probable class is the label
    double squaredError = 0;           // regression: in the target's unit
    double count = 0;                  // labelled rows
};

MetricParts metricParts(const TrainingTask &task, const Eigen::MatrixXf &outputs, const std::vector<float> &targets)
{
    MetricParts parts;
    for (Eigen::Index row = 0; row < outputs.cols(); ++row) {
        const float target = targets[static_cast<std::size_t>(row)];
        if (std::isnan(target))
            continue;
        ++parts.count;
        switch (task.type) {
        case TaskType::Binary:
            parts.scores.push_back(outputs(0, row));
            parts.labels.push_back(target > 0.5f ? 1.0f : 0.0f);
            break;
        case TaskType::Multiclass: {
            Eigen::Index predicted = 0;
            outputs.col(row).maxCoeff(&predicted);
            parts.correct += predicted == static_cast<Eigen::Index>(target) ? 1 : 0;
            break;
        }
        case TaskType::Regression: {
            const double error = (static_cast<double>(outputs(0, row)) - target) * task.targetScale;
            parts.squaredError += error * error;
            break;
        }
        }
    }
    return parts;
}

double metricOfParts(const TrainingTask &task, const MetricParts &parts)
{
    if (parts.count == 0)
        return kNotMeasured;
    switch (task.type) {
    case TaskType::Binary: {
        std::vector<std::uint8_t> labels(parts.labels.size());
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = parts.labels[i] > 0.5f ? 1 : 0;
        return rocAuc(parts.scores, labels);
    }
    case TaskType::Multiclass:
        return parts.correct / parts.count;
    case TaskType::Regression:
        return std::sqrt(parts.squaredError / parts.count);
    }
    return kNotMeasured;
}

// Per task, the loss (mean over labelled rows) and the headline metric of `rows` without dropout.
struct PartMeasure {
    std::vector<double> losses, metrics;
};

// With a communicator, `rows` are this rank's part and the measure is over every rank's rows.
PartMeasure measureRows(const MultiTaskNetwork &network, const std::vector<TrainingTask> &tasks,
                        const Eigen::VectorXf &parameters, const TrainingSet &set, std::span<const std::size_t> rows,
                        int threads, int epoch, Communicator &communicator)
{
    // Scored in blocks, so that a part held on disk is never gathered whole into memory; a block
    // is a whole number of forwardAll's chunks, so every row is scored as in one call.
    constexpr std::size_t kBlock = std::size_t{1} << 16;
    std::vector<Eigen::MatrixXf> outputs;
    for (std::size_t t = 0; t < network.taskCount(); ++t)
        outputs.emplace_back(network.spec().taskOutputs[t], static_cast<Eigen::Index>(rows.size()));
    for (std::size_t begin = 0; begin < rows.size(); begin += kBlock) {
        const std::size_t count = std::min(kBlock, rows.size() - begin);
        const std::vector<Eigen::MatrixXf> block =
            forwardAll(network, parameters, set.inputs->gather(rows.subspan(begin, count)), threads);
        for (std::size_t t = 0; t < outputs.size(); ++t)
            outputs[t].middleCols(static_cast<Eigen::Index>(begin), static_cast<Eigen::Index>(count)) = block[t];
    }
    // Per task: loss sum, labelled rows, whether some prediction overflowed; then the metric parts.
    constexpr std::size_t kSums = 6;
    std::vector<double> sums(tasks.size() * kSums, 0.0);
    std::vector<MetricParts> parts(tasks.size());
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        std::vector<float> targets(rows.size());
        for (std::size_t i = 0; i < targets.size(); ++i)
            targets[i] = (*set.targets)[t][rows[i]];
        const auto labelled = std::count_if(targets.begin(), targets.end(), [](float v) { return !std::isnan(v); });
        if (labelled == 0)
            continue;
        double *const taskSums = &sums[t * kSums];
        taskSums[0] = taskLoss<float>(tasks[t].type, outputs[t], targets.data(), tasks[t].loss);
        taskSums[1] = static_cast<double>(labelled);
        Eigen::MatrixXf predictions = outputs[t];
        activateOutputs(tasks[t].type, predictions);
        taskSums[2] = predictions.allFinite() ? 0 : 1;
        parts[t] = metricParts(tasks[t], predictions, targets);
        taskSums[3] = parts[t].correct;
        taskSums[4] = parts[t].squaredError;
        taskSums[5] = parts[t].count;
    }
    if (communicator.isDistributed()) {
        communicator.sum(std::span<double>(sums));
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            parts[t].correct = sums[t * kSums + 3];
            parts[t].squaredError = sums[t * kSums + 4];
            parts[t].count = sums[t * kSums + 5];
            if (tasks[t].type == TaskType::Binary) { // AUC needs every rank's scores
                parts[t].scores = communicator.gather(parts[t].scores);
                parts[t].labels = communicator.gather(parts[t].labels);
            }
        }
    }
    PartMeasure measure{std::vector<double>(tasks.size(), kNotMeasured),
                        std::vector<double>(tasks.size(), kNotMeasured)};
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        const double *const taskSums = &sums[t * kSums];
        if (taskSums[1] == 0)
            continue;
        measure.losses[t] = taskSums[0] / taskSums[1];
        // Finite weights can still overflow the outputs: that is divergence too, and is said so
        // rather than as a metric's complaint about a NaN score (on every rank alike).
        if (taskSums[2] > 0)
            throw TrainingDiverged(epoch, tasks[t].name);
        measure.metrics[t] = metricOfParts(tasks[t], parts[t]);
    }
    return measure;
}

// Losses, metrics and objective on the validation rows, and the metrics on a fixed subset of the
// training rows: the first kTrainMetricRows of them (in a distributed run, of all ranks' rows;
// this rank's own are the first `trainRows` of train.rows).
void measureEpoch(const MultiTaskNetwork &network, const std::vector<TrainingTask> &tasks,
                  const Eigen::VectorXf &parameters, const TrainingSet &train, const TrainingSet *validation,
                  int threads, EpochRecord &record, Communicator &communicator, std::size_t trainRows)
{
    const PartMeasure onTrain = measureRows(network, tasks, parameters, train, std::span(train.rows).first(trainRows),
                                            threads, record.epoch, communicator);
    for (std::size_t t = 0; t < tasks.size(); ++t)
        record.tasks[t].trainMetric = onTrain.metrics[t];
    double validationRows = validation ? static_cast<double>(validation->size()) : 0.0;
    communicator.sum(std::span<double>(&validationRows, 1));
    if (!validation || validationRows == 0)
        return;
    const PartMeasure onValidation =
        measureRows(network, tasks, parameters, *validation, validation->rows, threads, record.epoch, communicator);
    record.validationObjective = 0;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        record.tasks[t].validationLoss = onValidation.losses[t];
        record.tasks[t].validationMetric = onValidation.metrics[t];
        if (std::isfinite(onValidation.losses[t]))
            record.validationObjective += tasks[t].lambda * onValidation.losses[t];
    }
}

} // namespace

const char *toString(RefitMode mode)
{
    return mode == RefitMode::All ? "all" : "none";
}

RefitMode refitFromString(const std::string &name)
{
    if (name == "all")
        return RefitMode::All;
    if (name == "none")
        return RefitMode::None;
    throw ConfigError("refit \"" + name + "\" is neither all (train again on all training rows) nor none");
}

namespace {

// The metric name each task type's validation metric goes by (TaskEpochStats::validationMetric).
const char *metricOf(TaskType type)
{
    switch (type) {
    case TaskType::Binary:
        return "auc";
    case TaskType::Multiclass:
        return "accuracy";
    case TaskType::Regression:
        return "rmse";
    }
    return "";
}

} // namespace

std::optional<EarlyStopCriterion> parseEarlyStopCriterion(const std::string &text,
                                                          const std::vector<std::string> &taskNames,
                                                          const std::vector<TaskType> &taskTypes)
{
    if (text.empty() || text == "objective")
        return std::nullopt;
    std::string choices;
    for (std::size_t t = 0; t < taskNames.size(); ++t)
        choices += (t ? ", " : "") + taskNames[t] + ":" + metricOf(taskTypes[t]) + " or " + taskNames[t] + ":loss";
    const std::size_t colon = text.rfind(':');
    const std::string task = colon == std::string::npos ? text : text.substr(0, colon);
    const std::string metric = colon == std::string::npos ? "" : text.substr(colon + 1);
    const auto found = std::find(taskNames.begin(), taskNames.end(), task);
    if (found == taskNames.end() || metric.empty())
        throw ConfigError("early stopping on \"" + text + "\": expected objective or TASK:METRIC, one of " + choices);
    EarlyStopCriterion criterion;
    criterion.task = static_cast<std::size_t>(found - taskNames.begin());
    if (metric == "loss") {
        criterion.measure = EarlyStopCriterion::Measure::Loss;
        return criterion;
    }
    const TaskType type = taskTypes[criterion.task];
    if (metric != metricOf(type))
        throw ConfigError("early stopping on \"" + text + "\": task \"" + task + "\" is " + toString(type) +
                          ", whose metrics are " + metricOf(type) + " and loss");
    criterion.higherIsBetter = type != TaskType::Regression;
    return criterion;
}

double earlyStopValue(const EpochRecord &record, const std::optional<EarlyStopCriterion> &criterion)
{
    if (!criterion)
        return record.validationObjective;
    if (criterion->task >= record.tasks.size())
        return kNotMeasured;
    const TaskEpochStats &stats = record.tasks[criterion->task];
    if (criterion->measure == EarlyStopCriterion::Measure::Loss)
        return stats.validationLoss;
    return criterion->higherIsBetter ? -stats.validationMetric : stats.validationMetric;
}

bool EarlyStopAtMinLoss::endEpoch(const EpochRecord &record)
{
    const double value = earlyStopValue(record, m_criterion);
    if (m_patience <= 0 || std::isnan(value))
        return false;
    if (value < m_best) {
        m_best = value;
        m_epochsWithoutImprovement = 0;
        return false;
    }
    return ++m_epochsWithoutImprovement >= m_patience;
}

double taskGraphPenalty(const MultiTaskNetwork &network, const std::vector<TrainingTask> &tasks,
                        const std::vector<TaskRelation> &graph, const Eigen::VectorXf &parameters,
                        Eigen::VectorXf *gradient)
{
    const auto taskIndex = [&](const std::string &name) {
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            if (tasks[t].name == name)
                return t;
        }
        throw ConfigError("task graph: no task named \"" + name + "\"");
    };
    double penalty = 0;
    for (const TaskRelation &edge : graph) {
        const DenseShape &a = network.head(taskIndex(edge.taskA)).layers.front();
        const DenseShape &b = network.head(taskIndex(edge.taskB)).layers.front();
        if (a.outputs != b.outputs || a.inputs != b.inputs)
            throw ConfigError("task graph: the heads of \"" + edge.taskA + "\" and \"" + edge.taskB +
                              "\" differ in shape; give every head a hidden layer (--head-hidden) to relate them");
        const Eigen::Index size = a.inputs * a.outputs;
        const Eigen::VectorXf difference =
            parameters.segment(a.weightOffset, size) - parameters.segment(b.weightOffset, size);
        penalty += edge.strength * static_cast<double>(difference.squaredNorm());
        if (gradient) {
            gradient->segment(a.weightOffset, size) += static_cast<float>(2 * edge.strength) * difference;
            gradient->segment(b.weightOffset, size) -= static_cast<float>(2 * edge.strength) * difference;
        }
    }
    return penalty;
}

std::vector<Eigen::MatrixXf> forwardAll(const MultiTaskNetwork &network, const Eigen::VectorXf &parameters,
                                        const InputMatrix &inputs, int threads)
{
    std::vector<Eigen::MatrixXf> outputs;
    for (std::size_t t = 0; t < network.taskCount(); ++t)
        outputs.emplace_back(network.spec().taskOutputs[t], inputs.cols());
    // Chunks of rows at fixed offsets, claimed by the threads in turn: a row is always scored in
    // the same chunk at the same position, so predictions are bit for bit the same whatever the
    // thread count (a GEMM's rounding can depend on a column's place in its block).
    constexpr Eigen::Index kChunk = 1024;
    const Eigen::Index chunks = (inputs.cols() + kChunk - 1) / kChunk;
    const int workers =
        static_cast<int>(std::min<Eigen::Index>(resolveThreadCount(threads), std::max<Eigen::Index>(chunks, 1)));
    std::atomic<Eigen::Index> nextChunk{0};
    parallelFor(static_cast<std::size_t>(workers), workers, [&](std::size_t) {
        NetworkWorkspace<float> workspace;
        workspace.allocate(network, std::min(kChunk, inputs.cols()));
        for (Eigen::Index chunk = nextChunk++; chunk < chunks; chunk = nextChunk++) {
            const Eigen::Index start = chunk * kChunk;
            const Eigen::Index n = std::min(kChunk, inputs.cols() - start);
            forwardNetwork<float>(network, parameters.data(), inputs.batch(start, n), workspace, false, nullptr);
            for (std::size_t t = 0; t < outputs.size(); ++t)
                outputs[t].middleCols(start, n) = workspace.taskOutputs(t, n);
        }
    });
    return outputs;
}

namespace {

// Sums the step's gradients and loss sums over the ranks in one collective call; the last element
// counts the ranks whose cancellation token is set. Returns whether any rank's is: every rank
// learns it from the same sum, so that all stop at the same step.
bool sumOverRanks(Communicator &ranks, Eigen::VectorXf &fused, std::span<Eigen::VectorXf> gradients,
                  std::vector<double> &lossSums, bool cancelled)
{
    Eigen::Index at = 0;
    for (const Eigen::VectorXf &part : gradients) {
        fused.segment(at, part.size()) = part;
        at += part.size();
    }
    for (std::size_t t = 0; t < lossSums.size(); ++t)
        fused[at + static_cast<Eigen::Index>(t)] = static_cast<float>(lossSums[t]);
    fused[fused.size() - 1] = cancelled ? 1.0f : 0.0f;
    ranks.sum(std::span<float>(fused.data(), static_cast<std::size_t>(fused.size())));
    at = 0;
    for (Eigen::VectorXf &part : gradients) {
        part = fused.segment(at, part.size());
        at += part.size();
    }
    for (std::size_t t = 0; t < lossSums.size(); ++t)
        lossSums[t] = fused[at + static_cast<Eigen::Index>(t)];
    return fused[fused.size() - 1] > 0;
}

} // namespace

TrainingDiverged::TrainingDiverged(int epoch, std::string task)
    : ConfigError("training diverged at epoch " + std::to_string(epoch) + ": " +
                  (task.empty() ? std::string("the weights") : "the loss of task \"" + task + "\"") +
                  " became NaN or infinite; lower the learning rate (--lr) or check the features for "
                  "extreme values"),
      m_epoch(epoch), m_task(std::move(task))
{}

TrainingOutcome trainNetwork(const MultiTaskNetwork &network, const std::vector<TrainingTask> &tasks,
                             const TrainingSet &train, const TrainingSet *validation, const TrainConfig &config,
                             const std::vector<TrainingCallback *> &callbacks, const CancellationToken *cancel,
                             Communicator *communicator, TrainerCheckpoints *checkpoints)
{
    SingleProcessCommunicator singleProcess;
    Communicator &ranks = communicator ? *communicator : singleProcess;
    const bool distributed = ranks.isDistributed();
    // Across ranks a cancellation is decided in the steps' sums while they run (Communicator.h).
    std::optional<StepsDecideCancellation> stepsDecide;
    if (distributed)
        stepsDecide.emplace(cancel);
    if (tasks.size() != network.taskCount() || !train.targets || train.targets->size() != tasks.size())
        throw ConfigError("the training set, the tasks and the network disagree on the number of tasks");
    // This rank's training rows are positions [offset, offset + local) of all ranks' rows in rank
    // order (or train.positions): the rows one process holding them all would train on.
    const std::size_t localRows = train.rows.size();
    if (!train.positions.empty() && train.positions.size() != localRows)
        throw ConfigError("the training set gives " + std::to_string(train.positions.size()) + " positions for " +
                          std::to_string(localRows) + " rows");
    const ItemsOfRanks rowsOfRanks = itemsOfRanks(ranks, localRows);
    const std::size_t offset = rowsOfRanks.first;
    const auto rows = static_cast<Eigen::Index>(rowsOfRanks.total);
    if (rows == 0)
        throw ConfigError("no training rows");
    if (config.batchSize < 1 || config.epochs < 1)
        throw ConfigError("batch size and epochs must be at least 1");
    if (!(config.learningRate > 0) || !(config.l2 >= 0))
        throw ConfigError("the learning rate must be > 0 and L2 >= 0");

    const std::vector<std::vector<float>> &targets = *train.targets;
    // The batch size is each rank's: N ranks together take batches of N * batchSize rows.
    const Eigen::Index batchSize = std::min<Eigen::Index>(Eigen::Index{config.batchSize} * ranks.size(), rows);
    const Eigen::Index shardCapacity = (batchSize + kShards - 1) / kShards;
    const int threads = resolveThreadCount(config.threads);

    TrainingOutcome outcome;
    outcome.parameters.resize(network.parameterCount());
    network.initialise(outcome.parameters.data(), config.seed);
    Eigen::VectorXf bestParameters = outcome.parameters;
    double bestValidation = std::numeric_limits<double>::infinity();
    std::vector<std::string> taskNames;
    std::vector<TaskType> taskTypes;
    for (const TrainingTask &task : tasks) {
        taskNames.push_back(task.name);
        taskTypes.push_back(task.type);
    }
    const std::optional<EarlyStopCriterion> criterion =
        parseEarlyStopCriterion(config.earlyStopOn, taskNames, taskTypes);
    const Eigen::VectorXf l2Mask = network.weightMask() * static_cast<float>(config.l2);
    Adam optimiser(network.parameterCount(), {config.learningRate});
    Eigen::VectorXf gradient(network.parameterCount());
    std::vector<double> lambdas;
    for (const TrainingTask &task : tasks)
        lambdas.push_back(task.lambda);
    const std::unique_ptr<TaskWeighting> weighting =
        makeTaskWeighting(config.weighting, network, lambdas, config.learningRate, config.seed);
    const bool perTaskGradients = weighting->needsTaskGradients();
    std::vector<Eigen::VectorXf> taskGradients(perTaskGradients ? tasks.size() : 0);
    taskGraphPenalty(network, tasks, config.taskGraph, outcome.parameters, nullptr); // validates the graph

    // Each rank draws its own dropout masks (rank 0 those of one process). A distributed run with
    // dropout is therefore equal to one process in distribution, not value by value.
    const std::uint64_t dropoutSeed = ranks.rank() == 0 ? config.seed
                                                        : SplitMix64::derive(config.seed, 0x52414e4b /* "RANK" */,
                                                                             static_cast<std::uint64_t>(ranks.rank()));
    std::vector<Shard> shards(kShards);
    for (Shard &shard : shards) {
        shard.workspace.allocate(network, shardCapacity);
        shard.inputs =
            InputMatrix(train.inputs->denseWidth(), train.inputs->blockCount(), train.inputs->width(), shardCapacity);
        shard.targets.assign(tasks.size(), std::vector<float>(static_cast<std::size_t>(shardCapacity)));
        shard.gradient.resize(network.parameterCount());
        shard.taskGradients.assign(perTaskGradients ? tasks.size() : 0, Eigen::VectorXf(network.parameterCount()));
        shard.lossSums.assign(tasks.size(), 0.0);
    }
    ShardPool pool(kShards, threads);
    EarlyStopAtMinLoss earlyStop(validation ? config.patience : 0, criterion);
    std::vector<TrainingCallback *> allCallbacks = callbacks;
    allCallbacks.push_back(&earlyStop);

    // The targets of each row side by side (row-major), so that gathering a shuffled batch's
    // targets and counting its labels touches one cache line per row rather than one per task.
    const std::size_t taskCount = tasks.size();
    std::vector<float> rowTargets(static_cast<std::size_t>(train.inputs->cols()) * taskCount);
    for (std::size_t t = 0; t < taskCount; ++t) {
        const std::vector<float> &column = targets[t];
        for (std::size_t row = 0; row < column.size() && row < static_cast<std::size_t>(train.inputs->cols()); ++row)
            rowTargets[row * taskCount + t] = column[row];
    }

    // The positions of all ranks' training rows, shuffled alike on every rank; a rank trains on
    // the rows of each batch that it holds (positions [offset, offset + localRows)).
    std::vector<std::size_t> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto localRowAt = [&](std::size_t position) -> std::optional<std::size_t> {
        if (!train.positions.empty()) {
            const auto found = std::lower_bound(train.positions.begin(), train.positions.end(), position);
            if (found == train.positions.end() || *found != position)
                return std::nullopt;
            return train.rows[static_cast<std::size_t>(found - train.positions.begin())];
        }
        if (position < offset || position >= offset + localRows)
            return std::nullopt;
        return train.rows[position - offset];
    };
    const std::size_t batches = static_cast<std::size_t>((rows + batchSize - 1) / batchSize);
    // This rank's rows among the first kTrainMetricRows positions, measured each epoch.
    const std::size_t trainMetricRows =
        train.positions.empty() ? std::min(localRows, kTrainMetricRows - std::min(kTrainMetricRows, offset))
                                : static_cast<std::size_t>(std::lower_bound(train.positions.begin(),
                                                                            train.positions.end(), kTrainMetricRows) -
                                                           train.positions.begin());
    const auto localRowsOfBatch = [&](std::size_t batch, std::vector<std::size_t> &local) {
        local.clear();
        const std::size_t end = std::min(order.size(), (batch + 1) * static_cast<std::size_t>(batchSize));
        for (std::size_t i = batch * static_cast<std::size_t>(batchSize); i < end; ++i) {
            if (const std::optional<std::size_t> row = localRowAt(order[i]))
                local.push_back(*row);
        }
    };
    std::vector<std::size_t> batchRowList, nextBatchRowList;
    // Labelled rows of each (batch, task) over all ranks: each task's loss is its mean over them.
    std::vector<double> labelledInBatches(batches * tasks.size());
    std::vector<double> batchLosses(tasks.size()), lossSums(tasks.size());
    // One buffer for the step's reduction: the gradient (or each task's), the loss sums, and
    // whether a rank was cancelled.
    Eigen::VectorXf fused(distributed ? network.parameterCount() * (perTaskGradients ? Eigen::Index(tasks.size()) : 1) +
                                            Eigen::Index(tasks.size()) + 1
                                      : 0);
    std::vector<double> previousEpochLosses;

    // A seeded Fisher-Yates shuffle of the previous epoch's order (std::shuffle's algorithm
    // differs between libraries).
    const auto shuffleForEpoch = [&](int epoch) {
        SplitMix64 shuffler(SplitMix64::derive(config.seed, static_cast<std::uint64_t>(epoch)));
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[shuffler.below(i)]);
    };
    int firstEpoch = 1;
    if (const TrainerState *state = checkpoints ? checkpoints->resumeFrom() : nullptr; state && state->epoch > 0) {
        const Eigen::Index parameters = network.parameterCount();
        if (state->parameters.size() != parameters || state->bestParameters.size() != parameters ||
            state->optimiser.firstMoment.size() != parameters || state->optimiser.secondMoment.size() != parameters)
            throw ConfigError("the saved training state holds " + std::to_string(state->parameters.size()) +
                              " weights; this network has " + std::to_string(parameters));
        if (state->previousEpochLosses.size() != tasks.size() || state->epoch >= config.epochs)
            throw ConfigError("the saved training state does not fit this run's tasks and epochs");
        outcome.parameters = state->parameters;
        optimiser.restore(state->optimiser);
        weighting->restoreState(state->weighting);
        previousEpochLosses = state->previousEpochLosses;
        bestValidation = state->bestValue;
        bestParameters = state->bestParameters;
        earlyStop.restore(state->earlyStopBest, state->epochsWithoutImprovement);
        outcome.history = state->history;
        for (int epoch = 1; epoch <= state->epoch; ++epoch)
            shuffleForEpoch(epoch);
        firstEpoch = state->epoch + 1;
    }

    for (int epoch = firstEpoch; epoch <= config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        weighting->beginEpoch(epoch, previousEpochLosses);
        bool stop = false;
        for (TrainingCallback *callback : allCallbacks)
            stop = callback->beginEpoch(epoch) || stop;
        if (stop)
            break;
        shuffleForEpoch(epoch);
        std::fill(labelledInBatches.begin(), labelledInBatches.end(), 0.0);
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (const std::optional<std::size_t> row = localRowAt(order[i])) {
                double *const labelled = &labelledInBatches[i / static_cast<std::size_t>(batchSize) * taskCount];
                for (std::size_t t = 0; t < taskCount; ++t)
                    labelled[t] += std::isnan(rowTargets[*row * taskCount + t]) ? 0 : 1;
            }
        }
        ranks.sum(std::span<double>(labelledInBatches));
        localRowsOfBatch(0, nextBatchRowList);

        std::vector<double> epochLoss(tasks.size(), 0.0), epochLabelled(tasks.size(), 0.0);
        for (std::size_t batch = 0; batch < batches; ++batch) {
            // In a data-parallel run the ranks learn of a cancellation together, in the step's sum.
            if (!distributed && cancel && cancel->isCancelled())
                throw Cancelled();
            std::swap(batchRowList, nextBatchRowList);
            localRowsOfBatch(batch + 1, nextBatchRowList);
            const double *const labelledInBatch = &labelledInBatches[batch * taskCount];
            const auto batchRows = static_cast<Eigen::Index>(batchRowList.size());
            const auto nextBatchRows = static_cast<Eigen::Index>(nextBatchRowList.size());
            // A rank's part of a batch varies in size: its shards split it in halves. One process
            // keeps fixed shard offsets (its trained weights are those of earlier versions).
            const Eigen::Index shardRows = distributed ? (batchRows + kShards - 1) / kShards : shardCapacity;

            pool.run([&](int s) {
                Shard &shard = shards[static_cast<std::size_t>(s)];
                const Eigen::Index shardBegin = std::min(batchRows, s * shardRows);
                const Eigen::Index n = std::min(batchRows, shardBegin + shardRows) - shardBegin;
                shard.gradient.setZero();
                for (Eigen::VectorXf &taskGradient : shard.taskGradients)
                    taskGradient.setZero();
                std::fill(shard.lossSums.begin(), shard.lossSums.end(), 0.0);
                if (n == 0)
                    return;
                const std::span<const std::size_t> shardRowList =
                    std::span(batchRowList).subspan(static_cast<std::size_t>(shardBegin), static_cast<std::size_t>(n));
                train.inputs->gatherInto(shardRowList, shard.inputs);
                for (Eigen::Index i = 0; i < n; ++i) {
                    const std::size_t row = shardRowList[static_cast<std::size_t>(i)];
                    for (std::size_t t = 0; t < taskCount; ++t)
                        shard.targets[t][static_cast<std::size_t>(i)] = rowTargets[row * taskCount + t];
                }
                // The rows of this shard in the next batch are scattered over the input matrix:
                // ask for them now, so that they arrive while this batch computes.
                {
                    const Eigen::Index nextShardRows =
                        distributed ? (nextBatchRows + kShards - 1) / kShards : shardCapacity;
                    const Eigen::Index nextBegin = std::min(nextBatchRows, s * nextShardRows);
                    const Eigen::Index nextEnd = std::min(nextBatchRows, nextBegin + nextShardRows);
                    const std::span<const std::size_t> nextRows =
                        std::span(nextBatchRowList)
                            .subspan(static_cast<std::size_t>(nextBegin),
                                     static_cast<std::size_t>(nextEnd - nextBegin));
                    train.inputs->prefetch(nextRows);
                    for (const std::size_t row : nextRows)
                        __builtin_prefetch(&rowTargets[row * taskCount]);
                }
                shard.random = SplitMix64(SplitMix64::derive(dropoutSeed, static_cast<std::uint64_t>(epoch),
                                                             batch * kShards + static_cast<std::size_t>(s)));
                const InputBatch<float> inputs = shard.inputs.batch(0, n);
                forwardNetwork<float>(network, outcome.parameters.data(), inputs, shard.workspace, true, &shard.random);
                for (std::size_t t = 0; t < tasks.size(); ++t) {
                    const int width = network.spec().taskOutputs[t];
                    const double weight = tasks[t].lambda * weighting->multipliers()[t];
                    const auto scale = labelledInBatch[t] > 0 ? static_cast<float>(weight / labelledInBatch[t]) : 0.0f;
                    shard.lossSums[t] =
                        taskLoss<float>(tasks[t].type, shard.workspace.taskOutputs(t, n), shard.targets[t].data(),
                                        tasks[t].loss, scale, shard.workspace.taskOutputGradient(t, width, n));
                }
                if (perTaskGradients) {
                    for (std::size_t t = 0; t < tasks.size(); ++t)
                        backwardNetwork<float>(network, outcome.parameters.data(), inputs, shard.workspace, n,
                                               shard.taskGradients[t].data(), static_cast<int>(t));
                } else {
                    backwardNetwork<float>(network, outcome.parameters.data(), inputs, shard.workspace, n,
                                           shard.gradient.data());
                }
            });

            // Shards add up in a fixed order, so the sum does not depend on the thread count.
            for (std::size_t t = 0; t < tasks.size(); ++t) {
                lossSums[t] = 0;
                for (const Shard &shard : shards)
                    lossSums[t] += shard.lossSums[t];
                if (perTaskGradients) {
                    taskGradients[t] = shards[0].taskGradients[t];
                    for (std::size_t s = 1; s < shards.size(); ++s)
                        taskGradients[t] += shards[s].taskGradients[t];
                }
            }
            if (!perTaskGradients) {
                static_assert(kShards == 2, "the shard gradients are added in one pass");
                gradient = shards[0].gradient + shards[1].gradient;
            }
            if (distributed &&
                sumOverRanks(ranks, fused, perTaskGradients ? std::span(taskGradients) : std::span(&gradient, 1),
                             lossSums, cancel && cancel->isCancelled()))
                throw Cancelled();
            for (std::size_t t = 0; t < tasks.size(); ++t) {
                batchLosses[t] = labelledInBatch[t] > 0 ? lossSums[t] / labelledInBatch[t] : kNotMeasured;
                epochLoss[t] += lossSums[t];
                epochLabelled[t] += labelledInBatch[t];
            }
            weighting->combine(batchLosses, taskGradients, gradient);
            if (config.l2 > 0)
                gradient += l2Mask.cwiseProduct(outcome.parameters);
            taskGraphPenalty(network, tasks, config.taskGraph, outcome.parameters, &gradient);
            optimiser.step(outcome.parameters, gradient);
            for (TrainingCallback *callback : allCallbacks)
                stop = callback->endBatch(epoch, batch + 1, batches) || stop;
            if (stop)
                break;
        }
        if (!outcome.parameters.allFinite()) {
            std::string task;
            for (std::size_t t = 0; t < tasks.size() && task.empty(); ++t) {
                if (!std::isfinite(epochLoss[t]))
                    task = tasks[t].name;
            }
            throw TrainingDiverged(epoch, task);
        }

        EpochRecord record;
        record.epoch = epoch;
        record.tasks.resize(tasks.size());
        record.trainObjective = 0;
        previousEpochLosses.assign(tasks.size(), kNotMeasured);
        for (std::size_t t = 0; t < tasks.size(); ++t) {
            record.lambdas.push_back(tasks[t].lambda * weighting->multipliers()[t]);
            if (epochLabelled[t] > 0) {
                record.tasks[t].trainLoss = epochLoss[t] / epochLabelled[t];
                record.trainObjective += tasks[t].lambda * record.tasks[t].trainLoss;
                previousEpochLosses[t] = record.tasks[t].trainLoss;
            }
        }
        const double trainSeconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        record.samplesPerSecond = static_cast<double>(rows) / std::max(trainSeconds, 1e-9);
        measureEpoch(network, tasks, outcome.parameters, train, validation, threads, record, ranks, trainMetricRows);
        record.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();

        // Without validation rows the last epoch is kept; an epoch whose criterion could not be
        // measured (a validation part with one class has no AUC) is never the best.
        const double value = validation ? earlyStopValue(record, criterion) : record.trainObjective;
        if (!validation || value < bestValidation) {
            bestValidation = value;
            bestParameters = outcome.parameters;
            outcome.history.bestEpoch = epoch;
        }
        outcome.history.epochs.push_back(record);
        for (TrainingCallback *callback : allCallbacks)
            stop = callback->endEpoch(record) || stop;
        if (stop) {
            outcome.history.stopReason = "stopped early at epoch " + std::to_string(epoch);
            break;
        }
        if (checkpoints && epoch < config.epochs && checkpoints->wantsStateAfter(epoch)) {
            checkpoints->save({epoch, outcome.parameters, optimiser.state(), weighting->saveState(),
                               previousEpochLosses, bestValidation, bestParameters, earlyStop.best(),
                               earlyStop.epochsWithoutImprovement(), outcome.history});
        }
    }
    if (outcome.history.stopReason.empty())
        outcome.history.stopReason = "completed " + std::to_string(outcome.history.epochs.size()) + " epochs";
    if (outcome.history.bestEpoch == 0 && !outcome.history.epochs.empty()) {
        // The criterion was never measured: keep the last epoch's weights, and say so.
        bestParameters = outcome.parameters;
        outcome.history.bestEpoch = outcome.history.epochs.back().epoch;
        outcome.history.stopReason += " (the early-stopping criterion could not be measured on the validation rows)";
    }
    outcome.parameters = bestParameters;
    return outcome;
}

} // namespace cmtl
