#pragma once

#include "common/Cancellation.h"
#include "data/Table.h"
#include "metrics/Evaluation.h"
#include "model/MultiTaskModel.h"
#include "tasks/TaskSpec.h"
#include "train/Checkpoint.h"
#include "train/Trainer.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cmtl {

class Communicator;
struct RankPart;

// The metrics of every task on one part of the data.
struct EvaluationReport {
    std::string part;   // "train", "validation", "test"
    std::string source; // where the rows came from, for the report
    std::vector<TaskEvaluation> tasks;
    // What the user should know to read the metrics: inputs clipped to the training range, labels
    // left out because they are none of a task's classes (English sentences).
    std::vector<std::string> notes;
};

// Appends to report.notes a sentence for each task with labels left out (describeUnseenLabels).
void noteUnseenLabels(EvaluationReport &report);

struct ExperimentResult {
    MultiTaskModel model;
    TrainingHistory history;
    DataSplit split;                       // rows of the training table
    std::vector<EvaluationReport> reports; // train, validation (when any), test (when any)
    std::vector<std::string> warnings;
    double seconds = 0;         // the whole run: preprocessing, training, evaluation
    double trainingSeconds = 0; // the training alone (with the refit, when there is one)

    const EvaluationReport *report(const std::string &part) const;
};

// Checkpoints of a run (`train --checkpoint-every N`, `--resume`). Every `every` epochs of each
// training phase (early stopping's training, the refit, each ensemble member), and at the start
// of each later phase, the state is written to `path` (atomically; in a data-parallel run by rank
// 0 alone). A run given `resume` first compares its fingerprint (the caller's entries, the
// settings and the data file, with the run's own: the rows of each part, the network's
// parameter count and a digest of the fitted preprocessing) with the checkpoint's and refuses to
// continue when one differs; otherwise it continues where the checkpoint stood and ends with the
// same model, bit for bit, as a run never interrupted.
struct CheckpointSettings {
    std::string path;
    int every = 0;     // epochs between checkpoints; 0 = write none
    bool write = true; // false on the ranks other than 0
    RunFingerprint fingerprint;
    std::optional<TrainingCheckpoint> resume;
    std::string resumeSource; // the checkpoint's file, for messages
    // Called after each checkpoint is written (by the rank that writes): progress, or a test that
    // stops the run there.
    std::function<void()> written;
    // Called once the checkpoint to resume from has passed the fingerprint check, before training
    // continues from it (so that "resuming" is never said of a checkpoint that is then refused).
    std::function<void(const TrainingCheckpoint &)> resumed;
};

// The whole flow: split the rows (stratified on the first binary task), fit the preprocessing
// and task encodings on the training rows, train, and evaluate every part. With `testTable`
// the test part is that table (out-of-time validation) and `data` gives train and validation.
ExperimentResult runExperiment(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                               const Table *testTable = nullptr, const std::vector<TrainingCallback *> &callbacks = {},
                               const CancellationToken *cancel = nullptr,
                               const CheckpointSettings *checkpoints = nullptr);

// The same flow on a split given by the caller (cross-validation folds). `targetOverrides`, when
// not empty, replaces a task's encoded targets (one float per row of `data`, as encodeTargets
// gives them): a teacher's soft targets for knowledge distillation.
ExperimentResult runExperimentOnSplit(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                                      DataSplit split, const Table *testTable = nullptr,
                                      const std::vector<std::vector<float>> &targetOverrides = {},
                                      const std::vector<TrainingCallback *> &callbacks = {},
                                      const CancellationToken *cancel = nullptr);

// runExperiment over the ranks of a data-parallel job (collective: every rank calls it with its
// part of the file, as readCsvPartOfRank reads it, and the same roles and configuration). The
// split is the one one process makes of the whole file (splitOfRank), the preprocessing and the
// task encodings are fitted across the ranks (DistributedFit.h), the network trains with the
// gradient summed over the ranks (trainNetwork; per-rank batch config.train.batchSize), and the
// reports are over all ranks' rows. With `testPart` (this rank's part of a separate test file, read
// like `part`) the split is train and validation only, as runExperiment's with a test table, and
// the test metrics are over every rank's test rows. Every rank returns the same model and reports;
// the split is this rank's rows. Balanced class weights count the classes of every rank's training
// rows; oversampling repeats rows drawn from all ranks' rows, at the end of the list one process
// makes (TrainingSet::positions). ConfigError for what is not done across ranks yet (a WoE input).
ExperimentResult runExperimentAcrossRanks(Communicator &ranks, const RankPart &part, const RoleAssignment &roles,
                                          const ExperimentConfig &config, const RankPart *testPart = nullptr,
                                          const std::vector<TrainingCallback *> &callbacks = {},
                                          const CancellationToken *cancel = nullptr,
                                          const CheckpointSettings *checkpoints = nullptr);

// The preprocessing and the inputs of a table's rows that the caller prepared (the out-of-core path,
// train/OutOfCore.h: the inputs are then a cache on disk).
struct PreparedInputs {
    Preprocessor preprocessor;         // fitted on the split's training rows
    const RowSource *inputs = nullptr; // every row of the table, transformed by `preprocessor`
    TransformNotes notes;              // what the transform clipped
};

// runExperimentOnSplit with prepared inputs: `data` need hold only the task columns (and the kept
// ones); its feature columns are not read. The caller has checked the roles (validateRoles).
ExperimentResult runExperimentOnPreparedInputs(const Table &data, const RoleAssignment &roles,
                                               const ExperimentConfig &config, DataSplit split,
                                               PreparedInputs &prepared,
                                               const std::vector<TrainingCallback *> &callbacks = {},
                                               const CancellationToken *cancel = nullptr);

// The encoded targets of the first binary task (for stratified splits); empty when there is none.
std::vector<float> stratificationLabels(const Table &data, const RoleAssignment &roles);

// Evaluates a model on every labelled row of a table holding its task columns; the report's notes
// say which inputs were clipped to the training range and which labels were left out.
EvaluationReport evaluateModel(const MultiTaskModel &model, const Table &table, const std::string &part,
                               int threads = 0);

} // namespace cmtl
