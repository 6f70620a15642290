#pragma once

#include "nn/DenseChain.h"
#include "tasks/TaskSpec.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace cmtl {

// The most parameters a network may have. Training holds kTrainingCopiesPerParameter float32
// copies of every parameter (weights, best weights, gradient, L2 mask, Adam's two moments; more
// with several threads or per-task gradients): 250 million parameters are 6 GB of training state,
// as much as a workstation should be asked for. A larger network is refused before any work.
constexpr std::int64_t kMaxNetworkParameters = 250'000'000;
constexpr std::int64_t kTrainingCopiesPerParameter = 6;

// How the tasks share the network.
enum class Architecture {
    // Hard parameter sharing: one trunk, one head per task.
    SharedBottom,
    // Multi-gate mixture of experts (Ma et al. 2018): E shared experts; each task mixes them with
    // its own softmax gate on the inputs.
    MMoE,
    // Customised gate control, the building block of progressive layered extraction (Tang et al.
    // 2020): shared experts plus experts of each task's own; each task's gate mixes the shared
    // experts and its own.
    PLE,
    // Task-specific feature attention: each task weights the inputs with its own softmax attention
    // (a function of the inputs) before the shared trunk; the attention shows which inputs each
    // task relies on.
    Attention,
};

const char *toString(Architecture architecture);
// "shared-bottom", "mmoe", "ple", "attention"; throws ConfigError otherwise.
Architecture architectureFromString(const std::string &text);

// The shape of a network. `trunk` gives the hidden layer sizes of the shared trunk or of each
// expert; each head has an optional hidden ReLU layer, then a linear output layer. An empty trunk
// with linear heads is a logistic / multinomial logistic / linear regression per task.
struct NetworkSpec {
    Eigen::Index inputs = 0;
    Architecture architecture = Architecture::SharedBottom;
    std::vector<int> trunk = {128, 64};
    int experts = 4;     // MMoE, PLE: shared experts
    int taskExperts = 1; // PLE: experts of each task's own
    int headHidden = 0;
    double dropout = 0.1;
    // Wide & deep (Cheng et al. 2016): a linear layer from the inputs straight to each task's
    // outputs, added to what the head computes from the trunk. The network then holds the
    // regularised linear model (hard to beat on credit data) and the trunk learns what it misses.
    bool wide = false;
    std::vector<TaskType> taskTypes;
    std::vector<int> taskOutputs; // 1 for binary and regression, the class count for multiclass
};

// The network's layers laid out in one flat parameter vector: experts (or the trunk), then gates
// or attention layers, then each head; within a layer the weights column-major, then the bias.
// One flat vector is what the optimiser updates, what a model file stores and what a
// data-parallel run would all-reduce. The class holds shapes only; parameters and activations
// live outside, so one network can be evaluated in float (training) and double (gradient checks).
class MultiTaskNetwork {
public:
    // An empty network (no task, no parameter), as held by a default-constructed model.
    MultiTaskNetwork() = default;
    explicit MultiTaskNetwork(NetworkSpec spec);

    const NetworkSpec &spec() const { return m_spec; }
    Eigen::Index parameterCount() const { return m_parameterCount; }
    std::size_t taskCount() const { return m_heads.size(); }
    // Width of the shared representation a head reads (the inputs when the trunk is empty).
    Eigen::Index representationWidth() const { return m_representationWidth; }

    const std::vector<DenseChain> &experts() const { return m_experts; }
    const DenseChain &head(std::size_t task) const { return m_heads[task]; }
    // Experts task t reads, and its gate (an empty gate for a single expert).
    const std::vector<int> &expertsOf(std::size_t task) const { return m_expertsOfTask[task]; }
    const DenseShape &gate(std::size_t task) const { return m_gates[task]; }
    bool hasGates() const { return !m_gates.empty(); }
    // Wide & deep: where task t's wide weights (outputs x inputs, column-major, no bias: the
    // head's bias serves) start in the flat vector; -1 without the wide path.
    Eigen::Index wideOffset(std::size_t task) const { return m_wideOffsets.empty() ? -1 : m_wideOffsets[task]; }

    // [begin, end) of the parameters no head owns: the trunk or experts, gates, attention.
    Eigen::Index sharedParameterEnd() const { return m_sharedEnd; }
    // The weights of the last shared layer of every expert (GradNorm measures the tasks'
    // gradients there), as (offset, size) ranges of the flat vector; none without a trunk.
    std::vector<std::pair<Eigen::Index, Eigen::Index>> lastSharedLayers() const;

    // PyTorch's default initialisation of a linear layer: weights and biases uniform in
    // +-1/sqrt(fan_in), drawn from a seeded SplitMix64 in layout order. Gates and attention
    // start at zero (uniform mixing, uniform attention), and so do the wide weights (the network
    // starts as the deep one; the linear part grows as the data ask).
    template <typename Scalar> void initialise(Scalar *parameters, std::uint64_t seed) const;

    // 1 for weights, 0 for biases: which parameters the L2 penalty applies to.
    Eigen::VectorXf weightMask() const;

private:
    NetworkSpec m_spec;
    std::vector<DenseChain> m_experts;
    std::vector<std::vector<int>> m_expertsOfTask;
    std::vector<DenseShape> m_gates; // MMoE, PLE: input -> experts of the task; Attention: input -> input
    std::vector<DenseChain> m_heads;
    std::vector<Eigen::Index> m_wideOffsets; // per task, after every head; empty without the wide path
    Eigen::Index m_representationWidth = 0;
    Eigen::Index m_sharedEnd = 0;
    Eigen::Index m_parameterCount = 0;
};

// Activations of a network for mini-batches of up to `capacity` columns, allocated once.
template <typename Scalar> struct NetworkWorkspace {
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    // One workspace per expert; with attention, one trunk pass per task.
    std::vector<DenseChainWorkspace<Scalar>> experts;
    std::vector<Matrix> gateWeights;     // per task: softmax gate (experts x n) or attention (inputs x n)
    Matrix expandedInputs;               // Attention: the batch with its one-hot inputs written out
    std::vector<Matrix> attendedInputs;  // Attention: per task, the weighted inputs
    std::vector<Matrix> representations; // per task: what the head reads (when not an expert's output)
    std::vector<Matrix> expertGradients; // per expert: d objective / d expert output
    Matrix representationGradient;       // scratch
    std::vector<DenseChainWorkspace<Scalar>> heads;
    std::vector<Matrix> wideOutputs; // Wide & deep: per task, the wide layer's outputs

    void allocate(const MultiTaskNetwork &network, Eigen::Index capacity);
    // The raw outputs of task t after forward, for the first n columns.
    auto taskOutputs(std::size_t task, Eigen::Index n) { return heads[task].activations.back().leftCols(n); }
    // Where the caller puts d objective / d outputs of task t before backward.
    auto taskOutputGradient(std::size_t task, Eigen::Index rows, Eigen::Index n)
    {
        return heads[task].outputGradient.topLeftCorner(rows, n);
    }
};

// What head `task` reads for the batch of the last forward pass (n columns of `inputs`): the
// trunk's or the task's expert mixture's output, or the inputs themselves without a trunk.
template <typename Scalar>
InputBatch<Scalar> representationOf(const MultiTaskNetwork &network, NetworkWorkspace<Scalar> &workspace,
                                    const InputBatch<Scalar> &inputs, std::size_t task, Eigen::Index n);

template <typename Scalar>
void forwardNetwork(const MultiTaskNetwork &network, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                    NetworkWorkspace<Scalar> &workspace, bool training, SplitMix64 *random);

// Adds d objective / d parameters into `gradient`, given each task's output gradient in the
// workspace (taskOutputGradient) for the n columns of the last forward pass. With onlyTask >= 0
// only that task's loss is followed back (its own gradient, for PCGrad and GradNorm).
template <typename Scalar>
void backwardNetwork(const MultiTaskNetwork &network, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                     NetworkWorkspace<Scalar> &workspace, Eigen::Index n, Scalar *gradient, int onlyTask = -1);

} // namespace cmtl
