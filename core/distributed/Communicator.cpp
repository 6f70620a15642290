#include "distributed/Communicator.h"

#include <cstdio>
#include <cstdlib>

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

bool launchedByMpirun()
{
    return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr;
}

} // namespace cmtl
