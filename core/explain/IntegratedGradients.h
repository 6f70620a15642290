#pragma once

#include "model/MultiTaskModel.h"
#include "preprocess/InputMatrix.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace cmtl {

// Integrated gradients (Sundararajan, Taly and Yan 2017) of a binary task's logit (the head's raw
// output, log-odds of the positive class) for each scored row:
//     a_i(x) = (x_i - b_i) * integral over t in [0, 1] of d logit / d x_i at b + t (x - b),
// whose sum over the inputs is logit(x) - logit(b) (completeness). The integral is taken by the
// midpoint rule over `steps` points, t = (k - 1/2) / steps, in double precision; the error comes
// from the ReLU kinks the path crosses (the gradient jumps there) and falls as 1/steps. For a seed
// ensemble the logit explained is the mean of its members' logits (close to, but not exactly, the
// logit of their averaged probability, which has no such additive form).
//
// The baseline b is the all-zero preprocessed input: every numeric input at its training mean
// (inputs are standardised with the training mean, so 0 is the mean), no missing flag set, and no
// level of any categorical column (every one-hot input 0). A column's attribution is then how much
// the applicant's value of it, against an average applicant with no category, moves the log-odds.
struct IntegratedGradients {
    // Attributions per network input (inputs x rows).
    Eigen::MatrixXd inputs;
    // The same summed over the inputs of each original column (one-hot levels and missing flags
    // added to their column): columns x rows, columns in Preprocessor::featureColumns() order.
    Eigen::MatrixXd columns;
    std::vector<std::string> columnNames;
    Eigen::VectorXd logits;   // logit(x) per row
    double baselineLogit = 0; // logit(b)
};

// The default steps: the completeness error is then of the order of 0.01 in the logit (it falls as
// 1/steps; see tst_analytics for measurements).
inline constexpr int kIntegratedGradientSteps = 128;

// For task `task` of `model`, which must be binary (std::invalid_argument otherwise, and for
// steps < 1), over every column of `inputs` (the model's preprocessed rows), on up to `threads`
// threads (0 = all hardware threads; the figures do not depend on it).
IntegratedGradients integratedGradients(const MultiTaskModel &model, const InputMatrix &inputs, std::size_t task,
                                        int steps = kIntegratedGradientSteps, int threads = 0);

// For each network input, the index of its original column in Preprocessor::featureColumns().
std::vector<std::size_t> columnOfEachInput(const Preprocessor &preprocessor);

// Reason codes of one row: the columns with the largest positive attributions (those that pushed
// the score towards the positive class), at most `count`, largest first (ties in column order).
// Columns with an attribution <= 0 are never reasons, so a row may have fewer than `count`.
std::vector<std::size_t> topReasons(const Eigen::Ref<const Eigen::VectorXd> &columnAttributions, int count);

} // namespace cmtl
