#pragma once

// The allowed range of every setting of a run, in one place: the command line checks its options
// against these (app/cli/CliSupport.cpp) and a saved configuration or a model file's settings are
// checked against the same (io/ConfigJson.cpp), so that a value refused on the command line cannot
// come in through a file. Ranges are closed; NaN and infinities are outside every range.

#include <cmath>
#include <cstdint>

namespace cmtl::limits {

struct RealRange {
    const char *option; // the command-line option, without "--"
    const char *field;  // the field of the saved configuration
    double lowest, highest;

    bool contains(double value) const { return std::isfinite(value) && value >= lowest && value <= highest; }
};

struct IntegerRange {
    const char *option;
    const char *field;
    std::int64_t lowest, highest;

    bool contains(std::int64_t value) const { return value >= lowest && value <= highest; }
};

// Layer widths and experts: a network beyond these is refused before the parameter count (see
// nn/MultiTaskNetwork.h for the limit on the whole network).
inline constexpr std::int64_t kMaxLayerWidth = std::int64_t{1} << 24;

inline constexpr RealRange kGradNormAlpha{"gradnorm-alpha", "train.weighting.gradnorm_alpha", 0, 10};
inline constexpr RealRange kGradNormLearningRate{"gradnorm-lr", "train.weighting.gradnorm_learning_rate", 1e-6, 10};
inline constexpr RealRange kDwaTemperature{"dwa-temperature", "train.weighting.dwa_temperature", 1e-3, 1e3};
inline constexpr RealRange kLearningRate{"lr", "train.learning_rate", 1e-7, 10};
inline constexpr RealRange kDropout{"dropout", "train.dropout", 0, 0.95};
inline constexpr RealRange kL2{"l2", "train.l2", 0, 1e3};
inline constexpr RealRange kTrainFraction{"train-fraction", "split.train_fraction", 0.01, 1};
inline constexpr RealRange kValidationFraction{"validation-fraction", "split.validation_fraction", 0, 0.99};
// Task weights (--lambda), class weights, focal gamma and task-graph strengths.
inline constexpr RealRange kLambda{"lambda", "tasks[].lambda", 0, 1e6};
inline constexpr RealRange kClassWeight{"class-weights", "tasks[].imbalance.class_weights", 0, 1e6};
inline constexpr RealRange kFocalGamma{"focal", "tasks[].imbalance.focal_gamma", 0, 100};
inline constexpr RealRange kTaskGraphStrength{"task-graph", "train.task_graph[].strength", 0, 1e6};

inline constexpr IntegerRange kExperts{"experts", "train.experts", 1, 1024};
inline constexpr IntegerRange kTaskExperts{"task-experts", "train.task_experts", 1, 1024};
inline constexpr IntegerRange kHiddenWidth{"hidden", "train.hidden_layers", 1, kMaxLayerWidth};
inline constexpr IntegerRange kHeadHidden{"head-hidden", "train.head_hidden", 0, kMaxLayerWidth};
inline constexpr IntegerRange kEpochs{"epochs", "train.epochs", 1, 1000000};
inline constexpr IntegerRange kBatch{"batch", "train.batch_size", 1, std::int64_t{1} << 24};
inline constexpr IntegerRange kPatience{"patience", "train.patience", 0, 1000000};
// Networks of a seed ensemble (each one costs a full training run and its weights in the file).
inline constexpr IntegerRange kEnsemble{"ensemble", "train.ensemble", 1, 100};
inline constexpr IntegerRange kMaxLevels{"max-levels", "preprocess.max_levels", 1, 1000000};
inline constexpr IntegerRange kMinLevelCount{"min-level-count", "preprocess.min_level_count", 1, 2147483647};
inline constexpr IntegerRange kThreads{"threads", "threads", 0, 4096};
// Seeds are any 64-bit unsigned value; the command line reads them as such.
// Cross-validation folds: at least 2, at most this many (and never more than the rows).
inline constexpr IntegerRange kFolds{"folds", "folds", 2, 100};
// Held-out splits of `compare --seeds`.
inline constexpr std::int64_t kMaxSeeds = 100;

} // namespace cmtl::limits
