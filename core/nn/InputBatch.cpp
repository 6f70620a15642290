#include "nn/InputBatch.h"

namespace cmtl {

template <typename Scalar> void InputBatch<Scalar>::expandInto(Eigen::Ref<Matrix> out) const
{
    const Eigen::Index denseWidth = dense.rows();
    out.topRows(denseWidth) = dense;
    out.bottomRows(width - denseWidth).setZero();
    for (Eigen::Index column = 0; column < cols(); ++column) {
        for (Eigen::Index block = 0; block < blockCount; ++block) {
            const std::int32_t input = hotInput(column, block);
            if (input >= 0)
                out(input, column) = Scalar(1);
        }
    }
}

template <typename Scalar>
void multiplyInputs(const Scalar *weights, Eigen::Index outputs, const InputBatch<Scalar> &inputs,
                    Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> output)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    const Eigen::Map<const Matrix> weightMatrix(weights, outputs, inputs.width);
    output.noalias() = weightMatrix.leftCols(inputs.dense.rows()) * inputs.dense;
    // A one-hot input contributes its weight column: a gather, not a product with zeros.
    for (Eigen::Index column = 0; column < inputs.cols(); ++column) {
        Scalar *__restrict const out = output.col(column).data();
        for (Eigen::Index block = 0; block < inputs.blockCount; ++block) {
            const std::int32_t input = inputs.hotInput(column, block);
            if (input < 0)
                continue;
            const Scalar *__restrict const weight = weights + static_cast<Eigen::Index>(input) * outputs;
            for (Eigen::Index unit = 0; unit < outputs; ++unit)
                out[unit] += weight[unit];
        }
    }
}

template <typename Scalar>
void addInputOuterProduct(Scalar *weightGradient, const InputBatch<Scalar> &inputs,
                          const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &delta)
{
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    const Eigen::Index outputs = delta.rows();
    Eigen::Map<Matrix> gradient(weightGradient, outputs, inputs.width);
    gradient.leftCols(inputs.dense.rows()).noalias() += delta * inputs.dense.transpose();
    // The column of a one-hot input receives the deltas of the rows where it is 1, in row order.
    for (Eigen::Index column = 0; column < inputs.cols(); ++column) {
        const Scalar *__restrict const d = delta.col(column).data();
        for (Eigen::Index block = 0; block < inputs.blockCount; ++block) {
            const std::int32_t input = inputs.hotInput(column, block);
            if (input < 0)
                continue;
            Scalar *__restrict const g = weightGradient + static_cast<Eigen::Index>(input) * outputs;
            for (Eigen::Index unit = 0; unit < outputs; ++unit)
                g[unit] += d[unit];
        }
    }
}

template struct InputBatch<float>;
template struct InputBatch<double>;
template void multiplyInputs<float>(const float *, Eigen::Index, const InputBatch<float> &,
                                    Eigen::Ref<Eigen::MatrixXf>);
template void multiplyInputs<double>(const double *, Eigen::Index, const InputBatch<double> &,
                                     Eigen::Ref<Eigen::MatrixXd>);
template void addInputOuterProduct<float>(float *, const InputBatch<float> &,
                                          const Eigen::Ref<const Eigen::MatrixXf> &);
template void addInputOuterProduct<double>(double *, const InputBatch<double> &,
                                           const Eigen::Ref<const Eigen::MatrixXd> &);

} // namespace cmtl
