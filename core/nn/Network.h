#pragma once

#include "nn/DenseChain.h"
#include "tasks/TaskSpec.h"

#include <Eigen/Core>

#include <vector>

namespace cmtl {

// The shape of a hard-parameter-sharing network: a shared trunk of ReLU layers, then one head
// per task (an optional hidden ReLU layer, then a linear output layer).
struct NetworkSpec {
    Eigen::Index inputs = 0;
    std::vector<int> trunk = {128, 64};
    int headHidden = 0;
    double dropout = 0.1;
    std::vector<TaskType> taskTypes;
    std::vector<int> taskOutputs; // 1 for binary and regression, the class count for multiclass
};

// The layers of a NetworkSpec laid out in one flat parameter vector (trunk first, then each
// head; within a layer the weights column-major, then the bias). One flat vector is what the
// optimiser updates, what a model file stores and what a data-parallel run would all-reduce.
class SharedBottomNetwork {
public:
    explicit SharedBottomNetwork(NetworkSpec spec);

    const NetworkSpec &spec() const { return m_spec; }
    Eigen::Index parameterCount() const { return m_parameterCount; }
    std::size_t taskCount() const { return m_heads.size(); }
    const DenseChain &trunk() const { return m_trunk; }
    const DenseChain &head(std::size_t task) const { return m_heads[task]; }

    // PyTorch's default initialisation of a linear layer: weights and biases uniform in
    // +-1/sqrt(fan_in), drawn from a seeded SplitMix64 in layout order.
    template <typename Scalar>
    void initialise(Scalar *parameters, std::uint64_t seed) const;

    // 1 for weights, 0 for biases: which parameters the L2 penalty applies to.
    Eigen::VectorXf weightMask() const;

private:
    NetworkSpec m_spec;
    DenseChain m_trunk;
    std::vector<DenseChain> m_heads;
    Eigen::Index m_parameterCount = 0;
};

template <typename Scalar>
struct NetworkWorkspace {
    DenseChainWorkspace<Scalar> trunk;
    std::vector<DenseChainWorkspace<Scalar>> heads;

    void allocate(const SharedBottomNetwork &network, Eigen::Index capacity);
    // The raw outputs of task t after forward, for the first n columns.
    auto taskOutputs(std::size_t task, Eigen::Index n) { return heads[task].activations.back().leftCols(n); }
    // Where the caller puts d objective / d outputs of task t before backward.
    auto taskOutputGradient(std::size_t task, Eigen::Index rows, Eigen::Index n)
    {
        return heads[task].outputGradient.topLeftCorner(rows, n);
    }
};

template <typename Scalar>
void forwardNetwork(const SharedBottomNetwork &network, const Scalar *parameters,
                    const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &inputs,
                    NetworkWorkspace<Scalar> &workspace, bool training, SplitMix64 *random);

// Adds d objective / d parameters into `gradient`, given each task's output gradient in the
// workspace (taskOutputGradient) for the n columns of the last forward pass.
template <typename Scalar>
void backwardNetwork(const SharedBottomNetwork &network, const Scalar *parameters,
                     const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> &inputs,
                     NetworkWorkspace<Scalar> &workspace, Eigen::Index n, Scalar *gradient);

} // namespace cmtl
