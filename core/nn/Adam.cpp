#include "nn/Adam.h"

#include <cmath>
#include <stdexcept>

namespace cmtl {

Adam::Adam(Eigen::Index parameterCount, Settings settings)
    : m_settings(settings), m_firstMoment(Eigen::VectorXf::Zero(parameterCount)),
      m_secondMoment(Eigen::VectorXf::Zero(parameterCount))
{}

void Adam::restore(const State &state)
{
    if (state.firstMoment.size() != m_firstMoment.size() || state.secondMoment.size() != m_secondMoment.size() ||
        state.step < 0)
        throw std::invalid_argument("Adam state of another length");
    m_firstMoment = state.firstMoment;
    m_secondMoment = state.secondMoment;
    m_step = state.step;
}

void Adam::step(Eigen::Ref<Eigen::VectorXf> parameters, const Eigen::Ref<const Eigen::VectorXf> &gradient)
{
    ++m_step;
    const auto beta1 = static_cast<float>(m_settings.beta1), beta2 = static_cast<float>(m_settings.beta2);
    m_firstMoment = beta1 * m_firstMoment + (1.0f - beta1) * gradient;
    m_secondMoment = beta2 * m_secondMoment + (1.0f - beta2) * gradient.cwiseAbs2();
    const double correction1 = 1.0 - std::pow(m_settings.beta1, static_cast<double>(m_step));
    const double correction2 = 1.0 - std::pow(m_settings.beta2, static_cast<double>(m_step));
    const auto stepSize = static_cast<float>(m_settings.learningRate / correction1);
    const auto epsilon = static_cast<float>(m_settings.epsilon);
    const auto inverseRootCorrection2 = static_cast<float>(1.0 / std::sqrt(correction2));
    parameters.array() -=
        stepSize * m_firstMoment.array() / (m_secondMoment.array().sqrt() * inverseRootCorrection2 + epsilon);
}

} // namespace cmtl
