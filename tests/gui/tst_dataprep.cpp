// Data preparation on the Data page: a column's type chosen by the user, the few cells that keep a
// column from being numeric treated as missing in one click, both undoable; the ID / keep role,
// whose columns lead the predictions the Scoring page writes. Offscreen, through the real pages.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ResourcesInit.h"
#include "Workspace.h"
#include "io/PredictionsCsv.h"
#include "models/PredictionsTableModel.h"
#include "pages/DataPage.h"
#include "pages/RolesPage.h"
#include "pages/ScoringPage.h"
#include "pages/SettingsPage.h"
#include "statfile/StatFile.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <functional>

using namespace cmtl;
using namespace cmtl::ui;

using namespace cmtl::ui::testing;

class TestDataPrep : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;
    QTemporaryDir m_temp;

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_temp.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    bool openAndWait(const QString &path)
    {
        QSignalSpy loaded(m_window, &MainWindow::dataLoaded);
        m_window->openDataFile(path);
        const bool loadedInTime = QTest::qWaitFor([&] { return loaded.count() > 0; }, 30000);
        return QTest::qWaitFor([&] { return !m_window->isBusy(); }, 10000) && loadedInTime;
    }

    // Waits for the reading `action` starts to end, loaded (true) or refused (false).
    bool waitForReading(const std::function<void()> &action)
    {
        QSignalSpy loaded(m_window, &MainWindow::dataLoaded);
        QSignalSpy failed(m_window->dataPage(), &DataPage::loadFailed);
        action();
        const bool ended = QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, 30000);
        const bool idle = QTest::qWaitFor([&] { return !m_window->isBusy(); }, 10000);
        return ended && idle && loaded.count() > 0;
    }

    const Column &loadedColumn(const std::string &name) const
    {
        return m_window->workspace()->data()->table.column(name);
    }

    // Makes `column` the current row of the Data page's column list, as a right-click does.
    void selectInColumnList(const QString &column)
    {
        auto *list = findNamed<QTableView>(m_window, QStringLiteral("columnList"));
        QAbstractItemModel *model = list->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == column) {
                list->setCurrentIndex(model->index(row, 0));
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no row for %1 in the column list").arg(column)));
    }

    // 300 loans: an ID (text with a prefix), a number of 10 digits that float32 would round, an
    // income, a grade and a default flag depending on the income.
    QByteArray loans(int rows, bool withTask) const
    {
        QByteArray csv = withTask ? "loan_id,account,income,grade,default\n" : "loan_id,account,income,grade\n";
        for (int i = 0; i < rows; ++i) {
            const int income = 20 + (i * 37) % 80;
            csv += "L-" + QByteArray::number(10000 + i) + ',' + QByteArray::number(1000000001LL + i) + ',' +
                   QByteArray::number(income * 1000) + ',' + QByteArray(1, "ABC"[i % 3]);
            if (withTask)
                csv += ',' + QByteArray((income < 45 || i % 7 == 0) ? "bad" : "good");
            csv += '\n';
        }
        return csv;
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
        m_window = new MainWindow;
        QVERIFY(showActive(m_window, QSize(1200, 700)));
    }

    void cleanupTestCase()
    {
        m_window->close();
        delete m_window;
    }

    // Read as categorical from the column list's context menu, undone; forced numeric on a
    // column with text, refused with the cell's line and value, the table left as it was.
    void typeOverrideThroughTheDataPageAndItsUndo()
    {
        QVERIFY(openAndWait(
            writeFile(QStringLiteral("codes.csv"), "code,amount,note\n1,10,x\n2,20,y\n1,30,z\n3,40,twelve\n")));
        QUndoStack *stack = m_window->undoStack();
        stack->clear();
        QCOMPARE(loadedColumn("code").type, ColumnType::Numeric);
        selectInColumnList(QStringLiteral("code"));
        auto *list = findNamed<QTableView>(m_window, QStringLiteral("columnList"));
        auto *asCategorical = list->findChild<QAction *>(QStringLiteral("readAsCategoricalAction"));
        QVERIFY(asCategorical && list->actions().contains(asCategorical)); // in its context menu
        QVERIFY(waitForReading([&] { asCategorical->trigger(); }));
        QCOMPARE(loadedColumn("code").type, ColumnType::Categorical);
        QCOMPARE(loadedColumn("code").levels, (std::vector<std::string>{"1", "2", "3"}));
        QCOMPARE(m_window->workspace()->data()->options.categoricalColumns, std::vector<std::string>{"code"});
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Read code as categorical"));

        QVERIFY(waitForReading([&] { stack->undo(); }));
        QCOMPARE(loadedColumn("code").type, ColumnType::Numeric);
        QVERIFY(m_window->workspace()->data()->options.categoricalColumns.empty());
        QVERIFY(!m_window->dataPage()->columnType(QStringLiteral("code")));
        QVERIFY(waitForReading([&] { stack->redo(); }));
        QCOMPARE(loadedColumn("code").type, ColumnType::Categorical);

        // "note" holds text: forced numeric, it is refused, naming the file, line, column and value.
        QSignalSpy failed(m_window->dataPage(), &DataPage::loadFailed);
        selectInColumnList(QStringLiteral("note"));
        QVERIFY(!waitForReading([&] { list->findChild<QAction *>(QStringLiteral("readAsNumericAction"))->trigger(); }));
        QCOMPARE(failed.count(), 1);
        const QString message = failed.front().at(0).toString() + failed.front().at(1).toString();
        for (const QString &word : {QStringLiteral("codes.csv"), QStringLiteral("line 2"), QStringLiteral("note"),
                                    QStringLiteral("\"x\""), QStringLiteral("missing")})
            QVERIFY2(message.contains(word), qPrintable(message));
        // The table and the choices stay those of the last reading.
        QCOMPARE(loadedColumn("note").type, ColumnType::Categorical);
        QVERIFY(!m_window->dataPage()->columnType(QStringLiteral("note")));
        QCOMPARE(m_window->dataPage()->columnType(QStringLiteral("code")), ColumnType::Categorical);
        QCOMPARE(stack->count(), 1);
    }

    // The warning under a column spoiled by a few cells offers to treat them as missing: one
    // click, the column is numeric, the cells missing, the warning gone; undo brings them back.
    void treatAsMissingTurnsTheColumnNumericAndUndoRestores()
    {
        QByteArray csv = "income,flag\n";
        for (int i = 0; i < 30; ++i)
            csv += (i == 7    ? QByteArray("twelve thousand")
                    : i == 20 ? QByteArray("n.a.")
                              : QByteArray::number(1000 + i)) +
                   ',' + QByteArray::number(i % 2) + '\n';
        QVERIFY(openAndWait(writeFile(QStringLiteral("spoiled.csv"), csv)));
        QUndoStack *stack = m_window->undoStack();
        stack->clear();
        QCOMPARE(loadedColumn("income").type, ColumnType::Categorical);
        auto *button = findNamed<QPushButton>(m_window, QStringLiteral("treatAsMissing_income"));
        QVERIFY(button && button->isVisible());
        QVERIFY2(button->text().contains(QStringLiteral("twelve thousand")) &&
                     button->text().contains(QStringLiteral("n.a.")),
                 qPrintable(button->text()));
        QVERIFY(!button->accessibleName().isEmpty() || !button->text().isEmpty());

        QVERIFY(waitForReading([&] { button->click(); }));
        const Column &income = loadedColumn("income");
        QCOMPARE(income.type, ColumnType::Numeric);
        QVERIFY(std::isnan(income.values[7]) && std::isnan(income.values[20]));
        QCOMPARE(income.values[8], 1008.0f);
        QVERIFY(!findNamed<QLabel>(m_window, QStringLiteral("readWarnings"))->isVisible());
        QVERIFY(!m_window->findChild<QPushButton *>(QStringLiteral("treatAsMissing_income")));
        const CsvOptions &options = m_window->workspace()->data()->options;
        QCOMPARE(options.numericColumns, std::vector<std::string>{"income"});
        QCOMPARE(options.columnMissingValues.at("income"), (std::vector<std::string>{"twelve thousand", "n.a."}));
        QCOMPARE(stack->count(), 1);

        QVERIFY(waitForReading([&] { stack->undo(); }));
        QCOMPARE(loadedColumn("income").type, ColumnType::Categorical);
        QVERIFY(findNamed<QLabel>(m_window, QStringLiteral("readWarnings"))->isVisible());
        QVERIFY(findNamed<QPushButton>(m_window, QStringLiteral("treatAsMissing_income")));
        QVERIFY(m_window->workspace()->data()->options.columnMissingValues.empty());
    }

    // The thousands separator is on the Data page's import options and reads 1,234,567.
    void thousandsSeparatorIsAnImportOption()
    {
        QVERIFY(openAndWait(writeFile(QStringLiteral("grouped.csv"), "amount,flag\n\"1,234,567\",1\n\"2,000\",0\n")));
        QCOMPARE(loadedColumn("amount").type, ColumnType::Categorical);
        auto *thousands = findNamed<QComboBox>(m_window, QStringLiteral("thousandsCombo"));
        thousands->setCurrentIndex(thousands->findData(int(',')));
        QVERIFY(waitForReading([&] { findNamed<QPushButton>(m_window, QStringLiteral("reloadButton"))->click(); }));
        QCOMPARE(loadedColumn("amount").type, ColumnType::Numeric);
        QCOMPARE(loadedColumn("amount").values, (std::vector<float>{1234567.0f, 2000.0f}));
        thousands->setCurrentIndex(0);
    }

    // A SAS, Stata or SPSS file, or a database, declares its columns, types and encoding: the
    // CSV-only import options (delimiter, header, encoding, separators) are disabled while it is
    // shown, each saying why in its tooltip, kept as set but not used to read it, and enabled again
    // (with their own tooltips) for the next CSV file; the missing values apply to all and stay enabled.
    void csvOptionsAreDisabledForAStatisticalFileOrADatabase()
    {
        QVERIFY(openAndWait(writeFile(QStringLiteral("plain.csv"), "a,b\n1,x\n2,y\n")));
        const QStringList csvOnly = {QStringLiteral("delimiterCombo"), QStringLiteral("headerCheck"),
                                     QStringLiteral("encodingCombo"), QStringLiteral("decimalCommaCheck"),
                                     QStringLiteral("thousandsCombo")};
        QHash<QString, QString> ownToolTips;
        for (const QString &name : csvOnly) {
            QWidget *control = findNamed<QWidget>(m_window, name);
            QVERIFY2(control->isEnabled(), qPrintable(name));
            ownToolTips.insert(name, control->toolTip());
        }
        for (const QString &name : csvOnly) // their help (the catalogue's or their own)
            QVERIFY2(!ownToolTips.value(name).isEmpty(), qPrintable(name));
        // A delimiter chosen for CSV files: a statistical file opened next is read all the same.
        auto *delimiter = findNamed<QComboBox>(m_window, QStringLiteral("delimiterCombo"));
        delimiter->setCurrentIndex(delimiter->findData(int(',')));
        const auto checkDisabled = [&](const QString &why) {
            for (const QString &name : csvOnly) {
                QWidget *control = findNamed<QWidget>(m_window, name);
                QVERIFY2(!control->isEnabled(), qPrintable(name));
                QVERIFY2(control->toolTip().contains(QStringLiteral("CSV files only")) &&
                             control->toolTip().contains(why),
                         qPrintable(name + QStringLiteral(": ") + control->toolTip()));
                QCOMPARE(control->whatsThis(), ownToolTips.value(name)); // the help stays
            }
            QVERIFY(findNamed<QWidget>(m_window, QStringLiteral("missingTokensEdit"))->isEnabled());
            QVERIFY(findNamed<QWidget>(m_window, QStringLiteral("reloadButton"))->isEnabled());
            QCOMPARE(delimiter->currentData().toInt(), int(','));
        };

        const QString spss = QStringLiteral(CMTL_SOURCE_DIR "/tests/core/statfiles/small.sav");
        if (statFilesSupported()) {
            QVERIFY(openAndWait(spss));
            checkDisabled(QStringLiteral("SPSS"));
            QVERIFY(!QTest::currentTestFailed());
        } else {
            qWarning("SPSS part skipped: this build reads no SPSS files (ReadStat absent)");
        }

        // A SQLite table (made by sqlite3) opened as File > Open Database opens it.
        const QString database = m_temp.filePath(QStringLiteral("small.db"));
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"),
                     {database, QStringLiteral("CREATE TABLE t (a REAL, b TEXT); INSERT INTO "
                                               "t VALUES (1, 'x'), (2, 'y');")});
        QVERIFY(sqlite.waitForFinished(30000) && sqlite.exitCode() == 0);
        QVERIFY(openAndWait(QStringLiteral("sqlite:%1#table=t").arg(database)));
        checkDisabled(QStringLiteral("database"));
        QVERIFY(!QTest::currentTestFailed());

        QVERIFY(openAndWait(writeFile(QStringLiteral("again.csv"), "a,b\n3,z\n4,w\n")));
        for (const QString &name : csvOnly) {
            QWidget *control = findNamed<QWidget>(m_window, name);
            QVERIFY2(control->isEnabled(), qPrintable(name));
            QCOMPARE(control->toolTip(), ownToolTips.value(name));
        }
        QCOMPARE(m_window->workspace()->data()->table.rowCount(), std::size_t(2));
        delimiter->setCurrentIndex(0);
    }

    // Roles survive a reload with a type override, the ID / keep role included.
    void rolesKeptAfterReload()
    {
        QVERIFY(openAndWait(writeFile(QStringLiteral("loans.csv"), loans(300, true))));
        RolesPage *roles = m_window->rolesPage();
        roles->setTasks({{"default", TaskType::Binary, "bad", 1.0}});
        roles->setRole(QStringLiteral("loan_id"), RolesPage::Role::Keep);
        roles->setRole(QStringLiteral("account"), RolesPage::Role::Keep);
        const RolesPage::State chosen = roles->state();
        const RoleAssignment assigned = roles->roles();
        QCOMPARE(assigned.kept, (std::vector<std::string>{"loan_id", "account"}));
        QVERIFY(std::find(assigned.features.begin(), assigned.features.end(), "loan_id") == assigned.features.end());
        m_window->dataPage()->setColumnType(QStringLiteral("grade"), ColumnType::Categorical);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy() && !m_window->dataPage()->isLoading(), 30000);
        QCOMPARE(m_window->workspace()->data()->options.categoricalColumns, std::vector<std::string>{"grade"});
        QVERIFY(roles->state() == chosen);
        QCOMPARE(roles->roleEditor(QStringLiteral("loan_id"))->currentText(), QStringLiteral("ID / keep"));
    }

    // A model trained with ID columns writes them first in the Scoring page's predictions, as
    // written in the file scored (the 10-digit account number unrounded), a missing ID empty.
    void idColumnsInGuiPredictions()
    {
        SettingsPage *settings = m_window->settingsPage();
        settings->setEpochs(3);
        settings->setBatchSize(64);
        settings->setHiddenLayers(QStringLiteral("8"));
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        m_window->startTraining();
        QVERIFY(QTest::qWaitFor([&] { return added.count() > 0; }, 120000));
        QVERIFY(QTest::qWaitFor([&] { return !m_window->isBusy(); }, 10000));
        const RunPtr run = m_window->workspace()->currentRun();
        QCOMPARE(run->roles.kept, (std::vector<std::string>{"loan_id", "account"}));

        QByteArray fresh = "grade,income,account,loan_id\n"
                           "A,30000,1000000001,L-9\n"
                           "B,90000,2147483647,\n"
                           "C,55000,,\"L,10\"\n";
        const QString scoredPath = writeFile(QStringLiteral("fresh.csv"), fresh);
        ScoringPage *page = m_window->scoringPage();
        m_window->workspace()->setCurrentRun(run);
        QSignalSpy scored(page, &ScoringPage::scored);
        page->scoreFile(scoredPath);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 60000);
        QTRY_VERIFY(!page->isRunning());
        const QString out = m_temp.filePath(QStringLiteral("predictions.csv"));
        QSignalSpy saved(page, &ScoringPage::predictionsSaved);
        QVERIFY(page->savePredictions(out));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.value(0), QByteArray("loan_id,account,default.probability"));
        QVERIFY2(lines.value(1).startsWith("L-9,1000000001,"), lines.value(1).constData());
        QVERIFY2(lines.value(2).startsWith(",2147483647,"), lines.value(2).constData());
        QVERIFY2(lines.value(3).startsWith("\"L,10\",,"), lines.value(3).constData());
        // The probabilities are the model's for these rows, after the IDs.
        const ScoredTable *scoredTable = page->predictions()->scored();
        QVERIFY(scoredTable);
        for (int row = 0; row < 3; ++row) {
            const std::string expected = predictionCells(*scoredTable->model, scoredTable->predictions, row).front();
            QCOMPARE(lines.value(row + 1).split(',').last().toStdString(), expected);
        }
    }

    // A model trained on a file whose "twelve thousand" was treated as missing scores a new file
    // the same way: that cell is missing there too (the same score as an empty cell).
    void scoringReadsLikeTheTrainingFile()
    {
        QByteArray csv = "income,grade,default\n";
        for (int i = 0; i < 200; ++i) {
            const int income = 20 + (i * 37) % 80;
            csv += (i == 11 ? QByteArray("twelve thousand") : QByteArray::number(income * 1000)) + ',' +
                   QByteArray(1, "ABC"[i % 3]) + ',' + ((income < 45 || i % 7 == 0) ? "bad" : "good") + '\n';
        }
        QVERIFY(openAndWait(writeFile(QStringLiteral("spoiled-train.csv"), csv)));
        QVERIFY(waitForReading(
            [&] { findNamed<QPushButton>(m_window, QStringLiteral("treatAsMissing_income"))->click(); }));
        QCOMPARE(loadedColumn("income").type, ColumnType::Numeric);
        m_window->rolesPage()->setTasks({{"default", TaskType::Binary, "bad", 1.0}});
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        m_window->startTraining();
        QVERIFY(QTest::qWaitFor([&] { return added.count() > 0; }, 120000));
        QVERIFY(QTest::qWaitFor([&] { return !m_window->isBusy(); }, 10000));
        const RunPtr run = m_window->workspace()->currentRun();
        QCOMPARE(run->result.model.inputMissingValues().at("income"), std::vector<std::string>{"twelve thousand"});

        ScoringPage *page = m_window->scoringPage();
        QSignalSpy scored(page, &ScoringPage::scored);
        QSignalSpy failed(page, &ScoringPage::scoringFailed);
        page->scoreFile(writeFile(QStringLiteral("spoiled-new.csv"), "income,grade\ntwelve thousand,B\n,B\n"));
        QTRY_COMPARE_WITH_TIMEOUT(scored.count() + failed.count(), 1, 60000);
        QTRY_VERIFY(!page->isRunning());
        QCOMPARE(failed.count(), 0);
        const ScoredTable *result = page->predictions()->scored();
        QVERIFY(result && result->predictions.front().cols() == 2);
        QCOMPARE(result->predictions.front()(0, 0), result->predictions.front()(0, 1));
    }
};

QTEST_MAIN(TestDataPrep)
#include "tst_dataprep.moc"
