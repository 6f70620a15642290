#pragma once

#include <cstdint>
#include <optional>
#include <span>

// Choosing the cut-off of a binary task for accept/decline decisions.
//
// Convention: the score is P(bad), the positive class is "bad", and an applicant is declined when
// score >= cutoff, approved when score < cutoff. Approving a bad applicant is then a false negative
// (its cost is costFalseNegative, e.g. the loss given default); declining a good one is a false
// positive (costFalsePositive, e.g. the lost margin). Inputs follow BinaryMetrics.h's contract.

namespace cmtl {

struct CutoffDecision {
    double cutoff = 0;          // decline when score >= cutoff (+inf: approve everyone)
    double approvalRate = 0;    // share of rows approved
    double badRateApproved = 0; // share of bads among the approved (NaN when nobody is approved)
    double expectedCost = 0;    // (costFN x approved bads + costFP x declined goods) / rows
    std::int64_t approved = 0, approvedBads = 0, declinedGoods = 0, rows = 0;
};

// What the cut-off should achieve. Exactly one of the three criteria is used.
struct CutoffCriterion {
    // Minimise the expected cost per applicant; both costs >= 0, at least one > 0.
    std::optional<double> costFalseNegative, costFalsePositive;
    // Approve as many as possible without exceeding this share of the rows (in [0, 1]).
    std::optional<double> targetApprovalRate;
    // Approve as many as possible while the bad rate among the approved stays at most this (in [0, 1]).
    std::optional<double> maximumBadRate;
};

// The candidate cut-offs are every distinct score and +inf (tied scores are approved or declined
// together). By cost, the cheapest candidate wins, the one approving more on a tie of costs. By
// approval rate or bad rate, the candidate approving the most rows within the bound; when none is
// within it, the cut-off approving nobody (the lowest score). Without rows std::invalid_argument;
// so for a criterion that is not exactly one of the three, or a cost or rate out of its range.
CutoffDecision chooseCutoff(std::span<const float> scores, std::span<const std::uint8_t> labels,
                            const CutoffCriterion &criterion);

// The decision at a given cut-off (decline when score >= cutoff), costs as above (0 when not given).
CutoffDecision decisionAt(std::span<const float> scores, std::span<const std::uint8_t> labels, double cutoff,
                          double costFalseNegative = 0, double costFalsePositive = 0);

} // namespace cmtl
