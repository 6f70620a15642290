#pragma once

#include <cstddef>
#include <functional>

namespace cmtl {

// The number of threads to use for `requested` (0 = all hardware threads), at least 1.
int resolveThreadCount(int requested);

// Calls body(i) for i in [0, count) on up to `threads` threads (0 = all hardware threads); each
// index runs exactly once. The first exception thrown by a body is rethrown after all finish.
void parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)> &body);

} // namespace cmtl
