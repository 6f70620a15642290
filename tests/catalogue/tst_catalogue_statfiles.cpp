// Bad-input catalogue: SAS, Stata and SPSS files (core/statfile) through the command line and the
// workbench's loader: read wherever a CSV is, chosen by content; damaged files and CSV-only
// options refused. The files are written by R's haven (../core/StatFileFixtures.h).

#include "../core/StatFileFixtures.h"
#include "Catalogue.h"
#include "RunRecord.h"
#include "io/ModelFile.h"
#include "statfile/StatFile.h"
#include "workers/ScoringWorker.h"

using namespace cmtl::catalogue;

namespace {

QString shown(const CliRun &run)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(run.exitCode).arg(run.out, run.err);
}

} // namespace

class CatalogueStatFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!cmtl::statFilesSupported())
            QSKIP("built without ReadStat (libreadstat-dev)");
        bool toolsAbsent = false;
        const QString problem = cmtl::testing::writeStatFixtures(m_scratch.path(QString()), toolsAbsent);
        if (toolsAbsent)
            QSKIP(qPrintable(problem));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void readByTheCliAndTheWorkbench_data() { statFiles(); }

    void readByTheCliAndTheWorkbench()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        const CliRun run = runCli({QStringLiteral("inspect"), m_scratch.path(file)});
        QVERIFY2(run.exitCode == 0, qPrintable(shown(run)));
        QVERIFY2(run.out.contains(QStringLiteral("400 rows, 8 columns; ") + format), qPrintable(shown(run)));
        QVERIFY2(run.out.contains(QLatin1String("Funded amount")), qPrintable(shown(run))); // the variable label
        // The date column is noted on stderr with its format.
        QVERIFY2(run.err.contains(QLatin1String("column \"issue_d\": dates or times")), qPrintable(shown(run)));
        QCOMPARE(workbenchLoadError(m_scratch.path(file)), QString());
    }

    // Chosen by content, not by name: a Stata file named .csv.
    void stataFileNamedCsv()
    {
        const QString path =
            m_scratch.write(QStringLiteral("looks_like.csv"), m_scratch.read(QStringLiteral("sample.dta")));
        const CliRun run = runCli({QStringLiteral("inspect"), path});
        QVERIFY2(run.exitCode == 0 && run.out.contains(QLatin1String("Stata file")), qPrintable(shown(run)));
        QCOMPARE(workbenchLoadError(path), QString());
    }

    // A model trained from the .dta is the model trained from the CSV of the same data: same
    // predictions, to the byte; and it scores the SPSS file as it scores the CSV.
    void trainedFromStataAsFromCsv()
    {
        const auto train = [&](const QString &data, const QString &model) {
            const CliRun run = runCli(
                {QStringLiteral("train"), QStringLiteral("--data"), m_scratch.path(data), QStringLiteral("--task"),
                 QStringLiteral("Class:binary:bad"), QStringLiteral("--ignore"), QStringLiteral("issue_d"),
                 QStringLiteral("--hidden"), QStringLiteral("8"), QStringLiteral("--epochs"), QStringLiteral("3"),
                 QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--threads"), QStringLiteral("1"),
                 QStringLiteral("--out"), m_scratch.path(model)});
            QVERIFY2(run.exitCode == 0, qPrintable(shown(run)));
        };
        const auto predict = [&](const QString &model, const QString &data, const QString &out) {
            return runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_scratch.path(model),
                           QStringLiteral("--data"), m_scratch.path(data), QStringLiteral("--threads"),
                           QStringLiteral("1"), QStringLiteral("--out"), m_scratch.path(out)});
        };
        // The CSV has no issue_d: the CSV model is trained on a copy of the Stata file's columns.
        train(QStringLiteral("sample.dta"), QStringLiteral("from_dta.cmtl"));
        QVERIFY(!QTest::currentTestFailed());
        const CliRun plain =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), m_scratch.path(QStringLiteral("sample.csv")),
                    QStringLiteral("--task"), QStringLiteral("Class:binary:bad"), QStringLiteral("--hidden"),
                    QStringLiteral("8"), QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--seed"),
                    QStringLiteral("7"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"),
                    m_scratch.path(QStringLiteral("from_csv.cmtl"))});
        QVERIFY2(plain.exitCode == 0, qPrintable(shown(plain)));
        // Predictions of each model on one file, as bytes.
        QByteArray predictions[3];
        const QString runs[3][3] = {
            {QStringLiteral("from_dta.cmtl"), QStringLiteral("sample.csv"), QStringLiteral("p_dta.csv")},
            {QStringLiteral("from_csv.cmtl"), QStringLiteral("sample.csv"), QStringLiteral("p_csv.csv")},
            {QStringLiteral("from_csv.cmtl"), QStringLiteral("sample.sav"), QStringLiteral("p_sav.csv")}};
        for (int i = 0; i < 3; ++i) {
            const CliRun run = predict(runs[i][0], runs[i][1], runs[i][2]);
            QVERIFY2(run.exitCode == 0, qPrintable(shown(run)));
            predictions[i] = m_scratch.read(runs[i][2]);
        }
        QCOMPARE(predictions[1].count('\n'), qsizetype(cmtl::testing::kSampleRows + 1));
        QCOMPARE(predictions[0], predictions[1]); // trained from the .dta = trained from the CSV
        QCOMPARE(predictions[2], predictions[1]); // the .sav scored = the CSV scored
    }

    // The workbench's Scoring page scores an SPSS file as the CSV of the same data, though the
    // options it inherits from the training file name a delimiter (reset for a statistical file,
    // not refused: the user gave them for the CSV).
    void scoredByTheWorkbench()
    {
        const QString model = m_scratch.path(QStringLiteral("scoring.cmtl"));
        const CliRun trained = runCli(
            {QStringLiteral("train"), QStringLiteral("--data"), m_scratch.path(QStringLiteral("sample.csv")),
             QStringLiteral("--task"), QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"),
             QStringLiteral("2"), QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--out"), model});
        QVERIFY2(trained.exitCode == 0, qPrintable(shown(trained)));
        auto run = std::make_shared<cmtl::ui::RunRecord>();
        run->name = QStringLiteral("model");
        run->result.model = cmtl::loadModelFile(model.toStdString()).model;
        const auto score = [&](const QString &file) {
            cmtl::CsvOptions options;
            options.threads = 1;
            options.delimiter = ',';
            cmtl::ui::ScoringWorker worker({m_scratch.path(file), run, options});
            cmtl::ui::ScoredTablePtr result;
            QString failure;
            QObject::connect(&worker, &cmtl::ui::ScoringWorker::succeeded,
                             [&](const cmtl::ui::ScoredTablePtr &scored) { result = scored; });
            QObject::connect(&worker, &cmtl::ui::Worker::failed,
                             [&](const QString &text, const QString &details) { failure = text + u'\n' + details; });
            worker.run();
            if (!result)
                qWarning("%s: %s", qPrintable(file), qPrintable(failure));
            return result;
        };
        const cmtl::ui::ScoredTablePtr fromCsv = score(QStringLiteral("sample.csv"));
        const cmtl::ui::ScoredTablePtr fromSav = score(QStringLiteral("sample.sav"));
        QVERIFY(fromCsv && fromSav);
        QCOMPARE(fromSav->predictions.size(), std::size_t(1));
        QCOMPARE(fromSav->predictions[0].size(), Eigen::Index(cmtl::testing::kSampleRows)); // one probability a row
        QVERIFY(fromSav->predictions[0] == fromCsv->predictions[0]);
        QVERIFY(fromSav->evaluation); // the file holds Class: evaluated too
    }

    void truncatedFileRefused_data() { statFiles(); }

    void truncatedFileRefused()
    {
        QFETCH(QString, file);
        const QByteArray whole = m_scratch.read(file);
        const QString path = m_scratch.write(QStringLiteral("cut_") + file, whole.left(whole.size() * 2 / 3));
        const QString name = QStringLiteral("cut_") + file;
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), path}), 1, QStringList{name});
        QVERIFY(workbenchLoadError(path).contains(name));
    }

    // A flipped bit in the Stata header's release number ("118" -> "1!8"): refused, naming the file.
    void flippedHeaderRefused()
    {
        QByteArray bytes = m_scratch.read(QStringLiteral("sample.dta"));
        const qsizetype release = bytes.indexOf("<release>");
        QVERIFY(release > 0);
        bytes[release + 10] = static_cast<char>(bytes[release + 10] ^ 0x10);
        const QString path = m_scratch.write(QStringLiteral("flipped.dta"), bytes);
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), path}), 1,
                            QStringList{QStringLiteral("flipped.dta"), QStringLiteral("Stata file")});
        QVERIFY(workbenchLoadError(path).contains(QLatin1String("flipped.dta")));
    }

    // The CSV-only options are refused for a statistical file, naming them, not ignored.
    void csvOptionsRefused()
    {
        const QString path = m_scratch.path(QStringLiteral("sample.sav"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("inspect"), QStringLiteral("--delimiter"), QStringLiteral(";"), path}), 1,
            QStringList{QStringLiteral("sample.sav"), QStringLiteral("--delimiter"), QStringLiteral("SPSS file")});
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("train"), QStringLiteral("--data"), path, QStringLiteral("--task"),
                                    QStringLiteral("Class:binary:bad"), QStringLiteral("--decimal-comma"),
                                    QStringLiteral("--out"), m_scratch.path(QStringLiteral("never.cmtl"))}),
                            1, QStringList{QStringLiteral("sample.sav"), QStringLiteral("--decimal-comma")});
        QVERIFY(!QFile::exists(m_scratch.path(QStringLiteral("never.cmtl"))));
        cmtl::CsvOptions options;
        options.delimiter = ';';
        QVERIFY(workbenchLoadError(path, options).contains(QLatin1String("Delimiter")));
    }

    // --column-type naming an absent column, or asking for numbers in a text column.
    void columnTypesChecked()
    {
        const QString path = m_scratch.path(QStringLiteral("sample.xpt"));
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("inspect"), QStringLiteral("--column-type"),
                                    QStringLiteral("no_such=numeric"), path}),
                            1, QStringList{QStringLiteral("no_such"), QStringLiteral("funded_amnt")});
        // The sample's first row has grade "C".
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("inspect"), QStringLiteral("--column-type"), QStringLiteral("grade=numeric"), path}),
            1,
            QStringList{QStringLiteral("sample.xpt"), QStringLiteral("grade"), QStringLiteral("row 1"),
                        QStringLiteral("\"C\"")});
    }

    // predict --keep reads the column names from the file's header.
    void keptColumnChecked()
    {
        const QString model = m_scratch.path(QStringLiteral("keep.cmtl"));
        const CliRun trained = runCli(
            {QStringLiteral("train"), QStringLiteral("--data"), m_scratch.path(QStringLiteral("sample.csv")),
             QStringLiteral("--task"), QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"),
             QStringLiteral("1"), QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--out"), model});
        QVERIFY2(trained.exitCode == 0, qPrintable(shown(trained)));
        const QString data = m_scratch.path(QStringLiteral("sample.sas7bdat"));
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("predict"), QStringLiteral("--model"), model,
                                    QStringLiteral("--data"), data, QStringLiteral("--keep"), QStringLiteral("loan_id"),
                                    QStringLiteral("--out"), m_scratch.path(QStringLiteral("kept.csv"))}),
                            1, QStringList{QStringLiteral("loan_id"), QStringLiteral("issue_d")});
        const CliRun kept = runCli({QStringLiteral("predict"), QStringLiteral("--model"), model,
                                    QStringLiteral("--data"), data, QStringLiteral("--keep"), QStringLiteral("issue_d"),
                                    QStringLiteral("--out"), m_scratch.path(QStringLiteral("kept.csv"))});
        QVERIFY2(kept.exitCode == 0, qPrintable(shown(kept)));
    }

private:
    static void statFiles()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("sas7bdat") << "sample.sas7bdat"
                                  << "SAS dataset";
        QTest::newRow("xpt") << "sample.xpt"
                             << "SAS transport file";
        QTest::newRow("dta") << "sample.dta"
                             << "Stata file";
        QTest::newRow("sav") << "sample.sav"
                             << "SPSS file";
    }

    Scratch m_scratch;
};

QTEST_GUILESS_MAIN(CatalogueStatFiles)
#include "tst_catalogue_statfiles.moc"
