// File ▸ Export Report…: the workbench's report equals `creditmtl-cli report` for the same model,
// data and time; its PDF is a real multi-page PDF; the dialog runs the worker on its own thread,
// names its fields for assistive technology, refuses to write over an input, and is translated.

#include "AppSupport.h"
#include "MainWindow.h"
#include "ProgramRun.h"
#include "RunRecord.h"
#include "Workspace.h"
#include "io/ModelFile.h"
#include "report/ComparisonJson.h"
#include "report/ReportExportDialog.h"
#include "report/ReportWorker.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

using cmtl::testing::readAll;
using cmtl::testing::runCli;

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

QLineEdit *field(QWidget &dialog, const QString &accessibleName)
{
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == accessibleName)
            return edit;
    }
    return nullptr;
}

} // namespace

class TestReportExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QByteArray header = sample.readLine();
        QByteArray train = header, test = header;
        for (int line = 0; line < 2000 && !sample.atEnd(); ++line)
            (line < 1200 ? train : test) += sample.readLine();
        m_train = m_directory.filePath(arg("train.csv"));
        m_test = m_directory.filePath(arg("test.csv"));
        for (const auto &[path, bytes] : {std::pair{m_train, train}, std::pair{m_test, test}}) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
        }
        m_model = m_directory.filePath(arg("m.cmtl"));
        const cmtl::testing::ProgramRun trained = runCli(
            {arg("train"), arg("--data"), m_train, arg("--task"), arg("Class:binary:bad"), arg("--task"),
             arg("int_rate:regression"), arg("--epochs"), arg("4"), arg("--hidden"), arg("8"), arg("--out"), m_model});
        QVERIFY2(trained.succeeded(), qPrintable(trained.shown()));
    }

    void workbenchReportEqualsTheCommandLines()
    {
        const QString cli = m_directory.filePath(arg("cli.html")), gui = m_directory.filePath(arg("gui.html"));
        const QString pdf = m_directory.filePath(arg("gui.pdf"));
        const cmtl::testing::ProgramRun reported = runCli(
            {arg("report"), arg("--model"), m_model, arg("--data"), m_test, arg("--base"), m_train, arg("--out"), cli,
             arg("--repeats"), arg("2"), arg("--seed"), arg("5"), arg("--generated"), arg("2026-11-30T12:00:00Z")});
        QVERIFY2(reported.succeeded(), qPrintable(reported.shown()));
        ReportWorker::Params params;
        params.modelPath = m_model;
        params.dataPath = m_test;
        params.basePath = m_train;
        params.htmlPath = gui;
        params.pdfPath = pdf;
        params.generatedAt = arg("2026-11-30T12:00:00Z");
        params.importanceRepeats = 2;
        params.importanceSeed = 5;
        ReportWorker worker(params);
        QSignalSpy succeeded(&worker, &ReportWorker::succeeded), failed(&worker, &Worker::failed);
        QSignalSpy progress(&worker, &Worker::progress);
        worker.run();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(succeeded.size(), 1);
        QVERIFY(progress.size() >= 5);
        QCOMPARE(progress.last().at(0).toDouble(), 1.0);
        const QByteArray html = readAll(gui);
        QVERIFY(html.size() > 50000);
        QCOMPARE(html, readAll(cli));

        // The PDF: a PDF file of several A4 pages holding the charts as images.
        const QByteArray bytes = readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ") >= 3,
                 bytes.left(200).constData());
        QVERIFY(bytes.count("/Subtype /Image") >= 5);
    }

    void dialogExportsOnItsThreadAndRefusesToOverwriteAnInput()
    {
        ReportExportDialog dialog(m_model, m_test);
        // Every field has an accessible name.
        for (QWidget *widget : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QCheckBox *>(widget) ||
                qobject_cast<QProgressBar *>(widget) || qobject_cast<QPushButton *>(widget))
                QVERIFY2(!widget->accessibleName().isEmpty() ||
                             !static_cast<QAbstractButton *>(widget)->text().isEmpty(),
                         widget->metaObject()->className());
        }
        QLineEdit *report = field(dialog, arg("Report file (HTML)"));
        QVERIFY(report);
        QCOMPARE(field(dialog, arg("Model file"))->text(), m_model);

        // Over the evaluated data: refused, the data left as it was.
        const QByteArray data = readAll(m_test);
        report->setText(m_test);
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        const QString status = dialog.findChild<QLabel *>(arg("reportStatus"))->text();
        QVERIFY2(status.contains(arg("test.csv")) && status.contains(arg("report")), qPrintable(status));
        QCOMPARE(readAll(m_test), data);

        // A new file: written on the worker's thread, with the PDF beside it.
        const QString out = m_directory.filePath(arg("dialog.html"));
        report->setText(out);
        dialog.findChild<QCheckBox *>()->setChecked(true);
        QTRY_VERIFY(!dialog.isRunning()); // the first run's thread has ended
        dialog.start();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QVERIFY(readAll(out).contains("<section id=\"importance\">"));
        QVERIFY(readAll(m_directory.filePath(arg("dialog.pdf"))).startsWith("%PDF-"));
    }

    // After a run that was not saved, File ▸ Export Report… starts with the run's model (a
    // temporary copy) and the loaded data file, and writes what the CLI writes for that copy.
    void dialogAfterAnUnsavedRunStartsWithItsModelAndData()
    {
        MainWindow window;
        ReportExportDialog *dialog = dialogAfterUnsavedRun(window, m_test);
        QVERIFY(dialog);
        const QString model = field(*dialog, arg("Model file"))->text();
        QVERIFY2(QFileInfo(model).isFile(), qPrintable(model));
        QCOMPARE(QFileInfo(model).fileName(), arg("Run 1.cmtl"));
        QCOMPARE(field(*dialog, arg("Evaluated data file"))->text(), m_test);
        QVERIFY(dialog->findChild<QLabel *>(arg("reportModelNote"))->text().contains(arg("Run 1 is not saved")));
        // The run was trained on that file: a note says its metrics there are optimistic, for as
        // long as the field holds it.
        auto *dataNote = dialog->findChild<QLabel *>(arg("reportDataNote"));
        QVERIFY(!dataNote->isHidden());
        QVERIFY2(dataNote->text().contains(arg("Run 1 was trained on rows of this file")),
                 qPrintable(dataNote->text()));
        field(*dialog, arg("Evaluated data file"))->setText(m_directory.filePath(arg("out_of_time.csv")));
        QVERIFY(dataNote->isHidden());
        field(*dialog, arg("Evaluated data file"))->setText(m_test);
        QVERIFY(!dataNote->isHidden());
        QVERIFY(comparisonBox(*dialog)->isHidden()); // no comparison in the project
        QVERIFY(!compareWithCli(*dialog, arg("unsaved"), m_test, {}).isEmpty());

        // A run named in Chinese, with characters a file name cannot hold: named as far as it can be.
        ReportExportDialog named{QString(), QString()};
        QVERIFY(named.offerUnsavedModel(QStringLiteral("运行 2: a/b"), loadModelFile(m_model.toStdString())));
        QCOMPARE(QFileInfo(field(named, arg("Model file"))->text()).fileName(), QStringLiteral("运行 2_ a_b.cmtl"));
    }

    // With a Compare Methods result of the model's tasks on the loaded data, the dialog offers it
    // (on) and the report's multi-task evidence equals `report --comparison` of the same result.
    void workbenchComparisonInTheReportEqualsTheCommandLines()
    {
        const QString both = m_directory.filePath(arg("both.json")), one = m_directory.filePath(arg("one.json"));
        for (const auto &[json, tasks] :
             {std::pair{both, QStringList{arg("Class:binary:bad"), arg("int_rate:regression")}},
              std::pair{one, QStringList{arg("Class:binary:bad")}}}) {
            QStringList arguments{arg("compare"),
                                  arg("--data"),
                                  m_train,
                                  arg("--candidate"),
                                  arg("logistic"),
                                  arg("--candidate"),
                                  arg("single-task"),
                                  arg("--candidate"),
                                  arg("shared-bottom:fixed"),
                                  arg("--folds"),
                                  arg("2"),
                                  arg("--epochs"),
                                  arg("2"),
                                  arg("--patience"),
                                  arg("0"),
                                  arg("--hidden"),
                                  arg("8"),
                                  arg("--out-json"),
                                  json};
            for (const QString &task : tasks)
                arguments << arg("--task") << task;
            const cmtl::testing::ProgramRun compared = runCli(arguments);
            QVERIFY2(compared.succeeded(), qPrintable(compared.shown()));
        }
        MainWindow window;
        ReportExportDialog *dialog = dialogAfterUnsavedRun(window, m_train, [&] {
            // The matching comparison first, then one of other tasks: the latest matching is offered.
            for (const QString &json : {both, one})
                window.workspace()->addComparison({QDateTime::currentDateTime(),
                                                   parseComparisonJson(readAll(json), json.toStdString()).result,
                                                   m_train});
            // The model's tasks on another file than the loaded one: not offered either.
            window.workspace()->addComparison(
                {QDateTime::currentDateTime(), parseComparisonJson(readAll(both), "").result, m_test});
        });
        QVERIFY(dialog);
        QCheckBox *include = comparisonBox(*dialog);
        QVERIFY(!include->isHidden());
        QVERIFY(include->isChecked());
        QVERIFY2(include->text().contains(arg("Compare Methods of")), qPrintable(include->text()));
        const QByteArray html = compareWithCli(*dialog, arg("compared"), m_train, {arg("--comparison"), both});
        QVERIFY(html.contains("data-key=\"multitask.Class.shared-bottom:fixed.mean\""));
        QVERIFY(html.contains("data-key=\"multitask.int_rate.logistic.mean\""));

        // Unchecked: the report without it, as the CLI writes it without --comparison.
        include->setChecked(false);
        QTRY_VERIFY(!dialog->isRunning());
        const QByteArray without = compareWithCli(*dialog, arg("uncompared"), m_train, {});
        QVERIFY(!without.isEmpty());
        QVERIFY(!without.contains("data-key=\"multitask."));
    }

    void menuEntryAndTranslation()
    {
        MainWindow window;
        QAction *action = window.findChild<QAction *>(arg("exportReportAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Export Repor&t…"));
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, arg("zh_CN")), arg("zh_CN"));
        QCOMPARE(QCoreApplication::translate("cmtl::ui::MainWindow", "Export Repor&t…"),
                 QStringLiteral("导出报告(&T)…"));
        {
            ReportExportDialog dialog{QString(), QString()};
            QCOMPARE(dialog.windowTitle(), QStringLiteral("导出报告"));
            QVERIFY(field(dialog, QStringLiteral("报告文件（HTML）")));
            QCOMPARE(QCoreApplication::translate("cmtl::ui::ReportExportDialog", "Include the multi-task evidence"),
                     QStringLiteral("包含多任务证据"));
        }
        QCOMPARE(installTranslations(*app, arg("en")), arg("en"));
    }

private:
    // A MainWindow with `data` loaded, `addComparisons` done, and an unsaved run of the test's
    // model current; its File ▸ Export Report… dialog.
    ReportExportDialog *dialogAfterUnsavedRun(MainWindow &window, const QString &data,
                                              const std::function<void()> &addComparisons = {})
    {
        QSignalSpy loaded(window.workspace(), &Workspace::dataChanged);
        window.openDataFile(data);
        if (!loaded.wait(60000))
            return nullptr;
        if (addComparisons)
            addComparisons();
        ModelFileContents contents = loadModelFile(m_model.toStdString());
        auto run = std::make_shared<RunRecord>();
        run->id = window.workspace()->nextRunId();
        run->name = arg("Run 1");
        run->dataSource = data;
        run->result.model = std::move(contents.model);
        run->result.reports = std::move(contents.reports);
        run->result.history = std::move(contents.history);
        run->result.warnings = std::move(contents.warnings);
        window.workspace()->addRun(run); // no modelPath: not saved
        window.findChild<QAction *>(arg("exportReportAction"))->trigger();
        return window.findChild<ReportExportDialog *>();
    }

    static QCheckBox *comparisonBox(ReportExportDialog &dialog)
    {
        for (QCheckBox *box : dialog.findChildren<QCheckBox *>())
            if (box->accessibleName() == arg("Include the multi-task evidence"))
                return box;
        return nullptr;
    }

    // Exports from the dialog to NAME.html, then the CLI's report of the dialog's model and `data`
    // with `extra` options and the time the dialog's report printed; the two must be equal.
    QByteArray compareWithCli(ReportExportDialog &dialog, const QString &name, const QString &data,
                              const QStringList &extra)
    {
        const QString gui = m_directory.filePath(name + arg(".html")),
                      cli = m_directory.filePath(name + arg("-cli.html"));
        field(dialog, arg("Report file (HTML)"))->setText(gui);
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.start();
        if (!finished.wait(120000) || !finished.last().at(0).toBool()) {
            qWarning("%s", qPrintable(dialog.findChild<QLabel *>(arg("reportStatus"))->text()));
            return {};
        }
        const QByteArray html = readAll(gui);
        const QRegularExpressionMatch generated =
            QRegularExpression(arg("Generated (\\S+) by")).match(QString::fromUtf8(html));
        if (!generated.hasMatch())
            return {};
        const cmtl::testing::ProgramRun reported =
            runCli(QStringList{arg("report"), arg("--model"), field(dialog, arg("Model file"))->text(), arg("--data"),
                               data, arg("--out"), cli, arg("--generated"), generated.captured(1)} +
                   extra);
        if (!reported.succeeded()) {
            qWarning("%s", qPrintable(reported.shown()));
            return {};
        }
        return html == readAll(cli) ? html : QByteArray();
    }

    QTemporaryDir m_directory;
    QString m_train, m_test, m_model;
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
