// End to end: the creditmtl-cli executable on the bundled Lending Club sample.

#include "ProgramRun.h"
#include "csv/CsvReader.h"
#include "metrics/BinaryMetrics.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>

using namespace cmtl;

namespace {

using Run = testing::ProgramRun;

Run runCli(const QStringList &arguments)
{
    return testing::runCli(arguments, 300000);
}

QString sample()
{
    return QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

// A file of the sample's header and the first `perClass` "bad" and "good" rows.
QString smallSample(const QString &path, int perClass)
{
    QFile in(sample());
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QByteArray out = in.readLine();
    int bad = 0, good = 0;
    while (!in.atEnd() && (bad < perClass || good < perClass)) {
        const QByteArray line = in.readLine();
        int &count = line.contains("\"bad\"") ? bad : good;
        if (count++ < perClass)
            out += line;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size())
        return {};
    return path;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inspectListsTheColumns();
    void trainWithoutTaskIsRefused();
    void trainWritesModelAndMetrics();
    void evaluateMatchesPredictions();
    void predictWritesOneRowPerInputRow();
    void predictKeepsIdColumnsFirst();
    void modelScoresWithTheValuesTreatedAsMissing();
    void badInputNamesFileLineAndColumn();
    void damagedModelIsRefused();
    void optionsRefuseNaNInfinityAndOverflow();
    void compareRefusesFoldsWithoutTestRows();
    void outputsOverInputsAreRefused();
    void configurationIsSavedOnlyAfterASuccessfulRun();
    void sameSeedWritesIdenticalModelFiles();
    void memoryBudgetWritesTheInMemoryModel();
    void fullDiskWritesNothingAndSaysSo();
    void runningOutOfMemoryIsExplained();
    void wideAndDeepIsSavedAndScoredAsTrained();
    void seedEnsembleAveragesItsMembers();
    void unexpectedArgumentsAreRefused();

private:
    QTemporaryDir m_directory;
    QString m_model, m_metrics;
};

void TestCli::initTestCase()
{
    QVERIFY(m_directory.isValid());
    m_model = m_directory.filePath(QStringLiteral("lc.cmtl"));
    m_metrics = m_directory.filePath(QStringLiteral("train.json"));
}

void TestCli::inspectListsTheColumns()
{
    const Run run = runCli({QStringLiteral("inspect"), sample()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("9857 rows, 23 columns")));
    QVERIFY(run.out.contains(QRegularExpression(QStringLiteral("int_rate\\s+numeric\\s+0\\s+72"))));
    QVERIFY(run.out.contains(QRegularExpression(QStringLiteral("Class\\s+categorical\\s+0\\s+2"))));
}

void TestCli::trainWithoutTaskIsRefused()
{
    const Run run =
        runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--out"), m_model});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--task")), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFile::exists(m_model));
}

void TestCli::trainWritesModelAndMetrics()
{
    const Run run =
        runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                QStringLiteral("Class:binary:bad"), QStringLiteral("--task"), QStringLiteral("grade:multiclass"),
                QStringLiteral("--task"), QStringLiteral("int_rate:regression"), QStringLiteral("--lambda"),
                QStringLiteral("Class=2"), QStringLiteral("--epochs"), QStringLiteral("4"), QStringLiteral("--out"),
                m_model, QStringLiteral("--metrics-json"), m_metrics});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("epoch 4")));
    QVERIFY(QFile::exists(m_model));
    const QJsonObject tasks = readJson(m_metrics).value(QStringLiteral("tasks")).toObject();
    QCOMPARE(tasks.keys(), (QStringList{QStringLiteral("Class"), QStringLiteral("grade"), QStringLiteral("int_rate")}));
    const QJsonObject binary = tasks.value(QStringLiteral("Class")).toObject();
    for (const char *key : {"auc", "ks", "gini", "logloss", "brier", "accuracy", "precision", "recall", "f1"})
        QVERIFY2(binary.contains(QLatin1String(key)), key);
    QCOMPARE(binary.value(QStringLiteral("type")).toString(), QStringLiteral("binary"));
    const double auc = binary.value(QStringLiteral("auc")).toDouble();
    QVERIFY2(auc > 0.55 && auc < 0.9, qPrintable(QString::number(auc)));
    QVERIFY(std::abs(binary.value(QStringLiteral("gini")).toDouble() - (2 * auc - 1)) < 1e-12);
    // The held-out split is 20% of the rows.
    QCOMPARE(binary.value(QStringLiteral("count")).toInt(), 1971);
    for (const char *key : {"accuracy", "macro_f1", "logloss"})
        QVERIFY(tasks.value(QStringLiteral("grade")).toObject().contains(QLatin1String(key)));
    for (const char *key : {"rmse", "mae", "r2"})
        QVERIFY(tasks.value(QStringLiteral("int_rate")).toObject().contains(QLatin1String(key)));
}

void TestCli::evaluateMatchesPredictions()
{
    const QString metrics = m_directory.filePath(QStringLiteral("evaluate.json"));
    const QString predictions = m_directory.filePath(QStringLiteral("evaluate-predictions.csv"));
    const Run evaluate = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model,
                                 QStringLiteral("--data"), sample(), QStringLiteral("--metrics-json"), metrics});
    QVERIFY2(evaluate.exitCode == 0, qPrintable(evaluate.err));
    const Run predict = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"),
                                sample(), QStringLiteral("--out"), predictions});
    QVERIFY2(predict.exitCode == 0, qPrintable(predict.err));
    // The AUC of the written probabilities against the labels equals the evaluate command's.
    const Table scored = readCsvFile(predictions.toStdString()).table;
    const Table labelled = readCsvFile(sample().toStdString()).table;
    const Column &classColumn = labelled.column("Class");
    std::vector<std::uint8_t> labels;
    for (const std::int32_t code : classColumn.codes)
        labels.push_back(classColumn.levels[static_cast<std::size_t>(code)] == "bad" ? 1 : 0);
    const double auc = rocAuc(scored.column("Class.probability").values, labels);
    const double reported = readJson(metrics)
                                .value(QStringLiteral("tasks"))
                                .toObject()
                                .value(QStringLiteral("Class"))
                                .toObject()
                                .value(QStringLiteral("auc"))
                                .toDouble();
    QVERIFY2(std::abs(auc - reported) < 1e-12, qPrintable(QStringLiteral("%1 vs %2").arg(auc).arg(reported)));
}

// --keep copies ID columns first, as written (a 10-digit number unrounded, a missing cell empty),
// and leaves the predictions as they are without it.
void TestCli::predictKeepsIdColumnsFirst()
{
    QFile sampleFile(sample());
    QVERIFY(sampleFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = sampleFile.readAll().split('\n');
    QByteArray withIds = "loan_ref,member," + lines.front() + '\n';
    for (int i = 1; i <= 50; ++i)
        withIds += (i == 2 ? QByteArray() : "R-" + QByteArray::number(i)) + ',' + QByteArray::number(4000000000LL + i) +
                   ',' + lines[i] + '\n';
    const QString data = m_directory.filePath(QStringLiteral("with-ids.csv"));
    QFile dataFile(data);
    QVERIFY(dataFile.open(QIODevice::WriteOnly) && dataFile.write(withIds) == withIds.size());
    dataFile.close();
    const QString kept = m_directory.filePath(QStringLiteral("kept.csv"));
    const QString plain = m_directory.filePath(QStringLiteral("plain.csv"));
    const Run keep =
        runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data,
                QStringLiteral("--out"), kept, QStringLiteral("--keep"), QStringLiteral("loan_ref, member")});
    QVERIFY2(keep.exitCode == 0, qPrintable(keep.err));
    const Run without = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"),
                                data, QStringLiteral("--out"), plain});
    QVERIFY2(without.exitCode == 0, qPrintable(without.err));
    QFile keptFile(kept), plainFile(plain);
    QVERIFY(keptFile.open(QIODevice::ReadOnly) && plainFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> keptLines = keptFile.readAll().split('\n');
    const QList<QByteArray> plainLines = plainFile.readAll().split('\n');
    QCOMPARE(keptLines.size(), plainLines.size());
    QCOMPARE(keptLines.size(), 52); // header, 50 rows, the empty piece after the last newline
    QCOMPARE(keptLines[0], "loan_ref,member," + plainLines[0]);
    for (int i = 1; i <= 50; ++i) {
        const QByteArray ids =
            (i == 2 ? QByteArray() : "R-" + QByteArray::number(i)) + ',' + QByteArray::number(4000000000LL + i) + ',';
        QCOMPARE(keptLines[i], ids + plainLines[i]);
    }
}

// A model trained with --missing-values scores a new file the same way: the value is missing
// there too (the same scores as an empty cell) without repeating the option, and a text cell the
// model was not told about is refused at its line with the fix.
void TestCli::modelScoresWithTheValuesTreatedAsMissing()
{
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        const QString path = m_directory.filePath(name);
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? path : QString();
    };
    QByteArray training = "income,grade,default\n";
    for (int i = 0; i < 200; ++i) {
        const int income = 20 + (i * 37) % 80;
        training += (i == 11 ? QByteArray("twelve thousand") : QByteArray::number(income * 1000)) + ',' +
                    QByteArray(1, "ABC"[i % 3]) + ',' + ((income < 45 || i % 7 == 0) ? "bad" : "good") + '\n';
    }
    const QString data = write(QStringLiteral("spoiled-train.csv"), training);
    const QString model = m_directory.filePath(QStringLiteral("spoiled.cmtl"));
    const Run trained = runCli({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--task"),
                                QStringLiteral("default:binary:bad"), QStringLiteral("--missing-values"),
                                QStringLiteral("income=twelve thousand"), QStringLiteral("--epochs"),
                                QStringLiteral("3"), QStringLiteral("--out"), model});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    QVERIFY2(!trained.err.contains(QStringLiteral("read as categorical")), qPrintable(trained.err));
    const QString spoiled = write(QStringLiteral("spoiled-new.csv"), "income,grade\n30000,A\ntwelve thousand,B\n");
    const QString empty = write(QStringLiteral("empty-new.csv"), "income,grade\n30000,A\n,B\n");
    const QString fromSpoiled = m_directory.filePath(QStringLiteral("from-spoiled.csv"));
    const QString fromEmpty = m_directory.filePath(QStringLiteral("from-empty.csv"));
    for (const auto &[in, out] : {std::pair{spoiled, fromSpoiled}, std::pair{empty, fromEmpty}}) {
        const Run run = runCli({QStringLiteral("predict"), QStringLiteral("--model"), model, QStringLiteral("--data"),
                                in, QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }
    QFile a(fromSpoiled), b(fromEmpty);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray scores = a.readAll();
    QCOMPARE(scores, b.readAll());
    QCOMPARE(scores.count('\n'), 3);

    const QString other = write(QStringLiteral("other-new.csv"), "income,grade\n30000,A\nn/a,B\n");
    const Run refused = runCli({QStringLiteral("predict"), QStringLiteral("--model"), model, QStringLiteral("--data"),
                                other, QStringLiteral("--out"), m_directory.filePath(QStringLiteral("other.csv"))});
    QCOMPARE(refused.exitCode, 1);
    for (const QString &word : {QStringLiteral("other-new.csv"), QStringLiteral("line 3"), QStringLiteral("income"),
                                QStringLiteral("\"n/a\""), QStringLiteral("--missing-values")})
        QVERIFY2(refused.err.contains(word), qPrintable(refused.err));
}

void TestCli::predictWritesOneRowPerInputRow()
{
    const QString predictions = m_directory.filePath(QStringLiteral("predictions.csv"));
    const Run run = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"),
                            sample(), QStringLiteral("--out"), predictions});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const Table table = readCsvFile(predictions.toStdString()).table;
    QCOMPARE(table.rowCount(), std::size_t(9857));
    std::vector<std::string> names;
    for (const Column &column : table.columns())
        names.push_back(column.name);
    const std::vector<std::string> expected{"Class.probability",   "grade.class",         "grade.probability.A",
                                            "grade.probability.B", "grade.probability.C", "grade.probability.D",
                                            "grade.probability.E", "grade.probability.F", "grade.probability.G",
                                            "int_rate.value"};
    QCOMPARE(names, expected);
    // Probabilities of the grades sum to one on every row.
    for (std::size_t row = 0; row < table.rowCount(); row += 97) {
        double sum = 0;
        for (std::size_t c = 2; c <= 8; ++c)
            sum += table.column(c).values[row];
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
    }
}

void TestCli::badInputNamesFileLineAndColumn()
{
    const QString bad = m_directory.filePath(QStringLiteral("ragged.csv"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b,Class\n1,2,good\n3,4\n5,6,bad\n");
    file.close();
    const Run run = runCli({QStringLiteral("inspect"), bad});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("ragged.csv")) && run.err.contains(QStringLiteral("line 3")),
             qPrintable(run.err));
    // Scoring a file without the model's columns names the missing column.
    const Run missing = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"),
                                bad, QStringLiteral("--out"), m_directory.filePath(QStringLiteral("x.csv"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("ragged.csv")), qPrintable(missing.err));
}

void TestCli::damagedModelIsRefused()
{
    QFile original(m_model);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    const QString damaged = m_directory.filePath(QStringLiteral("damaged.cmtl"));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes.left(bytes.size() / 2));
    file.close();
    const Run run =
        runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), damaged, QStringLiteral("--data"), sample()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("damaged.cmtl")) && run.err.contains(QStringLiteral("truncated")),
             qPrintable(run.err));
}

void TestCli::optionsRefuseNaNInfinityAndOverflow()
{
    // Each used to train (NaN passed `value < lo || value > hi`; integers wrapped through int):
    // now refused before any work with the option, its range and the value.
    const QString model = m_directory.filePath(QStringLiteral("never.cmtl"));
    const QList<QStringList> cases{
        {QStringLiteral("--gradnorm-alpha"), QStringLiteral("nan")},
        {QStringLiteral("--gradnorm-lr"), QStringLiteral("nan")},
        {QStringLiteral("--dwa-temperature"), QStringLiteral("nan")},
        {QStringLiteral("--validation-fraction"), QStringLiteral("nan")},
        {QStringLiteral("--lr"), QStringLiteral("inf")},
        {QStringLiteral("--dropout"), QStringLiteral("-inf")},
        {QStringLiteral("--l2"), QStringLiteral("NaN")},
        {QStringLiteral("--train-fraction"), QStringLiteral("nan")},
        {QStringLiteral("--lambda"), QStringLiteral("Class=nan")},
        {QStringLiteral("--focal"), QStringLiteral("Class=inf")},
        {QStringLiteral("--class-weights"), QStringLiteral("Class:bad=nan")},
        {QStringLiteral("--patience"), QStringLiteral("4294967295")},
        {QStringLiteral("--max-levels"), QStringLiteral("2147483648")},
        {QStringLiteral("--epochs"), QStringLiteral("4294967297")},
        {QStringLiteral("--batch"), QStringLiteral("99999999999999999999")},
        {QStringLiteral("--threads"), QStringLiteral("4294967296")},
        {QStringLiteral("--seed"), QStringLiteral("-1")},
        {QStringLiteral("--hidden"), QStringLiteral("4294967312")},
    };
    for (const QStringList &option : cases) {
        const Run run =
            runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                               QStringLiteral("Class:binary:bad"), QStringLiteral("--out"), model} +
                   option);
        const QString name = option[0].mid(2);
        QVERIFY2(run.exitCode == 2 && run.err.contains(option[0]) && run.err.contains(option[1]),
                 qPrintable(option.join(QLatin1Char(' ')) + QStringLiteral(": exit %1, ").arg(run.exitCode) + run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("epoch")), qPrintable(option.join(QLatin1Char(' '))));
    }
    QVERIFY(!QFile::exists(model));
    // compare: folds beyond INT_MAX used to wrap (4294967298 ran 2 folds); 100,000 folds.
    for (const QString &folds : {QStringLiteral("4294967298"), QStringLiteral("100000")}) {
        const Run run = runCli({QStringLiteral("compare"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                                QStringLiteral("Class:binary:bad"), QStringLiteral("--folds"), folds});
        QVERIFY2(run.exitCode == 2 && run.err.contains(QStringLiteral("--folds expects a whole number from 2 to 100")),
                 qPrintable(run.err));
    }
    // A network of 3.6e9 parameters is refused before the data is read, with the limit.
    const Run huge = runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                             QStringLiteral("Class:binary:bad"), QStringLiteral("--hidden"),
                             QStringLiteral("60000,60000"), QStringLiteral("--out"), model});
    QVERIFY2(huge.exitCode == 2 && huge.err.contains(QStringLiteral("250000000")) &&
                 huge.err.contains(QStringLiteral("--hidden")) && !huge.out.contains(QStringLiteral("Training on")),
             qPrintable(huge.err));
}

void TestCli::compareRefusesFoldsWithoutTestRows()
{
    // Both crashed (SIGSEGV: a fold's test report was null). Now refused before training.
    const QString four = smallSample(m_directory.filePath(QStringLiteral("four.csv")), 2);
    const QString two = smallSample(m_directory.filePath(QStringLiteral("two.csv")), 1);
    const Run folds = runCli({QStringLiteral("compare"), QStringLiteral("--data"), four, QStringLiteral("--task"),
                              QStringLiteral("Class:binary:bad"), QStringLiteral("--folds"), QStringLiteral("10")});
    QVERIFY2(folds.exitCode == 1 && folds.err.contains(QStringLiteral("four.csv has 4 rows")) &&
                 folds.err.contains(QStringLiteral("--folds 4 or fewer")),
             qPrintable(folds.err));
    QVERIFY(!folds.out.contains(QStringLiteral("trained")));
    const Run seeds = runCli({QStringLiteral("compare"), QStringLiteral("--data"), two, QStringLiteral("--task"),
                              QStringLiteral("Class:binary:bad"), QStringLiteral("--seeds"), QStringLiteral("1,2")});
    QVERIFY2(seeds.exitCode == 1 && seeds.err.contains(QStringLiteral("two.csv has 2 rows")) &&
                 seeds.err.contains(QStringLiteral("no test row")),
             qPrintable(seeds.err));
}

void TestCli::outputsOverInputsAreRefused()
{
    // The configuration was written before the data was read: --save-config over --data
    // destroyed the CSV. Every output naming an input is refused first, by file identity.
    const QString data = m_directory.filePath(QStringLiteral("inputs.csv"));
    QVERIFY(QFile::copy(sample(), data));
    const QByteArray before = sha256Of(data);
    QVERIFY(QFile::link(data, m_directory.filePath(QStringLiteral("inputs-link.csv"))));
    const QString viaLink = m_directory.filePath(QStringLiteral("inputs-link.csv"));
    const QString dotted = m_directory.filePath(QStringLiteral(".")) + QStringLiteral("/./inputs.csv");
    const QStringList train{QStringLiteral("train"),  QStringLiteral("--data"),           data,
                            QStringLiteral("--task"), QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"),
                            QStringLiteral("1")};
    const QList<QStringList> cases{
        train + QStringList{QStringLiteral("--out"), dotted},
        train + QStringList{QStringLiteral("--out"), m_model, QStringLiteral("--save-config"), data},
        train + QStringList{QStringLiteral("--out"), m_model, QStringLiteral("--metrics-json"), viaLink},
        {QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data,
         QStringLiteral("--out"), viaLink},
        {QStringLiteral("evaluate"), QStringLiteral("--model"), m_model, QStringLiteral("--data"), data,
         QStringLiteral("--metrics-json"), data},
        {QStringLiteral("compare"), QStringLiteral("--data"), data, QStringLiteral("--task"),
         QStringLiteral("Class:binary:bad"), QStringLiteral("--save-config"), dotted},
    };
    for (const QStringList &arguments : cases) {
        const Run run = runCli(arguments);
        QVERIFY2(run.exitCode == 2 && run.err.contains(QStringLiteral("is the same file as the input --data")),
                 qPrintable(arguments.join(QLatin1Char(' ')) + QStringLiteral("\n") + run.err));
        QCOMPARE(sha256Of(data), before);
    }
    // The model is an input of predict too.
    const QByteArray model = sha256Of(m_model);
    const Run overModel = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model,
                                  QStringLiteral("--data"), data, QStringLiteral("--out"), m_model});
    QVERIFY2(overModel.exitCode == 2 && overModel.err.contains(QStringLiteral("same file as the input --model")),
             qPrintable(overModel.err));
    QCOMPARE(sha256Of(m_model), model);
}

void TestCli::configurationIsSavedOnlyAfterASuccessfulRun()
{
    const QString config = m_directory.filePath(QStringLiteral("failed-run.json"));
    const Run failed =
        runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                QStringLiteral("no_such_column:binary:bad"), QStringLiteral("--out"),
                m_directory.filePath(QStringLiteral("failed.cmtl")), QStringLiteral("--save-config"), config});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY(!QFile::exists(config));
    const Run succeeded = runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                                  QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                  QStringLiteral("--out"), m_directory.filePath(QStringLiteral("saved.cmtl")),
                                  QStringLiteral("--save-config"), config});
    QVERIFY2(succeeded.exitCode == 0 && succeeded.out.contains(QStringLiteral("Configuration written to")),
             qPrintable(succeeded.err));
    QCOMPARE(readJson(config).value(QStringLiteral("format")).toString(), QStringLiteral("creditmtl-config"));
}

void TestCli::sameSeedWritesIdenticalModelFiles()
{
    // The history used to record each epoch's wall-clock seconds, so no two files were alike.
    QByteArray hashes[2];
    for (int i = 0; i < 2; ++i) {
        const QString path = m_directory.filePath(QStringLiteral("seeded%1.cmtl").arg(i));
        const Run run =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                    QStringLiteral("Class:binary:bad"), QStringLiteral("--task"), QStringLiteral("grade:multiclass"),
                    QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("7"),
                    QStringLiteral("--threads"), QString::number(i + 1), QStringLiteral("--out"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        hashes[i] = sha256Of(path);
    }
    QVERIFY(!hashes[0].isEmpty());
    QCOMPARE(hashes[0], hashes[1]);
}

// Out of core (--memory-budget 4: parts of 512 KB): the file read in parts into a row cache and the batches streamed
// from it give the model file of the in-memory run, byte for byte; the cache directory is left
// empty; and a budget that is no number of megabytes or a --cache-dir alone are refused.
void TestCli::memoryBudgetWritesTheInMemoryModel()
{
    const QString cache = m_directory.filePath(QStringLiteral("cache"));
    QVERIFY(QDir().mkpath(cache));
    QByteArray hashes[2];
    for (int i = 0; i < 2; ++i) {
        const QString path = m_directory.filePath(QStringLiteral("budget%1.cmtl").arg(i));
        QStringList arguments{QStringLiteral("train"),
                              QStringLiteral("--data"),
                              sample(),
                              QStringLiteral("--task"),
                              QStringLiteral("Class:binary:bad"),
                              QStringLiteral("--task"),
                              QStringLiteral("int_rate:regression"),
                              QStringLiteral("--epochs"),
                              QStringLiteral("2"),
                              QStringLiteral("--seed"),
                              QStringLiteral("7"),
                              QStringLiteral("--out"),
                              path};
        if (i == 1)
            arguments << QStringLiteral("--memory-budget") << QStringLiteral("4") << QStringLiteral("--cache-dir")
                      << cache;
        const Run run = runCli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        if (i == 1)
            QVERIFY2(run.out.contains(QStringLiteral("9857 rows read in ")) &&
                         !run.out.contains(QStringLiteral("read in 1 part")),
                     qPrintable(run.out)); // parts of 512 KB of the 1 MB file
        hashes[i] = sha256Of(path);
    }
    QVERIFY(!hashes[0].isEmpty());
    QCOMPARE(hashes[1], hashes[0]);
    QVERIFY(QDir(cache).isEmpty());

    const QString out = m_directory.filePath(QStringLiteral("refused.cmtl"));
    const Run noNumber = runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                                 QStringLiteral("Class:binary:bad"), QStringLiteral("--memory-budget"),
                                 QStringLiteral("0.5"), QStringLiteral("--out"), out});
    QVERIFY(noNumber.exitCode != 0);
    QVERIFY2(noNumber.err.contains(QStringLiteral("--memory-budget is a number of megabytes, at least 1")),
             qPrintable(noNumber.err));
    const Run cacheAlone = runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(),
                                   QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                   QStringLiteral("--cache-dir"), cache, QStringLiteral("--out"), out});
    QVERIFY(cacheAlone.exitCode != 0);
    QVERIFY2(cacheAlone.err.contains(QStringLiteral("--cache-dir goes with --memory-budget")),
             qPrintable(cacheAlone.err));
    QVERIFY(!QFile::exists(out));
}

void TestCli::fullDiskWritesNothingAndSaysSo()
{
    // "cannot write: Unknown error" lost the model; now the device is named and nothing half-done
    // is left: the model and the metrics are both written, or neither.
    const QString full = m_directory.filePath(QStringLiteral("full"));
    QVERIFY(QDir(m_directory.path()).mkdir(QStringLiteral("full")));
    const QByteArray mountPoint = QFile::encodeName(full);
    if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs here (%1); tst_modelfile checks the message "
                                        "with a simulated failure")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const QString model = full + QStringLiteral("/model.cmtl"), metrics = full + QStringLiteral("/metrics.json");
    const Run run = runCli({QStringLiteral("train"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                            QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"), QStringLiteral("1"),
                            QStringLiteral("--out"), model, QStringLiteral("--metrics-json"), metrics});
    const QStringList left = QDir(full).entryList(QDir::Files | QDir::Hidden);
    ::umount(mountPoint.constData());
    QVERIFY2(run.exitCode == 1 && run.err.contains(QStringLiteral("no space left on device tmpfs")) &&
                 run.err.contains(full) && run.err.contains(QStringLiteral("none of")),
             qPrintable(run.err));
    QVERIFY2(!run.out.contains(QStringLiteral("Model written")), qPrintable(run.out));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
}

void TestCli::runningOutOfMemoryIsExplained()
{
    // std::bad_alloc reached the user as "std::bad_alloc". Under a 400 MB address-space limit a
    // 64-million-parameter network cannot be allocated: the message says what to reduce.
#ifdef __SANITIZE_ADDRESS__
    QSKIP("AddressSanitizer reserves terabytes of address space for its shadow memory, so a binary built with it "
          "cannot start under an address-space limit; the plain build runs this test");
#endif
    QProcess process;
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QStringLiteral("ulimit -v 400000 && exec \"$0\" \"$@\""),
                   QStringLiteral(CMTL_CLI_PATH), QStringLiteral("train"), QStringLiteral("--data"), sample(),
                   QStringLiteral("--task"), QStringLiteral("Class:binary:bad"), QStringLiteral("--hidden"),
                   QStringLiteral("8000,8000"), QStringLiteral("--epochs"), QStringLiteral("1"),
                   QStringLiteral("--out"), m_directory.filePath(QStringLiteral("oom.cmtl"))});
    QVERIFY(process.waitForFinished(120000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 1 && err.contains(QStringLiteral("ran out of memory")) &&
                 err.contains(QStringLiteral("--hidden")) && !err.contains(QStringLiteral("bad_alloc")),
             qPrintable(err));
}

void TestCli::wideAndDeepIsSavedAndScoredAsTrained()
{
    const QString data = smallSample(m_directory.filePath(QStringLiteral("wide.csv")), 60);
    QVERIFY(!data.isEmpty());
    const auto train = [&](const QString &name, const QStringList &extra) {
        const QStringList arguments{QStringLiteral("train"),
                                    QStringLiteral("--data"),
                                    data,
                                    QStringLiteral("--task"),
                                    QStringLiteral("Class:binary:bad"),
                                    QStringLiteral("--task"),
                                    QStringLiteral("grade:multiclass"),
                                    QStringLiteral("--epochs"),
                                    QStringLiteral("3"),
                                    QStringLiteral("--hidden"),
                                    QStringLiteral("8"),
                                    QStringLiteral("--out"),
                                    m_directory.filePath(name + QStringLiteral(".cmtl")),
                                    QStringLiteral("--save-config"),
                                    m_directory.filePath(name + QStringLiteral(".json"))};
        return runCli(arguments + extra);
    };
    const Run wide = train(QStringLiteral("wide"), {QStringLiteral("--wide"), QStringLiteral("on")});
    QVERIFY2(wide.exitCode == 0, qPrintable(wide.err));
    const Run deep = train(QStringLiteral("deep"), {QStringLiteral("--wide"), QStringLiteral("off")});
    QVERIFY2(deep.exitCode == 0, qPrintable(deep.err));
    // The configuration records the wide path only when it is on (older files stay as they were).
    const auto trainSettings = [&](const QString &name) {
        return readJson(m_directory.filePath(name + QStringLiteral(".json")))
            .value(QStringLiteral("config"))
            .toObject()
            .value(QStringLiteral("train"))
            .toObject();
    };
    QCOMPARE(trainSettings(QStringLiteral("wide")).value(QStringLiteral("wide")), QJsonValue(true));
    QVERIFY(trainSettings(QStringLiteral("deep")).contains(QStringLiteral("hidden_layers")));
    QVERIFY(!trainSettings(QStringLiteral("deep")).contains(QStringLiteral("wide")));
    // The model file holds the wide weights: it loads and scores, and differently from the deep
    // network alone.
    const auto predict = [&](const QString &name) {
        const QString out = m_directory.filePath(name + QStringLiteral("-scores.csv"));
        const Run run = runCli({QStringLiteral("predict"), QStringLiteral("--model"),
                                m_directory.filePath(name + QStringLiteral(".cmtl")), QStringLiteral("--data"), data,
                                QStringLiteral("--out"), out});
        return run.exitCode == 0 ? readCsvFile(out.toStdString()).table.column("Class.probability").values
                                 : std::vector<float>{};
    };
    const std::vector<float> wideScores = predict(QStringLiteral("wide"));
    const std::vector<float> deepScores = predict(QStringLiteral("deep"));
    QCOMPARE(wideScores.size(), std::size_t{120});
    QCOMPARE(deepScores.size(), std::size_t{120});
    QVERIFY(wideScores != deepScores);
    // The saved configuration trains the same model again, byte for byte.
    const QString again = m_directory.filePath(QStringLiteral("wide-again.cmtl"));
    const Run rerun =
        runCli({QStringLiteral("train"), QStringLiteral("--config"), m_directory.filePath(QStringLiteral("wide.json")),
                QStringLiteral("--data"), data, QStringLiteral("--out"), again});
    QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
    QCOMPARE(sha256Of(again), sha256Of(m_directory.filePath(QStringLiteral("wide.cmtl"))));

    // Without hidden layers the network is a linear model already: the wide path changes nothing.
    const Run linearWide = train(QStringLiteral("linear-wide"), {QStringLiteral("--hidden"), QStringLiteral("none"),
                                                                 QStringLiteral("--wide"), QStringLiteral("on")});
    QVERIFY2(linearWide.exitCode == 0, qPrintable(linearWide.err));
    const Run linear = train(QStringLiteral("linear"), {QStringLiteral("--hidden"), QStringLiteral("none")});
    QVERIFY2(linear.exitCode == 0, qPrintable(linear.err));
    QCOMPARE(predict(QStringLiteral("linear-wide")), predict(QStringLiteral("linear")));

    const Run refused = train(QStringLiteral("refused"), {QStringLiteral("--wide"), QStringLiteral("yes")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("--wide yes: expected on or off")), qPrintable(refused.err));
    QVERIFY(!QFile::exists(m_directory.filePath(QStringLiteral("refused.cmtl"))));
}

void TestCli::seedEnsembleAveragesItsMembers()
{
    const QString data = smallSample(m_directory.filePath(QStringLiteral("ensemble.csv")), 60);
    QVERIFY(!data.isEmpty());
    const auto train = [&](const QString &name, const QStringList &extra) {
        const QStringList arguments{QStringLiteral("train"),
                                    QStringLiteral("--data"),
                                    data,
                                    QStringLiteral("--task"),
                                    QStringLiteral("Class:binary:bad"),
                                    QStringLiteral("--task"),
                                    QStringLiteral("int_rate:regression"),
                                    QStringLiteral("--epochs"),
                                    QStringLiteral("3"),
                                    QStringLiteral("--hidden"),
                                    QStringLiteral("8"),
                                    QStringLiteral("--out"),
                                    m_directory.filePath(name + QStringLiteral(".cmtl")),
                                    QStringLiteral("--save-config"),
                                    m_directory.filePath(name + QStringLiteral(".json"))};
        return runCli(arguments + extra);
    };
    const auto predict = [&](const QString &name, const char *column) {
        const QString out = m_directory.filePath(name + QStringLiteral("-scores.csv"));
        const Run run = runCli({QStringLiteral("predict"), QStringLiteral("--model"),
                                m_directory.filePath(name + QStringLiteral(".cmtl")), QStringLiteral("--data"), data,
                                QStringLiteral("--out"), out});
        return run.exitCode == 0 ? readCsvFile(out.toStdString()).table.column(column).values : std::vector<float>{};
    };
    const Run ensemble = train(QStringLiteral("ensemble3"), {QStringLiteral("--seed"), QStringLiteral("7"),
                                                             QStringLiteral("--ensemble"), QStringLiteral("3")});
    QVERIFY2(ensemble.exitCode == 0, qPrintable(ensemble.err));
    QVERIFY2(ensemble.out.contains(QStringLiteral("ensemble of 3 networks (seeds 7 to 9)")), qPrintable(ensemble.out));
    // Its members are the networks trained alone on the same split (seed 7) with the training
    // seeds 7, 8 and 9: its probabilities (and regression predictions) are the mean of theirs.
    const QJsonObject saved = readJson(m_directory.filePath(QStringLiteral("ensemble3.json")));
    std::vector<std::vector<float>> probabilities, rates;
    for (const char *seed : {"7", "8", "9"}) {
        const QString name = QStringLiteral("member") + QLatin1String(seed);
        QJsonObject document = saved;
        QJsonObject config = document.value(QStringLiteral("config")).toObject();
        QJsonObject train = config.value(QStringLiteral("train")).toObject();
        QCOMPARE(config.value(QStringLiteral("split")).toObject().value(QStringLiteral("seed")),
                 QJsonValue(QStringLiteral("7")));
        train.remove(QStringLiteral("ensemble"));
        train.insert(QStringLiteral("seed"), QLatin1String(seed));
        config.insert(QStringLiteral("train"), train);
        document.insert(QStringLiteral("config"), config);
        QFile file(m_directory.filePath(name + QStringLiteral(".json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(document).toJson());
        file.close();
        const Run member =
            runCli({QStringLiteral("train"), QStringLiteral("--config"), file.fileName(), QStringLiteral("--data"),
                    data, QStringLiteral("--out"), m_directory.filePath(name + QStringLiteral(".cmtl"))});
        QVERIFY2(member.exitCode == 0, qPrintable(member.err));
        probabilities.push_back(predict(name, "Class.probability"));
        rates.push_back(predict(name, "int_rate.value"));
        QCOMPARE(probabilities.back().size(), std::size_t{120});
        QCOMPARE(rates.back().size(), std::size_t{120});
    }
    QVERIFY(probabilities[0] != probabilities[1]);
    const std::vector<float> averagedProbability = predict(QStringLiteral("ensemble3"), "Class.probability");
    const std::vector<float> averagedRate = predict(QStringLiteral("ensemble3"), "int_rate.value");
    QCOMPARE(averagedProbability.size(), std::size_t{120});
    QCOMPARE(averagedRate.size(), std::size_t{120});
    for (std::size_t row = 0; row < 120; ++row) {
        const double probability = (probabilities[0][row] + probabilities[1][row] + probabilities[2][row]) / 3.0;
        QVERIFY2(
            std::abs(averagedProbability[row] - probability) < 1e-6,
            qPrintable(QStringLiteral("row %1: %2 vs %3").arg(row).arg(averagedProbability[row]).arg(probability)));
        const double rate = (rates[0][row] + rates[1][row] + rates[2][row]) / 3.0;
        QVERIFY2(std::abs(averagedRate[row] - rate) < 1e-4 * std::abs(rate),
                 qPrintable(QStringLiteral("row %1: %2 vs %3").arg(row).arg(averagedRate[row]).arg(rate)));
    }
    // The configuration records the ensemble only when there is one; it trains the same model
    // file again, byte for byte.
    const auto trainSettings = [&](const QString &name) {
        return readJson(m_directory.filePath(name + QStringLiteral(".json")))
            .value(QStringLiteral("config"))
            .toObject()
            .value(QStringLiteral("train"))
            .toObject();
    };
    QCOMPARE(trainSettings(QStringLiteral("ensemble3")).value(QStringLiteral("ensemble")), QJsonValue(3));
    const QString again = m_directory.filePath(QStringLiteral("ensemble3-again.cmtl"));
    const Run rerun = runCli({QStringLiteral("train"), QStringLiteral("--config"),
                              m_directory.filePath(QStringLiteral("ensemble3.json")), QStringLiteral("--data"), data,
                              QStringLiteral("--out"), again});
    QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
    QCOMPARE(sha256Of(again), sha256Of(m_directory.filePath(QStringLiteral("ensemble3.cmtl"))));
    // An ensemble of one is the single network, byte for byte, and its configuration says nothing
    // of ensembles.
    const Run one = train(QStringLiteral("ensemble1"), {QStringLiteral("--seed"), QStringLiteral("7"),
                                                        QStringLiteral("--ensemble"), QStringLiteral("1")});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    const Run single = train(QStringLiteral("single7"), {QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(single.exitCode == 0, qPrintable(single.err));
    QCOMPARE(sha256Of(m_directory.filePath(QStringLiteral("ensemble1.cmtl"))),
             sha256Of(m_directory.filePath(QStringLiteral("single7.cmtl"))));
    QVERIFY(!trainSettings(QStringLiteral("ensemble1")).contains(QStringLiteral("ensemble")));

    const Run refused = train(QStringLiteral("refused"), {QStringLiteral("--ensemble"), QStringLiteral("0")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("--ensemble")), qPrintable(refused.err));
}

void TestCli::unexpectedArgumentsAreRefused()
{
    for (const QString &command : {QStringLiteral("train"), QStringLiteral("tune")}) {
        const Run run = runCli({command, QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                                QStringLiteral("Class:binary:bad"), QStringLiteral("stray.csv")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("creditmtl-cli %1: unexpected argument \"stray.csv\"").arg(command)),
                 qPrintable(run.err));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
