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

InputMatrix InputMatrix::gather(std::span<const std::size_t> columns) const
{
    InputMatrix gathered(m_dense.rows(), m_hot.rows(), m_width, static_cast<Eigen::Index>(columns.size()));
    for (std::size_t i = 0; i < columns.size(); ++i)
        gathered.setColumn(static_cast<Eigen::Index>(i), *this, static_cast<Eigen::Index>(columns[i]));
    return gathered;
}

Eigen::MatrixXf InputMatrix::toDense() const
{
    Eigen::MatrixXf dense(m_width, cols());
    batch(0, cols()).expandInto(dense);
    return dense;
}

} // namespace cmtl
