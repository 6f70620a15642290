#include "nn/MultiTaskNetwork.h"

#include "common/Error.h"
#include "nn/Softmax.h"

#include <cmath>
#include <string>

namespace cmtl {

const char *toString(Architecture architecture)
{
    switch (architecture) {
    case Architecture::SharedBottom:
        return "shared-bottom";
    case Architecture::MMoE:
        return "mmoe";
    case Architecture::PLE:
        return "ple";
    case Architecture::Attention:
        return "attention";
    }
    return "?";
}

Architecture architectureFromString(const std::string &text)
{
    for (const Architecture architecture :
         {Architecture::SharedBottom, Architecture::MMoE, Architecture::PLE, Architecture::Attention}) {
        if (text == toString(architecture))
            return architecture;
    }
    throw ConfigError("unknown architecture \"" + text + "\": expected shared-bottom, mmoe, ple or attention");
}

namespace {

// Moves `offset` past `count` more parameters, refusing a network beyond the limit. Checked layer
// by layer, so that the offsets never come near overflowing: each layer is at most 2^48
// parameters (widths are bounded by 2^24), the running total at most the limit.
void reserveParameters(Eigen::Index count, Eigen::Index &offset)
{
    offset += count;
    if (offset > kMaxNetworkParameters)
        throw ConfigError("the network is too large: it would have at least " + std::to_string(offset) +
                          " parameters, more than the limit of " + std::to_string(kMaxNetworkParameters) +
                          " (training holds " + std::to_string(kTrainingCopiesPerParameter) +
                          " float32 copies of each - weights, best weights, gradient, L2 mask and Adam's two "
                          "moments - about " +
                          std::to_string(kMaxNetworkParameters * kTrainingCopiesPerParameter * 4 / 1000000000) +
                          " GB at the limit); use smaller hidden layers (--hidden, --head-hidden) or fewer experts");
}

DenseShape appendLayer(Eigen::Index inputs, Eigen::Index outputs, Eigen::Index &offset)
{
    DenseShape shape;
    shape.inputs = inputs;
    shape.outputs = outputs;
    shape.weightOffset = offset;
    shape.biasOffset = offset + inputs * outputs;
    reserveParameters(shape.parameterCount(), offset);
    return shape;
}

DenseChain appendChain(Eigen::Index inputs, const std::vector<int> &widths, double dropout, Eigen::Index &offset)
{
    DenseChain chain;
    chain.dropout = dropout;
    for (const int width : widths) {
        chain.layers.push_back(appendLayer(inputs, width, offset));
        inputs = width;
    }
    return chain;
}

} // namespace

MultiTaskNetwork::MultiTaskNetwork(NetworkSpec spec) : m_spec(std::move(spec))
{
    const std::size_t tasks = m_spec.taskTypes.size();
    if (m_spec.inputs <= 0)
        throw ConfigError("the network needs at least one input");
    if (tasks == 0 || tasks != m_spec.taskOutputs.size())
        throw ConfigError("the network needs one output size per task");
    if (!(m_spec.dropout >= 0 && m_spec.dropout < 1))
        throw ConfigError("dropout must be in [0, 1)");
    // Bounds that keep the layout's arithmetic far from overflow and refuse, with a message, a
    // network no workstation could hold (a damaged model file or configuration asks for one).
    constexpr Eigen::Index kMaxWidth = Eigen::Index{1} << 24;
    constexpr int kMaxExperts = 1024;
    for (const int width : m_spec.trunk) {
        if (width <= 0 || width > kMaxWidth)
            throw ConfigError("hidden layer sizes must be positive (and at most " + std::to_string(kMaxWidth) + ")");
    }
    if (m_spec.inputs > kMaxWidth || m_spec.headHidden < 0 || m_spec.headHidden > kMaxWidth ||
        m_spec.experts > kMaxExperts || m_spec.taskExperts > kMaxExperts)
        throw ConfigError("the network is too large: at most " + std::to_string(kMaxWidth) + " inputs or units per " +
                          "layer and " + std::to_string(kMaxExperts) + " experts");
    for (const int outputs : m_spec.taskOutputs) {
        if (outputs <= 0 || static_cast<std::size_t>(outputs) > kMaxClasses)
            throw ConfigError("every task needs between 1 and " + std::to_string(kMaxClasses) +
                              " outputs (a multiclass task has at most " + std::to_string(kMaxClasses) +
                              " classes), not " + std::to_string(outputs));
    }
    const bool mixture = m_spec.architecture == Architecture::MMoE || m_spec.architecture == Architecture::PLE;
    if (m_spec.architecture != Architecture::SharedBottom && m_spec.trunk.empty())
        throw ConfigError(std::string("the ") + toString(m_spec.architecture) +
                          " architecture needs hidden layers (--hidden)");
    if (m_spec.wide && m_spec.trunk.empty())
        throw ConfigError("the wide path (--wide on) adds a linear model to a network with hidden layers; without "
                          "hidden layers (--hidden none) the network already is one: turn one of them off");
    if (mixture && (m_spec.experts < 1 || (m_spec.architecture == Architecture::PLE && m_spec.taskExperts < 1)))
        throw ConfigError("a mixture of experts needs at least one expert of each kind");

    Eigen::Index offset = 0;
    const auto addExpert = [&] {
        m_experts.push_back(appendChain(m_spec.inputs, m_spec.trunk, m_spec.dropout, offset));
    };
    m_expertsOfTask.assign(tasks, {});
    switch (m_spec.architecture) {
    case Architecture::SharedBottom:
    case Architecture::Attention:
        if (!m_spec.trunk.empty()) {
            addExpert();
            for (auto &experts : m_expertsOfTask)
                experts = {0};
        }
        break;
    case Architecture::MMoE:
        for (int e = 0; e < m_spec.experts; ++e)
            addExpert();
        for (auto &experts : m_expertsOfTask) {
            for (int e = 0; e < m_spec.experts; ++e)
                experts.push_back(e);
        }
        break;
    case Architecture::PLE:
        for (int e = 0; e < m_spec.experts; ++e)
            addExpert();
        for (std::size_t t = 0; t < tasks; ++t) {
            for (int e = 0; e < m_spec.experts; ++e)
                m_expertsOfTask[t].push_back(e);
            for (int e = 0; e < m_spec.taskExperts; ++e) {
                m_expertsOfTask[t].push_back(static_cast<int>(m_experts.size()));
                addExpert();
            }
        }
        break;
    }
    if (mixture) {
        for (std::size_t t = 0; t < tasks; ++t)
            m_gates.push_back(appendLayer(m_spec.inputs, static_cast<Eigen::Index>(m_expertsOfTask[t].size()), offset));
    } else if (m_spec.architecture == Architecture::Attention) {
        for (std::size_t t = 0; t < tasks; ++t)
            m_gates.push_back(appendLayer(m_spec.inputs, m_spec.inputs, offset));
    }
    m_sharedEnd = offset;
    m_representationWidth = m_spec.trunk.empty() ? m_spec.inputs : m_spec.trunk.back();
    for (std::size_t t = 0; t < tasks; ++t) {
        std::vector<int> widths;
        if (m_spec.headHidden > 0)
            widths.push_back(m_spec.headHidden);
        widths.push_back(m_spec.taskOutputs[t]);
        DenseChain head = appendChain(m_representationWidth, widths, 0.0, offset);
        head.linearOutput = true;
        m_heads.push_back(std::move(head));
    }
    // After every head, so that a network without the wide path has the layout it always had.
    if (m_spec.wide) {
        for (std::size_t t = 0; t < tasks; ++t) {
            m_wideOffsets.push_back(offset);
            reserveParameters(m_spec.inputs * m_spec.taskOutputs[t], offset);
        }
    }
    m_parameterCount = offset;
}

std::vector<std::pair<Eigen::Index, Eigen::Index>> MultiTaskNetwork::lastSharedLayers() const
{
    std::vector<std::pair<Eigen::Index, Eigen::Index>> ranges;
    for (const DenseChain &expert : m_experts) {
        const DenseShape &last = expert.layers.back();
        ranges.emplace_back(last.weightOffset, last.inputs * last.outputs);
    }
    return ranges;
}

template <typename Scalar> void MultiTaskNetwork::initialise(Scalar *parameters, std::uint64_t seed) const
{
    SplitMix64 random(seed);
    const auto initialiseChain = [&](const DenseChain &chain) {
        for (const DenseShape &shape : chain.layers) {
            const double bound = 1.0 / std::sqrt(static_cast<double>(shape.inputs));
            for (Eigen::Index i = 0; i < shape.parameterCount(); ++i)
                parameters[shape.weightOffset + i] = static_cast<Scalar>((2.0 * random.uniform() - 1.0) * bound);
        }
    };
    for (const DenseChain &expert : m_experts)
        initialiseChain(expert);
    for (const DenseShape &gate : m_gates)
        std::fill(parameters + gate.weightOffset, parameters + gate.weightOffset + gate.parameterCount(), Scalar(0));
    for (const DenseChain &head : m_heads)
        initialiseChain(head);
    for (std::size_t t = 0; t < m_wideOffsets.size(); ++t)
        std::fill_n(parameters + m_wideOffsets[t], m_spec.inputs * m_spec.taskOutputs[t], Scalar(0));
}

Eigen::VectorXf MultiTaskNetwork::weightMask() const
{
    Eigen::VectorXf mask = Eigen::VectorXf::Zero(m_parameterCount);
    const auto markLayer = [&](const DenseShape &shape) {
        mask.segment(shape.weightOffset, shape.inputs * shape.outputs).setOnes();
    };
    for (const DenseChain &expert : m_experts) {
        for (const DenseShape &shape : expert.layers)
            markLayer(shape);
    }
    for (const DenseShape &gate : m_gates)
        markLayer(gate);
    for (const DenseChain &head : m_heads) {
        for (const DenseShape &shape : head.layers)
            markLayer(shape);
    }
    for (std::size_t t = 0; t < m_wideOffsets.size(); ++t)
        mask.segment(m_wideOffsets[t], m_spec.inputs * m_spec.taskOutputs[t]).setOnes();
    return mask;
}

template <typename Scalar>
void NetworkWorkspace<Scalar>::allocate(const MultiTaskNetwork &network, Eigen::Index capacity)
{
    const std::size_t tasks = network.taskCount();
    const bool attention = network.spec().architecture == Architecture::Attention;
    const std::size_t expertPasses = attention ? (network.experts().empty() ? 0 : tasks) : network.experts().size();
    experts.resize(expertPasses);
    for (std::size_t pass = 0; pass < expertPasses; ++pass)
        experts[pass].allocate(network.experts()[attention ? 0 : pass], capacity);
    gateWeights.clear();
    expandedInputs.resize(attention ? network.spec().inputs : 0, attention ? capacity : 0);
    attendedInputs.clear();
    representations.clear();
    if (network.hasGates()) {
        for (std::size_t t = 0; t < tasks; ++t) {
            gateWeights.emplace_back(network.gate(t).outputs, capacity);
            if (attention)
                attendedInputs.emplace_back(network.spec().inputs, capacity);
            else
                representations.emplace_back(network.representationWidth(), capacity);
        }
    }
    expertGradients.assign(attention ? 0 : network.experts().size(), Matrix(network.representationWidth(), capacity));
    representationGradient.resize(network.representationWidth(), capacity);
    heads.resize(tasks);
    for (std::size_t t = 0; t < tasks; ++t)
        heads[t].allocate(network.head(t), capacity);
    wideOutputs.clear();
    if (network.spec().wide) {
        for (std::size_t t = 0; t < tasks; ++t)
            wideOutputs.emplace_back(network.spec().taskOutputs[t], capacity);
    }
}

// What head t reads for the current batch.
template <typename Scalar>
InputBatch<Scalar> representationOf(const MultiTaskNetwork &network, NetworkWorkspace<Scalar> &workspace,
                                    const InputBatch<Scalar> &inputs, std::size_t task, Eigen::Index n)
{
    switch (network.spec().architecture) {
    case Architecture::SharedBottom:
        if (network.experts().empty())
            return inputs;
        return workspace.experts[0].activations.back().leftCols(n);
    case Architecture::Attention:
        return workspace.experts[task].activations.back().leftCols(n);
    case Architecture::MMoE:
    case Architecture::PLE:
        break;
    }
    return workspace.representations[task].leftCols(n);
}

namespace {

// The attention architecture scales every input, the zeros of one-hot blocks included: it reads
// the batch written out densely (expanded once per forward pass, kept for the backward pass).
template <typename Scalar>
Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>
denseInputsOf(const InputBatch<Scalar> &inputs, NetworkWorkspace<Scalar> &workspace)
{
    if (inputs.isDense())
        return inputs.dense;
    return workspace.expandedInputs.leftCols(inputs.cols());
}

} // namespace

template <typename Scalar>
void forwardNetwork(const MultiTaskNetwork &network, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                    NetworkWorkspace<Scalar> &workspace, bool training, SplitMix64 *random)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    const Eigen::Index n = inputs.cols();
    const NetworkSpec &spec = network.spec();
    const auto gateLogits = [&](std::size_t task) {
        const DenseShape &gate = network.gate(task);
        auto logits = workspace.gateWeights[task].leftCols(n);
        multiplyInputs<Scalar>(parameters + gate.weightOffset, gate.outputs, inputs, logits);
        logits.colwise() += Eigen::Map<const Vector>(parameters + gate.biasOffset, gate.outputs);
        softmaxColumns(logits);
        return logits;
    };

    if (spec.architecture == Architecture::Attention) {
        // x_t = d * softmax(A_t x + b_t) (elementwise) x: uniform attention leaves x unchanged.
        const Scalar inputCount = static_cast<Scalar>(spec.inputs);
        if (!inputs.isDense())
            inputs.expandInto(workspace.expandedInputs.leftCols(n));
        const Eigen::Ref<const Matrix> denseInputs = denseInputsOf(inputs, workspace);
        for (std::size_t t = 0; t < network.taskCount(); ++t) {
            const auto attention = gateLogits(t);
            auto attended = workspace.attendedInputs[t].leftCols(n);
            attended.array() = inputCount * attention.array() * denseInputs.array();
            forwardChain<Scalar>(network.experts()[0], parameters, attended, workspace.experts[t], training, random);
        }
    } else {
        for (std::size_t e = 0; e < network.experts().size(); ++e)
            forwardChain<Scalar>(network.experts()[e], parameters, inputs, workspace.experts[e], training, random);
        if (network.hasGates()) {
            for (std::size_t t = 0; t < network.taskCount(); ++t) {
                const auto gate = gateLogits(t);
                auto mixed = workspace.representations[t].leftCols(n);
                mixed.setZero();
                const std::vector<int> &experts = network.expertsOf(t);
                for (std::size_t k = 0; k < experts.size(); ++k) {
                    const auto expertOutput =
                        workspace.experts[static_cast<std::size_t>(experts[k])].activations.back().leftCols(n);
                    mixed.array() += expertOutput.array().rowwise() * gate.row(static_cast<Eigen::Index>(k)).array();
                }
            }
        }
    }
    for (std::size_t t = 0; t < network.taskCount(); ++t) {
        forwardChain<Scalar>(network.head(t), parameters, representationOf(network, workspace, inputs, t, n),
                             workspace.heads[t], training, random);
        if (spec.wide) {
            auto wide = workspace.wideOutputs[t].leftCols(n);
            multiplyInputs<Scalar>(parameters + network.wideOffset(t), wide.rows(), inputs, wide);
            workspace.taskOutputs(t, n) += wide;
        }
    }
}

template <typename Scalar>
void backwardNetwork(const MultiTaskNetwork &network, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                     NetworkWorkspace<Scalar> &workspace, Eigen::Index n, Scalar *gradient, int onlyTask)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    const NetworkSpec &spec = network.spec();
    const Eigen::Index width = network.representationWidth();
    const bool needsRepresentationGradient = !network.experts().empty();
    // Adds the gradient of a gate's (or attention's) linear layer from d objective / d logits.
    const auto accumulateGate = [&](std::size_t task, const auto &logitGradient) {
        const DenseShape &gate = network.gate(task);
        addInputOuterProduct<Scalar>(gradient + gate.weightOffset, inputs, logitGradient);
        Eigen::Map<Vector>(gradient + gate.biasOffset, gate.outputs).noalias() += logitGradient.rowwise().sum();
    };

    const auto skipped = [&](std::size_t t) { return onlyTask >= 0 && t != static_cast<std::size_t>(onlyTask); };
    for (std::size_t t = 0; t < network.taskCount(); ++t) {
        if (skipped(t)) {
            if (needsRepresentationGradient)
                workspace.heads[t].inputGradient.topLeftCorner(width, n).setZero();
            continue;
        }
        // The wide layer reads the output gradient before the head's backward pass reuses its buffer.
        if (spec.wide) {
            const Eigen::Index outputs = spec.taskOutputs[t];
            addInputOuterProduct<Scalar>(gradient + network.wideOffset(t), inputs,
                                         workspace.taskOutputGradient(t, outputs, n));
        }
        backwardChain<Scalar>(network.head(t), parameters, representationOf(network, workspace, inputs, t, n),
                              workspace.heads[t], n, gradient, needsRepresentationGradient);
    }
    if (!needsRepresentationGradient)
        return;
    const auto headInputGradient = [&](std::size_t t) {
        return workspace.heads[t].inputGradient.topLeftCorner(width, n);
    };

    if (spec.architecture == Architecture::Attention) {
        const Scalar inputCount = static_cast<Scalar>(spec.inputs);
        for (std::size_t t = 0; t < network.taskCount(); ++t) {
            if (skipped(t))
                continue;
            DenseChainWorkspace<Scalar> &trunk = workspace.experts[t];
            trunk.outputGradient.topLeftCorner(width, n) = headInputGradient(t);
            backwardChain<Scalar>(network.experts()[0], parameters, workspace.attendedInputs[t].leftCols(n), trunk, n,
                                  gradient, true);
            // d/d attention = d * (d/d attended) * x, then back through the softmax.
            auto attentionGradient = trunk.inputGradient.topLeftCorner(spec.inputs, n);
            attentionGradient.array() *= inputCount * denseInputsOf(inputs, workspace).array();
            softmaxBackward(workspace.gateWeights[t].leftCols(n), attentionGradient);
            accumulateGate(t, attentionGradient);
        }
        return;
    }
    if (!network.hasGates()) {
        // Shared bottom: the trunk receives the sum of the heads' gradients.
        auto trunkGradient = workspace.experts[0].outputGradient.topLeftCorner(width, n);
        trunkGradient = headInputGradient(0);
        for (std::size_t t = 1; t < network.taskCount(); ++t)
            trunkGradient += headInputGradient(t);
        backwardChain<Scalar>(network.experts()[0], parameters, inputs, workspace.experts[0], n, gradient, false);
        return;
    }
    // Mixtures: each expert receives every reading task's gradient scaled by that task's gate;
    // each gate receives, per expert, the dot product of the task's gradient with the expert's output.
    for (Matrix &expertGradient : workspace.expertGradients)
        expertGradient.leftCols(n).setZero();
    for (std::size_t t = 0; t < network.taskCount(); ++t) {
        if (skipped(t))
            continue;
        const auto representationGradient = headInputGradient(t);
        const auto gate = workspace.gateWeights[t].leftCols(n);
        auto gateGradient = workspace.representationGradient.topLeftCorner(gate.rows(), n);
        const std::vector<int> &experts = network.expertsOf(t);
        for (std::size_t k = 0; k < experts.size(); ++k) {
            const auto e = static_cast<std::size_t>(experts[k]);
            const auto row = static_cast<Eigen::Index>(k);
            workspace.expertGradients[e].leftCols(n).array() +=
                representationGradient.array().rowwise() * gate.row(row).array();
            gateGradient.row(row) =
                (representationGradient.array() * workspace.experts[e].activations.back().leftCols(n).array())
                    .colwise()
                    .sum()
                    .matrix();
        }
        softmaxBackward(gate, gateGradient);
        accumulateGate(t, gateGradient);
    }
    for (std::size_t e = 0; e < network.experts().size(); ++e) {
        workspace.experts[e].outputGradient.topLeftCorner(width, n) = workspace.expertGradients[e].leftCols(n);
        backwardChain<Scalar>(network.experts()[e], parameters, inputs, workspace.experts[e], n, gradient, false);
    }
}

template void MultiTaskNetwork::initialise<float>(float *, std::uint64_t) const;
template void MultiTaskNetwork::initialise<double>(double *, std::uint64_t) const;
template struct NetworkWorkspace<float>;
template struct NetworkWorkspace<double>;
template InputBatch<float> representationOf<float>(const MultiTaskNetwork &, NetworkWorkspace<float> &,
                                                   const InputBatch<float> &, std::size_t, Eigen::Index);
template InputBatch<double> representationOf<double>(const MultiTaskNetwork &, NetworkWorkspace<double> &,
                                                     const InputBatch<double> &, std::size_t, Eigen::Index);
template void forwardNetwork<float>(const MultiTaskNetwork &, const float *, const InputBatch<float> &,
                                    NetworkWorkspace<float> &, bool, SplitMix64 *);
template void forwardNetwork<double>(const MultiTaskNetwork &, const double *, const InputBatch<double> &,
                                     NetworkWorkspace<double> &, bool, SplitMix64 *);
template void backwardNetwork<float>(const MultiTaskNetwork &, const float *, const InputBatch<float> &,
                                     NetworkWorkspace<float> &, Eigen::Index, float *, int);
template void backwardNetwork<double>(const MultiTaskNetwork &, const double *, const InputBatch<double> &,
                                      NetworkWorkspace<double> &, Eigen::Index, double *, int);

} // namespace cmtl
