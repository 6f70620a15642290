// End to end: creditmtl-cli's credit analytics (evaluate --gains and cut-offs, psi, importance,
// predict --reasons) on a part of the bundled Lending Club sample. About 10 s in a Release build.

#include "ProgramRun.h"
#include "SampleFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using cmtl::testing::readAll;
using cmtl::testing::runCli;
using Run = cmtl::testing::ProgramRun;

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

class TestCliAnalytics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gainsGoIntoTheMetricsJsonOnlyWhenAsked();
    void cutoffAgreesWithThePredictions();
    void reasonsAreInputColumnsAndLeaveThePredictionsAlone();
    void psiOfAFileAgainstItselfIsZero();
    void importanceIsTheSameForAnyThreadCount();

private:
    QTemporaryDir m_directory;
    QString m_data, m_model;
};

void TestCliAnalytics::initTestCase()
{
    // The sample's first 2,000 loans.
    m_data = m_directory.filePath(arg("part.csv"));
    QVERIFY(cmtl::testing::writeAll(m_data, cmtl::testing::sampleHead(2000)));
    m_model = m_directory.filePath(arg("m.cmtl"));
    const Run train = runCli({arg("train"), arg("--data"), m_data, arg("--task"), arg("Class:binary:bad"),
                              arg("--task"), arg("int_rate:regression"), arg("--epochs"), arg("20"), arg("--hidden"),
                              arg("16"), arg("--seed"), arg("3"), arg("--out"), m_model});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
}

void TestCliAnalytics::gainsGoIntoTheMetricsJsonOnlyWhenAsked()
{
    const QString plain = m_directory.filePath(arg("plain.json")), withGains = m_directory.filePath(arg("gains.json"));
    QCOMPARE(runCli({arg("evaluate"), arg("--model"), m_model, arg("--data"), m_data, arg("--metrics-json"), plain})
                 .exitCode,
             0);
    const Run run = runCli({arg("evaluate"), arg("--model"), m_model, arg("--data"), m_data, arg("--gains"), arg("5"),
                            arg("--metrics-json"), withGains});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(arg("Gains table of Class (5 bands")));
    const QJsonObject tasks = QJsonDocument::fromJson(readAll(withGains)).object().value(arg("tasks")).toObject();
    const QJsonObject plainTasks = QJsonDocument::fromJson(readAll(plain)).object().value(arg("tasks")).toObject();
    QVERIFY(!plainTasks.value(arg("Class")).toObject().contains(arg("gains")));
    const QJsonObject gains = tasks.value(arg("Class")).toObject().value(arg("gains")).toObject();
    const QJsonArray bands = gains.value(arg("bands")).toArray();
    QCOMPARE(bands.size(), 5);
    // The bands hold every labelled row and every bad; the last band's cumulative shares are 1.
    double rows = 0, bads = 0, largestKs = 0;
    for (const QJsonValue &band : bands) {
        rows += band.toObject().value(arg("count")).toDouble();
        bads += band.toObject().value(arg("bads")).toDouble();
        largestKs = std::max(largestKs, band.toObject().value(arg("ks")).toDouble());
    }
    QCOMPARE(rows, tasks.value(arg("Class")).toObject().value(arg("count")).toDouble());
    QCOMPARE(bands.last().toObject().value(arg("cumulative_bad_share")).toDouble(), 1.0);
    QCOMPARE(gains.value(arg("ks")).toDouble(), largestKs);
    // The band KS never exceeds the KS over every threshold.
    QVERIFY(largestKs <= tasks.value(arg("Class")).toObject().value(arg("ks")).toDouble() + 1e-12);
    QVERIFY(bads > 0);
    // The regression task has no gains table; the rest of the file is as without --gains.
    QVERIFY(!tasks.value(arg("int_rate")).toObject().contains(arg("gains")));
    QCOMPARE(tasks.value(arg("int_rate")).toObject(), plainTasks.value(arg("int_rate")).toObject());
}

void TestCliAnalytics::cutoffAgreesWithThePredictions()
{
    const Run run = runCli({arg("evaluate"), arg("--model"), m_model, arg("--data"), m_data, arg("--cost-fn"),
                            arg("10"), arg("--cost-fp"), arg("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // "0.077053  3713 of 4857  0.7645 ...": the cut-off and the rows it approves.
    const QRegularExpressionMatch match =
        QRegularExpression(arg(R"(\n([0-9.]+)\s+([0-9]+) of ([0-9]+)\s)")).match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    const double cutoff = match.captured(1).toDouble();
    const int approved = match.captured(2).toInt();
    // Count the rows whose predicted probability is below the cut-off (every row has a label here).
    const QString predictions = m_directory.filePath(arg("p.csv"));
    QCOMPARE(
        runCli({arg("predict"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), predictions}).exitCode,
        0);
    const QList<QByteArray> lines = readAll(predictions).split('\n');
    int below = 0, rows = 0;
    for (qsizetype line = 1; line < lines.size(); ++line) {
        if (lines[line].isEmpty())
            continue;
        ++rows;
        // The printed cut-off has 6 decimals: compare at that precision.
        below += std::round(lines[line].split(',').at(0).toDouble() * 1e6) < std::round(cutoff * 1e6) ? 1 : 0;
    }
    QCOMPARE(rows, match.captured(3).toInt());
    QCOMPARE(below, approved);
}

void TestCliAnalytics::reasonsAreInputColumnsAndLeaveThePredictionsAlone()
{
    const QString plain = m_directory.filePath(arg("plain.csv")), explained = m_directory.filePath(arg("reasons.csv"));
    QCOMPARE(runCli({arg("predict"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), plain}).exitCode, 0);
    const Run run = runCli({arg("predict"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), explained,
                            arg("--reasons"), arg("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QByteArray> plainLines = readAll(plain).split('\n'), lines = readAll(explained).split('\n');
    QCOMPARE(lines.size(), plainLines.size());
    QCOMPARE(lines[0], plainLines[0] + ",Class.reason1,Class.reason2");
    const QList<QByteArray> header = readAll(m_data).split('\n').at(0).split(',');
    int withReasons = 0;
    for (qsizetype line = 1; line < lines.size(); ++line) {
        if (lines[line].isEmpty())
            continue;
        QVERIFY(lines[line].startsWith(plainLines[line] + ','));
        const QList<QByteArray> cells = lines[line].split(',');
        const QByteArray first = cells.at(cells.size() - 2), second = cells.last();
        if (!first.isEmpty())
            ++withReasons;
        for (const QByteArray &reason : {first, second}) {
            if (!reason.isEmpty())
                QVERIFY2(header.contains('"' + reason + '"') && reason != "Class" && reason != "int_rate",
                         reason.constData());
        }
        QVERIFY(first != second || first.isEmpty());
        QVERIFY(!first.isEmpty() || second.isEmpty()); // reasons fill from the first
    }
    QVERIFY(withReasons > 1000);
}

void TestCliAnalytics::psiOfAFileAgainstItselfIsZero()
{
    const QString out = m_directory.filePath(arg("psi.csv"));
    const Run run =
        runCli({arg("psi"), arg("--model"), m_model, arg("--base"), m_data, arg("--data"), m_data, arg("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QByteArray> lines = readAll(out).split('\n');
    QCOMPARE(lines[0], QByteArray("variable,kind,band,base_count,new_count,base_share,new_share,contribution,index,"
                                  "verdict"));
    int scoreBands = 0;
    for (qsizetype line = 1; line < lines.size(); ++line) {
        if (lines[line].isEmpty())
            continue;
        const QList<QByteArray> cells = lines[line].split(',');
        QCOMPARE(cells.at(cells.size() - 3), QByteArray("0")); // contribution
        QCOMPARE(cells.last(), QByteArray("stable"));
        scoreBands += cells.at(0) == "Class" ? 1 : 0;
    }
    QCOMPARE(scoreBands, 10); // the deciles of a continuous score, no missing band
}

void TestCliAnalytics::importanceIsTheSameForAnyThreadCount()
{
    const QString one = m_directory.filePath(arg("i1.csv")), two = m_directory.filePath(arg("i2.csv"));
    for (const auto &[path, threads] : {std::pair{one, arg("1")}, std::pair{two, arg("2")}}) {
        const Run run = runCli({arg("importance"), arg("--model"), m_model, arg("--data"), m_data, arg("--repeats"),
                                arg("2"), arg("--threads"), threads, arg("--out"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }
    QCOMPARE(readAll(one), readAll(two));
    QVERIFY(readAll(one).startsWith("task,metric,baseline,column,mean_drop,sd_drop\nClass,AUC,"));
    QVERIFY(readAll(one).contains("\nint_rate,RMSE,"));
}

QTEST_GUILESS_MAIN(TestCliAnalytics)
#include "tst_cli_analytics.moc"
