// Bad-input catalogue: `creditmtl-cli tune` given limits, metrics, folds or outputs it cannot use,
// and the saved configuration of a good search trained by `train --config`.

#include "Catalogue.h"

#include "io/ConfigJson.h"

using namespace cmtl::catalogue;

namespace {

QString cli(const char *text)
{
    return QString::fromLatin1(text);
}

// 240 loans: a numeric x that drives the default, a region, Class bad/good, grade A/B/C.
QByteArray loans()
{
    QByteArray text = "x,region,Class,grade\n";
    for (int i = 0; i < 240; ++i) {
        const int noisy = (i * 37) % 100;
        text += QByteArray::number(noisy) + ',' + "NSEW"[i % 4] + ',' + (noisy + (i % 7) * 9 > 70 ? "bad" : "good") +
                ',' + "ABC"[noisy / 34] + '\n';
    }
    return text;
}

} // namespace

class CatalogueTune : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_data = m_scratch.write(QStringLiteral("loans.csv"), loans()); }

    void budgetNotPositive()
    {
        for (const char *budget : {"0", "-5", "nan", "inf", "ten"}) {
            CMTL_EXPECT_REFUSAL(
                tune({cli("--budget"), cli(budget)}), 2,
                QStringList{cli("--budget"), cli("from 0.001"), QStringLiteral("\"%1\"").arg(cli(budget))});
        }
    }

    void trialsNotPositive()
    {
        CMTL_EXPECT_REFUSAL(tune({cli("--trials"), cli("0")}), 2,
                            QStringList{cli("--trials"), cli("from 1 to 100000"), cli("\"0\"")});
    }

    void unknownMetric()
    {
        CMTL_EXPECT_REFUSAL(tune({cli("--metric"), cli("Class:rmse")}), 2,
                            QStringList{cli("--metric"), cli("Class:rmse"), cli("binary task has no metric \"rmse\""),
                                        cli("use one of auc, ks, gini, logloss, brier")});
    }

    void metricOfATaskThatDoesNotExist()
    {
        CMTL_EXPECT_REFUSAL(tune({cli("--metric"), cli("income:auc")}), 2,
                            QStringList{cli("--metric"), cli("no task \"income\""), cli("the tasks are Class, grade")});
    }

    void metricWithoutTask()
    {
        CMTL_EXPECT_REFUSAL(tune({cli("--metric"), cli("auc")}), 2,
                            QStringList{cli("--metric"), cli("expected TASK:METRIC"), cli("Class:auc")});
    }

    void foldsOutOfRange()
    {
        for (const char *folds : {"1", "101", "-3", "two"})
            CMTL_EXPECT_REFUSAL(
                tune({cli("--folds"), cli(folds)}), 2,
                QStringList{cli("--folds"), cli("from 2 to 100"), QStringLiteral("\"%1\"").arg(cli(folds))});
    }

    void moreFoldsThanRows()
    {
        const QString tiny =
            m_scratch.write(QStringLiteral("tiny.csv"), "x,Class,grade\n1,bad,A\n2,good,B\n3,bad,C\n4,good,A\n"
                                                        "5,bad,B\n6,good,C\n7,bad,A\n8,good,B\n9,bad,C\n10,good,A\n");
        CMTL_EXPECT_REFUSAL(
            runCli({cli("tune"), cli("--data"), tiny, cli("--task"), cli("Class:binary:bad"), cli("--folds"), cli("10"),
                    cli("--trials"), cli("1")}),
            1, QStringList{cli("tiny.csv"), cli("rows to tune on are too few for 10-fold"), cli("use fewer folds")});
    }

    void repeatsOutOfRange()
    {
        CMTL_EXPECT_REFUSAL(tune({cli("--repeats"), cli("0")}), 2,
                            QStringList{cli("--repeats"), cli("from 1 to 100"), cli("\"0\"")});
    }

    void saveConfigOverTheData()
    {
        const QByteArray before = m_scratch.read(QStringLiteral("loans.csv"));
        CMTL_EXPECT_REFUSAL(tune({cli("--save-config"), m_data}), 2, QStringList{cli("--save-config"), cli("--data")});
        QCOMPARE(m_scratch.read(QStringLiteral("loans.csv")), before);
    }

    void saveConfigOverTheInputConfig()
    {
        cmtl::RunConfiguration run;
        run.tasks = {{"Class", cmtl::TaskType::Binary, "bad", 1.0}};
        const QByteArray bytes = cmtl::serializeRunConfiguration(run);
        const QString config = m_scratch.write(QStringLiteral("in.json"), bytes);
        CMTL_EXPECT_REFUSAL(runCli({cli("tune"), cli("--data"), m_data, cli("--config"), config, cli("--save-config"),
                                    m_scratch.path(QStringLiteral("./in.json"))}),
                            2, QStringList{cli("--save-config"), cli("--config")});
        QCOMPARE(m_scratch.read(QStringLiteral("in.json")), bytes);
    }

    void missingTestFile()
    {
        const QString missing = m_scratch.path(QStringLiteral("later.csv"));
        CMTL_EXPECT_REFUSAL(tune({cli("--test"), missing}), 2,
                            QStringList{cli("--test"), missing, cli("no such file")});
    }

    void noTestRowsLeft()
    {
        CMTL_EXPECT_REFUSAL(tune({cli("--train-fraction"), cli("0.9"), cli("--validation-fraction"), cli("0.1")}), 2,
                            QStringList{cli("must leave rows for the test split"), cli("--test")});
    }

    // Not a refusal: the configuration a search saves is read by `train --config` and trains.
    void savedConfigurationTrains()
    {
        const QString saved = m_scratch.path(QStringLiteral("tuned.json"));
        const CliRun tuned =
            runCli({cli("tune"), cli("--data"), m_data, cli("--task"), cli("Class:binary:bad"), cli("--task"),
                    cli("grade:multiclass"), cli("--trials"), cli("3"), cli("--folds"), cli("2"), cli("--repeats"),
                    cli("1"), cli("--epochs"), cli("3"), cli("--hidden"), cli("8"), cli("--save-config"), saved});
        QVERIFY2(tuned.exitCode == 0, qPrintable(tuned.err + tuned.out));
        QVERIFY(tuned.out.contains(cli("Best: trial")));
        QVERIFY(tuned.out.contains(cli("Configuration written to")));
        const cmtl::RunConfiguration run = cmtl::loadRunConfiguration(saved.toStdString());
        QCOMPARE(run.tasks.size(), std::size_t{2});
        const CliRun trained = runCli({cli("train"), cli("--config"), saved, cli("--data"), m_data, cli("--out"),
                                       m_scratch.path(QStringLiteral("tuned.cmtl"))});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err + trained.out));
        QVERIFY(trained.out.contains(cli("Model written to")));
    }

private:
    CliRun tune(const QStringList &extra)
    {
        return runCli(QStringList{cli("tune"), cli("--data"), m_data, cli("--task"), cli("Class:binary:bad"),
                                  cli("--task"), cli("grade:multiclass"), cli("--trials"), cli("1")} +
                      extra);
    }

    Scratch m_scratch;
    QString m_data;
};

QTEST_GUILESS_MAIN(CatalogueTune)
#include "tst_catalogue_tune.moc"
