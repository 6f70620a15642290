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
    : m_shards(std::max(1, shards)), m_threads(std::clamp(threads, 1, m_shards))
{
    for (int worker = 1; worker < m_threads; ++worker)
        m_workers.emplace_back([this, worker] { workerLoop(worker); });
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

void ShardPool::runShardsOf(int worker)
{
    try {
        for (int shard = worker; shard < m_shards; shard += m_threads)
            (*m_body)(shard);
    } catch (...) {
        const std::lock_guard lock(m_mutex);
        if (!m_failure)
            m_failure = std::current_exception();
    }
}

void ShardPool::workerLoop(int worker)
{
    long long seen = 0;
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
        runShardsOf(worker);
        if (m_pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            // The last worker out wakes the caller if it went to sleep.
            const std::lock_guard lock(m_mutex);
            if (m_callerSleeping)
                m_finished.notify_one();
        }
    }
}

void ShardPool::run(const std::function<void(int)> &body)
{
    m_body = &body;
    m_failure = nullptr;
    m_pending.store(static_cast<int>(m_workers.size()), std::memory_order_relaxed);
    bool wakeWorkers = false;
    {
        // Under the lock, so that a worker either sees the new generation before it sleeps or
        // is counted as sleeping and gets notified.
        const std::lock_guard lock(m_mutex);
        m_generation.fetch_add(1, std::memory_order_acq_rel);
        wakeWorkers = m_sleepingWorkers > 0;
    }
    if (wakeWorkers)
        m_wake.notify_all();
    runShardsOf(0);
    const auto done = [&] { return m_pending.load(std::memory_order_acquire) == 0; };
    for (int spin = 0; spin < kSpinIterations && !done(); ++spin)
        cpuRelax();
    if (!done()) {
        std::unique_lock lock(m_mutex);
        m_callerSleeping = true;
        m_finished.wait(lock, done);
        m_callerSleeping = false;
    }
    m_body = nullptr;
    if (m_failure)
        std::rethrow_exception(m_failure);
}

} // namespace cmtl
