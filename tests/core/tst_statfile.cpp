// SAS, Stata and SPSS files (core/statfile): files written by R's haven (StatFileFixtures.h) read
// back and compared cell by cell with the CSV of the same data; damaged files refused.

#include "RankParts.h"
#include "StatFileFixtures.h"
#include "ThreadRanks.h"
#include "common/Error.h"
#include "csv/CsvReader.h"
#include "distributed/Communicator.h"
#include "statfile/DataFileReader.h"
#include "statfile/StatFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace cmtl;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

StatFileReadResult readBytes(const QByteArray &bytes, const std::string &name, const CsvOptions &options = {})
{
    return readStatFile(std::span<const char>(bytes.constData(), static_cast<std::size_t>(bytes.size())), name,
                        options);
}

// Every column of `expected` is in `actual` with the same type and the same cells.
void compareCells(const Table &expected, const Table &actual)
{
    QCOMPARE(actual.rowCount(), expected.rowCount());
    for (const Column &want : expected.columns()) {
        const int index = actual.indexOf(want.name);
        QVERIFY2(index >= 0, want.name.c_str());
        const Column &got = actual.column(static_cast<std::size_t>(index));
        QVERIFY2(got.type == want.type,
                 (want.name + ": " + toString(got.type) + " instead of " + toString(want.type)).c_str());
        for (std::size_t row = 0; row < want.size(); ++row) {
            if (got.cellText(row) != want.cellText(row))
                QFAIL(qPrintable(
                    QStringLiteral("column %1, row %2: \"%3\" instead of \"%4\"")
                        .arg(QString::fromStdString(want.name))
                        .arg(row + 1)
                        .arg(QString::fromStdString(got.cellText(row)), QString::fromStdString(want.cellText(row)))));
        }
        if (want.type == ColumnType::Categorical)
            QCOMPARE(got.levels, want.levels); // first-seen order, as the CSV reader
    }
}

// Reads `bytes` expecting a DataError; returns its message ("" and a failure when none is thrown).
QString refusal(const QByteArray &bytes, const std::string &name)
{
    try {
        readBytes(bytes, name);
    } catch (const DataError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestStatFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!statFilesSupported())
            QSKIP(
                "built without ReadStat (libreadstat-dev): statistical files are refused, see refusedWithoutReadStat");
        QVERIFY(m_directory.isValid());
        bool toolsAbsent = false;
        const QString problem = testing::writeStatFixtures(m_directory.path(), toolsAbsent);
        if (toolsAbsent)
            QSKIP(qPrintable(problem));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_csv = readCsvFile(path("sample.csv")).table;
        QCOMPARE(m_csv.rowCount(), std::size_t(testing::kSampleRows));
    }

    void formatsByContent_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("sas7bdat") << "sample.sas7bdat" << int(StatFileFormat::Sas7bdat);
        QTest::newRow("xpt") << "sample.xpt" << int(StatFileFormat::SasTransport);
        QTest::newRow("dta") << "sample.dta" << int(StatFileFormat::Stata);
        QTest::newRow("sav") << "sample.sav" << int(StatFileFormat::Spss);
        QTest::newRow("csv") << "sample.csv" << int(StatFileFormat::None);
    }

    void formatsByContent()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QCOMPARE(int(detectStatFileFormat(at(file))), format);
    }

    // The magic bytes of each format, and look-alikes that are not them.
    void magicBytes()
    {
        const auto format = [](const QByteArray &head) {
            return detectStatFileFormat(std::span<const char>(head.constData(), static_cast<std::size_t>(head.size())));
        };
        QCOMPARE(format("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000"), StatFileFormat::SasTransport);
        QCOMPARE(format("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!000"), StatFileFormat::SasTransport);
        QCOMPARE(format("HEADER RECORD*******"), StatFileFormat::None);
        QCOMPARE(format("<stata_dta><header><release>118</release>"), StatFileFormat::Stata);
        QCOMPARE(format(QByteArray("\x72\x02\x01\x00", 4)), StatFileFormat::Stata); // Stata 114, little-endian
        QCOMPARE(format(QByteArray("\x72\x02\x02\x00", 4)), StatFileFormat::None);  // file type must be 1
        QCOMPARE(format("$FL2@(#) IBM SPSS STATISTICS"), StatFileFormat::Spss);
        QCOMPARE(format("$FL3@(#) IBM SPSS STATISTICS"), StatFileFormat::Spss);
        QCOMPARE(format("$FL4"), StatFileFormat::None);
        QCOMPARE(format("rate,grade\n1,A\n"), StatFileFormat::None);
        QCOMPARE(format(QByteArray(32, '\0')), StatFileFormat::None);
    }

    void sameCellsAsTheCsv_data() { statFiles(); }

    void sameCellsAsTheCsv()
    {
        QFETCH(QString, file);
        const StatFileReadResult read = readStatFileAt(at(file));
        compareCells(m_csv, read.table);
        // The CSV's columns, then the date column only the statistical file has.
        QCOMPARE(read.table.columnCount(), m_csv.columnCount() + 1);
        QCOMPARE(read.table.column(read.table.columnCount() - 1).name, std::string("issue_d"));
    }

    // The same file given as bytes reads as from its path (ReadStat's input redirected to memory).
    void bytesReadAsThePath_data() { statFiles(); }

    void bytesReadAsThePath()
    {
        QFETCH(QString, file);
        const StatFileReadResult fromBytes = readBytes(fileBytes(path(file)), "in memory");
        QCOMPARE(fromBytes.table.source(), std::string("in memory"));
        compareCells(readStatFileAt(at(file)).table, fromBytes.table);
    }

    // Special missing values (.A .B, .a .b) and SPSS user-defined missing values (999, and 998.5
    // in the range 998-999) are missing cells, counted in a note naming the column.
    void specialMissingValuesNoted_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kinds");
        QTest::newRow("sas7bdat") << "sample.sas7bdat"
                                  << ".A: ";
        QTest::newRow("xpt") << "sample.xpt"
                             << ".B: ";
        QTest::newRow("dta") << "sample.dta"
                             << ".a: ";
        QTest::newRow("sav") << "sample.sav"
                             << "user-defined missing values (998.5: ";
    }

    void specialMissingValuesNoted()
    {
        QFETCH(QString, file);
        QFETCH(QString, kinds);
        const Column &csvColumn = m_csv.column("revol_util");
        std::size_t missing = 0;
        for (std::size_t row = 0; row < csvColumn.size(); ++row)
            missing += csvColumn.isMissing(row) ? 1 : 0;
        QVERIFY(missing >= std::size_t(testing::kSampleRows / 9));
        const StatFileReadResult read = readStatFileAt(at(file));
        const auto note =
            std::find_if(read.description.notes.begin(), read.description.notes.end(),
                         [](const std::string &text) { return text.find("revol_util") != std::string::npos; });
        QVERIFY(note != read.description.notes.end());
        const QString text = QString::fromStdString(*note);
        QVERIFY2(text.contains(QStringLiteral("%1 cells hold").arg(missing)), qPrintable(text));
        QVERIFY2(text.contains(kinds), qPrintable(text));
        QVERIFY2(text.contains(path(file)), qPrintable(text));
    }

    // Dates stay numbers in the format's own unit, with a note; SPSS's seconds since 1582 are
    // beyond float32's exact integers, which is warned about as for a CSV.
    void datesAsNumbersWithANote_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("meaning");
        QTest::newRow("sas7bdat") << "sample.sas7bdat" << testing::kFirstDateSince1960 << 1.0
                                  << "days since 1960-01-01";
        QTest::newRow("xpt") << "sample.xpt" << testing::kFirstDateSince1960 << 1.0 << "days since 1960-01-01";
        QTest::newRow("dta") << "sample.dta" << testing::kFirstDateSince1960 << 1.0 << "days since 1960-01-01";
        QTest::newRow("sav") << "sample.sav" << testing::kFirstDateSince1582 * 86400 << 86400.0
                             << "seconds since 1582-10-14";
    }

    void datesAsNumbersWithANote()
    {
        QFETCH(QString, file);
        QFETCH(double, first);
        QFETCH(double, step);
        QFETCH(QString, meaning);
        const StatFileReadResult read = readStatFileAt(at(file));
        const Column &dates = read.table.column("issue_d");
        QCOMPARE(dates.type, ColumnType::Numeric);
        for (std::size_t row = 0; row < dates.size(); ++row)
            QCOMPARE(dates.values[row], static_cast<float>(first + step * static_cast<double>(row)));
        const StatVariable &variable = read.description.variables.back();
        QCOMPARE(variable.name, std::string("issue_d"));
        QVERIFY(!variable.format.empty());
        QVERIFY2(QString::fromStdString(variable.dateMeaning).startsWith(meaning), variable.dateMeaning.c_str());
        const bool noted =
            std::any_of(read.description.notes.begin(), read.description.notes.end(), [&](const std::string &note) {
                return note.find("\"issue_d\"") != std::string::npos &&
                       note.find(variable.format) != std::string::npos &&
                       QString::fromStdString(note).contains(meaning);
            });
        QVERIFY(noted);
        const bool warned = std::any_of(read.warnings.begin(), read.warnings.end(), [](const CsvWarning &warning) {
            return warning.kind == CsvWarning::Kind::PrecisionLoss && warning.column == "issue_d";
        });
        QCOMPARE(warned, step > 1);
    }

    void variableLabelsKept_data() { statFiles(); }

    void variableLabelsKept()
    {
        QFETCH(QString, file);
        const StatFileReadResult read = readStatFileAt(at(file));
        QCOMPARE(read.description.variables.size(), read.table.columnCount());
        QCOMPARE(read.description.variables.front().name, std::string("funded_amnt"));
        QCOMPARE(read.description.variables.front().label, std::string("Funded amount"));
        QCOMPARE(read.description.variables[1].label, std::string());
    }

    // grade is a coded variable with value labels in Stata and SPSS: read as its labels (checked
    // against the CSV above), or as its codes when asked for numbers.
    void valueLabelsOrCodes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("dta") << "sample.dta";
        QTest::newRow("sav") << "sample.sav";
    }

    void valueLabelsOrCodes()
    {
        QFETCH(QString, file);
        const StatFileReadResult labels = readStatFileAt(at(file));
        const auto grade = static_cast<std::size_t>(labels.table.indexOf("grade"));
        QVERIFY(labels.description.variables[grade].hasValueLabels);
        // revol_util's only label (SPSS: 999 = "Refused") names a missing value: still numbers.
        QCOMPARE(labels.table.column("revol_util").type, ColumnType::Numeric);
        CsvOptions options;
        options.numericColumns = {"grade"};
        const StatFileReadResult codes = readStatFileAt(at(file), options);
        const Column &letters = m_csv.column("grade");
        const Column &numbers = codes.table.column("grade");
        QCOMPARE(numbers.type, ColumnType::Numeric);
        for (std::size_t row = 0; row < letters.size(); ++row)
            QCOMPARE(numbers.values[row], float(letters.cellText(row).at(0) - 'A' + 1));
    }

    // --column-type and --missing-values act on a statistical file as on the CSV.
    void columnOptionsAsForTheCsv_data() { statFiles(); }

    void columnOptionsAsForTheCsv()
    {
        QFETCH(QString, file);
        CsvOptions options;
        options.categoricalColumns = {"funded_amnt"};
        options.columnMissingValues = {{"int_rate", {"13.99"}}, {"Class", {"bad"}}};
        const Table csv = readCsvFile(path("sample.csv"), options).table;
        QVERIFY(csv.column("int_rate").isMissing(0)); // the sample's first row has 13.99
        compareCells(csv, readStatFileAt(at(file), options).table);
        options.numericColumns = {"no_such_column"};
        QVERIFY_THROWS_EXCEPTION(ConfigError, readStatFileAt(at(file), options));
    }

    void csvOnlyOptionsRefused_data() { statFiles(); }

    void csvOnlyOptionsRefused()
    {
        QFETCH(QString, file);
        CsvOptions options;
        options.delimiter = ';';
        options.decimalSeparator = ',';
        try {
            readStatFileAt(at(file), options);
            QFAIL("CSV options were accepted for a statistical file");
        } catch (const ConfigError &error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(path(file)) && message.contains(QLatin1String("--delimiter")) &&
                         message.contains(QLatin1String("--decimal-comma")),
                     qPrintable(message));
        }
    }

    // The content decides, not the name: a Stata file named .csv reads as Stata, a CSV named
    // .dta as CSV.
    void chosenByContentNotName()
    {
        const QString statAsCsv = path(QStringLiteral("stata_named.csv"));
        const QString csvAsStat = path(QStringLiteral("csv_named.dta"));
        QVERIFY(QFile::copy(path(QStringLiteral("sample.dta")), statAsCsv));
        QVERIFY(QFile::copy(path(QStringLiteral("sample.csv")), csvAsStat));
        const DataFileReadResult stat = readDataFile(statAsCsv.toStdString());
        QVERIFY(stat.statFile.has_value());
        QCOMPARE(stat.statFile->format, StatFileFormat::Stata);
        compareCells(m_csv, stat.table);
        const DataFileReadResult csv = readDataFile(csvAsStat.toStdString());
        QVERIFY(!csv.statFile.has_value());
        compareCells(m_csv, csv.table);
    }

    // A file cut short is refused naming the file, wherever the cut falls.
    void truncatedRefused_data() { statFiles(); }

    void truncatedRefused()
    {
        QFETCH(QString, file);
        const QByteArray whole = fileBytes(path(file));
        // In the header, in the middle of the data, at an 80-byte record's end in the middle (an
        // XPORT file has no row count: only its last row, cut short, tells), one 8-byte number
        // short of the end.
        for (const qsizetype size : {qsizetype(64), whole.size() / 2 + 3, whole.size() / 160 * 80, whole.size() - 8}) {
            const QString message = refusal(whole.left(size), "cut.bin");
            QVERIFY2(message.contains(QLatin1String("cut.bin")),
                     qPrintable(QStringLiteral("%1 cut to %2 bytes: %3").arg(file).arg(size).arg(message)));
        }
    }

    // Flipped bits in the header (the variable count, types, lengths) are refused; flips anywhere
    // are either read or refused, never a crash (run under the sanitizers in the checked build).
    void bitFlipsRefusedOrRead_data() { statFiles(); }

    void bitFlipsRefusedOrRead()
    {
        QFETCH(QString, file);
        const QByteArray whole = fileBytes(path(file));
        int refused = 0;
        // About 200 places, two flips each: a second or so for the four files.
        const qsizetype step = std::max<qsizetype>(1, whole.size() / 200);
        for (qsizetype at = 0; at < whole.size(); at += step) {
            for (const char mask : {char(0x01), char(0xff)}) {
                QByteArray damaged = whole;
                damaged[at] = static_cast<char>(damaged[at] ^ mask);
                try {
                    readBytes(damaged, "flipped.bin");
                } catch (const DataError &error) {
                    QVERIFY2(QString::fromUtf8(error.what()).contains(QLatin1String("flipped.bin")), error.what());
                    ++refused;
                } catch (const ConfigError &) {
                    ++refused; // e.g. a flipped name no longer matching: still a refusal
                }
            }
        }
        QVERIFY2(refused > 0, "no damaged file was refused");
        // The magic bytes damaged: not a statistical file any more.
        QByteArray noMagic = whole;
        noMagic[1] = static_cast<char>(noMagic[1] ^ 0x40);
        noMagic[13] = static_cast<char>(noMagic[13] ^ 0x40);
        QVERIFY(!refusal(noMagic, "nomagic.bin").isEmpty());
    }

    // Older and compressed variants, small files written by haven (tests/core/statfiles): Stata
    // 115 (the binary header before <stata_dta>), XPORT version 5, and SPSS's compressed .zsav.
    void olderAndCompressedVariants()
    {
        const auto seed = [](const char *name) {
            return fileBytes(QStringLiteral(CMTL_SOURCE_DIR "/tests/core/statfiles/") + QLatin1String(name));
        };
        const StatFileReadResult stata = readBytes(seed("small_v12.dta"), "small_v12.dta");
        QCOMPARE(stata.description.format, StatFileFormat::Stata);
        QCOMPARE(stata.table.rowCount(), std::size_t(3));
        QCOMPARE(stata.table.column("amount").cellText(0), std::string("1.5"));
        QVERIFY(stata.table.column("amount").isMissing(2));
        QCOMPARE(stata.table.column("grade").levels, (std::vector<std::string>{"A", "B", "C"}));
        const StatFileReadResult xport = readBytes(seed("small_v5.xpt"), "small_v5.xpt");
        QCOMPARE(xport.description.format, StatFileFormat::SasTransport);
        QCOMPARE(xport.table.column("x").values, (std::vector<float>{1, 2}));
        QCOMPARE(xport.table.column("g").levels, (std::vector<std::string>{"a", "b"}));
        const StatFileReadResult zsav = readBytes(seed("small.zsav"), "small.zsav");
        const StatFileReadResult sav = readBytes(seed("small.sav"), "small.sav");
        compareCells(sav.table, zsav.table);
        QVERIFY(sav.table.column("x").isMissing(2)); // 99, a user-defined missing value
        QCOMPARE(sav.table.column("x").cellText(3), std::string("4"));
        QCOMPARE(sav.table.column("grade").cellText(1), std::string("B"));
    }

    void cancelled()
    {
        CancellationToken token;
        token.cancel();
        const QByteArray bytes = fileBytes(path(QStringLiteral("sample.dta")));
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, readStatFile(std::span<const char>(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                    "sample.dta", {}, &token));
    }

    void columnNamesFromTheHeader_data() { statFiles(); }

    void columnNamesFromTheHeader()
    {
        QFETCH(QString, file);
        const std::vector<std::string> names = statFileColumnNames(path(file).toStdString());
        const StatFileReadResult read = readStatFileAt(at(file));
        QCOMPARE(names.size(), read.table.columnCount());
        for (std::size_t i = 0; i < names.size(); ++i)
            QCOMPARE(names[i], read.table.column(i).name);
    }

    // Each rank's part of a file (readStatFilePartOfRank), with 1, 2 and 3 ranks (threads as
    // ranks): the parts in rank order are the rows of the file read whole by one process, with the
    // same columns and types, cells (levels in each part's first-seen order), places (the file's
    // "data row N"), variable descriptions and notes (the special missing values of the sample
    // files lie in every part, and partly_labelled.sav's one unlabelled value in the last part
    // only). Four ranks on a file of three rows: the first part is empty. XPORT files, which declare
    // no row count (rank 0 counts the rows ReadStat reads): small_v5.xpt's 2 rows of 9 bytes are
    // followed by 62 blank bytes (ReadStat's 6 blank rows at the end, not rows of the file), so 3
    // and 4 ranks leave parts empty.
    void partsOfRanksAreTheWholeFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("ranks");
        for (const char *file : {"sample.sas7bdat", "sample.xpt", "sample.dta", "sample.sav", "partly_labelled.sav",
                                 "small.sav", "small.zsav", "small_v12.dta", "small_v5.xpt"}) {
            for (int ranks = 1; ranks <= 3; ++ranks)
                QTest::newRow(qPrintable(QStringLiteral("%1, %2 ranks").arg(QLatin1String(file)).arg(ranks)))
                    << QString::fromLatin1(file) << ranks;
        }
        QTest::newRow("small_v12.dta, 4 ranks") << QStringLiteral("small_v12.dta") << 4;
        QTest::newRow("sample.xpt, 4 ranks") << QStringLiteral("sample.xpt") << 4;
        QTest::newRow("small_v5.xpt, 4 ranks") << QStringLiteral("small_v5.xpt") << 4;
    }

    void partsOfRanksAreTheWholeFile()
    {
        QFETCH(QString, file);
        QFETCH(int, ranks);
        const std::string name = file.startsWith(QLatin1String("small")) ? seedPath(file) : at(file);
        const StatFileReadResult whole = readStatFileAt(name);
        std::vector<StatFilePart> parts(static_cast<std::size_t>(ranks));
        testing::ThreadRanks threads(ranks);
        const std::vector<std::string> errors = threads.run([&](Communicator &communicator) {
            parts[static_cast<std::size_t>(communicator.rank())] = readStatFilePartOfRank(communicator, name, {});
        });
        for (const std::string &error : errors)
            QVERIFY2(error.empty(), error.c_str());
        const Table &all = whole.table;
        std::size_t next = 0;
        for (std::size_t rank = 0; rank < parts.size(); ++rank) {
            const StatFilePart &part = parts[rank];
            QCOMPARE(part.firstRow, next);
            QCOMPARE(part.allRows, all.rowCount());
            QCOMPARE(part.read.description.format, whole.description.format);
            QCOMPARE(part.read.description.encoding, whole.description.encoding);
            QCOMPARE(part.read.description.fileLabel, whole.description.fileLabel);
            QCOMPARE(part.read.description.notes, whole.description.notes);
            QCOMPARE(part.read.description.variables.size(), whole.description.variables.size());
            for (std::size_t v = 0; v < whole.description.variables.size(); ++v) {
                const StatVariable &mine = part.read.description.variables[v], &want = whole.description.variables[v];
                QCOMPARE(mine.name, want.name);
                QCOMPARE(mine.label, want.label);
                QCOMPARE(mine.format, want.format);
                QCOMPARE(mine.dateMeaning, want.dateMeaning);
                QCOMPARE(mine.hasValueLabels, want.hasValueLabels);
            }
            const Table &mine = part.read.table;
            testing::comparePartOfRank(mine, all, next, rank);
            if (QTest::currentTestFailed())
                return;
            next += mine.rowCount();
        }
        QCOMPARE(next, all.rowCount());
        if (file == QLatin1String("partly_labelled.sav"))
            QCOMPARE(all.column("code").type, ColumnType::Numeric); // value 3 has no label
        if (file == QLatin1String("sample.sav") || file == QLatin1String("sample.dta"))
            QCOMPARE(all.column("grade").type, ColumnType::Categorical); // every value labelled
    }

    // A bad cell in a rank's part is refused naming the whole file's row: emp_length read as
    // numbers ("emp_5" is not one) fails on each part's first row that holds a value.
    void partOfRankRefusesNamingTheFilesRow()
    {
        CsvOptions options;
        options.numericColumns = {"emp_length"};
        const std::string file = path("sample.sav");
        testing::ThreadRanks threads(2);
        const std::vector<std::string> errors =
            threads.run([&](Communicator &communicator) { readStatFilePartOfRank(communicator, file, options); });
        QVERIFY2(QString::fromStdString(errors[0]).contains(QLatin1String("row 1: \"emp_")), errors[0].c_str());
        // Rank 1's part begins with the file's row 201 (400 rows: 400 * 1 / 2 = 200 rows before it).
        QVERIFY2(QString::fromStdString(errors[1]).contains(QLatin1String("row 201: \"emp_")), errors[1].c_str());
        QVERIFY2(QString::fromStdString(errors[1]).contains(QLatin1String("column \"emp_length\"")), errors[1].c_str());
    }

    // A file whose header does not declare its number of rows cannot be split by rows: refused,
    // not misread. An SPSS file may give -1 (here small.sav with its case count, bytes 80-83, set to
    // -1), which one process still reads whole. An XPORT file never declares it: its rows are
    // counted, and one cut inside a row (sample.xpt without its last 80-byte record) is refused as
    // by one process, in the same words. The CSV-only options are refused as for one process.
    void partOfRankRefusals()
    {
        SingleProcessCommunicator one;
        const auto refusalOfPart = [&](const std::string &file, const CsvOptions &options = {}) {
            try {
                readStatFilePartOfRank(one, file, options);
            } catch (const std::exception &error) {
                return QString::fromStdString(error.what());
            }
            return QString();
        };
        const QByteArray xportBytes = fileBytes(path(QStringLiteral("sample.xpt")));
        const QString cutPath = path(QStringLiteral("cut_in_a_row.xpt"));
        QFile cut(cutPath);
        QVERIFY(cut.open(QIODevice::WriteOnly) && cut.write(xportBytes.left(xportBytes.size() - 80)) > 0);
        cut.close();
        QString wholeRefusal;
        try {
            readStatFileAt(cutPath.toStdString());
        } catch (const DataError &error) {
            wholeRefusal = QString::fromStdString(error.what());
        }
        QVERIFY2(wholeRefusal.contains(QLatin1String("the XPORT file ends inside row")), qPrintable(wholeRefusal));
        QCOMPARE(refusalOfPart(cutPath.toStdString()), wholeRefusal);
        QByteArray unknownRows = fileBytes(QString::fromStdString(seedPath(QStringLiteral("small.sav"))));
        QCOMPARE(unknownRows.mid(80, 4), QByteArray("\x04\x00\x00\x00", 4)); // 4 rows, little-endian
        unknownRows.replace(80, 4, QByteArray(4, '\xff'));
        const QString unknownPath = path(QStringLiteral("unknown_rows.sav"));
        QFile written(unknownPath);
        QVERIFY(written.open(QIODevice::WriteOnly) && written.write(unknownRows) == unknownRows.size());
        written.close();
        const QString spss = refusalOfPart(unknownPath.toStdString());
        QVERIFY2(spss.contains(QLatin1String("SPSS file (.sav) does not declare its number of rows (its header says "
                                             "-1: unknown)")),
                 qPrintable(spss));
        QCOMPARE(readStatFileAt(unknownPath.toStdString()).table.rowCount(), std::size_t(4));
        CsvOptions csvOnly;
        csvOnly.delimiter = ';';
        QVERIFY(refusalOfPart(path("sample.sav"), csvOnly).contains(QLatin1String("--delimiter")));
    }

private:
    static std::string seedPath(const QString &name)
    {
        return (QStringLiteral(CMTL_SOURCE_DIR "/tests/core/statfiles/") + name).toStdString();
    }
    std::string path(const char *name) const { return m_directory.filePath(QString::fromLatin1(name)).toStdString(); }
    QString path(const QString &name) const { return m_directory.filePath(name); }
    std::string at(const QString &name) const { return path(name).toStdString(); }

    static void statFiles()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("sas7bdat") << "sample.sas7bdat";
        QTest::newRow("xpt") << "sample.xpt";
        QTest::newRow("dta") << "sample.dta";
        QTest::newRow("sav") << "sample.sav";
    }

    QTemporaryDir m_directory;
    Table m_csv;
};

QTEST_GUILESS_MAIN(TestStatFile)
#include "tst_statfile.moc"
