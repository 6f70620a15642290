#pragma once

// The classic credit scorecard: a logistic regression on the weight of evidence (WoE) of each
// feature's optimal binning (binning/Binning.h), scaled to points.
//
// The regression models the log-odds of a non-event (a good loan, label 0) against an event (the
// task's positive class, e.g. bad):
//     ln(P(non-event) / P(event)) = intercept + sum_j coefficient_j * WoE_j(row).
// Since WoE = ln(non-event share / event share) rises with the odds of a non-event, every
// coefficient should be positive; a negative one means the feature works against its own WoE
// (usually because a correlated stronger feature took its evidence), and is warned about.
//
// Scaling: score = offset + factor * ln(odds of a non-event), with factor = PDO / ln 2 and
// offset = basePoints - factor * ln(baseOdds), so that the score is basePoints at odds baseOdds:1
// and every PDO points double the odds. Per bin, points = factor * coefficient * WoE; the
// intercept's share, offset + factor * intercept, is one separate constant (interceptPoints), not
// spread over the features. A row's score = interceptPoints + the points of its bins, which is
// exactly offset + factor * (the regression's log-odds). A cell that no bin holds (a level never
// seen in fitting, a missing cell when fitting had none) has WoE 0 and scores 0 points.

#include "binning/Screening.h"
#include "data/Table.h"
#include "tasks/TaskSpec.h"

#include <string>
#include <vector>

namespace cmtl {

struct ScoreScaling {
    double basePoints = 600;
    double baseOdds = 50; // non-events per event at basePoints
    double pdo = 20;      // points to double the odds

    double factor() const;
    double offset() const;
    // The score of a log-odds of a non-event.
    double pointsOfLogOdds(double logOddsNonEvent) const;
    // The probability of an event (the task's positive class) that a score implies.
    double eventProbability(double points) const;
    // The score of a model's probability of the event. The probability is clamped to
    // [2^-24, 1 - 2^-24] (a float32 probability rounds to 0 or 1 beyond), so the score stays finite.
    double pointsOfEventProbability(double probability) const;
    // Throws ConfigError unless every value is finite, and the odds and PDO > 0.
    void validate() const;
};

struct ScorecardOptions {
    ScreeningOptions screening; // the binning (and special values) of every feature
    ScoreScaling scaling;
    // Features below this IV are left out (the "useless" band of ivStrength).
    double minIv = 0.02;
    // Bins grouped by hand (the workbench's Binning page, --binning), against the scorecard's task:
    // a feature with a binning here keeps its bins, recounted on the labelled rows
    // (recountBinning), instead of its optimal binning. A binning of no feature is warned about.
    std::vector<FeatureBinning> givenBins;
};

struct ScorecardFeature {
    FeatureBinning binning;
    double coefficient = 0;
    std::vector<double> points; // per bin
};

struct Scorecard {
    std::string taskColumn;
    std::string positiveClass;
    ScoreScaling scaling;
    double intercept = 0;
    std::vector<ScorecardFeature> features;
    // Wrong-sign coefficients, features left out, correlated pairs (beyond the screening's
    // correlation limit), unused special values (English sentences).
    std::vector<std::string> warnings;

    double interceptPoints() const { return scaling.offset() + scaling.factor() * intercept; }
    std::vector<std::string> featureColumns() const;
    std::vector<std::string> categoricalColumns() const;
};

// Fits the scorecard on the rows of `table` labelled for `task` (binary): each of `features` is
// binned (options.screening), the features of IV at least options.minIv enter the regression.
// Throws ConfigError for a task that is not binary, an unknown feature, or no feature left.
Scorecard fitScorecard(const Table &table, const TaskSpec &task, const std::vector<std::string> &features,
                       const ScorecardOptions &options);

// A table scored by a scorecard.
struct ScorecardScores {
    std::vector<double> points;           // per row
    std::vector<double> eventProbability; // per row, implied by the points
    // Per feature, per row: the bin (-1 for none) and its points.
    std::vector<std::vector<int>> bins;
    std::vector<std::vector<double>> featurePoints;
};

// Throws DataError when a feature column is absent or of the wrong type.
ScorecardScores scoreTable(const Scorecard &card, const Table &table);

// Per row, the `k` features whose points fall furthest below the feature's most favourable bin
// (the reasons the score is not higher), largest shortfall first, ties in the card's feature
// order; a feature at its maximum is no reason, so a row may have fewer than k (empty strings).
std::vector<std::vector<std::string>> reasonCodes(const Scorecard &card, const ScorecardScores &scores, int k);

// The coefficients (intercept first) of the logistic regression of y (0/1) on the columns of x
// (rows x features), by Newton-Raphson (IRLS) to convergence. A ridge of 1e-8 * rows on the
// coefficients (not the intercept) keeps it solvable when features are collinear.
// `weights` (one per row, each >= 0; empty = every row 1) weight each row's log-likelihood term, so
// a row of weight 2 counts as the row twice (reject inference's weighted rejects); the ridge is then
// 1e-8 * the total weight.
std::vector<double> fitLogisticRegression(const std::vector<std::vector<double>> &x, const std::vector<int> &y,
                                          const std::vector<double> &weights = {});

// Sets the card's intercept and coefficients from a regression's beta (intercept first, then one per
// feature in order), each bin's points from its WoE, and warns of every wrong-sign coefficient.
void setCoefficients(Scorecard &card, const std::vector<double> &beta);

} // namespace cmtl
