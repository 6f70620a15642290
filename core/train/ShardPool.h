#pragma once

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cmtl {

// Runs a fixed number of shards of work per call on persistent threads, so that a training loop
// of thousands of mini-batches does not start a thread per batch. Shard s always runs on the
// same thread; with fewer threads than shards one thread runs several, in order.
//
// A mini-batch takes well under a millisecond, so the hand-over between the calling thread and
// the workers is on the critical path of every batch: each side first spins briefly on an atomic
// (the other side is usually only microseconds away), and only then sleeps on a condition
// variable, so that an idle pool, or one whose partner thread was preempted, costs no CPU.
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
    void workerLoop(int worker);
    void runShardsOf(int worker);

    int m_shards;
    int m_threads;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_finished;
    const std::function<void(int)> *m_body = nullptr;
    std::atomic<long long> m_generation{0};
    std::atomic<int> m_pending{0};
    int m_sleepingWorkers = 0;     // guarded by m_mutex
    bool m_callerSleeping = false; // guarded by m_mutex
    std::atomic<bool> m_stopping{false};
    std::exception_ptr m_failure;
};

} // namespace cmtl
