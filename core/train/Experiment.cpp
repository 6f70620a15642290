#include "train/Experiment.h"

#include "common/Error.h"
#include "distributed/Communicator.h"
#include "distributed/DistributedEvaluation.h"
#include "distributed/DistributedFit.h"
#include "distributed/DistributedRead.h"
#include "metrics/TaskScores.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>

namespace cmtl {

const EvaluationReport *ExperimentResult::report(const std::string &part) const
{
    for (const EvaluationReport &candidate : reports) {
        if (candidate.part == part)
            return &candidate;
    }
    return nullptr;
}

namespace {

// The rows of one rank's part, in a data-parallel run: the collective operations, and where the
// part begins in the whole table. One process is rank 0 of one, its part the whole table.
struct RankOfRun {
    Communicator &ranks;
    std::size_t firstRow = 0;
    std::size_t firstTestRow = 0; // where its part of a separate test file begins in that file
};

// One task's metrics on `rows` of the table (every row when empty); in a data-parallel run, on
// every rank's rows together (AUC needs all the scores).
TaskEvaluation evaluateTaskOfRanks(const TargetEncoding &task, const Eigen::MatrixXf &predictions, const Table &table,
                                   std::span<const std::size_t> rows, const RankOfRun &rank)
{
    if (!rank.ranks.isDistributed())
        return evaluateTask(task, predictions, table, rows);
    const TaskScores scores = pairTaskWithLabels(task, predictions, table, rows);
    return evaluateScores(gatherScoresAcrossRanks(rank.ranks, scores, rank.firstRow));
}

EvaluationReport evaluateRows(const MultiTaskModel &model, const Table &table, const std::vector<std::size_t> &rows,
                              const RowSource &allInputs, const std::string &part, const std::string &source,
                              int threads, const RankOfRun &rank)
{
    // Scored in blocks of rows, so that no copy of the part's inputs (hundreds of MB for a large
    // training part) sits next to the full input matrix.
    constexpr std::size_t kBlock = 1 << 16;
    const auto partRows = static_cast<Eigen::Index>(rows.size());
    std::vector<Eigen::MatrixXf> predictions;
    for (std::size_t begin = 0; begin < rows.size(); begin += kBlock) {
        const std::size_t count = std::min(kBlock, rows.size() - begin);
        std::vector<Eigen::MatrixXf> block =
            model.predictInputs(allInputs.gather(std::span(rows).subspan(begin, count)), threads);
        for (std::size_t t = 0; t < block.size(); ++t) {
            if (predictions.size() <= t)
                predictions.emplace_back(block[t].rows(), partRows);
            predictions[t].middleCols(static_cast<Eigen::Index>(begin), static_cast<Eigen::Index>(count)) = block[t];
        }
    }
    if (predictions.empty()) // no rows: empty predictions of the right heights
        predictions = model.predictInputs(allInputs.gather({}), threads);
    EvaluationReport report{part, source, {}, {}};
    for (std::size_t t = 0; t < model.tasks().size(); ++t)
        report.tasks.push_back(evaluateTaskOfRanks(model.tasks()[t], predictions[t], table, rows, rank));
    noteUnseenLabels(report);
    return report;
}

// The model's metrics on every labelled row of `table` (in a data-parallel run, of every rank's
// part of the table: a separate test file read in parts), with what the transform clipped.
EvaluationReport evaluateTable(const MultiTaskModel &model, const Table &table, const std::string &part, int threads,
                               const RankOfRun &rank)
{
    TransformNotes transformNotes;
    const std::vector<Eigen::MatrixXf> predictions = model.predict(table, threads, &transformNotes);
    if (rank.ranks.isDistributed())
        transformNotes = mergeNotesAcrossRanks(rank.ranks, transformNotes, rank.firstRow, model.preprocessor());
    EvaluationReport report{part, table.source(), {}, transformNotes.messages()};
    for (std::size_t t = 0; t < model.tasks().size(); ++t)
        report.tasks.push_back(evaluateTaskOfRanks(model.tasks()[t], predictions[t], table, {}, rank));
    noteUnseenLabels(report);
    return report;
}

// The training set of `rows` with the smaller classes' rows repeated (oversampleRows). In a
// data-parallel run (`rows` this rank's), it is the list one process makes of all ranks' rows:
// the classes of every rank's rows are gathered (4 bytes a row), every rank draws the same
// repeats and keeps those of its own rows, at their positions at the end of that list.
TrainingSet oversampledSet(const RowSource &inputs, const std::vector<std::vector<float>> &targets,
                           const std::vector<TargetEncoding> &encodings, const std::vector<std::size_t> &rows,
                           std::uint64_t seed, Communicator &ranks)
{
    if (!ranks.isDistributed())
        return {&inputs, &targets, oversampleRows(encodings, targets, rows, seed), {}};
    const OversampleClasses found = oversampleClasses(encodings, targets, rows);
    if (found.classes == 0)
        return {&inputs, &targets, rows, {}};
    const std::vector<float> allClasses = ranks.gather(found.classOfRow);
    // This rank's rows are entries [first, first + rows.size()) of all ranks' rows in rank order.
    const std::size_t first = itemsOfRanks(ranks, rows.size()).first;
    TrainingSet set{&inputs, &targets, rows, std::vector<std::size_t>(rows.size())};
    std::iota(set.positions.begin(), set.positions.end(), first);
    const std::vector<std::size_t> added = oversampledEntries(allClasses, found.classes, seed);
    for (std::size_t k = 0; k < added.size(); ++k) {
        if (added[k] >= first && added[k] < first + rows.size()) {
            set.rows.push_back(rows[added[k] - first]);
            set.positions.push_back(allClasses.size() + k);
        }
    }
    return set;
}

// The feature most likely to make training diverge: the numeric column whose training values
// reach furthest from their mean, in standard deviations. Empty when there is no numeric column.
std::string mostExtremeFeature(const Preprocessor &preprocessor)
{
    const NumericStep *extreme = nullptr;
    double furthest = -1;
    for (const NumericStep &step : preprocessor.numeric) {
        const double reach = std::max(std::abs(static_cast<double>(step.highest) - step.mean),
                                      std::abs(static_cast<double>(step.lowest) - step.mean)) /
                             step.scale;
        if (reach > furthest) {
            furthest = reach;
            extreme = &step;
        }
    }
    if (!extreme)
        return {};
    return "\"" + extreme->column + "\" (its training values reach " + std::to_string(std::lround(furthest)) +
           " standard deviations from the mean)";
}

ExperimentResult runOnSplit(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                            DataSplit split, const Table *testTable,
                            const std::vector<std::vector<float>> &targetOverrides,
                            const std::vector<TrainingCallback *> &callbacks, const CancellationToken *cancel,
                            const RankOfRun &rank, const CheckpointSettings *checkpoints = nullptr,
                            PreparedInputs *prepared = nullptr);

} // namespace

void noteUnseenLabels(EvaluationReport &report)
{
    for (const TaskEvaluation &task : report.tasks) {
        if (std::string note = describeUnseenLabels(task); !note.empty())
            report.notes.push_back(std::move(note));
    }
}

std::vector<float> stratificationLabels(const Table &data, const RoleAssignment &roles)
{
    for (const TaskSpec &task : roles.tasks) {
        if (task.type != TaskType::Binary)
            continue;
        std::vector<std::size_t> allRows(data.rowCount());
        std::iota(allRows.begin(), allRows.end(), std::size_t{0});
        return encodeTargets(data, fitTargetEncoding(data, task, allRows));
    }
    return {};
}

ExperimentResult runExperiment(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                               const Table *testTable, const std::vector<TrainingCallback *> &callbacks,
                               const CancellationToken *cancel, const CheckpointSettings *checkpoints)
{
    validateRoles(data, roles);
    // Stratify on the first binary task, so every part keeps its (often rare) positive rate.
    const std::vector<float> strata = stratificationLabels(data, roles);
    DataSplit split = testTable ? trainValidationSplit(data.rowCount(), strata, config.split)
                                : stratifiedSplit(data.rowCount(), strata, config.split);
    SingleProcessCommunicator singleProcess;
    return runOnSplit(data, roles, config, std::move(split), testTable, {}, callbacks, cancel, {singleProcess, 0},
                      checkpoints);
}

namespace {

// A digest of the fitted preprocessing (each step's column, statistics and levels, and the input
// names): other data gives other statistics.
std::string preprocessingDigest(const Preprocessor &preprocessor)
{
    QByteArray bytes;
    const auto addText = [&](const std::string &text) {
        bytes.append(text.data(), static_cast<qsizetype>(text.size()));
        bytes.append('\0');
    };
    const auto addFloat = [&](float value) { bytes.append(reinterpret_cast<const char *>(&value), sizeof value); };
    for (const NumericStep &step : preprocessor.numeric) {
        addText(step.column);
        for (const float value : {step.median, step.mean, step.scale, step.lowest, step.highest})
            addFloat(value);
        bytes.append(step.missingIndicator ? '1' : '0');
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        addText(step.column);
        for (const std::string &level : step.levels)
            addText(level);
        bytes.append(step.otherInput ? '1' : '0');
    }
    for (const std::string &name : preprocessor.inputNames())
        addText(name);
    return fingerprintDigest(bytes);
}

// The trainer's checkpoints within the run: which member and phase are in training, and what
// finished phases left (TrainingCheckpoint); the trainer fills in its state.
class RunCheckpoints final : public TrainerCheckpoints {
public:
    RunCheckpoints(const CheckpointSettings &settings, RunFingerprint fingerprint) : m_settings(settings)
    {
        current.fingerprint = std::move(fingerprint);
    }

    const TrainerState *resumeFrom() const override { return resume; }
    bool wantsStateAfter(int epoch) const override { return m_settings.every > 0 && epoch % m_settings.every == 0; }
    void save(const TrainerState &state) override
    {
        if (!m_settings.write || m_settings.every <= 0)
            return;
        current.trainer = state;
        saveCheckpoint(m_settings.path, current);
        current.trainer = {};
        if (m_settings.written)
            m_settings.written();
    }
    // A phase (the refit, the next member) starts: saved, so that a run killed in it does not
    // train the finished phases again.
    void phaseStarts() { save(TrainerState{}); }

    TrainingCheckpoint current;           // without the trainer's state
    const TrainerState *resume = nullptr; // for the phase about to train

private:
    const CheckpointSettings &m_settings;
};

// With `prepared`, the preprocessing is the caller's and the inputs its rows (the feature columns
// of `data` are then not read).
ExperimentResult runOnSplit(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                            DataSplit split, const Table *testTable,
                            const std::vector<std::vector<float>> &targetOverrides,
                            const std::vector<TrainingCallback *> &callbacks, const CancellationToken *cancel,
                            const RankOfRun &rank, const CheckpointSettings *checkpoints, PreparedInputs *prepared)
{
    const auto start = std::chrono::steady_clock::now();
    Communicator &ranks = rank.ranks;
    const bool distributed = ranks.isDistributed();
    if (!prepared)
        validateRoles(data, roles, !distributed);
    if (testTable) {
        for (const std::string &column : roles.features)
            testTable->column(column);
        for (const TaskSpec &task : roles.tasks)
            testTable->column(task.column);
    }
    ExperimentResult result;
    result.split = std::move(split);
    // Whether the validation and test parts hold rows on any rank: every rank decides alike.
    std::vector<double> partRows{static_cast<double>(result.split.train.size()),
                                 static_cast<double>(result.split.validation.size()),
                                 static_cast<double>(result.split.test.size())};
    ranks.sum(std::span<double>(partRows));
    const bool hasValidation = partRows[1] > 0, hasTest = partRows[2] > 0;
    if (partRows[0] == 0)
        throw ConfigError(data.source() + ": the split leaves no training rows");

    Preprocessor preprocessor =
        prepared      ? std::move(prepared->preprocessor)
        : distributed ? fitPreprocessorWithWoeAcrossRanks(ranks, data, rank.firstRow, roles, result.split.train,
                                                          config.preprocess, config.woe)
                      : fitPreprocessorWithWoe(data, roles, result.split.train, config.preprocess, config.woe);
    result.warnings = preprocessor.warnings;
    std::vector<TargetEncoding> encodings;
    std::vector<std::vector<float>> targets;
    std::vector<TrainingTask> trainingTasks;
    NetworkSpec networkSpec;
    networkSpec.inputs = static_cast<Eigen::Index>(preprocessor.inputCount());
    networkSpec.architecture = config.train.architecture;
    networkSpec.trunk = config.train.hiddenLayers;
    networkSpec.experts = config.train.experts;
    networkSpec.taskExperts = config.train.taskExperts;
    networkSpec.headHidden = config.train.headHidden;
    networkSpec.dropout = config.train.dropout;
    networkSpec.wide = usesWidePath(config.train);
    for (const TaskSpec &task : roles.tasks) {
        TargetEncoding encoding =
            distributed ? fitTargetEncodingAcrossRanks(ranks, data, rank.firstRow, task, result.split.train)
                        : fitTargetEncoding(data, task, result.split.train);
        const std::size_t index = targets.size();
        targets.push_back(index < targetOverrides.size() && !targetOverrides[index].empty()
                              ? targetOverrides[index]
                              : encodeTargets(data, encoding));
        if (task.type == TaskType::Regression &&
            (task.imbalance.balancedClassWeights || !task.imbalance.classWeights.empty() ||
             task.imbalance.focalGamma != 0 || task.imbalance.oversample))
            throw ConfigError("task \"" + task.name() +
                              "\": class weights, focal loss and oversampling apply to "
                              "binary and multiclass tasks only");
        if (task.imbalance.focalGamma < 0)
            throw ConfigError("task \"" + task.name() + "\": the focal loss exponent must be >= 0");
        LossOptions loss{classWeights(encoding, targets.back(), result.split.train, &ranks), task.imbalance.focalGamma};
        trainingTasks.push_back({task.name(), task.type, outputWidth(encoding), task.lambda, encoding.scale, loss});
        networkSpec.taskTypes.push_back(task.type);
        networkSpec.taskOutputs.push_back(outputWidth(encoding));
        encodings.push_back(std::move(encoding));
    }

    const int threads = config.train.threads;
    // Training rows lie within the training range by construction: whatever is clipped belongs
    // to the validation or test rows, which are scored as a saved model would score them.
    TransformNotes transformNotes = prepared ? prepared->notes : TransformNotes{};
    std::optional<InputMatrix> inMemory;
    if (!prepared)
        inMemory = preprocessor.transform(data, threads, &transformNotes);
    const RowSource &allInputs = prepared ? *prepared->inputs : *inMemory;
    if (distributed)
        transformNotes = mergeNotesAcrossRanks(ranks, transformNotes, rank.firstRow, preprocessor);
    for (const std::string &note : transformNotes.messages())
        result.warnings.push_back("validation and test rows: " + note);
    const TrainingSet validationSet{&allInputs, &targets, result.split.validation};
    const MultiTaskNetwork network(networkSpec);
    // Divergence is reported with the feature column most likely to blame.
    // Checkpoints: the run's fingerprint, checked against the checkpoint it resumes.
    std::optional<RunCheckpoints> runCheckpoints;
    const TrainingCheckpoint *resume = nullptr;
    if (checkpoints) {
        RunFingerprint fingerprint = checkpoints->fingerprint;
        fingerprint.push_back({"training rows", std::to_string(static_cast<std::size_t>(partRows[0]))});
        fingerprint.push_back({"validation rows", std::to_string(static_cast<std::size_t>(partRows[1]))});
        fingerprint.push_back({"test rows", std::to_string(static_cast<std::size_t>(partRows[2]))});
        fingerprint.push_back({"network parameters", std::to_string(network.parameterCount())});
        fingerprint.push_back({"preprocessing digest", preprocessingDigest(preprocessor)});
        if (checkpoints->resume) {
            checkFingerprint(checkpoints->resume->fingerprint, fingerprint, checkpoints->resumeSource);
            resume = &*checkpoints->resume;
            if (resume->member >= config.train.ensemble)
                throw DataError({checkpoints->resumeSource, 0, {}},
                                "damaged checkpoint file: it stands at ensemble member " +
                                    std::to_string(resume->member + 1) + " of " +
                                    std::to_string(config.train.ensemble));
            if (checkpoints->resumed)
                checkpoints->resumed(*resume);
        }
        runCheckpoints.emplace(*checkpoints, std::move(fingerprint));
    }
    RunCheckpoints *const trainerCheckpoints = runCheckpoints ? &*runCheckpoints : nullptr;
    const auto train = [&](const TrainingSet &rows, const TrainingSet *validation, const TrainConfig &settings,
                           const std::vector<TrainingCallback *> &hooks) {
        try {
            return trainNetwork(network, trainingTasks, rows, validation, settings, hooks, cancel, &ranks,
                                trainerCheckpoints);
        } catch (const TrainingDiverged &diverged) {
            const std::string suspect = mostExtremeFeature(preprocessor);
            if (suspect.empty())
                throw;
            throw ConfigError(std::string(diverged.what()) + ", such as column " + suspect);
        }
    };
    const auto trainingStart = std::chrono::steady_clock::now();
    if (config.train.ensemble < 1)
        throw ConfigError("the ensemble size is " + std::to_string(config.train.ensemble) +
                          "; it counts the networks trained, at least 1");
    // Early stopping has chosen the number of epochs on the validation rows; with refit, the
    // final model is trained afresh (same seed) on the training and validation rows together for
    // that many epochs, so that no labelled row is left unused by the model that is kept.
    const auto trainMember = [&](int member, const TrainConfig &settings, const std::vector<TrainingCallback *> &hooks,
                                 TrainingHistory &history) {
        const TrainingCheckpoint *const resumed = resume && resume->member == member ? resume : nullptr;
        if (trainerCheckpoints) {
            trainerCheckpoints->current.member = member;
            trainerCheckpoints->current.refit = false;
            trainerCheckpoints->current.earlyStoppingHistory = {};
            trainerCheckpoints->resume = resumed && !resumed->refit ? &resumed->trainer : nullptr;
        }
        if (resumed && resumed->refit) {
            history = resumed->earlyStoppingHistory; // early stopping had finished
        } else {
            TrainingOutcome outcome =
                train(oversampledSet(allInputs, targets, encodings, result.split.train, settings.seed, ranks),
                      hasValidation ? &validationSet : nullptr, settings, hooks);
            history = std::move(outcome.history);
            if (settings.refit != RefitMode::All || !hasValidation || history.bestEpoch <= 0)
                return std::move(outcome.parameters);
            if (trainerCheckpoints) {
                trainerCheckpoints->current.refit = true;
                trainerCheckpoints->current.earlyStoppingHistory = history;
                trainerCheckpoints->phaseStarts();
            }
        }
        if (trainerCheckpoints) {
            trainerCheckpoints->current.refit = true;
            trainerCheckpoints->current.earlyStoppingHistory = history;
            trainerCheckpoints->resume = resumed && resumed->refit ? &resumed->trainer : nullptr;
        }
        std::vector<std::size_t> fittedRows = result.split.train;
        fittedRows.insert(fittedRows.end(), result.split.validation.begin(), result.split.validation.end());
        std::sort(fittedRows.begin(), fittedRows.end());
        TrainConfig refitConfig = settings;
        refitConfig.epochs = history.bestEpoch;
        refitConfig.patience = 0;
        const TrainingSet allTrainingRows =
            oversampledSet(allInputs, targets, encodings, fittedRows, settings.seed, ranks);
        TrainingOutcome refitted = train(allTrainingRows, nullptr, refitConfig, {});
        history.refitEpochs = static_cast<int>(refitted.history.epochs.size());
        // (Over all ranks: every rank decides alike whether the model was refitted.)
        const auto allFittedRows = static_cast<std::size_t>(partRows[0] + partRows[1]);
        history.refitRows = allFittedRows;
        history.stopReason += "; refit on all " + std::to_string(allFittedRows) +
                              " training rows (validation rows included) for " + std::to_string(refitConfig.epochs) +
                              " epochs";
        return std::move(refitted.parameters);
    };
    // A seed ensemble: member k is the same network trained with seed + k. The history kept (and
    // shown) is the first member's; the callbacks follow the first member only, so that progress
    // and cancellation behave as for one network. A resumed run takes the members a checkpoint
    // holds as they were.
    std::vector<Eigen::VectorXf> members;
    int firstMember = 0;
    if (resume) {
        members = resume->finishedMembers;
        firstMember = resume->member;
        if (firstMember > 0)
            result.history = resume->firstMemberHistory;
    }
    for (int member = firstMember; member < config.train.ensemble; ++member) {
        TrainConfig settings = config.train;
        settings.seed = config.train.seed + static_cast<std::uint64_t>(member);
        TrainingHistory history;
        members.push_back(
            trainMember(member, settings, member == 0 ? callbacks : std::vector<TrainingCallback *>{}, history));
        if (member == 0)
            result.history = std::move(history);
        if (!distributed && cancel && cancel->isCancelled()) // across ranks: the trainer's step decides
            break;
        if (trainerCheckpoints && member + 1 < config.train.ensemble) {
            trainerCheckpoints->current.member = member + 1;
            trainerCheckpoints->current.refit = false;
            trainerCheckpoints->current.earlyStoppingHistory = {};
            trainerCheckpoints->current.finishedMembers = members;
            trainerCheckpoints->current.firstMemberHistory = result.history;
            trainerCheckpoints->phaseStarts();
        }
    }
    if (config.train.ensemble > 1)
        result.history.stopReason += "; ensemble of " + std::to_string(members.size()) + " networks (seeds " +
                                     std::to_string(config.train.seed) + " to " +
                                     std::to_string(config.train.seed + members.size() - 1) +
                                     "), their probabilities averaged";
    const bool refit = result.history.refitRows > 0;
    std::vector<std::size_t> fittedRows = result.split.train;
    if (refit) {
        fittedRows.insert(fittedRows.end(), result.split.validation.begin(), result.split.validation.end());
        std::sort(fittedRows.begin(), fittedRows.end());
    }
    result.trainingSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - trainingStart).count();
    result.model =
        MultiTaskModel(std::move(preprocessor), std::move(encodings), networkSpec, std::move(members), config);

    // The refitted model has seen the validation rows: they are training rows to it, and are
    // reported as such (their per-epoch figures, which chose the epoch count, stay in history).
    result.reports.push_back(
        evaluateRows(result.model, data, fittedRows, allInputs, "train", data.source(), threads, rank));
    if (!refit && hasValidation)
        result.reports.push_back(evaluateRows(result.model, data, result.split.validation, allInputs, "validation",
                                              data.source(), threads, rank));
    if (testTable) {
        result.reports.push_back(evaluateTable(result.model, *testTable, "test", threads, {ranks, rank.firstTestRow}));
    } else if (hasTest) {
        result.reports.push_back(evaluateRows(result.model, data, result.split.test, allInputs, "test",
                                              data.source() + " (held-out split)", threads, rank));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace

ExperimentResult runExperimentOnSplit(const Table &data, const RoleAssignment &roles, const ExperimentConfig &config,
                                      DataSplit split, const Table *testTable,
                                      const std::vector<std::vector<float>> &targetOverrides,
                                      const std::vector<TrainingCallback *> &callbacks, const CancellationToken *cancel)
{
    SingleProcessCommunicator singleProcess;
    return runOnSplit(data, roles, config, std::move(split), testTable, targetOverrides, callbacks, cancel,
                      {singleProcess, 0});
}

ExperimentResult runExperimentOnPreparedInputs(const Table &data, const RoleAssignment &roles,
                                               const ExperimentConfig &config, DataSplit split,
                                               PreparedInputs &prepared,
                                               const std::vector<TrainingCallback *> &callbacks,
                                               const CancellationToken *cancel)
{
    SingleProcessCommunicator singleProcess;
    return runOnSplit(data, roles, config, std::move(split), nullptr, {}, callbacks, cancel, {singleProcess, 0},
                      nullptr, &prepared);
}

ExperimentResult runExperimentAcrossRanks(Communicator &ranks, const RankPart &part, const RoleAssignment &roles,
                                          const ExperimentConfig &config, const RankPart *testPart,
                                          const std::vector<TrainingCallback *> &callbacks,
                                          const CancellationToken *cancel, const CheckpointSettings *checkpoints)
{
    const Table &data = part.read.table;
    validateRoles(data, roles, !ranks.isDistributed());
    // Stratified on the first binary task, encoded as one process encodes the whole column.
    std::vector<float> strata;
    for (const TaskSpec &task : roles.tasks) {
        if (task.type != TaskType::Binary)
            continue;
        std::vector<std::size_t> allRows(data.rowCount());
        std::iota(allRows.begin(), allRows.end(), std::size_t{0});
        strata = encodeTargets(data, fitTargetEncodingAcrossRanks(ranks, data, part.firstRow, task, allRows));
        break;
    }
    DataSplit split = splitOfRank(ranks, part, strata, config.split, testPart != nullptr);
    return runOnSplit(data, roles, config, std::move(split), testPart ? &testPart->read.table : nullptr, {}, callbacks,
                      cancel, {ranks, part.firstRow, testPart ? testPart->firstRow : 0}, checkpoints);
}

EvaluationReport evaluateModel(const MultiTaskModel &model, const Table &table, const std::string &part, int threads)
{
    SingleProcessCommunicator singleProcess;
    return evaluateTable(model, table, part, threads, {singleProcess, 0});
}

} // namespace cmtl
