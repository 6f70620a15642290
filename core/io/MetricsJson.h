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
EvaluationReport reportFromJson(const QJsonObject &object);

// Writes `object` to `path` atomically (a temporary file renamed over the target), so a crash
// never leaves a half-written file. Throws DataError naming the path on failure.
void writeJsonFile(const std::string &path, const QJsonObject &object);

} // namespace cmtl
