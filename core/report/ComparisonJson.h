#pragma once

#include "train/Comparison.h"

#include <QByteArray>
#include <QByteArrayView>

#include <string>
#include <vector>

// `creditmtl-cli compare --out-json FILE`: a comparison's result as JSON, with what it was made
// for (the data file and the tasks), read back by `creditmtl-cli report --comparison FILE` for the
// report's multi-task evidence.
namespace cmtl {

struct ComparisonTask {
    std::string name;
    TaskType type = TaskType::Binary;
};

// What a comparison was made on: the data (its name, and the SHA-256 of its bytes when it was a
// file; empty for a database table or query) and the tasks.
struct ComparisonProvenance {
    std::string dataSource;
    std::string dataSha256;
    std::int64_t dataRows = 0;
    std::vector<ComparisonTask> tasks;
};

struct StoredComparison {
    ComparisonProvenance provenance;
    ComparisonResult result;
};

constexpr const char *kComparisonFormat = "creditmtl-comparison";
constexpr int kComparisonFormatVersion = 1;

// The JSON text (indented, UTF-8). Every number is written so that it reads back as the same
// double; a metric that is undefined (NaN) is written as null.
QByteArray comparisonToJson(const StoredComparison &comparison);

// Parses comparisonToJson's text; throws DataError naming `sourceName` and the field that is
// missing, mistyped or inconsistent (a list of values per candidate of the wrong length...).
StoredComparison parseComparisonJson(QByteArrayView bytes, const std::string &sourceName);

// Throws ConfigError when `comparison` (read from `sourceName`) was not made for the report's
// model and data: other tasks than the model's (naming the tasks that differ), or another data
// file than one of `reportFiles` (the report's evaluated and base data files, compared by the
// SHA-256 of their bytes; a comparison made on a database by its source name).
void refuseComparisonForOtherData(const StoredComparison &comparison, const std::string &sourceName,
                                  const std::vector<ComparisonTask> &modelTasks,
                                  const std::vector<std::string> &reportFiles);

} // namespace cmtl
