#include "distributed/Communicator.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

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
