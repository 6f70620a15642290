// Bad-input catalogue: data preparation options (a column's type, values treated as missing in one
// column, the ID columns kept in predictions) given wrongly, and cells a forced type cannot read.

#include "Catalogue.h"

using namespace cmtl;
using namespace cmtl::catalogue;

class CatalogueDataPrep : public QObject {
    Q_OBJECT

private:
    Scratch m_scratch;

    // A file whose income column is numeric but for "twelve thousand" on line 3.
    QString spoiledFile() const
    {
        return m_scratch.write(QStringLiteral("spoiled.csv"),
                               "loan_id,income,default\nL-1,1000,good\nL-2,twelve thousand,bad\nL-3,3000,good\n");
    }

private Q_SLOTS:
    void columnTypeThatIsNoType()
    {
        const QString data = spoiledFile();
        for (const QString &given : {QStringLiteral("income=float"), QStringLiteral("income")})
            CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), data, QStringLiteral("--column-type"), given}), 2,
                                QStringList{QStringLiteral("--column-type"), given, QStringLiteral("numeric"),
                                            QStringLiteral("categorical")});
    }

    void missingValuesWithoutAColumn()
    {
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), spoiledFile(), QStringLiteral("--missing-values"),
                                    QStringLiteral("twelve thousand")}),
                            2, QStringList{QStringLiteral("--missing-values"), QStringLiteral("COLUMN=VALUE")});
    }

    void typeOfAColumnTheFileLacks()
    {
        const QString data = spoiledFile();
        const QStringList words{QStringLiteral("spoiled.csv"), QStringLiteral("\"salary\""),
                                QStringLiteral("the columns are: loan_id, income, default")};
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), data, QStringLiteral("--column-type"),
                                    QStringLiteral("salary=numeric")}),
                            1, words);
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("inspect"), data, QStringLiteral("--missing-values"), QStringLiteral("salary=n/a")}),
            1, words);
        CsvOptions options;
        options.numericColumns = {"salary"};
        const QString shown = workbenchLoadError(data, options);
        for (const QString &word : words)
            QVERIFY2(shown.contains(word), qPrintable(shown));
    }

    void bothNumericAndCategorical()
    {
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("inspect"), spoiledFile(), QStringLiteral("--column-type"),
                    QStringLiteral("income=numeric"), QStringLiteral("--column-type"),
                    QStringLiteral("income=categorical")}),
            1, QStringList{QStringLiteral("\"income\""), QStringLiteral("both as numeric and as categorical")});
    }

    // Forced numeric, a cell that is no number is refused where it is, with the fix; never read
    // as text in silence.
    void forcedNumericWithATextCell()
    {
        const QString data = spoiledFile();
        const QStringList words{QStringLiteral("spoiled.csv"), QStringLiteral("line 3"), QStringLiteral("income"),
                                QStringLiteral("\"twelve thousand\""),
                                QStringLiteral("--missing-values \"income=twelve thousand\"")};
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), data, QStringLiteral("--column-type"),
                                    QStringLiteral("income=numeric")}),
                            1, words);
        CsvOptions options;
        options.numericColumns = {"income"};
        const QString shown = workbenchLoadError(data, options);
        for (const QString &word : words.mid(0, 4))
            QVERIFY2(shown.contains(word), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Treat as missing")), qPrintable(shown));
        // With the value treated as missing, the same file reads.
        options.columnMissingValues["income"] = {"twelve thousand"};
        QCOMPARE(workbenchLoadError(data, options), QString());
    }

    // predict --keep of a column the file lacks: refused by name with the file's columns, and no
    // predictions file written.
    void keepOfAnAbsentColumn()
    {
        QByteArray training = "loan_id,income,default\n";
        for (int i = 0; i < 60; ++i)
            training += "L-" + QByteArray::number(i) + ',' + QByteArray::number(1000 + 37 * i) + ',' +
                        (i % 3 == 0 ? "bad" : "good") + '\n';
        const QString data = m_scratch.write(QStringLiteral("train.csv"), training);
        const QString model = m_scratch.path(QStringLiteral("m.cmtl"));
        const CliRun trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--task"),
                    QStringLiteral("default:binary:bad"), QStringLiteral("--ignore"), QStringLiteral("loan_id"),
                    QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--out"), model});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QString scored = m_scratch.write(QStringLiteral("new.csv"), "id,income\nA,1200\nB,2400\n");
        const QString out = m_scratch.path(QStringLiteral("p.csv"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("predict"), QStringLiteral("--model"), model, QStringLiteral("--data"), scored,
                    QStringLiteral("--out"), out, QStringLiteral("--keep"), QStringLiteral("loan_id")}),
            1,
            QStringList{QStringLiteral("new.csv"), QStringLiteral("--keep"), QStringLiteral("\"loan_id\""),
                        QStringLiteral("its columns are: id, income")});
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(CatalogueDataPrep)
#include "tst_catalogue_dataprep.moc"
