#include "distributed/Communicator.h"

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

ItemsOfRanks itemsOfRanks(Communicator &communicator, std::size_t count)
{
    std::vector<double> countOfRank(static_cast<std::size_t>(communicator.size()), 0.0);
    countOfRank[static_cast<std::size_t>(communicator.rank())] = static_cast<double>(count);
    communicator.sum(std::span<double>(countOfRank));
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

bool launchedByMpirun()
{
    return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr;
}

} // namespace cmtl
