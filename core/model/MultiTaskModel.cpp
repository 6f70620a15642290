#include "model/MultiTaskModel.h"

#include "common/Error.h"
#include "nn/Losses.h"

namespace cmtl {

int outputWidth(const TargetEncoding &encoding)
{
    return encoding.spec.type == TaskType::Multiclass ? static_cast<int>(encoding.classes.size()) : 1;
}

MultiTaskModel::MultiTaskModel(Preprocessor preprocessor, std::vector<TargetEncoding> tasks, NetworkSpec network,
                               Eigen::VectorXf parameters, ExperimentConfig config)
    : MultiTaskModel(std::move(preprocessor), std::move(tasks), std::move(network),
                     std::vector<Eigen::VectorXf>{std::move(parameters)}, std::move(config))
{}

MultiTaskModel::MultiTaskModel(Preprocessor preprocessor, std::vector<TargetEncoding> tasks, NetworkSpec network,
                               std::vector<Eigen::VectorXf> members, ExperimentConfig config)
    : m_preprocessor(std::move(preprocessor)), m_tasks(std::move(tasks)), m_network(std::move(network)),
      m_members(std::move(members)), m_config(std::move(config))
{
    if (m_members.empty())
        throw ConfigError("the model holds no weights (an ensemble needs at least one member)");
    for (std::size_t member = 0; member < m_members.size(); ++member) {
        if (m_members[member].size() != m_network.parameterCount())
            throw ConfigError("the model holds " + std::to_string(m_members[member].size()) + " weights" +
                              (m_members.size() > 1 ? " in member " + std::to_string(member + 1) : std::string()) +
                              ", its network needs " + std::to_string(m_network.parameterCount()));
    }
    if (static_cast<Eigen::Index>(m_preprocessor.inputCount()) != m_network.spec().inputs)
        throw ConfigError("the preprocessing and the network disagree on the number of inputs");
}

void MultiTaskModel::setInputMissingValues(const std::map<std::string, std::vector<std::string>> &values)
{
    m_inputMissingValues.clear();
    const std::vector<std::string> inputs = requiredColumns();
    for (const auto &[column, missing] : values) {
        if (std::find(inputs.begin(), inputs.end(), column) != inputs.end() && !missing.empty())
            m_inputMissingValues[column] = missing;
    }
}

std::vector<std::string> MultiTaskModel::categoricalColumns() const
{
    std::vector<std::string> columns;
    for (const OneHotStep &step : m_preprocessor.oneHot)
        columns.push_back(step.column);
    for (const FeatureBinning &binning : m_preprocessor.woe) {
        if (binning.categorical)
            columns.push_back(binning.feature);
    }
    return columns;
}

std::vector<Eigen::MatrixXf> MultiTaskModel::predictInputs(const InputMatrix &inputs, int threads) const
{
    // An ensemble averages what its members predict: probabilities (not logits) and predictions
    // in the target's unit, so that its probabilities stay the mean of calibrated ones.
    std::vector<Eigen::MatrixXf> mean;
    for (const Eigen::VectorXf &member : m_members) {
        std::vector<Eigen::MatrixXf> outputs = forwardAll(m_network, member, inputs, threads);
        for (std::size_t t = 0; t < outputs.size(); ++t) {
            const TargetEncoding &task = m_tasks[t];
            if (task.spec.type == TaskType::Regression)
                outputs[t] =
                    (outputs[t].array() * static_cast<float>(task.scale) + static_cast<float>(task.mean)).matrix();
            else
                activateOutputs(task.spec.type, outputs[t]);
        }
        if (mean.empty()) {
            mean = std::move(outputs);
        } else {
            for (std::size_t t = 0; t < outputs.size(); ++t)
                mean[t] += outputs[t];
        }
    }
    if (m_members.size() > 1) {
        for (Eigen::MatrixXf &task : mean)
            task /= static_cast<float>(m_members.size());
    }
    return mean;
}

std::vector<Eigen::VectorXf> MultiTaskModel::featureAttention(const InputMatrix &inputs) const
{
    if (m_network.spec().architecture != Architecture::Attention)
        throw ConfigError("feature attention exists for the attention architecture only");
    std::vector<Eigen::VectorXf> attention(m_tasks.size(), Eigen::VectorXf::Zero(inputs.width()));
    constexpr Eigen::Index kChunk = 1024;
    NetworkWorkspace<float> workspace;
    workspace.allocate(m_network, std::min(kChunk, std::max<Eigen::Index>(1, inputs.cols())));
    for (Eigen::Index start = 0; start < inputs.cols(); start += kChunk) {
        const Eigen::Index n = std::min(kChunk, inputs.cols() - start);
        for (const Eigen::VectorXf &member : m_members) {
            forwardNetwork<float>(m_network, member.data(), inputs.batch(start, n), workspace, false, nullptr);
            for (std::size_t t = 0; t < m_tasks.size(); ++t)
                attention[t] += workspace.gateWeights[t].leftCols(n).rowwise().sum();
        }
    }
    for (Eigen::VectorXf &weights : attention)
        weights /= static_cast<float>(std::max<Eigen::Index>(1, inputs.cols()) * m_members.size());
    return attention;
}

std::vector<Eigen::MatrixXf> MultiTaskModel::predict(const Table &table, int threads, TransformNotes *notes) const
{
    return predictInputs(m_preprocessor.transform(table, threads, notes), threads);
}

} // namespace cmtl
