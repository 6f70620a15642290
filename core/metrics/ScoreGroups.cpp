#include "metrics/ScoreGroups.h"

#include "metrics/BinaryMetrics.h"

#include <algorithm>
#include <numeric>

namespace cmtl {

std::vector<ScoreGroup> groupsByDescendingScore(std::span<const float> scores, std::span<const std::uint8_t> labels,
                                                const char *function)
{
    checkBinaryInput(scores, labels, function);
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    std::vector<ScoreGroup> groups;
    for (const std::size_t row : order) {
        if (groups.empty() || groups.back().score != scores[row])
            groups.push_back({scores[row], 0, 0});
        ++groups.back().count;
        groups.back().positives += labels[row];
    }
    return groups;
}

} // namespace cmtl
