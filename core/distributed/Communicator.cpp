#include "distributed/Communicator.h"

#include "common/Cancellation.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <numeric>

namespace cmtl {

void SummableStatistics::reduce(Communicator &communicator)
{
    communicator.sum(std::span<double>(sums));
    communicator.minimum(std::span<double>(minima));
    communicator.maximum(std::span<double>(maxima));
}

void SingleProcessCommunicator::abortJob(const std::string &message)
{
    std::fprintf(stderr, "rank 0: %s\n", message.c_str());
    std::exit(EXIT_FAILURE);
}

std::vector<double> valuesOfRanks(Communicator &communicator, std::span<const double> mine)
{
    std::vector<double> values(mine.size() * static_cast<std::size_t>(communicator.size()), 0.0);
    std::copy(mine.begin(), mine.end(),
              values.begin() +
                  static_cast<std::ptrdiff_t>(mine.size() * static_cast<std::size_t>(communicator.rank())));
    communicator.sum(std::span<double>(values));
    return values;
}

std::vector<double> valuesOfRanks(Communicator &communicator, double mine)
{
    return valuesOfRanks(communicator, std::span<const double>(&mine, 1));
}

void waitForRankZerosAbort(Communicator &communicator)
{
    std::vector<double> waiting{0};
    communicator.sum(std::span<double>(waiting));
}

ItemsOfRanks itemsOfRanks(Communicator &communicator, std::size_t count)
{
    const std::vector<double> countOfRank = valuesOfRanks(communicator, static_cast<double>(count));
    const auto before = countOfRank.begin() + communicator.rank();
    return {static_cast<std::size_t>(std::accumulate(countOfRank.begin(), before, 0.0)),
            static_cast<std::size_t>(std::accumulate(countOfRank.begin(), countOfRank.end(), 0.0))};
}

int runRank(Communicator &communicator, const std::function<int()> &work)
{
    try {
        return work();
    } catch (const std::exception &error) {
        communicator.abortJob(error.what());
    }
    return EXIT_FAILURE; // not reached: abortJob ends the process (a virtual call is not known to)
}

namespace {
std::atomic<int> g_stepsDeciding{0};
std::atomic<void (*)()> g_stopOutsideSteps{nullptr};
} // namespace

StepsDecideCancellation::StepsDecideCancellation(const CancellationToken *token)
    : m_token(token), m_exceptions(std::uncaught_exceptions())
{
    g_stepsDeciding.fetch_add(1);
}

StepsDecideCancellation::~StepsDecideCancellation()
{
    g_stepsDeciding.fetch_sub(1);
    // With the signal handler's fence (it sets the token, then asks stepsDecideCancellation): a
    // token set as the steps end is seen here, or the handler sees the steps ended, or both.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    void (*const stop)() = g_stopOutsideSteps.load();
    if (stop && m_token && m_token->isCancelled() && std::uncaught_exceptions() == m_exceptions &&
        !stepsDecideCancellation())
        stop();
}

bool stepsDecideCancellation() noexcept
{
    return g_stepsDeciding.load() > 0;
}

void setStopOutsideSteps(void (*stop)()) noexcept
{
    g_stopOutsideSteps.store(stop);
}

bool launchedByMpirun()
{
    return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr;
}

} // namespace cmtl
