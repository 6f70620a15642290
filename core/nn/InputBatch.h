#pragma once

#include <Eigen/Core>

#include <cstdint>

namespace cmtl {

// The inputs of a mini-batch as a network's first layers read them: the leading dense inputs
// (scaled numbers, missing flags) as a matrix, one column per row, and each one-hot block as an
// index list: per row and block, the input index of the block's single 1 (-1 when the row has
// none). A layer then multiplies the dense part and adds one weight column per block, instead of
// multiplying a mostly zero matrix: on the reference workload 70 of 110 inputs are one-hot zeros.
//
// A batch without blocks is a plain dense matrix, which is how the gradient checks and the
// attention architecture (it scales every input) see their inputs.
template <typename Scalar> struct InputBatch {
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;

    // Not explicit: wherever a batch is expected, a dense matrix (or a block of columns of one) is one.
    template <typename Derived>
    InputBatch(const Eigen::MatrixBase<Derived> &denseInputs) // NOLINT(google-explicit-constructor)
        : dense(denseInputs)
    {}
    InputBatch(const Eigen::Ref<const Matrix> &denseInputs, const std::int32_t *hotInputs, Eigen::Index blocks,
               Eigen::Index inputWidth)
        : dense(denseInputs), hot(hotInputs), blockCount(blocks), width(inputWidth)
    {}

    Eigen::Ref<const Matrix> dense;
    // blockCount x cols(), column-major: hot[column * blockCount + block].
    const std::int32_t *hot = nullptr;
    Eigen::Index blockCount = 0;
    // All inputs, dense and one-hot (the first layer's fan-in).
    Eigen::Index width = dense.rows();

    Eigen::Index cols() const { return dense.cols(); }
    bool isDense() const { return blockCount == 0; }
    std::int32_t hotInput(Eigen::Index column, Eigen::Index block) const { return hot[column * blockCount + block]; }

    // The batch as a dense matrix (width x cols()), zeros and ones written out.
    void expandInto(Eigen::Ref<Matrix> out) const;
};

// output = weights * inputs, where weights is (outputs x inputs.width) column-major.
template <typename Scalar>
void multiplyInputs(const Scalar *weights, Eigen::Index outputs, const InputBatch<Scalar> &inputs,
                    Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> output);

// weightGradient += delta * inputs^T, where weightGradient is (outputs x inputs.width)
// column-major and delta (outputs x inputs.cols()).
template <typename Scalar>
void addInputOuterProduct(Scalar *weightGradient, const InputBatch<Scalar> &inputs,
                          const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &delta);

} // namespace cmtl
