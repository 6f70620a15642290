// Bad-input catalogue: `creditmtl-cli screen` (binning and screening against a binary task), and
// one run on the sample that checks the screening table is whole and sorted.

#include "Catalogue.h"

#include <cmath>
#include <limits>

using namespace cmtl::catalogue;

namespace {

QString sample()
{
    return QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");
}

QStringList screen(const QString &data, const QStringList &more)
{
    return QStringList{QStringLiteral("screen"), QStringLiteral("--data"), data} + more;
}

} // namespace

class CatalogueScreen : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void taskNotBinary()
    {
        CMTL_EXPECT_REFUSAL(runCli(screen(data(), {QStringLiteral("--task"), QStringLiteral("Class:regression")})), 2,
                            QStringList{QStringLiteral("binary"), QStringLiteral("Class:regression"),
                                        QStringLiteral("Class:binary:bad")});
    }

    void binaryTaskWithAThirdValue()
    {
        const QString path = m_scratch.write(QStringLiteral("three.csv"), "x,Class\n1,good\n2,bad\n3,ugly\n4,good\n");
        CMTL_EXPECT_REFUSAL(
            runCli(screen(path, {QStringLiteral("--task"), QStringLiteral("Class:binary:bad")})), 1,
            QStringList{QStringLiteral("three.csv"), QStringLiteral("\"ugly\""), QStringLiteral("line 4")});
    }

    void specialOnUnknownColumn()
    {
        CMTL_EXPECT_REFUSAL(runCli(screen(data(), {QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                                   QStringLiteral("--special"), QStringLiteral("salary=-999")})),
                            1,
                            QStringList{QStringLiteral("\"salary\""), QStringLiteral("screen.csv"),
                                        QStringLiteral("its columns are income, region, Class")});
    }

    void specialNotANumberOnNumericColumn()
    {
        CMTL_EXPECT_REFUSAL(runCli(screen(data(), {QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                                   QStringLiteral("--special"), QStringLiteral("income=n/a")})),
                            1,
                            QStringList{QStringLiteral("\"n/a\""), QStringLiteral("\"income\""),
                                        QStringLiteral("not a number"), QStringLiteral("-999")});
    }

    void specialWithoutEquals()
    {
        CMTL_EXPECT_REFUSAL(runCli(screen(data(), {QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                                   QStringLiteral("--special"), QStringLiteral("income")})),
                            2, QStringList{QStringLiteral("COLUMN=VALUE"), QStringLiteral("\"income\"")});
    }

    void badNumbers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("max-bins text") << QStringLiteral("--max-bins") << QStringLiteral("ten");
        QTest::newRow("max-bins zero") << QStringLiteral("--max-bins") << QStringLiteral("0");
        QTest::newRow("min-bin-share too large") << QStringLiteral("--min-bin-share") << QStringLiteral("0.7");
        QTest::newRow("min-bin-share NaN") << QStringLiteral("--min-bin-share") << QStringLiteral("nan");
        QTest::newRow("correlation-limit above 1") << QStringLiteral("--correlation-limit") << QStringLiteral("1.5");
        QTest::newRow("trend unknown") << QStringLiteral("--trend") << QStringLiteral("sideways");
    }
    void badNumbers()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        CMTL_EXPECT_REFUSAL(
            runCli(screen(data(), {QStringLiteral("--task"), QStringLiteral("Class:binary:bad"), name, value})), 2,
            QStringList{name, value});
    }

    void unknownFeatureForBins()
    {
        CMTL_EXPECT_REFUSAL(runCli(screen(data(), {QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                                   QStringLiteral("--bins"), QStringLiteral("salary")})),
                            2, QStringList{QStringLiteral("--bins"), QStringLiteral("\"salary\"")});
    }

    void outputOverTheInput()
    {
        const QString path = data();
        const QByteArray before = m_scratch.read(QStringLiteral("screen.csv"));
        CMTL_EXPECT_REFUSAL(runCli(screen(path, {QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                                 QStringLiteral("--out"), path})),
                            2, QStringList{QStringLiteral("--out"), QStringLiteral("same file")});
        QCOMPARE(m_scratch.read(QStringLiteral("screen.csv")), before);
    }

    // Not a refusal: the sample screened whole, every feature once, IV sorted from the highest,
    // and the bins of a feature summing to its IV and to the labelled rows.
    void sampleIsScreenedWholeAndSortedByIv()
    {
        const QString out = m_scratch.path(QStringLiteral("sample_screen.csv"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("screen"), QStringLiteral("--data"), sample(), QStringLiteral("--task"),
                               QStringLiteral("Class:binary:bad"), QStringLiteral("--out"), out,
                               QStringLiteral("--bins"), QStringLiteral("int_rate")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile sampleFile(sample());
        QVERIFY(sampleFile.open(QIODevice::ReadOnly));
        QStringList features =
            QString::fromUtf8(sampleFile.readLine()).trimmed().remove(QLatin1Char('"')).split(QLatin1Char(','));
        features.removeAll(QStringLiteral("Class"));
        QCOMPARE(features.size(), 22);

        QFile table(out);
        QVERIFY(table.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(table.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.front(),
                 QStringLiteral("feature,type,iv,strength,auc,gini,missing_rate,bins,trend,suggested_drop"));
        QCOMPARE(lines.size(), features.size() + 1);
        QStringList seen;
        double previousIv = std::numeric_limits<double>::infinity();
        double intRateIv = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines[i].split(QLatin1Char(','));
            QCOMPARE(cells.size(), 10);
            seen.append(cells[0]);
            bool ok = false;
            const double iv = cells[2].toDouble(&ok);
            QVERIFY(ok);
            QVERIFY2(iv <= previousIv, qPrintable(lines[i]));
            previousIv = iv;
            if (cells[0] == QLatin1String("int_rate"))
                intRateIv = iv;
            QVERIFY2(run.out.contains(cells[0]), qPrintable(cells[0]));
        }
        seen.sort();
        features.sort();
        QCOMPARE(seen, features);

        // The printed bins of int_rate: counts add up to the labelled rows (9,857), IVs to the feature's.
        const qsizetype binsAt = run.out.indexOf(QStringLiteral("bins of int_rate"));
        QVERIFY(binsAt >= 0);
        const QStringList binLines = run.out.mid(binsAt).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(3);
        QVERIFY(binLines.size() >= 2);
        long long rows = 0;
        double ivSum = 0;
        for (const QString &line : binLines) {
            const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            rows += cells[cells.size() - 6].toLongLong();
            ivSum += cells.back().toDouble();
        }
        QCOMPARE(rows, 9857LL);
        // Printed to 4 decimals: within rounding of the bins' sum.
        QVERIFY2(std::abs(ivSum - intRateIv) < 1e-4 * double(binLines.size()), qPrintable(run.out.mid(binsAt)));
    }

private:
    QString data() const
    {
        return m_scratch.write(QStringLiteral("screen.csv"), "income,region,Class\n"
                                                             "10,north,good\n20,south,bad\n30,north,good\n"
                                                             "40,south,bad\n50,north,good\n60,south,good\n");
    }

    Scratch m_scratch;
};

QTEST_GUILESS_MAIN(CatalogueScreen)
#include "tst_catalogue_screen.moc"
