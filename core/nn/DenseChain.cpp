#include "nn/DenseChain.h"

namespace cmtl {

template <typename Scalar> void DenseChainWorkspace<Scalar>::allocate(const DenseChain &chain, Eigen::Index capacity)
{
    activations.resize(chain.layers.size());
    gates.resize(chain.layers.size());
    Eigen::Index widest = 0;
    for (std::size_t l = 0; l < chain.layers.size(); ++l) {
        activations[l].resize(chain.layers[l].outputs, capacity);
        gates[l].resize(chain.layers[l].outputs, capacity);
        widest = std::max(widest, chain.layers[l].outputs);
    }
    outputGradient.resize(widest, capacity);
    scratch.resize(widest, capacity);
    inputGradient.resize(chain.layers.empty() ? 0 : chain.layers.front().inputs, capacity);
    // Rounded up to whole 64-bit draws (4 units each).
    dropoutBits.assign(static_cast<std::size_t>((widest * capacity + 3) / 4 * 4), 0);
}

template <typename Scalar>
void forwardChain(const DenseChain &chain, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                  DenseChainWorkspace<Scalar> &workspace, bool training, SplitMix64 *random)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    const Eigen::Index n = inputs.cols();
    const bool useDropout = training && chain.dropout > 0 && random != nullptr;
    const Scalar keepScale = Scalar(1) / Scalar(1 - chain.dropout);
    // Dropout keeps a unit when 16 random bits fall under this threshold.
    const auto keepThreshold = static_cast<std::uint32_t>((1.0 - chain.dropout) * 65536.0);

    for (std::size_t l = 0; l < chain.layers.size(); ++l) {
        const DenseShape &shape = chain.layers[l];
        const Eigen::Map<const Vector> bias(parameters + shape.biasOffset, shape.outputs);
        auto output = workspace.activations[l].leftCols(n);
        if (l == 0) {
            multiplyInputs<Scalar>(parameters + shape.weightOffset, shape.outputs, inputs, output);
        } else {
            const Eigen::Map<const Matrix> weights(parameters + shape.weightOffset, shape.outputs, shape.inputs);
            output.noalias() = weights * workspace.activations[l - 1].leftCols(n);
        }

        const bool isLinear = chain.linearOutput && l + 1 == chain.layers.size();
        if (isLinear) {
            output.colwise() += bias;
            continue;
        }
        // Bias, ReLU and dropout in one pass over the layer's output: gate = slope * keep / (1 - p),
        // output = pre-activation * gate, the gate kept for the backward pass.
        auto gate = workspace.gates[l].leftCols(n);
        const Eigen::Index units = shape.outputs;
        const Eigen::Index size = units * n;
        // Distinct buffers: __restrict lets the compiler vectorise the loops below.
        Scalar *__restrict const gateData = gate.data();
        Scalar *__restrict const outputData = output.data();
        const Scalar *__restrict const biasData = bias.data();
        if (useDropout) {
            // Unit k (column-major) keeps when bits [16 (k mod 4), 16 (k mod 4) + 16) of the
            // (k / 4)-th draw fall under the threshold. The draws come first, into a buffer, so
            // that the loop below has no dependency chain and vectorises.
            std::uint16_t *__restrict const bits = workspace.dropoutBits.data();
            for (Eigen::Index i = 0; i < size; i += 4) {
                const std::uint64_t draw = random->next();
                bits[i] = static_cast<std::uint16_t>(draw);
                bits[i + 1] = static_cast<std::uint16_t>(draw >> 16);
                bits[i + 2] = static_cast<std::uint16_t>(draw >> 32);
                bits[i + 3] = static_cast<std::uint16_t>(draw >> 48);
            }
            for (Eigen::Index column = 0; column < n; ++column) {
                const Eigen::Index offset = column * units;
                for (Eigen::Index unit = 0; unit < units; ++unit) {
                    const Scalar value = outputData[offset + unit] + biasData[unit];
                    const Scalar kept = bits[offset + unit] < keepThreshold ? keepScale : Scalar(0);
                    const Scalar slope = value > Scalar(0) ? kept : Scalar(0);
                    gateData[offset + unit] = slope;
                    outputData[offset + unit] = value * slope;
                }
            }
        } else {
            for (Eigen::Index column = 0; column < n; ++column) {
                const Eigen::Index offset = column * units;
                // Two loops: GCC 12 vectorises each, but not the two fused (it turns the product
                // with a constant 0/1 slope back into a branch).
                for (Eigen::Index unit = 0; unit < units; ++unit)
                    gateData[offset + unit] =
                        outputData[offset + unit] + biasData[unit] > Scalar(0) ? Scalar(1) : Scalar(0);
                for (Eigen::Index unit = 0; unit < units; ++unit)
                    outputData[offset + unit] = (outputData[offset + unit] + biasData[unit]) * gateData[offset + unit];
            }
        }
    }
}

template <typename Scalar>
void backwardChain(const DenseChain &chain, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                   DenseChainWorkspace<Scalar> &workspace, Eigen::Index n, Scalar *gradient, bool wantInputGradient)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    for (std::size_t l = chain.layers.size(); l-- > 0;) {
        const DenseShape &shape = chain.layers[l];
        const bool isLinear = chain.linearOutput && l + 1 == chain.layers.size();
        // Rows of outputGradient beyond this layer's width are scratch from a wider layer.
        auto delta = workspace.outputGradient.topLeftCorner(shape.outputs, n);
        if (!isLinear)
            delta.array() *= workspace.gates[l].leftCols(n).array();

        Eigen::Map<Vector> biasGradient(gradient + shape.biasOffset, shape.outputs);
        if (l == 0) {
            addInputOuterProduct<Scalar>(gradient + shape.weightOffset, inputs, delta);
        } else {
            Eigen::Map<Matrix> weightGradient(gradient + shape.weightOffset, shape.outputs, shape.inputs);
            weightGradient.noalias() += delta * workspace.activations[l - 1].leftCols(n).transpose();
        }
        biasGradient.noalias() += delta.rowwise().sum();

        const Eigen::Map<const Matrix> weights(parameters + shape.weightOffset, shape.outputs, shape.inputs);
        if (l > 0) {
            // The product may not alias its operand: compute into the scratch buffer, then swap
            // the two buffers (a pointer swap, no copy).
            workspace.scratch.topLeftCorner(shape.inputs, n).noalias() = weights.transpose() * delta;
            workspace.outputGradient.swap(workspace.scratch);
        } else if (wantInputGradient) {
            workspace.inputGradient.topLeftCorner(shape.inputs, n).noalias() = weights.transpose() * delta;
        }
    }
}

template struct DenseChainWorkspace<float>;
template struct DenseChainWorkspace<double>;
template void forwardChain<float>(const DenseChain &, const float *, const InputBatch<float> &,
                                  DenseChainWorkspace<float> &, bool, SplitMix64 *);
template void forwardChain<double>(const DenseChain &, const double *, const InputBatch<double> &,
                                   DenseChainWorkspace<double> &, bool, SplitMix64 *);
template void backwardChain<float>(const DenseChain &, const float *, const InputBatch<float> &,
                                   DenseChainWorkspace<float> &, Eigen::Index, float *, bool);
template void backwardChain<double>(const DenseChain &, const double *, const InputBatch<double> &,
                                    DenseChainWorkspace<double> &, Eigen::Index, double *, bool);

} // namespace cmtl
