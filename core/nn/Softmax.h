#pragma once

#include <Eigen/Core>

#include <type_traits>

namespace cmtl {

// Column-wise softmax in place (each column becomes a probability distribution); the largest
// logit is subtracted first so that exp never overflows.
template <typename Matrix> void softmaxColumns(Matrix &&values)
{
    for (Eigen::Index column = 0; column < values.cols(); ++column) {
        auto logits = values.col(column);
        logits.array() = (logits.array() - logits.maxCoeff()).exp();
        logits /= logits.sum();
    }
}

// d objective / d logits of a column-wise softmax, from d objective / d probabilities (in place).
template <typename Probabilities, typename Gradient>
void softmaxBackward(const Probabilities &probabilities, Gradient &&gradient)
{
    using Scalar = typename std::decay_t<Gradient>::Scalar;
    for (Eigen::Index column = 0; column < gradient.cols(); ++column) {
        const Scalar weighted = probabilities.col(column).dot(gradient.col(column));
        gradient.col(column).array() = probabilities.col(column).array() * (gradient.col(column).array() - weighted);
    }
}

} // namespace cmtl
