// describeColumns(): the parallel statistics equal the old single-threaded sort-based ones while
// the distinct count is exact (below DistinctCounter::kExactCap), the HyperLogLog estimate past
// the cap stays within its stated error, and the result is the same for every thread count.
#include "data/DistinctCounter.h"
#include "data/Table.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <random>

using namespace cmtl;

namespace {

// The statistics as describeColumns computed them before it was parallel: sort, then unique.
ColumnStats sortedReference(const std::vector<float> &values)
{
    ColumnStats stats;
    std::vector<float> present;
    double sum = 0;
    for (const float value : values) {
        if (std::isnan(value)) {
            ++stats.missing;
            continue;
        }
        present.push_back(value);
        sum += value;
    }
    if (present.empty())
        return stats;
    std::sort(present.begin(), present.end());
    stats.distinct = std::unique(present.begin(), present.end()) - present.begin();
    stats.min = present.front();
    stats.max = present[static_cast<std::size_t>(stats.distinct) - 1];
    stats.mean = sum / static_cast<double>(present.size());
    return stats;
}

Column numericColumn(std::string name, std::vector<float> values)
{
    Column column;
    column.name = std::move(name);
    column.type = ColumnType::Numeric;
    column.values = std::move(values);
    return column;
}

// `count` different floats (consecutive bit patterns from 1.0f), each repeated `repeats` times.
std::vector<float> distinctFloats(std::size_t count, std::size_t repeats)
{
    std::vector<float> values;
    values.reserve(count * repeats);
    const std::uint32_t one = std::bit_cast<std::uint32_t>(1.0F);
    for (std::size_t r = 0; r < repeats; ++r)
        for (std::size_t i = 0; i < count; ++i)
            values.push_back(std::bit_cast<float>(one + static_cast<std::uint32_t>(i)));
    return values;
}

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

class TestDescribe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallTablesEqualTheSortedStatistics()
    {
        std::mt19937 random(11);
        std::normal_distribution<float> normal(0.0F, 3.0F);
        std::uniform_int_distribution<int> small(-3, 3);
        std::vector<std::vector<float>> columns;
        std::vector<float> continuous, integers, flags, withZeros, allMissing(5000, NAN), constant(5000, 2.5F);
        for (int i = 0; i < 5000; ++i) {
            continuous.push_back(i % 17 == 0 ? NAN : std::round(normal(random) * 100.0F) / 100.0F);
            integers.push_back(static_cast<float>(small(random)));
            flags.push_back(i % 9 == 0 ? NAN : static_cast<float>(i % 2));
            withZeros.push_back(i % 3 == 0 ? -0.0F : (i % 3 == 1 ? 0.0F : 1.0F)); // -0 and 0 are one value
        }
        columns = {continuous, integers, flags, withZeros, allMissing, constant};
        std::vector<Column> tableColumns;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            tableColumns.push_back(numericColumn("c" + std::to_string(i), columns[i]));
        }
        Column category;
        category.name = "grade";
        category.type = ColumnType::Categorical;
        category.levels = {"A", "B", "C", "unused"};
        for (int i = 0; i < 5000; ++i)
            category.codes.push_back(i % 5 == 4 ? Column::kMissingCode : i % 3);
        tableColumns.push_back(category);
        Table table("small.csv", std::move(tableColumns));
        describeColumns(table, 2);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const ColumnStats expected = sortedReference(columns[i]);
            const ColumnStats &actual = *table.column(i).stats;
            QCOMPARE(actual.missing, expected.missing);
            QCOMPARE(actual.distinct, expected.distinct);
            QVERIFY(!actual.distinctApproximate);
            QVERIFY2(sameNumber(actual.min, expected.min), table.column(i).name.c_str());
            QVERIFY2(sameNumber(actual.max, expected.max), table.column(i).name.c_str());
            QVERIFY2(sameNumber(actual.mean, expected.mean), table.column(i).name.c_str());
        }
        QCOMPARE(table.column(3).stats->distinct, std::int64_t{2});
        const ColumnStats &grade = *table.column(columns.size()).stats;
        QCOMPARE(grade.missing, std::int64_t{1000});
        QCOMPARE(grade.distinct, std::int64_t{3});
        QVERIFY(!grade.distinctApproximate);
    }

    void exactUpToTheCapThenApproximate()
    {
        const std::size_t cap = DistinctCounter::kExactCap;
        Table atCap("cap.csv", {numericColumn("x", distinctFloats(cap, 2))});
        describeColumns(atCap);
        QCOMPARE(atCap.column(0).stats->distinct, static_cast<std::int64_t>(cap));
        QVERIFY(!atCap.column(0).stats->distinctApproximate);

        Table pastCap("past.csv", {numericColumn("x", distinctFloats(cap + 1, 1))});
        describeColumns(pastCap);
        QVERIFY(pastCap.column(0).stats->distinctApproximate);
        QVERIFY(pastCap.column(0).stats->distinct > static_cast<std::int64_t>(cap));
    }

    void keysOfEveryBitPatternAreCounted()
    {
        DistinctCounter counter;
        for (const std::uint32_t key : {0U, 1U, 0xFFFFFFFFU, 0xFFFFFFFEU, 0xFFFFFFFFU, 0U})
            counter.add(key);
        QVERIFY(counter.exact());
        QCOMPARE(counter.count(), std::int64_t{4});
    }

    // 2,000,000 distinct values in a 3,000,000-row column (three parts): the estimate is within
    // three standard errors (3 x 0.81%) of the truth.
    void sketchWithinItsStatedError()
    {
        const std::size_t truth = 2'000'000;
        std::vector<float> values = distinctFloats(truth, 1);
        values.insert(values.end(), values.begin(), values.begin() + 1'000'000);
        std::shuffle(values.begin(), values.end(), std::mt19937(5));
        Table table("large.csv", {numericColumn("x", std::move(values))});
        describeColumns(table, 2);
        const ColumnStats &stats = *table.column(0).stats;
        QVERIFY(stats.distinctApproximate);
        const double relativeError = std::abs(static_cast<double>(stats.distinct) / truth - 1.0);
        QVERIFY2(relativeError < 3 * DistinctCounter::kRelativeStandardError,
                 qPrintable(QStringLiteral("estimate %1 of %2 distinct").arg(stats.distinct).arg(truth)));
        QCOMPARE(stats.missing, std::int64_t{0});
        QCOMPARE(stats.min, static_cast<double>(1.0F));
    }

    // Parts merge in row order: 1, 2 and 4 threads give the same statistics, bit for bit, on a
    // column of several parts, both below and past the exact cap.
    void deterministicForEveryThreadCount()
    {
        std::mt19937 random(3);
        std::uniform_int_distribution<int> level(0, 999);
        std::normal_distribution<float> normal;
        const std::size_t rows = 2 * kDescribeRowsPerPart + 12345;
        std::vector<float> few(rows), many(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            few[i] = i % 50 == 0 ? NAN : static_cast<float>(level(random));
            many[i] = normal(random);
        }
        const ColumnStats fewReference = sortedReference(few);
        std::vector<ColumnStats> results;
        for (const int threads : {1, 2, 4}) {
            Table table("rows.csv", {numericColumn("few", few), numericColumn("many", many)});
            describeColumns(table, threads);
            results.push_back(*table.column(0).stats);
            results.push_back(*table.column(1).stats);
        }
        for (std::size_t r = 2; r < results.size(); ++r) {
            QCOMPARE(results[r].distinct, results[r % 2].distinct);
            QCOMPARE(results[r].distinctApproximate, results[r % 2].distinctApproximate);
            QCOMPARE(results[r].missing, results[r % 2].missing);
            QCOMPARE(results[r].mean, results[r % 2].mean);
            QCOMPARE(results[r].min, results[r % 2].min);
            QCOMPARE(results[r].max, results[r % 2].max);
        }
        QCOMPARE(results[0].distinct, fewReference.distinct);
        QVERIFY(!results[0].distinctApproximate);
        QCOMPARE(results[0].missing, fewReference.missing);
        QVERIFY(std::abs(results[0].mean - fewReference.mean) < 1e-9 * std::abs(fewReference.mean));
        QVERIFY(results[1].distinctApproximate);
    }
};

QTEST_GUILESS_MAIN(TestDescribe)
#include "tst_describe.moc"
