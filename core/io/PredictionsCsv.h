#pragma once

#include "model/MultiTaskModel.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace cmtl {

// The prediction columns of a model, in file order: `<task>.probability` (binary, of the positive
// class), `<task>.class` and `<task>.probability.<class>` (multiclass), `<task>.value` (regression).
std::vector<std::string> predictionColumnNames(const MultiTaskModel &model);

// One row of cells per input row, in input order, matching predictionColumnNames().
std::vector<std::string> predictionCells(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions,
                                         Eigen::Index row);

// RFC 4180 CSV of the predictions (fields quoted when they hold a comma, quote or newline),
// formatted on up to `threads` threads (0 = all hardware threads); the text is the same for any.
// `kept` columns (ID / keep, of the table scored) come first, each cell as the table holds it and
// an empty cell where it is missing.
QByteArray predictionsToCsv(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions,
                            int threads = 0, const std::vector<const Column *> &kept = {});

// Quotes one CSV field when it needs it.
std::string csvField(const std::string &text);

} // namespace cmtl
