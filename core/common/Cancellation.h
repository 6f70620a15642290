#pragma once

#include <atomic>

namespace cmtl {

// Shared between the thread that asks for a stop (the GUI, a signal handler) and the engine,
// which polls it at least once per mini-batch or per parsed chunk.
class CancellationToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() noexcept { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace cmtl
