// Stands in for MpiCommunicator.cpp in a build without MPI (CREDITMTL_MPI off or not found).
#include "common/Error.h"
#include "distributed/Communicator.h"

namespace cmtl {

bool mpiAvailable()
{
    return false;
}

std::unique_ptr<Communicator> makeMpiCommunicator()
{
    throw ConfigError("this build of CreditMTL has no MPI: install libopenmpi-dev and configure with "
                      "-DCREDITMTL_MPI=ON to train with mpirun");
}

} // namespace cmtl
