#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

class CancellationToken;

// The collective operations data-parallel training needs, over the processes ("ranks") of one
// job. The trainer depends on this interface only: a single process uses
// SingleProcessCommunicator, an `mpirun` job MpiCommunicator (built when CREDITMTL_MPI is on).
// Every operation is collective: all ranks call it, in the same order, with buffers of the same
// length, and all of them return with the same result.
class Communicator {
public:
    virtual ~Communicator() = default;

    virtual int rank() const = 0;
    virtual int size() const = 0;

    // Element-wise sum over the ranks, in place (one fused buffer: one collective call).
    virtual void sum(std::span<float> values) = 0;
    virtual void sum(std::span<double> values) = 0;
    // Element-wise minimum and maximum over the ranks, in place.
    virtual void minimum(std::span<double> values) = 0;
    virtual void maximum(std::span<double> values) = 0;
    // Rank `root`'s bytes on every rank (resized to its length).
    virtual void broadcast(std::vector<char> &bytes, int root) = 0;
    // Every rank's values one after another, in rank order (the ranks' lengths may differ).
    virtual std::vector<float> gather(std::span<const float> values) = 0;

    // Stops the whole job after this rank failed: prints "rank R: message" on the standard error
    // and ends every rank (a rank that waits in a collective call would otherwise wait forever).
    [[noreturn]] virtual void abortJob(const std::string &message) = 0;

    bool isDistributed() const { return size() > 1; }
};

// Summable statistics of a column: reduced across ranks they equal those of the whole column.
struct SummableStatistics {
    std::vector<double> sums;   // counts and sums: added
    std::vector<double> minima; // element-wise minimum
    std::vector<double> maxima; // element-wise maximum

    // Replaces each part by its reduction over the ranks (three collective calls).
    void reduce(Communicator &communicator);
};

// One process: the reductions leave the values as they are.
class SingleProcessCommunicator final : public Communicator {
public:
    int rank() const override { return 0; }
    int size() const override { return 1; }
    void sum(std::span<float>) override {}
    void sum(std::span<double>) override {}
    void minimum(std::span<double>) override {}
    void maximum(std::span<double>) override {}
    void broadcast(std::vector<char> &, int) override {}
    std::vector<float> gather(std::span<const float> values) override { return {values.begin(), values.end()}; }
    [[noreturn]] void abortJob(const std::string &message) override;
};

// Every rank's `mine` (the same length on every rank), one after another in rank order, on every
// rank (collective: one sum of a buffer with this rank's values at its place and zeros elsewhere).
std::vector<double> valuesOfRanks(Communicator &communicator, std::span<const double> mine);
std::vector<double> valuesOfRanks(Communicator &communicator, double mine);

// When every rank has found the same failure, rank 0 alone says it (one message) by throwing; the
// other ranks call this to wait for it in a collective call, which rank 0's abort (runRank) ends.
void waitForRankZerosAbort(Communicator &communicator);

// Where this rank's `count` items begin among all ranks' items in rank order, and how many there
// are in all (collective: one sum of a value per rank). A single process: {0, count}.
struct ItemsOfRanks {
    std::size_t first = 0;
    std::size_t total = 0;
};
ItemsOfRanks itemsOfRanks(Communicator &communicator, std::size_t count);

// Runs `work` on this rank and returns its exit code; when it throws, stops the whole job with
// "rank R: what went wrong" (Communicator::abortJob), so that no other rank waits forever.
int runRank(Communicator &communicator, const std::function<int()> &work);

// Cancellation across ranks. The trainer's steps sum the ranks' cancellation tokens, so that all
// ranks stop after the same step (trainNetwork): while they run, a set token is theirs to act on.
// Outside them (reading the data, fitting the preprocessing, evaluating) no step comes that all
// ranks share, and a rank waiting for the others in a collective call cannot look at its token: a
// process that takes interrupts across ranks (creditmtl-cli train under mpirun) then stops on its
// own (setStopOutsideSteps). StepsDecideCancellation marks the steps (process-wide; it nests).
class StepsDecideCancellation {
public:
    // `token` (may be null) is the steps' token: when it is found set as the steps end without
    // having stopped them (it was set after the last step's sum), the stop set by
    // setStopOutsideSteps is called, as the signal handler would have called it a moment later.
    explicit StepsDecideCancellation(const CancellationToken *token);
    ~StepsDecideCancellation();
    StepsDecideCancellation(const StepsDecideCancellation &) = delete;
    StepsDecideCancellation &operator=(const StepsDecideCancellation &) = delete;

private:
    const CancellationToken *m_token;
    int m_exceptions; // std::uncaught_exceptions() when made: the steps' own Cancelled is no stop here
};
// Whether the steps run (async-signal-safe: a signal handler asks it).
bool stepsDecideCancellation() noexcept;
// What the process does when its token is found set outside the steps (null: nothing).
void setStopOutsideSteps(void (*stop)()) noexcept;

// Whether this process was started by Open MPI's mpirun (OMPI_COMM_WORLD_SIZE is set).
bool launchedByMpirun();

// Whether this build can take part in an MPI job (CREDITMTL_MPI).
bool mpiAvailable();

// MPI_COMM_WORLD, initialising MPI on the first call (MPI is finalised at exit). Throws
// ConfigError when the build has no MPI (configure with -DCREDITMTL_MPI=ON and libopenmpi-dev).
std::unique_ptr<Communicator> makeMpiCommunicator();

} // namespace cmtl
