#pragma once

#include "tasks/TaskSpec.h"

#include <Eigen/Core>

namespace cmtl {

// The loss of one task over a mini-batch, on the head's raw outputs (logits for classification):
//   binary      log(1 + e^z) - y z           (binary cross-entropy on the logit, numerically stable)
//   multiclass  logsumexp(z) - z_y           (softmax cross-entropy)
//   regression  (z - y)^2                    (squared error on the standardised target)
// Columns whose target is NaN (missing label) contribute nothing. Returns the sum of the losses;
// `gradient` (same shape as outputs) receives scale * d sum / d outputs.
template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets, Scalar scale,
                Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> gradient);

// Loss value only (no gradient), for evaluation.
template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets);

// Turns raw outputs into predictions in place: binary logits into probabilities, multiclass
// logits into class probabilities (softmax per column); regression outputs stay as they are.
void activateOutputs(TaskType type, Eigen::Ref<Eigen::MatrixXf> outputs);

} // namespace cmtl
