// The model file: a round trip predicts bit for bit the same; damaged files are refused clearly.

#include "TestTables.h"
#include "common/Error.h"
#include "io/ModelFile.h"
#include "train/Experiment.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace cmtl;

class TestModelFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripPredictsBitForBit();
    void roundTripKeepsEverything();
    void savesAtomically();
    void refusesANewerFormatVersion();
    void refusesATruncatedFile();
    void refusesAnEditedFile();
    void refusesOtherFiles();
    void everyTruncationIsRefusedWithoutACrash();
    void refusesImpossibleValuesBehindAValidChecksum();

private:
    Table m_table;
    ModelFileContents m_contents;
    QByteArray m_bytes;
};

void TestModelFile::initTestCase()
{
    m_table = testing::syntheticLoans(1200, 31);
    ExperimentConfig config;
    config.train.hiddenLayers = {12, 6};
    config.train.headHidden = 4;
    config.train.epochs = 3;
    config.train.seed = 3;
    const RoleAssignment roles = defaultRoles(m_table,
                                              {{"default", TaskType::Binary, "bad", 2.0},
                                               {"grade", TaskType::Multiclass, "", 1.0},
                                               {"rate", TaskType::Regression, "", 0.5}},
                                              {});
    ExperimentResult result = runExperiment(m_table, roles, config);
    m_contents = {result.model, result.reports, result.history, result.warnings};
    m_bytes = serializeModel(m_contents);
}

void TestModelFile::roundTripPredictsBitForBit()
{
    const ModelFileContents loaded = parseModel(m_bytes, "memory");
    const std::vector<Eigen::MatrixXf> before = m_contents.model.predict(m_table);
    const std::vector<Eigen::MatrixXf> after = loaded.model.predict(m_table);
    QCOMPARE(after.size(), before.size());
    for (std::size_t t = 0; t < before.size(); ++t) {
        QCOMPARE(after[t].rows(), before[t].rows());
        QVERIFY(std::memcmp(after[t].data(), before[t].data(), sizeof(float) * before[t].size()) == 0);
    }
    QVERIFY(loaded.model.parameters() == m_contents.model.parameters());
    // Scoring is bit for bit the same on one thread and on several.
    const std::vector<Eigen::MatrixXf> oneThread = loaded.model.predict(m_table, 1);
    const std::vector<Eigen::MatrixXf> threeThreads = loaded.model.predict(m_table, 3);
    for (std::size_t t = 0; t < before.size(); ++t)
        QVERIFY(oneThread[t] == threeThreads[t] && oneThread[t] == after[t]);
    // Serialising the loaded model again gives the same bytes.
    QCOMPARE(serializeModel(loaded), m_bytes);
}

void TestModelFile::roundTripKeepsEverything()
{
    const ModelFileContents loaded = parseModel(m_bytes, "memory");
    const MultiTaskModel &model = loaded.model;
    QCOMPARE(model.tasks().size(), std::size_t(3));
    QCOMPARE(model.tasks()[0].spec.positiveClass, std::string("bad"));
    QCOMPARE(model.tasks()[0].spec.lambda, 2.0);
    QCOMPARE(model.tasks()[1].classes, (std::vector<std::string>{"A", "B", "C"}));
    QCOMPARE(model.tasks()[2].mean, m_contents.model.tasks()[2].mean);
    QCOMPARE(model.preprocessor().inputNames(), m_contents.model.preprocessor().inputNames());
    QCOMPARE(model.preprocessor().numeric[0].median, m_contents.model.preprocessor().numeric[0].median);
    QCOMPARE(model.config().train.headHidden, 4);
    QCOMPARE(model.config().train.seed, std::uint64_t(3));
    QCOMPARE(loaded.history.epochs.size(), m_contents.history.epochs.size());
    QCOMPARE(loaded.history.epochs.back().tasks[1].trainMetric, m_contents.history.epochs.back().tasks[1].trainMetric);
    QCOMPARE(loaded.reports.size(), m_contents.reports.size());
    const TaskEvaluation &auc = loaded.reports.back().tasks[0];
    QCOMPARE(auc.binary->auc, m_contents.reports.back().tasks[0].binary->auc);
}

void TestModelFile::savesAtomically()
{
    QTemporaryDir directory;
    const std::string path = directory.filePath(QStringLiteral("model.cmtl")).toStdString();
    saveModelFile(path, m_contents);
    QCOMPARE(loadModelFile(path).model.parameters(), m_contents.model.parameters());
    // A failed save (into a missing folder) reports the path and leaves nothing behind.
    const std::string badPath = directory.filePath(QStringLiteral("missing/model.cmtl")).toStdString();
    try {
        saveModelFile(badPath, m_contents);
        QFAIL("saving into a missing folder succeeded");
    } catch (const DataError &error) {
        QVERIFY(std::string(error.what()).find(badPath) != std::string::npos);
    }
}

void TestModelFile::refusesANewerFormatVersion()
{
    QByteArray newer = m_bytes;
    newer.replace(0, 17, "CreditMTL-model 2");
    try {
        parseModel(newer, "future.cmtl");
        QFAIL("a newer format was accepted");
    } catch (const DataError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find("future.cmtl") != std::string::npos, message.c_str());
        QVERIFY2(message.find("newer CreditMTL") != std::string::npos, message.c_str());
    }
}

void TestModelFile::refusesATruncatedFile()
{
    try {
        parseModel(QByteArrayView(m_bytes).first(m_bytes.size() - 100), "cut.cmtl");
        QFAIL("a truncated file was accepted");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find("truncated") != std::string::npos, error.what());
    }
}

void TestModelFile::refusesAnEditedFile()
{
    QByteArray edited = m_bytes;
    const qsizetype at = edited.indexOf("\"lambda\": 2");
    QVERIFY(at > 0);
    edited[at + 10] = '3';
    try {
        parseModel(edited, "edited.cmtl");
        QFAIL("an edited file was accepted");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find("checksum") != std::string::npos, error.what());
    }
    // A flipped bit in the weights is caught too.
    QByteArray flipped = m_bytes;
    flipped[flipped.size() - 200] = static_cast<char>(flipped[flipped.size() - 200] ^ 0x01);
    QVERIFY_THROWS_EXCEPTION(DataError, parseModel(flipped, "flipped.cmtl"));
}

void TestModelFile::refusesOtherFiles()
{
    QVERIFY_THROWS_EXCEPTION(DataError, parseModel(QByteArrayView(""), "empty.cmtl"));
    QVERIFY_THROWS_EXCEPTION(DataError, parseModel(QByteArrayView("x1,x2\n1,2\n"), "data.csv"));
    QVERIFY_THROWS_EXCEPTION(DataError, parseModel(QByteArrayView("CreditMTL-model 1 -5 8\n"), "bad.cmtl"));
    QVERIFY_THROWS_EXCEPTION(DataError, loadModelFile("/nonexistent/model.cmtl"));
}

void TestModelFile::everyTruncationIsRefusedWithoutACrash()
{
    // Every prefix of a valid file is refused (a reader taking bytes can be fuzzed the same way).
    for (qsizetype size = 0; size < m_bytes.size(); size += 7)
        QVERIFY_THROWS_EXCEPTION(DataError, parseModel(QByteArrayView(m_bytes).first(size), "prefix.cmtl"));
}

void TestModelFile::refusesImpossibleValuesBehindAValidChecksum()
{
    // Files whose checksum is right but whose header asks for the impossible (found by fuzzing
    // the reader past its checksum): each is refused with a message, nothing crashes, nothing
    // huge is allocated.
    const qsizetype firstLineEnd = m_bytes.indexOf('\n');
    const QList<QByteArray> sizes = m_bytes.first(firstLineEnd).split(' ');
    const qsizetype jsonSize = sizes[2].toLongLong(), weightSize = sizes[3].toLongLong();
    const QJsonObject header = QJsonDocument::fromJson(m_bytes.sliced(firstLineEnd + 1, jsonSize)).object();
    const QByteArray weights = m_bytes.sliced(firstLineEnd + 1 + jsonSize, weightSize);
    const auto signedFile = [&](const QJsonObject &edited) {
        const QByteArray json = QJsonDocument(edited).toJson();
        QByteArray file = "CreditMTL-model 1 " + QByteArray::number(json.size()) + ' ' +
                          QByteArray::number(weights.size()) + '\n' + json + weights;
        file += "\nsha256 " + QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex() + "\n";
        return file;
    };
    QVERIFY_THROWS_NO_EXCEPTION(parseModel(signedFile(header), "resigned.cmtl"));

    const auto editReport = [&](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject edited = header;
        QJsonArray metrics = edited[QLatin1String("metrics")].toArray();
        QJsonObject report = metrics[0].toObject();
        QJsonObject tasks = report[QLatin1String("tasks")].toObject();
        QJsonObject grade = tasks[QLatin1String("grade")].toObject();
        edit(grade);
        tasks[QLatin1String("grade")] = grade;
        report[QLatin1String("tasks")] = tasks;
        metrics[0] = report;
        edited[QLatin1String("metrics")] = metrics;
        return edited;
    };
    const auto editNetwork = [&](const char *field, const QJsonValue &value) {
        QJsonObject edited = header;
        QJsonObject network = edited[QLatin1String("network")].toObject();
        network[QLatin1String(field)] = value;
        edited[QLatin1String("network")] = network;
        return edited;
    };
    struct Case {
        const char *what;
        QJsonObject header;
        const char *expected;
    };
    const Case cases[] = {
        {"a count beyond any integer", editReport([](QJsonObject &task) { task[QLatin1String("count")] = 1e300; }),
         "count"},
        {"a negative count", editReport([](QJsonObject &task) { task[QLatin1String("count")] = -3; }), "count"},
        {"a confusion matrix larger than the classes", editReport([](QJsonObject &task) {
             QJsonArray confusion = task[QLatin1String("confusion")].toArray();
             confusion.append(confusion[0]);
             task[QLatin1String("confusion")] = confusion;
         }),
         "confusion"},
        {"an input count beyond int", editNetwork("inputs", 1e300), "inputs"},
        {"a trunk layer of a billion units", editNetwork("trunk", QJsonArray{1000000000, 6}), "hidden layer sizes"},
    };
    for (const Case &bad : cases) {
        try {
            parseModel(signedFile(bad.header), "resigned.cmtl");
            QFAIL(qPrintable(QStringLiteral("accepted: %1").arg(QLatin1String(bad.what))));
        } catch (const DataError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find("resigned.cmtl") != std::string::npos &&
                         message.find(bad.expected) != std::string::npos,
                     (std::string(bad.what) + ": " + message).c_str());
        }
    }
}

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
