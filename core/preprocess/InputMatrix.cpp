#include "preprocess/InputMatrix.h"

namespace cmtl {

InputMatrix::InputMatrix(Eigen::MatrixXf dense)
    : m_dense(std::move(dense)), m_hot(0, m_dense.cols()), m_width(m_dense.rows())
{}

InputMatrix::InputMatrix(Eigen::Index denseWidth, Eigen::Index blocks, Eigen::Index width, Eigen::Index columns)
    : m_dense(denseWidth, columns), m_hot(blocks, columns), m_width(width)
{}

InputBatch<float> InputMatrix::batch(Eigen::Index start, Eigen::Index n) const
{
    return {m_dense.middleCols(start, n), m_hot.data() + start * m_hot.rows(), m_hot.rows(), m_width};
}

void InputMatrix::setColumn(Eigen::Index to, const InputMatrix &source, Eigen::Index from)
{
    m_dense.col(to) = source.m_dense.col(from);
    m_hot.col(to) = source.m_hot.col(from);
}

InputMatrix RowSource::gather(std::span<const std::size_t> rows) const
{
    InputMatrix gathered(denseWidth(), blockCount(), width(), static_cast<Eigen::Index>(rows.size()));
    gatherInto(rows, gathered);
    return gathered;
}

void InputMatrix::gatherInto(std::span<const std::size_t> columns, InputMatrix &into) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        into.setColumn(static_cast<Eigen::Index>(i), *this, static_cast<Eigen::Index>(columns[i]));
}

void InputMatrix::prefetch(std::span<const std::size_t> columns) const
{
    const Eigen::Index denseBytes = m_dense.rows() * static_cast<Eigen::Index>(sizeof(float));
    for (const std::size_t column : columns) {
        const char *const dense = reinterpret_cast<const char *>(m_dense.col(static_cast<Eigen::Index>(column)).data());
        for (Eigen::Index byte = 0; byte < denseBytes; byte += 64)
            __builtin_prefetch(dense + byte);
        __builtin_prefetch(m_hot.col(static_cast<Eigen::Index>(column)).data());
    }
}

Eigen::MatrixXf InputMatrix::toDense() const
{
    Eigen::MatrixXf dense(m_width, cols());
    batch(0, cols()).expandInto(dense);
    return dense;
}

} // namespace cmtl
