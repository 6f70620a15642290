#pragma once

#include "metrics/Evaluation.h"
#include "train/Experiment.h"

#include <QJsonObject>

namespace cmtl {

// {"<task>": {"type": "binary", "count": n, "auc": ..., ...}, ...} for one evaluated part. Metrics
// that are undefined (NaN, e.g. AUC with one class) are written as null.
QJsonObject tasksToJson(const std::vector<TaskEvaluation> &tasks);

// {"tasks": {...}, "source": ..., "part": ...}: the file `--metrics-json` writes.
QJsonObject reportToJson(const EvaluationReport &report);
// Reads a report back (from a model file named `source`). Metrics may be null (NaN); counts must
// be whole numbers >= 0 and a confusion matrix square over the task's classes, else DataError
// names the file and the field.
EvaluationReport reportFromJson(const QJsonObject &object, const std::string &source);

// Writes `object` to `path` atomically (a temporary file renamed over the target), so a crash
// never leaves a half-written file. Throws DataError naming the path on failure.
void writeJsonFile(const std::string &path, const QJsonObject &object);

} // namespace cmtl
