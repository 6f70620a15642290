// Bad-input catalogue: the training options that choose what early stopping watches and whether
// the model is trained again on all training rows (--early-stop-on, --refit), through the CLI, and
// the same settings in a saved configuration.

#include "Catalogue.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace cmtl::catalogue;

namespace {

QString cli(const char *text)
{
    return QString::fromLatin1(text);
}

// 60 loans: x in [0, 59], Class alternating bad/good, grade A/B/C, rate = x / 10.
QByteArray loans()
{
    QByteArray text = "x,Class,grade,rate\n";
    for (int i = 0; i < 60; ++i)
        text += QByteArray::number(i) + (i % 2 ? ",good," : ",bad,") + "ABC"[i % 3] + ',' +
                QByteArray::number(i / 10.0) + '\n';
    return text;
}

} // namespace

class CatalogueTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_data = m_scratch.write(QStringLiteral("loans.csv"), loans()); }

    void earlyStopOnAnUnknownTask()
    {
        CMTL_EXPECT_REFUSAL(train({cli("--early-stop-on"), cli("income:auc")}), 2,
                            QStringList{QStringLiteral("--early-stop-on"), QStringLiteral("\"income:auc\""),
                                        QStringLiteral("Class:auc or Class:loss"),
                                        QStringLiteral("grade:accuracy or grade:loss")});
    }

    void earlyStopOnAMetricOfAnotherTaskType()
    {
        CMTL_EXPECT_REFUSAL(train({cli("--early-stop-on"), cli("grade:auc")}), 2,
                            QStringList{QStringLiteral("--early-stop-on"), QStringLiteral("\"grade\" is multiclass"),
                                        QStringLiteral("accuracy and loss")});
    }

    void earlyStopOnWithoutAMetric()
    {
        CMTL_EXPECT_REFUSAL(
            train({cli("--early-stop-on"), cli("Class")}), 2,
            QStringList{QStringLiteral("expected objective or TASK:METRIC"), QStringLiteral("Class:auc")});
    }

    void refitWithAnUnknownMode()
    {
        CMTL_EXPECT_REFUSAL(train({cli("--refit"), cli("yes")}), 2,
                            QStringList{QStringLiteral("--refit"), QStringLiteral("\"yes\""), QStringLiteral("all"),
                                        QStringLiteral("none")});
    }

    void goodValuesTrainAndSayWhatHappened()
    {
        const CliRun refitted = train({cli("--early-stop-on"), cli("Class:auc"), cli("--patience"), cli("2")});
        QVERIFY2(refitted.exitCode == 0, qPrintable(refitted.err));
        QVERIFY2(refitted.out.contains(QStringLiteral("refit on all")), qPrintable(refitted.out));
        QVERIFY2(refitted.out.contains(QStringLiteral("early stopping chose epoch")), qPrintable(refitted.out));
        const CliRun kept = train({cli("--refit"), cli("none"), cli("--early-stop-on"), cli("objective")});
        QVERIFY2(kept.exitCode == 0, qPrintable(kept.err));
        QVERIFY2(kept.out.contains(QStringLiteral("kept the weights of epoch")), qPrintable(kept.out));
        QVERIFY(!kept.out.contains(QStringLiteral("refit on all")));
        // The training time is printed with its digits, not as "train s 0.0" for a quick run.
        QVERIFY2(!kept.out.contains(QStringLiteral("train s 0.0 ")), qPrintable(kept.out));
    }

    void savedConfigurationWithABadCriterion()
    {
        // A configuration file naming a task the run does not have: refused before any training.
        const QString saved = m_scratch.path(QStringLiteral("run.json"));
        const CliRun written = train({cli("--early-stop-on"), cli("grade:accuracy"), cli("--save-config"), saved});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), m_data, cli("--config"), saved, cli("--task"),
                                    cli("Class:binary:bad"), cli("--out"), m_scratch.path(QStringLiteral("c.cmtl"))}),
                            2, QStringList{QStringLiteral("\"grade:accuracy\""), QStringLiteral("Class:auc")});
    }

private:
    CliRun train(QStringList extra)
    {
        QStringList arguments{cli("train"),
                              cli("--data"),
                              m_data,
                              cli("--task"),
                              cli("Class:binary:bad"),
                              cli("--task"),
                              cli("grade:multiclass"),
                              cli("--hidden"),
                              cli("8"),
                              cli("--epochs"),
                              cli("6"),
                              cli("--out"),
                              m_scratch.path(QStringLiteral("loans.cmtl"))};
        return runCli(arguments + extra);
    }

    Scratch m_scratch;
    QString m_data;
};

QTEST_GUILESS_MAIN(CatalogueTraining)
#include "tst_catalogue_training.moc"
