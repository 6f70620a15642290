// Bad-input catalogue: data files the CSV reader must refuse clearly, or read with a warning
// (issue 16). Each case runs creditmtl-cli and, for refusals, the workbench's loader.

#include "Catalogue.h"

#include <QElapsedTimer>
#include <QStringEncoder>

#include <atomic>
#include <thread>

#include <unistd.h>

using namespace cmtl::catalogue;

namespace {

const QString kInspect = QStringLiteral("inspect");

// The CLI and the workbench's loader both refuse `path`, naming every word.
#define EXPECT_BOTH_REFUSE(path, words)                                                                                \
    do {                                                                                                               \
        CMTL_EXPECT_REFUSAL(runCli({kInspect, path}, 10000), 1, words);                                                \
        const QString shown = workbenchLoadError(path);                                                                \
        for (const QString &word : words)                                                                              \
            QVERIFY2(shown.contains(word),                                                                             \
                     qPrintable(QStringLiteral("workbench: missing \"%1\" in\n%2").arg(word, shown)));                 \
    } while (false)

QByteArray numberedRows(int rows)
{
    QByteArray text;
    for (int i = 0; i < rows; ++i)
        text += QByteArray::number(i) + ',' + QByteArray::number(i % 7) + ".5\n";
    return text;
}

} // namespace

class CatalogueReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileRewrittenDuringTheRead()
    {
        // Another program rewrites the file (truncating it, then writing it again) while
        // creditmtl-cli reads it: each run must end with the table or "the file changed while it
        // was read", never with a signal (the memory-mapped reader died with SIGBUS).
        const QByteArray full = "a,b\n" + numberedRows(1500000);
        const QString path = m_scratch.write(QStringLiteral("rewritten.csv"), full);
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            const QByteArray name = QFile::encodeName(path);
            while (!stop.load()) {
                if (::truncate(name.constData(), 100) != 0)
                    return;
                QFile file(path);
                if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return;
                file.write(full);
            }
        });
        int changed = 0;
        for (int run = 0; run < 6; ++run) {
            const CliRun result = runCli({kInspect, path}, 60000);
            QVERIFY2(!result.crashed, qPrintable(result.err));
            QVERIFY2(!result.hung, "hung");
            if (result.exitCode != 0) {
                QVERIFY2(result.err.contains(QStringLiteral("changed while it was read")) ||
                             result.err.contains(QStringLiteral("rewritten.csv")),
                         qPrintable(result.err));
                changed += result.err.contains(QStringLiteral("changed while it was read")) ? 1 : 0;
            }
        }
        stop = true;
        writer.join();
        qInfo("%d of 6 reads saw the file change", changed);
    }

    void fifoAsData()
    {
        const QString path = m_scratch.fifo(QStringLiteral("pipe.csv"));
        // A hang is caught by the time limits (tst_csvreader asks the reader for one second).
        EXPECT_BOTH_REFUSE(
            path, (QStringList{path, QStringLiteral("FIFO"), QStringLiteral("save the data to a file first")}));
        // And as the data of train, which reads it the same way.
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("train"), QStringLiteral("--data"), path, QStringLiteral("--task"),
                    QStringLiteral("a:regression"), QStringLiteral("--out"), m_scratch.path(QStringLiteral("m.cmtl"))},
                   5000),
            1, QStringList{QStringLiteral("FIFO")});
    }

    void deviceAsData()
    {
        EXPECT_BOTH_REFUSE(QStringLiteral("/dev/zero"),
                           (QStringList{QStringLiteral("/dev/zero"), QStringLiteral("character device")}));
    }

    void latin1ReadAsWindows1252()
    {
        const QString path = m_scratch.write(QStringLiteral("latin.csv"), "city,n\nZ\xFCrich,1\nM\xFCnchen,2\n");
        const CliRun run = runCli({kInspect, path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Windows-1252")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral(u"\"Zürich\" at line 2")), qPrintable(run.out));
        QVERIFY(workbenchLoadError(path).isEmpty());
        // Chosen explicitly as GB18030, the bytes are what the user asked for.
        const CliRun gb = runCli({kInspect, QStringLiteral("--encoding"), QStringLiteral("GB18030"), path});
        QCOMPARE(gb.exitCode, 0);
        QVERIFY2(gb.out.contains(QStringLiteral("chosen in the import options")), qPrintable(gb.out));
    }

    void utf16WithoutByteOrderMark()
    {
        QStringEncoder encoder(QStringConverter::Utf16LE);
        const QString path =
            m_scratch.write(QStringLiteral("utf16.csv"), encoder.encode(QStringLiteral("a,b\n1,2\n3,4\n")));
        EXPECT_BOTH_REFUSE(path, (QStringList{path, QStringLiteral("UTF-16 without a byte-order mark"),
                                              QStringLiteral("--encoding utf-16le")}));
        const CliRun named = runCli({kInspect, QStringLiteral("--encoding"), QStringLiteral("utf-16le"), path});
        QCOMPARE(named.exitCode, 0);
        QVERIFY2(named.out.contains(QStringLiteral("2 rows, 2 columns")), qPrintable(named.out));
    }

    void utf16WithByteOrderMark()
    {
        QStringEncoder encoder(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
        const QString path = m_scratch.write(QStringLiteral("utf16bom.csv"),
                                             encoder.encode(QStringLiteral(u"城市,n\n北京,1\n上海,2\n")));
        const CliRun run = runCli({kInspect, path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("UTF-16BE with BOM")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral(u"城市")), qPrintable(run.out));
        QVERIFY(workbenchLoadError(path).isEmpty());
    }

    void nulBytes()
    {
        const QString path = m_scratch.write(QStringLiteral("nul.csv"), QByteArray("a,b\n1,2\n3,x\0y\n", 14));
        EXPECT_BOTH_REFUSE(path, (QStringList{path, QStringLiteral("line 3"), QStringLiteral("NUL")}));
    }

    void gzipNamedCsv()
    {
        const QString path = m_scratch.write(QStringLiteral("data.csv"), QByteArray("\x1F\x8B\x08\x00\x00\x00", 6));
        EXPECT_BOTH_REFUSE(
            path, (QStringList{path, QStringLiteral("gzip-compressed"), QStringLiteral("decompress it first")}));
    }

    void oneBadCellInANumericColumn()
    {
        const QString path =
            m_scratch.write(QStringLiteral("amounts.csv"), "id,amount\n" + numberedRows(300) + "300,\"13,99\"\n");
        const CliRun run = runCli({kInspect, path});
        QCOMPARE(run.exitCode, 0);
        for (const QString &word :
             {QStringLiteral("warning"), QStringLiteral("amounts.csv"), QStringLiteral("column \"amount\""),
              QStringLiteral("1 of 301 cells"), QStringLiteral("line 302 \"13,99\""), QStringLiteral("--missing")})
            QVERIFY2(run.err.contains(word), qPrintable(word + QLatin1Char('\n') + run.err));
        // train prints the same warning (it reads through the same function).
        const CliRun train = runCli({QStringLiteral("train"), QStringLiteral("--data"), path, QStringLiteral("--task"),
                                     QStringLiteral("id:regression"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                     QStringLiteral("--hidden"), QStringLiteral("none"), QStringLiteral("--out"),
                                     m_scratch.path(QStringLiteral("amounts.cmtl"))});
        QVERIFY2(train.err.contains(QStringLiteral("line 302 \"13,99\"")), qPrintable(train.err));
    }

    void decimalComma()
    {
        const QString path = m_scratch.write(QStringLiteral("euro.csv"), "rate;grade\n13,99;A\n7,5;B\n");
        const CliRun detected = runCli({kInspect, path});
        QCOMPARE(detected.exitCode, 0);
        QVERIFY2(detected.out.contains(QStringLiteral("decimal comma")), qPrintable(detected.out));
        QVERIFY2(detected.out.contains(QStringLiteral("13.99")), qPrintable(detected.out)); // the maximum
        const QString commaSeparated =
            m_scratch.write(QStringLiteral("quoted.csv"), "rate,n\n\"13,99\",1\n\"7,5\",2\n");
        const CliRun chosen = runCli({kInspect, QStringLiteral("--decimal-comma"), commaSeparated});
        QCOMPARE(chosen.exitCode, 0);
        QVERIFY2(chosen.out.contains(QStringLiteral("rate    numeric")), qPrintable(chosen.out));
    }

    void numbersBeyondFloat_data()
    {
        QTest::addColumn<QString>("cell");
        for (const char *cell : {"1e39", "1e308", "inf", "-inf"})
            QTest::newRow(cell) << QString::fromLatin1(cell);
    }

    void numbersBeyondFloat()
    {
        QFETCH(QString, cell);
        const QString path = m_scratch.write(QStringLiteral("big.csv"), "a,b\n1,2\n3," + cell.toLatin1() + "\n5,6\n");
        EXPECT_BOTH_REFUSE(path,
                           (QStringList{path, QStringLiteral("line 3"), QStringLiteral("column \"b\""),
                                        QLatin1Char('"') + cell + QLatin1Char('"'), QStringLiteral("--missing")}));
    }

    void identifiersBeyondFloatPrecision()
    {
        const QString path = m_scratch.write(QStringLiteral("ids.csv"), "customer_id,x\n123456789,1\n123456790,2\n");
        const CliRun run = runCli({kInspect, path});
        QCOMPARE(run.exitCode, 0);
        for (const QString &word :
             {QStringLiteral("column \"customer_id\""), QStringLiteral("line 2"),
              QStringLiteral("123456789 is read as 123456792"), QStringLiteral("--ignore customer_id")})
            QVERIFY2(run.err.contains(word), qPrintable(word + QLatin1Char('\n') + run.err));
    }

    void pageOfQuotes()
    {
        QByteArray page;
        for (int i = 0; i < 50; ++i)
            page += QByteArray(80, '"') + '\n';
        const QString path = m_scratch.write(QStringLiteral("binary_garbage.csv"), page);
        EXPECT_BOTH_REFUSE(path,
                           (QStringList{path, QStringLiteral("line 1"), QStringLiteral("quote characters only")}));
        const QString unterminated = m_scratch.write(QStringLiteral("open_quote.csv"), "a,b\n1,\"x\n2,3\n");
        EXPECT_BOTH_REFUSE(unterminated,
                           (QStringList{unterminated, QStringLiteral("line 2"), QStringLiteral("never closed")}));
    }

    void headerOnly()
    {
        const QString path = m_scratch.write(QStringLiteral("header.csv"), "default,x\n");
        EXPECT_BOTH_REFUSE(path, (QStringList{path, QStringLiteral("no data rows")}));
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("train"), QStringLiteral("--data"), path, QStringLiteral("--task"),
                                    QStringLiteral("default:binary:1"), QStringLiteral("--out"),
                                    m_scratch.path(QStringLiteral("h.cmtl"))}),
                            1, QStringList{QStringLiteral("no data rows")});
    }

    void oldMacLineEnds()
    {
        const QString path = m_scratch.write(QStringLiteral("mac.csv"), "a,b\r1,x\r2,y\r");
        const CliRun run = runCli({kInspect, path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("2 rows, 2 columns")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("old Mac line ends")), qPrintable(run.out));
        QVERIFY(workbenchLoadError(path).isEmpty());
    }

    void columnNames()
    {
        const QString duplicate = m_scratch.write(QStringLiteral("duplicate.csv"), "id,x,id\n1,2,3\n");
        EXPECT_BOTH_REFUSE(duplicate, (QStringList{duplicate, QStringLiteral("line 1"),
                                                   QStringLiteral("columns 1 and 3"), QStringLiteral("\"id\"")}));
        const QString unnamed = m_scratch.write(QStringLiteral("unnamed.csv"), "a,  ,\n1,2,3\n");
        const CliRun run = runCli({kInspect, unnamed});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("column 2 has no name")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("\"V3\"")), qPrintable(run.err));
    }

    void deepQuoting()
    {
        const QString path =
            m_scratch.write(QStringLiteral("deep.csv"), "a,b\n\"" + QByteArray(200000, '"') + "\",1\n");
        const CliRun run = runCli({kInspect, path}, 20000);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 rows, 2 columns")), qPrintable(run.out.left(300)));
    }

    void lineOfAHundredMillionFields()
    {
        QFile file(m_scratch.path(QStringLiteral("long.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block;
        for (int i = 0; i < (1 << 19); ++i)
            block += "1,";
        for (int i = 0; i < 200; ++i)
            file.write(block);
        file.write("1\n1\n");
        file.close();
        QElapsedTimer timer;
        timer.start();
        CMTL_EXPECT_REFUSAL(runCli({kInspect, file.fileName()}, 30000), 1,
                            QStringList{QStringLiteral("more than 1,000,000 fields"), QStringLiteral("line 1")});
        qInfo("a 200 MB line of 100 million fields refused in %lld ms", static_cast<long long>(timer.elapsed()));
        file.remove();
    }

    void hundredThousandColumns()
    {
        QByteArray text = "c0";
        for (int j = 1; j < 100000; ++j)
            text += ",c" + QByteArray::number(j);
        text += '\n';
        for (int row = 0; row < 20; ++row) {
            text += QByteArray::number(row % 2);
            for (int j = 1; j < 100000; ++j)
                text += ',' + QByteArray::number((row * 7 + j) % 1000);
            text += '\n';
        }
        const QString path = m_scratch.write(QStringLiteral("wide.csv"), text);
        QElapsedTimer timer;
        timer.start();
        const CliRun run = runCli({kInspect, path}, 60000);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("20 rows, 100000 columns")), qPrintable(run.out.left(300)));
        qInfo("inspect of 100,000 columns x 20 rows: %lld ms", static_cast<long long>(timer.elapsed()));
        timer.restart();
        QVERIFY(workbenchLoadError(path).isEmpty());
        qInfo("the workbench's loader (read, describe, histograms): %lld ms", static_cast<long long>(timer.elapsed()));
    }

private:
    Scratch m_scratch;
};

QTEST_GUILESS_MAIN(CatalogueReader)
#include "tst_catalogue_reader.moc"
