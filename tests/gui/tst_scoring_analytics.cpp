// The Scoring page's credit analytics equal the command line's for the same model and files:
// points and reason codes in the predictions (predict --points --reasons K, byte for byte), the
// stability of a scored file against the loaded data (psi), and the Permutation Importance dialog
// (importance, same repeats and seed); long work runs on a worker thread and can be cancelled.

#include "AppSupport.h"
#include "HelpTexts.h"
#include "MainWindow.h"
#include "ProgramRun.h"
#include "ResourcesInit.h"
#include "io/ModelFile.h"
#include "models/PredictionsTableModel.h"
#include "pages/ImportanceDialog.h"
#include "pages/ScoringPage.h"
#include "workers/DataLoader.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

// Runs creditmtl-cli; empty when it succeeded, else how it failed.
QString runCli(const QStringList &arguments)
{
    const cmtl::testing::ProgramRun run = cmtl::testing::runCli(arguments, 180000);
    return run.succeeded() ? QString() : run.shown();
}

using cmtl::testing::readAll;

// The records of a CSV file the CLI wrote, header first, split at every comma (also in a quoted field).
QList<QStringList> csvRecords(const QString &path)
{
    QList<QStringList> records;
    for (const QByteArray &line : readAll(path).split('\n')) {
        if (!line.isEmpty())
            records << QString::fromUtf8(line).split(QLatin1Char(','));
    }
    return records;
}

// The CLI writes figures with 10 significant digits (csvNumber): equal to that precision.
bool sameFigure(double workbench, const QString &cli)
{
    if (cli.isEmpty())
        return std::isnan(workbench);
    const double value = cli.toDouble();
    return std::abs(workbench - value) <= 1e-9 * std::max(1e-6, std::abs(value));
}

// Every control of `root` is named for assistive technology and has a help text.
void checkNamedAndHelped(QWidget *root)
{
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!(qobject_cast<QAbstractButton *>(widget) || qobject_cast<QSpinBox *>(widget) ||
              qobject_cast<QComboBox *>(widget) || qobject_cast<QProgressBar *>(widget) ||
              qobject_cast<QTableWidget *>(widget)) ||
            widget->objectName().isEmpty() || qobject_cast<QTabBar *>(widget->parentWidget()))
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        QVERIFY2(!widget->accessibleName().isEmpty() || (button && !button->text().isEmpty()),
                 qPrintable(widget->objectName()));
        if (!qobject_cast<QProgressBar *>(widget))
            QVERIFY2(!settingHelp(widget->objectName()).isEmpty(), qPrintable(widget->objectName()));
    }
}

} // namespace

class TestScoringAnalytics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        cmtl::initResources();
        // A training file and a later file from another part of the sample, so that the scores
        // and some columns move between them.
        QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QByteArray header = sample.readLine();
        QByteArray train = header, later = header;
        for (int line = 0; line < 9000 && !sample.atEnd(); ++line) {
            const QByteArray record = sample.readLine();
            if (line < 1500)
                train += record;
            else if (line >= 8200)
                later += record;
        }
        m_train = m_directory.filePath(arg("train.csv"));
        m_later = m_directory.filePath(arg("later.csv"));
        for (const auto &[path, bytes] : {std::pair{m_train, train}, std::pair{m_later, later}}) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
        }
        m_modelPath = m_directory.filePath(arg("m.cmtl"));
        const QString trained = runCli({arg("train"), arg("--data"), m_train, arg("--task"), arg("Class:binary:bad"),
                                        arg("--task"), arg("int_rate:regression"), arg("--epochs"), arg("4"),
                                        arg("--hidden"), arg("8"), arg("--out"), m_modelPath});
        QVERIFY2(trained.isEmpty(), qPrintable(trained));

        // The run as File ▸ Open Model makes it.
        ModelFileContents contents = loadModelFile(m_modelPath.toStdString());
        auto run = std::make_shared<RunRecord>();
        run->name = arg("m.cmtl");
        run->modelPath = m_modelPath;
        for (const TargetEncoding &task : contents.model.tasks())
            run->roles.tasks.push_back(task.spec);
        run->roles.features = contents.model.requiredColumns();
        run->dataSource = m_modelPath;
        run->result.model = std::move(contents.model);
        m_run = run;

        // The loaded data set, as the Data page loads it.
        DataLoader loader({m_train, CsvOptions{}, {}});
        QSignalSpy loaded(&loader, &DataLoader::succeeded);
        loader.run();
        QCOMPARE(loaded.size(), 1);
        m_base = loaded.at(0).at(0).value<LoadedTablePtr>();
        QVERIFY(m_base);
    }

    void pointsAndReasonsEqualPredict()
    {
        ScoringPage page;
        page.setRun(m_run);
        QCheckBox *points = page.findChild<QCheckBox *>(arg("pointsCheck"));
        QCheckBox *reasons = page.findChild<QCheckBox *>(arg("reasonsCheck"));
        QVERIFY(points && reasons && points->isEnabled() && reasons->isEnabled());
        page.setExtras(true, 3);
        QSignalSpy scored(&page, &ScoringPage::scored);
        page.scoreFile(m_later);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 120000);
        QTRY_VERIFY(!page.isRunning());

        // The table's columns: the predictions, three reasons, then the points.
        const PredictionsTableModel *model = page.predictions();
        QStringList headers;
        for (int c = 0; c < model->columnCount(); ++c)
            headers << model->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers, QStringList({arg("Class.probability"), arg("int_rate.value"), arg("Class.reason1"),
                                       arg("Class.reason2"), arg("Class.reason3"), arg("Class.points")}));

        const QString gui = m_directory.filePath(arg("gui-predictions.csv"));
        const QString cli = m_directory.filePath(arg("cli-predictions.csv"));
        QSignalSpy saved(&page, &ScoringPage::predictionsSaved);
        QVERIFY(page.savePredictions(gui));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 60000);
        QTRY_VERIFY(!page.isRunning());
        const QString predicted = runCli({arg("predict"), arg("--model"), m_modelPath, arg("--data"), m_later,
                                          arg("--out"), cli, arg("--points"), arg("--reasons"), arg("3")});
        QVERIFY2(predicted.isEmpty(), qPrintable(predicted));
        const QByteArray expected = readAll(cli);
        QVERIFY(expected.count('\n') == 801); // header and 800 rows
        QCOMPARE(readAll(gui), expected);

        // The table shows the file's cells: row 10 of the table is record 11 of the file.
        const QList<QStringList> records = csvRecords(cli);
        for (int c = 0; c < model->columnCount(); ++c)
            QCOMPARE(model->index(10, c).data().toString(), records[11][c]);
        int rowsWithAReason = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            rowsWithAReason += model->index(row, 2).data().toString().isEmpty() ? 0 : 1;
        QVERIFY(rowsWithAReason > 700); // reasons are named, not left empty

        // Without the options, the predictions alone (the extras are not kept from before).
        page.setExtras(false, 0);
        page.scoreFile(m_later);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 2, 120000);
        QTRY_VERIFY(!page.isRunning());
        QCOMPARE(model->columnCount(), 2);
    }

    void stabilityEqualsPsi()
    {
        ScoringPage page;
        page.setRun(m_run);
        QPushButton *compare = page.findChild<QPushButton *>(arg("stabilityButton"));
        QVERIFY(compare && !compare->isEnabled());
        QVERIFY(!page.computeStability()); // nothing scored, no base
        page.setBaseData(m_base);
        QSignalSpy scored(&page, &ScoringPage::scored);
        page.scoreFile(m_later);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 120000);
        QTRY_VERIFY(!page.isRunning());
        QVERIFY(compare->isEnabled());
        QSignalSpy computed(&page, &ScoringPage::stabilityComputed);
        QVERIFY(page.computeStability());
        QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 1, 120000);
        QTRY_VERIFY(!page.isRunning());

        const QString out = m_directory.filePath(arg("psi.csv"));
        const QString psi = runCli({arg("psi"), arg("--model"), m_modelPath, arg("--base"), m_train, arg("--data"),
                                    m_later, arg("--out"), out});
        QVERIFY2(psi.isEmpty(), qPrintable(psi));
        // variable,kind,band,base_count,new_count,base_share,new_share,contribution,index,verdict
        std::map<QString, QStringList> firstBandOf;
        std::map<QString, int> bandsOf;
        for (const QStringList &record : csvRecords(out).mid(1)) {
            firstBandOf.emplace(record[0], record);
            ++bandsOf[record[0]];
        }
        const StabilityResultPtr result = page.stability();
        QVERIFY(result);
        QCOMPARE(result->indices.size(), firstBandOf.size());
        QCOMPARE(result->baseRows, qulonglong(1500));
        QCOMPARE(result->scoredRows, qulonglong(800));
        QTableWidget *table = page.findChild<QTableWidget *>(arg("stabilityTable"));
        QCOMPARE(table->rowCount(), static_cast<int>(result->indices.size()));
        int row = 0;
        for (const auto &[kind, index] : result->indices) {
            const QString name = QString::fromStdString(index.name);
            QVERIFY2(firstBandOf.count(name), qPrintable(name));
            const QStringList &cli = firstBandOf[name];
            QCOMPARE(arg(kind == ModelStabilityIndex::Kind::Score ? "psi" : "csi"), cli[1]);
            // A numeric band's label ("(-inf, 1.5]") is quoted and holds a comma: the index and the
            // verdict are read from the end of the record.
            const QString &cliIndex = cli[cli.size() - 2];
            QVERIFY2(sameFigure(index.index, cliIndex), qPrintable(name + QLatin1Char(' ') + cliIndex));
            QCOMPARE(QString::fromLatin1(toString(index.verdict)), cli.back());
            QCOMPARE(static_cast<int>(index.bands.size()), bandsOf[name]);
            // The table row shows the same index and its band.
            QCOMPARE(table->item(row, 0)->text(), name);
            QCOMPARE(table->item(row, 2)->data(Qt::UserRole).toDouble(), index.index);
            ++row;
        }
        // The later file's scores moved: at least one index is not "stable" (a table of all
        // "stable" would not show that the bands are read).
        QVERIFY(std::any_of(result->indices.begin(), result->indices.end(),
                            [](const ModelStabilityIndex &entry) { return entry.index.index > 0.01; }));
        // A new file clears the stability of the old one.
        page.scoreFile(m_train);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 2, 120000);
        QTRY_VERIFY(!page.isRunning());
        QVERIFY(!page.stability());
        QCOMPARE(table->rowCount(), 0);
    }

    void stabilityAgainstDataWithoutTheModelsColumnsIsRefused()
    {
        // Loaded data that lacks two of the model's inputs: the comparison names them and the fix.
        const QString other = m_directory.filePath(arg("other.csv"));
        QFile file(other);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("term,grade,Class\n36 months,B,good\n60 months,C,bad\n");
        file.close();
        DataLoader loader({other, CsvOptions{}, {}});
        QSignalSpy loaded(&loader, &DataLoader::succeeded);
        loader.run();
        QCOMPARE(loaded.size(), 1);
        ScoringPage page;
        page.setRun(m_run);
        page.setBaseData(loaded.at(0).at(0).value<LoadedTablePtr>());
        QSignalSpy scored(&page, &ScoringPage::scored);
        page.scoreFile(m_later);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 120000);
        QTRY_VERIFY(!page.isRunning());
        StabilityWorker worker({loaded.at(0).at(0).value<LoadedTablePtr>(), page.predictions()->scoredTable(), 1});
        QSignalSpy failed(&worker, &Worker::failed);
        worker.run();
        QCOMPARE(failed.size(), 1);
        const QString message = failed.at(0).at(0).toString() + failed.at(0).at(1).toString();
        for (const char *word : {"other.csv", "funded_amnt", "annual_inc", "training data"})
            QVERIFY2(message.contains(arg(word)), qPrintable(message));
    }

    void importanceEqualsTheCommandLine()
    {
        const QString out = m_directory.filePath(arg("importance.csv"));
        const QString cli = runCli({arg("importance"), arg("--model"), m_modelPath, arg("--data"), m_later,
                                    arg("--repeats"), arg("3"), arg("--seed"), arg("7"), arg("--out"), out});
        QVERIFY2(cli.isEmpty(), qPrintable(cli));
        // The later file as the Scoring page read it (the dialog's "Scored file" source).
        ScoringPage page;
        page.setRun(m_run);
        QSignalSpy scored(&page, &ScoringPage::scored);
        page.scoreFile(m_later);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 120000);
        QTRY_VERIFY(!page.isRunning());
        const ScoredTablePtr table = page.predictions()->scoredTable();
        ImportanceDialog dialog(m_run,
                                {{arg("Scored file: later.csv"), std::shared_ptr<const Table>(table, &table->table)}});
        checkNamedAndHelped(&dialog);
        dialog.setRepeats(3);
        dialog.setSeed(7);
        QSignalSpy finished(&dialog, &ImportanceDialog::importanceFinished);
        QProgressBar *progress = dialog.findChild<QProgressBar *>(arg("importanceProgress"));
        dialog.start();
        QVERIFY(dialog.isRunning());
        QVERIFY(dialog.findChild<QPushButton *>(arg("cancelImportanceButton"))->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(progress->value(), 1000);
        const ImportanceResult result = dialog.result();
        QVERIFY(result);
        // task,metric,baseline,column,mean_drop,sd_drop in the CLI's order.
        const QList<QStringList> records = csvRecords(out).mid(1);
        int record = 0;
        for (const TaskImportance &task : *result) {
            for (const FeatureImportance &feature : task.features) {
                QVERIFY(record < records.size());
                const QStringList &expected = records[record++];
                QCOMPARE(QString::fromStdString(task.task), expected[0]);
                QCOMPARE(QString::fromStdString(task.metric), expected[1]);
                QVERIFY(sameFigure(task.baseline, expected[2]));
                QCOMPARE(QString::fromStdString(feature.column), expected[3]);
                QVERIFY2(sameFigure(feature.mean, expected[4]), qPrintable(expected.join(QLatin1Char(','))));
                QVERIFY2(sameFigure(feature.sd, expected[5]), qPrintable(expected.join(QLatin1Char(','))));
                QCOMPARE(feature.drops.size(), std::size_t(3));
            }
        }
        QCOMPARE(record, records.size());
        // The table shows the first task's columns, most important first, with the spread.
        QTableWidget *shown = dialog.findChild<QTableWidget *>(arg("importanceTable"));
        QCOMPARE(shown->rowCount(), static_cast<int>(result->front().features.size()));
        QCOMPARE(shown->item(0, 0)->text(), QString::fromStdString(result->front().features.front().column));
        QCOMPARE(shown->item(0, 2)->data(Qt::UserRole).toDouble(), result->front().features.front().sd);

        // Cancel: a long run stops at the next shuffle, and the figures shown stay.
        dialog.setRepeats(1000);
        dialog.start();
        QVERIFY(dialog.isRunning());
        dialog.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY(!dialog.isRunning());
        QCOMPARE(dialog.result(), result);
        QVERIFY(dialog.findChild<QPushButton *>(arg("computeImportanceButton"))->isEnabled());
    }

    void controlsAreNamedAndHelped()
    {
        ScoringPage page;
        page.setRun(m_run);
        checkNamedAndHelped(&page);
        // Without a model there is nothing to score: no points, no reasons.
        page.setRun(nullptr);
        QVERIFY(!page.findChild<QCheckBox *>(arg("pointsCheck"))->isEnabled());
        QVERIFY(!page.findChild<QCheckBox *>(arg("reasonsCheck"))->isEnabled());
    }

    void runMenuOpensTheImportanceDialog()
    {
        // Run ▸ Permutation Importance… opens the dialog; with no model and no data it says so and
        // offers nothing to compute.
        MainWindow window;
        auto *action = window.findChild<QAction *>(arg("importanceAction"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = window.findChild<ImportanceDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(arg("computeImportanceButton"))->isEnabled());
        QCOMPARE(dialog->findChild<QComboBox *>(arg("importanceDataCombo"))->count(), 0);
        dialog->close();
    }

    // Last, as it changes the application's language: the new controls speak Chinese.
    void chineseTranslations()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, arg("zh_CN")), arg("zh_CN"));
        ScoringPage page;
        page.setRun(m_run);
        QCOMPARE(page.findChild<QCheckBox *>(arg("pointsCheck"))->text(), QString::fromUtf8("分值(&O)"));
        QCOMPARE(page.findChild<QCheckBox *>(arg("reasonsCheck"))->text(), QString::fromUtf8("原因（前 K 个）(&R)"));
        QCOMPARE(page.findChild<QPushButton *>(arg("stabilityButton"))->text(),
                 QString::fromUtf8("与已载入数据比较 (PSI/CSI)(&L)"));
        QVERIFY(page.findChild<QCheckBox *>(arg("pointsCheck"))->toolTip().contains(QString::fromUtf8("分值")));
        ImportanceDialog dialog(m_run, {});
        QCOMPARE(dialog.windowTitle(), QString::fromUtf8("置换重要性"));
        QCOMPARE(dialog.findChild<QPushButton *>(arg("computeImportanceButton"))->text(),
                 QString::fromUtf8("计算(&C)"));
        QVERIFY(!dialog.findChild<QPushButton *>(arg("computeImportanceButton"))->isEnabled()); // no data
        QVERIFY(
            dialog.findChild<QSpinBox *>(arg("importanceRepeatsSpin"))->toolTip().contains(QString::fromUtf8("打乱")));
    }

private:
    QTemporaryDir m_directory;
    QString m_train, m_later, m_modelPath;
    RunPtr m_run;
    LoadedTablePtr m_base;
};

QTEST_MAIN(TestScoringAnalytics)
#include "tst_scoring_analytics.moc"
