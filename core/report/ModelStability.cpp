#include "report/ModelStability.h"

#include "common/Error.h"

namespace cmtl {

namespace {

// The scores a model gives a table, one named variable per score.
std::vector<std::pair<std::string, std::vector<float>>> modelScores(const MultiTaskModel &model, const Table &table,
                                                                    int threads)
{
    const std::vector<Eigen::MatrixXf> predictions = model.predict(table, threads);
    std::vector<std::pair<std::string, std::vector<float>>> scores;
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        const TargetEncoding &task = model.tasks()[t];
        const Eigen::MatrixXf &output = predictions[t];
        for (Eigen::Index row = 0; row < output.rows(); ++row) {
            std::string name = task.spec.name();
            if (task.spec.type == TaskType::Multiclass)
                name += "[" + task.classes.at(static_cast<std::size_t>(row)) + "]";
            const Eigen::VectorXf values = output.row(row).transpose();
            scores.emplace_back(name, std::vector<float>(values.data(), values.data() + values.size()));
        }
    }
    return scores;
}

} // namespace

std::vector<ModelStabilityIndex> modelStability(const MultiTaskModel &model, const Table &base, const Table &actual,
                                                int threads)
{
    for (const Table *table : {&base, &actual}) {
        if (table->rowCount() == 0)
            throw DataError({table->source(), 1, {}}, "the file has no data rows, so there is no distribution to "
                                                      "compare; give a file with rows under its header");
    }
    std::vector<ModelStabilityIndex> results;
    const auto baseScores = modelScores(model, base, threads);
    const auto actualScores = modelScores(model, actual, threads);
    for (std::size_t k = 0; k < baseScores.size(); ++k)
        results.push_back({ModelStabilityIndex::Kind::Score,
                           numericStability(baseScores[k].first, baseScores[k].second, actualScores[k].second)});
    for (const std::string &name : model.requiredColumns()) {
        const Column &baseColumn = base.column(name);
        const Column &actualColumn = actual.column(name);
        if (baseColumn.type != actualColumn.type)
            throw DataError({actual.source(), 1, name}, "column \"" + name + "\" is " + toString(actualColumn.type) +
                                                            " here but " + toString(baseColumn.type) + " in " +
                                                            base.source() + "; read both the same way (--column-type)");
        if (baseColumn.type == ColumnType::Numeric)
            results.push_back(
                {ModelStabilityIndex::Kind::Feature, numericStability(name, baseColumn.values, actualColumn.values)});
        else
            results.push_back({ModelStabilityIndex::Kind::Feature, categoricalStability(baseColumn, actualColumn)});
    }
    return results;
}

} // namespace cmtl
