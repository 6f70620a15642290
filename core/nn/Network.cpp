#include "nn/Network.h"

#include "common/Error.h"

#include <cmath>

namespace cmtl {

namespace {

DenseShape appendLayer(Eigen::Index inputs, Eigen::Index outputs, Eigen::Index &offset)
{
    DenseShape shape;
    shape.inputs = inputs;
    shape.outputs = outputs;
    shape.weightOffset = offset;
    shape.biasOffset = offset + inputs * outputs;
    offset += shape.parameterCount();
    return shape;
}

} // namespace

SharedBottomNetwork::SharedBottomNetwork(NetworkSpec spec) : m_spec(std::move(spec))
{
    if (m_spec.inputs <= 0)
        throw ConfigError("the network needs at least one input");
    if (m_spec.taskTypes.empty() || m_spec.taskTypes.size() != m_spec.taskOutputs.size())
        throw ConfigError("the network needs one output size per task");
    if (!(m_spec.dropout >= 0 && m_spec.dropout < 1))
        throw ConfigError("dropout must be in [0, 1)");
    Eigen::Index offset = 0;
    Eigen::Index width = m_spec.inputs;
    m_trunk.dropout = m_spec.dropout;
    for (const int hidden : m_spec.trunk) {
        if (hidden <= 0)
            throw ConfigError("hidden layer sizes must be positive");
        m_trunk.layers.push_back(appendLayer(width, hidden, offset));
        width = hidden;
    }
    if (m_trunk.layers.empty())
        throw ConfigError("the shared trunk needs at least one hidden layer");
    for (std::size_t task = 0; task < m_spec.taskTypes.size(); ++task) {
        DenseChain head;
        head.linearOutput = true;
        Eigen::Index headWidth = width;
        if (m_spec.headHidden > 0) {
            head.layers.push_back(appendLayer(headWidth, m_spec.headHidden, offset));
            headWidth = m_spec.headHidden;
        }
        head.layers.push_back(appendLayer(headWidth, m_spec.taskOutputs[task], offset));
        m_heads.push_back(std::move(head));
    }
    m_parameterCount = offset;
}

template <typename Scalar>
void SharedBottomNetwork::initialise(Scalar *parameters, std::uint64_t seed) const
{
    SplitMix64 random(seed);
    const auto initialiseChain = [&](const DenseChain &chain) {
        for (const DenseShape &shape : chain.layers) {
            const double bound = 1.0 / std::sqrt(static_cast<double>(shape.inputs));
            for (Eigen::Index i = 0; i < shape.parameterCount(); ++i)
                parameters[shape.weightOffset + i] = static_cast<Scalar>((2.0 * random.uniform() - 1.0) * bound);
        }
    };
    initialiseChain(m_trunk);
    for (const DenseChain &head : m_heads)
        initialiseChain(head);
}

Eigen::VectorXf SharedBottomNetwork::weightMask() const
{
    Eigen::VectorXf mask = Eigen::VectorXf::Zero(m_parameterCount);
    const auto markChain = [&](const DenseChain &chain) {
        for (const DenseShape &shape : chain.layers)
            mask.segment(shape.weightOffset, shape.inputs * shape.outputs).setOnes();
    };
    markChain(m_trunk);
    for (const DenseChain &head : m_heads)
        markChain(head);
    return mask;
}

template <typename Scalar>
void NetworkWorkspace<Scalar>::allocate(const SharedBottomNetwork &network, Eigen::Index capacity)
{
    trunk.allocate(network.trunk(), capacity);
    heads.resize(network.taskCount());
    for (std::size_t task = 0; task < heads.size(); ++task)
        heads[task].allocate(network.head(task), capacity);
}

template <typename Scalar>
void forwardNetwork(const SharedBottomNetwork &network, const Scalar *parameters,
                    const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &inputs,
                    NetworkWorkspace<Scalar> &workspace, bool training, SplitMix64 *random)
{
    const Eigen::Index n = inputs.cols();
    forwardChain<Scalar>(network.trunk(), parameters, inputs, workspace.trunk, training, random);
    const auto shared = workspace.trunk.activations.back().leftCols(n);
    for (std::size_t task = 0; task < network.taskCount(); ++task)
        forwardChain<Scalar>(network.head(task), parameters, shared, workspace.heads[task], training, random);
}

template <typename Scalar>
void backwardNetwork(const SharedBottomNetwork &network, const Scalar *parameters,
                     const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &inputs,
                     NetworkWorkspace<Scalar> &workspace, Eigen::Index n, Scalar *gradient)
{
    const auto shared = workspace.trunk.activations.back().leftCols(n);
    const Eigen::Index sharedWidth = network.trunk().outputWidth();
    auto sharedGradient = workspace.trunk.outputGradient.topLeftCorner(sharedWidth, n);
    for (std::size_t task = 0; task < network.taskCount(); ++task) {
        backwardChain<Scalar>(network.head(task), parameters, shared, workspace.heads[task], n, gradient, true);
        const auto headInputGradient = workspace.heads[task].inputGradient.topLeftCorner(sharedWidth, n);
        if (task == 0)
            sharedGradient = headInputGradient;
        else
            sharedGradient += headInputGradient;
    }
    backwardChain<Scalar>(network.trunk(), parameters, inputs, workspace.trunk, n, gradient, false);
}

template void SharedBottomNetwork::initialise<float>(float *, std::uint64_t) const;
template void SharedBottomNetwork::initialise<double>(double *, std::uint64_t) const;
template struct NetworkWorkspace<float>;
template struct NetworkWorkspace<double>;
template void forwardNetwork<float>(const SharedBottomNetwork &, const float *, const Eigen::Ref<const Eigen::MatrixXf> &,
                                    NetworkWorkspace<float> &, bool, SplitMix64 *);
template void forwardNetwork<double>(const SharedBottomNetwork &, const double *,
                                     const Eigen::Ref<const Eigen::MatrixXd> &, NetworkWorkspace<double> &, bool,
                                     SplitMix64 *);
template void backwardNetwork<float>(const SharedBottomNetwork &, const float *, const Eigen::Ref<const Eigen::MatrixXf> &,
                                     NetworkWorkspace<float> &, Eigen::Index, float *);
template void backwardNetwork<double>(const SharedBottomNetwork &, const double *,
                                      const Eigen::Ref<const Eigen::MatrixXd> &, NetworkWorkspace<double> &,
                                      Eigen::Index, double *);

} // namespace cmtl
