// The model file: a round trip predicts bit for bit the same; damaged files are refused clearly.

#include "ModelFileEditing.h"
#include "TestTables.h"
#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/ConfigJson.h"
#include "io/FileIdentity.h"
#include "io/MetricsJson.h"
#include "io/ModelFile.h"
#include "train/Experiment.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <QDir>
#include <QFile>
#include <QProcess>

#include <cerrno>
#include <functional>
#include <limits>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

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
    void sizesBeyondTheFileAreRefusedWithoutOverflow();
    void refusesContentThatCannotBeAModel();
    void readsVersionOneFiles();
    void sameSeedWritesIdenticalBytes();
    void confusionMatricesAreStoredAsNonZeroCells();
    void readingRefusesFilesThatAreNotRegularOrTooLarge();
    void fullDiskIsNamedAndLeavesNothingBehind();
    void allOrNothingWritesLeaveNoTargetOnFailure();
    void outputsOverInputsAreRefusedByIdentity();
    void configurationValuesOutsideTheirRangesAreRefused();

private:
    // The parts of m_bytes, and the file re-signed with an edited header, weights or version.
    QJsonObject header() const;
    QByteArray weights() const;
    static QByteArray signedFile(const QJsonObject &header, const QByteArray &weights,
                                 int version = kModelFormatVersion);
    // Expects parseModel to refuse `bytes` with a message naming the source and every word.
    static void expectRefusal(const QByteArray &bytes, const char *what, const QStringList &words);

    Table m_table;
    ModelFileContents m_contents;
    QByteArray m_bytes;
};

QJsonObject TestModelFile::header() const
{
    return testing::modelFileParts(m_bytes).header;
}

QByteArray TestModelFile::weights() const
{
    return testing::modelFileParts(m_bytes).weights;
}

QByteArray TestModelFile::signedFile(const QJsonObject &header, const QByteArray &weights, int version)
{
    return testing::signedModelFile(header, weights, version);
}

void TestModelFile::expectRefusal(const QByteArray &bytes, const char *what, const QStringList &words)
{
    try {
        parseModel(bytes, "resigned.cmtl");
        QFAIL(qPrintable(QStringLiteral("accepted: %1").arg(QLatin1String(what))));
    } catch (const DataError &error) {
        const QString message = QString::fromStdString(error.what());
        QVERIFY2(message.contains(QLatin1String("resigned.cmtl")),
                 qPrintable(QLatin1String(what) + QStringLiteral(": ") + message));
        for (const QString &word : words)
            QVERIFY2(message.contains(word),
                     qPrintable(QStringLiteral("%1: no \"%2\" in %3").arg(QLatin1String(what), word, message)));
    }
}

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
    newer.replace(0, 17, "CreditMTL-model " + QByteArray::number(kModelFormatVersion + 1));
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
    const QJsonObject header = this->header();
    const auto resigned = [&](const QJsonObject &edited) { return signedFile(edited, weights()); };
    QVERIFY_THROWS_NO_EXCEPTION(parseModel(resigned(header), "resigned.cmtl"));

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
             QJsonArray cells = task[QLatin1String("confusion_cells")].toArray();
             cells.append(QJsonArray{3, 0, 1}); // class 3 of 3 classes (0, 1, 2)
             task[QLatin1String("confusion_cells")] = cells;
         }),
         "confusion_cells"},
        {"an input count beyond int", editNetwork("inputs", 1e300), "inputs"},
        {"a trunk layer of a billion units", editNetwork("trunk", QJsonArray{1000000000, 6}), "network.trunk"},
    };
    for (const Case &bad : cases) {
        try {
            parseModel(resigned(bad.header), "resigned.cmtl");
            QFAIL(qPrintable(QStringLiteral("accepted: %1").arg(QLatin1String(bad.what))));
        } catch (const DataError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find("resigned.cmtl") != std::string::npos &&
                         message.find(bad.expected) != std::string::npos,
                     (std::string(bad.what) + ": " + message).c_str());
        }
    }
}

void TestModelFile::sizesBeyondTheFileAreRefusedWithoutOverflow()
{
    // The first line's sizes near or beyond 2^63 made the size arithmetic overflow (UBSan: signed
    // integer overflow) and the "unexpected bytes" count meaningless. Each is now refused as
    // claiming more than the file holds, saying what it claims and what the file has.
    const QByteArray rest = m_bytes.sliced(m_bytes.indexOf('\n'));
    for (const QByteArray &sizes : {QByteArray("9223372036854775807 9223372036854775804"),
                                    QByteArray("9223372036854775000 4000"), QByteArray("18446744073709551615 0"),
                                    QByteArray("100 18446744073709551612"), QByteArray("4000 9223372036854775804")}) {
        const QByteArray bytes = "CreditMTL-model 2 " + sizes + rest;
        expectRefusal(bytes, sizes.constData(), {QStringLiteral("truncated"), QStringLiteral("claims")});
    }
    // Sizes too large for 64 bits, negative, or weights not a whole number of floats.
    for (const QByteArray &sizes : {QByteArray("99999999999999999999999 8"), QByteArray("-5 8"), QByteArray("5 -8")})
        expectRefusal("CreditMTL-model 2 " + sizes + rest, sizes.constData(), {QStringLiteral("first line")});
    expectRefusal("CreditMTL-model 2 5 6" + rest, "weights of 6 bytes", {QStringLiteral("4-byte")});
    // Bytes after the checksum: the count and what the first line claims.
    expectRefusal(
        m_bytes + "extra", "five extra bytes",
        {QStringLiteral("5 unexpected bytes"), QString::number(m_bytes.size()), QString::number(m_bytes.size() + 5)});
}

void TestModelFile::refusesContentThatCannotBeAModel()
{
    const QJsonObject original = header();
    const auto editTask = [&](int index, const std::function<void(QJsonObject &)> &edit) {
        QJsonObject edited = original;
        QJsonArray tasks = edited[QLatin1String("tasks")].toArray();
        QJsonObject task = tasks[index].toObject();
        edit(task);
        tasks[index] = task;
        edited[QLatin1String("tasks")] = tasks;
        return signedFile(edited, weights());
    };
    const auto editNumericStep = [&](const char *field, const QJsonValue &value) {
        return signedFile(
            testing::editedHeader(original, QStringLiteral("preprocessing/numeric/0/") + QLatin1String(field), value),
            weights());
    };
    const auto withWeights = [&](const std::function<void(float *, qsizetype)> &edit) {
        QByteArray edited = weights();
        std::vector<float> values(static_cast<std::size_t>(edited.size() / 4));
        std::memcpy(values.data(), edited.constData(), static_cast<std::size_t>(edited.size()));
        edit(values.data(), static_cast<qsizetype>(values.size()));
        std::memcpy(edited.data(), values.data(), static_cast<std::size_t>(edited.size()));
        return signedFile(original, edited);
    };
    const auto withWeightsField = [&](const char *field, const QJsonValue &value) {
        return signedFile(testing::editedHeader(original, QStringLiteral("weights/") + QLatin1String(field), value),
                          weights());
    };
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float infinity = std::numeric_limits<float>::infinity();
    // The re-signed file itself loads (so each refusal below is for its edit alone).
    QVERIFY_THROWS_NO_EXCEPTION(parseModel(signedFile(original, weights()), "resigned.cmtl"));

    expectRefusal(withWeights([&](float *w, qsizetype n) { std::fill(w, w + n, nan); }), "all weights NaN",
                  {QStringLiteral("weight 0"), QStringLiteral("not a finite number")});
    expectRefusal(withWeights([&](float *w, qsizetype n) { w[n - 1] = infinity; }), "one infinite weight",
                  {QStringLiteral("weight %1").arg(weights().size() / 4 - 1), QStringLiteral("not a finite")});
    expectRefusal(withWeightsField("encoding", QStringLiteral("float16-be")), "an unknown weights encoding",
                  {QStringLiteral("weights.encoding"), QStringLiteral("float32-le")});
    expectRefusal(withWeightsField("count", -3), "a negative weight count", {QStringLiteral("weights.count")});
    expectRefusal(editTask(1,
                           [](QJsonObject &task) {
                               task[QLatin1String("classes")] =
                                   QJsonArray{QStringLiteral("A"), QStringLiteral("A"), QStringLiteral("C")};
                           }),
                  "duplicate class names", {QStringLiteral("tasks[1].classes"), QStringLiteral("\"A\" twice")});
    expectRefusal(editTask(0,
                           [](QJsonObject &task) {
                               task[QLatin1String("classes")] =
                                   QJsonArray{QStringLiteral("good"), QStringLiteral("bad"), QStringLiteral("worse")};
                           }),
                  "a binary task with 3 classes", {QStringLiteral("tasks[0].classes"), QStringLiteral("3 classes")});
    expectRefusal(
        editTask(0, [](QJsonObject &task) { task[QLatin1String("positive_class")] = QStringLiteral("terrible"); }),
        "a positive class not among the classes", {QStringLiteral("positive_class"), QStringLiteral("\"terrible\"")});
    expectRefusal(editTask(2, [](QJsonObject &task) { task[QLatin1String("scale")] = 0; }), "a regression scale of 0",
                  {QStringLiteral("tasks[2].scale"), QStringLiteral("is 0")});
    expectRefusal(editNumericStep("scale", 0), "a numeric scale of 0",
                  {QStringLiteral("preprocessing.numeric[0].scale"), QStringLiteral("is 0")});
    expectRefusal(editNumericStep("scale", -2), "a negative numeric scale",
                  {QStringLiteral("preprocessing.numeric[0].scale"), QStringLiteral("is -2")});
    // JSON holds no NaN: a number too large for a float becomes infinite when read.
    expectRefusal(editNumericStep("median", 1e300), "an infinite median",
                  {QStringLiteral("preprocessing.numeric[0].median"), QStringLiteral("not a finite number")});
    expectRefusal(editNumericStep("mean", QJsonValue()), "a null mean", {QStringLiteral("mean")});
    expectRefusal(signedFile(testing::editedHeader(original, QStringLiteral("history/best_epoch"), 99), weights()),
                  "a best epoch never recorded", {QStringLiteral("history.best_epoch"), QStringLiteral("99")});
    {
        // As many inputs as before, one level twice.
        const QJsonArray levels =
            original[QLatin1String("preprocessing")][QLatin1String("one_hot")][0][QLatin1String("levels")].toArray();
        const QJsonObject edited = testing::editedHeader(
            original, QStringLiteral("preprocessing/one_hot/0/levels/%1").arg(levels.size() - 1), levels[0]);
        expectRefusal(signedFile(edited, weights()), "a one-hot level twice",
                      {QStringLiteral("one_hot[0].levels"), QStringLiteral("twice")});
    }
    {
        const QJsonObject edited =
            testing::editedHeader(original, QStringLiteral("config/train/patience"), 4294967295.0);
        expectRefusal(signedFile(edited, weights()), "a patience beyond int",
                      {QStringLiteral("patience"), QStringLiteral("1000000")});
    }
}

void TestModelFile::readsVersionOneFiles()
{
    // A version-1 file (as CreditMTL wrote before this change): each epoch's seconds, dense
    // confusion matrices. Built from this model's header, signed as version 1; it must load with
    // the same metrics and the recorded seconds.
    QJsonObject v1 = header();
    v1[QLatin1String("format_version")] = 1;
    QJsonObject history = v1[QLatin1String("history")].toObject();
    QJsonArray epochs = history[QLatin1String("epochs")].toArray();
    for (qsizetype i = 0; i < epochs.size(); ++i) {
        QJsonObject epoch = epochs[i].toObject();
        epoch[QLatin1String("seconds")] = 0.25 * static_cast<double>(i + 1);
        epochs[i] = epoch;
    }
    history[QLatin1String("epochs")] = epochs;
    v1[QLatin1String("history")] = history;
    QJsonArray metrics;
    for (const EvaluationReport &report : m_contents.reports)
        metrics.append(reportToJson(report, ConfusionLayout::Dense));
    v1[QLatin1String("metrics")] = metrics;
    QVERIFY(QJsonDocument(v1).toJson().contains("\"confusion\""));

    const ModelFileContents loaded = parseModel(signedFile(v1, weights(), 1), "version1.cmtl");
    QCOMPARE(loaded.history.epochs.size(), m_contents.history.epochs.size());
    QCOMPARE(loaded.history.epochs.back().seconds, 0.25 * static_cast<double>(epochs.size()));
    QCOMPARE(loaded.reports.size(), m_contents.reports.size());
    for (std::size_t r = 0; r < loaded.reports.size(); ++r)
        QVERIFY(loaded.reports[r].tasks[1].multiclass->confusion ==
                m_contents.reports[r].tasks[1].multiclass->confusion);
    QVERIFY(loaded.model.parameters() == m_contents.model.parameters());
    // A version-1 history without its seconds is refused as such.
    QJsonObject withoutSeconds = header();
    expectRefusal(signedFile(withoutSeconds, weights(), 1), "a version-1 file without seconds",
                  {QStringLiteral("seconds")});
}

void TestModelFile::sameSeedWritesIdenticalBytes()
{
    // Two trainings with the same seed and settings write the same bytes: no wall-clock timing is
    // stored (the history used to record each epoch's seconds).
    ExperimentConfig config = m_contents.model.config();
    config.train.threads = 2;
    const RoleAssignment roles = defaultRoles(m_table,
                                              {{"default", TaskType::Binary, "bad", 2.0},
                                               {"grade", TaskType::Multiclass, "", 1.0},
                                               {"rate", TaskType::Regression, "", 0.5}},
                                              {});
    const ExperimentResult again = runExperiment(m_table, roles, config);
    QVERIFY(again.history.epochs.front().seconds > 0); // measured while training, shown live
    const QByteArray bytes = serializeModel({again.model, again.reports, again.history, again.warnings});
    QCOMPARE(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(),
             QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex());
    QVERIFY(!m_bytes.contains("\"seconds\""));
    // A loaded model's history has no timing (NaN, "not measured"), not a made-up zero.
    QVERIFY(std::isnan(parseModel(m_bytes, "memory").history.epochs.front().seconds));
}

void TestModelFile::confusionMatricesAreStoredAsNonZeroCells()
{
    // A 2,000-class task's dense confusion matrix is 4 million numbers (the header grew to 317 MB);
    // stored as its non-zero cells it is as large as the evaluated rows at most.
    constexpr Eigen::Index classes = 2000;
    TaskEvaluation task;
    task.task = "id";
    task.type = TaskType::Multiclass;
    task.count = 5000;
    for (Eigen::Index c = 0; c < classes; ++c)
        task.classes.push_back(std::to_string(c));
    MulticlassMetrics metrics;
    metrics.count = task.count;
    metrics.confusion.setZero(classes, classes);
    for (Eigen::Index row = 0; row < task.count; ++row)
        metrics.confusion((row * 7) % classes, (row * 13) % classes) += 1;
    metrics.oneVsRestAuc.assign(static_cast<std::size_t>(classes), 0.5);
    task.multiclass = metrics;
    const EvaluationReport report{"test", "ids.csv", {task}, {}};
    const QByteArray cells = QJsonDocument(reportToJson(report, ConfusionLayout::Cells)).toJson();
    QVERIFY2(cells.size() < 400000, qPrintable(QString::number(cells.size())));
    const EvaluationReport back = reportFromJson(QJsonDocument::fromJson(cells).object(), "ids.cmtl");
    QVERIFY(back.tasks[0].multiclass->confusion == metrics.confusion);
    // The model file of this test stores cells, never the dense form.
    QVERIFY(m_bytes.contains("\"confusion_cells\""));
    QVERIFY(!m_bytes.contains("\"confusion\""));
}

void TestModelFile::readingRefusesFilesThatAreNotRegularOrTooLarge()
{
    QTemporaryDir directory;
    // A FIFO would block an open for reading until a writer came; it is refused at once.
    const QByteArray fifo = QFile::encodeName(directory.filePath(QStringLiteral("model.fifo")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const auto refusal = [](const std::function<void()> &read) {
        try {
            read();
        } catch (const DataError &error) {
            return QString::fromStdString(error.what());
        }
        return QString();
    };
    QString message = refusal([&] { loadModelFile(fifo.toStdString()); });
    QVERIFY2(message.contains(QLatin1String("FIFO")) && message.contains(QLatin1String("model.fifo")),
             qPrintable(message));
    message = refusal([&] { loadRunConfiguration(fifo.toStdString()); });
    QVERIFY2(message.contains(QLatin1String("FIFO")) && message.contains(QLatin1String("configuration file")),
             qPrintable(message));
    // /dev/zero never ends: refused as a device, nothing read.
    message = refusal([] { loadModelFile("/dev/zero"); });
    QVERIFY2(message.contains(QLatin1String("character device")), qPrintable(message));
    message = refusal([&] { loadModelFile(directory.path().toStdString()); });
    QVERIFY2(message.contains(QLatin1String("directory")), qPrintable(message));
    // A regular file larger than the limit is refused by its size, before it is read.
    const QString large = directory.filePath(QStringLiteral("large.json"));
    QFile file(large);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(17 << 20));
    file.close();
    message = refusal([&] { loadRunConfiguration(large.toStdString()); });
    QVERIFY2(message.contains(QString::number(17 << 20)) && message.contains(QString::number(16 << 20)),
             qPrintable(message));
    message = refusal([&] { readWholeFile(large.toStdString(), 1000, "model file"); });
    QVERIFY2(message.contains(QLatin1String("at most 1000 bytes")), qPrintable(message));
}

void TestModelFile::fullDiskIsNamedAndLeavesNothingBehind()
{
    // The message of a write that ran out of space names the device and the path (it was
    // "cannot write: Unknown error"); checked first with the failure simulated...
    const std::string simulated = writeFailureMessage("/tmp/model.cmtl", ENOSPC);
    QVERIFY2(simulated.find("no space left on") != std::string::npos &&
                 simulated.find("/tmp/model.cmtl") != std::string::npos &&
                 simulated.find("mounted at /") != std::string::npos,
             simulated.c_str());
    QVERIFY(writeFailureMessage("/tmp/x", EACCES).find(std::strerror(EACCES)) != std::string::npos);

    // ...then on a real 64 KiB file system.
    QTemporaryDir directory;
    const QByteArray mountPoint = QFile::encodeName(directory.path());
    if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs here (%1): the simulated failure above is "
                                        "all this run checks")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const std::string target = directory.filePath(QStringLiteral("model.cmtl")).toStdString();
    QString message;
    try {
        writeFileAtomically(target, QByteArray(200 * 1024, 'x'));
    } catch (const DataError &error) {
        message = QString::fromStdString(error.what());
    }
    const QStringList left = QDir(directory.path()).entryList(QDir::Files | QDir::Hidden);
    ::umount(mountPoint.constData());
    QVERIFY2(message.contains(QLatin1String("no space left on device tmpfs")) &&
                 message.contains(QLatin1String(mountPoint)) && message.contains(QString::fromStdString(target)),
             qPrintable(message));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' ')))); // no partial file, no temporary
}

void TestModelFile::allOrNothingWritesLeaveNoTargetOnFailure()
{
    // The second file cannot be written (its folder does not exist): the first, though written to
    // its temporary, is not put in place, and the message says neither was written.
    QTemporaryDir directory;
    const std::string model = directory.filePath(QStringLiteral("model.cmtl")).toStdString();
    const std::string metrics = directory.filePath(QStringLiteral("missing/metrics.json")).toStdString();
    try {
        writeFilesAtomically({{model, "model"}, {metrics, "{}"}});
        QFAIL("a write into a missing folder succeeded");
    } catch (const DataError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find("none of " + model + ", " + metrics + " was written") != std::string::npos,
                 message.c_str());
    }
    QVERIFY(QDir(directory.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // Both written when both can be; an existing file is replaced and keeps its permissions.
    const std::string other = directory.filePath(QStringLiteral("metrics.json")).toStdString();
    writeFilesAtomically({{model, "one"}, {other, "two"}});
    QCOMPARE(::chmod(model.c_str(), 0640), 0);
    writeFilesAtomically({{model, "three"}});
    QFile written(QString::fromStdString(model));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), QByteArray("three"));
    struct stat status {};
    QCOMPARE(::stat(model.c_str(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0640u);
}

void TestModelFile::outputsOverInputsAreRefusedByIdentity()
{
    QTemporaryDir directory;
    const QString data = directory.filePath(QStringLiteral("data.csv"));
    QFile file(data);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("a,b\n1,2\n") > 0);
    file.close();
    QVERIFY(QFile::link(data, directory.filePath(QStringLiteral("link.csv"))));
    QCOMPARE(::link(QFile::encodeName(data).constData(),
                    QFile::encodeName(directory.filePath(QStringLiteral("hard.csv"))).constData()),
             0);
    QVERIFY(QDir(directory.path()).mkdir(QStringLiteral("sub")));
    const std::vector<NamedPath> inputs{{"--data", data.toStdString()}, {"--config", ""}};
    const auto refused = [&](const std::string &output) {
        try {
            refuseOutputsOverInputs(inputs, {{"--out", output}});
        } catch (const DataError &error) {
            return QString::fromStdString(error.what());
        }
        return QString();
    };
    const std::string root = directory.path().toStdString();
    for (const std::string &sameFile :
         {root + "/data.csv", root + "/link.csv", root + "/hard.csv", root + "/sub/../data.csv", root + "//data.csv"}) {
        const QString message = refused(sameFile);
        QVERIFY2(message.contains(QLatin1String("same file as the input --data")) &&
                     message.contains(QString::fromStdString(sameFile)),
                 qPrintable(QString::fromStdString(sameFile) + QStringLiteral(": ") + message));
    }
    QVERIFY(refused(root + "/model.cmtl").isEmpty());
    QVERIFY(refused(root + "/sub").isEmpty()); // another existing file: not refused here
    // Two outputs naming one new file (different spellings) are refused too.
    try {
        refuseOutputsOverInputs(inputs, {{"--out", root + "/m.cmtl"}, {"--metrics-json", root + "/sub/../m.cmtl"}});
        QFAIL("two outputs into one file were accepted");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find("are the same file") != std::string::npos, error.what());
    }
}

void TestModelFile::configurationValuesOutsideTheirRangesAreRefused()
{
    // A saved configuration is checked against the ranges the command line enforces: a value
    // the options refuse cannot come in through --config.
    RunConfiguration run;
    run.tasks = {{"default", TaskType::Binary, "bad", 1.0}};
    const QJsonObject saved = QJsonDocument::fromJson(serializeRunConfiguration(run)).object();
    QVERIFY_THROWS_NO_EXCEPTION(parseRunConfiguration(serializeRunConfiguration(run), "run.json"));
    struct Case {
        const char *section, *field;
        QJsonValue value;
        const char *expected;
    };
    const Case cases[] = {
        {"train", "patience", 4294967295.0, "train.patience should be a whole number from 0 to 1000000"},
        {"train", "epochs", 0, "train.epochs"},
        {"train", "learning_rate", -1, "train.learning_rate should be a finite number from 1e-07 to 10"},
        {"train", "learning_rate", QJsonValue(), "train.learning_rate should be a number"},
        {"train", "dropout", 1e308, "train.dropout"},
        {"train", "hidden_layers", QJsonArray{60000.5}, "train.hidden_layers"},
        {"train", "hidden_layers", QJsonArray{-1}, "train.hidden_layers"},
        {"preprocess", "max_levels", 2147483648.0, "preprocess.max_levels"},
        {"split", "validation_fraction", 5, "split.validation_fraction"},
    };
    for (const Case &bad : cases) {
        QJsonObject edited = saved;
        QJsonObject config = edited[QLatin1String("config")].toObject();
        QJsonObject section = config[QLatin1String(bad.section)].toObject();
        section[QLatin1String(bad.field)] = bad.value;
        config[QLatin1String(bad.section)] = section;
        edited[QLatin1String("config")] = config;
        try {
            parseRunConfiguration(QJsonDocument(edited).toJson(), "run.json");
            QFAIL(qPrintable(
                QStringLiteral("accepted %1 = %2")
                    .arg(QLatin1String(bad.field), QString::fromUtf8(QJsonDocument(QJsonArray{bad.value}).toJson()))));
        } catch (const DataError &error) {
            const std::string message = error.what();
            QVERIFY2(message.find("run.json") != std::string::npos && message.find(bad.expected) != std::string::npos,
                     message.c_str());
        }
    }
}

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
