// Reject inference (core/rejectinference): the inferred rows of fuzzy augmentation and parcelling
// against hand-computed values, the weighted refit against the same rows duplicated, determinism,
// the refusals, and creditmtl-cli reject-inference end to end on samples/lending_club.csv.

#include "CommandLine.h"
#include "TestTables.h"
#include "common/Error.h"
#include "rejectinference/RejectInference.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

using namespace cmtl;
using namespace cmtl::testing;

namespace {

// syntheticLoans split as an underwriter would: the riskiest x1 declined, their outcome column
// dropped (declined applicants have none).
struct AcceptsAndRejects {
    Table accepts, rejects;
};
AcceptsAndRejects underwritten(std::size_t rows)
{
    const Table all = syntheticLoans(rows, 7);
    std::vector<std::size_t> accepted, declined;
    const Column &x1 = all.column("x1");
    for (std::size_t row = 0; row < all.rowCount(); ++row)
        (x1.values[row] < 0.5f ? accepted : declined).push_back(row);
    const Table rejectsWithOutcome = all.selectRows(declined);
    std::vector<Column> columns;
    for (const Column &column : rejectsWithOutcome.columns()) {
        if (column.name != "default")
            columns.push_back(column);
    }
    return {all.selectRows(accepted), Table("declined.csv", std::move(columns))};
}

const TaskSpec kDefault{"default", TaskType::Binary, "bad"};
const std::vector<std::string> kFeatures{"x1", "x2", "region"};

ScorecardOptions cardOptions()
{
    ScorecardOptions options;
    options.minIv = 0;
    return options;
}

bool contains(const std::string &text, const char *words)
{
    return text.find(words) != std::string::npos;
}

std::map<std::size_t, double> weightPerReject(const InferredRejects &inferred)
{
    std::map<std::size_t, double> sums;
    for (const InferredRow &row : inferred.rows)
        sums[row.reject] += row.weight;
    return sums;
}

std::vector<double> coefficients(const Scorecard &card)
{
    std::vector<double> beta{card.intercept};
    for (const ScorecardFeature &feature : card.features)
        beta.push_back(feature.coefficient);
    return beta;
}

} // namespace

class RejectInferenceTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fuzzyAugmentationWeightsSumToTheRejectWeight();
    void weightedLogisticRegressionEqualsDuplicatedRows();
    void unweightedLogisticRegressionIsUnchanged();
    void refitWithWeightTwoEqualsRejectsTwice();
    void parcellingSharesAreTheAcceptsBadRatesTimesTheFactor();
    void parcellingIsDeterministicForASeed();
    void inferRejectsMovesTheDeclinedTowardsBad();
    void refusesBadRejects();
    void comparisonOnHeldOutAccepts();
    void commandLineEndToEnd();
};

void RejectInferenceTest::fuzzyAugmentationWeightsSumToTheRejectWeight()
{
    const std::vector<double> p{0.1, 0.5, 0.93, 0.0};
    for (double rejectWeight : {1.0, 2.5}) {
        const InferredRejects inferred = fuzzyAugmentation(p, rejectWeight);
        QCOMPARE(inferred.rows.size(), 2 * p.size());
        for (const auto &[reject, sum] : weightPerReject(inferred))
            QVERIFY(std::abs(sum - rejectWeight) < 1e-15);
        for (const InferredRow &row : inferred.rows)
            QCOMPARE(row.weight, (row.event ? p[row.reject] : 1 - p[row.reject]) * rejectWeight);
        // The weighted bad rate is the mean probability.
        QVERIFY(std::abs(inferred.badRate() - (0.1 + 0.5 + 0.93) / 4) < 1e-15);
    }
}

void RejectInferenceTest::weightedLogisticRegressionEqualsDuplicatedRows()
{
    const std::vector<std::vector<double>> x{{0.2, 1.0}, {-0.4, 0.3}, {1.1, -0.2},
                                             {0.7, 0.9}, {-1.3, 0.1}, {0.1, -0.8}};
    const std::vector<int> y{1, 0, 1, 0, 0, 1};
    const std::vector<double> weights{2, 1, 3, 1, 2, 1};
    std::vector<std::vector<double>> duplicatedX;
    std::vector<int> duplicatedY;
    for (std::size_t i = 0; i < y.size(); ++i) {
        for (int copy = 0; copy < weights[i]; ++copy) {
            duplicatedX.push_back(x[i]);
            duplicatedY.push_back(y[i]);
        }
    }
    const std::vector<double> weighted = fitLogisticRegression(x, y, weights);
    const std::vector<double> duplicated = fitLogisticRegression(duplicatedX, duplicatedY);
    QCOMPARE(weighted.size(), duplicated.size());
    for (std::size_t j = 0; j < weighted.size(); ++j)
        QVERIFY2(std::abs(weighted[j] - duplicated[j]) < 1e-9,
                 qPrintable(QStringLiteral("coefficient %1: %2 vs %3").arg(j).arg(weighted[j]).arg(duplicated[j])));
    // A row of weight 0 is no row.
    const std::vector<double> dropped = fitLogisticRegression({x[0], x[1], x[2], x[3], x[4]}, {1, 0, 1, 0, 0});
    const std::vector<double> zeroWeight = fitLogisticRegression(x, y, {1, 1, 1, 1, 1, 0});
    for (std::size_t j = 0; j < dropped.size(); ++j)
        QVERIFY(std::abs(dropped[j] - zeroWeight[j]) < 1e-9);
}

void RejectInferenceTest::unweightedLogisticRegressionIsUnchanged()
{
    // All-ones weights are the unweighted fit to the bit, and a scorecard (fitted without weights)
    // is the same whatever the weighting code does.
    const std::vector<std::vector<double>> x{{0.2, 1.0}, {-0.4, 0.3}, {1.1, -0.2}, {0.7, 0.9}, {-1.3, 0.1}};
    const std::vector<int> y{1, 0, 1, 0, 1};
    QCOMPARE(fitLogisticRegression(x, y, std::vector<double>(y.size(), 1.0)), fitLogisticRegression(x, y));
}

void RejectInferenceTest::refitWithWeightTwoEqualsRejectsTwice()
{
    const AcceptsAndRejects data = underwritten(600);
    const Scorecard card = fitScorecard(data.accepts, kDefault, kFeatures, cardOptions());
    InferredRejects weighted, twice;
    for (std::size_t reject = 0; reject < data.rejects.rowCount(); ++reject) {
        const int event = reject % 3 == 0 ? 1 : 0;
        weighted.rows.push_back({reject, event, 2.0});
        twice.rows.push_back({reject, event, 1.0});
        twice.rows.push_back({reject, event, 1.0});
    }
    const Scorecard a = refitWithRejects(card, data.accepts, data.rejects, weighted);
    const Scorecard b = refitWithRejects(card, data.accepts, data.rejects, twice);
    const std::vector<double> betaA = coefficients(a), betaB = coefficients(b);
    for (std::size_t j = 0; j < betaA.size(); ++j)
        QVERIFY(std::abs(betaA[j] - betaB[j]) < 1e-9);
    for (std::size_t f = 0; f < a.features.size(); ++f) {
        for (std::size_t bin = 0; bin < a.features[f].binning.bins.size(); ++bin)
            QVERIFY(std::abs(a.features[f].binning.bins[bin].woe - b.features[f].binning.bins[bin].woe) < 1e-12);
    }
    // The rejects changed the card: the refit is not the accepts-only card.
    QVERIFY(std::abs(betaA[0] - card.intercept) > 1e-3);
}

void RejectInferenceTest::parcellingSharesAreTheAcceptsBadRatesTimesTheFactor()
{
    // Accepts scored 1..10; bad at 1, 2 and 6. Two bands at the median 5: (-inf, 5] has bad rate
    // 2/5 = 0.4, (5, inf) 1/5 = 0.2.
    const std::vector<double> acceptPoints{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<int> acceptEvents{1, 1, 0, 0, 0, 1, 0, 0, 0, 0};
    // 5 rejects in the low band (one exactly on the edge 5), 10 in the high one.
    const std::vector<double> rejectPoints{0, 1.5, 2, 4, 5, 5.5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    RejectInferenceOptions options;
    options.method = RejectMethod::Parcelling;
    options.parcelBands = 2;
    options.parcelFactor = 1.5;
    const InferredRejects inferred = parcelling(acceptPoints, acceptEvents, rejectPoints, options);
    QCOMPARE(inferred.bands.size(), std::size_t{2});
    const ParcelBand &low = inferred.bands[0], &high = inferred.bands[1];
    QCOMPARE(low.upperPoints, 5.0);
    QCOMPARE(high.lowerPoints, 5.0);
    QCOMPARE(low.accepts, std::int64_t{5});
    QCOMPARE(low.acceptBadRate, 0.4);
    QCOMPARE(high.acceptBadRate, 0.2);
    QVERIFY(std::abs(low.rejectBadShare - 0.6) < 1e-15);  // 0.4 x 1.5
    QVERIFY(std::abs(high.rejectBadShare - 0.3) < 1e-15); // 0.2 x 1.5
    QCOMPARE(low.rejects, std::int64_t{5});
    QCOMPARE(high.rejects, std::int64_t{10});
    QCOMPARE(low.inferredBads, std::int64_t{3});  // 0.6 x 5
    QCOMPARE(high.inferredBads, std::int64_t{3}); // 0.3 x 10
    // One row per reject, weight 1, and the bads counted per band.
    QCOMPARE(inferred.rows.size(), rejectPoints.size());
    int lowBads = 0, highBads = 0;
    for (std::size_t i = 0; i < inferred.rows.size(); ++i) {
        QCOMPARE(inferred.rows[i].reject, i);
        QCOMPARE(inferred.rows[i].weight, 1.0);
        (rejectPoints[i] <= 5 ? lowBads : highBads) += inferred.rows[i].event;
    }
    QCOMPARE(lowBads, 3);
    QCOMPARE(highBads, 3);
    QVERIFY(std::abs(inferred.badRate() - 6.0 / 15) < 1e-15);

    // A factor that takes a share above 1 is capped: every reject of the band is bad.
    options.parcelFactor = 3;
    const InferredRejects capped = parcelling(acceptPoints, acceptEvents, rejectPoints, options);
    QCOMPARE(capped.bands[0].rejectBadShare, 1.0);
    QCOMPARE(capped.bands[0].inferredBads, std::int64_t{5});
    QCOMPARE(capped.bands[1].inferredBads, std::int64_t{6}); // 0.6 x 10
}

void RejectInferenceTest::parcellingIsDeterministicForASeed()
{
    std::vector<double> acceptPoints(200), rejectPoints(300);
    std::vector<int> acceptEvents(200);
    for (std::size_t i = 0; i < acceptPoints.size(); ++i) {
        acceptPoints[i] = double(i);
        acceptEvents[i] = i % 4 == 0 ? 1 : 0;
    }
    for (std::size_t i = 0; i < rejectPoints.size(); ++i)
        rejectPoints[i] = double((i * 37) % 200);
    RejectInferenceOptions options;
    options.method = RejectMethod::Parcelling;
    options.seed = 11;
    const auto labels = [&](const RejectInferenceOptions &o) {
        std::vector<int> events;
        for (const InferredRow &row : parcelling(acceptPoints, acceptEvents, rejectPoints, o).rows)
            events.push_back(row.event);
        return events;
    };
    const std::vector<int> first = labels(options);
    QCOMPARE(labels(options), first);
    options.seed = 12;
    const std::vector<int> other = labels(options);
    QVERIFY(other != first); // another seed picks other rejects...
    QCOMPARE(std::accumulate(other.begin(), other.end(), 0), std::accumulate(first.begin(), first.end(), 0)); // as many
}

void RejectInferenceTest::inferRejectsMovesTheDeclinedTowardsBad()
{
    const AcceptsAndRejects data = underwritten(1500);
    RejectInferenceOptions options;
    options.method = RejectMethod::Parcelling;
    options.parcelFactor = 2;
    const RejectInferenceResult parcelled =
        inferRejects(data.accepts, data.rejects, kDefault, kFeatures, cardOptions(), options);
    // Judged twice as bad as accepts of the same score, the declined score worse after the refit.
    const auto meanBad = [&](const Scorecard &card) {
        const std::vector<double> p = scoreTable(card, data.rejects).eventProbability;
        return std::accumulate(p.begin(), p.end(), 0.0) / double(p.size());
    };
    QVERIFY(meanBad(parcelled.withRejects) > meanBad(parcelled.acceptsOnly) + 0.01);
    QVERIFY(parcelled.inferred.badRate() > meanBad(parcelled.acceptsOnly));

    options.method = RejectMethod::FuzzyAugmentation;
    const RejectInferenceResult fuzzy =
        inferRejects(data.accepts, data.rejects, kDefault, kFeatures, cardOptions(), options);
    // Fuzzy augmentation's inferred bad rate is the accepts-only card's mean probability of bad.
    QVERIFY(std::abs(fuzzy.inferred.badRate() - meanBad(fuzzy.acceptsOnly)) < 1e-12);
    QCOMPARE(fuzzy.inferred.rows.size(), 2 * data.rejects.rowCount());
    // The same inputs, the same card.
    const RejectInferenceResult again =
        inferRejects(data.accepts, data.rejects, kDefault, kFeatures, cardOptions(), options);
    QCOMPARE(coefficients(again.withRejects), coefficients(fuzzy.withRejects));
}

void RejectInferenceTest::comparisonOnHeldOutAccepts()
{
    const AcceptsAndRejects data = underwritten(1500);
    RejectInferenceOptions options;
    options.method = RejectMethod::Parcelling;
    options.parcelFactor = 2;
    const RejectInferenceComparison comparison =
        compareRejectInference(data.accepts, data.rejects, kDefault, kFeatures, cardOptions(), options, 0.3);
    // The accepts split 70 / 30 (stratified: each part within a row of its share), every row labelled.
    QCOMPARE(comparison.fitRows + comparison.heldOutRows, data.accepts.rowCount());
    QVERIFY(std::abs(double(comparison.heldOutRows) - 0.3 * double(data.accepts.rowCount())) <= 2);
    QCOMPARE(comparison.labelledHeldOut, comparison.heldOutRows);
    QVERIFY(comparison.heldOutBadRate > 0 && comparison.heldOutBadRate < 1);
    // The AUCs of both cards, the bootstrap interval of their difference around it.
    QCOMPARE(comparison.auc.resamples, 200);
    QVERIFY(comparison.auc.without > 0.5 && comparison.auc.with > 0.5);
    QVERIFY(comparison.auc.differenceLow <= comparison.auc.differenceHigh);
    QVERIFY(comparison.auc.differenceLow <= comparison.auc.with - comparison.auc.without + 1e-12);
    QVERIFY(comparison.auc.differenceHigh >= comparison.auc.with - comparison.auc.without - 1e-12);
    // The declined's mean P(bad): by the accepts-only card as inferRejects scored them, and higher
    // after parcelling with factor 2.
    const std::vector<double> &p = comparison.result.rejectBadProbability;
    QCOMPARE(comparison.rejectMeanBadWithout, std::accumulate(p.begin(), p.end(), 0.0) / double(p.size()));
    QVERIFY(comparison.rejectMeanBadWith > comparison.rejectMeanBadWithout);
    // The same inputs, the same figures.
    const RejectInferenceComparison again =
        compareRejectInference(data.accepts, data.rejects, kDefault, kFeatures, cardOptions(), options, 0.3);
    QCOMPARE(again.auc.differenceLow, comparison.auc.differenceLow);
    QCOMPARE(again.auc.differenceHigh, comparison.auc.differenceHigh);
    QCOMPARE(coefficients(again.result.withRejects), coefficients(comparison.result.withRejects));
    // A share outside (0, 1) is refused; a cancelled run stops.
    QVERIFY_THROWS_EXCEPTION(ConfigError, compareRejectInference(data.accepts, data.rejects, kDefault, kFeatures,
                                                                 cardOptions(), options, 1.0));
    CancellationToken cancel;
    cancel.cancel();
    QVERIFY_THROWS_EXCEPTION(Cancelled, compareRejectInference(data.accepts, data.rejects, kDefault, kFeatures,
                                                               cardOptions(), options, 0.3, &cancel));
}

void RejectInferenceTest::refusesBadRejects()
{
    const AcceptsAndRejects data = underwritten(600);
    RejectInferenceOptions options;
    const auto refusal = [&](const Table &rejects) -> std::string {
        try {
            inferRejects(data.accepts, rejects, kDefault, kFeatures, cardOptions(), options);
        } catch (const DataError &error) {
            return error.what();
        }
        return "accepted";
    };
    // No rows.
    QVERIFY(contains(refusal(data.rejects.selectRows({})), "no rows"));
    // A feature column missing.
    std::vector<Column> withoutX2;
    for (const Column &column : data.rejects.columns()) {
        if (column.name != "x2")
            withoutX2.push_back(column);
    }
    const std::string missing = refusal(Table("declined.csv", std::move(withoutX2)));
    QVERIFY2(contains(missing, "no column \"x2\""), missing.c_str());
    // Outcomes in the task's column: the accepts given as the rejects.
    const std::string outcomes = refusal(data.accepts);
    QVERIFY2(contains(outcomes, "holds the outcome"), outcomes.c_str());
    // An empty task column is no outcome: accepted.
    std::vector<Column> emptyOutcome = data.rejects.columns();
    emptyOutcome.push_back(categoricalColumn("default", std::vector<std::string>(data.rejects.rowCount())));
    QCOMPARE(refusal(Table("declined.csv", std::move(emptyOutcome))), std::string("accepted"));
    // A factor that is not a finite number > 0.
    for (double factor : {0.0, -1.0, std::nan(""), double(INFINITY)}) {
        options.parcelFactor = factor;
        QVERIFY_THROWS_EXCEPTION(ConfigError, options.validate());
    }
}

void RejectInferenceTest::commandLineEndToEnd()
{
    // samples/lending_club.csv split by an underwriter's rule: the 20% of highest interest rate
    // (the lender's own risk price) declined, their outcome column (the last) dropped.
    QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = sample.readAll().trimmed().split('\n');
    const QByteArray header = lines.front();
    QList<QByteArray> rows = lines.mid(1);
    const int rateColumn = static_cast<int>(header.split(',').indexOf(QByteArrayLiteral("\"int_rate\"")));
    QVERIFY(rateColumn >= 0);
    std::stable_sort(rows.begin(), rows.end(), [&](const QByteArray &a, const QByteArray &b) {
        return a.split(',')[rateColumn].toDouble() < b.split(',')[rateColumn].toDouble();
    });
    const qsizetype acceptedCount = rows.size() * 8 / 10;
    QTemporaryDir dir;
    QFile accepts(dir.filePath(QStringLiteral("accepts.csv"))), declined(dir.filePath(QStringLiteral("declined.csv")));
    QVERIFY(accepts.open(QIODevice::WriteOnly) && declined.open(QIODevice::WriteOnly));
    const auto withoutLast = [](const QByteArray &line) { return line.left(line.lastIndexOf(',')); };
    accepts.write(header + '\n');
    declined.write(withoutLast(header) + '\n');
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i < acceptedCount)
            accepts.write(rows[i] + '\n');
        else
            declined.write(withoutLast(rows[i]) + '\n');
    }
    accepts.close();
    declined.close();

    const QString cardPath = dir.filePath(QStringLiteral("card.csv"));
    const auto run = [&](std::initializer_list<const char *> method, std::string &text) {
        QStringList arguments{QStringLiteral("creditmtl-cli"), QStringLiteral("reject-inference"),
                              QStringLiteral("--data"),        accepts.fileName(),
                              QStringLiteral("--rejects"),     declined.fileName(),
                              QStringLiteral("--task"),        QStringLiteral("Class:binary:bad"),
                              QStringLiteral("--out"),         cardPath};
        for (const char *word : method)
            arguments << QString::fromUtf8(word);
        std::ostringstream out, err;
        const int code = runCommandLine(arguments, out, err);
        text = out.str() + err.str();
        return code;
    };
    const auto percentAfter = [](const std::string &text, const QString &label) {
        const QRegularExpressionMatch match =
            QRegularExpression(QRegularExpression::escape(label) + QStringLiteral(R"(\s*([-0-9.]+)%)"))
                .match(QString::fromStdString(text));
        return match.hasMatch() ? match.captured(1).toDouble() : std::nan("");
    };
    std::string fuzzy;
    QCOMPARE(run({"--method", "fuzzy"}, fuzzy), 0);
    QVERIFY2(contains(fuzzy, "by fuzzy augmentation"), fuzzy.c_str());
    QVERIFY(contains(fuzzy, "missing at random"));
    QVERIFY(contains(fuzzy, "cannot show a benefit on the through-the-door population"));
    QVERIFY(contains(fuzzy, "AUC on 2366 held-out accepts"));
    // The declined are the riskiest: their inferred bad rate is above the accepts' observed one, and
    // (fuzzy) it is the accepts-only card's mean probability of bad for them.
    const double inferred = percentAfter(fuzzy, QStringLiteral("Inferred bad rate of the declined:"));
    const double observed = percentAfter(fuzzy, QStringLiteral("accepts' observed bad rate"));
    QVERIFY2(inferred > observed + 1, fuzzy.c_str());
    QCOMPARE(percentAfter(fuzzy, QStringLiteral("mean P(bad) of the declined")), inferred);
    QVERIFY(QFile::exists(cardPath));

    std::string parcel;
    QCOMPARE(run({"--method", "parcel", "--parcel-factor", "1.5"}, parcel), 0);
    QVERIFY2(contains(parcel, "by parcelling"), parcel.c_str());
    QVERIFY(contains(parcel, "Parcel factor 1.5, 10 bands"));
    QVERIFY(percentAfter(parcel, QStringLiteral("Inferred bad rate of the declined:")) > inferred);
    std::string again;
    QCOMPARE(run({"--method", "parcel", "--parcel-factor", "1.5"}, again), 0);
    QCOMPARE(again, parcel); // deterministic for the default seed
}

QTEST_GUILESS_MAIN(RejectInferenceTest)
#include "tst_rejectinference.moc"
