#include "metrics/Evaluation.h"

#include "metrics/TaskScores.h"

namespace cmtl {

TaskEvaluation evaluateTask(const TargetEncoding &encoding, const Eigen::MatrixXf &predictions, const Table &table,
                            std::span<const std::size_t> rows)
{
    return evaluateScores(pairTaskWithLabels(encoding, predictions, table, rows));
}

} // namespace cmtl
