#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <span>

namespace cmtl {

class InputMatrix;

// Where the trainer and the evaluation take the preprocessed inputs of rows from: an InputMatrix
// in memory, or a cache file on disk that holds the rows of a table too large for memory
// (RowCache, train/OutOfCore.h). Rows are gathered in any order into an InputMatrix of the same layout.
class RowSource {
public:
    virtual ~RowSource() = default;

    // The rows held (an InputMatrix's columns).
    virtual Eigen::Index cols() const = 0;
    // The layout of a row: dense inputs, one-hot blocks, all inputs.
    virtual Eigen::Index denseWidth() const = 0;
    virtual Eigen::Index blockCount() const = 0;
    virtual Eigen::Index width() const = 0;

    // Copies the given rows, in order, into columns [0, rows.size()) of `into`, whose layout is
    // this source's and which has at least rows.size() columns. Safe to call from several threads
    // at once (each with its own `into`).
    virtual void gatherInto(std::span<const std::size_t> rows, InputMatrix &into) const = 0;
    // A hint that the given rows will be gathered soon (no effect by default).
    virtual void prefetch(std::span<const std::size_t> /*rows*/) const {}

    // The given rows, in the given order, as a new matrix.
    InputMatrix gather(std::span<const std::size_t> rows) const;
};

} // namespace cmtl
