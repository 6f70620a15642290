// Bad-input catalogue: damaged and impossible model files through `predict` and `evaluate`,
// options out of range, configurations, comparisons without test rows, outputs over inputs and a
// full disk, each through the command line with the exit code and the words of the message.

#include "../core/ModelFileEditing.h"
#include "Catalogue.h"
#include "train/Checkpoint.h"

#include <QJsonArray>

#include <cerrno>
#include <cstring>
#include <functional>
#include <limits>

#include <sys/mount.h>

using namespace cmtl::catalogue;
using cmtl::testing::editedHeader;
using cmtl::testing::modelFileParts;
using cmtl::testing::signedModelFile;

namespace {

QString sample()
{
    return QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");
}

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list << QString::fromUtf8(word);
    return list;
}

} // namespace

class CatalogueModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void damagedModelFiles_data();
    void damagedModelFiles();
    void modelsThatAreNotFiles();
    void oversizedModelFile();
    void impossibleContentBehindAValidChecksum_data();
    void impossibleContentBehindAValidChecksum();
    void optionsOutOfRange_data();
    void optionsOutOfRange();
    void networkAndClassLimits();
    void compareWithoutTestRows();
    void configurationFiles();
    void outputsOverInputs();
    void outputsThatAreNotFiles();
    void damagedCheckpoints();
    void fullDisk();

private:
    // Runs predict and evaluate on `model` and checks both refuse it with `words` (the file's name
    // always among them).
    void expectModelRefused(const QString &model, const QStringList &words);

    Scratch m_scratch;
    QString m_model;
    QByteArray m_bytes;
};

void CatalogueModel::initTestCase()
{
    m_model = m_scratch.path(QStringLiteral("good.cmtl"));
    const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                              args({"--task", "Class:binary:bad", "--task", "grade:multiclass", "--task",
                                    "int_rate:regression", "--epochs", "2", "--hidden", "16,8", "--out"}) +
                              QStringList{m_model});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_bytes = m_scratch.read(QStringLiteral("good.cmtl"));
    QVERIFY(m_bytes.startsWith("CreditMTL-model 2 "));
}

void CatalogueModel::expectModelRefused(const QString &model, const QStringList &words)
{
    for (const char *command : {"predict", "evaluate"}) {
        QStringList arguments{QString::fromLatin1(command), QStringLiteral("--model"), model, QStringLiteral("--data"),
                              sample()};
        if (QLatin1String(command) == QLatin1String("predict"))
            arguments << QStringLiteral("--out") << m_scratch.path(QStringLiteral("never.csv"));
        CMTL_EXPECT_REFUSAL(runCli(arguments, 30000), 1, QStringList{QFileInfo(model).fileName()} + words);
        QVERIFY(!QFile::exists(m_scratch.path(QStringLiteral("never.csv"))));
    }
}

void CatalogueModel::damagedModelFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("words");
    const qsizetype size = m_bytes.size();
    const qsizetype firstLineEnd = m_bytes.indexOf('\n');
    const auto parts = modelFileParts(m_bytes);
    const qsizetype headerEnd = firstLineEnd + 1 + QJsonDocument(parts.header).toJson().size();
    // Truncated at every tenth: the empty file, then a cut first line or a short file.
    QTest::newRow("empty file") << QByteArray() << QStringList{QStringLiteral("not a CreditMTL model file")};
    for (int tenth = 1; tenth <= 9; ++tenth) {
        QTest::addRow("truncated at %d/10", tenth)
            << m_bytes.first(size * tenth / 10) << QStringList{QStringLiteral("truncated"), QStringLiteral("claims")};
    }
    QTest::newRow("last byte cut") << m_bytes.first(size - 1) << QStringList{QStringLiteral("truncated")};
    QTest::newRow("bytes after the checksum")
        << m_bytes + "trailing" << QStringList{QStringLiteral("8 unexpected bytes"), QString::number(size + 8)};
    // Flipped bytes: in the header (JSON), in the weights, in the checksum.
    QByteArray header = m_bytes;
    header[firstLineEnd + 40] = static_cast<char>(header[firstLineEnd + 40] ^ 0x20);
    QTest::newRow("flipped byte in the header") << header << QStringList{QStringLiteral("checksum does not match")};
    QByteArray weights = m_bytes;
    weights[headerEnd + 17] = static_cast<char>(weights[headerEnd + 17] ^ 0x40);
    QTest::newRow("flipped byte in the weights") << weights << QStringList{QStringLiteral("checksum does not match")};
    QByteArray checksum = m_bytes;
    checksum[size - 3] = checksum[size - 3] == 'a' ? 'b' : 'a';
    QTest::newRow("flipped byte in the checksum") << checksum << QStringList{QStringLiteral("checksum")};
    // The first line: huge, negative, unparsable or unknown sizes and versions.
    const QByteArray rest = m_bytes.sliced(firstLineEnd);
    QTest::newRow("huge header size") << "CreditMTL-model 2 9223372036854775807 8" + rest
                                      << QStringList{QStringLiteral("truncated"),
                                                     QStringLiteral("9223372036854775807 header bytes")};
    QTest::newRow("huge weight size") << "CreditMTL-model 2 100 18446744073709551612" + rest
                                      << QStringList{QStringLiteral("18446744073709551612 weight bytes")};
    QTest::newRow("sizes beyond 64 bits")
        << "CreditMTL-model 2 99999999999999999999999 8" + rest << QStringList{QStringLiteral("first line")};
    QTest::newRow("negative size") << "CreditMTL-model 2 -100 8" + rest << QStringList{QStringLiteral("first line")};
    QTest::newRow("weights not whole floats")
        << "CreditMTL-model 2 100 7" + rest << QStringList{QStringLiteral("4-byte")};
    QTest::newRow("newer format version")
        << "CreditMTL-model 3 " + m_bytes.sliced(18) << QStringList{QStringLiteral("newer CreditMTL")};
    QTest::newRow("format version 0") << "CreditMTL-model 0 " + m_bytes.sliced(18)
                                      << QStringList{QStringLiteral("version 0 does not exist")};
    QTest::newRow("no first line") << QByteArray("CreditMTL-model") << QStringList{QStringLiteral("not a CreditMTL")};
    QTest::newRow("text file") << QByteArray("funded_amnt,term\n1000,36\n")
                               << QStringList{QStringLiteral("not a CreditMTL model file")};
    QTest::newRow("binary garbage") << QByteArray(4096, '\xff') << QStringList{QStringLiteral("not a CreditMTL")};
}

void CatalogueModel::damagedModelFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, words);
    expectModelRefused(m_scratch.write(QStringLiteral("damaged.cmtl"), bytes), words);
}

void CatalogueModel::modelsThatAreNotFiles()
{
    // A FIFO blocked forever (opened before it was checked); /dev/zero grew memory without bound.
    expectModelRefused(m_scratch.fifo(QStringLiteral("model.fifo")), {QStringLiteral("FIFO")});
    expectModelRefused(QStringLiteral("/dev/zero"), {QStringLiteral("character device")});
    expectModelRefused(m_scratch.path(QStringLiteral("missing.cmtl")), {QStringLiteral("cannot open")});
}

void CatalogueModel::oversizedModelFile()
{
    // A sparse 2 GB file: refused by its size before a byte is read.
    const QString path = m_scratch.path(QStringLiteral("huge.cmtl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(qint64{2} << 30));
    file.close();
    expectModelRefused(path, {QString::number(qint64{2} << 30), QStringLiteral("a model file is at most")});
}

void CatalogueModel::impossibleContentBehindAValidChecksum_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("words");
    const auto parts = modelFileParts(m_bytes);
    const auto editTask = [&](int index, const std::function<void(QJsonObject &)> &edit) {
        QJsonObject header = parts.header;
        QJsonArray tasks = header[QLatin1String("tasks")].toArray();
        QJsonObject task = tasks[index].toObject();
        edit(task);
        tasks[index] = task;
        header[QLatin1String("tasks")] = tasks;
        return signedModelFile(header, parts.weights, 2);
    };
    QByteArray nanWeights = parts.weights;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (qsizetype at = 0; at < nanWeights.size(); at += 4)
        std::memcpy(nanWeights.data() + at, &nan, 4);
    QTest::newRow("all weights NaN") << signedModelFile(parts.header, nanWeights, 2)
                                     << QStringList{QStringLiteral("weight 0"), QStringLiteral("not a finite number")};
    QTest::newRow("duplicate class names") << editTask(1, [](QJsonObject &task) {
        QJsonArray classes = task[QLatin1String("classes")].toArray();
        classes[1] = classes[0];
        task[QLatin1String("classes")] = classes;
    }) << QStringList{QStringLiteral("tasks[1].classes"), QStringLiteral("twice")};
    QTest::newRow("binary task with 3 classes") << editTask(0, [](QJsonObject &task) {
        task[QLatin1String("classes")] =
            QJsonArray{QStringLiteral("good"), QStringLiteral("bad"), QStringLiteral("ugly")};
    }) << QStringList{QStringLiteral("3 classes"), QStringLiteral("exactly 2")};
    QTest::newRow("positive class not among the classes")
        << editTask(0, [](QJsonObject &task) { task[QLatin1String("positive_class")] = QStringLiteral("late"); })
        << QStringList{QStringLiteral("positive_class"), QStringLiteral("\"late\"")};
    QTest::newRow("regression scale 0") << editTask(2, [](QJsonObject &task) { task[QLatin1String("scale")] = 0; })
                                        << QStringList{QStringLiteral("tasks[2].scale"), QStringLiteral("is 0")};
    const auto edited = [&](const char *path, const QJsonValue &value) {
        return signedModelFile(editedHeader(parts.header, QString::fromLatin1(path), value), parts.weights, 2);
    };
    QTest::newRow("numeric scale 0") << edited("preprocessing/numeric/0/scale", 0)
                                     << QStringList{QStringLiteral("preprocessing.numeric[0].scale")};
    QTest::newRow("unknown weights encoding")
        << edited("weights/encoding", QStringLiteral("bfloat16")) << QStringList{QStringLiteral("weights.encoding")};
    QTest::newRow("negative count") << edited("metrics/0/tasks/Class/count", -12)
                                    << QStringList{QStringLiteral("count"), QStringLiteral(">= 0")};
    QTest::newRow("network beyond the parameter limit")
        << edited("network/trunk", QJsonArray{60000, 60000}) << QStringList{QStringLiteral("250000000")};
}

void CatalogueModel::impossibleContentBehindAValidChecksum()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, words);
    expectModelRefused(m_scratch.write(QStringLiteral("resigned.cmtl"), bytes), words);
}

void CatalogueModel::optionsOutOfRange_data()
{
    QTest::addColumn<QStringList>("option");
    QTest::addColumn<QString>("expected");
    for (const char *name : {"--gradnorm-alpha", "--gradnorm-lr", "--dwa-temperature", "--validation-fraction",
                             "--train-fraction", "--lr", "--dropout", "--l2"}) {
        for (const char *value : {"nan", "inf", "-inf"})
            QTest::addRow("%s %s", name, value) << args({name, value}) << QStringLiteral("expects a finite number");
    }
    for (const char *named : {"--lambda", "--focal"}) {
        QTest::addRow("%s Class=nan", named) << args({named, "Class=nan"}) << QStringLiteral("finite number");
        QTest::addRow("%s Class=inf", named) << args({named, "Class=inf"}) << QStringLiteral("finite number");
    }
    QTest::newRow("--class-weights nan") << args({"--class-weights", "Class:bad=nan"})
                                         << QStringLiteral("finite number");
    QTest::newRow("--patience 4294967295") << args({"--patience", "4294967295"}) << QStringLiteral("from 0 to 1000000");
    QTest::newRow("--max-levels 2147483648")
        << args({"--max-levels", "2147483648"}) << QStringLiteral("from 1 to 1000000");
    QTest::newRow("--epochs 4294967297") << args({"--epochs", "4294967297"}) << QStringLiteral("whole number");
    QTest::newRow("--batch 1e3") << args({"--batch", "1e3"}) << QStringLiteral("whole number");
    QTest::newRow("--experts 2000") << args({"--experts", "2000"}) << QStringLiteral("from 1 to 1024");
    QTest::newRow("--threads -1") << args({"--threads", "-1"}) << QStringLiteral("from 0 to 4096");
    QTest::newRow("--seed -1") << args({"--seed", "-1"}) << QStringLiteral("18446744073709551615");
    QTest::newRow("--seed 2^64") << args({"--seed", "18446744073709551616"}) << QStringLiteral("whole numbers");
    QTest::newRow("--hidden 0") << args({"--hidden", "0"}) << QStringLiteral("layer sizes from 1");
    QTest::newRow("--hidden 2^32+16") << args({"--hidden", "4294967312"}) << QStringLiteral("4294967312");
    QTest::newRow("--head-hidden -3") << args({"--head-hidden", "-3"}) << QStringLiteral("from 0");
}

void CatalogueModel::optionsOutOfRange()
{
    QFETCH(QStringList, option);
    QFETCH(QString, expected);
    const QString model = m_scratch.path(QStringLiteral("options.cmtl"));
    const CliRun run =
        runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                           QStringLiteral("Class:binary:bad"), QStringLiteral("--out"), model} +
               option);
    CMTL_EXPECT_REFUSAL(run, 2, QStringList{option[0], option[1], expected});
    QVERIFY(!run.out.contains(QStringLiteral("Training on")));
    QVERIFY(!QFile::exists(model));
}

void CatalogueModel::networkAndClassLimits()
{
    const QString model = m_scratch.path(QStringLiteral("limits.cmtl"));
    CMTL_EXPECT_REFUSAL(
        runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
               args({"--task", "Class:binary:bad", "--hidden", "60000,60000", "--out"}) + QStringList{model}),
        2, QStringList{QStringLiteral("3600"), QStringLiteral("250000000"), QStringLiteral("--hidden")});
    CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                               args({"--task", "Class:binary:bad", "--arch", "mmoe", "--experts", "1024", "--hidden",
                                     "5000,100", "--out"}) +
                               QStringList{model}),
                        2, QStringList{QStringLiteral("250000000")});
    // 10,000 distinct values in a multiclass task: refused before training, naming the column.
    QByteArray ids = "x,account_id\n";
    for (int row = 0; row < 20000; ++row)
        ids += QByteArray::number(row % 97) + ",acct" + QByteArray::number(row % 10000) + '\n';
    const QString data = m_scratch.write(QStringLiteral("ids.csv"), ids);
    const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), data} +
                              args({"--task", "account_id:multiclass", "--out"}) + QStringList{model});
    CMTL_EXPECT_REFUSAL(run, 1,
                        QStringList{QStringLiteral("ids.csv"), QStringLiteral("\"account_id\""),
                                    QStringLiteral("at most 1000 classes"), QStringLiteral("ID")});
    QVERIFY(!run.out.contains(QStringLiteral("epoch 1")));
    QVERIFY(!QFile::exists(model));
}

void CatalogueModel::compareWithoutTestRows()
{
    // Both crashed with SIGSEGV (a null test report).
    QFile source(sample());
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray header = source.readLine();
    QByteArray bad, good;
    while (!source.atEnd() && (bad.count('\n') < 2 || good.count('\n') < 2)) {
        const QByteArray line = source.readLine();
        QByteArray &kind = line.contains("\"bad\"") ? bad : good;
        if (kind.count('\n') < 2)
            kind += line;
    }
    const QString four = m_scratch.write(QStringLiteral("four.csv"), header + bad + good);
    const QString two = m_scratch.write(QStringLiteral("two.csv"),
                                        header + bad.first(bad.indexOf('\n') + 1) + good.first(good.indexOf('\n') + 1));
    CliRun run = runCli(QStringList{QStringLiteral("compare"), QStringLiteral("--data"), four} +
                        args({"--task", "Class:binary:bad", "--folds", "10"}));
    CMTL_EXPECT_REFUSAL(run, 1, QStringList{QStringLiteral("four.csv has 4 rows"), QStringLiteral("--folds 4")});
    QVERIFY(!run.out.contains(QStringLiteral("trained")));
    run = runCli(QStringList{QStringLiteral("compare"), QStringLiteral("--data"), two} +
                 args({"--task", "Class:binary:bad", "--seeds", "1,2"}));
    CMTL_EXPECT_REFUSAL(run, 1, QStringList{QStringLiteral("two.csv has 2 rows"), QStringLiteral("seed 1")});
    for (const char *folds : {"100000", "4294967298", "1"})
        CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("compare"), QStringLiteral("--data"), sample()} +
                                   args({"--task", "Class:binary:bad", "--folds", folds})),
                            2, QStringList{QStringLiteral("--folds"), QString::fromLatin1(folds)});
    CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("compare"), QStringLiteral("--data"), sample()} +
                               args({"--task", "Class:binary:bad", "--seeds", "1,-2"})),
                        2, QStringList{QStringLiteral("--seeds"), QStringLiteral("-2")});
}

void CatalogueModel::configurationFiles()
{
    const QString model = m_scratch.path(QStringLiteral("config.cmtl"));
    const auto train = [&](const QString &config) {
        return runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample(),
                                  QStringLiteral("--config"), config, QStringLiteral("--out"), model},
                      30000);
    };
    CMTL_EXPECT_REFUSAL(train(m_scratch.fifo(QStringLiteral("config.fifo"))), 1,
                        QStringList{QStringLiteral("config.fifo"), QStringLiteral("FIFO")});
    CMTL_EXPECT_REFUSAL(train(QStringLiteral("/dev/zero")), 1, QStringList{QStringLiteral("character device")});
    CMTL_EXPECT_REFUSAL(train(m_model), 1, QStringList{QStringLiteral("good.cmtl"), QStringLiteral("configuration")});
    // A saved configuration, then edited to values the options refuse.
    const QString saved = m_scratch.path(QStringLiteral("saved.json"));
    const CliRun save = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                               args({"--task", "Class:binary:bad", "--epochs", "1", "--save-config"}) +
                               QStringList{saved, QStringLiteral("--out"), model});
    QVERIFY2(save.exitCode == 0, qPrintable(save.err));
    const QJsonObject original = QJsonDocument::fromJson(m_scratch.read(QStringLiteral("saved.json"))).object();
    const auto edited = [&](const char *section, const char *field, const QJsonValue &value) {
        QJsonObject root = original;
        QJsonObject config = root[QLatin1String("config")].toObject();
        QJsonObject part = config[QLatin1String(section)].toObject();
        part[QLatin1String(field)] = value;
        config[QLatin1String(section)] = part;
        root[QLatin1String("config")] = config;
        return m_scratch.write(QStringLiteral("edited.json"), QJsonDocument(root).toJson());
    };
    QFile::remove(model);
    CMTL_EXPECT_REFUSAL(train(edited("train", "patience", 4294967295.0)), 1,
                        QStringList{QStringLiteral("edited.json"), QStringLiteral("train.patience")});
    CMTL_EXPECT_REFUSAL(train(edited("train", "learning_rate", 1e300)), 1,
                        QStringList{QStringLiteral("train.learning_rate"), QStringLiteral("finite number")});
    CMTL_EXPECT_REFUSAL(train(edited("train", "hidden_layers", QJsonArray{60000, 60000})), 2,
                        QStringList{QStringLiteral("250000000")});
    CMTL_EXPECT_REFUSAL(train(edited("split", "validation_fraction", QJsonValue())), 1,
                        QStringList{QStringLiteral("split.validation_fraction")});
    QVERIFY(!QFile::exists(model));
}

void CatalogueModel::outputsOverInputs()
{
    const QString data = m_scratch.path(QStringLiteral("inputs.csv"));
    QVERIFY(QFile::copy(sample(), data));
    const QByteArray before = m_scratch.read(QStringLiteral("inputs.csv"));
    QVERIFY(QFile::link(data, m_scratch.path(QStringLiteral("alias.csv"))));
    const QString alias = m_scratch.path(QStringLiteral("alias.csv"));
    const QString config = m_scratch.path(QStringLiteral("run.json"));
    m_scratch.write(QStringLiteral("run.json"), "{}");
    const QString model = m_scratch.path(QStringLiteral("outputs.cmtl"));
    const QStringList train =
        QStringList{QStringLiteral("train"), QStringLiteral("--data"), data} + args({"--task", "Class:binary:bad"});
    struct Case {
        QStringList arguments;
        QString expected;
    };
    const QList<Case> cases{
        {train + QStringList{QStringLiteral("--out"), alias}, QStringLiteral("--out")},
        {train + QStringList{QStringLiteral("--out"), model, QStringLiteral("--save-config"), data},
         QStringLiteral("--save-config")},
        {train + QStringList{QStringLiteral("--out"), model, QStringLiteral("--metrics-json"),
                             QFileInfo(data).absolutePath() + QStringLiteral("/./inputs.csv")},
         QStringLiteral("--metrics-json")},
        {train + QStringList{QStringLiteral("--test"), sample(), QStringLiteral("--out"), sample()},
         QStringLiteral("--test")},
        {train + QStringList{QStringLiteral("--config"), config, QStringLiteral("--out"), model,
                             QStringLiteral("--save-config"), config},
         QStringLiteral("--config")},
        {train + QStringList{QStringLiteral("--out"), model, QStringLiteral("--metrics-json"), model},
         QStringLiteral("are the same file")},
        {QStringList{QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data,
                     QStringLiteral("--out"), data},
         QStringLiteral("--data")},
        {QStringList{QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data,
                     QStringLiteral("--out"), m_model},
         QStringLiteral("--model")},
        {QStringList{QStringLiteral("evaluate"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data,
                     QStringLiteral("--metrics-json"), alias},
         QStringLiteral("--metrics-json")},
        {QStringList{QStringLiteral("compare"), QStringLiteral("--data"), data, QStringLiteral("--task"),
                     QStringLiteral("Class:binary:bad"), QStringLiteral("--save-config"), alias},
         QStringLiteral("--save-config")},
    };
    const QByteArray modelBytes = m_scratch.read(QStringLiteral("good.cmtl"));
    for (const Case &bad : cases) {
        CMTL_EXPECT_REFUSAL(runCli(bad.arguments), 2, QStringList{QStringLiteral("same file"), bad.expected});
        QCOMPARE(m_scratch.read(QStringLiteral("inputs.csv")), before);
        QCOMPARE(m_scratch.read(QStringLiteral("run.json")), QByteArray("{}"));
        QCOMPARE(m_scratch.read(QStringLiteral("good.cmtl")), modelBytes);
    }
    QVERIFY(!QFile::exists(model));
}

void CatalogueModel::outputsThatAreNotFiles()
{
    // Writing replaces the file by a rename: over a FIFO or a device that would replace the special
    // file itself. Each is refused, nothing blocks, the FIFO stays a FIFO.
    const QString fifo = m_scratch.fifo(QStringLiteral("out.fifo"));
    const QString directory = m_scratch.path(QStringLiteral("folder"));
    QVERIFY(QDir().mkpath(directory));
    const QList<QPair<QString, QString>> outputs{{fifo, QStringLiteral("FIFO")},
                                                 {QStringLiteral("/dev/null"), QStringLiteral("character device")},
                                                 {directory, QStringLiteral("directory")}};
    for (const auto &[output, kind] : outputs) {
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                                    QStringLiteral("--data"), sample(), QStringLiteral("--out"), output},
                                   30000),
                            1, QStringList{output, kind, QStringLiteral("not a regular file")});
    }
    QFileInfo info(fifo);
    QVERIFY(info.exists() && !info.isFile());
}

void CatalogueModel::fullDisk()
{
    const QString full = m_scratch.path(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(full));
    const QByteArray mountPoint = QFile::encodeName(full);
    if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs (%1); tst_modelfile checks the message with a "
                                        "simulated failure")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const CliRun train =
        runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
               args({"--task", "Class:binary:bad", "--task", "grade:multiclass", "--epochs", "1", "--out"}) +
               QStringList{full + QStringLiteral("/model.cmtl"), QStringLiteral("--metrics-json"),
                           full + QStringLiteral("/metrics.json"), QStringLiteral("--save-config"),
                           full + QStringLiteral("/run.json")});
    const CliRun predict =
        runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), sample(),
                QStringLiteral("--out"), full + QStringLiteral("/predictions.csv")});
    const QStringList left = QDir(full).entryList(QDir::Files | QDir::Hidden);
    ::umount(mountPoint.constData());
    CMTL_EXPECT_REFUSAL(train, 1,
                        QStringList{QStringLiteral("no space left on device tmpfs"), full, QStringLiteral("none of")});
    QVERIFY(!train.out.contains(QStringLiteral("Model written")));
    CMTL_EXPECT_REFUSAL(
        predict, 1, QStringList{QStringLiteral("no space left on device tmpfs"), QStringLiteral("predictions.csv")});
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
}

void CatalogueModel::damagedCheckpoints()
{
    // train --resume with a checkpoint that is damaged, of another format or version, or of another
    // run: refused naming the file and what is wrong, before any epoch is trained.
    const QString model = m_scratch.path(QStringLiteral("resumed.cmtl"));
    const auto resume = [&](const QString &checkpoint) {
        return runCli(
            QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                args({"--task", "Class:binary:bad", "--epochs", "2", "--hidden", "16,8", "--resume", "--checkpoint"}) +
                QStringList{checkpoint, QStringLiteral("--out"), model},
            30000);
    };
    cmtl::TrainingCheckpoint other;
    other.fingerprint = {{"config.train.epochs", "99"}};
    const QByteArray bytes = cmtl::serializeCheckpoint(other);
    CMTL_EXPECT_REFUSAL(resume(m_scratch.write(QStringLiteral("truncated.checkpoint"), bytes.left(bytes.size() / 2))),
                        1, QStringList{QStringLiteral("truncated.checkpoint"), QStringLiteral("checkpoint file")});
    CMTL_EXPECT_REFUSAL(resume(m_scratch.write(QStringLiteral("model.checkpoint"), m_bytes)), 1,
                        QStringList{QStringLiteral("model.checkpoint"), QStringLiteral("CreditMTL-checkpoint")});
    QByteArray newer = bytes;
    newer.replace(0, 22, "CreditMTL-checkpoint 7");
    CMTL_EXPECT_REFUSAL(resume(m_scratch.write(QStringLiteral("newer.checkpoint"), newer)), 1,
                        QStringList{QStringLiteral("newer.checkpoint"), QStringLiteral("version 7")});
    const CliRun otherRun = resume(m_scratch.write(QStringLiteral("other.checkpoint"), bytes));
    CMTL_EXPECT_REFUSAL(otherRun, 1,
                        QStringList{QStringLiteral("other.checkpoint"),
                                    QStringLiteral("config.train.epochs is 99 in the checkpoint and 2 now")});
    // A refused checkpoint is never announced as the one the run resumes from.
    QVERIFY2(!otherRun.out.contains(QStringLiteral("Resuming")), qPrintable(otherRun.out));
    QVERIFY(!QFile::exists(model));
    // The checkpoint is an output: never the data file; --checkpoint alone does nothing.
    CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                               args({"--task", "Class:binary:bad", "--checkpoint-every", "1", "--checkpoint"}) +
                               QStringList{sample(), QStringLiteral("--out"), model}),
                        2, QStringList{QStringLiteral("--data"), QStringLiteral("the checkpoint")});
    CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                               args({"--task", "Class:binary:bad", "--checkpoint", "x.checkpoint", "--out"}) +
                               QStringList{model}),
                        2, QStringList{QStringLiteral("--checkpoint-every")});
    CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample()} +
                               args({"--task", "Class:binary:bad", "--checkpoint-every", "0", "--out"}) +
                               QStringList{model}),
                        2, QStringList{QStringLiteral("--checkpoint-every expects a whole number from 1")});
}

QTEST_GUILESS_MAIN(CatalogueModel)
#include "tst_catalogue_model.moc"
