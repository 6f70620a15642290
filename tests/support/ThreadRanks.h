#pragma once

// The ranks of a data-parallel job as threads of one test process: each rank's Communicator
// makes its collective calls meet the other threads' at a barrier, as MPI's do between processes,
// so a collective reader can be tested with 1, 2 or 3 ranks without mpirun.

#include "distributed/Communicator.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace cmtl::testing {

class ThreadRanks {
public:
    explicit ThreadRanks(int size)
        : m_size(size), m_barrier(size), m_doubles(static_cast<std::size_t>(size)),
          m_floats(static_cast<std::size_t>(size)), m_bytes(static_cast<std::size_t>(size)),
          m_dropped(static_cast<std::size_t>(size))
    {}

    // Runs work(communicator) on each rank's thread and waits for all; returns each rank's error
    // message ("" when it finished). A rank that throws leaves the barrier (arrive_and_drop), so
    // that the others' collective calls go on without it instead of waiting forever: their results
    // are then not the job's, but the test fails on the error anyway and does not hang.
    std::vector<std::string> run(const std::function<void(Communicator &)> &work)
    {
        std::vector<std::string> errors(static_cast<std::size_t>(m_size));
        std::vector<std::thread> threads;
        for (int rank = 0; rank < m_size; ++rank) {
            threads.emplace_back([this, rank, &work, &errors] {
                Rank communicator(*this, rank);
                try {
                    work(communicator);
                } catch (const std::exception &error) {
                    errors[static_cast<std::size_t>(rank)] = error.what();
                    m_dropped[static_cast<std::size_t>(rank)] = true;
                    m_barrier.arrive_and_drop();
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        return errors;
    }

private:
    class Rank final : public Communicator {
    public:
        Rank(ThreadRanks &ranks, int rank) : m_ranks(ranks), m_rank(rank) {}

        int rank() const override { return m_rank; }
        int size() const override { return m_ranks.m_size; }
        void sum(std::span<float> values) override
        {
            reduce(values, m_ranks.m_floats, [](float a, float b) { return a + b; });
        }
        void sum(std::span<double> values) override
        {
            reduce(values, m_ranks.m_doubles, [](double a, double b) { return a + b; });
        }
        void minimum(std::span<double> values) override
        {
            reduce(values, m_ranks.m_doubles, [](double a, double b) { return std::min(a, b); });
        }
        void maximum(std::span<double> values) override
        {
            reduce(values, m_ranks.m_doubles, [](double a, double b) { return std::max(a, b); });
        }
        void broadcast(std::vector<char> &bytes, int root) override
        {
            if (m_rank == root)
                m_ranks.m_bytes[static_cast<std::size_t>(root)] = bytes;
            m_ranks.m_barrier.arrive_and_wait();
            bytes = m_ranks.m_bytes[static_cast<std::size_t>(root)];
            m_ranks.m_barrier.arrive_and_wait();
        }
        std::vector<float> gather(std::span<const float> values) override
        {
            m_ranks.m_floats[static_cast<std::size_t>(m_rank)].assign(values.begin(), values.end());
            m_ranks.m_barrier.arrive_and_wait();
            std::vector<float> all;
            for (std::size_t r = 0; r < m_ranks.m_floats.size(); ++r) {
                if (!m_ranks.m_dropped[r])
                    all.insert(all.end(), m_ranks.m_floats[r].begin(), m_ranks.m_floats[r].end());
            }
            m_ranks.m_barrier.arrive_and_wait();
            return all;
        }
        [[noreturn]] void abortJob(const std::string &message) override
        {
            std::fprintf(stderr, "rank %d: %s\n", m_rank, message.c_str());
            std::abort();
        }

    private:
        // Each rank's values in its slot; once all are in, each rank combines them in rank order
        // (the same result on every rank), and the slots are free again once all have read them.
        // The slots of ranks that left (run) are passed over.
        template <typename T, typename Combine>
        void reduce(std::span<T> values, std::vector<std::vector<T>> &slots, Combine combine)
        {
            slots[static_cast<std::size_t>(m_rank)].assign(values.begin(), values.end());
            m_ranks.m_barrier.arrive_and_wait();
            std::vector<T> result(values.begin(), values.end());
            bool first = true;
            for (std::size_t r = 0; r < slots.size(); ++r) {
                if (m_ranks.m_dropped[r])
                    continue;
                for (std::size_t i = 0; i < result.size(); ++i)
                    result[i] = first ? slots[r][i] : combine(result[i], slots[r][i]);
                first = false;
            }
            m_ranks.m_barrier.arrive_and_wait();
            std::copy(result.begin(), result.end(), values.begin());
        }

        ThreadRanks &m_ranks;
        int m_rank;
    };

    int m_size;
    std::barrier<> m_barrier;
    std::vector<std::vector<double>> m_doubles;
    std::vector<std::vector<float>> m_floats;
    std::vector<std::vector<char>> m_bytes;
    std::vector<std::atomic<bool>> m_dropped; // ranks that threw and left the barrier
};

} // namespace cmtl::testing
