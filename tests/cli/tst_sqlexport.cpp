// `creditmtl-cli export --sql`: the generated query run in SQLite (Debian's sqlite3) and in a real
// PostgreSQL server started here (a throwaway cluster on a Unix socket only), on the sample data
// with missing cells, missing-value tokens, unseen levels and values outside the training range,
// for every architecture the trainer offers; each output must equal `creditmtl-cli predict`'s
// within 1e-5.

#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"
#include "scorecard/ScorecardFile.h"

#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace cmtl;
using namespace cmtl::test;

namespace {

constexpr double kTolerance = 1e-5;

Run runCli(const QStringList &arguments)
{
    return runProgram(QStringLiteral(CMTL_CLI_PATH), arguments);
}

// RFC 4180 fields of one line (no line breaks inside fields: none of these files has any).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

struct CsvText {
    QStringList header;
    QList<QStringList> rows;
};

CsvText parseCsv(const QString &text)
{
    CsvText csv;
    const QStringList lines = text.split(QRegularExpression(QStringLiteral("\r?\n")), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return csv;
    csv.header = csvFields(lines.front());
    for (qsizetype i = 1; i < lines.size(); ++i)
        csv.rows << csvFields(lines[i]);
    return csv;
}

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &field : fields)
        quoted << (field.contains(QLatin1Char(',')) ? QLatin1Char('"') + field + QLatin1Char('"') : field);
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString sqlText(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

QString sqlName(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

enum class Engine { SQLite, PostgreSQL };

// The scoring rows as a SQL script that creates the table `data` of the model's input columns
// (numbers as DOUBLE PRECISION, text as TEXT) and an `id`. Each engine gets what it can store:
// a missing number is NULL, except that SQLite, whose columns hold any type, keeps the CSV's
// missing-value texts ("NA", "NaN", and "" in the row "empty") as they are (as sqlite3's .import
// does); PostgreSQL gets
// NaN as a number and the other tokens as NULL.
// The input columns of a model or scorecard, each with whether it is numeric.
struct InputColumns {
    QStringList names;
    QList<bool> numeric;
    void add(const std::string &name, bool isNumeric)
    {
        names << QString::fromStdString(name);
        numeric << isNumeric;
    }
};

InputColumns inputColumnsOf(const MultiTaskModel &model)
{
    InputColumns columns;
    for (const NumericStep &step : model.preprocessor().numeric)
        columns.add(step.column, true);
    for (const OneHotStep &step : model.preprocessor().oneHot)
        columns.add(step.column, false);
    for (const FeatureBinning &binning : model.preprocessor().woe)
        columns.add(binning.feature, !binning.categorical);
    return columns;
}

InputColumns inputColumnsOf(const Scorecard &card)
{
    InputColumns columns;
    for (const ScorecardFeature &feature : card.features)
        columns.add(feature.binning.feature, !feature.binning.categorical);
    return columns;
}

QString tableScript(const InputColumns &inputs, const CsvText &scoring, Engine engine)
{
    const QStringList columns = QStringList{QStringLiteral("id")} + inputs.names;
    const QList<bool> numeric = QList<bool>{false} + inputs.numeric;
    // As the query's header asks on PostgreSQL: without it the JIT compiler took 42 of the 50 s of
    // this suite (the three-network attention ensemble), giving the same figures.
    QString script = engine == Engine::PostgreSQL ? QStringLiteral("SET jit = off;\n") : QString();
    script += QStringLiteral("DROP TABLE IF EXISTS data;\nCREATE TABLE data (");
    for (qsizetype c = 0; c < columns.size(); ++c)
        script += (c ? QStringLiteral(", ") : QString()) + sqlName(columns[c]) +
                  (numeric[c] ? QStringLiteral(" DOUBLE PRECISION") : QStringLiteral(" TEXT"));
    script += QStringLiteral(");\n");
    QList<qsizetype> at;
    for (const QString &column : columns)
        at << scoring.header.indexOf(column);
    for (const QStringList &row : scoring.rows) {
        QStringList values;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QString cell = row[at[c]];
            const bool token = cell == QLatin1String("NA") || cell == QLatin1String("NaN");
            if (!numeric[c])
                values << (cell.isEmpty() ? QStringLiteral("NULL") : sqlText(cell));
            else if (engine == Engine::SQLite && (token || (cell.isEmpty() && row[at[0]] == QLatin1String("empty"))))
                values << sqlText(cell);
            else if (engine == Engine::PostgreSQL && cell == QLatin1String("NaN"))
                values << QStringLiteral("'NaN'");
            else if (cell.trimmed().isEmpty() || token)
                values << QStringLiteral("NULL");
            else
                values << cell;
        }
        script +=
            QStringLiteral("INSERT INTO data VALUES (") + values.join(QStringLiteral(", ")) + QStringLiteral(");\n");
    }
    return script;
}

} // namespace

class SqlExportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parity_data();
    void parity();
    void scorecardParity();

private:
    // predict's CSV for the scoring rows (`input`: --model M or --scorecard C), the id kept.
    CsvText predictScoringRows(const QStringList &input);
    // Exports `input` for each engine, runs the query over the scoring rows (a table of `columns`)
    // and compares it with `expected`.
    void compareInEngines(const QStringList &input, const InputColumns &columns, const CsvText &expected,
                          double tolerance);
    // Runs the query in `engine` over the scoring rows (a table of `inputs`); empty on failure.
    CsvText query(Engine engine, const InputColumns &inputs, const QString &sqlPath);
    // Compares the engine's query result with predict's CSV, by id; prints the largest difference.
    void compare(const QString &engine, const CsvText &predicted, const CsvText &queried,
                 double tolerance = kTolerance);

    QTemporaryDir m_folder;
    QString m_training, m_scoring;
    CsvText m_scoringCsv;
    PostgresServer m_postgres;
    QString m_postgresUnavailable;
};

void SqlExportTest::initTestCase()
{
    QVERIFY(m_folder.isValid());
    QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
    QVERIFY(sample.open(QIODevice::ReadOnly | QIODevice::Text));
    const CsvText all = parseCsv(QString::fromUtf8(sample.readAll()));
    const auto column = [&](const char *name) {
        const qsizetype at = all.header.indexOf(QLatin1String(name));
        if (at < 0)
            qFatal("the sample has no column %s", name);
        return at;
    };
    // Training: 1,500 rows with missing cells, so that the model has missing flags, a kept
    // "(missing)" level (emp_length) and one pooled into "(other)" (verification_status, 5 rows).
    QString training = csvLine(all.header);
    for (int row = 0; row < 1500; ++row) {
        QStringList cells = all.rows[row];
        if (row % 17 == 0)
            cells[column("annual_inc")].clear();
        if (row % 23 == 0)
            cells[column("emp_length")].clear();
        if (row % 300 == 0)
            cells[column("verification_status")].clear();
        training += csvLine(cells);
    }
    m_training = m_folder.filePath(QStringLiteral("train.csv"));
    QFile trainingFile(m_training);
    QVERIFY(trainingFile.open(QIODevice::WriteOnly));
    trainingFile.write(training.toUtf8());
    trainingFile.close();

    // Scoring: 400 other rows (some cells missing) and rows made to test the edges, with an id.
    QStringList header = QStringList{QStringLiteral("id")} + all.header;
    QString scoring = csvLine(header);
    const auto addRow = [&](const QString &id, QStringList cells) { scoring += csvLine(QStringList{id} + cells); };
    for (int row = 5000; row < 5400; ++row) {
        QStringList cells = all.rows[row];
        if (row % 13 == 0)
            cells[column("revol_util")].clear();
        if (row % 19 == 0)
            cells[column("addr_state")].clear();
        addRow(QStringLiteral("r%1").arg(row), cells);
    }
    const QStringList base = all.rows[6000];
    QStringList edge = base; // unseen levels, a missing number and level
    edge[column("addr_state")] = QStringLiteral("ZZ");
    edge[column("term")] = QStringLiteral("term_99");
    edge[column("annual_inc")].clear();
    edge[column("emp_length")].clear();
    addRow(QStringLiteral("unseen"), edge);
    edge = base; // outside the training range, both ways
    edge[column("funded_amnt")] = QStringLiteral("1000000000");
    edge[column("revol_util")] = QStringLiteral("-50");
    edge[column("delinq_2yrs")] = QStringLiteral("1000");
    edge[column("annual_inc")] = QStringLiteral("0.5");
    addRow(QStringLiteral("outside"), edge);
    edge = base; // the reader's missing-value tokens
    edge[column("annual_inc")] = QStringLiteral("NaN");
    edge[column("revol_util")] = QStringLiteral("NA");
    edge[column("verification_status")] = QStringLiteral("NA");
    edge[column("emp_length")] = QStringLiteral("(missing)");
    addRow(QStringLiteral("tokens"), edge);
    edge = base; // every input missing
    for (const char *name :
         {"funded_amnt", "term",         "addr_state",     "verification_status", "annual_inc",
          "emp_length",  "delinq_2yrs",  "inq_last_6mths", "revol_util",          "acc_now_delinq",
          "open_il_6m",  "open_il_12m",  "open_il_24m",    "total_bal_il",        "all_util",
          "inq_fi",      "inq_last_12m", "delinq_amnt",    "num_il_tl",           "total_il_high_credit_limit"})
        edge[column(name)].clear();
    addRow(QStringLiteral("empty"), edge);
    edge = base; // a pooled missing level, a quote in a level
    edge[column("verification_status")].clear();
    edge[column("addr_state")] = QStringLiteral("O'Brien");
    addRow(QStringLiteral("pooled"), edge);
    // revol_util at every tenth from 0 to 100: the sample's values have one decimal, so every bin
    // bound of a weight-of-evidence revol_util is one of these rows' values. A value on a bound
    // must land in the bin predict's float32 reading puts it in (45.3 reads as 45.2999992).
    for (int tenths = 0; tenths <= 1000; ++tenths) {
        QStringList cells = base;
        cells[column("revol_util")] = QString::number(tenths / 10.0);
        addRow(QStringLiteral("bound%1").arg(tenths), cells);
    }
    m_scoring = m_folder.filePath(QStringLiteral("score.csv"));
    QFile scoringFile(m_scoring);
    QVERIFY(scoringFile.open(QIODevice::WriteOnly));
    scoringFile.write(scoring.toUtf8());
    scoringFile.close();
    m_scoringCsv = parseCsv(scoring);

    // The exported query needs exp: SQLite has it when built with its math functions.
    const Run math = runProgram(QStringLiteral("sqlite3"), {QStringLiteral(":memory:")},
                                QByteArrayLiteral("SELECT exp(0.0), sqlite_version();\n"));
    QVERIFY2(math.exitCode == 0 && math.out.startsWith(QLatin1String("1.0|")),
             qPrintable(QStringLiteral("sqlite3 (Debian package sqlite3) is missing, or its SQLite lacks the math "
                                       "functions the query needs (exp; SQLite 3.35+ built with "
                                       "SQLITE_ENABLE_MATH_FUNCTIONS): ") +
                        math.out + math.err));
    qInfo("SQLite %s", qPrintable(math.out.section(QLatin1Char('|'), 1).trimmed()));

    bool absent = false;
    m_postgresUnavailable = m_postgres.start(absent);
    QVERIFY2(absent || m_postgresUnavailable.isEmpty(), qPrintable(m_postgresUnavailable));
}

void SqlExportTest::cleanupTestCase()
{
    m_postgres.stop();
}

void SqlExportTest::parity_data()
{
    QTest::addColumn<QStringList>("settings");
    QTest::newRow("linear") << QStringList{QStringLiteral("--hidden"), QStringLiteral("none")};
    QTest::newRow("shared-bottom") << QStringList{QStringLiteral("--hidden"), QStringLiteral("8,6"),
                                                  QStringLiteral("--head-hidden"), QStringLiteral("4")};
    QTest::newRow("mmoe") << QStringList{QStringLiteral("--arch"),    QStringLiteral("mmoe"),
                                         QStringLiteral("--hidden"),  QStringLiteral("6"),
                                         QStringLiteral("--experts"), QStringLiteral("3")};
    QTest::newRow("ple") << QStringList{
        QStringLiteral("--arch"),        QStringLiteral("ple"), QStringLiteral("--hidden"),       QStringLiteral("6,4"),
        QStringLiteral("--experts"),     QStringLiteral("2"),   QStringLiteral("--task-experts"), QStringLiteral("1"),
        QStringLiteral("--head-hidden"), QStringLiteral("3")};
    QTest::newRow("attention") << QStringList{QStringLiteral("--arch"), QStringLiteral("attention"),
                                              QStringLiteral("--hidden"), QStringLiteral("6")};
    // Weight-of-evidence inputs (numeric and categorical, with missing cells in training, unseen
    // levels, tokens and out-of-range values in the scoring rows) and the wide & deep path.
    const QStringList woe = {QStringLiteral("--woe"),
                             QStringLiteral("revol_util,funded_amnt,addr_state,emp_length,inq_last_6mths"),
                             QStringLiteral("--wide"), QStringLiteral("on")};
    QTest::newRow("woe-wide-shared-bottom") << QStringList{QStringLiteral("--hidden"), QStringLiteral("8,6")} + woe;
    QTest::newRow("woe-wide-mmoe") << QStringList{QStringLiteral("--arch"),    QStringLiteral("mmoe"),
                                                  QStringLiteral("--hidden"),  QStringLiteral("6"),
                                                  QStringLiteral("--experts"), QStringLiteral("2")} +
                                          woe;
    // Seed ensembles: the members one after the other, their predictions averaged in the query.
    QTest::newRow("ensemble-attention") << QStringList{QStringLiteral("--arch"),     QStringLiteral("attention"),
                                                       QStringLiteral("--hidden"),   QStringLiteral("6"),
                                                       QStringLiteral("--ensemble"), QStringLiteral("3")};
    QTest::newRow("ensemble-woe-wide-mmoe")
        << QStringList{QStringLiteral("--arch"),     QStringLiteral("mmoe"),      QStringLiteral("--hidden"),
                       QStringLiteral("6"),          QStringLiteral("--experts"), QStringLiteral("2"),
                       QStringLiteral("--ensemble"), QStringLiteral("2")} +
               woe;
}

void SqlExportTest::parity()
{
    QFETCH(QStringList, settings);
    const QString model =
        m_folder.filePath(QStringLiteral("%1.cmtl").arg(QString::fromLatin1(QTest::currentDataTag())));
    // Three tasks (binary, multiclass, regression); rare levels pooled; missing flags.
    const Run trained =
        runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), m_training, QStringLiteral("--task"),
                           QStringLiteral("Class:binary:bad"), QStringLiteral("--task"),
                           QStringLiteral("grade:multiclass"), QStringLiteral("--task"),
                           QStringLiteral("int_rate:regression"), QStringLiteral("--epochs"), QStringLiteral("3"),
                           QStringLiteral("--lr"), QStringLiteral("0.01"), QStringLiteral("--missing-indicators"),
                           QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), model} +
               settings);
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    const QStringList input = {QStringLiteral("--model"), model};
    const CsvText expected = predictScoringRows(input);
    if (QTest::currentTestFailed())
        return;
    const MultiTaskModel loaded = loadModelFile(model.toStdString()).model;
    QCOMPARE(loaded.memberCount() > 1, settings.contains(QStringLiteral("--ensemble")));
    // The model has what the edge rows are meant to test.
    QVERIFY(std::any_of(loaded.preprocessor().numeric.begin(), loaded.preprocessor().numeric.end(),
                        [](const NumericStep &step) { return step.missingIndicator; }));
    QVERIFY(std::any_of(loaded.preprocessor().oneHot.begin(), loaded.preprocessor().oneHot.end(),
                        [](const OneHotStep &step) { return step.otherInput; }));
    if (settings.contains(QStringLiteral("--woe"))) {
        const std::vector<FeatureBinning> &woe = loaded.preprocessor().woe;
        QVERIFY(loaded.network().spec().wide);
        QVERIFY(std::any_of(woe.begin(), woe.end(), [](const FeatureBinning &b) { return b.categorical; }));
        QVERIFY(std::any_of(woe.begin(), woe.end(), [](const FeatureBinning &b) { return !b.categorical; }));
        // A missing bin (emp_length had missing training cells), so that missing cells take its WoE.
        QVERIFY(std::any_of(woe.begin(), woe.end(), [](const FeatureBinning &b) {
            return std::any_of(b.bins.begin(), b.bins.end(),
                               [](const Bin &bin) { return bin.kind == BinKind::Missing; });
        }));
    }

    compareInEngines(input, inputColumnsOf(loaded), expected, kTolerance);
}

CsvText SqlExportTest::query(Engine engine, const InputColumns &inputs, const QString &sqlPath)
{
    QFile sqlFile(sqlPath);
    if (!sqlFile.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read ") + sqlPath), __FILE__, __LINE__);
        return {};
    }
    const QString script = tableScript(inputs, m_scoringCsv, engine) + QString::fromUtf8(sqlFile.readAll());
    const Run queried = engine == Engine::SQLite ? runProgram(QStringLiteral("sqlite3"),
                                                              {QStringLiteral("-bail"), QStringLiteral("-csv"),
                                                               QStringLiteral("-header"), QStringLiteral(":memory:")},
                                                              script.toUtf8())
                                                 : m_postgres.psql(script);
    if (queried.exitCode != 0) {
        QTest::qFail(qPrintable(sqlPath + QStringLiteral(": ") + queried.err.left(3000)), __FILE__, __LINE__);
        return {};
    }
    return parseCsv(queried.out);
}

// A points scorecard fitted on the training rows (numeric and categorical features, missing bins,
// a special value and a special level) exported by `export --scorecard --sql`: each engine's
// points and probabilities against `predict --scorecard` on the scoring rows, among them rows on
// every revol_util bin bound.
void SqlExportTest::scorecardParity()
{
    const QString card = m_folder.filePath(QStringLiteral("card.json"));
    const Run fitted =
        runCli({QStringLiteral("scorecard"), QStringLiteral("--data"), m_training, QStringLiteral("--task"),
                QStringLiteral("Class:binary:bad"), QStringLiteral("--ignore"), QStringLiteral("grade"),
                QStringLiteral("--ignore"), QStringLiteral("int_rate"), QStringLiteral("--special"),
                QStringLiteral("inq_last_6mths=0"), QStringLiteral("--special"), QStringLiteral("addr_state=CA"),
                QStringLiteral("--min-iv"), QStringLiteral("0"), QStringLiteral("--out"),
                m_folder.filePath(QStringLiteral("card.csv")), QStringLiteral("--json"), card});
    QVERIFY2(fitted.exitCode == 0, qPrintable(fitted.err));
    const Scorecard loaded = loadScorecardFile(card.toStdString());
    // The card has what the scoring rows are meant to test.
    const auto hasBin = [&](const char *feature, BinKind kind) {
        return std::any_of(loaded.features.begin(), loaded.features.end(), [&](const ScorecardFeature &f) {
            return f.binning.feature == feature && std::any_of(f.binning.bins.begin(), f.binning.bins.end(),
                                                               [&](const Bin &bin) { return bin.kind == kind; });
        });
    };
    QVERIFY(hasBin("inq_last_6mths", BinKind::Special));
    QVERIFY(hasBin("addr_state", BinKind::Special));
    QVERIFY(hasBin("revol_util", BinKind::Range));
    QVERIFY(hasBin("emp_length", BinKind::Missing));

    const QStringList input = {QStringLiteral("--scorecard"), card};
    const CsvText expected = predictScoringRows(input);
    if (QTest::currentTestFailed())
        return;
    // Double arithmetic on both sides: the points agree to rounding, far inside 1e-5.
    compareInEngines(input, inputColumnsOf(loaded), expected, 1e-9);
}

CsvText SqlExportTest::predictScoringRows(const QStringList &input)
{
    const QString predictions = m_folder.filePath(QStringLiteral("predictions.csv"));
    const Run predicted = runCli(QStringList{QStringLiteral("predict")} + input +
                                 QStringList{QStringLiteral("--data"), m_scoring, QStringLiteral("--keep"),
                                             QStringLiteral("id"), QStringLiteral("--out"), predictions});
    if (predicted.exitCode != 0) {
        QTest::qFail(qPrintable(predicted.err), __FILE__, __LINE__);
        return {};
    }
    QFile predictionsFile(predictions);
    if (!predictionsFile.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read ") + predictions), __FILE__, __LINE__);
        return {};
    }
    CsvText expected = parseCsv(QString::fromUtf8(predictionsFile.readAll()));
    if (expected.rows.size() != m_scoringCsv.rows.size())
        QTest::qFail(
            qPrintable(
                QStringLiteral("predict wrote %1 rows for %2").arg(expected.rows.size()).arg(m_scoringCsv.rows.size())),
            __FILE__, __LINE__);
    return expected;
}

void SqlExportTest::compareInEngines(const QStringList &input, const InputColumns &columns, const CsvText &expected,
                                     double tolerance)
{
    for (const Engine engine : {Engine::SQLite, Engine::PostgreSQL}) {
        const QString dialect = engine == Engine::SQLite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
        if (engine == Engine::PostgreSQL && !m_postgresUnavailable.isEmpty()) {
            qWarning("PostgreSQL part skipped: %s", qPrintable(m_postgresUnavailable));
            continue;
        }
        const QString sqlPath = m_folder.filePath(dialect + QStringLiteral(".sql"));
        const Run exported = runCli(QStringList{QStringLiteral("export")} + input +
                                    QStringList{QStringLiteral("--sql"), sqlPath, QStringLiteral("--dialect"), dialect,
                                                QStringLiteral("--keep"), QStringLiteral("id")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const CsvText queried = query(engine, columns, sqlPath);
        if (QTest::currentTestFailed())
            return;
        compare(dialect, expected, queried, tolerance);
        if (QTest::currentTestFailed())
            return;
    }
}

void SqlExportTest::compare(const QString &engine, const CsvText &predicted, const CsvText &queried, double tolerance)
{
    // The same columns, named alike, in the same order.
    QCOMPARE(queried.header, predicted.header);
    QCOMPARE(queried.rows.size(), predicted.rows.size());
    std::map<QString, QStringList> byId;
    for (const QStringList &row : queried.rows)
        byId[row[0]] = row;
    QCOMPARE(byId.size(), static_cast<std::size_t>(predicted.rows.size()));
    for (qsizetype c = 1; c < predicted.header.size(); ++c) {
        const QString &name = predicted.header[c];
        const bool isClass = name.endsWith(QLatin1String(".class"));
        double largest = 0;
        int classRows = 0, nearTies = 0;
        for (const QStringList &row : predicted.rows) {
            const auto found = byId.find(row[0]);
            QVERIFY2(found != byId.end(), qPrintable(engine + QStringLiteral(": no row with id ") + row[0]));
            const QStringList &other = found->second;
            if (isClass) {
                // The class of the largest probability: two probabilities within the tolerance
                // of each other can rank either way between float32 and double arithmetic.
                QList<double> probabilities;
                for (qsizetype k = c + 1;
                     k < predicted.header.size() &&
                     predicted.header[k].startsWith(name.chopped(5) + QStringLiteral("probability."));
                     ++k)
                    probabilities << row[k].toDouble();
                std::sort(probabilities.begin(), probabilities.end(), std::greater<>());
                if (probabilities.size() > 1 && probabilities[0] - probabilities[1] <= kTolerance) {
                    ++nearTies;
                    continue;
                }
                ++classRows;
                QVERIFY2(other[c] == row[c], qPrintable(QStringLiteral("%1: %2 of id %3 is %4, predict says %5")
                                                            .arg(engine, name, row[0], other[c], row[c])));
                continue;
            }
            bool numbers = false, queryNumber = false;
            const double expected = row[c].toDouble(&numbers);
            const double value = other[c].toDouble(&queryNumber);
            QVERIFY2(numbers && queryNumber && std::isfinite(value),
                     qPrintable(QStringLiteral("%1: %2 of id %3: \"%4\" against predict's \"%5\"")
                                    .arg(engine, name, row[0], other[c], row[c])));
            largest = std::max(largest, std::abs(value - expected));
        }
        if (isClass)
            qInfo("%s %s: %d rows equal, %d near ties not compared", qPrintable(engine), qPrintable(name), classRows,
                  nearTies);
        else
            qInfo("%s %s: largest absolute difference %.3g", qPrintable(engine), qPrintable(name), largest);
        QVERIFY2(largest <= tolerance,
                 qPrintable(QStringLiteral("%1: %2 differs from predict by %3").arg(engine, name).arg(largest)));
    }
}

QTEST_GUILESS_MAIN(SqlExportTest)
#include "tst_sqlexport.moc"
