// Bad-input catalogue: the model report (`creditmtl-cli report`). The data files are well-formed
// CSV that do not fit the model or the request, so the cases run through the command line only
// (the workbench's loader reads them without complaint, as it should); every refusal leaves no
// report behind.

#include "Catalogue.h"

#include <QFileInfo>

using namespace cmtl::catalogue;

namespace {

// 300 applicants: two numbers, a category and a good/bad outcome.
QByteArray applicants(bool withClass = true, bool withX2 = true, bool labelled = true)
{
    QByteArray csv = "x1";
    csv += withX2 ? ",x2" : "";
    csv += ",region";
    csv += withClass ? ",Class" : "";
    csv += '\n';
    for (int i = 0; i < 300; ++i) {
        const int x1 = (i * 37) % 100, x2 = (i * 53) % 97;
        csv += QByteArray::number(x1);
        if (withX2)
            csv += ',' + QByteArray::number(x2);
        csv += i % 3 == 0 ? ",north" : i % 3 == 1 ? ",south" : ",east";
        if (withClass)
            csv += !labelled ? "," : (x1 + (i * 11) % 40 > 90) ? ",bad" : ",good";
        csv += '\n';
    }
    return csv;
}

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

class CatalogueReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_scratch.write(arg("applicants.csv"), applicants());
        m_model = m_scratch.path(arg("m.cmtl"));
        m_out = m_scratch.path(arg("report.html"));
        const CliRun train = runCli({arg("train"), arg("--data"), m_data, arg("--task"), arg("Class:binary:bad"),
                                     arg("--epochs"), arg("2"), arg("--hidden"), arg("8"), arg("--out"), m_model});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    }

    void cleanup() { QVERIFY2(!QFileInfo::exists(m_out), "a refused report left a file behind"); }

    void withoutOut()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data}), 2,
                            QStringList{arg("report"), arg("--out")});
    }

    void withoutData()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--out"), m_out}), 2,
                            QStringList{arg("report"), arg("--data")});
    }

    void outOverTheData()
    {
        const QString copy = m_scratch.write(arg("kept.csv"), applicants());
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), copy, arg("--out"), copy}),
                            2, QStringList{arg("--out"), arg("--data"), arg("kept.csv")});
        QCOMPARE(m_scratch.read(arg("kept.csv")), applicants());
    }

    void outOverTheModel()
    {
        CMTL_EXPECT_REFUSAL(
            runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), m_model}), 2,
            QStringList{arg("--out"), arg("--model"), arg("m.cmtl")});
    }

    void outOverTheBase()
    {
        const QString base = m_scratch.write(arg("base.csv"), applicants());
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--base"), base,
                                    arg("--out"), base}),
                            2, QStringList{arg("--out"), arg("--base"), arg("base.csv")});
    }

    void modelFileMissing()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_scratch.path(arg("absent.cmtl")), arg("--data"),
                                    m_data, arg("--out"), m_out}),
                            1, QStringList{arg("absent.cmtl")});
    }

    void modelFileIsNotAModel()
    {
        const QString fake = m_scratch.write(arg("fake.cmtl"), "x1,x2\n1,2\n");
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), fake, arg("--data"), m_data, arg("--out"), m_out}),
                            1, QStringList{arg("fake.cmtl")});
    }

    void dataLacksTheTaskColumn()
    {
        const QString unlabelled = m_scratch.write(arg("unlabelled.csv"), applicants(false));
        CMTL_EXPECT_REFUSAL(
            runCli({arg("report"), arg("--model"), m_model, arg("--data"), unlabelled, arg("--out"), m_out}), 1,
            QStringList{arg("unlabelled.csv"), arg("Class")});
    }

    void dataLacksAModelColumn()
    {
        const QString partial = m_scratch.write(arg("no_x2.csv"), applicants(true, false));
        CMTL_EXPECT_REFUSAL(
            runCli({arg("report"), arg("--model"), m_model, arg("--data"), partial, arg("--out"), m_out}), 1,
            QStringList{arg("no_x2.csv"), arg("x2")});
    }

    void dataWithoutRows()
    {
        const QString empty = m_scratch.write(arg("header_only.csv"), "x1,x2,region,Class\n");
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), empty, arg("--out"), m_out}),
                            1, QStringList{arg("header_only.csv"), arg("no data rows")});
    }

    void noLabelledRow()
    {
        const QString blank = m_scratch.write(arg("blank_labels.csv"), applicants(true, true, false));
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), blank, arg("--out"), m_out}),
                            1, QStringList{arg("Class"), arg("label")});
    }

    void baseLacksAModelColumn()
    {
        const QString base = m_scratch.write(arg("base_no_x2.csv"), applicants(true, false));
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--base"), base,
                                    arg("--out"), m_out}),
                            1, QStringList{arg("base_no_x2.csv"), arg("x2")});
    }

    void baseWithoutRows()
    {
        const QString empty = m_scratch.write(arg("base_empty.csv"), "x1,x2,region,Class\n");
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--base"), empty,
                                    arg("--out"), m_out}),
                            1, QStringList{arg("base_empty.csv"), arg("no data rows")});
    }

    void repeatsOutOfRange()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), m_out,
                                    arg("--repeats"), arg("0")}),
                            2, QStringList{arg("--repeats"), arg("0"), arg("1000")});
    }

    void seedNotANumber()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), m_out,
                                    arg("--seed"), arg("abc")}),
                            2, QStringList{arg("--seed"), arg("abc")});
    }

    void strayArgument()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_data, arg("--out"), m_out,
                                    arg("extra.csv")}),
                            2, QStringList{arg("extra.csv")});
    }

private:
    Scratch m_scratch;
    QString m_data, m_model, m_out;
};

QTEST_GUILESS_MAIN(CatalogueReport)
#include "tst_catalogue_report.moc"
