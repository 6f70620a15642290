#pragma once

#include "data/Table.h"
#include "metrics/Evaluation.h"
#include "model/MultiTaskModel.h"
#include "tasks/TaskSpec.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

// A task's predictions next to its labels on the labelled rows of one part of the data, the raw
// material of the result charts (threshold explorer, KS, score distribution, calibration,
// confusion heat map, predicted against actual). Rows are the same, in the same order, as
// evaluateTask uses, so metrics computed from these equal the engine's report.
struct TaskScores {
    std::string task;
    TaskType type = TaskType::Binary;
    std::vector<std::string> classes;
    // Binary: P(positive) and 0/1 labels.
    std::vector<float> scores;
    std::vector<std::uint8_t> labels;
    // Multiclass: classes x rows probabilities and the class index of each row.
    Eigen::MatrixXf probabilities;
    std::vector<std::int32_t> classLabels;
    // Regression: prediction and actual value in the target's unit.
    std::vector<float> predicted, actual;
    // Labels left out because they are none of the classes (see TaskEvaluation::unseen).
    std::vector<LabelTally> unseen;

    std::size_t size() const;
};

// Scores `rows` of `table` (every row when empty) with `model` and pairs each task's predictions
// with its labels, leaving out rows whose label is missing or none of the classes (counted in
// TaskScores::unseen). `notes`, when given, receives the inputs clipped to their training range.
std::vector<TaskScores> scoreTasks(const MultiTaskModel &model, const Table &table,
                                   std::span<const std::size_t> rows = {}, int threads = 0,
                                   TransformNotes *notes = nullptr);
// The same from predictions already made (model.predict's output for `rows`, or for every row
// when `rows` is empty).
std::vector<TaskScores> pairWithLabels(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions,
                                       const Table &table, std::span<const std::size_t> rows = {});
// One task's predictions (one column per entry of `rows`, every row when empty) paired with its
// labels in `table`: regression labels in the column's unit, the others as the model encodes them.
TaskScores pairTaskWithLabels(const TargetEncoding &encoding, const Eigen::MatrixXf &predictions, const Table &table,
                              std::span<const std::size_t> rows = {});

// The task's metrics (and, binary, ROC curve) on the paired rows.
TaskEvaluation evaluateScores(const TaskScores &scores);

// Score histograms of the two classes of a binary task over `bins` equal-width bins of
// [lower, upper] (scores outside fall into the first or last bin), each normalised to sum 1 (a
// class without rows gives zeros), for the score distribution chart. lower < upper, bins >= 1,
// else std::invalid_argument.
struct ScoreDistribution {
    std::vector<double> edges; // bins + 1
    std::vector<double> positiveShare, negativeShare;
};
ScoreDistribution scoreDistribution(std::span<const float> scores, std::span<const std::uint8_t> labels, int bins = 20,
                                    double lower = 0.0, double upper = 1.0);

// The span a score histogram should cover: [0, 1] when the scores fill at least half of it, else
// the scores' own range widened outward to multiples of 0.01 (at least 0.01 wide), so that scores
// crowded near 0 (a 5% default rate) spread over every bin instead of the first few.
struct ScoreSpan {
    double lower = 0.0, upper = 1.0;
};
ScoreSpan scoreSpan(std::span<const float> scores);

} // namespace cmtl
