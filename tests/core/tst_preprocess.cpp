// Preprocessing and task encoding: fitted on training rows only, applied the same to any table.

#include "TestTables.h"
#include "common/Error.h"
#include "preprocess/NumericSummary.h"
#include "preprocess/Preprocessor.h"
#include "tasks/TaskSpec.h"

#include <QTest>

#include <algorithm>
#include <limits>

using namespace cmtl;
using testing::categoricalColumn;
using testing::numericColumn;

namespace {
const float NaN = std::nanf("");

std::vector<std::size_t> allRows(std::size_t count)
{
    std::vector<std::size_t> rows(count);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return rows;
}
} // namespace

class TestPreprocess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numericImputesTheMedianAndStandardises();
    void fitsOnTrainingRowsOnly();
    void missingIndicator();
    void oneHotPoolsRareLevelsAndHandlesUnseenOnes();
    void oneHotBlocksAreIndexLists();
    void numericStatisticsAddUpAcrossParts();
    void dropsConstantAndEmptyColumnsWithAWarning();
    void refusesATextColumnWhereNumbersWereTrained();
    void binaryTargetsFromTextOrNumbers();
    void multiclassAndRegressionTargets();
    void clipsScoredNumbersToTheTrainingRange();
    void directMedianEqualsRadixSelection();
    void refusesAnInfiniteTrainingValue();
    void binaryColumnWithAThirdValueIsRefused();
    void binaryClassAbsentFromTheTrainingRowsIsRefused();
    void labelsOutsideTheClassesAreCountedNotMisread();
    void numericZeroOneColumnAsBinaryWithPositiveOne();
    void textInARegressionTaskNamesTheCell();
    void headerOnlyFileIsRefusedAsSuch();
};

void TestPreprocess::numericImputesTheMedianAndStandardises()
{
    const Table table("t.csv", {numericColumn("income", {1, 2, NaN, 4, 10})});
    const Preprocessor preprocessor = fitPreprocessor(table, {"income"}, allRows(5));
    const NumericStep &step = preprocessor.numeric.at(0);
    QCOMPARE(step.median, 2.0f); // lower middle of {1, 2, 4, 10}
    QCOMPARE(step.mean, 4.25f);
    const double variance = (1 + 4 + 16 + 100) / 4.0 - 4.25 * 4.25;
    QVERIFY(std::abs(step.scale - std::sqrt(variance)) < 1e-6);
    const Eigen::MatrixXf inputs = preprocessor.transform(table, 1).toDense();
    QCOMPARE(inputs.rows(), Eigen::Index(1));
    QVERIFY(std::abs(inputs(0, 2) - (2.0f - 4.25f) / step.scale) < 1e-6f); // the missing cell
    QVERIFY(std::abs(inputs(0, 4) - (10.0f - 4.25f) / step.scale) < 1e-6f);
}

void TestPreprocess::fitsOnTrainingRowsOnly()
{
    const Table table("t.csv", {numericColumn("x", {1, 2, 3, 1000, 2000})});
    const Preprocessor preprocessor = fitPreprocessor(table, {"x"}, {0, 1, 2});
    QCOMPARE(preprocessor.numeric[0].mean, 2.0f);
    QCOMPARE(preprocessor.numeric[0].median, 2.0f);
}

void TestPreprocess::missingIndicator()
{
    const Table table("t.csv", {numericColumn("x", {1, NaN, 3, 4}), numericColumn("y", {1, 2, 3, 5})});
    PreprocessOptions options;
    options.missingIndicators = true;
    const Preprocessor preprocessor = fitPreprocessor(table, {"x", "y"}, allRows(4), options);
    QCOMPARE(preprocessor.inputNames(), (std::vector<std::string>{"x", "x=missing", "y"}));
    const Eigen::MatrixXf inputs = preprocessor.transform(table, 1).toDense();
    QCOMPARE(inputs(1, 1), 1.0f);
    QCOMPARE(inputs(1, 0), 0.0f);
}

void TestPreprocess::oneHotPoolsRareLevelsAndHandlesUnseenOnes()
{
    std::vector<std::string> cells;
    for (int i = 0; i < 30; ++i)
        cells.push_back("CA");
    for (int i = 0; i < 20; ++i)
        cells.push_back("NY");
    for (int i = 0; i < 12; ++i)
        cells.push_back("TX");
    cells.push_back("WY"); // rare
    cells.push_back("");   // missing, rare
    const Table train("train.csv", {categoricalColumn("state", cells)});
    PreprocessOptions options;
    options.maxLevels = 2;
    options.minLevelCount = 10;
    const Preprocessor preprocessor = fitPreprocessor(train, {"state"}, allRows(cells.size()), options);
    QCOMPARE(preprocessor.inputNames(), (std::vector<std::string>{"state=CA", "state=NY", "state=(other)"}));
    QCOMPARE(preprocessor.warnings.size(), std::size_t(1));

    // Scoring: a level never seen in training and a pooled one both go to (other).
    const Table later("later.csv", {categoricalColumn("state", {"NY", "FL", "TX", "CA", ""})});
    const Eigen::MatrixXf inputs = preprocessor.transform(later, 1).toDense();
    Eigen::MatrixXf expected(3, 5);
    expected << 0, 0, 0, 1, 0, //
        1, 0, 0, 0, 0,         //
        0, 1, 1, 0, 1;
    QCOMPARE(inputs, expected);
}

void TestPreprocess::dropsConstantAndEmptyColumnsWithAWarning()
{
    const Table table("t.csv", {numericColumn("constant", {5, 5, 5}), numericColumn("empty", {NaN, NaN, NaN}),
                                categoricalColumn("single", {"a", "a", "a"}), numericColumn("useful", {1, 2, 3})});
    const Preprocessor preprocessor = fitPreprocessor(table, {"constant", "empty", "single", "useful"}, allRows(3));
    QCOMPARE(preprocessor.inputNames(), (std::vector<std::string>{"useful"}));
    QCOMPARE(preprocessor.warnings.size(), std::size_t(3));
    QVERIFY(preprocessor.warnings[0].find("constant") != std::string::npos);
    const Table nothingUseful("t.csv", {numericColumn("constant", {5, 5, 5})});
    QVERIFY_THROWS_EXCEPTION(ConfigError, fitPreprocessor(nothingUseful, {"constant"}, allRows(3)));
}

void TestPreprocess::refusesATextColumnWhereNumbersWereTrained()
{
    const Table train("train.csv", {numericColumn("income", {1, 2, 3})});
    const Preprocessor preprocessor = fitPreprocessor(train, {"income"}, allRows(3));
    const Table later("later.csv", {categoricalColumn("income", {"high", "low", "x"})});
    try {
        preprocessor.transform(later, 1);
        QFAIL("text accepted for a numeric feature");
    } catch (const DataError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find("later.csv") != std::string::npos && message.find("income") != std::string::npos &&
                     message.find("\"high\" on data row 1") != std::string::npos,
                 message.c_str());
    }
    const Table missingColumn("other.csv", {numericColumn("salary", {1, 2, 3})});
    QVERIFY_THROWS_EXCEPTION(ConfigError, preprocessor.transform(missingColumn, 1));
}

void TestPreprocess::oneHotBlocksAreIndexLists()
{
    std::vector<std::string> states, terms;
    std::vector<float> amounts;
    for (int i = 0; i < 40; ++i) {
        states.push_back(i % 2 == 0 ? "CA" : "NY");
        terms.push_back(i % 4 == 0 ? "60" : "36");
        amounts.push_back(static_cast<float>(i));
    }
    const Table table("t.csv", {categoricalColumn("state", states), numericColumn("amount", amounts),
                                categoricalColumn("term", terms)});
    PreprocessOptions options;
    options.minLevelCount = 5;
    const Preprocessor preprocessor = fitPreprocessor(table, {"state", "amount", "term"}, allRows(40), options);
    QCOMPARE(preprocessor.inputNames(),
             (std::vector<std::string>{"amount", "state=CA", "state=NY", "term=36", "term=60"}));
    const InputMatrix inputs = preprocessor.transform(table, 1);
    // One dense input, two blocks; each row names its hot input in each block.
    QCOMPARE(inputs.width(), Eigen::Index(5));
    QCOMPARE(inputs.dense().rows(), Eigen::Index(1));
    QCOMPARE(inputs.blockCount(), Eigen::Index(2));
    QCOMPARE(inputs.hot()(0, 0), 1); // CA
    QCOMPARE(inputs.hot()(0, 1), 2); // NY
    QCOMPARE(inputs.hot()(1, 0), 4); // 60
    QCOMPARE(inputs.hot()(1, 1), 3); // 36
    // Gathered columns keep both parts, in the order asked.
    const std::vector<std::size_t> rows{3, 0};
    const InputMatrix gathered = inputs.gather(rows);
    QCOMPARE(gathered.cols(), Eigen::Index(2));
    QCOMPARE(gathered.dense()(0, 0), inputs.dense()(0, 3));
    QCOMPARE(gathered.hot()(0, 1), 1);
    QCOMPARE(gathered.hot()(1, 1), 4);
    const Eigen::MatrixXf dense = gathered.toDense();
    Eigen::MatrixXf expected(5, 2);
    expected << inputs.dense()(0, 3), inputs.dense()(0, 0), //
        0, 1,                                               //
        1, 0,                                               //
        1, 0,                                               //
        0, 1;
    QCOMPARE(dense, expected);
}

void TestPreprocess::numericStatisticsAddUpAcrossParts()
{
    // Values with negatives, ties, both zeros and missing cells; an even count of observed values.
    std::vector<float> values;
    std::uint64_t state = 12345;
    for (int i = 0; i < 5001; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const int draw = static_cast<int>((state >> 33) % 2001) - 1000;
        values.push_back(draw % 97 == 0 ? NaN : static_cast<float>(draw) * 0.37f);
    }
    values.push_back(0.0f);
    values.push_back(-0.0f);
    std::vector<float> observed;
    for (const float value : values) {
        if (!std::isnan(value))
            observed.push_back(value);
    }
    QCOMPARE(observed.size() % 2, std::size_t{0});
    std::vector<float> sorted = observed;
    std::sort(sorted.begin(), sorted.end());
    const float lowerMiddle = sorted[(sorted.size() - 1) / 2];

    // Three parts of the rows, summarised apart and added, give the statistics of the whole.
    const std::vector<std::size_t> rows = allRows(values.size());
    const std::span<const std::size_t> all(rows);
    const std::span<const std::size_t> parts[] = {all.first(1000), all.subspan(1000, 2500), all.subspan(3500)};
    NumericSummary merged;
    for (const auto &part : parts)
        merged.add(NumericSummary::of(values.data(), part));
    const NumericSummary whole = NumericSummary::of(values.data(), all);
    QCOMPARE(merged.count, std::uint64_t(observed.size()));
    QCOMPARE(merged.highKeyCounts, whole.highKeyCounts);
    QCOMPARE(merged.lowest, sorted.front());
    QCOMPARE(merged.highest, sorted.back());
    double sum = 0, squares = 0;
    for (const float value : observed) {
        sum += value;
        squares += double(value) * value;
    }
    const double mean = sum / double(observed.size());
    QVERIFY(std::abs(merged.mean() - mean) < 1e-9);
    QVERIFY(std::abs(merged.standardDeviation() - std::sqrt(squares / double(observed.size()) - mean * mean)) < 1e-9);

    const MedianBucket bucket = medianBucket(merged);
    std::vector<std::uint64_t> lowCounts(NumericSummary::kBuckets, 0);
    for (const auto &part : parts) {
        const std::vector<std::uint64_t> partCounts = lowKeyCounts(values.data(), part, bucket.highKey);
        for (std::size_t i = 0; i < lowCounts.size(); ++i)
            lowCounts[i] += partCounts[i];
    }
    QCOMPARE(selectMedian(bucket, lowCounts), lowerMiddle);
    // The fitted step uses the same statistics.
    const Table table("t.csv", {numericColumn("x", values)});
    QCOMPARE(fitPreprocessor(table, {"x"}, rows).numeric.at(0).median, lowerMiddle);
    // All negative, and a single value.
    const std::vector<float> negative = {-3.0f, -1.0f, -2.0f};
    const std::vector<std::size_t> three = allRows(3);
    const NumericSummary negativeSummary = NumericSummary::of(negative.data(), three);
    const MedianBucket negativeBucket = medianBucket(negativeSummary);
    QCOMPARE(selectMedian(negativeBucket, lowKeyCounts(negative.data(), three, negativeBucket.highKey)), -2.0f);
    const std::vector<std::size_t> first = {0};
    const MedianBucket single = medianBucket(NumericSummary::of(negative.data(), first));
    QCOMPARE(selectMedian(single, lowKeyCounts(negative.data(), first, single.highKey)), -3.0f);
}

void TestPreprocess::binaryTargetsFromTextOrNumbers()
{
    const Table table(
        "t.csv", {categoricalColumn("Class", {"good", "bad", "", "good"}), numericColumn("default", {0, 1, 1, NaN})});
    const TargetEncoding text = fitTargetEncoding(table, {"Class", TaskType::Binary, "bad", 1}, allRows(4));
    QCOMPARE(text.classes, (std::vector<std::string>{"good", "bad"}));
    const std::vector<float> encoded = encodeTargets(table, text);
    QCOMPARE(encoded[0], 0.0f);
    QCOMPARE(encoded[1], 1.0f);
    QVERIFY(std::isnan(encoded[2]));
    const TargetEncoding number = fitTargetEncoding(table, {"default", TaskType::Binary, "1", 1}, allRows(4));
    const std::vector<float> flags = encodeTargets(table, number);
    QCOMPARE(flags[0], 0.0f);
    QCOMPARE(flags[2], 1.0f);
    QVERIFY(std::isnan(flags[3]));
    // Numbers compare by value: "1.0" names the same class as "1".
    const TargetEncoding decimal = fitTargetEncoding(table, {"default", TaskType::Binary, "1.0", 1}, allRows(4));
    const std::vector<float> decimalFlags = encodeTargets(table, decimal);
    QCOMPARE(decimalFlags[0], 0.0f);
    QCOMPARE(decimalFlags[1], 1.0f);
    QCOMPARE(decimalFlags[2], 1.0f);
}

void TestPreprocess::multiclassAndRegressionTargets()
{
    const Table table("t.csv", {categoricalColumn("grade", {"C", "A", "B", "A", "D"}),
                                numericColumn("rate", {10, 12, NaN, 14, 100})});
    // Classes come from the training rows, sorted; a class seen only outside them is missing.
    const TargetEncoding grade = fitTargetEncoding(table, {"grade", TaskType::Multiclass, "", 1}, {0, 1, 2, 3});
    QCOMPARE(grade.classes, (std::vector<std::string>{"A", "B", "C"}));
    const std::vector<float> classes = encodeTargets(table, grade);
    QCOMPARE(classes[0], 2.0f);
    QCOMPARE(classes[2], 1.0f);
    QVERIFY(std::isnan(classes[4]));
    // Classes held as numbers: each row finds the class its number names.
    const Table stars("s.csv", {numericColumn("stars", {3, 1, 2, 1, NaN, 5, 3})});
    const TargetEncoding starClasses =
        fitTargetEncoding(stars, {"stars", TaskType::Multiclass, "", 1}, {0, 1, 2, 3, 4});
    QCOMPARE(starClasses.classes, (std::vector<std::string>{"1", "2", "3"}));
    const std::vector<float> starTargets = encodeTargets(stars, starClasses);
    QCOMPARE(starTargets[0], 2.0f);
    QCOMPARE(starTargets[1], 0.0f);
    QCOMPARE(starTargets[2], 1.0f);
    QCOMPARE(starTargets[6], 2.0f);
    QVERIFY(std::isnan(starTargets[4]));
    QVERIFY(std::isnan(starTargets[5])); // 5 is not among the training rows' classes

    const TargetEncoding rate = fitTargetEncoding(table, {"rate", TaskType::Regression, "", 1}, {0, 1, 2, 3});
    QCOMPARE(rate.mean, 12.0);
    QVERIFY(std::abs(rate.scale - std::sqrt(8.0 / 3.0)) < 1e-12);
    const std::vector<float> rates = encodeTargets(table, rate);
    QVERIFY(std::abs(rates[3] - 2.0 / std::sqrt(8.0 / 3.0)) < 1e-6);
}

void TestPreprocess::clipsScoredNumbersToTheTrainingRange()
{
    // Training reaches 250; a scored 31,405 (4,000 standard deviations out) is read as 250.
    const Table train("train.csv", {numericColumn("delinq_amnt", {0, 0, 10, 250, NaN, 40})});
    const Preprocessor preprocessor = fitPreprocessor(train, {"delinq_amnt"}, allRows(6));
    const NumericStep &step = preprocessor.numeric.at(0);
    QCOMPARE(step.lowest, 0.0f);
    QCOMPARE(step.highest, 250.0f);
    // Training rows are within range by construction: nothing clipped, nothing noted.
    TransformNotes trainingNotes;
    preprocessor.transform(train, 1, &trainingNotes);
    QVERIFY(trainingNotes.clipped.empty());
    QVERIFY(trainingNotes.messages().empty());

    const Table scored("new.csv", {numericColumn("delinq_amnt", {5, 31405, NaN, -3, 99999})});
    TransformNotes notes;
    const Eigen::MatrixXf inputs = preprocessor.transform(scored, 1, &notes).toDense();
    const auto standardised = [&](float value) { return (value - step.mean) / step.scale; };
    QCOMPARE(inputs(0, 0), standardised(5));
    QCOMPARE(inputs(0, 1), standardised(250));
    QCOMPARE(inputs(0, 2), standardised(step.median)); // missing: imputed, not clipped
    QCOMPARE(inputs(0, 3), standardised(0));
    QCOMPARE(inputs(0, 4), standardised(250));
    QCOMPARE(notes.clipped.size(), std::size_t{1});
    QCOMPARE(notes.clipped[0].cells, std::int64_t{3});
    QCOMPARE(notes.clipped[0].firstRow, std::size_t{1});
    QCOMPARE(notes.clipped[0].firstValue, 31405.0f);
    QCOMPARE(notes.messages().at(0), std::string("clipped 3 cells of column delinq_amnt to the training range [0, 250] "
                                                 "(the first on data row 2, value 31405)"));
    // The same counts whatever the number of threads and blocks (4,100 rows: three blocks).
    std::vector<float> many(4100, 7.0f);
    many[2100] = 1e6f;
    many[4099] = -1.0f;
    TransformNotes threaded;
    preprocessor.transform(Table("many.csv", {numericColumn("delinq_amnt", many)}), 4, &threaded);
    QCOMPARE(threaded.clipped.at(0).cells, std::int64_t{2});
    QCOMPARE(threaded.clipped.at(0).firstRow, std::size_t{2100});

    // A wide file clipping in many columns: ten named, the rest in one sentence.
    TransformNotes wide;
    for (int column = 0; column < 25; ++column)
        wide.clipped.push_back({"c" + std::to_string(column), 0, 1, 2, 0, 5, "line 2"});
    const std::vector<std::string> wideMessages = wide.messages();
    QCOMPARE(wideMessages.size(), std::size_t{11});
    QCOMPARE(wideMessages.back(), std::string("clipped 30 cells of 15 more columns to their training ranges"));

    // A model saved before the ranges were stored clips nothing and says so.
    Preprocessor older = preprocessor;
    older.numeric[0].lowest = -std::numeric_limits<float>::infinity();
    older.numeric[0].highest = std::numeric_limits<float>::infinity();
    older.hasTrainingRanges = false;
    TransformNotes olderNotes;
    QCOMPARE(older.transform(scored, 1, &olderNotes).toDense()(0, 1), standardised(31405));
    QVERIFY(olderNotes.clipped.empty());
    QVERIFY(olderNotes.rangesUnknown);
    QVERIFY(olderNotes.messages().at(0).find("not clipped") != std::string::npos);
}

void TestPreprocess::directMedianEqualsRadixSelection()
{
    // Below 65,536 rows the median is selected from the values; above, by the radix histograms.
    // Both give the lower middle observed value.
    SplitMix64 random(11);
    std::vector<float> values(5001);
    for (float &value : values)
        value = random.below(5) == 0 ? NaN : static_cast<float>(random.uniform() * 2000 - 1000);
    const std::vector<std::size_t> rows = allRows(values.size());
    const MedianBucket bucket = medianBucket(NumericSummary::of(values.data(), rows));
    const float radix = selectMedian(bucket, lowKeyCounts(values.data(), rows, bucket.highKey));
    QCOMPARE(directMedian(values.data(), rows), radix);
    std::vector<float> observed;
    for (const float value : values) {
        if (!std::isnan(value))
            observed.push_back(value);
    }
    std::sort(observed.begin(), observed.end());
    QCOMPARE(radix, observed[(observed.size() - 1) / 2]);
    const Table table("t.csv", {numericColumn("x", values)});
    QCOMPARE(fitPreprocessor(table, {"x"}, rows).numeric.at(0).median, radix);
    // A summary made without key counts keeps the moments and the range.
    const NumericSummary light = NumericSummary::of(values.data(), rows, false);
    QVERIFY(light.highKeyCounts.empty());
    QCOMPARE(light.count, static_cast<std::uint64_t>(observed.size()));
    QCOMPARE(light.lowest, observed.front());
    QCOMPARE(light.highest, observed.back());
}

void TestPreprocess::refusesAnInfiniteTrainingValue()
{
    const float infinity = std::numeric_limits<float>::infinity();
    const Table table("big.csv", {numericColumn("amount", {1, 2, infinity, 4})});
    try {
        fitPreprocessor(table, {"amount"}, allRows(4));
        QFAIL("an infinite training value was accepted");
    } catch (const DataError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find("big.csv") != std::string::npos && message.find("\"amount\"") != std::string::npos &&
                     message.find("data row 3") != std::string::npos && message.find("inf") != std::string::npos,
                 message.c_str());
    }
}

namespace {
// The message of what `call` throws, or "" when it throws nothing.
template <typename Call> std::string messageOf(Call &&call)
{
    try {
        call();
    } catch (const std::exception &error) {
        return error.what();
    }
    return {};
}

bool containsAll(const std::string &text, std::initializer_list<const char *> words)
{
    return std::all_of(words.begin(), words.end(),
                       [&](const char *word) { return text.find(word) != std::string::npos; });
}
} // namespace

void TestPreprocess::binaryColumnWithAThirdValueIsRefused()
{
    const Table table("loans.csv", {numericColumn("x", {1, 2, 3, 4, 5, 6}),
                                    categoricalColumn("Class", {"good", "bad", "good", "unknown", "", "good"})});
    RoleAssignment roles = defaultRoles(table, {{"Class", TaskType::Binary, "bad", 1}}, {});
    // Counting "unknown" as good would change the model in silence: refused, every value counted,
    // the first unexpected one located.
    const std::string message = messageOf([&] { validateRoles(table, roles); });
    QVERIFY2(containsAll(message, {"loans.csv", "column \"Class\"", "3 values", "\"good\" (3 rows)", "\"bad\" (1 row)",
                                   "\"unknown\" (1 row)", "data row 4", "Class:multiclass"}),
             message.c_str());
    QVERIFY_THROWS_EXCEPTION(ConfigError, fitTargetEncoding(table, roles.tasks[0], allRows(6)));
    // A numeric column with a third number is refused the same way.
    const Table flags("flags.csv", {numericColumn("x", {1, 2, 3, 4}), numericColumn("default", {0, 1, 2, 0})});
    const std::string numeric = messageOf([&] {
        validateRoles(flags, defaultRoles(flags, {{"default", TaskType::Binary, "1", 1}}, {}));
    });
    QVERIFY2(containsAll(numeric, {"flags.csv", "\"2\" (1 row)", "data row 3"}), numeric.c_str());
    // A continuous column named as a binary task: 40 values (past the short list of tallyLabels),
    // each counted twice, the first five shown.
    std::vector<float> amounts;
    for (int i = 0; i < 80; ++i)
        amounts.push_back(static_cast<float>(i % 40));
    const std::vector<LabelTally> tallies = tallyLabels(numericColumn("amount", amounts));
    QCOMPARE(tallies.size(), std::size_t{40});
    QVERIFY(std::all_of(tallies.begin(), tallies.end(), [](const LabelTally &tally) { return tally.rows == 2; }));
    QCOMPARE(tallies[39].value, std::string("39"));
    QCOMPARE(tallies[39].firstRow, std::size_t{39});
    QCOMPARE(describeTallies(tallies), std::string("\"0\" (2 rows), \"1\" (2 rows), \"2\" (2 rows), \"3\" (2 rows), "
                                                   "\"4\" (2 rows) and 35 more"));
}

void TestPreprocess::binaryClassAbsentFromTheTrainingRowsIsRefused()
{
    const Table table("loans.csv", {categoricalColumn("Class", {"good", "good", "good", "bad", "good"})});
    const TaskSpec task{"Class", TaskType::Binary, "bad", 1};
    // The only "bad" row (3) is outside the training rows.
    const std::string positive = messageOf([&] { fitTargetEncoding(table, task, {0, 1, 2}); });
    QVERIFY2(containsAll(positive, {"loans.csv", "\"Class\"", "positive class \"bad\"", "does not occur",
                                    "3 rows of the training part", "1 row", "--train-fraction"}),
             positive.c_str());
    const std::string negative = messageOf([&] { fitTargetEncoding(table, task, {3}); });
    QVERIFY2(containsAll(negative, {"negative class \"good\"", "1 row of the training part", "4 rows"}),
             negative.c_str());
    QCOMPARE(fitTargetEncoding(table, task, {2, 3}).classes, (std::vector<std::string>{"good", "bad"}));
    // Every row positive: refused before any split.
    const Table allBad("bad.csv", {numericColumn("x", {1, 2}), categoricalColumn("Class", {"bad", "bad"})});
    const std::string onlyPositive = messageOf([&] { validateRoles(allBad, defaultRoles(allBad, {task}, {})); });
    QVERIFY2(containsAll(onlyPositive, {"bad.csv", "every labelled row", "negative class"}), onlyPositive.c_str());
}

void TestPreprocess::labelsOutsideTheClassesAreCountedNotMisread()
{
    // A model's binary task {good, bad} and multiclass task {A, B} meet a file with other values.
    const Table train("train.csv",
                      {categoricalColumn("Class", {"good", "bad"}), categoricalColumn("grade", {"A", "B"})});
    const TargetEncoding binary = fitTargetEncoding(train, {"Class", TaskType::Binary, "bad", 1}, {0, 1});
    const TargetEncoding multiclass = fitTargetEncoding(train, {"grade", TaskType::Multiclass, "", 1}, {0, 1});
    const Table scored("later.csv", {categoricalColumn("Class", {"good", "late", "bad", "late", ""}),
                                     categoricalColumn("grade", {"A", "B", "C", "C", "A"})});
    const std::vector<float> classes = encodeTargets(scored, binary);
    QCOMPARE(classes[0], 0.0f);
    QVERIFY(std::isnan(classes[1])); // was 0: "late" counted as good
    QCOMPARE(classes[2], 1.0f);
    const std::vector<LabelTally> lateRows = unseenLabels(scored, binary);
    QCOMPARE(lateRows.size(), std::size_t{1});
    QCOMPARE(lateRows[0].value, std::string("late"));
    QCOMPARE(lateRows[0].rows, std::int64_t{2});
    QCOMPARE(lateRows[0].firstRow, std::size_t{1});
    const std::vector<LabelTally> gradeC = unseenLabels(scored, multiclass);
    QCOMPARE(gradeC.size(), std::size_t{1});
    QCOMPARE(gradeC[0].value, std::string("C"));
    QCOMPARE(gradeC[0].rows, std::int64_t{2});
    QCOMPARE(gradeC[0].firstRow, std::size_t{2});
    // Restricted to some rows.
    const std::vector<std::size_t> firstTwo = {0, 1};
    QCOMPARE(unseenLabels(scored, multiclass, firstTwo).size(), std::size_t{0});
    QCOMPARE(unseenLabels(scored, binary, firstTwo).at(0).rows, std::int64_t{1});
    // A model saved before the check named its negative class "not bad": for it every other value
    // is negative, as it was trained.
    TargetEncoding older = binary;
    older.classes = {"not bad", "bad"};
    QCOMPARE(encodeTargets(scored, older)[1], 0.0f);
    QVERIFY(unseenLabels(scored, older).empty());
}

void TestPreprocess::numericZeroOneColumnAsBinaryWithPositiveOne()
{
    // COL:binary:1 on a numeric 0/1 column, as training reads it, and as text, as evaluate reads a
    // task column; "1.0" and "0.0" name the same classes by value.
    const Table numbers("t.csv", {numericColumn("x", {1, 2, 3, 4}), numericColumn("default", {0, 1, 0, NaN})});
    const RoleAssignment roles = defaultRoles(numbers, {{"default", TaskType::Binary, "1", 1}}, {});
    QCOMPARE(roles.features, (std::vector<std::string>{"x"}));
    validateRoles(numbers, roles);
    const TargetEncoding encoding = fitTargetEncoding(numbers, roles.tasks[0], allRows(4));
    QCOMPARE(encoding.classes, (std::vector<std::string>{"0", "1"}));
    const std::vector<float> targets = encodeTargets(numbers, encoding);
    QCOMPARE(targets[0], 0.0f);
    QCOMPARE(targets[1], 1.0f);
    QCOMPARE(targets[2], 0.0f);
    QVERIFY(std::isnan(targets[3]));
    const Table text("e.csv", {categoricalColumn("default", {"1", "0", "1.0", "0.0", "2"})});
    const std::vector<float> fromText = encodeTargets(text, encoding);
    QCOMPARE(fromText[0], 1.0f);
    QCOMPARE(fromText[1], 0.0f);
    QCOMPARE(fromText[2], 1.0f);
    QCOMPARE(fromText[3], 0.0f);
    QVERIFY(std::isnan(fromText[4]));
    QCOMPARE(unseenLabels(text, encoding).at(0).value, std::string("2"));
}

void TestPreprocess::textInARegressionTaskNamesTheCell()
{
    const Table table("rates.csv", {numericColumn("x", {1, 2, 3}), categoricalColumn("rate", {"", "12.5%", "13%"})});
    const std::string message = messageOf([&] {
        validateRoles(table, defaultRoles(table, {{"rate", TaskType::Regression, "", 1}}, {}));
    });
    QVERIFY2(containsAll(message, {"rates.csv", "column \"rate\"", "\"12.5%\"", "data row 2", "numbers"}),
             message.c_str());
}

void TestPreprocess::headerOnlyFileIsRefusedAsSuch()
{
    const Table table("empty.csv", {numericColumn("x", {}), categoricalColumn("Class", {})});
    const std::string message = messageOf([&] {
        validateRoles(table, defaultRoles(table, {{"Class", TaskType::Binary, "bad", 1}}, {}));
    });
    QVERIFY2(containsAll(message, {"empty.csv", "no data rows"}), message.c_str());
}

QTEST_APPLESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
