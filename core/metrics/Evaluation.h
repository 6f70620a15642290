#pragma once

#include "metrics/BinaryMetrics.h"
#include "metrics/MulticlassMetrics.h"
#include "metrics/RegressionMetrics.h"
#include "tasks/TaskSpec.h"

#include <Eigen/Core>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

// The metrics of one task on one set of rows (those with a label).
struct TaskEvaluation {
    std::string task;
    TaskType type = TaskType::Binary;
    std::vector<std::string> classes;
    std::int64_t count = 0;
    std::optional<BinaryMetrics> binary;
    std::optional<MulticlassMetrics> multiclass;
    std::optional<RegressionMetrics> regression;
    std::vector<RocPoint> roc; // binary only
    // Labelled rows left out because their label is none of the model's classes (a value a
    // binary column should not hold, a class unseen in training): the metrics cover the model's
    // classes only, which describeUnseenLabels() says.
    std::vector<LabelTally> unseen;
};

// "task "grade": 3 labelled rows hold a class the model was not trained on, ..., left out of its
// metrics", or "" when every labelled row was counted.
std::string describeUnseenLabels(const TaskEvaluation &evaluation);

// Compares a task's predictions (as MultiTaskModel::predict gives them, one column per entry of
// `rows`) with the task's column in `table` at those rows; rows whose label is missing are left
// out. Empty `rows` means every row of the table.
TaskEvaluation evaluateTask(const TargetEncoding &encoding, const Eigen::MatrixXf &predictions, const Table &table,
                            std::span<const std::size_t> rows = {});

} // namespace cmtl
