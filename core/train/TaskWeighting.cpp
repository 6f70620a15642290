#include "train/TaskWeighting.h"

#include "common/Error.h"
#include "nn/Random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cmtl {

const char *toString(WeightingMethod method)
{
    switch (method) {
    case WeightingMethod::Fixed:
        return "fixed";
    case WeightingMethod::Uncertainty:
        return "uncertainty";
    case WeightingMethod::GradNorm:
        return "gradnorm";
    case WeightingMethod::DWA:
        return "dwa";
    case WeightingMethod::PCGrad:
        return "pcgrad";
    }
    return "?";
}

WeightingMethod weightingFromString(const std::string &text)
{
    for (const WeightingMethod method : {WeightingMethod::Fixed, WeightingMethod::Uncertainty,
                                         WeightingMethod::GradNorm, WeightingMethod::DWA, WeightingMethod::PCGrad}) {
        if (text == toString(method))
            return method;
    }
    throw ConfigError("unknown task weighting \"" + text + "\": expected fixed, uncertainty, gradnorm, dwa or pcgrad");
}

std::vector<double> TaskWeighting::saveState() const
{
    std::vector<double> state = m_multipliers;
    saveExtra(state);
    return state;
}

void TaskWeighting::restoreState(const std::vector<double> &state)
{
    if (state.size() < m_multipliers.size())
        throw ConfigError("the task-weighting state holds " + std::to_string(state.size()) +
                          " numbers, fewer than the " + std::to_string(m_multipliers.size()) + " tasks' weights");
    std::copy(state.begin(), state.begin() + static_cast<std::ptrdiff_t>(m_multipliers.size()), m_multipliers.begin());
    StateReader reader(state, m_multipliers.size());
    restoreExtra(reader);
    if (!reader.atEnd())
        throw ConfigError("the task-weighting state holds more numbers than its method keeps");
}

double TaskWeighting::StateReader::next()
{
    if (m_at >= m_values.size())
        throw ConfigError("the task-weighting state ends early");
    return m_values[m_at++];
}

std::size_t TaskWeighting::StateReader::count()
{
    const double value = next();
    if (!(value >= 0 && value <= 9007199254740992.0) || value != std::floor(value))
        throw ConfigError("the task-weighting state holds a count that is not a whole number");
    return static_cast<std::size_t>(value);
}

namespace {

void saveFloats(const Eigen::VectorXf &values, std::vector<double> &state)
{
    state.insert(state.end(), values.begin(), values.end());
}

// Float values saved as doubles come back exactly.
void restoreFloats(Eigen::VectorXf &values, TaskWeighting::StateReader &reader)
{
    for (float &value : values)
        value = static_cast<float>(reader.next());
}

void saveDoubles(const std::vector<double> &values, std::vector<double> &state)
{
    state.push_back(static_cast<double>(values.size()));
    state.insert(state.end(), values.begin(), values.end());
}

std::vector<double> restoreDoubles(TaskWeighting::StateReader &reader)
{
    std::vector<double> values(reader.count());
    for (double &value : values)
        value = reader.next();
    return values;
}

void sumInto(const std::vector<Eigen::VectorXf> &taskGradients, Eigen::VectorXf &gradient)
{
    gradient = taskGradients.front();
    for (std::size_t t = 1; t < taskGradients.size(); ++t)
        gradient += taskGradients[t];
}

class FixedWeighting : public TaskWeighting {
public:
    explicit FixedWeighting(std::size_t tasks) : TaskWeighting(tasks) {}
    void combine(const std::vector<double> &, std::vector<Eigen::VectorXf> &, Eigen::VectorXf &) override {}
};

// Objective sum_t lambda_t 0.5 exp(-s_t) L_t + 0.5 s_t with learned log-variances s_t = log sigma_t^2
// (as LibMTL writes Kendall et al.'s loss): at the optimum exp(s_t) = lambda_t L_t, so a noisier
// task gets a smaller weight.
class UncertaintyWeighting : public TaskWeighting {
public:
    UncertaintyWeighting(std::vector<double> lambdas, double learningRate)
        : TaskWeighting(lambdas.size()), m_lambdas(std::move(lambdas)),
          m_logVariances(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(m_lambdas.size()))),
          m_optimiser(static_cast<Eigen::Index>(m_lambdas.size()), {learningRate})
    {
        updateMultipliers();
    }

    void combine(const std::vector<double> &batchLosses, std::vector<Eigen::VectorXf> &, Eigen::VectorXf &) override
    {
        Eigen::VectorXf gradient(m_logVariances.size());
        for (Eigen::Index t = 0; t < gradient.size(); ++t) {
            const auto task = static_cast<std::size_t>(t);
            const double loss = std::isfinite(batchLosses[task]) ? batchLosses[task] : 0.0;
            gradient[t] = static_cast<float>(-0.5 * m_lambdas[task] * std::exp(-m_logVariances[t]) * loss + 0.5);
        }
        m_optimiser.step(m_logVariances, gradient);
        updateMultipliers();
    }

protected:
    void saveExtra(std::vector<double> &state) const override
    {
        const Adam::State optimiser = m_optimiser.state();
        saveFloats(m_logVariances, state);
        saveFloats(optimiser.firstMoment, state);
        saveFloats(optimiser.secondMoment, state);
        state.push_back(static_cast<double>(optimiser.step));
    }
    void restoreExtra(StateReader &reader) override
    {
        Adam::State optimiser = m_optimiser.state();
        restoreFloats(m_logVariances, reader);
        restoreFloats(optimiser.firstMoment, reader);
        restoreFloats(optimiser.secondMoment, reader);
        optimiser.step = static_cast<long long>(reader.count());
        m_optimiser.restore(optimiser);
    }

private:
    void updateMultipliers()
    {
        for (std::size_t t = 0; t < m_multipliers.size(); ++t)
            m_multipliers[t] = 0.5 * std::exp(-static_cast<double>(m_logVariances[static_cast<Eigen::Index>(t)]));
    }

    std::vector<double> m_lambdas;
    Eigen::VectorXf m_logVariances;
    Adam m_optimiser;
};

// w_t(e) = T exp(r_t / temperature) / sum_k exp(r_k / temperature), r_t = L_t(e-1) / L_t(e-2):
// a task whose loss falls slowly gets more weight. The first two epochs use w = 1.
class DynamicWeightAverage : public TaskWeighting {
public:
    DynamicWeightAverage(std::size_t tasks, double temperature) : TaskWeighting(tasks), m_temperature(temperature) {}

    void beginEpoch(int, const std::vector<double> &previousEpochLosses) override
    {
        if (!previousEpochLosses.empty())
            m_history.push_back(previousEpochLosses);
        if (m_history.size() < 2)
            return;
        const std::vector<double> &last = m_history[m_history.size() - 1];
        const std::vector<double> &before = m_history[m_history.size() - 2];
        std::vector<double> exponentials(last.size());
        for (std::size_t t = 0; t < last.size(); ++t) {
            const double ratio = before[t] > 0 && std::isfinite(last[t] / before[t]) ? last[t] / before[t] : 1.0;
            exponentials[t] = std::exp(ratio / m_temperature);
        }
        const double sum = std::accumulate(exponentials.begin(), exponentials.end(), 0.0);
        for (std::size_t t = 0; t < last.size(); ++t)
            m_multipliers[t] = static_cast<double>(last.size()) * exponentials[t] / sum;
    }
    void combine(const std::vector<double> &, std::vector<Eigen::VectorXf> &, Eigen::VectorXf &) override {}

protected:
    void saveExtra(std::vector<double> &state) const override
    {
        state.push_back(static_cast<double>(m_history.size()));
        for (const std::vector<double> &losses : m_history)
            saveDoubles(losses, state);
    }
    void restoreExtra(StateReader &reader) override
    {
        m_history.resize(reader.count());
        for (std::vector<double> &losses : m_history)
            losses = restoreDoubles(reader);
    }

private:
    double m_temperature;
    std::vector<std::vector<double>> m_history;
};

// Learns w_t so that each task's gradient norm on the last shared layer, G_t, approaches
// mean(G) * r_t^alpha, where r_t is the task's relative inverse training rate
// (L_t / L_t(0)) / mean_k (L_k / L_k(0)); weights renormalised to sum to the task count.
class GradNormWeighting : public TaskWeighting {
public:
    GradNormWeighting(std::size_t tasks, std::vector<std::pair<Eigen::Index, Eigen::Index>> layer, double alpha,
                      double learningRate)
        : TaskWeighting(tasks), m_layer(std::move(layer)), m_alpha(alpha), m_learningRate(learningRate)
    {}

    bool needsTaskGradients() const override { return true; }

    void combine(const std::vector<double> &batchLosses, std::vector<Eigen::VectorXf> &taskGradients,
                 Eigen::VectorXf &gradient) override
    {
        sumInto(taskGradients, gradient);
        const std::size_t tasks = taskGradients.size();
        if (m_initialLosses.empty())
            m_initialLosses = batchLosses;
        std::vector<double> norms(tasks, 0.0), ratios(tasks, 1.0);
        for (std::size_t t = 0; t < tasks; ++t) {
            double squared = 0;
            for (const auto &[offset, size] : m_layer)
                squared += taskGradients[t].segment(offset, size).squaredNorm();
            norms[t] = std::sqrt(squared);
            if (m_initialLosses[t] > 0 && std::isfinite(batchLosses[t]))
                ratios[t] = batchLosses[t] / m_initialLosses[t];
        }
        const double meanNorm = std::accumulate(norms.begin(), norms.end(), 0.0) / static_cast<double>(tasks);
        const double meanRatio = std::accumulate(ratios.begin(), ratios.end(), 0.0) / static_cast<double>(tasks);
        for (std::size_t t = 0; t < tasks; ++t) {
            const double target = meanNorm * std::pow(ratios[t] / meanRatio, m_alpha);
            // d |G_t - target| / d w_t with G_t = w_t * ||grad L_t||, the target held constant.
            const double slope = m_multipliers[t] > 0 ? norms[t] / m_multipliers[t] : 0.0;
            const double step = (norms[t] > target ? 1.0 : -1.0) * slope;
            m_multipliers[t] = std::max(1e-3, m_multipliers[t] - m_learningRate * step);
        }
        const double sum = std::accumulate(m_multipliers.begin(), m_multipliers.end(), 0.0);
        for (double &weight : m_multipliers)
            weight *= static_cast<double>(tasks) / sum;
    }

protected:
    void saveExtra(std::vector<double> &state) const override { saveDoubles(m_initialLosses, state); }
    void restoreExtra(StateReader &reader) override { m_initialLosses = restoreDoubles(reader); }

private:
    std::vector<std::pair<Eigen::Index, Eigen::Index>> m_layer;
    double m_alpha, m_learningRate;
    std::vector<double> m_initialLosses;
};

class PCGradWeighting : public TaskWeighting {
public:
    PCGradWeighting(std::size_t tasks, Eigen::Index sharedEnd, std::uint64_t seed)
        : TaskWeighting(tasks), m_sharedEnd(sharedEnd), m_seed(seed)
    {}

    bool needsTaskGradients() const override { return true; }

    void combine(const std::vector<double> &, std::vector<Eigen::VectorXf> &taskGradients,
                 Eigen::VectorXf &gradient) override
    {
        projectConflictingGradients(taskGradients, m_sharedEnd, SplitMix64::derive(m_seed, ++m_step));
        sumInto(taskGradients, gradient);
    }

protected:
    void saveExtra(std::vector<double> &state) const override { state.push_back(static_cast<double>(m_step)); }
    void restoreExtra(StateReader &reader) override { m_step = reader.count(); }

private:
    Eigen::Index m_sharedEnd;
    std::uint64_t m_seed;
    std::uint64_t m_step = 0;
};

} // namespace

void projectConflictingGradients(std::vector<Eigen::VectorXf> &taskGradients, Eigen::Index sharedEnd,
                                 std::uint64_t seed)
{
    const std::size_t tasks = taskGradients.size();
    std::vector<Eigen::VectorXf> original;
    for (const Eigen::VectorXf &gradient : taskGradients)
        original.push_back(gradient.head(sharedEnd));
    SplitMix64 random(seed);
    std::vector<std::size_t> order(tasks);
    for (std::size_t i = 0; i < tasks; ++i) {
        std::iota(order.begin(), order.end(), std::size_t{0});
        for (std::size_t k = order.size(); k > 1; --k)
            std::swap(order[k - 1], order[random.below(k)]);
        auto projected = taskGradients[i].head(sharedEnd);
        for (const std::size_t j : order) {
            if (j == i)
                continue;
            const double dot = projected.dot(original[j]);
            const double squaredNorm = original[j].squaredNorm();
            if (dot < 0 && squaredNorm > 0)
                projected -= static_cast<float>(dot / squaredNorm) * original[j];
        }
    }
}

std::unique_ptr<TaskWeighting> makeTaskWeighting(const WeightingSettings &settings, const MultiTaskNetwork &network,
                                                 const std::vector<double> &lambdas, double learningRate,
                                                 std::uint64_t seed)
{
    const std::size_t tasks = lambdas.size();
    switch (settings.method) {
    case WeightingMethod::Fixed:
        return std::make_unique<FixedWeighting>(tasks);
    case WeightingMethod::Uncertainty:
        return std::make_unique<UncertaintyWeighting>(lambdas, learningRate);
    case WeightingMethod::DWA:
        if (!(settings.dwaTemperature > 0))
            throw ConfigError("DWA's temperature must be > 0");
        return std::make_unique<DynamicWeightAverage>(tasks, settings.dwaTemperature);
    case WeightingMethod::GradNorm:
        if (network.experts().empty())
            throw ConfigError("GradNorm needs a shared trunk (hidden layers) to measure gradients on");
        return std::make_unique<GradNormWeighting>(tasks, network.lastSharedLayers(), settings.gradNormAlpha,
                                                   settings.gradNormLearningRate);
    case WeightingMethod::PCGrad:
        return std::make_unique<PCGradWeighting>(tasks, network.sharedParameterEnd(), seed);
    }
    throw ConfigError("unknown task weighting");
}

} // namespace cmtl
