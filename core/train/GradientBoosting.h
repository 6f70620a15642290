#pragma once

#include "tasks/TaskSpec.h"

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

// Gradient-boosted trees (XGBoost, through the C API of Debian's libxgboost-dev), the strongest
// classical baseline of a comparison. Optional: a build configured without the library has none
// (gradientBoostingAvailable() is false, and fitting throws ConfigError saying so).
bool gradientBoostingAvailable();
// "XGBoost 1.7.4", or "" without the library.
std::string gradientBoostingVersion();

// The settings of one booster. Fixed ones are XGBoost's usual choices for tabular data of a few
// thousand rows; depth and rounds are chosen by inner cross-validation (kBoostingDepths,
// kBoostingRounds).
struct BoostingSettings {
    int depth = 3;
    int rounds = 100;
    double learningRate = 0.05;
    double subsample = 0.8;    // rows drawn (without replacement) for each tree
    double columnSample = 0.8; // inputs drawn for each tree
    double minChildWeight = 1; // the least Hessian sum of a leaf
    double l2 = 1;             // XGBoost's lambda on the leaf weights
};

// The grid a comparison chooses from, on each repeat, by inner stratified kBoostingFolds-fold
// cross-validation on the repeat's training rows alone: a small grid, so that the baseline costs
// seconds, not minutes (the rounds are read off one booster of the most rounds).
inline const std::vector<int> kBoostingDepths = {1, 2, 3};
inline const std::vector<int> kBoostingRounds = {50, 100, 200, 400};
constexpr int kBoostingFolds = 3;

// One task's boosted trees, fitted on some columns (rows of the data) of a dense preprocessed
// input matrix (inputs x rows, as InputMatrix::toDense gives it) against the task's encoded
// targets (encodeTargets: binary 0/1, multiclass the class index, regression standardised).
// Deterministic for a seed and a thread count.
class BoostedTrees {
public:
    BoostedTrees(const Eigen::MatrixXf &inputs, const std::vector<float> &targets, const std::vector<std::size_t> &rows,
                 TaskType type, int classes, const BoostingSettings &settings, std::uint64_t seed, int threads);
    ~BoostedTrees();
    BoostedTrees(const BoostedTrees &) = delete;
    BoostedTrees &operator=(const BoostedTrees &) = delete;

    // The predictions for `rows` with the first `rounds` trees (0 = all), in the network's output
    // form before a regression target is put back in its unit: binary 1 x n P(positive),
    // multiclass classes x n probabilities, regression 1 x n standardised predictions.
    Eigen::MatrixXf predict(const Eigen::MatrixXf &inputs, const std::vector<std::size_t> &rows, int rounds = 0) const;

private:
    void *m_booster = nullptr;
    TaskType m_type;
    int m_classes;
};

} // namespace cmtl
