#include "nn/InputGradient.h"

#include "nn/Softmax.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace cmtl {

namespace {

// d output / d inputs through the trunk (or experts) and the head: everything but the wide path.
template <typename Scalar>
void deepInputGradient(const MultiTaskNetwork &network, const Scalar *parameters,
                       const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &inputs, std::size_t task,
                       Eigen::Index output, NetworkWorkspace<Scalar> &workspace,
                       Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &gradient)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    const NetworkSpec &spec = network.spec();
    const Eigen::Index n = inputs.cols();
    if (inputs.rows() != spec.inputs || task >= network.taskCount() || output < 0 ||
        output >= network.head(task).outputWidth())
        throw std::invalid_argument("outputInputGradient: " + std::to_string(inputs.rows()) + " inputs for " +
                                    std::to_string(spec.inputs) + ", task " + std::to_string(task) + " output " +
                                    std::to_string(output) + " out of range");
    if (workspace.heads.size() != network.taskCount() || workspace.heads[task].activations.empty() ||
        workspace.heads[task].activations.back().cols() < n)
        workspace.allocate(network, n);
    forwardNetwork<Scalar>(network, parameters, inputs, workspace, false, nullptr);
    // Parameter gradients are a by-product of backwardChain; they go to a scratch vector.
    std::vector<Scalar> parameterGradient(static_cast<std::size_t>(network.parameterCount()), Scalar(0));
    Scalar *scratch = parameterGradient.data();
    gradient.setZero(spec.inputs, n);

    // The head: d output / d what the head reads.
    DenseChainWorkspace<Scalar> &head = workspace.heads[task];
    head.outputGradient.topLeftCorner(head.activations.back().rows(), n).setZero();
    head.outputGradient.row(output).head(n).setOnes();
    const Eigen::Index width = network.representationWidth();
    const bool trunkless = network.experts().empty();
    backwardChain<Scalar>(network.head(task), parameters, representationOf<Scalar>(network, workspace, inputs, task, n),
                          head, n, scratch, true);
    const Matrix representationGradient = head.inputGradient.topLeftCorner(width, n);
    if (trunkless) {
        gradient = representationGradient;
        return;
    }
    // A gate or attention layer's logits are W x + b: their gradient reaches the inputs as W^T.
    const auto addThroughGate = [&](const DenseShape &gate, const Matrix &logitGradient) {
        const Eigen::Map<const Matrix> weights(parameters + gate.weightOffset, gate.outputs, gate.inputs);
        gradient.noalias() += weights.transpose() * logitGradient;
    };

    switch (spec.architecture) {
    case Architecture::SharedBottom: {
        DenseChainWorkspace<Scalar> &trunk = workspace.experts[0];
        trunk.outputGradient.topLeftCorner(width, n) = representationGradient;
        backwardChain<Scalar>(network.experts()[0], parameters, inputs, trunk, n, scratch, true);
        gradient = trunk.inputGradient.topLeftCorner(spec.inputs, n);
        return;
    }
    case Architecture::Attention: {
        // attended = d * a (.) x with a = softmax(A x + b): x enters directly and through a.
        const Scalar inputCount = static_cast<Scalar>(spec.inputs);
        DenseChainWorkspace<Scalar> &trunk = workspace.experts[task];
        trunk.outputGradient.topLeftCorner(width, n) = representationGradient;
        backwardChain<Scalar>(network.experts()[0], parameters, workspace.attendedInputs[task].leftCols(n), trunk, n,
                              scratch, true);
        const Matrix attendedGradient = trunk.inputGradient.topLeftCorner(spec.inputs, n);
        const auto attention = workspace.gateWeights[task].leftCols(n);
        gradient.array() += inputCount * attention.array() * attendedGradient.array();
        Matrix attentionGradient = (inputCount * attendedGradient.array() * inputs.array()).matrix();
        softmaxBackward(attention, attentionGradient);
        addThroughGate(network.gate(task), attentionGradient);
        return;
    }
    case Architecture::MMoE:
    case Architecture::PLE:
        break;
    }
    // Mixtures: representation = sum_k g_k(x) expert_k(x).
    const auto gate = workspace.gateWeights[task].leftCols(n);
    Matrix gateGradient(gate.rows(), n);
    const std::vector<int> &experts = network.expertsOf(task);
    for (std::size_t k = 0; k < experts.size(); ++k) {
        const auto e = static_cast<std::size_t>(experts[k]);
        const auto row = static_cast<Eigen::Index>(k);
        DenseChainWorkspace<Scalar> &expert = workspace.experts[e];
        gateGradient.row(row) =
            (representationGradient.array() * expert.activations.back().leftCols(n).array()).colwise().sum().matrix();
        expert.outputGradient.topLeftCorner(width, n) =
            (representationGradient.array().rowwise() * gate.row(row).array()).matrix();
        backwardChain<Scalar>(network.experts()[e], parameters, inputs, expert, n, scratch, true);
        gradient += expert.inputGradient.topLeftCorner(spec.inputs, n);
    }
    softmaxBackward(gate, gateGradient);
    addThroughGate(network.gate(task), gateGradient);
}

} // namespace

template <typename Scalar>
void outputInputGradient(const MultiTaskNetwork &network, const Scalar *parameters,
                         const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &inputs, std::size_t task,
                         Eigen::Index output, NetworkWorkspace<Scalar> &workspace,
                         Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &gradient)
{
    deepInputGradient(network, parameters, inputs, task, output, workspace, gradient);
    // The wide path adds W_t x to the task's outputs: its gradient is the output's row of W_t, the
    // same for every row. Without it, attributions of a wide & deep model would not sum to the
    // difference of its logits.
    if (network.spec().wide) {
        using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
        const Eigen::Map<const Matrix> wide(parameters + network.wideOffset(task), network.spec().taskOutputs[task],
                                            network.spec().inputs);
        gradient.colwise() += wide.row(output).transpose();
    }
}

template void outputInputGradient<float>(const MultiTaskNetwork &, const float *, const Eigen::MatrixXf &, std::size_t,
                                         Eigen::Index, NetworkWorkspace<float> &, Eigen::MatrixXf &);
template void outputInputGradient<double>(const MultiTaskNetwork &, const double *, const Eigen::MatrixXd &,
                                          std::size_t, Eigen::Index, NetworkWorkspace<double> &, Eigen::MatrixXd &);

} // namespace cmtl
