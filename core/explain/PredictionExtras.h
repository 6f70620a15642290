#pragma once

#include "data/Table.h"
#include "model/MultiTaskModel.h"
#include "scorecard/Scorecard.h"

#include <QByteArray>

#include <optional>
#include <string>
#include <vector>

// The columns `creditmtl-cli predict --reasons K --points` adds after a model's predictions, and
// the workbench's predictions table shows: one function computes them for both, so that the two
// give the same text.
namespace cmtl {

// Extra CSV columns: their names and, per column, one cell per row (as written to the file).
struct CsvColumns {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> cells;
};

// For each binary task of `model` (in task order): with `reasons` > 0, `<task>.reason1..K` (the
// input columns with the largest positive integrated-gradient attributions to the row's log-odds,
// see topReasons; an empty cell where a row has fewer); then, with `points`, `<task>.points` (the
// scaled score of the probability of the positive class, written as the shortest text that reads
// back as the same double). `table` is what was scored and `predictions` what model.predict gave
// it. Asking for either of a model without a binary task is a ConfigError; threads as predict's.
CsvColumns predictionExtraColumns(const MultiTaskModel &model, const Table &table,
                                  const std::vector<Eigen::MatrixXf> &predictions, int reasons,
                                  const std::optional<ScoreScaling> &points, int threads = 0);

// The shortest text that reads back as the same double.
std::string exactText(double value);

// Appends columns to each record of RFC 4180 CSV text (header, then one record per row; a quoted
// field may hold line breaks). An empty `csv` gives the extra columns alone.
QByteArray appendCsvColumns(const QByteArray &csv, const CsvColumns &extra);

} // namespace cmtl
