#include "scorecard/Scorecard.h"

#include "common/Error.h"
#include "preprocess/WoeEncoder.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <sstream>

namespace cmtl {

double ScoreScaling::factor() const
{
    return pdo / std::numbers::ln2;
}

double ScoreScaling::offset() const
{
    return basePoints - factor() * std::log(baseOdds);
}

double ScoreScaling::pointsOfLogOdds(double logOddsNonEvent) const
{
    return offset() + factor() * logOddsNonEvent;
}

double ScoreScaling::eventProbability(double points) const
{
    return 1.0 / (1.0 + std::exp((points - offset()) / factor()));
}

double ScoreScaling::pointsOfEventProbability(double probability) const
{
    constexpr double kSmallest = 1.0 / (1 << 24);
    const double p = std::clamp(probability, kSmallest, 1.0 - kSmallest);
    return pointsOfLogOdds(std::log((1.0 - p) / p));
}

void ScoreScaling::validate() const
{
    const auto positive = [](double value, const char *name) {
        if (!std::isfinite(value) || value <= 0)
            throw ConfigError(std::string("the scaling's ") + name + " is " + std::to_string(value) +
                              "; it must be a finite number > 0");
    };
    if (!std::isfinite(basePoints))
        throw ConfigError("the scaling's base points are " + std::to_string(basePoints) + "; they must be finite");
    positive(baseOdds, "base odds");
    positive(pdo, "points to double the odds (PDO)");
}

std::vector<std::string> Scorecard::featureColumns() const
{
    std::vector<std::string> columns;
    for (const ScorecardFeature &feature : features)
        columns.push_back(feature.binning.feature);
    return columns;
}

std::vector<std::string> Scorecard::categoricalColumns() const
{
    std::vector<std::string> columns;
    for (const ScorecardFeature &feature : features) {
        if (feature.binning.categorical)
            columns.push_back(feature.binning.feature);
    }
    return columns;
}

std::vector<double> fitLogisticRegression(const std::vector<std::vector<double>> &x, const std::vector<int> &y,
                                          const std::vector<double> &weights)
{
    if (!weights.empty() && weights.size() != y.size())
        throw ConfigError("fitLogisticRegression: " + std::to_string(weights.size()) + " weights for " +
                          std::to_string(y.size()) + " rows");
    const auto rows = static_cast<Eigen::Index>(y.size());
    const auto width = static_cast<Eigen::Index>(x.empty() ? 0 : x.front().size()) + 1;
    Eigen::MatrixXd design(rows, width);
    Eigen::VectorXd target(rows);
    // A weight of 1 multiplies exactly, so an unweighted fit is the same to the bit.
    Eigen::VectorXd weight = Eigen::VectorXd::Ones(rows);
    for (Eigen::Index i = 0; i < rows; ++i) {
        if (!weights.empty())
            weight[i] = weights[static_cast<std::size_t>(i)];
        design(i, 0) = 1.0;
        for (Eigen::Index j = 1; j < width; ++j)
            design(i, j) = x[static_cast<std::size_t>(i)][static_cast<std::size_t>(j - 1)];
        target[i] = y[static_cast<std::size_t>(i)];
    }
    // The ridge scales with the total weight (the row count when unweighted: a sum of ones is exact),
    // so a row of weight 2 is the same fit as the row twice.
    const double ridge = 1e-8 * weight.sum();
    const auto objective = [&](const Eigen::VectorXd &beta) {
        // Penalised log-likelihood; log(1 + e^z) computed without overflow.
        const Eigen::VectorXd z = design * beta;
        double value = 0;
        for (Eigen::Index i = 0; i < rows; ++i) {
            const double softplus = z[i] > 0 ? z[i] + std::log1p(std::exp(-z[i])) : std::log1p(std::exp(z[i]));
            value += weight[i] * (target[i] * z[i] - softplus);
        }
        return value - 0.5 * ridge * beta.tail(width - 1).squaredNorm();
    };
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(width);
    double current = objective(beta);
    for (int iteration = 0; iteration < 100; ++iteration) {
        const Eigen::VectorXd p = ((-(design * beta).array()).exp() + 1.0).inverse().matrix();
        const Eigen::VectorXd w = (weight.array() * p.array() * (1.0 - p.array())).matrix();
        const Eigen::VectorXd residual = (weight.array() * (target - p).array()).matrix();
        Eigen::VectorXd gradient = design.transpose() * residual;
        Eigen::MatrixXd hessian = design.transpose() * w.asDiagonal() * design;
        for (Eigen::Index j = 1; j < width; ++j) {
            hessian(j, j) += ridge;
            gradient[j] -= ridge * beta[j];
        }
        const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
        // Step halving keeps every iteration an ascent (Newton can overshoot far from the optimum).
        double scale = 1;
        Eigen::VectorXd next = beta + step;
        double value = objective(next);
        while (value < current && scale > 1e-6) {
            scale /= 2;
            next = beta + scale * step;
            value = objective(next);
        }
        const double change = (next - beta).cwiseAbs().maxCoeff();
        beta = next;
        current = std::max(current, value);
        if (change < 1e-12)
            break;
    }
    return std::vector<double>(beta.data(), beta.data() + beta.size());
}

Scorecard fitScorecard(const Table &table, const TaskSpec &task, const std::vector<std::string> &features,
                       const ScorecardOptions &options)
{
    options.scaling.validate();
    if (task.type != TaskType::Binary)
        throw ConfigError("a scorecard is fitted for a binary task (COLUMN:binary:POSITIVE, e.g. Class:binary:bad); "
                          "the task on column \"" +
                          task.column + "\" is not binary");
    // Screening bins every column of the table but the task's: it is given the features alone.
    std::vector<Column> columns{table.column(task.column)};
    for (const std::string &feature : features) {
        if (feature == task.column)
            throw ConfigError("the feature \"" + feature + "\" is the task's column");
        columns.push_back(table.column(feature));
    }
    const Table chosen(table.source(), std::move(columns));
    const ScreeningResult screening = screenFeatures(chosen, task, options.screening);

    Scorecard card;
    card.taskColumn = task.column;
    card.positiveClass = task.positiveClass;
    card.scaling = options.scaling;
    for (const std::string &note : screening.unusedSpecials)
        card.warnings.push_back(note);
    // Correlated pairs are the usual cause of a wrong-sign coefficient: named for the user to judge.
    for (const CorrelatedPair &pair : screening.correlated) {
        std::ostringstream text;
        text << "features \"" << pair.first << "\" and \"" << pair.second << "\" are correlated (Pearson r "
             << pair.pearson << "); consider leaving out \"" << pair.drop << "\", the weaker (lower IV)";
        card.warnings.push_back(text.str());
    }
    // The labelled rows and their labels (1 = the task's positive class, an event).
    const std::vector<std::size_t> allRows = [&] {
        std::vector<std::size_t> rows(table.rowCount());
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        return rows;
    }();
    const EventLabels labelled = eventLabels(table, task, allRows);
    const std::vector<std::size_t> &labelledRows = labelled.rows;
    const std::vector<int> &events = labelled.labels;
    for (const FeatureBinning &given : options.givenBins) {
        if (std::find(features.begin(), features.end(), given.feature) == features.end())
            card.warnings.push_back("the edited bins of \"" + given.feature +
                                    "\" are not used: it is not a feature of the scorecard");
    }

    // In the order the features were given (screening sorts them by IV).
    for (const std::string &feature : features) {
        const FeatureBinning *given = givenBinningOf(options.givenBins, feature);
        const FeatureBinning binning =
            given ? recountBinning(*given, table.column(feature), labelledRows, events, table.source())
                  : *std::find_if(screening.features.begin(), screening.features.end(),
                                  [&](const FeatureBinning &f) { return f.feature == feature; });
        std::ostringstream iv;
        iv << binning.iv;
        if (binning.bins.size() < 2)
            card.warnings.push_back("feature \"" + feature + "\" left out: a single bin (no evidence)");
        else if (binning.iv < options.minIv)
            card.warnings.push_back("feature \"" + feature + "\" left out: IV " + iv.str() + " is below the minimum " +
                                    std::to_string(options.minIv));
        else
            card.features.push_back({binning, 0, {}});
    }
    if (card.features.empty())
        throw ConfigError("no feature of " + table.source() + " reaches the minimum IV of " +
                          std::to_string(options.minIv) + " against " + task.column +
                          "; lower --min-iv or add features");

    std::vector<BinLookup> lookups;
    for (const ScorecardFeature &feature : card.features)
        lookups.emplace_back(feature.binning, table.column(feature.binning.feature), table.source());
    // Label 1 = non-event: the regression models the odds of a non-event.
    std::vector<std::vector<double>> woe;
    std::vector<int> nonEvent;
    for (std::size_t i = 0; i < labelledRows.size(); ++i) {
        std::vector<double> inputs;
        for (std::size_t j = 0; j < card.features.size(); ++j)
            inputs.push_back(woeOfBin(card.features[j].binning, lookups[j](labelledRows[i])));
        woe.push_back(std::move(inputs));
        nonEvent.push_back(1 - events[i]);
    }
    setCoefficients(card, fitLogisticRegression(woe, nonEvent));
    return card;
}

void setCoefficients(Scorecard &card, const std::vector<double> &beta)
{
    card.intercept = beta[0];
    const double factor = card.scaling.factor();
    for (std::size_t j = 0; j < card.features.size(); ++j) {
        ScorecardFeature &feature = card.features[j];
        feature.coefficient = beta[j + 1];
        feature.points.clear();
        for (const Bin &bin : feature.binning.bins)
            feature.points.push_back(factor * feature.coefficient * bin.woe);
        if (feature.coefficient < 0) {
            std::ostringstream text;
            text << "feature \"" << feature.binning.feature << "\" has a wrong-sign coefficient ("
                 << feature.coefficient
                 << " on its WoE): it works against its own WoE, giving more points to its riskier bins, usually "
                    "because a correlated feature carries its evidence; consider leaving it out";
            card.warnings.push_back(text.str());
        }
    }
}

ScorecardScores scoreTable(const Scorecard &card, const Table &table)
{
    ScorecardScores scores;
    const std::size_t rows = table.rowCount();
    scores.points.assign(rows, card.interceptPoints());
    for (const ScorecardFeature &feature : card.features) {
        const BinLookup lookup(feature.binning, table.column(feature.binning.feature), table.source());
        std::vector<int> bins(rows);
        std::vector<double> points(rows);
        for (std::size_t row = 0; row < rows; ++row) {
            bins[row] = lookup(row);
            points[row] = bins[row] < 0 ? 0.0 : feature.points[static_cast<std::size_t>(bins[row])];
            scores.points[row] += points[row];
        }
        scores.bins.push_back(std::move(bins));
        scores.featurePoints.push_back(std::move(points));
    }
    scores.eventProbability.resize(rows);
    for (std::size_t row = 0; row < rows; ++row)
        scores.eventProbability[row] = card.scaling.eventProbability(scores.points[row]);
    return scores;
}

std::vector<std::vector<std::string>> reasonCodes(const Scorecard &card, const ScorecardScores &scores, int k)
{
    std::vector<double> best;
    for (const ScorecardFeature &feature : card.features)
        best.push_back(*std::max_element(feature.points.begin(), feature.points.end()));
    const std::size_t rows = scores.points.size();
    std::vector<std::vector<std::string>> reasons(rows);
    std::vector<std::size_t> order(card.features.size());
    std::vector<double> shortfall(card.features.size());
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::size_t j = 0; j < card.features.size(); ++j)
            shortfall[j] = best[j] - scores.featurePoints[j][row];
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return shortfall[a] > shortfall[b]; });
        for (int r = 0; r < k; ++r) {
            const bool given = static_cast<std::size_t>(r) < order.size() && shortfall[order[r]] > 0;
            reasons[row].push_back(given ? card.features[order[r]].binning.feature : std::string());
        }
    }
    return reasons;
}

} // namespace cmtl
