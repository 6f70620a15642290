#pragma once

#include "common/Cancellation.h"
#include "common/Error.h"
#include "nn/Adam.h"
#include "nn/Losses.h"
#include "nn/MultiTaskNetwork.h"
#include "preprocess/InputMatrix.h"
#include "tasks/TaskSpec.h"
#include "train/TaskWeighting.h"

#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace cmtl {

class Communicator;

// An edge of the task-relation graph: the penalty strength * ||W_a - W_b||^2 pulls the first
// layers of two tasks' heads together (graph-regularised multi-task learning).
struct TaskRelation {
    std::string taskA, taskB;
    double strength = 0;
};

// What happens once early stopping has chosen the number of epochs on the validation rows.
enum class RefitMode {
    None, // keep the weights of the best epoch, trained on the training rows alone
    All,  // train again from the start on the training and validation rows together, for the
          // number of epochs early stopping chose (no row is then wasted on choosing it)
};
const char *toString(RefitMode mode);
RefitMode refitFromString(const std::string &name); // "none" or "all"; ConfigError otherwise

// Hyper-parameters of the network and of its optimisation. The defaults were chosen on repeated
// stratified splits of the three real datasets (README, "Defaults and the evidence for them").
struct TrainConfig {
    Architecture architecture = Architecture::SharedBottom;
    std::vector<int> hiddenLayers = {128, 64};
    int experts = 4;     // MMoE and PLE: shared experts
    int taskExperts = 1; // PLE: experts of each task's own
    int headHidden = 0;
    double dropout = 0.1;
    // Wide & deep: a linear layer from the inputs to each task's outputs beside the trunk
    // (NetworkSpec::wide). A network without hidden layers is a linear model already: there the
    // setting changes nothing (usesWidePath). On by default: with the longer training below it
    // lifted lending_club's default AUC from 0.6906 to 0.6986 over 10 splits (README, "Defaults").
    bool wide = true;
    WeightingSettings weighting;
    std::vector<TaskRelation> taskGraph;
    double learningRate = 1e-3;
    int batchSize = 256;
    // The wide path converges slowly (a small gradient share beside the trunk's): 30 epochs with
    // patience 5 stopped it before it reached the regularised linear model's fit.
    int epochs = 100;
    // Stop when the early-stopping criterion has not improved for this many epochs (0 = never).
    int patience = 30;
    // The early-stopping criterion (and the choice of the best epoch): empty = the validation
    // objective sum_i lambda_i * L_i; "TASK:METRIC" = one task's validation metric, METRIC being
    // auc (binary), accuracy (multiclass), rmse (regression) or loss (any task).
    std::string earlyStopOn;
    RefitMode refit = RefitMode::All;
    // L2 penalty 0.5 * l2 * ||W||^2 on the weights (not the biases). 1e-2 (scikit-learn's C of
    // about 0.01 on 8,000 rows) beat 1e-5 ... 1e-1 on repeated splits of lending_club and German
    // credit, and lost 0.002 AUC to 1e-3 on credit_data (README, "Defaults and the evidence").
    double l2 = 1e-2;
    std::uint64_t seed = 42;
    // A seed ensemble: this many networks, trained alike with the seeds seed, seed + 1, ...
    // (each with its own early stopping and refit), whose predicted probabilities are averaged.
    // 1 = a single network.
    int ensemble = 1;
    // Threads for training and scoring; 0 = all hardware threads. Results do not depend on it.
    int threads = 0;
};

// Whether the network of `config` has the wide path: asked for, and a trunk for it to sit beside.
inline bool usesWidePath(const TrainConfig &config)
{
    return config.wide && !config.hiddenLayers.empty();
}

// Thrown when the weights stop being finite numbers: which epoch, and the first task whose loss
// became NaN or infinite (empty when every loss stayed finite that epoch). The message says what
// to do; runExperiment adds the feature column most likely to blame.
class TrainingDiverged : public ConfigError {
public:
    TrainingDiverged(int epoch, std::string task);
    int epoch() const { return m_epoch; }
    const std::string &task() const { return m_task; }

private:
    int m_epoch;
    std::string m_task;
};

// What the trainer needs to know of a task.
struct TrainingTask {
    std::string name;
    TaskType type = TaskType::Binary;
    int outputs = 1;
    double lambda = 1.0;
    // Regression targets are standardised; this turns an RMSE back into the target's unit.
    double targetScale = 1.0;
    // Class weights and focal loss, for imbalanced classes.
    LossOptions loss = {};
};

// Some rows (`rows`) of the preprocessed inputs of the data (an InputMatrix in memory, one column
// per row, or a cache on disk: RowSource) and one target vector per task over all rows (NaN =
// missing label). Parts of one source share it rather than copying it.
struct TrainingSet {
    const RowSource *inputs = nullptr;
    const std::vector<std::vector<float>> *targets = nullptr;
    std::vector<std::size_t> rows;
    // In a data-parallel run, where each of `rows` stands among all ranks' rows (ascending), when
    // not after the previous ranks' rows and before the next ranks' (empty): oversampled rows
    // repeated at the end of the list one process would make.
    std::vector<std::size_t> positions{};

    Eigen::Index size() const { return static_cast<Eigen::Index>(rows.size()); }
};

constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

struct TaskEpochStats {
    double trainLoss = kNotMeasured; // mean over the epoch's batches (with dropout)
    double validationLoss = kNotMeasured;
    // AUC (binary), accuracy (multiclass) or RMSE in the target's unit (regression), of the
    // weights at the end of the epoch, without dropout: on the validation rows and on up to
    // kTrainMetricRows training rows (a fixed subset, so that epochs compare).
    double validationMetric = kNotMeasured;
    double trainMetric = kNotMeasured;
};

constexpr std::size_t kTrainMetricRows = 20000;

struct EpochRecord {
    int epoch = 0;                             // 1-based
    double trainObjective = kNotMeasured;      // sum_i lambda_i * L_i over the epoch's batches
    double validationObjective = kNotMeasured; // the same on the validation rows, without dropout
    std::vector<TaskEpochStats> tasks;
    std::vector<double> lambdas;
    double seconds = 0;
    double samplesPerSecond = 0;
};

struct TrainingHistory {
    std::vector<EpochRecord> epochs;
    int bestEpoch = 0; // the epoch early stopping chose (1-based; 0 when none)
    std::string stopReason;
    // With RefitMode::All: the epochs of the final training on the training and validation rows
    // together (equal to bestEpoch), and those rows' count; 0 when the model was not refitted.
    int refitEpochs = 0;
    std::size_t refitRows = 0;
};

// Hooks into the training loop in the manner of ensmallen's callbacks: each returns true to ask
// the trainer to stop after the current step.
class TrainingCallback {
public:
    virtual ~TrainingCallback() = default;
    virtual bool beginEpoch(int /*epoch*/) { return false; }
    virtual bool endBatch(int /*epoch*/, std::size_t /*batch*/, std::size_t /*batches*/) { return false; }
    virtual bool endEpoch(const EpochRecord & /*record*/) { return false; }
};

// One task's validation metric (or loss) that early stopping watches instead of the objective.
struct EarlyStopCriterion {
    std::size_t task = 0;
    enum class Measure { Metric, Loss } measure = Measure::Metric;
    bool higherIsBetter = false;
};

// Parses TrainConfig::earlyStopOn ("TASK:METRIC") against the tasks; nullopt for the objective.
// Throws ConfigError naming the tasks and the metrics their types allow when it names neither.
std::optional<EarlyStopCriterion> parseEarlyStopCriterion(const std::string &text,
                                                          const std::vector<std::string> &taskNames,
                                                          const std::vector<TaskType> &taskTypes);

// The value early stopping minimises for one epoch: the validation objective, or the chosen
// task's metric (negated when higher is better). NaN when it was not measured.
double earlyStopValue(const EpochRecord &record, const std::optional<EarlyStopCriterion> &criterion);

// Stops when the early-stopping value has not improved for `patience` epochs.
class EarlyStopAtMinLoss : public TrainingCallback {
public:
    explicit EarlyStopAtMinLoss(int patience, std::optional<EarlyStopCriterion> criterion = std::nullopt)
        : m_patience(patience), m_criterion(criterion)
    {}
    bool endEpoch(const EpochRecord &record) override;

    // Its state, for a checkpoint: the best value so far and the epochs since it improved.
    double best() const { return m_best; }
    int epochsWithoutImprovement() const { return m_epochsWithoutImprovement; }
    void restore(double best, int epochsWithoutImprovement)
    {
        m_best = best;
        m_epochsWithoutImprovement = epochsWithoutImprovement;
    }

private:
    int m_patience;
    std::optional<EarlyStopCriterion> m_criterion;
    double m_best = std::numeric_limits<double>::infinity();
    int m_epochsWithoutImprovement = 0;
};

struct TrainingOutcome {
    Eigen::VectorXf parameters; // of the best epoch on validation (the last without validation)
    TrainingHistory history;
};

// Everything trainNetwork needs to continue after `epoch` completed epochs as if it had never
// stopped: the weights, Adam's moments and step count, the task weighting's state, the early-
// stopping state (best value and weights, epochs without improvement), the losses of the last
// epoch (dynamic weight average reads them) and the history so far. The data order and the
// dropout masks are not kept: both are derived from the seed and the epoch (the order of epoch e
// is the seeded shuffles of epochs 1..e applied in turn, which a resumed run replays).
struct TrainerState {
    int epoch = 0; // completed epochs; 0 = none (train from the start)
    Eigen::VectorXf parameters;
    Adam::State optimiser;
    std::vector<double> weighting; // TaskWeighting::saveState
    std::vector<double> previousEpochLosses;
    double bestValue = std::numeric_limits<double>::infinity(); // of the epoch kept so far
    Eigen::VectorXf bestParameters;
    double earlyStopBest = std::numeric_limits<double>::infinity();
    int epochsWithoutImprovement = 0;
    TrainingHistory history;
};

// Where trainNetwork saves its state and finds the state to continue from (a checkpoint).
class TrainerCheckpoints {
public:
    virtual ~TrainerCheckpoints() = default;
    // The state to continue from, or nullptr to train from the start. trainNetwork refuses
    // (ConfigError) a state whose sizes do not fit the network and tasks.
    virtual const TrainerState *resumeFrom() const = 0;
    // Whether the state after `epoch` completed epochs should be saved. Asked only when training
    // goes on after that epoch (not after the last one, nor when stopping early).
    virtual bool wantsStateAfter(int epoch) const = 0;
    virtual void save(const TrainerState &state) = 0;
};

// Trains `network` with Adam on mini-batches; deterministic for a given seed whatever the thread
// count (each batch is split into the same fixed shards, whose gradients add in a fixed order).
// Throws Cancelled when `cancel` is triggered (checked every batch).
//
// Data-parallel over the ranks of `communicator` (when it has more than one): every rank calls
// this with its own part of the rows (`train` and `validation`: all ranks' parts in rank order
// are the rows of the whole set) and the same network, tasks and configuration. Each rank's batch
// is config.batchSize rows, so that N ranks train exactly as one process with batch N *
// batchSize and the same seed (the same data order), up to the order of the sums: each step the
// gradient and the losses are summed over the ranks in one call, and every rank applies the same
// Adam step. Validation metrics are over all ranks' rows. Every rank returns the same outcome.
// The callbacks must decide alike on every rank (a rank that stops alone would leave the others
// waiting in the next sum); `cancel` may be set on any rank at any time: whether any rank's is set
// goes into each step's sum, and all ranks throw Cancelled after the same step.
// With `checkpoints`, the state is handed over at the end of the epochs it asks for, and a run
// resumed from a saved state ends with the same weights, bit for bit, as one never interrupted.
TrainingOutcome trainNetwork(const MultiTaskNetwork &network, const std::vector<TrainingTask> &tasks,
                             const TrainingSet &train, const TrainingSet *validation, const TrainConfig &config,
                             const std::vector<TrainingCallback *> &callbacks = {},
                             const CancellationToken *cancel = nullptr, Communicator *communicator = nullptr,
                             TrainerCheckpoints *checkpoints = nullptr);

// The task-graph penalty sum over edges of strength * ||W_a - W_b||^2 on the heads' first-layer
// weights, and its gradient added into `gradient`. Throws ConfigError when a named task is unknown
// or the two heads' first layers differ in shape.
double taskGraphPenalty(const MultiTaskNetwork &network, const std::vector<TrainingTask> &tasks,
                        const std::vector<TaskRelation> &graph, const Eigen::VectorXf &parameters,
                        Eigen::VectorXf *gradient);

// Raw outputs of every task (outputs x rows) for all columns of `inputs`, without dropout.
std::vector<Eigen::MatrixXf> forwardAll(const MultiTaskNetwork &network, const Eigen::VectorXf &parameters,
                                        const InputMatrix &inputs, int threads);

} // namespace cmtl
