#include "metrics/Evaluation.h"

#include <cmath>

namespace cmtl {

TaskEvaluation evaluateTask(const TargetEncoding &encoding, const Eigen::MatrixXf &predictions, const Table &table,
                            std::span<const std::size_t> rows)
{
    // Labels as the model encodes them (regression: the raw column, so metrics are in its unit).
    const std::vector<float> encoded = encodeTargets(table, encoding);
    const Column &column = table.column(encoding.spec.column);
    std::vector<float> targets(static_cast<std::size_t>(predictions.cols()));
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const std::size_t row = rows.empty() ? i : rows[i];
        targets[i] = encoding.spec.type == TaskType::Regression ? column.values[row] : encoded[row];
    }

    TaskEvaluation evaluation;
    evaluation.task = encoding.spec.name();
    evaluation.type = encoding.spec.type;
    evaluation.classes = encoding.classes;
    std::vector<Eigen::Index> labelled;
    for (std::size_t row = 0; row < targets.size(); ++row) {
        if (!std::isnan(targets[row]))
            labelled.push_back(static_cast<Eigen::Index>(row));
    }
    evaluation.count = static_cast<std::int64_t>(labelled.size());

    switch (encoding.spec.type) {
    case TaskType::Binary: {
        std::vector<float> scores;
        std::vector<std::uint8_t> labels;
        for (const Eigen::Index row : labelled) {
            scores.push_back(predictions(0, row));
            labels.push_back(targets[static_cast<std::size_t>(row)] > 0.5f ? 1 : 0);
        }
        evaluation.binary = binaryMetrics(scores, labels);
        evaluation.roc = rocCurve(scores, labels);
        break;
    }
    case TaskType::Multiclass: {
        Eigen::MatrixXf probabilities(predictions.rows(), static_cast<Eigen::Index>(labelled.size()));
        std::vector<std::int32_t> labels;
        for (std::size_t i = 0; i < labelled.size(); ++i) {
            probabilities.col(static_cast<Eigen::Index>(i)) = predictions.col(labelled[i]);
            labels.push_back(static_cast<std::int32_t>(targets[static_cast<std::size_t>(labelled[i])]));
        }
        evaluation.multiclass = multiclassMetrics(probabilities, labels);
        break;
    }
    case TaskType::Regression: {
        std::vector<float> predicted, actual;
        for (const Eigen::Index row : labelled) {
            predicted.push_back(predictions(0, row));
            actual.push_back(targets[static_cast<std::size_t>(row)]);
        }
        evaluation.regression = regressionMetrics(predicted, actual);
        break;
    }
    }
    return evaluation;
}

} // namespace cmtl
