#include "train/ShardPool.h"

#include <algorithm>

namespace cmtl {

ShardPool::ShardPool(int shards, int threads) : m_shards(std::max(1, shards)), m_threads(std::clamp(threads, 1, m_shards))
{
    for (int worker = 1; worker < m_threads; ++worker)
        m_workers.emplace_back([this, worker] { workerLoop(worker); });
}

ShardPool::~ShardPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
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
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
            if (m_stopping)
                return;
            seen = m_generation;
        }
        runShardsOf(worker);
        {
            const std::lock_guard lock(m_mutex);
            --m_pending;
        }
        m_finished.notify_one();
    }
}

void ShardPool::run(const std::function<void(int)> &body)
{
    {
        const std::lock_guard lock(m_mutex);
        m_body = &body;
        m_pending = static_cast<int>(m_workers.size());
        m_failure = nullptr;
        ++m_generation;
    }
    m_wake.notify_all();
    runShardsOf(0);
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [&] { return m_pending == 0; });
    m_body = nullptr;
    if (m_failure)
        std::rethrow_exception(m_failure);
}

} // namespace cmtl
