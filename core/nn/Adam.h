#pragma once

#include <Eigen/Core>

namespace cmtl {

// Adam (Kingma and Ba 2015) over one flat parameter vector, with bias-corrected moments.
class Adam {
public:
    struct Settings {
        double learningRate = 1e-3;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-8;
    };

    Adam(Eigen::Index parameterCount, Settings settings);

    // Everything a step depends on besides the settings: a checkpoint saves it, and an optimiser
    // restored from it continues bit for bit as the one saved would have.
    struct State {
        Eigen::VectorXf firstMoment, secondMoment;
        long long step = 0;
    };

    void step(Eigen::Ref<Eigen::VectorXf> parameters, const Eigen::Ref<const Eigen::VectorXf> &gradient);
    long long stepCount() const { return m_step; }
    State state() const { return {m_firstMoment, m_secondMoment, m_step}; }
    // Throws std::invalid_argument when the moments' length is not this optimiser's.
    void restore(const State &state);

private:
    Settings m_settings;
    Eigen::VectorXf m_firstMoment, m_secondMoment;
    long long m_step = 0;
};

} // namespace cmtl
