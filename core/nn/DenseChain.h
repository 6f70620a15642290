#pragma once

#include "nn/InputBatch.h"
#include "nn/Random.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace cmtl {

// Where one fully connected layer's weights (out x in, column-major) and bias live in the
// network's flat parameter vector.
struct DenseShape {
    Eigen::Index inputs = 0, outputs = 0;
    Eigen::Index weightOffset = 0, biasOffset = 0;

    Eigen::Index parameterCount() const { return outputs * inputs + outputs; }
};

// A stack of fully connected layers: every hidden layer is followed by ReLU (and, in training,
// inverted dropout); the last layer is linear when `linearOutput` is set. The chain owns no
// parameters: it views them in the flat vector passed to forward/backward, as mlpack's FFN does.
struct DenseChain {
    std::vector<DenseShape> layers;
    bool linearOutput = false;
    double dropout = 0;

    Eigen::Index outputWidth() const { return layers.empty() ? 0 : layers.back().outputs; }
};

// Activations of one chain for a mini-batch of up to `capacity` columns, allocated once so the
// batch loop allocates nothing.
template <typename Scalar> struct DenseChainWorkspace {
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    std::vector<Matrix> activations;        // output of each layer
    std::vector<Matrix> gates;              // d activation / d pre-activation: ReLU slope times dropout scale
    Matrix outputGradient;                  // gradient flowing back through the chain
    Matrix scratch;                         // the next layer's gradient, before it replaces outputGradient
    Matrix inputGradient;                   // gradient w.r.t. the chain's input (filled by backward)
    std::vector<std::uint16_t> dropoutBits; // 16 random bits per unit of the widest layer, for dropout

    void allocate(const DenseChain &chain, Eigen::Index capacity);
};

// Forward pass over a batch of n inputs; the result is workspace.activations.back().leftCols(n).
// Dropout masks are drawn from `random` when `training` and the chain has dropout.
template <typename Scalar>
void forwardChain(const DenseChain &chain, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                  DenseChainWorkspace<Scalar> &workspace, bool training, SplitMix64 *random);

// Backward pass: given d objective / d output (outputs x n) in workspace.outputGradient, adds the
// parameter gradients into `gradient` (same layout as the parameters) and, when wanted, leaves
// d objective / d input in workspace.inputGradient.
template <typename Scalar>
void backwardChain(const DenseChain &chain, const Scalar *parameters, const InputBatch<Scalar> &inputs,
                   DenseChainWorkspace<Scalar> &workspace, Eigen::Index n, Scalar *gradient, bool wantInputGradient);

} // namespace cmtl
