#include "tune/SearchSpace.h"

#include <cmath>
#include <cstdio>

namespace cmtl {

namespace {

// 10^u with u uniform in [lowExponent, highExponent).
double logUniform(SplitMix64 &random, double lowExponent, double highExponent)
{
    return std::pow(10.0, lowExponent + (highExponent - lowExponent) * random.uniform());
}

// `value` rounded to two significant digits: the Settings page shows L2 with 6 decimals and the
// learning rate with 5, so a value drawn this way is shown, and applied, exactly as it was scored.
double twoSignificantDigits(double value)
{
    const double scale = std::pow(10.0, 1.0 - std::floor(std::log10(value)));
    return std::round(value * scale) / scale;
}

template <typename T, std::size_t N> T pick(SplitMix64 &random, const T (&values)[N])
{
    return values[random.below(N)];
}

std::string formatNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

} // namespace

Candidate sampleCandidate(SplitMix64 &random, const ExperimentConfig &base, const std::vector<double> &baseLambdas,
                          std::size_t metricTask)
{
    Candidate candidate{base, baseLambdas};
    TrainConfig &train = candidate.config.train;

    // The space is centred on what the study of issue 18 found to matter on credit data: the L2
    // penalty (1e-3 to 3e-2 held the best models; 1e-5 lost up to 0.02 AUC), training on every
    // row (or refitting on them after early stopping), no hidden layer against a small one, the
    // learning rate and the epochs. Architecture, weighting, dropout and the lambdas moved the
    // AUC by at most 0.004 there: they are drawn from shorter lists.
    // A linear model per task one time in two: on tabular credit data it is often the model to
    // beat, and it costs a fraction of a network's training.
    const bool linear = random.uniform() < 0.5;
    // Small trunks: larger ones did no better there and cost a fold several times as much.
    static const std::vector<int> kTrunks[] = {{16}, {32}, {64}, {32, 16}};
    train.hiddenLayers = linear ? std::vector<int>{} : pick(random, kTrunks);
    static const Architecture kArchitectures[] = {Architecture::SharedBottom, Architecture::SharedBottom,
                                                  Architecture::SharedBottom, Architecture::MMoE, Architecture::PLE};
    train.architecture = linear ? Architecture::SharedBottom : pick(random, kArchitectures);
    static const int kExperts[] = {2, 4};
    train.experts = pick(random, kExperts);
    train.taskExperts = 1;
    train.headHidden = 0;
    static const double kDropouts[] = {0.0, 0.1, 0.2, 0.3};
    train.dropout = linear ? 0.0 : pick(random, kDropouts);
    static const WeightingMethod kWeightings[] = {WeightingMethod::Fixed, WeightingMethod::Fixed,
                                                  WeightingMethod::Fixed, WeightingMethod::Uncertainty};
    // A linear model per task shares nothing, so there is nothing for a weighting to balance
    // (and GradNorm needs a shared layer to measure gradients on).
    train.weighting.method = linear ? WeightingMethod::Fixed : pick(random, kWeightings);
    train.taskGraph.clear(); // the base's task graph needs head layers, which the search does not add

    // 1e-3 to 3e-2 (about C = 0.1 to 0.003 for a logistic regression on this product's
    // standardised inputs; the tuned logistic regressions chose C = 0.01, L2 about 1e-2).
    train.l2 = twoSignificantDigits(logUniform(random, -3.0, -1.5));
    // A linear model's convex problem takes larger steps and more epochs than a network's.
    train.learningRate = twoSignificantDigits(linear ? logUniform(random, -3.0, -2.0) : logUniform(random, -3.5, -2.5));
    static const int kNetworkEpochs[] = {20, 30, 50, 100};
    static const int kLinearEpochs[] = {50, 100, 150};
    train.epochs = linear ? pick(random, kLinearEpochs) : pick(random, kNetworkEpochs);
    static const int kBatches[] = {128, 256, 512};
    train.batchSize = pick(random, kBatches);

    // Every row trained on for the drawn number of epochs, or early stopping on a held-back
    // eighth of the training rows that chooses the epochs of a refit on every row (the held-back
    // rows are not lost to the fit either way).
    SplitSpec &split = candidate.config.split;
    const double kept = split.trainFraction + split.validationFraction;
    if (random.uniform() < 0.5) {
        static const int kPatience[] = {5, 10, 30};
        train.patience = pick(random, kPatience);
        train.refit = RefitMode::All;
        split.validationFraction = kept * 0.125;
    } else {
        train.patience = 0;
        split.validationFraction = 0;
    }
    split.trainFraction = kept - split.validationFraction;

    for (std::size_t t = 0; t < candidate.lambdas.size(); ++t) {
        if (t != metricTask)
            // 0.05 to 2 times the scored task's, in the Settings page's steps of 0.01.
            candidate.lambdas[t] = std::round(logUniform(random, -1.3, 0.3) * 100.0) / 100.0;
    }
    return candidate;
}

std::vector<Candidate> startingCandidates(const ExperimentConfig &base, const std::vector<double> &baseLambdas)
{
    Candidate linear{base, baseLambdas};
    TrainConfig &train = linear.config.train;
    train.architecture = Architecture::SharedBottom;
    train.hiddenLayers.clear();
    train.headHidden = 0;
    train.wide = false;
    train.dropout = 0;
    train.weighting = {};
    train.taskGraph.clear();
    train.l2 = 1e-2;
    train.learningRate = 3e-3;
    train.epochs = 100;
    train.patience = 0;
    SplitSpec &split = linear.config.split;
    split.trainFraction += split.validationFraction;
    split.validationFraction = 0;
    return {Candidate{base, baseLambdas}, linear};
}

std::string describeCandidate(const Candidate &candidate, const std::vector<std::string> &taskNames)
{
    const TrainConfig &train = candidate.config.train;
    std::string text;
    if (train.hiddenLayers.empty()) {
        text = "linear";
    } else {
        text = toString(train.architecture);
        if (train.architecture == Architecture::MMoE || train.architecture == Architecture::PLE)
            text.append(" x").append(std::to_string(train.experts));
        for (std::size_t i = 0; i < train.hiddenLayers.size(); ++i)
            text.append(i ? "," : " ").append(std::to_string(train.hiddenLayers[i]));
        if (usesWidePath(train))
            text += " wide";
        text += " dropout " + formatNumber(train.dropout);
    }
    text += std::string(" ") + toString(train.weighting.method);
    text += " l2 " + formatNumber(train.l2) + " lr " + formatNumber(train.learningRate) + " epochs " +
            std::to_string(train.epochs) + " batch " + std::to_string(train.batchSize);
    const SplitSpec &split = candidate.config.split;
    const double kept = split.trainFraction + split.validationFraction;
    if (train.patience > 0 && split.validationFraction > 0)
        text += " stop " + std::to_string(train.patience) + " on " +
                formatNumber(kept > 0 ? split.validationFraction / kept : 0) + " held back" +
                (train.refit == RefitMode::All ? " then refit" : "");
    else
        text += " all rows";
    if (candidate.lambdas.size() > 1) {
        text += " lambda";
        for (std::size_t t = 0; t < candidate.lambdas.size() && t < taskNames.size(); ++t)
            text += " " + taskNames[t] + "=" + formatNumber(candidate.lambdas[t]);
    }
    return text;
}

} // namespace cmtl
