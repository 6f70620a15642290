#include "explain/IntegratedGradients.h"

#include "common/ParallelFor.h"
#include "nn/InputGradient.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace cmtl {

std::vector<std::size_t> columnOfEachInput(const Preprocessor &preprocessor)
{
    // The input order of Preprocessor::inputNames(): numeric steps (value, then missing flag), then
    // one-hot blocks (levels, then "other").
    std::vector<std::size_t> columns;
    std::size_t column = 0;
    for (const NumericStep &step : preprocessor.numeric) {
        columns.insert(columns.end(), step.missingIndicator ? 2 : 1, column);
        ++column;
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        columns.insert(columns.end(), step.levels.size() + (step.otherInput ? 1 : 0), column);
        ++column;
    }
    return columns;
}

IntegratedGradients integratedGradients(const MultiTaskModel &model, const InputMatrix &inputs, std::size_t task,
                                        int steps, int threads)
{
    if (task >= model.tasks().size() || model.tasks()[task].spec.type != TaskType::Binary)
        throw std::invalid_argument("integrated gradients explain a binary task's logit; task " + std::to_string(task) +
                                    " is not a binary task of the model");
    if (steps < 1)
        throw std::invalid_argument("integrated gradients need at least 1 step, not " + std::to_string(steps));
    const MultiTaskNetwork &network = model.network();
    const Eigen::Index width = network.spec().inputs;
    const Eigen::Index rows = inputs.cols();
    const Eigen::MatrixXd dense = inputs.toDense().cast<double>();

    // A seed ensemble is explained through the mean of its members' logits: integrated gradients
    // are linear in the function explained, so they are the mean of the members' attributions.
    const auto members = static_cast<double>(model.memberCount());
    IntegratedGradients result;
    result.inputs.setZero(width, rows);
    result.logits.setZero(rows);
    for (std::size_t member = 0; member < model.memberCount(); ++member) {
        const Eigen::VectorXd parameters = model.memberParameters(member).cast<double>();
        {
            NetworkWorkspace<double> workspace;
            workspace.allocate(network, 1);
            const Eigen::MatrixXd baseline = Eigen::MatrixXd::Zero(width, 1);
            forwardNetwork<double>(network, parameters.data(), baseline, workspace, false, nullptr);
            result.baselineLogit += workspace.taskOutputs(task, 1)(0, 0) / members;
        }
        // Blocks of rows on the threads, each with its own workspace; every row's figures are
        // computed alone, so they do not depend on the thread count.
        constexpr Eigen::Index kBlock = 64;
        const auto blocks = static_cast<std::size_t>((rows + kBlock - 1) / kBlock);
        parallelFor(blocks, threads, [&](std::size_t block) {
            NetworkWorkspace<double> workspace;
            workspace.allocate(network, steps);
            Eigen::MatrixXd path(width, steps), gradient;
            const Eigen::Index begin = static_cast<Eigen::Index>(block) * kBlock;
            for (Eigen::Index row = begin; row < std::min(rows, begin + kBlock); ++row) {
                // The baseline is 0, so the path is t x and the difference x - b is x.
                const Eigen::VectorXd x = dense.col(row);
                for (int k = 0; k < steps; ++k)
                    path.col(k) = x * ((k + 0.5) / steps);
                outputInputGradient<double>(network, parameters.data(), path, task, 0, workspace, gradient);
                result.inputs.col(row) += x.cwiseProduct(gradient.rowwise().mean()) / members;
                const Eigen::MatrixXd one = x;
                forwardNetwork<double>(network, parameters.data(), one, workspace, false, nullptr);
                result.logits(row) += workspace.taskOutputs(task, 1)(0, 0) / members;
            }
        });
    }
    result.columnNames = model.preprocessor().featureColumns();
    const std::vector<std::size_t> columnOf = columnOfEachInput(model.preprocessor());
    result.columns.setZero(static_cast<Eigen::Index>(result.columnNames.size()), rows);
    for (Eigen::Index input = 0; input < width; ++input)
        result.columns.row(static_cast<Eigen::Index>(columnOf[static_cast<std::size_t>(input)])) +=
            result.inputs.row(input);
    return result;
}

std::vector<std::size_t> topReasons(const Eigen::Ref<const Eigen::VectorXd> &columnAttributions, int count)
{
    std::vector<std::size_t> order(static_cast<std::size_t>(columnAttributions.size()));
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return columnAttributions(static_cast<Eigen::Index>(a)) > columnAttributions(static_cast<Eigen::Index>(b));
    });
    std::vector<std::size_t> reasons;
    for (const std::size_t column : order) {
        if (static_cast<int>(reasons.size()) == count || !(columnAttributions(static_cast<Eigen::Index>(column)) > 0))
            break;
        reasons.push_back(column);
    }
    return reasons;
}

} // namespace cmtl
