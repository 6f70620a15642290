#pragma once

#include "metrics/Evaluation.h"
#include "train/Experiment.h"

#include <QJsonObject>

namespace cmtl {

// How a multiclass task's confusion matrix is written: Dense, a row of counts per actual class
// (the --metrics-json file, easy to read), or Cells, only its non-zero cells as [actual, predicted,
// count] triplets (the model file: at most one cell per evaluated row, however many classes).
// Both are read back.
enum class ConfusionLayout { Dense, Cells };

// {"<task>": {"type": "binary", "count": n, "auc": ..., ...}, ...} for one evaluated part. Metrics
// that are undefined (NaN, e.g. AUC with one class) are written as null.
QJsonObject tasksToJson(const std::vector<TaskEvaluation> &tasks, ConfusionLayout layout = ConfusionLayout::Dense);

// {"tasks": {...}, "source": ..., "part": ...}: the file `--metrics-json` writes.
QJsonObject reportToJson(const EvaluationReport &report, ConfusionLayout layout = ConfusionLayout::Dense);
// Reads a report back (from a model file named `source`). Metrics may be null (NaN); counts must
// be whole numbers >= 0 and a confusion matrix square over the task's classes, else DataError
// names the file and the field.
EvaluationReport reportFromJson(const QJsonObject &object, const std::string &source);

} // namespace cmtl
