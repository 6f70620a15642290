#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cmtl {

// Runs a fixed number of shards of work per call on persistent threads, so that a training loop
// of thousands of mini-batches does not start a thread per batch. Shards are claimed, in order,
// by whichever thread is free: the calling thread works through them too and waits only for
// shards another thread has already started. A shard's result must therefore not depend on the
// thread that runs it (the trainer keeps per-shard buffers and seeds), and a pool whose helper
// thread is preempted, on a machine shared with other work, degrades to one thread rather than
// stalling every batch until the helper is scheduled again.
//
// A mini-batch takes well under a millisecond, so the hand-over is on the critical path: an idle
// helper first spins briefly on an atomic (the next call is usually microseconds away), and only
// then sleeps on a condition variable, so that an idle pool costs no CPU.
class ShardPool {
public:
    ShardPool(int shards, int threads);
    ~ShardPool();
    ShardPool(const ShardPool &) = delete;
    ShardPool &operator=(const ShardPool &) = delete;

    int shardCount() const { return m_shards; }
    // Calls body(s) for every shard and returns when all are done; rethrows a shard's exception.
    void run(const std::function<void(int)> &body);

private:
    void workerLoop();
    // Claims and runs shards of call `generation` until none is left.
    void runClaimedShards(std::uint64_t generation);

    static constexpr int kShardBits = 16;

    int m_shards;
    int m_threads;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_finished;
    const std::function<void(int)> *m_body = nullptr;
    std::atomic<std::uint64_t> m_generation{0};
    // (generation << kShardBits) | the next shard to claim.
    std::atomic<std::uint64_t> m_claim{0};
    std::atomic<int> m_done{0};
    int m_sleepingWorkers = 0;     // guarded by m_mutex
    bool m_callerSleeping = false; // guarded by m_mutex
    std::atomic<bool> m_stopping{false};
    std::exception_ptr m_failure; // guarded by m_mutex
};

} // namespace cmtl
