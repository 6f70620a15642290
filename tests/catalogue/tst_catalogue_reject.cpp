// Bad-input catalogue: `creditmtl-cli reject-inference` (core/rejectinference): a declined
// applicants' file without the model's feature columns, with outcomes in the task's column, or with
// no rows; a parcel factor that is not a finite number > 0; an unknown method; an output over an
// input. Run time: under 1 s.

#include "Catalogue.h"

using namespace cmtl::catalogue;

namespace {

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list.append(QString::fromUtf8(word));
    return list;
}

// 200 accepted applicants: income and region, bad mostly at low income.
QByteArray acceptsCsv()
{
    QByteArray text = "income,region,Class\n";
    const char *regions[] = {"north", "south", "east"};
    for (int i = 0; i < 200; ++i) {
        const int income = 20 + (i * 37) % 180;
        const bool bad = (income < 70 && i % 3 != 0) || i % 11 == 0;
        text += QByteArray::number(income) + ',' + regions[i % 3] + ',' + (bad ? "bad" : "good") + '\n';
    }
    return text;
}

} // namespace

class CatalogueReject : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_accepts = m_scratch.write(QStringLiteral("accepts.csv"), acceptsCsv());
        m_card = m_scratch.path(QStringLiteral("card.csv"));
    }

    void goodRunForContrast()
    {
        const QString declined = m_scratch.write(QStringLiteral("declined.csv"), "income,region\n25,north\n40,east\n"
                                                                                 "150,south\n61,north\n");
        const CliRun run = runCli(rejectInference(declined, {"--method", "parcel", "--parcel-factor", "1.5"}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("by parcelling")));
    }

    void rejectsLackAFeatureColumn()
    {
        const QString declined = m_scratch.write(QStringLiteral("no_income.csv"), "region\nnorth\neast\n");
        CMTL_EXPECT_REFUSAL(runCli(rejectInference(declined, {})), 1,
                            QStringList{QStringLiteral("no_income.csv"), QStringLiteral("line 1"),
                                        QStringLiteral("no column \"income\""), QStringLiteral("--ignore")});
    }

    void rejectsHoldOutcomes()
    {
        // The accepts given as the rejects: refused (not warned), since a declined applicant has no
        // outcome and ignoring the labels would misread the file in silence.
        const QString declined =
            m_scratch.write(QStringLiteral("labelled.csv"), "income,region,Class\n30,north,\n45,east,good\n");
        CMTL_EXPECT_REFUSAL(runCli(rejectInference(declined, {})), 1,
                            QStringList{QStringLiteral("labelled.csv"), QStringLiteral("line 3"),
                                        QStringLiteral("Class"), QStringLiteral("\"good\""),
                                        QStringLiteral("remove it")});
    }

    void rejectsEmpty()
    {
        // The reader refuses it before the engine (whose own refusal, for a table of no rows from
        // elsewhere, tst_rejectinference checks).
        const QString declined = m_scratch.write(QStringLiteral("header_only.csv"), "income,region\n");
        CMTL_EXPECT_REFUSAL(runCli(rejectInference(declined, {})), 1,
                            QStringList{QStringLiteral("header_only.csv"), QStringLiteral("no data rows"),
                                        QStringLiteral("at least one line of data")});
    }

    void parcelFactorNotPositive()
    {
        const QString declined = m_scratch.write(QStringLiteral("declined.csv"), "income,region\n25,north\n");
        for (const char *factor : {"0", "-2", "nan", "inf"}) {
            const CliRun run = runCli(rejectInference(declined, {"--method", "parcel", "--parcel-factor", factor}));
            QVERIFY2(run.exitCode != 0, factor);
            QVERIFY2(run.err.contains(QStringLiteral("parcel")) && run.err.contains(QStringLiteral("factor")),
                     qPrintable(run.err));
            QVERIFY2(run.err.contains(QString::fromUtf8(factor)), qPrintable(run.err));
        }
    }

    void unknownMethod()
    {
        const QString declined = m_scratch.write(QStringLiteral("declined.csv"), "income,region\n25,north\n");
        CMTL_EXPECT_REFUSAL(
            runCli(rejectInference(declined, {"--method", "augment"})), 2,
            QStringList{QStringLiteral("--method"), QStringLiteral("\"augment\""), QStringLiteral("fuzzy or parcel")});
    }

    void outputOverTheRejects()
    {
        const QString declined = m_scratch.write(QStringLiteral("declined.csv"), "income,region\n25,north\n");
        const QByteArray before = m_scratch.read(QStringLiteral("declined.csv"));
        const CliRun run = runCli(QStringList{QStringLiteral("reject-inference"), QStringLiteral("--data"), m_accepts,
                                              QStringLiteral("--rejects"), declined} +
                                  args({"--task", "Class:binary:bad", "--out"}) + QStringList{declined});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QStringLiteral("--out")) && run.err.contains(QStringLiteral("--rejects")),
                 qPrintable(run.err));
        QCOMPARE(m_scratch.read(QStringLiteral("declined.csv")), before);
    }

private:
    QStringList rejectInference(const QString &declined, std::initializer_list<const char *> more) const
    {
        return QStringList{QStringLiteral("reject-inference"), QStringLiteral("--data"), m_accepts,
                           QStringLiteral("--rejects"), declined} +
               args({"--task", "Class:binary:bad", "--holdout", "0.3", "--out"}) + QStringList{m_card} + args(more);
    }

    Scratch m_scratch;
    QString m_accepts, m_card;
};

QTEST_GUILESS_MAIN(CatalogueReject)
#include "tst_catalogue_reject.moc"
