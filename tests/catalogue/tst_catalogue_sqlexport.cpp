// Bad-input catalogue: `creditmtl-cli export --sql`. Unknown dialects, options without --sql,
// names the query cannot hold, an output over the model, networks beyond the SQL export's size
// limits, and a --keep column the table lacks (which only the database can see).

#include "Catalogue.h"
#include "export/SqlExport.h"
#include "io/ModelFile.h"

using namespace cmtl::catalogue;

namespace {

// Command-line words separated by '|' (a word may hold spaces).
QStringList args(const char *words)
{
    return QString::fromUtf8(words).split(QLatin1Char('|'));
}

const QString kSample = QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv");

} // namespace

class CatalogueSqlExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commandLineMistakes_data();
    void commandLineMistakes();
    void namesTheQueryCannotHold_data();
    void namesTheQueryCannotHold();
    void outputOverTheModel();
    void modelThatIsNotThere();
    void networkTooLarge();
    void layerTooWide();
    void keptColumnTheTableLacks();

private:
    // Trains a one-task model on the first 300 rows and `columns` columns of the sample with
    // `hidden` layers and no wide path (its inputs would add columns to the first layer's step), for
    // the size limits.
    QString trainWide(const char *hidden, int columns);

    Scratch m_scratch;
    QString m_model;
    QByteArray m_modelBytes;
};

void CatalogueSqlExport::initTestCase()
{
    m_model = m_scratch.path(QStringLiteral("good.cmtl"));
    const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), kSample} +
                              args("--task|Class:binary:bad|--task|grade:multiclass|--epochs|1|--hidden|4|--out") +
                              QStringList{m_model});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_modelBytes = m_scratch.read(QStringLiteral("good.cmtl"));
}

void CatalogueSqlExport::commandLineMistakes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("unknown dialect") << args("--sql|@out|--dialect|mysql")
                                     << args("--dialect|\"mysql\"|sqlite|postgresql");
    QTest::newRow("dialect without --sql") << args("--dialect|postgresql") << args("--dialect|--sql FILE");
    QTest::newRow("table without --sql") << args("--sql-table|loans") << args("--sql-table|--sql FILE");
    QTest::newRow("keep without --sql") << args("--keep|id") << args("--keep|--sql FILE");
    QTest::newRow("nothing to write") << QStringList{} << args("export|--sql FILE");
    QTest::newRow("no value for --sql") << args("--sql") << args("sql");
}

void CatalogueSqlExport::commandLineMistakes()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, words);
    options.replaceInStrings(QStringLiteral("@out"), m_scratch.path(QStringLiteral("out.sql")));
    CMTL_EXPECT_REFUSAL(runCli(QStringList{QStringLiteral("export"), QStringLiteral("--model"), m_model} + options), 2,
                        words);
    QVERIFY(!QFile::exists(m_scratch.path(QStringLiteral("out.sql"))));
}

void CatalogueSqlExport::namesTheQueryCannotHold_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("empty table name") << args("--sql-table|") << args("good.cmtl|table name is empty");
    QTest::newRow("line break in the table name")
        << QStringList{QStringLiteral("--sql-table"), QStringLiteral("loans\nDROP TABLE loans")}
        << args("good.cmtl|\"loans...\"|code 10|position 6");
    QTest::newRow("tab in a kept column") << QStringList{QStringLiteral("--keep"), QStringLiteral("loan\tid")}
                                          << args("good.cmtl|--keep|\"loan...\"|code 9|position 5");
    QTest::newRow("keep named twice") << args("--keep|id|--keep|id") << args("good.cmtl|\"id\" twice");
    QTest::newRow("keep named as an output")
        << args("--keep|loan,Class.probability") << args("good.cmtl|\"Class.probability\"|prediction column");
    QTest::newRow("keep named as a class output")
        << args("--keep|grade.class") << args("good.cmtl|\"grade.class\"|prediction column");
}

void CatalogueSqlExport::namesTheQueryCannotHold()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, words);
    const QString out = m_scratch.path(QStringLiteral("names.sql"));
    CMTL_EXPECT_REFUSAL(
        runCli(QStringList{QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--sql"), out} +
               options),
        1, words);
    QVERIFY(!QFile::exists(out));
}

void CatalogueSqlExport::outputOverTheModel()
{
    // The same file, and the same file through a link: the model is left as it was.
    const QString link = m_scratch.path(QStringLiteral("link.cmtl"));
    QVERIFY(QFile::link(m_model, link));
    for (const QString &out : {m_model, link}) {
        CMTL_EXPECT_REFUSAL(
            runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--sql"), out}), 2,
            QStringList{QStringLiteral("--sql"), QStringLiteral("--model")});
        QCOMPARE(m_scratch.read(QStringLiteral("good.cmtl")), m_modelBytes);
    }
}

void CatalogueSqlExport::modelThatIsNotThere()
{
    const QString missing = m_scratch.path(QStringLiteral("absent.cmtl"));
    CMTL_EXPECT_REFUSAL(runCli({QStringLiteral("export"), QStringLiteral("--model"), missing, QStringLiteral("--sql"),
                                m_scratch.path(QStringLiteral("absent.sql"))}),
                        1, QStringList{QStringLiteral("absent.cmtl")});
    // A query into a folder that does not exist.
    const QString nowhere = m_scratch.path(QStringLiteral("no-such-folder/out.sql"));
    CMTL_EXPECT_REFUSAL(
        runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--sql"), nowhere}), 1,
        QStringList{QStringLiteral("no-such-folder")});
}

QString CatalogueSqlExport::trainWide(const char *hidden, int columns)
{
    // The first 300 rows, of the first `columns` columns and the label.
    QFile in(kSample);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QByteArray rows;
    for (int line = 0; line < 301 && !in.atEnd(); ++line) {
        const QList<QByteArray> cells = in.readLine().trimmed().split(',');
        rows += cells.mid(0, columns).join(',') + ',' + cells.last() + '\n';
    }
    m_scratch.write(QStringLiteral("small.csv"), rows);
    const QString model = m_scratch.path(QStringLiteral("wide-%1.cmtl").arg(QString::fromLatin1(hidden)));
    const CliRun run = runCli(
        QStringList{QStringLiteral("train"), QStringLiteral("--data"), m_scratch.path(QStringLiteral("small.csv"))} +
        args("--task|Class:binary:bad|--epochs|1|--patience|0|--refit|none|--wide|off|--hidden") +
        QStringList{QString::fromLatin1(hidden), QStringLiteral("--out")} + QStringList{model});
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.err));
    return run.exitCode == 0 ? model : QString();
}

void CatalogueSqlExport::networkTooLarge()
{
    const QString model = trainWide("1000,400", 22);
    QVERIFY(!model.isEmpty());
    const qint64 weights = cmtl::loadModelFile(model.toStdString()).model.network().parameterCount();
    QVERIFY(weights > cmtl::kMaxSqlWeights);
    const QString out = m_scratch.path(QStringLiteral("large.sql"));
    CMTL_EXPECT_REFUSAL(
        runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--sql"), out}), 1,
        QStringList{QStringLiteral("wide-1000,400.cmtl"), QString::number(weights),
                    QString::number(cmtl::kMaxSqlWeights), QStringLiteral("--hidden")});
    QVERIFY(!QFile::exists(out));
}

void CatalogueSqlExport::layerTooWide()
{
    // Within the weight limit (on two inputs), but 1,700 units are 1,700 columns of one table.
    const QString model = trainWide("1700", 2);
    QVERIFY(!model.isEmpty());
    QVERIFY(cmtl::loadModelFile(model.toStdString()).model.network().parameterCount() <= cmtl::kMaxSqlWeights);
    const QString out = m_scratch.path(QStringLiteral("wide.sql"));
    CMTL_EXPECT_REFUSAL(
        runCli({QStringLiteral("export"), QStringLiteral("--model"), model, QStringLiteral("--sql"), out}), 1,
        QStringList{QStringLiteral("wide-1700.cmtl"), QStringLiteral("1700 columns"),
                    QString::number(cmtl::kMaxSqlColumns)});
    QVERIFY(!QFile::exists(out));
}

namespace {

// Runs `query` in SQLite over an empty table `data` of `columns`; returns sqlite3's exit code and
// its error output.
std::pair<int, QString> runInSqlite(const std::vector<std::string> &columns, const QByteArray &query)
{
    QString table = QStringLiteral("CREATE TABLE data (");
    for (const std::string &column : columns)
        table += QLatin1Char('"') + QString::fromStdString(column) + QStringLiteral("\" TEXT,");
    table.chop(1);
    table += QStringLiteral(");\n");
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), QStringLiteral(":memory:")});
    if (!sqlite.waitForStarted())
        return {-1, QStringLiteral("sqlite3 (Debian package sqlite3) is needed")};
    sqlite.write(table.toUtf8() + query);
    sqlite.closeWriteChannel();
    sqlite.waitForFinished(30000);
    return {sqlite.exitCode(), QString::fromUtf8(sqlite.readAllStandardError())};
}

} // namespace

void CatalogueSqlExport::keptColumnTheTableLacks()
{
    // The export cannot see the table: a --keep column the table lacks is accepted, and the
    // database refuses the query naming the column. SQLite reads a double-quoted name that is no
    // column as a text literal: the query names every column through the table, so that it
    // refuses instead of returning the text 'customer_id' (regression).
    const QString out = m_scratch.path(QStringLiteral("keep.sql"));
    const CliRun exported =
        runCli({QStringLiteral("export"), QStringLiteral("--model"), m_model, QStringLiteral("--sql"), out,
                QStringLiteral("--keep"), QStringLiteral("customer_id")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    std::vector<std::string> columns = cmtl::loadModelFile(m_model.toStdString()).model.requiredColumns();
    const auto [keptExit, keptError] = runInSqlite(columns, m_scratch.read(QStringLiteral("keep.sql")));
    QVERIFY2(keptExit == 1 && keptError.contains(QLatin1String("no such column")) &&
                 keptError.contains(QLatin1String("customer_id")),
             qPrintable(keptError));
    // Likewise an input column of the model the table lacks: refused, not scored as 0.
    const std::string absent = columns.front();
    columns.erase(columns.begin());
    columns.push_back("customer_id");
    const auto [inputExit, inputError] = runInSqlite(columns, m_scratch.read(QStringLiteral("keep.sql")));
    QVERIFY2(inputExit == 1 && inputError.contains(QString::fromStdString(absent)), qPrintable(inputError));
}

QTEST_GUILESS_MAIN(CatalogueSqlExport)
#include "tst_catalogue_sqlexport.moc"
