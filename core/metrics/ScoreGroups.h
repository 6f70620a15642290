#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace cmtl {

// The rows of a binary task grouped by distinct score, highest score first: how many rows share
// the score and how many of them are positive. Tables and cut-offs work on these groups, so that
// tied scores are never split (a cut-off cannot separate rows with the same score). Checks the
// input contract of BinaryMetrics.h (std::invalid_argument naming `function`).
struct ScoreGroup {
    float score = 0;
    std::int64_t count = 0, positives = 0;
};
std::vector<ScoreGroup> groupsByDescendingScore(std::span<const float> scores, std::span<const std::uint8_t> labels,
                                                const char *function);

} // namespace cmtl
