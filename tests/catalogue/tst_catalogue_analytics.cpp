// Bad-input catalogue: the credit analytics of saved models (evaluate --gains and the cut-off
// options, psi, importance, predict --reasons). The data files here are well-formed CSV that do not
// fit the model or the request, so the cases run through the command line only (the workbench's
// loader reads them without complaint, as it should).

#include "Catalogue.h"

using namespace cmtl::catalogue;

namespace {

// 300 applicants: two numbers, a category, a good/bad outcome and an amount.
QByteArray applicants(bool withClass = true, bool withX2 = true)
{
    QByteArray csv = "x1";
    csv += withX2 ? ",x2" : "";
    csv += ",region";
    csv += withClass ? ",Class" : "";
    csv += ",amount\n";
    for (int i = 0; i < 300; ++i) {
        const int x1 = (i * 37) % 100, x2 = (i * 53) % 97;
        csv += QByteArray::number(x1);
        if (withX2)
            csv += ',' + QByteArray::number(x2);
        csv += i % 3 == 0 ? ",north" : i % 3 == 1 ? ",south" : ",east";
        if (withClass)
            csv += (x1 + (i * 11) % 40 > 90) ? ",bad" : ",good";
        csv += ',' + QByteArray::number(1000 + 10 * x1 + x2) + '\n';
    }
    return csv;
}

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

class CatalogueAnalytics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_scratch.write(arg("applicants.csv"), applicants());
        m_binaryModel = m_scratch.path(arg("binary.cmtl"));
        m_regressionModel = m_scratch.path(arg("regression.cmtl"));
        const CliRun binary =
            runCli({arg("train"), arg("--data"), m_data, arg("--task"), arg("Class:binary:bad"), arg("--ignore"),
                    arg("amount"), arg("--epochs"), arg("2"), arg("--hidden"), arg("8"), arg("--out"), m_binaryModel});
        QVERIFY2(binary.exitCode == 0, qPrintable(binary.err));
        const CliRun regression = runCli({arg("train"), arg("--data"), m_data, arg("--task"), arg("amount:regression"),
                                          arg("--ignore"), arg("Class"), arg("--epochs"), arg("2"), arg("--hidden"),
                                          arg("8"), arg("--out"), m_regressionModel});
        QVERIFY2(regression.exitCode == 0, qPrintable(regression.err));
    }

    void psiBaseLacksAModelColumn()
    {
        const QString base = m_scratch.write(arg("base_no_x2.csv"), applicants(true, false));
        CMTL_EXPECT_REFUSAL(
            runCli({arg("psi"), arg("--model"), m_binaryModel, arg("--base"), base, arg("--data"), m_data}), 1,
            QStringList{arg("base_no_x2.csv"), arg("x2")});
    }

    void psiNewDataLacksAModelColumn()
    {
        const QString fresh = m_scratch.write(arg("new_no_x2.csv"), applicants(true, false));
        CMTL_EXPECT_REFUSAL(
            runCli({arg("psi"), arg("--model"), m_binaryModel, arg("--base"), m_data, arg("--data"), fresh}), 1,
            QStringList{arg("new_no_x2.csv"), arg("x2")});
    }

    void psiNewDataWithoutRows()
    {
        const QString empty = m_scratch.write(arg("header_only.csv"), "x1,x2,region,Class,amount\n");
        CMTL_EXPECT_REFUSAL(
            runCli({arg("psi"), arg("--model"), m_binaryModel, arg("--base"), m_data, arg("--data"), empty}), 1,
            QStringList{arg("header_only.csv"), arg("no data rows")});
    }

    void psiOutputOverTheBase()
    {
        const QString base = m_scratch.write(arg("base_copy.csv"), applicants());
        CMTL_EXPECT_REFUSAL(runCli({arg("psi"), arg("--model"), m_binaryModel, arg("--base"), base, arg("--data"),
                                    m_data, arg("--out"), base}),
                            2, QStringList{arg("--out"), arg("--base")});
        QCOMPARE(m_scratch.read(arg("base_copy.csv")), applicants());
    }

    void psiWithoutBase()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("psi"), arg("--model"), m_binaryModel, arg("--data"), m_data}), 2,
                            QStringList{arg("--base"), arg("required")});
    }

    void gainsZeroBands()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--gains"), arg("0")}), 2,
                            QStringList{arg("--gains"), arg("\"0\""), arg("from 1")});
    }

    void gainsNotANumber()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--gains"), arg("ten")}), 2, QStringList{arg("--gains"), arg("\"ten\"")});
    }

    void gainsOnAModelWithoutBinaryTask()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("evaluate"), arg("--model"), m_regressionModel, arg("--data"), m_data,
                                    arg("--gains"), arg("10")}),
                            2, QStringList{arg("--gains"), arg("binary task")});
    }

    void negativeCost()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--cost-fn"), arg("-5"), arg("--cost-fp"), arg("1")}), 2,
                            QStringList{arg("--cost-fn"), arg("\"-5\""), arg("from 0")});
    }

    void oneCostOnly()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--cost-fn"), arg("5")}), 2, QStringList{arg("--cost-fp"), arg("both")});
    }

    void bothCostsZero()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--cost-fn"), arg("0"), arg("--cost-fp"), arg("0")}), 2,
                            QStringList{arg("both 0"), arg("above 0")});
    }

    void approvalRateAboveOne()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--target-approval"), arg("80")}), 2,
                            QStringList{arg("--target-approval"), arg("\"80\""), arg("0 to 1")});
    }

    void twoCutoffCriteria()
    {
        CMTL_EXPECT_REFUSAL(evaluate({arg("--target-approval"), arg("0.8"), arg("--max-bad-rate"), arg("0.05")}), 2,
                            QStringList{arg("one cut-off criterion")});
    }

    void reasonsOnAModelWithoutBinaryTask()
    {
        const QString out = m_scratch.path(arg("reasons.csv"));
        CMTL_EXPECT_REFUSAL(runCli({arg("predict"), arg("--model"), m_regressionModel, arg("--data"), m_data,
                                    arg("--out"), out, arg("--reasons"), arg("3")}),
                            2, QStringList{arg("--reasons"), arg("binary"), arg("amount (regression)")});
        QVERIFY(!QFile::exists(out));
    }

    void reasonsZero()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("predict"), arg("--model"), m_binaryModel, arg("--data"), m_data, arg("--out"),
                                    m_scratch.path(arg("reasons0.csv")), arg("--reasons"), arg("0")}),
                            2, QStringList{arg("--reasons"), arg("\"0\"")});
    }

    void importanceZeroRepeats()
    {
        CMTL_EXPECT_REFUSAL(runCli({arg("importance"), arg("--model"), m_binaryModel, arg("--data"), m_data,
                                    arg("--repeats"), arg("0")}),
                            2, QStringList{arg("--repeats"), arg("\"0\"")});
    }

    void importanceWithoutTheLabelColumn()
    {
        const QString unlabelled = m_scratch.write(arg("unlabelled.csv"), applicants(false, true));
        CMTL_EXPECT_REFUSAL(runCli({arg("importance"), arg("--model"), m_binaryModel, arg("--data"), unlabelled}), 1,
                            QStringList{arg("unlabelled.csv"), arg("Class")});
    }

    void importanceWithoutLabelledRows()
    {
        QByteArray csv = applicants();
        csv.replace(",bad,", ",,").replace(",good,", ",,");
        const QString path = m_scratch.write(arg("no_labels.csv"), csv);
        CMTL_EXPECT_REFUSAL(runCli({arg("importance"), arg("--model"), m_binaryModel, arg("--data"), path}), 1,
                            QStringList{arg("no_labels.csv"), arg("Class"), arg("no labelled row")});
    }

private:
    CliRun evaluate(const QStringList &options)
    {
        return runCli(QStringList{arg("evaluate"), arg("--model"), m_binaryModel, arg("--data"), m_data} + options);
    }

    Scratch m_scratch;
    QString m_data, m_binaryModel, m_regressionModel;
};

QTEST_GUILESS_MAIN(CatalogueAnalytics)
#include "tst_catalogue_analytics.moc"
