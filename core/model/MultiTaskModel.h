#pragma once

#include "nn/MultiTaskNetwork.h"
#include "preprocess/Preprocessor.h"
#include "preprocess/WoeEncoder.h"
#include "split/DataSplit.h"
#include "tasks/TaskSpec.h"
#include "train/Trainer.h"

#include <Eigen/Core>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace cmtl {

// Everything that defines a run, as the user chose it.
struct ExperimentConfig {
    PreprocessOptions preprocess;
    WoeOptions woe; // features replaced by their weight of evidence (none by default)
    SplitSpec split;
    TrainConfig train;
};

// A trained model: the fitted preprocessing, the task encodings, the network and its weights.
// It scores a table read from any file with the same columns. A seed ensemble (TrainConfig::
// ensemble) holds several weight vectors of the same network, its members; the model's
// predictions are the mean of the members' predicted probabilities (regression: predictions).
class MultiTaskModel {
public:
    MultiTaskModel() = default;
    MultiTaskModel(Preprocessor preprocessor, std::vector<TargetEncoding> tasks, NetworkSpec network,
                   Eigen::VectorXf parameters, ExperimentConfig config);
    // A seed ensemble: `members` (at least one) weight vectors of the network, in seed order.
    MultiTaskModel(Preprocessor preprocessor, std::vector<TargetEncoding> tasks, NetworkSpec network,
                   std::vector<Eigen::VectorXf> members, ExperimentConfig config);

    const Preprocessor &preprocessor() const { return m_preprocessor; }
    const std::vector<TargetEncoding> &tasks() const { return m_tasks; }
    const MultiTaskNetwork &network() const { return m_network; }
    // The weights of the first member (of the only one, for a model that is no ensemble).
    const Eigen::VectorXf &parameters() const { return m_members.front(); }
    std::size_t memberCount() const { return m_members.size(); }
    const Eigen::VectorXf &memberParameters(std::size_t member) const { return m_members.at(member); }
    const ExperimentConfig &config() const { return m_config; }

    // The columns a table must have to be scored, and those that must be read as text.
    std::vector<std::string> requiredColumns() const { return m_preprocessor.featureColumns(); }
    std::vector<std::string> categoricalColumns() const;
    // Values the training file's reading treated as missing in an input column (CsvOptions::
    // columnMissingValues, e.g. "twelve thousand" in income), so that scoring reads new files the
    // same way. Empty for a model trained without them (and for older model files).
    const std::map<std::string, std::vector<std::string>> &inputMissingValues() const { return m_inputMissingValues; }
    // Keeps the entries of the model's input columns.
    void setInputMissingValues(const std::map<std::string, std::vector<std::string>> &values);

    // Per task, in task order: binary 1 x rows P(positive); multiclass classes x rows
    // probabilities; regression 1 x rows predictions in the target's unit. `notes`, when given,
    // receives the inputs clipped to their training range (see Preprocessor::transform).
    std::vector<Eigen::MatrixXf> predict(const Table &table, int threads = 0, TransformNotes *notes = nullptr) const;
    std::vector<Eigen::MatrixXf> predictInputs(const InputMatrix &inputs, int threads = 0) const;

    // Attention architecture only: each task's attention over the inputs (named by
    // preprocessor().inputNames()), averaged over the rows given (and the members); it sums to 1
    // per task.
    std::vector<Eigen::VectorXf> featureAttention(const InputMatrix &inputs) const;

private:
    Preprocessor m_preprocessor;
    std::vector<TargetEncoding> m_tasks;
    MultiTaskNetwork m_network;
    std::vector<Eigen::VectorXf> m_members = {Eigen::VectorXf()};
    ExperimentConfig m_config;
    std::map<std::string, std::vector<std::string>> m_inputMissingValues;
};

// The output width of a task's head.
int outputWidth(const TargetEncoding &encoding);

} // namespace cmtl
