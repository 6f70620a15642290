// Training on a file larger than memory (train/OutOfCore.h): the file read in many small parts,
// the row cache, and the model compared with the in-memory path's on a file that fits.

#include "common/Error.h"
#include "csv/CsvReader.h"
#include "nn/Random.h"
#include "train/Experiment.h"
#include "train/OutOfCore.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <thread>

using namespace cmtl;

namespace {

constexpr std::size_t kRows = 4000;

// A seeded loan file: numbers with missing cells and a few far outside the training range (the
// clip notes), a categorical column whose levels appear one after another through the file (the
// dictionary's first-seen order across parts), a column that holds numbers until row 3000 and
// text after (a later part turns it to text: the file is read again), a quoted cell with a line
// break in it (a part cut must not fall inside it), and three tasks.
std::string writeLoans(const QString &directory)
{
    const std::string path = (directory + QStringLiteral("/loans.csv")).toStdString();
    std::ofstream file(path, std::ios::binary);
    file << "x1,x2,x3,region,branch,note,default,grade,rate\n";
    SplitMix64 random(2026);
    const char *regions[] = {"north", "south", "east", "west", "centre"};
    for (std::size_t row = 0; row < kRows; ++row) {
        const double x1 = 2 * random.uniform() - 1, x2 = random.uniform() * 100;
        const auto region = static_cast<std::size_t>(random.below(row < 1000 ? 3 : 5));
        const double risk = 1.5 * x1 - 0.02 * x2 + 0.3 * static_cast<double>(region);
        file << x1 << ',';
        if (row % 13 != 0)
            file << (row == 3555 ? x2 * 1000 : x2);
        file << ',' << (row % 7 == 0 ? std::string() : std::to_string(static_cast<int>(random.below(9)))) << ','
             << regions[region] << ',';
        if (row < 3000)
            file << row % 11;
        else
            file << "b" << row % 11;
        file << ',' << (row == 1717 ? "\"two\nlines, quoted\"" : "plain") << ','
             << (random.uniform() < 1 / (1 + std::exp(-risk)) ? "bad" : "good") << ','
             << "ABC"[std::min<int>(2, static_cast<int>((risk + 2) / 1.5))] << ',' << 5 + 3 * risk + random.uniform()
             << '\n';
    }
    return path;
}

std::vector<TaskSpec> loanTasks()
{
    TaskSpec defaultTask{"default", TaskType::Binary, "bad", 1.0, {}};
    TaskSpec grade{"grade", TaskType::Multiclass, {}, 0.5, {}};
    TaskSpec rate{"rate", TaskType::Regression, {}, 0.5, {}};
    return {defaultTask, grade, rate};
}

ExperimentConfig smallConfig()
{
    ExperimentConfig config;
    config.train.hiddenLayers = {16};
    config.train.epochs = 4;
    config.train.patience = 2;
    config.train.batchSize = 64;
    config.train.threads = 2;
    return config;
}

std::string fileBytes(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

} // namespace

class TestOutOfCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The row cache holds, row for row, the in-memory transform of the whole table, and the model
    // trained from it is the in-memory model bit for bit: the same split, preprocessing, batches
    // in the same seeded order, the same shards and the same sums.
    void modelEqualsInMemory()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const std::string path = writeLoans(directory.path());
        const std::string before = fileBytes(path);
        const QString cacheDirectory = directory.path() + QStringLiteral("/cache");
        QVERIFY(QDir().mkpath(cacheDirectory));
        const ExperimentConfig config = smallConfig();

        const CsvReadResult read = readCsvFile(path);
        const RoleAssignment roles = defaultRoles(read.table, loanTasks(), {});
        const ExperimentResult inMemory = runExperiment(read.table, roles, config);
        const InputMatrix expected = inMemory.model.preprocessor().transform(read.table);

        OutOfCoreOptions outOfCore;
        outOfCore.memoryBudget = std::size_t{64} << 20;
        outOfCore.partBytes = 8 * 1024; // 24 parts of the 190 KB file
        outOfCore.cacheDirectory = cacheDirectory.toStdString();
        OutOfCoreReport report;
        InputMatrix cached;
        const ExperimentResult streamed =
            runExperimentOutOfCore(path, {}, loanTasks(), {}, config, outOfCore, {}, nullptr, &report, &cached);

        QCOMPARE(report.rows, kRows);
        // The batches came from the mapped cache (rowCacheGathersAnyRows checks pread's rows).
        QVERIFY2(report.cacheMapped, std::to_string(report.mappableBytes).c_str());
        QVERIFY2(report.parts >= 20, std::to_string(report.parts).c_str());
        QCOMPARE(report.readings, std::size_t{2}); // "branch" turned to text on a later part
        QCOMPARE(read.table.column("branch").type, ColumnType::Categorical);
        QCOMPARE(cached.cols(), expected.cols());
        QCOMPARE(cached.dense().rows(), expected.dense().rows());
        QCOMPARE(cached.blockCount(), expected.blockCount());
        QVERIFY(cached.dense() == expected.dense());
        QVERIFY(cached.hot() == expected.hot());

        QCOMPARE(streamed.split.train, inMemory.split.train);
        QCOMPARE(streamed.split.test, inMemory.split.test);
        QCOMPARE(streamed.model.preprocessor().inputNames(), inMemory.model.preprocessor().inputNames());
        QCOMPARE(streamed.history.bestEpoch, inMemory.history.bestEpoch);
        QCOMPARE(streamed.history.epochs.size(), inMemory.history.epochs.size());
        QCOMPARE(streamed.model.parameters().size(), inMemory.model.parameters().size());
        QVERIFY(streamed.model.parameters() == inMemory.model.parameters()); // bit for bit
        const EvaluationReport *streamedTest = streamed.report("test");
        const EvaluationReport *inMemoryTest = inMemory.report("test");
        QVERIFY(streamedTest && inMemoryTest);
        QCOMPARE(streamedTest->tasks[0].binary->auc, inMemoryTest->tasks[0].binary->auc);
        QCOMPARE(streamedTest->tasks[2].regression->rmse, inMemoryTest->tasks[2].regression->rmse);
        QCOMPARE(streamed.warnings, inMemory.warnings); // the clipped x2 of row 3555 among them

        // Nothing is left in the cache directory, and the input is as it was.
        QVERIFY(std::filesystem::is_empty(cacheDirectory.toStdString()));
        QCOMPARE(fileBytes(path), before);
    }

    // The row cache gives back any list of rows (unordered, repeated, from several threads at
    // once) equal to the matrix written, both mapped and read with pread; a row past its end, a
    // truncated file and another fingerprint are refused.
    void rowCacheGathersAnyRows()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const RowCache::Layout layout{5, 3, 5 + 3 * 7};
        constexpr Eigen::Index kCached = 3000; // 112 bytes a record: about 82 pages
        InputMatrix written(layout.denseWidth, layout.blocks, layout.width, kCached);
        SplitMix64 random(21);
        for (Eigen::Index row = 0; row < kCached; ++row) {
            for (Eigen::Index i = 0; i < layout.denseWidth; ++i)
                written.dense()(i, row) = static_cast<float>(random.uniform() * 10 - 5);
            for (Eigen::Index block = 0; block < layout.blocks; ++block)
                written.hot()(block, row) = random.below(8) == 0
                                                ? -1
                                                : static_cast<std::int32_t>(layout.denseWidth + 7 * block +
                                                                            static_cast<Eigen::Index>(random.below(7)));
        }
        const std::string path = (directory.path() + QStringLiteral("/rows.cache")).toStdString();
        constexpr std::uint64_t kFingerprint = 0x5eed;
        {
            RowCache::Writer writer(path, layout, kFingerprint);
            std::vector<std::size_t> first(1234), second(kCached - 1234);
            std::iota(first.begin(), first.end(), std::size_t{0});
            std::iota(second.begin(), second.end(), std::size_t{1234});
            writer.append(written.gather(first));
            writer.append(written.gather(second));
            writer.finish();
        }
        std::vector<std::size_t> rows{2999, 0, 17, 17, 1234, 1233, 5, 2999, 0, 640};
        for (std::size_t i = 0; i < 500; ++i)
            rows.push_back(static_cast<std::size_t>(random.below(kCached)));
        const auto sameRows = [&](const InputMatrix &gathered, std::span<const std::size_t> list) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                const auto column = static_cast<Eigen::Index>(i), row = static_cast<Eigen::Index>(list[i]);
                if (gathered.dense().col(column) != written.dense().col(row) ||
                    gathered.hot().col(column) != written.hot().col(row))
                    return false;
            }
            return true;
        };
        for (const std::size_t mappedLimit : {RowCache::kNoMappedLimit, std::size_t{0}}) {
            const RowCache cache(path, layout, kFingerprint, mappedLimit);
            QCOMPARE(cache.mapped(), mappedLimit != 0);
            QCOMPARE(cache.cols(), kCached);
            QVERIFY(sameRows(cache.gather(rows), rows));
            // Two threads at once, each into its own matrix.
            const std::span<const std::size_t> front = std::span(rows).first(260), back = std::span(rows).subspan(260);
            InputMatrix a(layout.denseWidth, layout.blocks, layout.width, static_cast<Eigen::Index>(front.size()));
            InputMatrix b(layout.denseWidth, layout.blocks, layout.width, static_cast<Eigen::Index>(back.size()));
            std::thread other([&] { cache.gatherInto(back, b); });
            cache.gatherInto(front, a);
            other.join();
            QVERIFY(sameRows(a, front) && sameRows(b, back));
            const std::vector<std::size_t> pastTheEnd{1, static_cast<std::size_t>(kCached)};
            QVERIFY_THROWS_EXCEPTION(DataError, cache.gather(pastTheEnd));
        }
        // Another fingerprint, and the file one byte short, are not this cache.
        const auto refused = [&](std::uint64_t fingerprint) {
            try {
                const RowCache cache(path, layout, fingerprint);
                return std::string();
            } catch (const DataError &error) {
                return std::string(error.what());
            }
        };
        QVERIFY(refused(kFingerprint).empty());
        QVERIFY2(refused(kFingerprint + 1).find("not the row cache of this file") != std::string::npos,
                 refused(kFingerprint + 1).c_str());
        std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);
        QVERIFY2(refused(kFingerprint).find("not the row cache of this file") != std::string::npos,
                 refused(kFingerprint).c_str());
    }

    // A budget that cannot hold one batch beside the per-row state is refused, with the figures.
    void refusesBudgetTooSmallForABatch()
    {
        QTemporaryDir directory;
        const std::string path = writeLoans(directory.path());
        ExperimentConfig config = smallConfig();
        config.train.batchSize = 1024;
        config.train.hiddenLayers = {512, 256}; // 12 KB of activations and gradients a row
        OutOfCoreOptions outOfCore;
        outOfCore.memoryBudget = std::size_t{3} << 20;
        outOfCore.partBytes = 64 * 1024;
        outOfCore.cacheDirectory = directory.path().toStdString();
        try {
            runExperimentOutOfCore(path, {}, loanTasks(), {}, config, outOfCore);
            QFAIL("a 3 MB budget was accepted for batches of 1024 rows");
        } catch (const ConfigError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find("memory budget of 3 MB cannot hold one batch of 1024 rows") != std::string::npos,
                     message.c_str());
            QVERIFY2(message.find("give at least ") != std::string::npos, message.c_str());
        }
        // The per-row state alone: 4000 rows in a budget of a few kilobytes.
        outOfCore.memoryBudget = 200 * 1024;
        outOfCore.partBytes = 0;
        try {
            runExperimentOutOfCore(path, {}, loanTasks(), {}, smallConfig(), outOfCore);
            QFAIL("a 200 KB budget was accepted for 4000 rows");
        } catch (const ConfigError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find("for each of the file's 4000 rows") != std::string::npos, message.c_str());
        }
        // The data file is the only thing left in the directory.
        QCOMPARE(std::distance(std::filesystem::directory_iterator(directory.path().toStdString()),
                               std::filesystem::directory_iterator()),
                 std::ptrdiff_t{1});
    }

    // The cache never goes over an input: a cache directory that is a file (the data file itself)
    // is refused before anything is written, and the file is unchanged.
    void neverWritesOverAnInput()
    {
        QTemporaryDir directory;
        const std::string path = writeLoans(directory.path());
        const std::string before = fileBytes(path);
        OutOfCoreOptions outOfCore;
        outOfCore.memoryBudget = std::size_t{64} << 20;
        outOfCore.cacheDirectory = path;
        try {
            runExperimentOutOfCore(path, {}, loanTasks(), {}, smallConfig(), outOfCore);
            QFAIL("the data file was accepted as the cache directory");
        } catch (const ConfigError &error) {
            QVERIFY2(std::string(error.what()).find("is not a directory") != std::string::npos, error.what());
        }
        QCOMPARE(fileBytes(path), before);
    }
};

QTEST_GUILESS_MAIN(TestOutOfCore)
#include "tst_outofcore.moc"
