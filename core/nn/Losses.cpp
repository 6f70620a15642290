#include "nn/Losses.h"

#include <cmath>

namespace cmtl {

namespace {

template <typename Scalar>
double binaryCrossEntropy(Scalar logit, float target, Scalar *gradient, Scalar scale)
{
    // log(1 + e^z) - y z, written so that neither exp overflows.
    const double z = logit;
    const double loss = std::max(z, 0.0) - z * target + std::log1p(std::exp(-std::abs(z)));
    if (gradient) {
        const double probability = z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
        *gradient = static_cast<Scalar>(scale * (probability - target));
    }
    return loss;
}

} // namespace

template <typename Scalar>
double taskLossImpl(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                    const float *targets, Scalar scale, Scalar *gradient, Eigen::Index gradientStride)
{
    double total = 0;
    const Eigen::Index classes = outputs.rows();
    for (Eigen::Index column = 0; column < outputs.cols(); ++column) {
        const float target = targets[column];
        Scalar *columnGradient = gradient ? gradient + column * gradientStride : nullptr;
        if (std::isnan(target)) {
            for (Eigen::Index k = 0; columnGradient && k < classes; ++k)
                columnGradient[k] = Scalar(0);
            continue;
        }
        switch (type) {
        case TaskType::Binary:
            total += binaryCrossEntropy(outputs(0, column), target, columnGradient, scale);
            break;
        case TaskType::Regression: {
            const double error = static_cast<double>(outputs(0, column)) - target;
            total += error * error;
            if (columnGradient)
                columnGradient[0] = static_cast<Scalar>(scale * 2.0 * error);
            break;
        }
        case TaskType::Multiclass: {
            const auto label = static_cast<Eigen::Index>(target);
            double largest = outputs(0, column);
            for (Eigen::Index k = 1; k < classes; ++k)
                largest = std::max(largest, static_cast<double>(outputs(k, column)));
            double sum = 0;
            for (Eigen::Index k = 0; k < classes; ++k)
                sum += std::exp(outputs(k, column) - largest);
            const double logSum = largest + std::log(sum);
            total += logSum - outputs(label, column);
            for (Eigen::Index k = 0; columnGradient && k < classes; ++k) {
                const double probability = std::exp(outputs(k, column) - logSum);
                columnGradient[k] = static_cast<Scalar>(scale * (probability - (k == label ? 1.0 : 0.0)));
            }
            break;
        }
        }
    }
    return total;
}

template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets, Scalar scale,
                Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> gradient)
{
    return taskLossImpl<Scalar>(type, outputs, targets, scale, gradient.data(), gradient.outerStride());
}

template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets)
{
    return taskLossImpl<Scalar>(type, outputs, targets, Scalar(1), nullptr, 0);
}

void activateOutputs(TaskType type, Eigen::Ref<Eigen::MatrixXf> outputs)
{
    if (type == TaskType::Binary) {
        for (float &value : outputs.reshaped())
            value = value >= 0 ? 1.0f / (1.0f + std::exp(-value)) : std::exp(value) / (1.0f + std::exp(value));
    } else if (type == TaskType::Multiclass) {
        for (Eigen::Index column = 0; column < outputs.cols(); ++column) {
            auto logits = outputs.col(column);
            logits.array() = (logits.array() - logits.maxCoeff()).exp();
            logits /= logits.sum();
        }
    }
}

template double taskLoss<float>(TaskType, const Eigen::Ref<const Eigen::MatrixXf> &, const float *, float,
                                Eigen::Ref<Eigen::MatrixXf>);
template double taskLoss<double>(TaskType, const Eigen::Ref<const Eigen::MatrixXd> &, const float *, double,
                                 Eigen::Ref<Eigen::MatrixXd>);
template double taskLoss<float>(TaskType, const Eigen::Ref<const Eigen::MatrixXf> &, const float *);
template double taskLoss<double>(TaskType, const Eigen::Ref<const Eigen::MatrixXd> &, const float *);

} // namespace cmtl
