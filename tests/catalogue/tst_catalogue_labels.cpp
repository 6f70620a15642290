// Bad-input catalogue: labels a task cannot use (a third value in a binary column, a class absent
// from the training part, labels a saved model does not know), scoring inputs far outside the
// training range, text in a regression task, a header-only file, an infinite training value,
// older model files, and a very wide file.

#include "Catalogue.h"

#include "../core/OlderModelFile.h"
#include "RunRecord.h"
#include "io/ModelFile.h"
#include "workers/ScoringWorker.h"

#include <QRegularExpression>

#include <memory>
#include <string>

using namespace cmtl::catalogue;

namespace {

QString cli(const char *text)
{
    return QString::fromLatin1(text);
}

// What the workbench's Scoring page notes after scoring `path` with the model file `model`: the
// ScoringWorker's notes, or its failure message.
QString workbenchScoringNotes(const QString &model, const QString &path)
{
    auto run = std::make_shared<cmtl::ui::RunRecord>();
    run->name = QStringLiteral("model");
    run->result.model = cmtl::loadModelFile(model.toStdString()).model;
    cmtl::CsvOptions options;
    options.threads = 1;
    cmtl::ui::ScoringWorker worker({path, run, options});
    QString notes;
    QObject::connect(&worker, &cmtl::ui::ScoringWorker::succeeded,
                     [&](const cmtl::ui::ScoredTablePtr &scored) { notes = scored->notes.join(QLatin1Char('\n')); });
    QObject::connect(&worker, &cmtl::ui::Worker::failed,
                     [&](const QString &text, const QString &details) { notes = text + QLatin1Char('\n') + details; });
    worker.run();
    return notes;
}

// 40 loans: x in [0, 39], Class alternating bad/good, grade A/B/C.
QByteArray loans()
{
    QByteArray text = "x,Class,grade\n";
    for (int i = 0; i < 40; ++i)
        text += QByteArray::number(i) + (i % 2 ? ",good," : ",bad,") + "ABC"[i % 3] + '\n';
    return text;
}

} // namespace

class CatalogueLabels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_scratch.write(QStringLiteral("loans.csv"), loans());
        m_model = m_scratch.path(QStringLiteral("loans.cmtl"));
        const CliRun trained = runCli({cli("train"), cli("--data"), m_data, cli("--task"), cli("Class:binary:bad"),
                                       cli("--task"), cli("grade:multiclass"), cli("--hidden"), cli("none"),
                                       cli("--epochs"), cli("2"), cli("--out"), m_model});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    }

    void binaryColumnWithAThirdValue()
    {
        const QString data =
            m_scratch.write(QStringLiteral("third.csv"), "x,Class\n1,good\n2,bad\n3,good\n4,unknown\n5,good\n6,bad\n");
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), data, cli("--task"), cli("Class:binary:bad"),
                                    cli("--out"), m_scratch.path(QStringLiteral("third.cmtl"))}),
                            1,
                            QStringList{QStringLiteral("third.csv"), QStringLiteral("column \"Class\""),
                                        QStringLiteral("\"good\" (3 rows)"), QStringLiteral("\"unknown\" (1 row)"),
                                        QStringLiteral("line 5"), QStringLiteral("Class:multiclass")});
        QVERIFY(!QFile::exists(m_scratch.path(QStringLiteral("third.cmtl"))));
        // The file itself is good CSV: the workbench loads it (the Roles page then refuses the task).
        QCOMPARE(workbenchLoadError(data), QString());
    }

    void numericBinaryColumnWithAThirdNumber()
    {
        const QString data = m_scratch.write(QStringLiteral("flags.csv"), "x,default\n1,0\n2,1\n3,2\n4,0\n5,1\n");
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), data, cli("--task"), cli("default:binary:1"),
                                    cli("--out"), m_scratch.path(QStringLiteral("flags.cmtl"))}),
                            1,
                            QStringList{QStringLiteral("flags.csv"), QStringLiteral("\"default\""),
                                        QStringLiteral("\"2\" (1 row)"), QStringLiteral("line 4")});
    }

    // The line named is the file's, not the record's number: a blank line and a quoted cell with a
    // line break before the bad value move it two lines down.
    void thirdValueAfterBlankLineAndQuotedLineBreak()
    {
        const QString data = m_scratch.write(QStringLiteral("lines.csv"),
                                             "note,default\n\"two\nlines\",0\n\nx,1\ny,0\nz,2\nw,1\n");
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), data, cli("--task"), cli("default:binary:1"),
                                    cli("--out"), m_scratch.path(QStringLiteral("lines.cmtl"))}),
                            1, QStringList{QStringLiteral("lines.csv"), QStringLiteral("\"2\" (1 row)"),
                                           QStringLiteral("is on line 7")});
    }

    void numericZeroOneColumnWithPositiveOneTrains()
    {
        QByteArray text = "x,default\n";
        for (int i = 0; i < 40; ++i)
            text += QByteArray::number(i) + ',' + QByteArray::number(i % 2) + '\n';
        const QString data = m_scratch.write(QStringLiteral("zero_one.csv"), text);
        const CliRun run = runCli({cli("train"), cli("--data"), data, cli("--task"), cli("default:binary:1"),
                                   cli("--epochs"), cli("1"), cli("--out"), m_scratch.path(QStringLiteral("zo.cmtl"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // evaluate reads the task column as text: "1" and "0" are still the model's classes.
        const CliRun evaluated =
            runCli({cli("evaluate"), cli("--model"), m_scratch.path(QStringLiteral("zo.cmtl")), cli("--data"), data});
        QVERIFY2(evaluated.exitCode == 0 &&
                     evaluated.out.contains(QRegularExpression(QStringLiteral("default +binary +40 "))),
                 qPrintable(evaluated.out + evaluated.err));
        QVERIFY2(!evaluated.out.contains(QStringLiteral("note:")), qPrintable(evaluated.out));
    }

    void positiveClassOnlyOutsideTheTrainingPart()
    {
        // "yes" on one row, which the seeded split (stratified on Class) puts outside training.
        QByteArray text = "x,Class,flag\n";
        for (int i = 0; i < 40; ++i)
            text += QByteArray::number(i) + (i % 2 ? ",good," : ",bad,") + (i == 4 ? "yes" : "no") + '\n';
        const QString data = m_scratch.write(QStringLiteral("rare.csv"), text);
        CMTL_EXPECT_REFUSAL(
            runCli({cli("train"), cli("--data"), data, cli("--task"), cli("Class:binary:bad"), cli("--task"),
                    cli("flag:binary:yes"), cli("--out"), m_scratch.path(QStringLiteral("rare.cmtl"))}),
            1,
            QStringList{QStringLiteral("rare.csv"), QStringLiteral("column \"flag\""),
                        QStringLiteral("positive class \"yes\" does not occur"),
                        QStringLiteral("28 rows of the training part"), QStringLiteral("1 row"),
                        QStringLiteral("--train-fraction")});
    }

    void headerOnlyFile()
    {
        const QString data = m_scratch.write(QStringLiteral("header.csv"), "x,Class\n");
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), data, cli("--task"), cli("Class:binary:bad"),
                                    cli("--out"), m_scratch.path(QStringLiteral("header.cmtl"))}),
                            1, QStringList{QStringLiteral("header.csv"), QStringLiteral("no data rows")});
    }

    void textInARegressionTask()
    {
        const QString data = m_scratch.write(QStringLiteral("rate.csv"), "x,rate\n1,\n2,12.5%\n3,13\n");
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), data, cli("--task"), cli("rate:regression"),
                                    cli("--out"), m_scratch.path(QStringLiteral("rate.cmtl"))}),
                            1,
                            QStringList{QStringLiteral("rate.csv"), QStringLiteral("column \"rate\""),
                                        QStringLiteral("\"12.5%\""), QStringLiteral("line 3")});
    }

    void infiniteTrainingValue()
    {
        QByteArray text = "amount,Class\n";
        for (int i = 0; i < 20; ++i)
            text += (i == 6 ? QByteArray("inf") : QByteArray::number(i)) + (i % 2 ? ",good\n" : ",bad\n");
        const QString data = m_scratch.write(QStringLiteral("inf.csv"), text);
        CMTL_EXPECT_REFUSAL(runCli({cli("train"), cli("--data"), data, cli("--task"), cli("Class:binary:bad"),
                                    cli("--out"), m_scratch.path(QStringLiteral("inf.cmtl"))}),
                            1, QStringList{QStringLiteral("inf.csv"), QStringLiteral("amount")});
    }

    void evaluateWithLabelsTheModelDoesNotKnow()
    {
        // "late" in the binary column was counted as good; grade "Z" was dropped silently.
        const QString data = m_scratch.write(
            QStringLiteral("later.csv"), "x,Class,grade\n1,good,A\n2,late,B\n3,bad,Z\n4,late,C\n5,bad,Z\n6,good,A\n");
        const CliRun run = runCli({cli("evaluate"), cli("--model"), m_model, cli("--data"), data});
        CMTL_EXPECT_REFUSAL(run, 0,
                            QStringList{QStringLiteral("note: task \"Class\": 2 labelled rows"),
                                        QStringLiteral("\"late\" (2 rows), the first on line 3"),
                                        QStringLiteral("note: task \"grade\": 2 labelled rows"),
                                        QStringLiteral("\"Z\" (2 rows), the first on line 4"),
                                        QStringLiteral("left out of the task's metrics")});
        // Four rows of known classes counted for Class, four for grade.
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("Class +binary +4 "))) &&
                     run.out.contains(QRegularExpression(QStringLiteral("grade +multiclass +4 "))),
                 qPrintable(run.out));
        const QString workbench = workbenchScoringNotes(m_model, data);
        QVERIFY2(workbench.contains(QStringLiteral("\"late\" (2 rows)")) &&
                     workbench.contains(QStringLiteral("\"Z\" (2 rows)")),
                 qPrintable(workbench));
    }

    void scoringInputsFarOutsideTheTrainingRange()
    {
        const QString data =
            m_scratch.write(QStringLiteral("far.csv"), "x,Class,grade\n5,good,A\n31405,bad,B\n-7,good,C\n20,bad,A\n");
        const QString out = m_scratch.path(QStringLiteral("far_predictions.csv"));
        const QStringList note{QStringLiteral("note: clipped 2 cells of column x to the training range [0, 39]"),
                               QStringLiteral("line 3, value 31405")};
        CMTL_EXPECT_REFUSAL(runCli({cli("predict"), cli("--model"), m_model, cli("--data"), data, cli("--out"), out}),
                            0, note);
        CMTL_EXPECT_REFUSAL(runCli({cli("evaluate"), cli("--model"), m_model, cli("--data"), data}), 0, note);
        const QString workbench = workbenchScoringNotes(m_model, data);
        QVERIFY2(workbench.contains(QStringLiteral("clipped 2 cells of column x to the training range [0, 39]")),
                 qPrintable(workbench));
    }

    void olderModelFileWithoutTrainingRanges()
    {
        const QString older =
            m_scratch.write(QStringLiteral("older.cmtl"),
                            cmtl::testing::withoutTrainingRanges(m_scratch.read(QStringLiteral("loans.cmtl"))));
        const QString data = m_scratch.write(QStringLiteral("far2.csv"), "x,Class,grade\n31405,bad,B\n");
        const CliRun run = runCli({cli("predict"), cli("--model"), older, cli("--data"), data, cli("--out"),
                                   m_scratch.path(QStringLiteral("older_predictions.csv"))});
        CMTL_EXPECT_REFUSAL(run, 0,
                            QStringList{QStringLiteral("stores no training ranges"), QStringLiteral("not clipped")});
        QVERIFY2(!run.out.contains(QStringLiteral("clipped 1 cell")), qPrintable(run.out));
    }

    void hundredThousandColumnsTwentyRows()
    {
        // Per-column statistics cost what the column's cells cost: 2,000,000 cells train in
        // seconds (54 s before, up to 3.5 minutes on a busy machine).
        std::string text;
        text.reserve(10'000'000);
        for (int column = 0; column < 100000; ++column)
            text += 'c' + std::to_string(column) + ',';
        text += "y\n";
        for (int row = 0; row < 20; ++row) {
            for (int column = 0; column < 100000; ++column)
                text += std::to_string((row * 7919 + column * 13) % 1000) + ',';
            text += std::to_string(row % 2) + '\n';
        }
        const QString data = m_scratch.write(QStringLiteral("wide.csv"), QByteArray::fromStdString(text));
        const CliRun run =
            runCli({cli("train"), cli("--data"), data, cli("--task"), cli("y:binary:1"), cli("--hidden"), cli("none"),
                    cli("--epochs"), cli("1"), cli("--out"), m_scratch.path(QStringLiteral("wide.cmtl"))},
                   60000);
        QVERIFY2(!run.hung && run.exitCode == 0, qPrintable(run.err.right(2000)));
    }

private:
    Scratch m_scratch;
    QString m_data, m_model;
};

QTEST_GUILESS_MAIN(CatalogueLabels)
#include "tst_catalogue_labels.moc"
