// Bad-input catalogue: WoE inputs (train --woe, --woe-task), `creditmtl-cli scorecard`, and
// `predict --scorecard / --points / --reasons`; and one run on the sample that writes a card and
// scores with it. Run time: about 2 s.

#include "Catalogue.h"
#include "io/ModelFile.h"
#include "project/ProjectFile.h"

using namespace cmtl::catalogue;

namespace {

QString sample()
{
    return QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");
}

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list.append(QString::fromUtf8(word));
    return list;
}

} // namespace

class CatalogueScorecard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // One card from the sample, shared by the predict cases.
        m_card = m_scratch.path(QStringLiteral("card.json"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("scorecard"), QStringLiteral("--data"), sample()} +
                   args({"--task", "Class:binary:bad", "--ignore", "int_rate", "--ignore", "grade", "--out"}) +
                   QStringList{m_scratch.path(QStringLiteral("card.csv")), QStringLiteral("--json"), m_card});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        m_cardText = m_scratch.read(QStringLiteral("card.json"));
    }

    void woeUnknownColumn()
    {
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "Class:binary:bad", "--woe", "salary"})), 1,
                            QStringList{QStringLiteral("--woe"), QStringLiteral("\"salary\""),
                                        QStringLiteral("income, region, grade"), QStringLiteral("--woe all")});
    }

    void woeTaskNotBinary()
    {
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "Class:binary:bad", "--task", "grade:multiclass", "--woe", "income",
                                          "--woe-task", "grade"})),
                            2,
                            QStringList{QStringLiteral("--woe-task"), QStringLiteral("\"grade\""),
                                        QStringLiteral("not a binary task")});
    }

    void woeTaskUnknown()
    {
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "Class:binary:bad", "--woe", "income", "--woe-task", "default"})),
                            2,
                            QStringList{QStringLiteral("--woe-task"), QStringLiteral("\"default\""),
                                        QStringLiteral("its tasks are Class")});
    }

    void woeWithoutABinaryTask()
    {
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "grade:multiclass", "--woe", "income"})), 2,
                            QStringList{QStringLiteral("binary task"), QStringLiteral("--woe")});
    }

    void woeTaskWithoutWoe()
    {
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "Class:binary:bad", "--woe-task", "Class"})), 2,
                            QStringList{QStringLiteral("--woe-task"), QStringLiteral("--woe COLUMN")});
    }

    void scorecardTaskNotBinary()
    {
        CMTL_EXPECT_REFUSAL(runCli(scorecard({"--task", "grade:multiclass"})), 2,
                            QStringList{QStringLiteral("binary"), QStringLiteral("grade:multiclass")});
    }

    void scorecardBadNumbers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("pdo zero") << QStringLiteral("--pdo") << QStringLiteral("0");
        QTest::newRow("base odds negative") << QStringLiteral("--base-odds") << QStringLiteral("-5");
        QTest::newRow("base points NaN") << QStringLiteral("--base-points") << QStringLiteral("nan");
        QTest::newRow("min-iv negative") << QStringLiteral("--min-iv") << QStringLiteral("-1");
        QTest::newRow("max-bins zero") << QStringLiteral("--max-bins") << QStringLiteral("0");
    }
    void scorecardBadNumbers()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        CMTL_EXPECT_REFUSAL(runCli(scorecard({"--task", "Class:binary:bad"}) + QStringList{name, value}), 2,
                            QStringList{name, value});
    }

    void scorecardUnknownIgnoredColumn()
    {
        CMTL_EXPECT_REFUSAL(runCli(scorecard({"--task", "Class:binary:bad", "--ignore", "salary"})), 1,
                            QStringList{QStringLiteral("\"salary\""), QStringLiteral("scorecard.csv")});
    }

    void scorecardNoFeatureReachesTheMinimumIv()
    {
        CMTL_EXPECT_REFUSAL(runCli(scorecard({"--task", "Class:binary:bad", "--min-iv", "9"})), 1,
                            QStringList{QStringLiteral("minimum IV"), QStringLiteral("--min-iv")});
    }

    void scorecardOutputOverTheInput()
    {
        const QString path = data();
        const QByteArray before = m_scratch.read(QStringLiteral("scorecard.csv"));
        CMTL_EXPECT_REFUSAL(
            runCli(QStringList{QStringLiteral("scorecard"), QStringLiteral("--data"), path, QStringLiteral("--task"),
                               QStringLiteral("Class:binary:bad"), QStringLiteral("--out"),
                               m_scratch.path(QStringLiteral("c.csv")), QStringLiteral("--json"), path}),
            2, QStringList{QStringLiteral("--json"), QStringLiteral("same file")});
        QCOMPARE(m_scratch.read(QStringLiteral("scorecard.csv")), before);
    }

    void cardNotJson()
    {
        QByteArray text = m_cardText;
        text.insert(text.indexOf('\n') + 1, "  oops\n");
        const QString card = m_scratch.write(QStringLiteral("broken.json"), text);
        CMTL_EXPECT_REFUSAL(runCli(predictCard(card)), 1,
                            QStringList{QStringLiteral("broken.json"), QStringLiteral("line 2"),
                                        QStringLiteral("not a valid JSON scorecard")});
    }

    void cardFieldMissing()
    {
        QByteArray text = m_cardText;
        text.replace("\"intercept_points\"", "\"intercept_pts\"");
        const QString card = m_scratch.write(QStringLiteral("missing.json"), text);
        CMTL_EXPECT_REFUSAL(runCli(predictCard(card)), 1,
                            QStringList{QStringLiteral("missing.json"), QStringLiteral("scorecard.intercept_points"),
                                        QStringLiteral("is missing")});
    }

    void cardBinOfTheWrongKind()
    {
        QByteArray text = m_cardText;
        const qsizetype at = text.indexOf("\"kind\": \"range\"");
        QVERIFY(at >= 0);
        text.replace(at, 15, "\"kind\": \"ranges\"");
        const QString card = m_scratch.write(QStringLiteral("kind.json"), text);
        CMTL_EXPECT_REFUSAL(runCli(predictCard(card)), 1,
                            QStringList{QStringLiteral("kind.json"), QStringLiteral(".bins["), QStringLiteral(".kind"),
                                        QStringLiteral("\"range\", \"special\" or \"missing\"")});
    }

    void cardOfAnotherFormat()
    {
        const QString card = m_scratch.write(QStringLiteral("other.json"), "[1, 2, 3]\n");
        CMTL_EXPECT_REFUSAL(runCli(predictCard(card)), 1,
                            QStringList{QStringLiteral("other.json"), QStringLiteral("not an object")});
    }

    void dataLacksAFeatureOfTheCard()
    {
        CMTL_EXPECT_REFUSAL(runCli(predictCard(m_card, data())), 1,
                            QStringList{QStringLiteral("scorecard.csv"), QStringLiteral("term")});
    }

    void reasonsOutOfRange()
    {
        CMTL_EXPECT_REFUSAL(runCli(predictCard(m_card) + QStringList{QStringLiteral("--reasons"), QStringLiteral("0")}),
                            2, QStringList{QStringLiteral("--reasons"), QStringLiteral("0")});
    }

    void scalingGivenWithAScorecard()
    {
        CMTL_EXPECT_REFUSAL(runCli(predictCard(m_card) + QStringList{QStringLiteral("--pdo"), QStringLiteral("40")}), 2,
                            QStringList{QStringLiteral("--pdo"), QStringLiteral("card's own scaling")});
    }

    void scalingWithoutPoints()
    {
        CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("predict"), QStringLiteral("--model"),
                                               m_scratch.path(QStringLiteral("m.cmtl")), QStringLiteral("--data"),
                                               data(), QStringLiteral("--out"), m_scratch.path(QStringLiteral("p.csv")),
                                               QStringLiteral("--pdo"), QStringLiteral("40")}),
                            2, QStringList{QStringLiteral("--pdo"), QStringLiteral("add --points")});
    }

    void pointsOfAModelWithoutABinaryTask()
    {
        const QString model = m_scratch.path(QStringLiteral("regression.cmtl"));
        const CliRun trained =
            runCli(train({"--task", "income:regression", "--epochs", "1", "--min-level-count", "1", "--out"}) +
                   QStringList{model});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("predict"), QStringLiteral("--model"), model,
                                               QStringLiteral("--data"), data(), QStringLiteral("--out"),
                                               m_scratch.path(QStringLiteral("p.csv")), QStringLiteral("--points")}),
                            2, QStringList{QStringLiteral("--points"), QStringLiteral("binary")});
    }

    // --binning: a project's edited bins, grouped against another task, refused.
    void binningOfAnotherTask()
    {
        const QString project = editedProject("default", "bad");
        CMTL_EXPECT_REFUSAL(
            runCli(scorecard({"--task", "Class:binary:bad"}) + QStringList{QStringLiteral("--binning"), project}), 1,
            QStringList{project, QStringLiteral("default = bad"), QStringLiteral("Class = bad"),
                        QStringLiteral("Binning page")});
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "Class:binary:bad", "--woe", "income"}) +
                                   QStringList{QStringLiteral("--binning"), project}),
                            1, QStringList{project, QStringLiteral("default = bad"), QStringLiteral("Class = bad")});
    }

    void binningProjectWithoutEdits()
    {
        const QString project = editedProject("Class", "bad", false);
        CMTL_EXPECT_REFUSAL(
            runCli(scorecard({"--task", "Class:binary:bad"}) + QStringList{QStringLiteral("--binning"), project}), 1,
            QStringList{project, QStringLiteral("no edited bins"), QStringLiteral("Binning page")});
    }

    void binningNotAProject()
    {
        const QString notProject = m_scratch.write(QStringLiteral("bins.json"), "{\"edited\": []}\n");
        CMTL_EXPECT_REFUSAL(
            runCli(scorecard({"--task", "Class:binary:bad"}) + QStringList{QStringLiteral("--binning"), notProject}), 1,
            QStringList{notProject});
    }

    void binningWithoutWoe()
    {
        CMTL_EXPECT_REFUSAL(runCli(train({"--task", "Class:binary:bad"}) +
                                   QStringList{QStringLiteral("--binning"), editedProject("Class", "bad")}),
                            2, QStringList{QStringLiteral("--binning"), QStringLiteral("--woe COLUMN")});
    }

    void scorecardOutputOverTheBinning()
    {
        const QString project = editedProject("Class", "bad");
        CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("scorecard"), QStringLiteral("--data"), data(),
                                               QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                               QStringLiteral("--binning"), project, QStringLiteral("--out"), project}),
                            2, QStringList{QStringLiteral("--out"), QStringLiteral("--binning")});
    }

    // Not a refusal: the edited bins of income, (-inf, 30] and (30, +inf), are the scorecard's and
    // the WoE input's bins, counted on the rows each is fitted on.
    void editedBinsAreUsed()
    {
        const QString project = editedProject("Class", "bad");
        const CliRun card =
            runCli(scorecard({"--task", "Class:binary:bad"}) + QStringList{QStringLiteral("--binning"), project});
        QVERIFY2(card.exitCode == 0, qPrintable(card.err));
        const QByteArray table = m_scratch.read(QStringLiteral("out_card.csv"));
        QVERIFY2(table.contains("income,\"(-inf, 30]\"") || table.contains("income,(-inf, 30]"), table.constData());
        QVERIFY2(table.contains("(30, +inf)"), table.constData());

        const QString model = m_scratch.path(QStringLiteral("woe_edited.cmtl"));
        // The other columns' levels are all rarer than --min-level-count: they give no input, and
        // the WoE column alone is enough (the check for inputs comes after the WoE columns).
        const CliRun trained =
            runCli(train({"--task", "Class:binary:bad", "--woe", "income", "--epochs", "1", "--out"}) +
                   QStringList{model, QStringLiteral("--binning"), project});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const cmtl::ModelFileContents loaded = cmtl::loadModelFile(model.toStdString());
        const auto &woe = loaded.model.preprocessor().woe;
        QCOMPARE(woe.size(), std::size_t(1));
        QCOMPARE(woe[0].bins.size(), std::size_t(2));
        QCOMPARE(woe[0].bins[0].upper, 30.0);
        // Recounted on the training rows (a share of the 12), not the project's counts.
        const std::int64_t counted = woe[0].bins[0].count() + woe[0].bins[1].count();
        QVERIFY2(counted > 0 && counted < 12, std::to_string(counted).c_str());
    }

    // Not a refusal: the sample's card scores the sample, with reasons, one row per data row.
    void sampleCardScoresTheSample()
    {
        const QString out = m_scratch.path(QStringLiteral("scored.csv"));
        const CliRun run =
            runCli(predictCard(m_card, sample(), out) + QStringList{QStringLiteral("--reasons"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.front(), QByteArray("Class.points,Class.probability,Class.reason1,Class.reason2"));
        QCOMPARE(lines.size(), 9857 + 2); // header, rows, the final empty string
    }

private:
    QString data() const
    {
        return m_scratch.write(QStringLiteral("scorecard.csv"), "income,region,grade,Class\n"
                                                                "10,north,A,good\n20,south,B,bad\n30,north,A,good\n"
                                                                "40,south,C,bad\n50,north,B,good\n60,south,A,good\n"
                                                                "15,north,B,good\n25,south,C,bad\n35,north,A,good\n"
                                                                "45,south,C,bad\n55,north,B,good\n65,south,A,good\n");
    }
    // A project whose Binning page grouped income as (-inf, 30], (30, +inf) against the task
    // taskColumn = positiveClass (no edit when `edited` is false).
    QString editedProject(const char *taskColumn, const char *positiveClass, bool edited = true) const
    {
        cmtl::ProjectContents contents;
        contents.binning.taskColumn = taskColumn;
        contents.binning.positiveClass = positiveClass;
        if (edited) {
            cmtl::FeatureBinning income;
            income.feature = "income";
            cmtl::Bin low, high;
            low.upper = high.lower = 30;
            low.events = high.events = 2;
            low.nonEvents = 3;
            high.nonEvents = 5;
            income.bins = {low, high};
            cmtl::computeBinStatistics(income);
            contents.binning.edited = {income};
        }
        const QString path = m_scratch.path(QStringLiteral("edited_%1_%2.cmtlproj")
                                                .arg(QLatin1String(taskColumn))
                                                .arg(edited ? QStringLiteral("1") : QStringLiteral("0")));
        cmtl::saveProjectFile(path.toStdString(), contents);
        return path;
    }
    QStringList train(std::initializer_list<const char *> more) const
    {
        QStringList list{QStringLiteral("train"), QStringLiteral("--data"), data()};
        list += args(more);
        if (!list.contains(QStringLiteral("--out")))
            list += QStringList{QStringLiteral("--out"), m_scratch.path(QStringLiteral("m.cmtl"))};
        return list;
    }
    QStringList scorecard(std::initializer_list<const char *> more) const
    {
        return QStringList{QStringLiteral("scorecard"), QStringLiteral("--data"), data(), QStringLiteral("--out"),
                           m_scratch.path(QStringLiteral("out_card.csv"))} +
               args(more);
    }
    QStringList predictCard(const QString &card, const QString &dataPath = {}, const QString &out = {}) const
    {
        return QStringList{QStringLiteral("predict"),
                           QStringLiteral("--scorecard"),
                           card,
                           QStringLiteral("--data"),
                           dataPath.isEmpty() ? sample() : dataPath,
                           QStringLiteral("--out"),
                           out.isEmpty() ? m_scratch.path(QStringLiteral("predicted.csv")) : out};
    }

    Scratch m_scratch;
    QString m_card;
    QByteArray m_cardText;
};

QTEST_GUILESS_MAIN(CatalogueScorecard)
#include "tst_catalogue_scorecard.moc"
