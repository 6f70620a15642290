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

    // A linear model per task one time in three: on tabular credit data it is often the model
    // to beat, and it costs a fraction of a network's training.
    const bool linear = random.uniform() < 1.0 / 3.0;
    static const std::vector<int> kTrunks[] = {{32}, {64}, {128}, {32, 16}, {64, 32}, {128, 64}};
    train.hiddenLayers = linear ? std::vector<int>{} : pick(random, kTrunks);
    static const Architecture kArchitectures[] = {Architecture::SharedBottom, Architecture::SharedBottom,
                                                  Architecture::MMoE, Architecture::PLE, Architecture::Attention};
    train.architecture = linear ? Architecture::SharedBottom : pick(random, kArchitectures);
    static const int kExperts[] = {2, 4, 8};
    train.experts = pick(random, kExperts);
    train.taskExperts = 1;
    train.headHidden = 0;
    static const double kDropouts[] = {0.0, 0.1, 0.2, 0.3, 0.5};
    train.dropout = linear ? 0.0 : pick(random, kDropouts);
    static const WeightingMethod kWeightings[] = {
        WeightingMethod::Fixed,       WeightingMethod::Fixed, WeightingMethod::Fixed,    WeightingMethod::Uncertainty,
        WeightingMethod::Uncertainty, WeightingMethod::DWA,   WeightingMethod::GradNorm, WeightingMethod::PCGrad};
    // A linear model per task shares nothing, so there is nothing for a weighting to balance
    // (and GradNorm needs a shared layer to measure gradients on).
    train.weighting.method = linear ? WeightingMethod::Fixed : pick(random, kWeightings);
    train.taskGraph.clear(); // the base's task graph needs head layers, which the search does not add

    // From 1e-5 (almost none) to 1e-1 (a strongly shrunk model; about C = 0.01 for a logistic
    // regression on this product's standardised inputs).
    train.l2 = twoSignificantDigits(logUniform(random, -5.0, -1.0));
    // A linear model's convex problem takes larger steps and more epochs than a network's.
    train.learningRate = twoSignificantDigits(linear ? logUniform(random, -3.0, -1.7) : logUniform(random, -3.5, -2.0));
    static const int kNetworkEpochs[] = {10, 20, 30, 50};
    static const int kLinearEpochs[] = {30, 50, 100};
    train.epochs = linear ? pick(random, kLinearEpochs) : pick(random, kNetworkEpochs);
    static const int kBatches[] = {128, 256, 512};
    train.batchSize = pick(random, kBatches);

    // Early stopping on a held-back eighth of the training rows, or every row trained on for the
    // drawn number of epochs (the held-back rows are then not lost to the fit).
    SplitSpec &split = candidate.config.split;
    const double kept = split.trainFraction + split.validationFraction;
    if (random.uniform() < 0.5) {
        static const int kPatience[] = {3, 5, 10};
        train.patience = pick(random, kPatience);
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
                formatNumber(kept > 0 ? split.validationFraction / kept : 0) + " held back";
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
