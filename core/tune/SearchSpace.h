#pragma once

// Where a search looks: random configurations around a base configuration. L2 and the learning
// rate are drawn on a log scale (their effect is multiplicative), the rest from short lists of
// values a modeller would try.

#include "nn/Random.h"
#include "tune/Objective.h"

#include <string>
#include <vector>

namespace cmtl {

// A random candidate: every searched setting drawn from its range with `random`, everything else
// (preprocessing, seed, threads, imbalance options) kept from `base`. `metricTask` is the index of
// the task the search scores; its lambda stays at its base value and the others are drawn, since
// only their ratio to it matters. Deterministic for a given generator state.
Candidate sampleCandidate(SplitMix64 &random, const ExperimentConfig &base, const std::vector<double> &baseLambdas,
                          std::size_t metricTask);

// The candidates every search scores first: the base configuration itself (so that the starting
// point competes with what is found) and a strongly
// regularised linear model per task trained on every row (L2 1e-2, learning rate 3e-3, 100
// epochs), which the study of issue 18 found the hardest configuration to beat on the Lending
// Club sample (0.698 mean AUC over 10 splits) and which random draws reach rarely.
std::vector<Candidate> startingCandidates(const ExperimentConfig &base, const std::vector<double> &baseLambdas);

// One line a person can read: architecture, weighting, layers, dropout, L2, learning rate, epochs,
// batch, early stopping and the lambdas (named by `taskNames`).
std::string describeCandidate(const Candidate &candidate, const std::vector<std::string> &taskNames);

} // namespace cmtl
