#include "metrics/CostCutoff.h"

#include "metrics/BinaryMetrics.h"
#include "metrics/MetricValues.h"
#include "metrics/ScoreGroups.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace cmtl {

namespace {

CutoffDecision decisionFromCounts(double cutoff, std::int64_t rows, std::int64_t bads, std::int64_t approved,
                                  std::int64_t approvedBads, double costFalseNegative, double costFalsePositive)
{
    CutoffDecision decision;
    decision.cutoff = cutoff;
    decision.rows = rows;
    decision.approved = approved;
    decision.approvedBads = approvedBads;
    const std::int64_t declinedBads = bads - approvedBads;
    decision.declinedGoods = (rows - approved) - declinedBads;
    decision.approvalRate = static_cast<double>(approved) / static_cast<double>(rows);
    decision.badRateApproved = approved > 0 ? static_cast<double>(approvedBads) / static_cast<double>(approved) : kNaN;
    decision.expectedCost = (costFalseNegative * static_cast<double>(approvedBads) +
                             costFalsePositive * static_cast<double>(decision.declinedGoods)) /
                            static_cast<double>(rows);
    return decision;
}

void checkRate(const std::optional<double> &rate, const char *what)
{
    if (rate && !(*rate >= 0.0 && *rate <= 1.0))
        throw std::invalid_argument(std::string(what) + " must be a share from 0 to 1, not " + std::to_string(*rate));
}

} // namespace

CutoffDecision chooseCutoff(std::span<const float> scores, std::span<const std::uint8_t> labels,
                            const CutoffCriterion &criterion)
{
    const bool byCost = criterion.costFalseNegative || criterion.costFalsePositive;
    const int criteria =
        int(byCost) + int(criterion.targetApprovalRate.has_value()) + int(criterion.maximumBadRate.has_value());
    if (criteria != 1)
        throw std::invalid_argument("a cut-off needs exactly one criterion: the two costs, a target approval rate or "
                                    "a maximum bad rate among the approved");
    const double costFalseNegative = criterion.costFalseNegative.value_or(0.0);
    const double costFalsePositive = criterion.costFalsePositive.value_or(0.0);
    if (byCost) {
        if (!criterion.costFalseNegative || !criterion.costFalsePositive)
            throw std::invalid_argument("a cost-based cut-off needs both costs: approving a bad and declining a good");
        if (!(costFalseNegative >= 0 && costFalsePositive >= 0) || !std::isfinite(costFalseNegative) ||
            !std::isfinite(costFalsePositive) || costFalseNegative + costFalsePositive <= 0)
            throw std::invalid_argument("the costs must be finite and at least 0, and not both 0");
    }
    checkRate(criterion.targetApprovalRate, "the target approval rate");
    checkRate(criterion.maximumBadRate, "the maximum bad rate");

    const std::vector<ScoreGroup> groups = groupsByDescendingScore(scores, labels, "chooseCutoff");
    if (groups.empty())
        throw std::invalid_argument("a cut-off needs scored rows with labels; there are none");
    std::int64_t rows = 0, bads = 0;
    for (const ScoreGroup &group : groups) {
        rows += group.count;
        bads += group.positives;
    }
    // Walk from approving everyone (cut-off +inf) towards approving nobody, declining one group of
    // tied scores at a time; every candidate is scored and the best kept.
    std::int64_t approved = rows, approvedBads = bads;
    CutoffDecision best =
        decisionFromCounts(kInfinity, rows, bads, approved, approvedBads, costFalseNegative, costFalsePositive);
    const auto withinBound = [&](const CutoffDecision &decision) {
        if (criterion.targetApprovalRate)
            return static_cast<double>(decision.approved) <=
                   *criterion.targetApprovalRate * static_cast<double>(rows) + 1e-9;
        // Compared in counts: bads <= rate x approved, so that a rate equal to the bound passes.
        return decision.approved > 0 && static_cast<double>(decision.approvedBads) <=
                                            *criterion.maximumBadRate * static_cast<double>(decision.approved) + 1e-9;
    };
    bool found = byCost || withinBound(best);
    for (const ScoreGroup &group : groups) {
        approved -= group.count;
        approvedBads -= group.positives;
        const CutoffDecision candidate =
            decisionFromCounts(group.score, rows, bads, approved, approvedBads, costFalseNegative, costFalsePositive);
        if (byCost) {
            if (candidate.expectedCost < best.expectedCost)
                best = candidate; // strictly cheaper: on a tie the earlier (more approving) stays
        } else if (!found && (withinBound(candidate) || approved == 0)) {
            // The first candidate within the bound approves the most; approving nobody is the fallback.
            best = candidate;
            found = true;
        }
    }
    return best;
}

CutoffDecision decisionAt(std::span<const float> scores, std::span<const std::uint8_t> labels, double cutoff,
                          double costFalseNegative, double costFalsePositive)
{
    checkBinaryInput(scores, labels, "decisionAt");
    if (scores.empty())
        throw std::invalid_argument("a decision needs scored rows with labels; there are none");
    std::int64_t bads = 0, approved = 0, approvedBads = 0;
    for (std::size_t row = 0; row < scores.size(); ++row) {
        bads += labels[row];
        if (static_cast<double>(scores[row]) < cutoff) {
            ++approved;
            approvedBads += labels[row];
        }
    }
    return decisionFromCounts(cutoff, static_cast<std::int64_t>(scores.size()), bads, approved, approvedBads,
                              costFalseNegative, costFalsePositive);
}

} // namespace cmtl
