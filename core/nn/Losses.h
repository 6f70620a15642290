#pragma once

#include "tasks/TaskSpec.h"

#include <Eigen/Core>

#include <vector>

namespace cmtl {

// The loss of one task over a mini-batch, on the head's raw outputs (logits for classification):
//   binary      log(1 + e^z) - y z           (binary cross-entropy on the logit, numerically stable)
//   multiclass  logsumexp(z) - z_y           (softmax cross-entropy)
//   regression  (z - y)^2                    (squared error on the standardised target)
// Columns whose target is NaN (missing label) contribute nothing. A binary target may be a
// probability in [0, 1] (a teacher's soft target, for distillation).
//
// Options for imbalanced classes (binary and multiclass):
//   classWeights  each row's loss times the weight of its class (binary: negative, positive)
//   focalGamma    focal loss (Lin et al. 2017): the cross-entropy -log p_y times (1 - p_y)^gamma,
//                 which down-weights rows the model already gets right; 0 = plain cross-entropy
struct LossOptions {
    std::vector<float> classWeights;
    double focalGamma = 0;
};

// Returns the sum of the (weighted) losses; `gradient` (same shape as outputs) receives
// scale * d sum / d outputs.
template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets, const LossOptions &options, Scalar scale,
                Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> gradient);

// Loss value only (no gradient), for evaluation.
template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets, const LossOptions &options = {});

// Turns raw outputs into predictions in place: binary logits into probabilities, multiclass
// logits into class probabilities (softmax per column); regression outputs stay as they are.
void activateOutputs(TaskType type, Eigen::Ref<Eigen::MatrixXf> outputs);

} // namespace cmtl
