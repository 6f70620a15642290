#include "train/ShardPool.h"

#include <algorithm>

namespace cmtl {

namespace {

// About 50-100 microseconds of spinning before sleeping: longer than the serial part of a
// training step between two batches, far shorter than a scheduler time slice.
constexpr int kSpinIterations = 1 << 12;

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

} // namespace

ShardPool::ShardPool(int shards, int threads)
    : m_shards(std::clamp(shards, 1, (1 << kShardBits) - 1)), m_threads(std::clamp(threads, 1, m_shards))
{
    for (int worker = 1; worker < m_threads; ++worker)
        m_workers.emplace_back([this] { workerLoop(); });
}

ShardPool::~ShardPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping.store(true);
    }
    m_wake.notify_all();
    for (std::thread &worker : m_workers)
        worker.join();
}

void ShardPool::runClaimedShards(std::uint64_t generation)
{
    for (;;) {
        std::uint64_t claim = m_claim.load(std::memory_order_acquire);
        const auto shard = static_cast<int>(claim & ((std::uint64_t{1} << kShardBits) - 1));
        if ((claim >> kShardBits) != generation || shard >= m_shards)
            return;
        if (!m_claim.compare_exchange_weak(claim, claim + 1, std::memory_order_acq_rel))
            continue;
        try {
            (*m_body)(shard);
        } catch (...) {
            const std::lock_guard lock(m_mutex);
            if (!m_failure)
                m_failure = std::current_exception();
        }
        if (m_done.fetch_add(1, std::memory_order_acq_rel) + 1 == m_shards) {
            const std::lock_guard lock(m_mutex);
            if (m_callerSleeping)
                m_finished.notify_one();
        }
    }
}

void ShardPool::workerLoop()
{
    std::uint64_t seen = 0;
    for (;;) {
        const auto ready = [&] {
            return m_stopping.load(std::memory_order_acquire) || m_generation.load(std::memory_order_acquire) != seen;
        };
        for (int spin = 0; spin < kSpinIterations && !ready(); ++spin)
            cpuRelax();
        if (!ready()) {
            std::unique_lock lock(m_mutex);
            ++m_sleepingWorkers;
            m_wake.wait(lock, ready);
            --m_sleepingWorkers;
        }
        if (m_stopping.load(std::memory_order_acquire))
            return;
        seen = m_generation.load(std::memory_order_acquire);
        runClaimedShards(seen);
    }
}

void ShardPool::run(const std::function<void(int)> &body)
{
    m_body = &body;
    m_failure = nullptr;
    m_done.store(0, std::memory_order_relaxed);
    const std::uint64_t generation = m_generation.load(std::memory_order_relaxed) + 1;
    m_claim.store(generation << kShardBits, std::memory_order_release);
    bool wakeWorkers = false;
    {
        // Under the lock, so that a worker either sees the new generation before it sleeps or
        // is counted as sleeping and gets notified.
        const std::lock_guard lock(m_mutex);
        m_generation.store(generation, std::memory_order_release);
        wakeWorkers = m_sleepingWorkers > 0;
    }
    if (wakeWorkers)
        m_wake.notify_all();
    runClaimedShards(generation);
    // Every shard is claimed now; wait for those other threads are still running.
    const auto done = [&] { return m_done.load(std::memory_order_acquire) == m_shards; };
    for (int spin = 0; spin < kSpinIterations && !done(); ++spin)
        cpuRelax();
    if (!done()) {
        std::unique_lock lock(m_mutex);
        m_callerSleeping = true;
        m_finished.wait(lock, done);
        m_callerSleeping = false;
    }
    m_body = nullptr;
    const std::lock_guard lock(m_mutex);
    if (m_failure)
        std::rethrow_exception(m_failure);
}

} // namespace cmtl
