#pragma once

#include "nn/MultiTaskNetwork.h"

#include <Eigen/Core>

namespace cmtl {

// The gradient of one raw output of one task (before any sigmoid or softmax: a binary task's
// logit) with respect to the network's inputs, for every column of a dense batch:
//     gradient(i, c) = d output(task, output) at column c / d input(i, c).
// The network is evaluated as in prediction (no dropout). Every architecture is followed: the
// trunk or experts, the mixture gates (which read the inputs too) and the attention over the inputs.
// `inputs` is (spec().inputs x n); `gradient` is resized to the same shape. Uses `workspace`
// (allocated here for n columns when it is smaller) and leaves the forward pass in it.
template <typename Scalar>
void outputInputGradient(const MultiTaskNetwork &network, const Scalar *parameters,
                         const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &inputs, std::size_t task,
                         Eigen::Index output, NetworkWorkspace<Scalar> &workspace,
                         Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &gradient);

} // namespace cmtl
