// Bad-input catalogue: `--db` (SQL databases) and `predict --out-table`. Wrong URLs, a password in
// the URL, a database file or server that is not there, a missing table, SQL errors, a column of a
// type that cannot be read, a text cell in a numeric column, an existing or input output table.

#include "Catalogue.h"

#include <QProcess>

using namespace cmtl::catalogue;

namespace {

// Words separated by '|' (a word may hold spaces).
QStringList words(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char('|'));
}

const QString kSample = QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");

} // namespace

class CatalogueDatabase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusals_data();
    void refusals();
    void passwordNeverEchoed();
    void existingOutputTableLeftAlone();

private:
    QString url() const { return QStringLiteral("sqlite:") + m_scratch.path(QStringLiteral("loans.db")); }

    Scratch m_scratch;
    QString m_model;
};

void CatalogueDatabase::initTestCase()
{
    const QByteArray script = ".import --csv " + kSample.toUtf8() +
                              " loans\n"
                              "CREATE TABLE scores (x REAL);\n"
                              "CREATE TABLE blobs (id INTEGER, picture BLOB);\n"
                              "INSERT INTO blobs VALUES (1, x'00ff');\n"
                              "CREATE TABLE mixed (amount REAL);\n"
                              "INSERT INTO mixed VALUES (1.5), ('twelve');\n";
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {m_scratch.path(QStringLiteral("loans.db"))});
    QVERIFY(sqlite.waitForStarted());
    sqlite.write(script);
    sqlite.closeWriteChannel();
    QVERIFY(sqlite.waitForFinished());
    QVERIFY2(sqlite.exitCode() == 0, sqlite.readAllStandardError().constData());
    m_model = m_scratch.path(QStringLiteral("model.cmtl"));
    const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("--data"), kSample, QStringLiteral("--task"),
                               QStringLiteral("Class:binary:bad"), QStringLiteral("--epochs"), QStringLiteral("1"),
                               QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--out"), m_model});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void CatalogueDatabase::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("words");
    const QString db = url();
    const auto inspect = [](const QString &database, const QStringList &rest) {
        return QStringList{QStringLiteral("inspect"), QStringLiteral("--db"), database} + rest;
    };
    const QStringList loans = {QStringLiteral("--table"), QStringLiteral("loans")};
    QTest::newRow("unknown scheme") << inspect(QStringLiteral("mysql://me@db/credit"), loans) << 2
                                    << words("mysql://me@db/credit|unknown scheme|sqlite:");
    QTest::newRow("no scheme") << inspect(QStringLiteral("loans.db"), loans) << 2 << words("loans.db|no scheme");
    QTest::newRow("PostgreSQL URL without a database") << inspect(QStringLiteral("postgresql://me@db.example"), loans)
                                                       << 2 << words("postgresql://me@db.example|no database name");
    QTest::newRow("PostgreSQL URL with a bad port")
        << inspect(QStringLiteral("postgresql://me@db.example:99999/credit"), loans) << 2
        << words("99999|port|1 to 65535");
    QTest::newRow("password in the URL") << inspect(QStringLiteral("postgresql://me:hunter2@db.example/credit"), loans)
                                         << 2 << words("holds a password|CREDITMTL_DB_PASSWORD|history");
    QTest::newRow("password in an ODBC string") << inspect(QStringLiteral("odbc:DSN=credit;PWD=hunter2"), loans) << 2
                                                << words("holds a password|CREDITMTL_DB_PASSWORD");
    QTest::newRow("SQLite file that is not there")
        << inspect(QStringLiteral("sqlite:") + m_scratch.path(QStringLiteral("absent.db")), loans) << 1
        << words("absent.db|does not exist|sqlite:");
    QTest::newRow("server that cannot be reached")
        << inspect(QStringLiteral("postgresql://nobody@127.0.0.1:1/credit"), loans) << 1
        << words("127.0.0.1:1|cannot connect|server runs");
    QTest::newRow("missing table") << inspect(db, {QStringLiteral("--table"), QStringLiteral("lonas")}) << 1
                                   << words("lonas|no table or view|loans|scores");
    QTest::newRow("SQL error") << inspect(db, {QStringLiteral("--query"), QStringLiteral("SELEC * FROM loans")}) << 1
                               << words("refused the query|syntax error|SELEC");
    QTest::newRow("unknown column in the query")
        << inspect(db, {QStringLiteral("--query"), QStringLiteral("SELECT grad FROM loans")}) << 1
        << words("refused the query|no such column|grad");
    QTest::newRow("query without rows") << inspect(db, {QStringLiteral("--query"),
                                                        QStringLiteral("SELECT * FROM loans WHERE 1 = 0")})
                                        << 1 << words("no rows|WHERE 1 = 0");
    QTest::newRow("statement that is not a query")
        << inspect(db, {QStringLiteral("--query"), QStringLiteral("DELETE FROM loans")}) << 1
        << words("refused the query|readonly");
    QTest::newRow("binary column") << inspect(db, {QStringLiteral("--table"), QStringLiteral("blobs")}) << 1
                                   << words("picture|QByteArray|is not one CreditMTL reads|CAST");
    QTest::newRow("text in a numeric column") << inspect(db, {QStringLiteral("--table"), QStringLiteral("mixed")}) << 1
                                              << words("amount|row 2|twelve|--missing-values|--column-type");
    QTest::newRow("two columns of one name")
        << inspect(db, {QStringLiteral("--query"), QStringLiteral("SELECT grade, term AS grade FROM loans")}) << 1
        << words("grade|same name|AS");
    QTest::newRow("neither table nor query") << inspect(db, {}) << 2 << words("--db needs|--table|--query");
    QTest::newRow("both table and query")
        << inspect(db, loans + QStringList{QStringLiteral("--query"), QStringLiteral("SELECT 1")}) << 2
        << words("--db needs|one of them");
    QTest::newRow("--db and --data") << QStringList{QStringLiteral("train"),
                                                    QStringLiteral("--data"),
                                                    kSample,
                                                    QStringLiteral("--db"),
                                                    db,
                                                    QStringLiteral("--table"),
                                                    QStringLiteral("loans"),
                                                    QStringLiteral("--task"),
                                                    QStringLiteral("Class:binary:bad"),
                                                    QStringLiteral("--out"),
                                                    m_scratch.path(QStringLiteral("never.cmtl"))}
                                     << 2 << words("--data FILE or --db URL, not both");
    QTest::newRow("missing --column-type column")
        << inspect(db, loans + QStringList{QStringLiteral("--column-type"), QStringLiteral("gradee=categorical")}) << 1
        << words("gradee|--column-type|the query does not have");
    const QStringList predict = {QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--db"),
                                 db};
    QTest::newRow("existing output table")
        << predict + loans + QStringList{QStringLiteral("--out-table"), QStringLiteral("scores")} << 1
        << words("scores|already exists|--replace-table");
    QTest::newRow("output table is the input")
        << predict + loans +
               QStringList{QStringLiteral("--out-table"), QStringLiteral("loans"), QStringLiteral("--replace-table")}
        << 2 << words("--out-table loans|read from|another table");
    QTest::newRow("output table named in the query")
        << predict + QStringList{QStringLiteral("--query"), QStringLiteral("SELECT * FROM Loans"),
                                 QStringLiteral("--out-table"), QStringLiteral("loans"),
                                 QStringLiteral("--replace-table")}
        << 2 << words("--out-table loans|read from");
    QTest::newRow("--out-table without --db") << QStringList{QStringLiteral("predict"),
                                                             QStringLiteral("--model"),
                                                             m_model,
                                                             QStringLiteral("--data"),
                                                             kSample,
                                                             QStringLiteral("--out-table"),
                                                             QStringLiteral("scores2")}
                                              << 2 << words("--out-table|give --db");
    QTest::newRow("--replace-table without --out-table")
        << predict + loans +
               QStringList{QStringLiteral("--out"), m_scratch.path(QStringLiteral("p.csv")),
                           QStringLiteral("--replace-table")}
        << 2 << words("--replace-table applies to --out-table");
}

void CatalogueDatabase::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, words);
    CMTL_EXPECT_REFUSAL(runCli(arguments), exitCode, words);
}

void CatalogueDatabase::passwordNeverEchoed()
{
    // The refusal names where the password goes, and does not repeat it.
    const CliRun run = runCli({QStringLiteral("inspect"), QStringLiteral("--db"),
                               QStringLiteral("postgresql://me:hunter2@db.example/credit"), QStringLiteral("--table"),
                               QStringLiteral("loans")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(!run.err.contains(QStringLiteral("hunter2")) && !run.out.contains(QStringLiteral("hunter2")),
             qPrintable(run.err));
}

void CatalogueDatabase::existingOutputTableLeftAlone()
{
    // Refusing the existing table leaves it as it was, and writes no --out file either.
    const QString out = m_scratch.path(QStringLiteral("predictions.csv"));
    const CliRun run = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_model, QStringLiteral("--db"),
                               url(), QStringLiteral("--table"), QStringLiteral("loans"), QStringLiteral("--out-table"),
                               QStringLiteral("scores"), QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!QFile::exists(out));
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"),
                 {m_scratch.path(QStringLiteral("loans.db")), QStringLiteral("SELECT sql FROM sqlite_master WHERE "
                                                                             "name = 'scores'")});
    QVERIFY(sqlite.waitForFinished());
    QCOMPARE(sqlite.readAllStandardOutput().trimmed(), QByteArray("CREATE TABLE scores (x REAL)"));
}

QTEST_MAIN(CatalogueDatabase)
#include "tst_catalogue_database.moc"
