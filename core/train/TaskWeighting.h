#pragma once

#include "nn/Adam.h"
#include "nn/MultiTaskNetwork.h"

#include <Eigen/Core>

#include <memory>
#include <string>
#include <vector>

namespace cmtl {

// How the task weights evolve during training. The objective of a batch is
// sum_t lambda_t * w_t * L_t, with the user's lambda_t and a strategy's multiplier w_t.
enum class WeightingMethod {
    Fixed,       // w_t = 1: the user's lambdas only
    Uncertainty, // homoscedastic uncertainty (Kendall, Gal and Cipolla 2018)
    GradNorm,    // gradient normalisation (Chen et al. 2018)
    DWA,         // dynamic weight average (Liu, Johns and Davison 2019)
    PCGrad,      // projecting conflicting gradients (Yu et al. 2020)
};

const char *toString(WeightingMethod method);
// "fixed", "uncertainty", "gradnorm", "dwa", "pcgrad"; throws ConfigError otherwise.
WeightingMethod weightingFromString(const std::string &text);

struct WeightingSettings {
    WeightingMethod method = WeightingMethod::Fixed;
    double gradNormAlpha = 1.5;          // GradNorm's asymmetry
    double gradNormLearningRate = 0.025; // step size of GradNorm's weights
    double dwaTemperature = 2.0;         // DWA's temperature T
};

// A strategy object, created per training run. The trainer asks it for the multipliers before
// each batch, hands it the batch's mean task losses (and, when it asks for them, each task's
// gradient over all parameters) and takes the combined gradient it returns.
class TaskWeighting {
public:
    virtual ~TaskWeighting() = default;

    // Multipliers w_t for the next batch.
    const std::vector<double> &multipliers() const { return m_multipliers; }
    // True when combine() needs each task's own gradient (one backward pass per task).
    virtual bool needsTaskGradients() const { return false; }

    virtual void beginEpoch(int /*epoch*/, const std::vector<double> & /*previousEpochLosses*/) {}
    // batchLosses: mean loss of each task on the batch. taskGradients: d (lambda_t w_t L_t) / d
    // parameters per task (when asked for), else empty and `gradient` already holds their sum.
    // Leaves in `gradient` the gradient to step with.
    virtual void combine(const std::vector<double> &batchLosses, std::vector<Eigen::VectorXf> &taskGradients,
                         Eigen::VectorXf &gradient) = 0;

    // Everything the strategy has learned so far (the multipliers, then what the method keeps:
    // log-variances and their optimiser, initial losses, past epochs' losses, a step count), as
    // numbers, for a checkpoint. A strategy made alike and restored from it continues exactly as
    // the saved one would have. restoreState throws ConfigError when the numbers cannot be this
    // method's state for this many tasks.
    std::vector<double> saveState() const;
    void restoreState(const std::vector<double> &state);

    // Reads a saved state's numbers in order; throws ConfigError when they run out.
    class StateReader {
    public:
        StateReader(const std::vector<double> &values, std::size_t at) : m_values(values), m_at(at) {}
        double next();
        std::size_t count(); // a whole number from 0 to 2^53
        bool atEnd() const { return m_at == m_values.size(); }

    private:
        const std::vector<double> &m_values;
        std::size_t m_at;
    };

protected:
    explicit TaskWeighting(std::size_t tasks) : m_multipliers(tasks, 1.0) {}
    // The method's own part of the state, after the multipliers.
    virtual void saveExtra(std::vector<double> & /*state*/) const {}
    virtual void restoreExtra(StateReader & /*reader*/) {}
    std::vector<double> m_multipliers;
};

std::unique_ptr<TaskWeighting> makeTaskWeighting(const WeightingSettings &settings, const MultiTaskNetwork &network,
                                                 const std::vector<double> &lambdas, double learningRate,
                                                 std::uint64_t seed);

// PCGrad's projection on the shared part [0, sharedEnd) of the task gradients, in place: each
// task's gradient loses its component along any other task's gradient it conflicts with
// (negative dot product), other tasks taken in a seeded random order. Exposed for tests.
void projectConflictingGradients(std::vector<Eigen::VectorXf> &taskGradients, Eigen::Index sharedEnd,
                                 std::uint64_t seed);

} // namespace cmtl
