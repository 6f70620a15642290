#pragma once

#include "nn/InputBatch.h"
#include "preprocess/RowSource.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <span>

namespace cmtl {

// The preprocessed inputs of a table's rows, one column per row so that a mini-batch is a block of
// columns. The dense inputs (scaled numbers, missing flags) are floats; each one-hot block is held
// as the index of its hot input (-1 for none): 4 bytes per block and row rather than 4 per level,
// and a first layer that adds weight columns instead of multiplying zeros (see InputBatch).
class InputMatrix final : public RowSource {
public:
    using HotMatrix = Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic>;

    InputMatrix() = default;
    // Inputs without one-hot blocks.
    explicit InputMatrix(Eigen::MatrixXf dense);
    // Uninitialised storage for `columns` rows of `denseWidth` dense inputs and `blocks` one-hot
    // blocks, `width` inputs in all.
    InputMatrix(Eigen::Index denseWidth, Eigen::Index blocks, Eigen::Index width, Eigen::Index columns);

    // All inputs, dense and one-hot.
    Eigen::Index width() const override { return m_width; }
    // One per table row.
    Eigen::Index cols() const override { return m_dense.cols(); }
    Eigen::Index blockCount() const override { return m_hot.rows(); }
    Eigen::Index denseWidth() const override { return m_dense.rows(); }

    Eigen::MatrixXf &dense() { return m_dense; }
    const Eigen::MatrixXf &dense() const { return m_dense; }
    // blockCount() x cols(): the absolute input index of each block's 1.
    HotMatrix &hot() { return m_hot; }
    const HotMatrix &hot() const { return m_hot; }

    // Columns [start, start + n) as a network reads them; valid while this matrix is unchanged.
    InputBatch<float> batch(Eigen::Index start, Eigen::Index n) const;
    // Copies column `from` of `source` (same layout) into column `to`.
    void setColumn(Eigen::Index to, const InputMatrix &source, Eigen::Index from);
    // The given columns, in the given order, into columns [0, n) of `into` (RowSource).
    void gatherInto(std::span<const std::size_t> columns, InputMatrix &into) const override;
    // Asks the processor for the given columns' memory, so that it arrives before it is read.
    void prefetch(std::span<const std::size_t> columns) const override;
    // Every input written out (width() x cols()), for reports and tests.
    Eigen::MatrixXf toDense() const;

private:
    Eigen::MatrixXf m_dense;
    HotMatrix m_hot;
    Eigen::Index m_width = 0;
};

} // namespace cmtl
