#include "metrics/Evaluation.h"

#include "metrics/TaskScores.h"

#include <algorithm>

namespace cmtl {

TaskEvaluation evaluateTask(const TargetEncoding &encoding, const Eigen::MatrixXf &predictions, const Table &table,
                            std::span<const std::size_t> rows)
{
    return evaluateScores(pairTaskWithLabels(encoding, predictions, table, rows));
}

std::string describeUnseenLabels(const TaskEvaluation &evaluation)
{
    if (evaluation.unseen.empty())
        return {};
    std::int64_t rows = 0;
    for (const LabelTally &value : evaluation.unseen)
        rows += value.rows;
    std::string classes;
    for (const std::string &name : evaluation.classes)
        classes += (classes.empty() ? "\"" : ", \"") + name + "\"";
    const LabelTally &first =
        *std::min_element(evaluation.unseen.begin(), evaluation.unseen.end(),
                          [](const LabelTally &a, const LabelTally &b) { return a.firstRow < b.firstRow; });
    return "task \"" + evaluation.task + "\": " + std::to_string(rows) +
           (rows == 1 ? " labelled row holds" : " labelled rows hold") +
           " a value that is none of the model's classes (" + classes + "): " + describeTallies(evaluation.unseen) +
           ", the first on " + first.firstPlace + "; " + (rows == 1 ? "it is" : "they are") +
           " left out of the task's metrics, which cover the model's classes only";
}

} // namespace cmtl
