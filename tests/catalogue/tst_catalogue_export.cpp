// Bad-input catalogue: `export` (--onnx): a missing or unreadable model, an output path that is
// the model file itself, an output that cannot be written, and nothing asked to export; each
// through the command line with the exit code and the words of the message, and no file written.

#include "Catalogue.h"

#include <QCryptographicHash>

using namespace cmtl::catalogue;

namespace {

QByteArray sha256Of(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

class CatalogueExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_scratch.path(QStringLiteral("m.cmtl"));
        const CliRun trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"),
                    QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"), QStringLiteral("--task"),
                    QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"), QStringLiteral("1"),
                    QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--out"), m_model});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    }

    void missingModel()
    {
        const QString model = m_scratch.path(QStringLiteral("nowhere.cmtl"));
        const QString out = m_scratch.path(QStringLiteral("nowhere.onnx"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--onnx"), out}), 1,
            QStringList{model, QStringLiteral("cannot open")});
        QVERIFY(!QFile::exists(out));
    }

    void notAModel()
    {
        const QString model = m_scratch.write(QStringLiteral("data.csv"), "a,b\n1,2\n");
        const QString out = m_scratch.path(QStringLiteral("data.onnx"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--onnx"), out}), 1,
            QStringList{model, QStringLiteral("not a CreditMTL model file")});
        QVERIFY(!QFile::exists(out));
    }

    // No output overwrites an input: the ONNX path naming the model file, directly or through a
    // symbolic link, is refused before anything is written, and the model is unchanged.
    void outputIsTheModelFile()
    {
        const QByteArray before = sha256Of(m_scratch.read(QStringLiteral("m.cmtl")));
        const QString link = m_scratch.path(QStringLiteral("link.onnx"));
        QVERIFY(QFile::link(m_model, link));
        for (const QString &out : {m_model, link}) {
            CMTL_EXPECT_REFUSAL(
                runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--onnx"), out}),
                2,
                QStringList{QStringLiteral("--onnx"), out, QStringLiteral("same file"),
                            QStringLiteral("choose another --onnx path")});
        }
        QCOMPARE(sha256Of(m_scratch.read(QStringLiteral("m.cmtl"))), before);
    }

    void unwritableOutput()
    {
#ifdef CREDITMTL_HAVE_ONNX
        // Under a regular file (not a directory: refused even for root), and a directory itself.
        m_scratch.write(QStringLiteral("plain.txt"), "text\n");
        const QString underFile = m_scratch.path(QStringLiteral("plain.txt/m.onnx"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--onnx"), underFile}),
            1, QStringList{underFile, QStringLiteral("cannot write"), QStringLiteral("Not a directory")});
        const QString directory = m_scratch.path(QString());
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--onnx"), directory}),
            1, QStringList{QStringLiteral("it is a directory"), QStringLiteral("path of a file")});
#else
        // Without the ONNX library the command says so and what to install.
        const QString out = m_scratch.path(QStringLiteral("m.onnx"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--onnx"), out}), 2,
            QStringList{QStringLiteral("no ONNX support"), QStringLiteral("libonnx-dev")});
        QVERIFY(!QFile::exists(out));
#endif
    }

    // A feature column named like a task's output ("y.probability" beside the task y) cannot be
    // both an input and an output of the graph: refused, naming it and the fix.
    void columnNamedLikeAnOutput()
    {
#ifndef CREDITMTL_HAVE_ONNX
        QSKIP("this build has no ONNX support (unwritableOutput checks the refusal that says so)");
#endif
        QByteArray csv = "x,y.probability,y\n";
        for (int row = 0; row < 60; ++row)
            csv += QByteArray::number(row % 7) + "," + QByteArray::number((row * 5) % 11) + "," +
                   (row % 3 == 0 ? "bad" : "good") + "\n";
        const QString data = m_scratch.write(QStringLiteral("clash.csv"), csv);
        const QString model = m_scratch.path(QStringLiteral("clash.cmtl"));
        const CliRun trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--task"),
                    QStringLiteral("y:binary:bad"), QStringLiteral("--epochs"), QStringLiteral("1"),
                    QStringLiteral("--hidden"), QStringLiteral("none"), QStringLiteral("--out"), model});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QString out = m_scratch.path(QStringLiteral("clash.onnx"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--onnx"), out}), 1,
            QStringList{QStringLiteral("\"y.probability\""), QStringLiteral("rename the column")});
        QVERIFY(!QFile::exists(out));
    }

    void nothingToExport()
    {
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model}), 2,
                            QStringList{QStringLiteral("nothing to export"), QStringLiteral("--onnx FILE")});
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--onnx"), m_scratch.path(QStringLiteral("x.onnx"))}), 2,
            QStringList{QStringLiteral("--model is required")});
    }

    // Models with weight-of-evidence inputs (--woe) or the wide & deep path (--wide on) were
    // refused by both exports until the exports encoded them; now both are written (their scores
    // are held equal to predict's by tst_onnx and tst_sqlexport).
    void weightOfEvidenceAndWideAreExported()
    {
        for (const QStringList &settings : {QStringList{QStringLiteral("--woe"), QStringLiteral("annual_inc")},
                                            QStringList{QStringLiteral("--wide"), QStringLiteral("on")}}) {
            const QString model = m_scratch.path(settings[0].mid(2) + QStringLiteral(".cmtl"));
            const CliRun trained = runCli(
                QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                            QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"), QStringLiteral("--task"),
                            QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"), QStringLiteral("1"),
                            QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--out"), model} +
                settings);
            QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
            QStringList exportArguments = {QStringLiteral("export"), QStringLiteral("--model"), model,
                                           QStringLiteral("--sql"), model + QStringLiteral(".sql")};
#ifdef CREDITMTL_HAVE_ONNX
            exportArguments << QStringLiteral("--onnx") << model + QStringLiteral(".onnx");
#endif
            const CliRun exported = runCli(exportArguments);
            QVERIFY2(exported.exitCode == 0,
                     qPrintable(settings.join(QLatin1Char(' ')) + QStringLiteral(": ") + exported.err));
            QVERIFY(QFileInfo(model + QStringLiteral(".sql")).size() > 0);
#ifdef CREDITMTL_HAVE_ONNX
            QVERIFY(QFileInfo(model + QStringLiteral(".onnx")).size() > 0);
#endif
        }
    }

    // export --scorecard: SQL only, a card or a model (not both), and a file that is a scorecard.
    void scorecardExportRefusals()
    {
        // (Checked before the card is read: any file does.)
        const QString card = m_scratch.write(QStringLiteral("card.json"), QByteArrayLiteral("{}\n"));
        const QString sql = m_scratch.path(QStringLiteral("card.sql"));
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("export"), QStringLiteral("--scorecard"), card,
                                    QStringLiteral("--model"), m_model, QStringLiteral("--sql"), sql}),
                            2, QStringList{QStringLiteral("--model or --scorecard, not both")});
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("export"), QStringLiteral("--scorecard"), card,
                                    QStringLiteral("--onnx"), m_scratch.path(QStringLiteral("card.onnx"))}),
                            2, QStringList{QStringLiteral("--onnx applies to a model"), QStringLiteral("--sql FILE")});
        CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("export"), QStringLiteral("--scorecard"), card}), 2,
                            QStringList{QStringLiteral("nothing to export"), QStringLiteral("--sql FILE")});
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--scorecard"), card, QStringLiteral("--sql"), card}), 2,
            QStringList{QStringLiteral("card.json")});
        // A JSON file that is no scorecard: the file and what is wrong with it; nothing written.
        const QString notACard =
            m_scratch.write(QStringLiteral("not_a_card.json"), QByteArrayLiteral("{\"format\": \"x\"}\n"));
        const CliRun refused =
            runCli({QStringLiteral("export"), QStringLiteral("--scorecard"), notACard, QStringLiteral("--sql"), sql});
        QVERIFY2(refused.exitCode != 0 && refused.err.contains(QStringLiteral("not_a_card.json")),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(sql));
    }

    // A seed ensemble (--ensemble K) is exported, but the SQL export's weight limit holds for its
    // members together: two networks of about 60,000 weights each (each alone under the limit of
    // 100,000) are refused, naming the ensemble and what to do; ONNX writes the same model.
    void seedEnsembleOverTheSqlWeightLimit()
    {
        const QString model = m_scratch.path(QStringLiteral("ensemble.cmtl"));
        const CliRun trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"),
                    QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"), QStringLiteral("--task"),
                    QStringLiteral("Class:binary:bad"), QStringLiteral("--ensemble"), QStringLiteral("2"),
                    QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--hidden"), QStringLiteral("600"),
                    QStringLiteral("--out"), model});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QString sql = m_scratch.path(QStringLiteral("ensemble.sql"));
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--sql"), sql}), 1,
            QStringList{QStringLiteral("seed ensemble of 2 networks"), QStringLiteral("limit of 100000"),
                        QStringLiteral("--ensemble"), QStringLiteral("ONNX")});
        QVERIFY(!QFile::exists(sql));
#ifdef CREDITMTL_HAVE_ONNX
        const QString onnx = m_scratch.path(QStringLiteral("ensemble.onnx"));
        const CliRun exported =
            runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--onnx"), onnx});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(QFile::exists(onnx));
#endif
    }

private:
    Scratch m_scratch;
    QString m_model;
};

QTEST_GUILESS_MAIN(CatalogueExport)
#include "tst_catalogue_export.moc"
