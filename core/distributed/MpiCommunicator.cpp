// MpiCommunicator: Communicator over MPI_COMM_WORLD. Compiled only when CREDITMTL_MPI is on;
// NoMpi.cpp takes its place otherwise.
#include "common/Error.h"
#include "distributed/Communicator.h"

#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <limits>

namespace cmtl {

namespace {

// MPI counts are ints: a buffer longer than that would be cut short in silence.
int countOf(std::size_t size)
{
    if (size > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw ConfigError("a buffer of " + std::to_string(size) + " values is too long for one MPI call");
    return static_cast<int>(size);
}

class MpiCommunicator final : public Communicator {
public:
    MpiCommunicator()
    {
        int initialised = 0;
        MPI_Initialized(&initialised);
        if (!initialised) {
            MPI_Init(nullptr, nullptr);
            std::atexit([] {
                int finalised = 0;
                MPI_Finalized(&finalised);
                if (!finalised)
                    MPI_Finalize();
            });
        }
        MPI_Comm_rank(MPI_COMM_WORLD, &m_rank);
        MPI_Comm_size(MPI_COMM_WORLD, &m_size);
    }

    int rank() const override { return m_rank; }
    int size() const override { return m_size; }

    void sum(std::span<float> values) override { reduce(values.data(), values.size(), MPI_FLOAT, MPI_SUM); }
    void sum(std::span<double> values) override { reduce(values.data(), values.size(), MPI_DOUBLE, MPI_SUM); }
    void minimum(std::span<double> values) override { reduce(values.data(), values.size(), MPI_DOUBLE, MPI_MIN); }
    void maximum(std::span<double> values) override { reduce(values.data(), values.size(), MPI_DOUBLE, MPI_MAX); }

    void broadcast(std::vector<char> &bytes, int root) override
    {
        unsigned long long length = bytes.size();
        MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG_LONG, root, MPI_COMM_WORLD);
        bytes.resize(static_cast<std::size_t>(length));
        MPI_Bcast(bytes.data(), countOf(bytes.size()), MPI_CHAR, root, MPI_COMM_WORLD);
    }

    std::vector<float> gather(std::span<const float> values) override
    {
        const int count = countOf(values.size());
        std::vector<int> counts(static_cast<std::size_t>(m_size)), offsets(static_cast<std::size_t>(m_size));
        MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
        std::size_t total = 0;
        for (std::size_t r = 0; r < counts.size(); ++r) {
            offsets[r] = countOf(total);
            total += static_cast<std::size_t>(counts[r]);
        }
        countOf(total);
        std::vector<float> all(total);
        MPI_Allgatherv(values.data(), count, MPI_FLOAT, all.data(), counts.data(), offsets.data(), MPI_FLOAT,
                       MPI_COMM_WORLD);
        return all;
    }

    [[noreturn]] void abortJob(const std::string &message) override
    {
        std::fprintf(stderr, "rank %d: %s\n", m_rank, message.c_str());
        std::fflush(stderr);
        MPI_Abort(MPI_COMM_WORLD, EXIT_FAILURE);
        std::exit(EXIT_FAILURE); // MPI_Abort does not return; this is for the compiler
    }

private:
    void reduce(void *data, std::size_t size, MPI_Datatype type, MPI_Op operation)
    {
        MPI_Allreduce(MPI_IN_PLACE, data, countOf(size), type, operation, MPI_COMM_WORLD);
    }

    int m_rank = 0, m_size = 1;
};

} // namespace

bool mpiAvailable()
{
    return true;
}

std::unique_ptr<Communicator> makeMpiCommunicator()
{
    return std::make_unique<MpiCommunicator>();
}

} // namespace cmtl
