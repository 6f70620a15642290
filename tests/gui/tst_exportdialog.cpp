// File ▸ Export Model… (ui/export/ExportModelDialog): the files it writes are byte for byte those
// of `creditmtl-cli export` for the same model (the same engine functions write both); it never
// writes over the model file, asks before replacing a file, shows the engine's refusal, and every
// control has an accessible name and help.

#include "AppSupport.h"
#include "ProgramRun.h"
#include "export/ExportModelDialog.h"
#include "export/ExportModelWorker.h"
#include "io/ModelFile.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

using cmtl::testing::readAll;

} // namespace

class ExportDialogTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_modelPath = m_folder.filePath(QStringLiteral("model.cmtl"));
        // WoE inputs and the wide path too: the dialog exports what the command line exports.
        const QString out =
            cli({QStringLiteral("train"), QStringLiteral("--data"),
                 QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"), QStringLiteral("--task"),
                 QStringLiteral("Class:binary:bad"), QStringLiteral("--task"), QStringLiteral("int_rate:regression"),
                 QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--hidden"), QStringLiteral("4"),
                 QStringLiteral("--woe"), QStringLiteral("addr_state,revol_util"), QStringLiteral("--wide"),
                 QStringLiteral("on"), QStringLiteral("--out"), m_modelPath});
        QVERIFY2(out.isEmpty(), qPrintable(out));
        auto run = std::make_shared<RunRecord>();
        run->result.model = loadModelFile(m_modelPath.toStdString()).model;
        run->modelPath = m_modelPath;
        m_run = run;
    }

    // ONNX: the dialog's file equals `export --onnx`'s, byte for byte.
    void onnxEqualsTheCommandLine()
    {
        if (!ExportModelWorker::onnxAvailable())
            QSKIP("this build has no ONNX library (export --onnx is refused in the command line too)");
        const QString fromCli = m_folder.filePath(QStringLiteral("cli.onnx"));
        const QString cliError =
            cli({QStringLiteral("export"), QStringLiteral("--model"), m_modelPath, QStringLiteral("--onnx"), fromCli});
        QVERIFY2(cliError.isEmpty(), qPrintable(cliError));
        ExportModelDialog dialog(m_run, {m_modelPath});
        setFormat(dialog, QStringLiteral("onnx"));
        const QString fromDialog = m_folder.filePath(QStringLiteral("dialog.onnx"));
        field<QLineEdit>(dialog, "exportPathEdit")->setText(fromDialog);
        QVERIFY2(runExport(dialog), qPrintable(dialog.statusText()));
        QVERIFY(!readAll(fromCli).isEmpty());
        QCOMPARE(readAll(fromDialog), readAll(fromCli));
    }

    // SQL with a dialect, a table and kept columns: equal to `export --sql` with the same options.
    void sqlEqualsTheCommandLine()
    {
        const QString fromCli = m_folder.filePath(QStringLiteral("cli.sql"));
        const QString cliError =
            cli({QStringLiteral("export"), QStringLiteral("--model"), m_modelPath, QStringLiteral("--sql"), fromCli,
                 QStringLiteral("--dialect"), QStringLiteral("postgresql"), QStringLiteral("--sql-table"),
                 QStringLiteral("loans"), QStringLiteral("--keep"), QStringLiteral("id,loan_id")});
        QVERIFY2(cliError.isEmpty(), qPrintable(cliError));
        ExportModelDialog dialog(m_run, {m_modelPath});
        setFormat(dialog, QStringLiteral("sql"));
        auto *dialect = field<QComboBox>(dialog, "exportDialectCombo");
        dialect->setCurrentIndex(dialect->findData(QStringLiteral("postgresql")));
        field<QLineEdit>(dialog, "exportTableEdit")->setText(QStringLiteral("loans"));
        field<QLineEdit>(dialog, "exportKeepEdit")->setText(QStringLiteral("id, loan_id"));
        const QString fromDialog = m_folder.filePath(QStringLiteral("dialog.sql"));
        field<QLineEdit>(dialog, "exportPathEdit")->setText(fromDialog);
        QVERIFY2(runExport(dialog), qPrintable(dialog.statusText()));
        QVERIFY(!readAll(fromCli).isEmpty());
        QCOMPARE(readAll(fromDialog), readAll(fromCli));
    }

    // The model file itself is refused as the target, by file and not by spelling; nothing asked.
    void neverWritesOverTheModelFile()
    {
        const QByteArray model = readAll(m_modelPath);
        ExportModelDialog dialog(m_run, {m_modelPath});
        int asked = 0;
        dialog.setReplaceConfirmation([&](const QString &) { return ++asked > 0; });
        setFormat(dialog, QStringLiteral("sql"));
        field<QLineEdit>(dialog, "exportPathEdit")
            ->setText(m_folder.path() + QStringLiteral("/./") + QStringLiteral("model.cmtl"));
        QVERIFY(!runExport(dialog));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("model.cmtl")) &&
                     dialog.statusText().contains(QStringLiteral("choose another file")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(asked, 0);
        QCOMPARE(readAll(m_modelPath), model);
    }

    // An existing file: kept when the user says no, replaced when yes.
    void asksBeforeReplacingAFile()
    {
        const QString target = m_folder.filePath(QStringLiteral("existing.sql"));
        QFile existing(target);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old\n");
        existing.close();
        ExportModelDialog dialog(m_run, {m_modelPath});
        QStringList asked;
        bool answer = false;
        dialog.setReplaceConfirmation([&](const QString &path) {
            asked << path;
            return answer;
        });
        setFormat(dialog, QStringLiteral("sql"));
        field<QLineEdit>(dialog, "exportPathEdit")->setText(target);
        QVERIFY(!runExport(dialog));
        QCOMPARE(asked, QStringList{target});
        QVERIFY2(dialog.statusText().contains(QStringLiteral("kept")), qPrintable(dialog.statusText()));
        QCOMPARE(readAll(target), QByteArray("old\n"));
        answer = true;
        QVERIFY2(runExport(dialog), qPrintable(dialog.statusText()));
        QCOMPARE(asked.size(), 2);
        QVERIFY(readAll(target).startsWith("-- CreditMTL scoring query (sqlite)"));
    }

    // The engine's refusal (a kept column named as a prediction column) is shown as it is said;
    // no file is written.
    void showsTheEnginesRefusal()
    {
        ExportModelDialog dialog(m_run, {m_modelPath});
        setFormat(dialog, QStringLiteral("sql"));
        field<QLineEdit>(dialog, "exportKeepEdit")->setText(QStringLiteral("Class.probability"));
        const QString target = m_folder.filePath(QStringLiteral("refused.sql"));
        field<QLineEdit>(dialog, "exportPathEdit")->setText(target);
        QVERIFY(!runExport(dialog));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("could not be exported")) &&
                     dialog.statusText().contains(QStringLiteral("Class.probability")) &&
                     dialog.statusText().contains(QStringLiteral("prediction column")),
                 qPrintable(dialog.statusText()));
        QVERIFY(!QFile::exists(target));
    }

    // Every input control has an accessible name, a label that names it (buddy) and help.
    void controlsAreNamedAndExplained()
    {
        ExportModelDialog dialog(m_run, {m_modelPath});
        for (const char *name :
             {"exportFormatCombo", "exportDialectCombo", "exportTableEdit", "exportKeepEdit", "exportPathEdit"}) {
            QWidget *control = dialog.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(control, name);
            QVERIFY2(!control->accessibleName().isEmpty(), name);
            QVERIFY2(!control->toolTip().isEmpty() && !control->whatsThis().isEmpty(), name);
            bool labelled = false;
            for (const QLabel *label : dialog.findChildren<QLabel *>())
                labelled = labelled || label->buddy() == control;
            QVERIFY2(labelled, name);
        }
        for (const char *name : {"exportSubjectLabel", "exportBrowseButton", "exportProgress", "exportStatusLabel"}) {
            QWidget *control = dialog.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(control && !control->accessibleName().isEmpty(), name);
        }
        // The SQL options apply to SQL only.
        setFormat(dialog, QStringLiteral("onnx"));
        QVERIFY(!field<QComboBox>(dialog, "exportDialectCombo")->isEnabled());
        setFormat(dialog, QStringLiteral("sql"));
        QVERIFY(field<QComboBox>(dialog, "exportDialectCombo")->isEnabled());
    }

    // The dialog names the model it exports (the run's name), and without a model says how to get one.
    void namesTheModelItExports()
    {
        auto named = std::make_shared<RunRecord>(*m_run);
        named->name = QStringLiteral("Run 7 — Class 1 : int_rate 1");
        ExportModelDialog dialog(named, {m_modelPath});
        QCOMPARE(field<QLabel>(dialog, "exportSubjectLabel")->text(),
                 QStringLiteral("Model: Run 7 — Class 1 : int_rate 1"));
        QVERIFY(field<QPushButton>(dialog, "exportButton")->isEnabled());
        ExportModelDialog empty(nullptr, {});
        QVERIFY(field<QLabel>(empty, "exportSubjectLabel")->text().contains(QStringLiteral("train one")));
        QVERIFY(!field<QPushButton>(empty, "exportButton")->isEnabled());
    }

    // In Simplified Chinese, the dialog, its worker's progress and its help are translated (the
    // entries' contexts are the classes'). Last: it leaves the translation installed.
    void chineseTranslation()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        ExportModelDialog dialog(m_run, {m_modelPath});
        QCOMPARE(dialog.windowTitle(), QStringLiteral("导出模型"));
        QVERIFY(field<QLabel>(dialog, "exportSubjectLabel")->text().startsWith(QStringLiteral("模型：")));
        QCOMPARE(field<QComboBox>(dialog, "exportFormatCombo")->itemText(1), QStringLiteral("SQL 查询 (.sql)"));
        QVERIFY(field<QLineEdit>(dialog, "exportPathEdit")->toolTip().startsWith(QStringLiteral("要写入的文件")));
        setFormat(dialog, QStringLiteral("sql"));
        field<QLineEdit>(dialog, "exportPathEdit")->setText(m_folder.filePath(QStringLiteral("chinese.sql")));
        QVERIFY(runExport(dialog));
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("已导出到")), qPrintable(dialog.statusText()));
    }

private:
    // Runs creditmtl-cli; empty when it succeeded, else what it said.
    QString cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CMTL_CLI_PATH), arguments);
        if (!process.waitForFinished(120000))
            return QStringLiteral("creditmtl-cli did not finish");
        return process.exitCode() == 0 ? QString() : QString::fromUtf8(process.readAllStandardError());
    }

    template <typename Widget> static Widget *field(ExportModelDialog &dialog, const char *name)
    {
        auto *widget = dialog.findChild<Widget *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("the export dialog has no %s", name);
        return widget;
    }

    static void setFormat(ExportModelDialog &dialog, const QString &format)
    {
        auto *combo = field<QComboBox>(dialog, "exportFormatCombo");
        combo->setCurrentIndex(combo->findData(format));
    }

    // Clicks Export and waits for the outcome; true when the file was written.
    static bool runExport(ExportModelDialog &dialog)
    {
        QSignalSpy finished(&dialog, &ExportModelDialog::exportFinished);
        field<QPushButton>(dialog, "exportButton")->click();
        if (finished.isEmpty() && !finished.wait(60000))
            return false;
        // The worker's thread ends after its last signal.
        if (!QTest::qWaitFor([&] { return !dialog.isRunning(); }, 10000))
            return false;
        return finished.front().front().toBool();
    }

    QTemporaryDir m_folder;
    QString m_modelPath;
    RunPtr m_run;
};

QTEST_MAIN(ExportDialogTest)
#include "tst_exportdialog.moc"
