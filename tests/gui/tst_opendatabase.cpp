// File ▸ Open Database… (ui/database/OpenDatabaseDialog): against a SQLite file made here by
// sqlite3's .import and a throwaway PostgreSQL server (tests/cli/PostgresServer.h), the dialog
// tests the connection, lists the tables, previews the first rows and gives a source that the
// Data page reads through DataLoader into the table the command line reads (readDatabase, as
// `--db URL --table NAME`), equal cell by cell to the CSV the database was filled from. The
// connection goes into a project without the password and comes back from it; bad hosts, files,
// tables and queries are explained; every control is named, explained and translated.

#include "AppSupport.h"
#include "MainWindow.h"
#include "Workspace.h"
#include "csv/CsvReader.h"
#include "database/Database.h"
#include "database/OpenDatabaseDialog.h"
#include "pages/DataPage.h"
#include "project/ProjectFile.h"

#include "cli/DatabaseTables.h"
#include "cli/PostgresServer.h"
#include "gui/GuiTestSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace cmtl;
using namespace cmtl::test;
using namespace cmtl::ui;

namespace {

const QString kSample = QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");

template <typename Widget> Widget *field(QWidget &dialog, const char *name)
{
    auto *widget = dialog.findChild<Widget *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no control %s", name);
    return widget;
}

// What a Test or a preview ended with: ok and the message shown.
struct Outcome {
    bool ok = false;
    QString message;
};

Outcome waitFor(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(60000))
        return {false, QStringLiteral("no answer within 60 s")};
    return {spy.first().at(0).toBool(), spy.first().at(1).toString()};
}

Outcome testConnection(OpenDatabaseDialog &dialog)
{
    QSignalSpy spy(&dialog, &OpenDatabaseDialog::testFinished);
    dialog.testConnection();
    return waitFor(spy);
}

Outcome previewQuery(OpenDatabaseDialog &dialog, const QString &sql)
{
    field<QRadioButton>(dialog, "dbQueryRadio")->setChecked(true);
    field<QPlainTextEdit>(dialog, "dbQueryEdit")->setPlainText(sql);
    QSignalSpy spy(&dialog, &OpenDatabaseDialog::previewFinished);
    dialog.preview();
    return waitFor(spy);
}

// Chooses `table` in the list, which previews it.
Outcome chooseTable(OpenDatabaseDialog &dialog, const QString &table)
{
    auto *tables = field<QListWidget>(dialog, "dbTableList");
    const QList<QListWidgetItem *> found = tables->findItems(table, Qt::MatchExactly);
    if (found.isEmpty())
        return {false, table + QStringLiteral(" is not in the list")};
    QSignalSpy spy(&dialog, &OpenDatabaseDialog::previewFinished);
    tables->setCurrentItem(found.front());
    return waitFor(spy);
}

void fillSqlite(OpenDatabaseDialog &dialog, const QString &file)
{
    field<QComboBox>(dialog, "dbDriverCombo")->setCurrentIndex(static_cast<int>(DatabaseKind::Sqlite));
    field<QLineEdit>(dialog, "dbFileEdit")->setText(file);
}

void fillPostgres(OpenDatabaseDialog &dialog, const QString &host, int port, const QString &password = {})
{
    field<QComboBox>(dialog, "dbDriverCombo")->setCurrentIndex(static_cast<int>(DatabaseKind::PostgreSql));
    field<QLineEdit>(dialog, "dbHostEdit")->setText(host);
    field<QSpinBox>(dialog, "dbPortSpin")->setValue(port);
    field<QLineEdit>(dialog, "dbNameEdit")->setText(QStringLiteral("postgres"));
    field<QLineEdit>(dialog, "dbUserEdit")->setText(QStringLiteral("postgres"));
    field<QLineEdit>(dialog, "dbPasswordEdit")->setText(password);
}

// What the Data page ended with after opening `locator`: the table, or the failure's text.
struct PageLoad {
    LoadedTablePtr table;
    QString failure;
};

PageLoad loadOnDataPage(const QString &locator, const QString &password = {})
{
    DataPage page;
    QSignalSpy loaded(&page, &DataPage::loaded);
    QSignalSpy failed(&page, &DataPage::loadFailed);
    page.setDatabasePassword(password);
    page.openFile(locator);
    QElapsedTimer clock;
    clock.start();
    while (loaded.isEmpty() && failed.isEmpty() && clock.elapsed() < 120000)
        QTest::qWait(20);
    if (!loaded.isEmpty())
        return {loaded.first().at(0).value<LoadedTablePtr>(), {}};
    if (!failed.isEmpty())
        return {nullptr, failed.first().at(0).toString() + QLatin1Char(' ') + failed.first().at(1).toString()};
    return {nullptr, QStringLiteral("the Data page neither loaded nor failed within 120 s")};
}

} // namespace

class OpenDatabaseTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        ui::testing::startCleanly(); // the settings in Qt's test location, empty
        QVERIFY(m_folder.isValid());
        m_csv = readCsvFile(kSample.toStdString()).table;
        // As a user makes it: sqlite3's .import of the CSV (every column TEXT).
        m_sqliteFile = m_folder.filePath(QStringLiteral("lending club.db"));
        const Run load = runProgram(QStringLiteral("sqlite3"), {m_sqliteFile},
                                    QStringLiteral(".import --csv %1 loans\n").arg(kSample).toUtf8());
        QVERIFY2(load.exitCode == 0, qPrintable(load.err + load.out));

        bool absent = false;
        m_postgresUnavailable = startWithSample(m_postgres, m_csv, kSample, absent);
        QVERIFY2(absent || m_postgresUnavailable.isEmpty(), qPrintable(m_postgresUnavailable));
    }

    void cleanupTestCase() { m_postgres.stop(); }

    // SQLite: Test lists the table, choosing it previews 20 rows, and Open's source read by the
    // Data page is the table `--db sqlite:FILE --table loans` reads, and the CSV's cells.
    void sqliteTableOpensAsTheCommandLineReadsIt()
    {
        OpenDatabaseDialog dialog;
        fillSqlite(dialog, m_sqliteFile);
        const Outcome test = testConnection(dialog);
        QVERIFY2(test.ok, qPrintable(test.message));
        QCOMPARE(field<QListWidget>(dialog, "dbTableList")->count(), 1);
        const Outcome preview = chooseTable(dialog, QStringLiteral("loans"));
        QVERIFY2(preview.ok, qPrintable(preview.message));
        QVERIFY(dialog.previewTable());
        QCOMPARE(dialog.previewTable()->rowCount(), OpenDatabaseDialog::kPreviewRows);
        QCOMPARE(dialog.previewTable()->columnCount(), m_csv.columnCount());
        for (std::size_t c = 0; c < m_csv.columnCount(); ++c)
            for (std::size_t row = 0; row < OpenDatabaseDialog::kPreviewRows; ++row)
                QCOMPARE(dialog.previewTable()->column(c).cellText(row), m_csv.column(c).cellText(row));

        const QString locator = dialog.locator();
        QCOMPARE(locator, QStringLiteral("sqlite:%1#table=loans").arg(m_sqliteFile));
        const PageLoad page = loadOnDataPage(locator);
        QVERIFY2(page.table, qPrintable(page.failure));
        const std::string url = "sqlite:" + m_sqliteFile.toStdString();
        const DatabaseReadResult cli = readDatabase({parseDatabaseUrl(url), {}, "loans", {}});
        compareTables(cli.table, page.table->table);
        compareTables(m_csv, page.table->table);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(page.table->histograms.size(), m_csv.columnCount());
        QVERIFY(page.table->table.column(0).stats.has_value());
    }

    // PostgreSQL over the server's Unix socket: the table and a query with a WHERE clause, as the
    // command line reads them.
    void postgresTableAndQueryOpenAsTheCommandLineReadsThem()
    {
        if (!m_postgresUnavailable.isEmpty())
            QSKIP(qPrintable(m_postgresUnavailable));
        OpenDatabaseDialog dialog;
        fillPostgres(dialog, m_postgres.socketFolder(), 5432);
        const Outcome test = testConnection(dialog);
        QVERIFY2(test.ok, qPrintable(test.message));
        const Outcome preview = chooseTable(dialog, QStringLiteral("loans"));
        QVERIFY2(preview.ok, qPrintable(preview.message));
        QCOMPARE(dialog.previewTable()->rowCount(), OpenDatabaseDialog::kPreviewRows);
        const QString locator = dialog.locator();
        const PageLoad page = loadOnDataPage(locator);
        QVERIFY2(page.table, qPrintable(page.failure));
        // As written on the command line: --db postgresql://postgres@%2Ftmp%2F...:5432/postgres.
        const QByteArray url =
            "postgresql://postgres@" + QUrl::toPercentEncoding(m_postgres.socketFolder()) + ":5432/postgres";
        DatabaseSource cliSource{parseDatabaseUrl(url.toStdString()), {}, "loans", {}};
        compareTables(readDatabase(cliSource).table, page.table->table);
        compareTables(m_csv, page.table->table);
        QVERIFY(!QTest::currentTestFailed());

        const QString sql = QStringLiteral("SELECT * FROM loans WHERE grade = 'A' AND annual_inc > 60000");
        const Outcome queried = previewQuery(dialog, sql);
        QVERIFY2(queried.ok, qPrintable(queried.message));
        const PageLoad fromQuery = loadOnDataPage(dialog.locator());
        QVERIFY2(fromQuery.table, qPrintable(fromQuery.failure));
        cliSource.table.clear();
        cliSource.query = sql.toStdString();
        const Table expected = readDatabase(cliSource).table;
        QVERIFY(expected.rowCount() > 0 && expected.rowCount() < m_csv.rowCount());
        compareTables(expected, fromQuery.table->table);
    }

    // The project keeps the connection and the table, never the password; reopened, the dialog is
    // filled in again with an empty password, and gives the same source.
    void projectKeepsTheConnectionWithoutThePassword()
    {
        const QString secret = QStringLiteral("Tr0ub4dor-3-secret");
        OpenDatabaseDialog dialog;
        fillPostgres(dialog, QStringLiteral("db.bank.example"), 6543, secret);
        auto *tables = field<QListWidget>(dialog, "dbTableList");
        tables->addItem(QStringLiteral("loans 2024"));
        {
            const QSignalBlocker noPreview(tables);
            tables->setCurrentRow(0);
        }
        const QString locator = dialog.locator();
        QCOMPARE(locator, QStringLiteral("postgresql://postgres@db.bank.example:6543/postgres#table=loans%202024"));
        QCOMPARE(dialog.password(), secret);

        ProjectContents contents;
        contents.data.path = locator.toStdString();
        const QByteArray bytes = serializeProject(contents);
        QVERIFY(!bytes.contains(secret.toUtf8()));
        const ProjectContents reopened = parseProject(bytes, "round-trip.cmtlproj");
        QCOMPARE(QString::fromStdString(reopened.data.path), locator);

        OpenDatabaseDialog again;
        again.setLocator(QString::fromStdString(reopened.data.path));
        QCOMPARE(field<QComboBox>(again, "dbDriverCombo")->currentIndex(), static_cast<int>(DatabaseKind::PostgreSql));
        QCOMPARE(field<QLineEdit>(again, "dbHostEdit")->text(), QStringLiteral("db.bank.example"));
        QCOMPARE(field<QSpinBox>(again, "dbPortSpin")->value(), 6543);
        QCOMPARE(field<QLineEdit>(again, "dbUserEdit")->text(), QStringLiteral("postgres"));
        QVERIFY(again.password().isEmpty());
        QVERIFY2(again.statusText().contains(QStringLiteral("password")), qPrintable(again.statusText()));
        QCOMPARE(again.locator(), locator);

        // A query, with its quotes, line breaks and '#', comes back as written.
        OpenDatabaseDialog withQuery;
        fillSqlite(withQuery, m_sqliteFile);
        const QString sql = QStringLiteral("SELECT *\nFROM loans -- #table=x\nWHERE grade = 'B'");
        field<QRadioButton>(withQuery, "dbQueryRadio")->setChecked(true);
        field<QPlainTextEdit>(withQuery, "dbQueryEdit")->setPlainText(sql);
        const QString queryLocator = withQuery.locator();
        const DatabaseSource parsed = parseDatabaseSourceLocator(queryLocator.toStdString());
        QCOMPARE(QString::fromStdString(parsed.query), sql);
        QVERIFY(parsed.table.empty());
        QCOMPARE(QString::fromStdString(parsed.connection.database), m_sqliteFile);
    }

    // What failed, and what would fix it: a missing file, a server that is not there, a table
    // that does not exist, a query the database refuses (with its own message), empty fields.
    void badSourcesAreExplained()
    {
        OpenDatabaseDialog dialog;
        fillSqlite(dialog, m_folder.filePath(QStringLiteral("nowhere.db")));
        Outcome outcome = testConnection(dialog);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("no SQLite database file there")) &&
                     outcome.message.contains(QStringLiteral("does not exist")),
                 qPrintable(outcome.message));
        QVERIFY(!QFile::exists(m_folder.filePath(QStringLiteral("nowhere.db")))); // not created

        fillSqlite(dialog, m_sqliteFile);
        outcome = previewQuery(dialog, QStringLiteral("SELECT nope FROM loans"));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("the database refused the query")) &&
                     outcome.message.contains(QStringLiteral("no such column: nope")),
                 qPrintable(outcome.message));
        QVERIFY(!dialog.previewTable());

        // A table gone since the project was saved: the Data page says so and lists those there.
        const PageLoad missing = loadOnDataPage(QStringLiteral("sqlite:%1#table=loans_2019").arg(m_sqliteFile));
        QVERIFY(!missing.table);
        QVERIFY2(missing.failure.contains(QStringLiteral("no table or view named \"loans_2019\"")) &&
                     missing.failure.contains(QStringLiteral("loans")),
                 qPrintable(missing.failure));

        // Nothing listens on port 1 of this machine.
        fillPostgres(dialog, QStringLiteral("127.0.0.1"), 1);
        outcome = testConnection(dialog);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("cannot connect")) &&
                     outcome.message.contains(QStringLiteral("check that the server runs")),
                 qPrintable(outcome.message));

        field<QLineEdit>(dialog, "dbNameEdit")->clear();
        outcome = testConnection(dialog);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("name of the database")), qPrintable(outcome.message));

        field<QComboBox>(dialog, "dbDriverCombo")->setCurrentIndex(static_cast<int>(DatabaseKind::Odbc));
        field<QLineEdit>(dialog, "dbOdbcEdit")->setText(QStringLiteral("DSN=credit;PWD=hunter2"));
        outcome = testConnection(dialog);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("holds a password")) &&
                     !outcome.message.contains(QStringLiteral("hunter2")),
                 qPrintable(outcome.message));

        if (m_postgresUnavailable.isEmpty()) {
            fillPostgres(dialog, m_postgres.socketFolder(), 5432);
            outcome = previewQuery(dialog, QStringLiteral("SELECT nope FROM loans"));
            QVERIFY(!outcome.ok);
            QVERIFY2(outcome.message.contains(QStringLiteral("column \"nope\" does not exist")),
                     qPrintable(outcome.message));
        }
    }

    // A server that asks for the password (SCRAM-SHA-256 on its socket): the dialog's password
    // field (echoed as dots) is what connects, a wrong one is refused with the server's message,
    // which does not repeat it; the window reads the table with it, asking for it again when the
    // dialog is opened from a saved source; neither the saved project nor the settings hold it.
    void passwordFieldConnectsAndIsNeverSaved()
    {
        if (!m_postgresUnavailable.isEmpty())
            QSKIP(qPrintable(m_postgresUnavailable));
        const QString secret = QStringLiteral("Gu1-pw-5e8a");
        const QString wrong = QStringLiteral("Wr0ng-gui-pw");
        const QString denied = m_postgres.requirePassword(QStringLiteral("analyst"), secret);
        QVERIFY2(denied.isEmpty(), qPrintable(denied));
        OpenDatabaseDialog dialog;
        fillPostgres(dialog, m_postgres.socketFolder(), 5432, wrong);
        field<QLineEdit>(dialog, "dbUserEdit")->setText(QStringLiteral("analyst"));
        QCOMPARE(field<QLineEdit>(dialog, "dbPasswordEdit")->echoMode(), QLineEdit::Password);
        Outcome outcome = testConnection(dialog);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("password authentication failed")) &&
                     !outcome.message.contains(wrong),
                 qPrintable(outcome.message));
        field<QLineEdit>(dialog, "dbPasswordEdit")->setText(secret);
        outcome = testConnection(dialog);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        outcome = chooseTable(dialog, QStringLiteral("loans"));
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        const QString locator = dialog.locator();
        QVERIFY(locator.contains(QStringLiteral("analyst@")) && !locator.contains(secret));

        // The window: File > Open Database on the saved source asks for the password again.
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::dataLoaded);
        window.openDatabase(locator);
        auto *asked = window.findChild<OpenDatabaseDialog *>();
        QVERIFY(asked);
        QVERIFY(asked->password().isEmpty());
        field<QLineEdit>(*asked, "dbPasswordEdit")->setText(secret);
        asked->accept();
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() > 0; }, 60000));
        QVERIFY(QTest::qWaitFor([&] { return !window.isBusy(); }, 10000));
        compareTables(m_csv, window.workspace()->data()->table);
        QVERIFY(!QTest::currentTestFailed());

        const QString project = m_folder.filePath(QStringLiteral("with password.cmtlproj"));
        QVERIFY(window.saveProject(project));
        QFile saved(project);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray projectBytes = saved.readAll();
        QVERIFY(projectBytes.contains("analyst@"));       // the connection is kept...
        QVERIFY(!projectBytes.contains(secret.toUtf8())); // ...not the password
        QSettings settings;
        settings.sync();
        QFile settingsFile(settings.fileName());
        QVERIFY2(settingsFile.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray settingsBytes = settingsFile.readAll();
        QVERIFY(settingsBytes.contains("analyst@"));       // the source is in the recent files...
        QVERIFY(!settingsBytes.contains(secret.toUtf8())); // ...without the password
    }

    // Every control has an accessible name, a label or text, and help.
    void controlsAreNamedAndExplained()
    {
        OpenDatabaseDialog dialog;
        for (const char *name : {"dbDriverCombo", "dbFileEdit", "dbHostEdit", "dbPortSpin", "dbNameEdit", "dbUserEdit",
                                 "dbOdbcEdit", "dbPasswordEdit", "dbTestButton", "dbTableRadio", "dbTableList",
                                 "dbQueryRadio", "dbQueryEdit", "dbPreviewButton", "dbPreviewTable", "dbOpenButton"}) {
            QWidget *control = dialog.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(control, name);
            QVERIFY2(!control->accessibleName().isEmpty(), name);
            QVERIFY2(!control->toolTip().isEmpty() && !control->whatsThis().isEmpty(), name);
        }
        for (const char *name : {"dbBrowseButton", "dbStatusLabel"})
            QVERIFY2(!field<QWidget>(dialog, name)->accessibleName().isEmpty(), name);
        QCOMPARE(field<QLineEdit>(dialog, "dbPasswordEdit")->echoMode(), QLineEdit::Password);
    }

    // In Simplified Chinese. Last: it leaves the translation installed.
    void chineseTranslation()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        OpenDatabaseDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("打开数据库"));
        QCOMPARE(field<QComboBox>(dialog, "dbDriverCombo")->itemText(0), QStringLiteral("SQLite 文件"));
        QVERIFY(field<QLineEdit>(dialog, "dbPasswordEdit")->toolTip().contains(QStringLiteral("密码")));
        fillSqlite(dialog, m_sqliteFile);
        const Outcome test = testConnection(dialog);
        QVERIFY2(test.ok, qPrintable(test.message));
        QVERIFY2(test.message.startsWith(QStringLiteral("已连接")), qPrintable(test.message));
    }

private:
    QTemporaryDir m_folder;
    Table m_csv;
    QString m_sqliteFile;
    PostgresServer m_postgres;
    QString m_postgresUnavailable;
};

QTEST_MAIN(OpenDatabaseTest)
#include "tst_opendatabase.moc"
