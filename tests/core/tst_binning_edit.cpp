// Editing a binning by hand (core/binning/BinningEdit): merge, split, the trend's shape, against
// values computed by hand from the counts.

#include "binning/BinningEdit.h"
#include "binning/Screening.h"
#include "common/Error.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <tuple>

using namespace cmtl;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Ten rows of each value 1..4 and five missing ones:
//   value 1: 2 events, 8 non-events   value 2: 3, 7   value 3: 5, 5   value 4: 6, 4   missing: 1, 4
// 17 events and 28 non-events in all.
struct Example {
    std::vector<double> values;
    std::vector<int> labels;
};

Example exampleRows()
{
    Example rows;
    const auto add = [&](double value, int events, int nonEvents) {
        for (int i = 0; i < events; ++i) {
            rows.values.push_back(value);
            rows.labels.push_back(1);
        }
        for (int i = 0; i < nonEvents; ++i) {
            rows.values.push_back(value);
            rows.labels.push_back(0);
        }
    };
    add(1, 2, 8);
    add(2, 3, 7);
    add(3, 5, 5);
    add(4, 6, 4);
    add(std::nan(""), 1, 4);
    return rows;
}

Bin rangeBin(double lower, double upper, std::int64_t events, std::int64_t nonEvents)
{
    Bin bin;
    bin.lower = lower;
    bin.upper = upper;
    bin.events = events;
    bin.nonEvents = nonEvents;
    return bin;
}

// (-inf, 1], (1, 3], (3, +inf) and missing, as the example's rows fill them.
FeatureBinning exampleBinning()
{
    FeatureBinning binning;
    binning.feature = "income";
    binning.bins = {rangeBin(-kInf, 1, 2, 8), rangeBin(1, 3, 8, 12), rangeBin(3, kInf, 6, 4)};
    Bin missing;
    missing.kind = BinKind::Missing;
    missing.events = 1;
    missing.nonEvents = 4;
    binning.bins.push_back(missing);
    computeBinStatistics(binning);
    return binning;
}

// WoE and IV of a bin from its counts, written out (no bin here has an empty cell).
double woe(double events, double nonEvents)
{
    return std::log((nonEvents / 28.0) / (events / 17.0));
}
double iv(double events, double nonEvents)
{
    return (nonEvents / 28.0 - events / 17.0) * woe(events, nonEvents);
}

bool refuses(const std::function<void()> &edit, const std::vector<std::string> &words)
{
    try {
        edit();
    } catch (const ConfigError &error) {
        const std::string message = error.what();
        for (const std::string &word : words) {
            if (message.find(word) == std::string::npos) {
                qWarning("message lacks \"%s\": %s", word.c_str(), message.c_str());
                return false;
            }
        }
        return true;
    }
    return false;
}

} // namespace

class BinningEditTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valueCountsLeaveOutMissingAndSpecialRows()
    {
        Example rows = exampleRows();
        rows.values.push_back(-999);
        rows.labels.push_back(1);
        const FeatureValueCounts counts = countValues(rows.values, rows.labels, {-999});
        QCOMPARE(counts.values, (std::vector<double>{1, 2, 3, 4}));
        QCOMPARE(counts.events, (std::vector<std::int64_t>{2, 3, 5, 6}));
        QCOMPARE(counts.nonEvents, (std::vector<std::int64_t>{8, 7, 5, 4}));
    }

    void mergeJoinsAdjacentBinsAndRecomputesWoeAndIv()
    {
        const FeatureBinning before = exampleBinning();
        const FeatureBinning merged = mergeBins(before, 0, 1);
        QCOMPARE(merged.bins.size(), std::size_t(3));
        const Bin &joined = merged.bins[0];
        QCOMPARE(joined.lower, -kInf);
        QCOMPARE(joined.upper, 3.0);
        QCOMPARE(joined.events, std::int64_t(10));
        QCOMPARE(joined.nonEvents, std::int64_t(20));
        // ln((20/28) / (10/17)) = ln(340/280) = 0.194156014440957
        QVERIFY(std::abs(joined.woe - 0.194156014440957) < 1e-12);
        QVERIFY(std::abs(joined.iv - iv(10, 20)) < 1e-15);
        QVERIFY(std::abs(joined.eventRate - 10.0 / 30.0) < 1e-15);
        const double expectedIv = iv(10, 20) + iv(6, 4) + iv(1, 4);
        QVERIFY(std::abs(merged.iv - expectedIv) < 1e-12);
        // Merging loses information: the IV falls (from that of the three bins).
        QVERIFY(merged.iv < before.iv);
        QVERIFY(std::abs(before.iv - (iv(2, 8) + iv(8, 12) + iv(6, 4) + iv(1, 4))) < 1e-12);
        // The input is left as it was.
        QCOMPARE(before.bins.size(), std::size_t(4));
        // Merging every range bin: one bin from -inf to +inf.
        const FeatureBinning all = mergeBins(before, 0, 2);
        QCOMPARE(all.bins.size(), std::size_t(2));
        QCOMPARE(all.bins[0].upper, kInf);
        QCOMPARE(all.bins[0].count(), std::int64_t(40));
    }

    void mergeJoinsLevelGroups()
    {
        FeatureBinning binning;
        binning.feature = "grade";
        binning.categorical = true;
        for (const auto &[level, events, nonEvents] :
             {std::tuple{"A", 1, 9}, std::tuple{"B", 3, 7}, std::tuple{"C", 6, 4}}) {
            Bin bin;
            bin.kind = BinKind::Levels;
            bin.levels = {level};
            bin.events = events;
            bin.nonEvents = nonEvents;
            binning.bins.push_back(bin);
        }
        computeBinStatistics(binning);
        const FeatureBinning merged = mergeBins(binning, 1, 2);
        QCOMPARE(merged.bins[1].levels, (std::vector<std::string>{"B", "C"}));
        QCOMPARE(merged.bins[1].label(), std::string("{B, C}"));
        QCOMPARE(merged.bins[1].events, std::int64_t(9));
        // 10 events and 20 non-events in all: WoE of {B, C} = ln((11/20) / (9/10)).
        QVERIFY(std::abs(merged.bins[1].woe - std::log((11.0 / 20.0) / (9.0 / 10.0))) < 1e-12);
        QVERIFY(refuses([&] { splitBin(merged, 1, 1.5, {}); }, {"grade", "only a range bin"}));
    }

    void mergeRefusesMissingBinsAndBadRanges()
    {
        const FeatureBinning binning = exampleBinning();
        QVERIFY(refuses([&] { mergeBins(binning, 2, 3); }, {"bin 4", "missing", "income", "own bin"}));
        QVERIFY(refuses([&] { mergeBins(binning, 1, 1); }, {"two or more adjacent bins"}));
        QVERIFY(refuses([&] { mergeBins(binning, 2, 7); }, {"bins 3 to 8 of 4"}));
    }

    void splitDividesARangeBinByTheValueCounts()
    {
        const Example rows = exampleRows();
        const FeatureValueCounts counts = countValues(rows.values, rows.labels, {});
        const FeatureBinning split = splitBin(exampleBinning(), 1, 2.5, counts);
        QCOMPARE(split.bins.size(), std::size_t(5));
        // (1, 2.5] holds the value 2: 3 events, 7 non-events; (2.5, 3] the value 3: 5 and 5.
        QCOMPARE(split.bins[1].lower, 1.0);
        QCOMPARE(split.bins[1].upper, 2.5);
        QCOMPARE(split.bins[1].events, std::int64_t(3));
        QCOMPARE(split.bins[1].nonEvents, std::int64_t(7));
        QCOMPARE(split.bins[2].lower, 2.5);
        QCOMPARE(split.bins[2].upper, 3.0);
        QCOMPARE(split.bins[2].events, std::int64_t(5));
        QCOMPARE(split.bins[2].label(), std::string("(2.5, 3]"));
        // ln((7/28) / (3/17)) = ln(119/84) = 0.348306694268216
        QVERIFY(std::abs(split.bins[1].woe - 0.348306694268216) < 1e-12);
        QVERIFY(std::abs(split.bins[2].woe - woe(5, 5)) < 1e-12);
        const double expectedIv = iv(2, 8) + iv(3, 7) + iv(5, 5) + iv(6, 4) + iv(1, 4);
        QVERIFY(std::abs(split.iv - expectedIv) < 1e-12);
        // Splitting then merging back gives the bins (and the IV) it started from.
        const FeatureBinning back = mergeBins(split, 1, 2);
        QCOMPARE(back.bins[1].events, std::int64_t(8));
        QVERIFY(std::abs(back.iv - exampleBinning().iv) < 1e-15);
        // A boundary on a value: the value goes to the lower side, (lower, boundary].
        const FeatureBinning atValue = splitBin(exampleBinning(), 1, 2, counts);
        QCOMPARE(atValue.bins[1].events, std::int64_t(3));
        QCOMPARE(atValue.bins[2].events, std::int64_t(5));
    }

    void splitRefusesABoundaryOutsideTheBinOrWithAnEmptySide()
    {
        const Example rows = exampleRows();
        const FeatureValueCounts counts = countValues(rows.values, rows.labels, {});
        const FeatureBinning binning = exampleBinning();
        QVERIFY(refuses([&] { splitBin(binning, 1, 3, counts); }, {"bin 2 (1, 3] of income", "3", "not inside"}));
        QVERIFY(refuses([&] { splitBin(binning, 1, 0.5, counts); }, {"0.5", "not inside", "above its lower end"}));
        QVERIFY(refuses([&] { splitBin(binning, 1, std::nan(""), counts); }, {"not inside"}));
        QVERIFY(refuses([&] { splitBin(binning, 2, 3.5, counts); }, {"3.5", "at or below", "empty"}));
        QVERIFY(refuses([&] { splitBin(binning, 0, 0.5, counts); }, {"at or below", "empty"}));
        QVERIFY(refuses([&] { splitBin(binning, 3, 1, counts); }, {"missing", "only a range bin"}));
        QVERIFY(refuses([&] { splitBin(binning, 9, 1, counts); }, {"no bin 10"}));
        // Counts of other data (here: a row fewer) do not add up to the bin's rows.
        FeatureValueCounts fewer = counts;
        fewer.events[1] -= 1;
        QVERIFY(refuses([&] { splitBin(binning, 1, 2.5, fewer); }, {"do not match", "screen the data again"}));
    }

    void shapeDescribesTheTrendOfTheOrderedBins()
    {
        const Example rows = exampleRows();
        const FeatureValueCounts counts = countValues(rows.values, rows.labels, {});
        FeatureBinning binning = exampleBinning(); // 0.2, 0.4, 0.6 (missing apart)
        QCOMPARE(binShape(binning), BinShape::Ascending);
        QCOMPARE(binShape(mergeBins(binning, 0, 2)), BinShape::Single);
        // 2/10, 3/10, 5/10, 6/10 after a split: still ascending.
        QCOMPARE(binShape(splitBin(binning, 1, 2, counts)), BinShape::Ascending);
        binning.bins[1].events = 1; // 0.2, 1/13, 0.6: falls, then rises
        QCOMPARE(binShape(binning), BinShape::Valley);
        binning.bins[1].events = 9; // 0.2, 9/21, 0.6: rises
        QCOMPARE(binShape(binning), BinShape::Ascending);
        binning.bins[2].events = 1; // 0.2, 9/21, 0.2: rises, then falls
        QCOMPARE(binShape(binning), BinShape::Peak);
        binning.bins[0].events = 18; // 18/26 > 9/21 > 0.2: falls
        QCOMPARE(binShape(binning), BinShape::Descending);
        binning.bins[1].events = 3;
        binning.bins[1].nonEvents = 12; // 18/26, 0.2, 0.2: equal neighbours
        QCOMPARE(binShape(binning), BinShape::Irregular);
        binning.bins.insert(binning.bins.begin() + 2, rangeBin(2, 2.5, 9, 1)); // 18/26, 0.2, 0.9, 0.2
        binning.bins[1].events = 1;                                            // 18/26, 1/13, 0.9, 0.2
        QCOMPARE(binShape(binning), BinShape::Irregular);
    }

    void screeningKeepsValueCountsThatSplitItsBins()
    {
        // The example's rows as a table: x, a text column, and the target.
        const Example rows = exampleRows();
        Column x{"x", ColumnType::Numeric, {}, {}, {}, {}};
        Column region{"region", ColumnType::Categorical, {}, {}, {"north", "south"}, {}};
        Column target{"Class", ColumnType::Categorical, {}, {}, {"good", "bad"}, {}};
        for (std::size_t i = 0; i < rows.values.size(); ++i) {
            x.values.push_back(float(rows.values[i]));
            region.codes.push_back(std::int32_t(i % 2));
            target.codes.push_back(rows.labels[i] ? 1 : 0);
        }
        const Table table("t.csv", {region, x, target});
        TaskSpec task;
        task.column = "Class";
        task.type = TaskType::Binary;
        task.positiveClass = "bad";
        ScreeningOptions options;
        options.keepValueCounts = true;
        options.binning.minBinShare = 0.2;
        std::vector<double> progress;
        const ScreeningResult result =
            screenFeatures(table, task, options, nullptr, [&](double done) { progress.push_back(done); });
        QCOMPARE(progress, (std::vector<double>{0.0, 0.5}));
        QCOMPARE(result.valueCounts.size(), result.features.size());
        for (std::size_t f = 0; f < result.features.size(); ++f) {
            const FeatureValueCounts &counts = result.valueCounts[f];
            if (result.features[f].feature == "region") {
                QVERIFY(counts.values.empty());
                continue;
            }
            // The counts follow their feature through the sort by IV.
            QCOMPARE(counts.values, (std::vector<double>{1, 2, 3, 4}));
            QCOMPARE(counts.events, (std::vector<std::int64_t>{2, 3, 5, 6}));
            // The range bins, merged into one, split by these counts at any boundary between values.
            const FeatureBinning &binning = result.features[f];
            std::size_t ranges = 0;
            while (ranges < binning.bins.size() && binning.bins[ranges].kind == BinKind::Range)
                ++ranges;
            QVERIFY(ranges >= 2);
            const FeatureBinning split = splitBin(mergeBins(binning, 0, ranges - 1), 0, 1.5, counts);
            QCOMPARE(split.bins[0].events, std::int64_t(2));
            QCOMPARE(split.bins[0].nonEvents, std::int64_t(8));
        }
        // Without asking, no counts are kept.
        QVERIFY(screenFeatures(table, task, ScreeningOptions{}).valueCounts.empty());
        // A cancelled screening stops before its first feature.
        CancellationToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, screenFeatures(table, task, options, &cancel));
    }
};

QTEST_GUILESS_MAIN(BinningEditTest)
#include "tst_binning_edit.moc"
