#include "nn/Losses.h"

#include "nn/Softmax.h"

#include <cmath>

namespace cmtl {

namespace {

// log(sigmoid(z)) without overflow.
double logSigmoid(double z)
{
    return -(std::max(-z, 0.0) + std::log1p(std::exp(-std::abs(z))));
}

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

// The focal factor's effect on a cross-entropy term, given q = the model's probability of the
// true class: loss = -(1 - q)^gamma log q, and d loss / d log q (the chain rule then goes
// through log q, whose gradient w.r.t. the logits is the familiar one).
struct FocalTerm {
    double loss;
    double dLossDLogQ;
};

FocalTerm focal(double logQ, double gamma)
{
    if (gamma == 0)
        return {-logQ, -1.0};
    const double q = std::exp(logQ);
    const double oneMinusQ = std::max(0.0, 1.0 - q);
    const double factor = std::pow(oneMinusQ, gamma);
    // d/d logq [-(1-q)^g logq] = -(1-q)^g + g (1-q)^(g-1) q logq
    const double derivative = -factor + (oneMinusQ > 0 ? gamma * std::pow(oneMinusQ, gamma - 1) * q * logQ : 0.0);
    return {-factor * logQ, derivative};
}

template <typename Scalar>
double taskLossImpl(TaskType type,
                    const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                    const float *targets, const LossOptions &options, Scalar scale, Scalar *gradient,
                    Eigen::Index gradientStride)
{
    double total = 0;
    const Eigen::Index classes = outputs.rows();
    const auto classWeight = [&](std::size_t cls) {
        return options.classWeights.empty() ? 1.0 : static_cast<double>(options.classWeights[cls]);
    };
    for (Eigen::Index column = 0; column < outputs.cols(); ++column) {
        const float target = targets[column];
        Scalar *columnGradient = gradient ? gradient + column * gradientStride : nullptr;
        if (std::isnan(target)) {
            for (Eigen::Index k = 0; columnGradient && k < classes; ++k)
                columnGradient[k] = Scalar(0);
            continue;
        }
        switch (type) {
        case TaskType::Binary: {
            const double z = outputs(0, column);
            if (options.focalGamma == 0) {
                // -[y log p + (1-y) log(1-p)] for a hard or soft y; a soft y weighs the two
                // classes' weights in the same proportion.
                const double weight = target * classWeight(1) + (1 - target) * classWeight(0);
                total += weight * -(target * logSigmoid(z) + (1 - target) * logSigmoid(-z));
                if (columnGradient)
                    *columnGradient = static_cast<Scalar>(scale * weight * (sigmoid(z) - target));
            } else {
                // Focal loss on the true class: q = p when y = 1, 1 - p when y = 0.
                const bool positive = target > 0.5f;
                const double weight = classWeight(positive ? 1 : 0);
                const double signedZ = positive ? z : -z;
                const FocalTerm term = focal(logSigmoid(signedZ), options.focalGamma);
                total += weight * term.loss;
                // d log q / d z = (1 - q) * (+1 or -1)
                if (columnGradient)
                    *columnGradient = static_cast<Scalar>(scale * weight * term.dLossDLogQ * sigmoid(-signedZ) *
                                                          (positive ? 1.0 : -1.0));
            }
            break;
        }
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
            const double weight = classWeight(static_cast<std::size_t>(label));
            const FocalTerm term = focal(outputs(label, column) - logSum, options.focalGamma);
            total += weight * term.loss;
            // d log p_y / d z_k = [k == y] - p_k
            for (Eigen::Index k = 0; columnGradient && k < classes; ++k) {
                const double probability = std::exp(outputs(k, column) - logSum);
                columnGradient[k] =
                    static_cast<Scalar>(scale * weight * term.dLossDLogQ * ((k == label ? 1.0 : 0.0) - probability));
            }
            break;
        }
        }
    }
    return total;
}

} // namespace

template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets, const LossOptions &options, Scalar scale,
                Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> gradient)
{
    return taskLossImpl<Scalar>(type, outputs, targets, options, scale, gradient.data(), gradient.outerStride());
}

template <typename Scalar>
double taskLoss(TaskType type, const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &outputs,
                const float *targets, const LossOptions &options)
{
    return taskLossImpl<Scalar>(type, outputs, targets, options, Scalar(1), nullptr, 0);
}

void activateOutputs(TaskType type, Eigen::Ref<Eigen::MatrixXf> outputs)
{
    if (type == TaskType::Binary) {
        for (float &value : outputs.reshaped())
            value = static_cast<float>(sigmoid(value));
    } else if (type == TaskType::Multiclass) {
        softmaxColumns(outputs);
    }
}

template double taskLoss<float>(TaskType, const Eigen::Ref<const Eigen::MatrixXf> &, const float *, const LossOptions &,
                                float, Eigen::Ref<Eigen::MatrixXf>);
template double taskLoss<double>(TaskType, const Eigen::Ref<const Eigen::MatrixXd> &, const float *,
                                 const LossOptions &, double, Eigen::Ref<Eigen::MatrixXd>);
template double taskLoss<float>(TaskType, const Eigen::Ref<const Eigen::MatrixXf> &, const float *,
                                const LossOptions &);
template double taskLoss<double>(TaskType, const Eigen::Ref<const Eigen::MatrixXd> &, const float *,
                                 const LossOptions &);

} // namespace cmtl
