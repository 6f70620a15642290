#include "distributed/Communicator.h"

#include <algorithm>
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

bool launchedByMpirun()
{
    return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr;
}

} // namespace cmtl
