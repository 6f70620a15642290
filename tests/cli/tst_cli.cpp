// End to end: the creditmtl-cli executable on the bundled Lending Club sample.

#include "csv/CsvReader.h"
#include "metrics/BinaryMetrics.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cmtl;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CMTL_CLI_PATH), arguments);
    process.waitForFinished(300000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString sample()
{
    return QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");
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
    void badInputNamesFileLineAndColumn();
    void damagedModelIsRefused();

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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
