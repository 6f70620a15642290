#include "common/Error.h"
#include "csv/CsvReader.h"

#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <random>
#include <string>

using namespace cmtl;

namespace {

CsvReadResult read(const std::string &text, const CsvOptions &options = {})
{
    return readCsv(std::span<const char>(text.data(), text.size()), "test.csv", options);
}

CsvOptions withThreads(int threads)
{
    CsvOptions options;
    options.threads = threads;
    return options;
}

// Reads `text` expecting a DataError and returns it; records a failure when none is thrown.
DataError readError(const std::string &text, const CsvOptions &options = {})
{
    try {
        read(text, options);
    } catch (const DataError &error) {
        return error;
    }
    QTest::qFail("expected a DataError, but the text was read", __FILE__, __LINE__);
    return DataError({}, "no error was thrown");
}

std::vector<std::string> levelsOf(const Table &table, const std::string &name)
{
    return table.column(name).levels;
}

void writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

bool sameFloat(float a, float b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Checks that two tables hold exactly the same names, types and cells.
void compareTables(const Table &expected, const Table &actual)
{
    QCOMPARE(actual.rowCount(), expected.rowCount());
    QCOMPARE(actual.columnCount(), expected.columnCount());
    for (std::size_t j = 0; j < expected.columnCount(); ++j) {
        const Column &a = expected.column(j);
        const Column &b = actual.column(j);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.levels, a.levels);
        QCOMPARE(b.codes, a.codes);
        QCOMPARE(b.values.size(), a.values.size());
        for (std::size_t i = 0; i < a.values.size(); ++i) {
            if (!sameFloat(a.values[i], b.values[i]))
                QFAIL(qPrintable(QStringLiteral("column %1 row %2 differs").arg(j).arg(i)));
        }
    }
}

// A seeded multi-chunk CSV (about 30 bytes a row): numbers, missing cells, categorical text, quoted fields
// with delimiters, doubled quotes and newlines, so that chunk boundaries meet every case.
std::string makeMixedCsv(std::size_t rows)
{
    std::mt19937 random(42);
    std::uniform_real_distribution<float> uniform(-100.0f, 100.0f);
    std::string text = "id,amount,grade,comment,flag,score\n";
    const char *grades[] = {"A", "B", "C", "D"};
    for (std::size_t i = 0; i < rows; ++i) {
        text += std::to_string(i) + ',';
        if (random() % 50 == 0)
            text += "NA";
        else
            text += std::to_string(uniform(random));
        text += ',';
        text += grades[random() % 4];
        text += ',';
        switch (random() % 5) {
        case 0:
            text += "\"line one\nline two, with comma\"";
            break;
        case 1:
            text += "\"she said \"\"yes\"\"\"";
            break;
        case 2:
            text += "plain";
            break;
        case 3:
            text += "";
            break;
        default:
            text += "\"row " + std::to_string(i % 97) + "\"";
        }
        text += ',';
        text += (random() % 2) ? "1" : "0";
        text += ',';
        text += std::to_string(static_cast<int>(random() % 1000)) + ".5\n";
    }
    return text;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsQuotedFields()
    {
        const auto result = read("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",plain\n");
        const Table &table = result.table;
        QCOMPARE(table.rowCount(), std::size_t{2});
        QCOMPARE(levelsOf(table, "a"), (std::vector<std::string>{"x, y", "multi\nline"}));
        QCOMPARE(levelsOf(table, "b"), (std::vector<std::string>{"he said \"hi\"", "plain"}));
        QCOMPARE(table.column("b").codes, (std::vector<std::int32_t>{0, 1}));
    }

    // Messages after reading name a row by its line in the file: blank lines and quoted cells with
    // line breaks are counted, and the lines follow the rows into a selection.
    void rowsKnowTheirLines()
    {
        const Table regular = read("a,b\n1,2\n3,4\n5,6").table;
        QCOMPARE(regular.rowPlace(0), std::string("line 2"));
        QCOMPARE(regular.rowPlace(2), std::string("line 4"));

        const Table irregular = read("a,b\n1,2\n\n3,\"x\ny\"\n\n\n5,6\n7,8\n").table;
        QCOMPARE(irregular.rowCount(), std::size_t{4});
        QCOMPARE(irregular.rowPlace(0), std::string("line 2"));
        QCOMPARE(irregular.rowPlace(1), std::string("line 4"));
        QCOMPARE(irregular.rowPlace(2), std::string("line 8"));
        QCOMPARE(irregular.rowPlace(3), std::string("line 9"));

        const Table selected = irregular.selectRows({3, 0, 2});
        QCOMPARE(selected.rowPlace(0), std::string("line 9"));
        QCOMPARE(selected.rowPlace(1), std::string("line 2"));
        QCOMPARE(selected.rowPlace(2), std::string("line 8"));

        // A table without lines (a statistical file) names the record.
        Table withoutLines("memory", {});
        QCOMPARE(withoutLines.rowPlace(4), std::string("data row 5"));
    }

    void quotedNumbersAreNumbers()
    {
        const auto result = read("\"a\",\"b\"\n\"1.5\",\" 2 \"\n\"-3\",\"\"\n");
        const Column &a = result.table.column("a");
        const Column &b = result.table.column("b");
        QCOMPARE(a.type, ColumnType::Numeric);
        QCOMPARE(a.values, (std::vector<float>{1.5f, -3.0f}));
        QCOMPARE(b.type, ColumnType::Numeric);
        QCOMPARE(b.values[0], 2.0f);
        QVERIFY(std::isnan(b.values[1]));
    }

    void readsByteOrderMark()
    {
        const auto result = read("\xEF\xBB\xBFid,name\n1,x\n");
        QCOMPARE(result.table.column(0).name, std::string("id"));
        QCOMPARE(result.table.column(0).values, std::vector<float>{1.0f});
        QCOMPARE(result.dialect.encoding, std::string("UTF-8 with BOM"));
        QCOMPARE(read("id\n1\n").dialect.encoding, std::string("UTF-8"));
    }

    void readsCrlf()
    {
        const auto result = read("a,b,c\r\n1,x,\"q\r\nr\"\r\n2,y,z\r\n");
        QVERIFY(result.dialect.crlf);
        QCOMPARE(result.table.column("a").values, (std::vector<float>{1.0f, 2.0f}));
        QCOMPARE(levelsOf(result.table, "b"), (std::vector<std::string>{"x", "y"}));
        QCOMPARE(levelsOf(result.table, "c"), (std::vector<std::string>{"q\r\nr", "z"}));
        QVERIFY(!read("a\n1\n").dialect.crlf);
    }

    void detectsDelimiter_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma") << ',';
        QTest::newRow("semicolon") << ';';
        QTest::newRow("tab") << '\t';
        QTest::newRow("pipe") << '|';
    }

    void detectsDelimiter()
    {
        QFETCH(char, delimiter);
        const std::string d(1, delimiter);
        // Values hold the other candidates, quoted, to show detection counts outside quotes only.
        const std::string text =
            "x" + d + "label" + d + "y\n1.5" + d + "\"a,b;c|d\"" + d + "2\n3" + d + "e" + d + "4\n";
        const auto result = read(text);
        QCOMPARE(result.dialect.delimiter, delimiter);
        QCOMPARE(result.table.columnCount(), std::size_t{3});
        QCOMPARE(result.table.column("x").values, (std::vector<float>{1.5f, 3.0f}));
        QCOMPARE(levelsOf(result.table, "label"), (std::vector<std::string>{"a,b;c|d", "e"}));
        QCOMPARE(result.table.column("y").values, (std::vector<float>{2.0f, 4.0f}));
    }

    void usesExplicitDelimiter()
    {
        // ',' and ';' split these lines equally well; detection prefers ','.
        const std::string text = "a,b;c\n1,5;3\n";
        QCOMPARE(read(text).dialect.delimiter, ',');
        CsvOptions options;
        options.delimiter = ';';
        const auto result = read(text, options);
        QCOMPARE(result.dialect.delimiter, ';');
        QCOMPARE(result.table.column(0).name, std::string("a,b"));
        QCOMPARE(result.table.column("c").values, std::vector<float>{3.0f});
        // With ';' as the delimiter, "1,5" is detected as a number with a decimal comma...
        QCOMPARE(result.dialect.decimalSeparator, ',');
        QCOMPARE(result.table.column("a,b").values, std::vector<float>{1.5f});
        // ...unless the options say the decimal separator is a point.
        options.decimalSeparator = '.';
        const auto pointResult = read(text, options);
        QCOMPARE(pointResult.dialect.decimalSeparator, '.');
        QCOMPARE(levelsOf(pointResult.table, "a,b"), std::vector<std::string>{"1,5"});
    }

    void readsMissingTokens()
    {
        const auto result = read("x,y,c\n1,NA,NA\n2,NaN,foo\n3,null,\n4,?,?\n5,,bar\n6, 7 ,\" NA \"\n");
        const Column &y = result.table.column("y");
        QCOMPARE(y.type, ColumnType::Numeric);
        for (std::size_t i = 0; i < 5; ++i)
            QVERIFY(std::isnan(y.values[i]));
        QCOMPARE(y.values[5], 7.0f);
        const Column &c = result.table.column("c");
        QCOMPARE(c.type, ColumnType::Categorical);
        QCOMPARE(c.levels, (std::vector<std::string>{"foo", "bar"}));
        QCOMPARE(c.codes, (std::vector<std::int32_t>{-1, 0, -1, -1, 1, -1}));
    }

    void readsCustomMissingTokens()
    {
        CsvOptions options;
        options.missingTokens = {"-999", "missing"};
        const auto result = read("x,y\n-999,NA\n1.5,missing\n-999.5,b\n", options);
        const Column &x = result.table.column("x");
        QCOMPARE(x.type, ColumnType::Numeric);
        QVERIFY(std::isnan(x.values[0]));
        QCOMPARE(x.values[1], 1.5f);
        QCOMPARE(x.values[2], -999.5f);
        // "NA" is no longer a missing token: it is a level.
        const Column &y = result.table.column("y");
        QCOMPARE(y.type, ColumnType::Categorical);
        QCOMPARE(y.levels, (std::vector<std::string>{"NA", "b"}));
        QCOMPARE(y.codes, (std::vector<std::int32_t>{0, -1, 1}));
    }

    void infersTypes()
    {
        const auto result = read("n,s,mixed,spaced,plus,allMissing\n"
                                 "1,a,1,  2.5  ,+3,NA\n"
                                 "2e3,b,x,-1 ,+1e2,\n"
                                 "-0.5,a,2,3,.5,NA\n");
        const Table &table = result.table;
        QCOMPARE(table.column("n").type, ColumnType::Numeric);
        QCOMPARE(table.column("n").values, (std::vector<float>{1.0f, 2000.0f, -0.5f}));
        QCOMPARE(table.column("s").type, ColumnType::Categorical);
        QCOMPARE(table.column("mixed").type, ColumnType::Categorical);
        QCOMPARE(table.column("mixed").levels, (std::vector<std::string>{"1", "x", "2"}));
        QCOMPARE(table.column("spaced").type, ColumnType::Numeric);
        QCOMPARE(table.column("spaced").values, (std::vector<float>{2.5f, -1.0f, 3.0f}));
        QCOMPARE(table.column("plus").values, (std::vector<float>{3.0f, 100.0f, 0.5f}));
        QCOMPARE(table.column("allMissing").type, ColumnType::Numeric);
        QVERIFY(std::isnan(table.column("allMissing").values[2]));
    }

    void forcesCategoricalColumns()
    {
        CsvOptions options;
        options.categoricalColumns = {"flag"};
        const auto result = read("flag,x\n1,1\n0,2\n1.0,3\n,4\n", options);
        const Column &flag = result.table.column("flag");
        QCOMPARE(flag.type, ColumnType::Categorical);
        QCOMPARE(flag.levels, (std::vector<std::string>{"1", "0", "1.0"}));
        QCOMPARE(flag.codes, (std::vector<std::int32_t>{0, 1, 2, -1}));
        QCOMPARE(result.table.column("x").type, ColumnType::Numeric);

        options.categoricalColumns = {"nope"};
        QVERIFY_THROWS_EXCEPTION(ConfigError, read("flag,x\n1,1\n", options));
    }

    void forcesNumericColumnsAndRefusesTextCells()
    {
        CsvOptions options;
        options.numericColumns = {"amount"};
        const auto result = read("id,amount\n1,10\n2,\n3,30\n", options);
        QCOMPARE(result.table.column("amount").type, ColumnType::Numeric);

        // One text cell: refused at its line, naming the column, the value and the fix.
        const DataError error = readError("id,amount\n1,10\n2,twelve thousand\n3,30\n4,n/a\n", options);
        QCOMPARE(error.where().file, std::string("test.csv"));
        QCOMPARE(error.where().line, std::int64_t{3});
        QCOMPARE(error.where().column, std::string("amount"));
        const std::string message = error.what();
        QVERIFY2(message.find("\"twelve thousand\" is not a number") != std::string::npos, message.c_str());
        QVERIFY2(message.find("1 more cells") != std::string::npos, message.c_str());
        QVERIFY2(message.find("--missing-values \"amount=twelve thousand\"") != std::string::npos, message.c_str());

        // Without the override the same file reads, the column as text.
        QCOMPARE(read("id,amount\n1,10\n2,twelve thousand\n3,30\n").table.column("amount").type,
                 ColumnType::Categorical);
    }

    void forcedNumericRefusalNamesTheLineFarDown()
    {
        // The text cell lies in a late chunk, read by another thread than the first lines.
        std::string text = "id,amount\n";
        for (int row = 0; row < 60000; ++row)
            text +=
                std::to_string(row) + "," + (row == 45000 ? std::string("12 000") : std::to_string(row % 97)) + "\n";
        CsvOptions options = withThreads(4);
        options.numericColumns = {"amount"};
        const DataError error = readError(text, options);
        QCOMPARE(error.where().line, std::int64_t{45002});
        QVERIFY2(std::string(error.what()).find("\"12 000\"") != std::string::npos, error.what());
    }

    void treatsColumnValuesAsMissing()
    {
        CsvOptions options;
        options.numericColumns = {"amount"};
        options.columnMissingValues["amount"] = {"twelve thousand", "n/a"};
        // The same token in another column is a value there.
        const auto result = read("amount,note\n10,n/a\n twelve thousand ,x\n30,y\nn/a,z\n", options);
        const Column &amount = result.table.column("amount");
        QCOMPARE(amount.type, ColumnType::Numeric);
        QCOMPARE(amount.values.size(), std::size_t{4});
        QCOMPARE(amount.values[0], 10.0f);
        QVERIFY(std::isnan(amount.values[1]));
        QCOMPARE(amount.values[2], 30.0f);
        QVERIFY(std::isnan(amount.values[3]));
        QCOMPARE(levelsOf(result.table, "note"), (std::vector<std::string>{"n/a", "x", "y", "z"}));

        // Without the type override the column becomes numeric too, and no warning remains.
        CsvOptions automatic;
        automatic.columnMissingValues["amount"] = {"twelve thousand", "n/a"};
        const auto settled = read("amount,note\n10,n/a\n twelve thousand ,x\n30,y\nn/a,z\n", automatic);
        QCOMPARE(settled.table.column("amount").type, ColumnType::Numeric);
        QVERIFY(settled.warnings.empty());
        // ...whereas without the values, the warning names them.
        const auto warned = read("amount\n10\n20\n30\n40\n50\n60\n70\n80\n90\n100\ntwelve thousand\n");
        QCOMPARE(warned.warnings.size(), std::size_t{1});
        QCOMPARE(warned.warnings[0].examples[0].value, std::string("twelve thousand"));
        QCOMPARE(warned.warnings[0].examples[0].line, std::int64_t{12});
        QCOMPARE(warned.warnings[0].textValues, (std::vector<std::string>{"twelve thousand"}));
    }

    void treatsValuesAsMissingInTextAndNumericColumns()
    {
        CsvOptions options;
        options.columnMissingValues["grade"] = {"unknown"};
        options.columnMissingValues["income"] = {"-999"};
        const auto result = read("grade,income,other\nA,-999,-999\nunknown,5,1\nB,-999.0,2\nA,7,3\n", options);
        const Column &grade = result.table.column("grade");
        QCOMPARE(grade.type, ColumnType::Categorical);
        QCOMPARE(grade.levels, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(grade.codes, (std::vector<std::int32_t>{0, -1, 1, 0}));
        const Column &income = result.table.column("income");
        QVERIFY(std::isnan(income.values[0]));
        QCOMPARE(income.values[1], 5.0f);
        QVERIFY(std::isnan(income.values[2])); // the same number written otherwise
        QCOMPARE(income.values[3], 7.0f);
        QCOMPARE(result.table.column("other").values[0], -999.0f);

        // Values no cell holds leave a text column as it was (a model's values, say).
        CsvOptions absent;
        absent.columnMissingValues["grade"] = {"twelve thousand"};
        const auto unchanged = read("grade\nA\nn/a\nA\n", absent);
        QCOMPARE(levelsOf(unchanged.table, "grade"), (std::vector<std::string>{"A", "n/a"}));
        QCOMPARE(unchanged.table.column("grade").codes, (std::vector<std::int32_t>{0, 1, 0}));
    }

    void refusesTypeOptionsNamingAbsentColumns()
    {
        const auto configError = [](const CsvOptions &options) -> std::string {
            try {
                read("flag,x\n1,1\n", options);
            } catch (const ConfigError &error) {
                return error.what();
            }
            return "no error";
        };
        CsvOptions numeric;
        numeric.numericColumns = {"amount"};
        std::string message = configError(numeric);
        QVERIFY2(message.find("no column named \"amount\" to read as numeric") != std::string::npos, message.c_str());
        QVERIFY2(message.find("the columns are: flag, x") != std::string::npos, message.c_str());
        CsvOptions missing;
        missing.columnMissingValues["amount"] = {"?"};
        message = configError(missing);
        QVERIFY2(message.find("\"amount\"") != std::string::npos && message.find("flag, x") != std::string::npos,
                 message.c_str());
        CsvOptions both;
        both.numericColumns = {"x"};
        both.categoricalColumns = {"x"};
        message = configError(both);
        QVERIFY2(message.find("both as numeric and as categorical") != std::string::npos, message.c_str());
    }

    void keepsFirstSeenLevelOrder()
    {
        const auto result = read("g\nb\na\nb\nc\na\n");
        const Column &g = result.table.column("g");
        QCOMPARE(g.levels, (std::vector<std::string>{"b", "a", "c"}));
        QCOMPARE(g.codes, (std::vector<std::int32_t>{0, 1, 0, 2, 1}));
    }

    void retypesNumericColumnWithTextFarDown_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("4 threads") << 4;
    }

    void retypesNumericColumnWithTextFarDown()
    {
        // Each column t<k> is numeric but for one text cell at a different row, most of them far
        // from the sampled records and in late chunks.
        QFETCH(int, threads);
        const std::vector<std::size_t> textRows = {0, 12345, 30001, 47777, 49999};
        constexpr std::size_t kRows = 50000;
        std::string text = "x,t0,t1,t2,t3,t4\n";
        for (std::size_t i = 0; i < kRows; ++i) {
            text += std::to_string(i);
            for (std::size_t k = 0; k < textRows.size(); ++k) {
                text += ',';
                text += i == textRows[k] ? std::string("oops") : std::to_string(i % 10);
            }
            text += '\n';
        }
        const auto result = read(text, withThreads(threads));
        const Table &table = result.table;
        QCOMPARE(table.rowCount(), kRows);
        QCOMPARE(table.column("x").type, ColumnType::Numeric);
        QCOMPARE(table.column("x").values[49999], 49999.0f);
        for (std::size_t k = 0; k < textRows.size(); ++k) {
            const Column &column = table.column("t" + std::to_string(k));
            QCOMPARE(column.type, ColumnType::Categorical);
            QCOMPARE(column.levels.size(), std::size_t{11});
            const std::size_t row = textRows[k];
            QCOMPARE(column.levels[static_cast<std::size_t>(column.codes[row])], std::string("oops"));
            // Levels in first-seen order: "0".."9" then "oops", unless "oops" comes first.
            const std::string expectedFirst = row == 0 ? "oops" : "0";
            QCOMPARE(column.levels.front(), expectedFirst);
            QCOMPARE(column.cellText(kRows - 2), std::string("8"));
            QCOMPARE(column.cellText(12340), std::string("0"));
        }
    }

    void correctsSampleMisledByMultilineFields()
    {
        // Sample jumps land after a newline; half of them are inside "first\nzz,qq", whose second
        // line splits into three fields and shows "zz" in the numeric column id.
        std::string text = "id,note,v\n";
        for (int i = 0; i < 20000; ++i)
            text += std::to_string(i) + ",\"first\nzz,qq\"," + std::to_string(i % 3) + "\n";
        for (const int threads : {1, 4}) {
            const Table table = read(text, withThreads(threads)).table;
            QCOMPARE(table.rowCount(), std::size_t{20000});
            QCOMPARE(table.column("id").type, ColumnType::Numeric);
            QCOMPARE(table.column("id").values[19999], 19999.0f);
            QCOMPARE(table.column("note").levels, std::vector<std::string>{"first\nzz,qq"});
            QCOMPARE(table.column("v").type, ColumnType::Numeric);
            QCOMPARE(table.column("v").values[5], 2.0f);
        }
    }

    void readsGb18030()
    {
        const QString content = QStringLiteral(u"姓名,城市,收入\n张三,北京,100\n李四,上海,200.5\n王五,北京,NA\n");
        QStringEncoder encoder("GB18030");
        const QByteArray bytes = encoder.encode(content);
        const std::string text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        QCOMPARE(text.substr(0, 4), std::string("\xD0\xD5\xC3\xFB")); // 姓名 in GB18030, not UTF-8
        const auto result = read(text);
        QCOMPARE(result.dialect.encoding, std::string("GB18030"));
        const Table &table = result.table;
        QCOMPARE(table.column(0).name, std::string("姓名"));
        QCOMPARE(levelsOf(table, "城市"), (std::vector<std::string>{"北京", "上海"}));
        QCOMPARE(table.column("城市").codes, (std::vector<std::int32_t>{0, 1, 0}));
        QCOMPARE(table.column("收入").values[1], 200.5f);
        QCOMPARE(table.column("姓名").cellText(2), std::string("王五"));

        CsvOptions options;
        options.encoding = "GB18030";
        QCOMPARE(read(text, options).table.column(1).name, std::string("城市"));
    }

    void readsChineseUtf8()
    {
        const auto result = read("姓名,收入\n张三,1\n");
        QCOMPARE(result.dialect.encoding, std::string("UTF-8"));
        QCOMPARE(levelsOf(result.table, "姓名"), std::vector<std::string>{"张三"});
    }

    void refusesUndecodableText()
    {
        // 0x81 before a line end is neither UTF-8, nor GB18030 (a lead byte without its trail),
        // nor Windows-1252 (which leaves 0x81 undefined).
        const DataError error = readError("a,b\n1,2\n3,x\x81\n");
        QCOMPARE(error.where().file, std::string("test.csv"));
        QCOMPARE(error.where().line, std::int64_t{3});
        QVERIFY2(error.problem().find("0x81") != std::string::npos, error.what());
        QVERIFY2(error.problem().find("UTF-8") != std::string::npos, error.what());

        // GB18030 bytes refused when UTF-8 is required, at the line of the first bad byte.
        CsvOptions options;
        options.encoding = "UTF-8";
        const DataError strict = readError("a,b\n1,x\n2,\xD5\xC5\n", options);
        QCOMPARE(strict.where().line, std::int64_t{3});

        options.encoding = "no-such-encoding";
        QVERIFY_THROWS_EXCEPTION(ConfigError, read("a\n1\n", options));
    }

    void reportsRaggedRows()
    {
        const DataError tooFew = readError("a,b,c\n1,2,3\n4,5\n");
        QCOMPARE(tooFew.where().file, std::string("test.csv"));
        QCOMPARE(tooFew.where().line, std::int64_t{3});
        QCOMPARE(tooFew.where().column, std::string("c"));
        QCOMPARE(tooFew.problem(),
                 std::string("expected 3 fields (one per column), found 2: the line ends before this column"));
        QCOMPARE(std::string(tooFew.what()), "test.csv, line 3, column \"c\": " + tooFew.problem());

        const DataError tooMany = readError("a,b\n1,2\n3,4,5,6\n");
        QCOMPARE(tooMany.where().line, std::int64_t{3});
        QCOMPARE(tooMany.where().column, std::string("b"));
        QCOMPARE(tooMany.problem(),
                 std::string("expected 2 fields (one per column), found 4: the line goes on after this last column"));

        // A record that spans lines 2-3 puts the ragged record on line 4.
        const DataError afterMultiline = readError("a,b\n\"x\ny\",1\n2\n");
        QCOMPARE(afterMultiline.where().line, std::int64_t{4});
        QCOMPARE(afterMultiline.where().column, std::string("b"));
    }

    void reportsRaggedRowInLateChunk()
    {
        std::string text = "a,b\n";
        for (int i = 0; i < 60000; ++i)
            text += i == 54321 ? "7\n" : std::to_string(i) + ",\"q, " + std::to_string(i) + "\"\n";
        for (const int threads : {1, 4}) {
            const DataError error = readError(text, withThreads(threads));
            QCOMPARE(error.where().line, std::int64_t{54323});
            QCOMPARE(error.where().column, std::string("b"));
        }
    }

    void reportsUnterminatedQuote()
    {
        const DataError error = readError("a,b\n1,x\n2,\"open\n3,y\n");
        QCOMPARE(error.where().line, std::int64_t{3});
        QCOMPARE(error.where().column, std::string("b"));
        QVERIFY2(error.problem().find("closing quote") != std::string::npos, error.what());

        const DataError inHeader = readError("a,\"b\n1,2\n");
        QCOMPARE(inHeader.where().line, std::int64_t{1});
    }

    void refusesTextAfterClosingQuote()
    {
        const DataError error = readError("a,b\n1,\"5\" screen\"\n");
        QCOMPARE(error.where().line, std::int64_t{2});
        QCOMPARE(error.where().column, std::string("b"));
        QCOMPARE(error.problem(),
                 std::string("expected the delimiter ',' or the end of the line after the closing "
                             "quote, found 's'; a quote inside a quoted field must be doubled (\"\")"));
        const DataError chinese = readError("a;b\n1;\"x\"中\n", {});
        QCOMPARE(chinese.where().line, std::int64_t{2});
        QVERIFY2(chinese.problem().find("found '中'") != std::string::npos, chinese.what());
    }

    void acceptsStrayQuoteInUnquotedField()
    {
        const auto result = read("a,b\n1,5\" screen\n2,x\n");
        QCOMPARE(levelsOf(result.table, "b"), (std::vector<std::string>{"5\" screen", "x"}));
    }

    void strayQuotesDoNotBreakParallelParsing()
    {
        // One stray quote early makes every quote-parity guess of a chunk start wrong; the
        // chunks must be re-parsed from their true starts and give the single-thread result.
        std::string text = "id,note,v\n1,5\" screen,1\n";
        for (int i = 2; i < 40000; ++i)
            text += std::to_string(i) + (i % 3 == 0 ? ",\"two\nlines\"," : ",plain,") + std::to_string(i % 7) + "\n";
        const auto one = read(text, withThreads(1));
        const auto four = read(text, withThreads(4));
        QCOMPARE(one.table.rowCount(), std::size_t{39999});
        QCOMPARE(one.table.column("note").levels, (std::vector<std::string>{"5\" screen", "plain", "two\nlines"}));
        compareTables(one.table, four.table);
    }

    void refusesEmptyInput()
    {
        for (const std::string &empty :
             {std::string(), std::string("\n\n"), std::string("\xEF\xBB\xBF"), std::string("\r\n")}) {
            const DataError error = readError(empty);
            QCOMPARE(error.where().file, std::string("test.csv"));
            QVERIFY2(error.problem().find("empty") != std::string::npos, error.what());
        }
    }

    void readsHeaderOnly()
    {
        const auto result = read("a,b\n");
        QCOMPARE(result.table.rowCount(), std::size_t{0});
        QCOMPARE(result.table.columnCount(), std::size_t{2});
    }

    void readsWithoutHeader()
    {
        CsvOptions options;
        options.hasHeader = false;
        const auto result = read("1,x\n2,y\n", options);
        QCOMPARE(result.table.rowCount(), std::size_t{2});
        QCOMPARE(result.table.column(0).name, std::string("V1"));
        QCOMPARE(result.table.column(1).name, std::string("V2"));
        QCOMPARE(result.table.column("V1").values, (std::vector<float>{1.0f, 2.0f}));
        QCOMPARE(levelsOf(result.table, "V2"), (std::vector<std::string>{"x", "y"}));

        const DataError ragged = readError("1,x\n2\n", options);
        QCOMPARE(ragged.where().line, std::int64_t{2});
        QCOMPARE(ragged.where().column, std::string("V2"));
    }

    void namesEmptyHeaderAndRefusesDuplicates()
    {
        const auto result = read("a,,V2\n1,2,3\n");
        QCOMPARE(result.table.column(1).name, std::string("V2_2"));
        QCOMPARE(read("\"\",b\n1,2\n").table.column(0).name, std::string("V1"));

        const DataError duplicate = readError("a,b,a\n1,2,3\n");
        QCOMPARE(duplicate.where().line, std::int64_t{1});
        QCOMPARE(duplicate.where().column, std::string("a"));
        QVERIFY2(duplicate.problem().find("columns 1 and 3") != std::string::npos, duplicate.what());
    }

    void skipsBlankLines()
    {
        const auto result = read("a,b\n1,2\n\n3,4\r\n\n\n\r\n");
        QCOMPARE(result.table.column("a").values, (std::vector<float>{1.0f, 3.0f}));
        // With one column a blank line inside the data is a missing cell; trailing ones are not.
        const auto single = read("a\n1\n\n2\n\n\n");
        QCOMPARE(single.table.rowCount(), std::size_t{3});
        QVERIFY(std::isnan(single.table.column("a").values[1]));
        QCOMPARE(read("a,b\n1,2").table.rowCount(), std::size_t{1});
    }

    void giveSameResultWithOneAndFourThreads()
    {
        const std::string text = makeMixedCsv(50000);
        QVERIFY(text.size() > std::size_t{1} << 20); // 16 chunks of 64 KiB or more with 4 threads
        const auto one = read(text, withThreads(1));
        const auto four = read(text, withThreads(4));
        const Table &table = one.table;
        QCOMPARE(table.rowCount(), std::size_t{50000});
        QCOMPARE(table.column("id").values[49999], 49999.0f);
        QCOMPARE(table.column("grade").levels.size(), std::size_t{4});
        QCOMPARE(table.column("comment").type, ColumnType::Categorical);
        QCOMPARE(table.column("flag").type, ColumnType::Numeric);
        const auto &comments = table.column("comment").levels;
        QVERIFY(std::find(comments.begin(), comments.end(), "line one\nline two, with comma") != comments.end());
        QVERIFY(std::find(comments.begin(), comments.end(), "she said \"yes\"") != comments.end());
        compareTables(table, four.table);
    }

    void reportsProgressAndCancels()
    {
        const std::string text = makeMixedCsv(20000);
        std::vector<double> fractions;
        const auto result = readCsv(std::span<const char>(text.data(), text.size()), "test.csv", withThreads(2),
                                    nullptr, [&](double fraction) { fractions.push_back(fraction); });
        QVERIFY(fractions.size() >= 2);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        CancellationToken cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 readCsv(std::span<const char>(text.data(), text.size()), "test.csv", {}, &cancelled));

        // Cancelling while reading stops it at the next chunk.
        CancellationToken token;
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, readCsv(std::span<const char>(text.data(), text.size()), "test.csv",
                                                    withThreads(1), &token, [&](double) {
                                                        ++calls;
                                                        token.cancel();
                                                    }));
        QCOMPARE(calls, 1);
    }

    void readsBytesInMemoryLikeTheFile()
    {
        const std::string text = "a,b\n1,x\n2,y\n";
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("small.csv")).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        const auto fromFile = readCsvFile(path);
        const auto fromMemory = read(text);
        QCOMPARE(fromFile.table.source(), path);
        QCOMPARE(fromMemory.table.source(), std::string("test.csv"));
        compareTables(fromMemory.table, fromFile.table);
        QCOMPARE(fromMemory.table.column("b").levels, (std::vector<std::string>{"x", "y"}));

        std::ofstream(dir.filePath(QStringLiteral("empty.csv")).toStdString(), std::ios::binary);
        QVERIFY_THROWS_EXCEPTION(DataError, readCsvFile(dir.filePath(QStringLiteral("empty.csv")).toStdString()));
        QVERIFY_THROWS_EXCEPTION(DataError, readCsvFile(dir.filePath(QStringLiteral("absent.csv")).toStdString()));
    }

    void readsLendingClub()
    {
        const auto result = readCsvFile(CMTL_SOURCE_DIR "/../shared/datasets/lending_club.csv");
        const Table &table = result.table;
        QCOMPARE(table.rowCount(), std::size_t{9857});
        QCOMPARE(table.columnCount(), std::size_t{23});
        QCOMPARE(result.dialect.delimiter, ',');
        const Column &target = table.column("Class");
        QCOMPARE(target.type, ColumnType::Categorical);
        QCOMPARE(target.levels, (std::vector<std::string>{"good", "bad"}));
        QCOMPARE(std::count(target.codes.begin(), target.codes.end(), 1), std::ptrdiff_t{517});
        const Column &rate = table.column("int_rate");
        QCOMPARE(rate.type, ColumnType::Numeric);
        QCOMPARE(rate.values[0], 13.99f);
        QCOMPARE(rate.values[1], 11.99f);
        QCOMPARE(table.column("funded_amnt").values[0], 16100.0f);
        QCOMPARE(table.column("term").levels.front(), std::string("term_36"));
        QCOMPARE(table.column("sub_grade").cellText(0), std::string("C4"));
    }

    void readsCreditDataMissingCells()
    {
        // R's write.csv output with NA for missing: the dataset's README counts 455 missing cells.
        const Table table = readCsvFile(CMTL_SOURCE_DIR "/../shared/datasets/credit_data.csv").table;
        QCOMPARE(table.rowCount(), std::size_t{4454});
        QCOMPARE(table.columnCount(), std::size_t{14});
        std::size_t missing = 0;
        for (const Column &column : table.columns()) {
            for (std::size_t row = 0; row < column.size(); ++row)
                missing += column.isMissing(row) ? 1 : 0;
        }
        QCOMPARE(missing, std::size_t{455});
        QCOMPARE(table.column("Income").type, ColumnType::Numeric);
        QCOMPARE(table.column("Home").levels.front(), std::string("rent"));
    }

    // --- Reading files safely (issue 16) ---

    void reportsFileTruncatedDuringTheRead()
    {
        // Larger than one read block (16 MiB), so that the file is cut between two blocks. The
        // memory-mapped reader died here with SIGBUS.
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("rewritten.csv")).toStdString();
        writeFile(path, makeMixedCsv(700000));
        QVERIFY(QFileInfo(QString::fromStdString(path)).size() > (std::int64_t{16} << 20));
        bool truncated = false;
        const auto truncateOnce = [&](double) {
            if (!truncated)
                QVERIFY(::truncate(path.c_str(), 1000) == 0);
            truncated = true;
        };
        try {
            readCsvFile(path, {}, nullptr, truncateOnce);
            QFAIL("a file truncated during the read was read");
        } catch (const DataError &error) {
            QCOMPARE(error.where().file, path);
            QVERIFY2(error.problem().find("the file changed while it was read") != std::string::npos, error.what());
        }

        // Changed after the last block was read: the size checked at the end differs.
        writeFile(path, "a,b\n1,2\n3,4\n");
        bool grown = false;
        const auto growOnce = [&](double) {
            if (!grown)
                std::ofstream(path, std::ios::binary | std::ios::app) << "5,6\n";
            grown = true;
        };
        try {
            readCsvFile(path, {}, nullptr, growOnce);
            QFAIL("a file that grew during the read was read");
        } catch (const DataError &error) {
            QVERIFY2(error.problem().find("the file changed while it was read") != std::string::npos, error.what());
        }
    }

    void refusesFifoWithoutBlocking()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("pipe.csv")).toStdString();
        QVERIFY(::mkfifo(path.c_str(), 0600) == 0);
        auto reading = std::async(std::launch::async, [&]() -> std::string {
            try {
                readCsvFile(path);
            } catch (const DataError &error) {
                return error.what();
            }
            return "read";
        });
        if (reading.wait_for(std::chrono::seconds(1)) != std::future_status::ready) {
            // Unblock the reader (a writer appears and leaves) before failing.
            const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
            reading.wait();
            QFAIL("opening a FIFO without a writer blocked");
        }
        const std::string message = reading.get();
        QVERIFY2(message.find(path) != std::string::npos, message.c_str());
        QVERIFY2(message.find("FIFO") != std::string::npos, message.c_str());
        QVERIFY2(message.find("save the data to a file first") != std::string::npos, message.c_str());
    }

    void refusesDevicesAndDirectories()
    {
        try {
            readCsvFile("/dev/zero");
            QFAIL("/dev/zero was read");
        } catch (const DataError &error) {
            QVERIFY2(error.problem().find("character device") != std::string::npos, error.what());
        }
        QTemporaryDir dir;
        try {
            readCsvFile(dir.path().toStdString());
            QFAIL("a directory was read");
        } catch (const DataError &error) {
            QVERIFY2(error.problem().find("directory, not a regular file") != std::string::npos, error.what());
        }
    }

    void refusesHeaderOnlyFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("header.csv")).toStdString();
        writeFile(path, "a,b\n");
        try {
            readCsvFile(path);
            QFAIL("a header-only file was read");
        } catch (const DataError &error) {
            QCOMPARE(error.where().file, path);
            QVERIFY2(error.problem().find("no data rows") != std::string::npos, error.what());
        }
    }

    // --- Encodings ---

    void detectsWindows1252()
    {
        // "Zürich" and "Müller" in Windows-1252: GB18030 also decodes these bytes (as 黵 and ...),
        // but single high bytes inside Latin words are Latin letters.
        const std::string text = "city,name,n\nZ\xFCrich,M\xFCller,1\nGen\xE8ve,Ren\xE9,2\n";
        const auto result = read(text);
        QCOMPARE(result.dialect.encoding, std::string("Windows-1252"));
        QVERIFY2(result.dialect.encodingReason.find("Z\u00FCrich") != std::string::npos,
                 result.dialect.encodingReason.c_str());
        QCOMPARE(levelsOf(result.table, "city"), (std::vector<std::string>{"Z\u00FCrich", "Gen\u00E8ve"}));
        QCOMPARE(levelsOf(result.table, "name"), (std::vector<std::string>{"M\u00FCller", "Ren\u00E9"}));
        // Windows-1252's own characters in 0x80-0x9F: the euro sign and curly quotes.
        QCOMPARE(levelsOf(read("a\n\x80 5 \x93ok\x94\n").table, "a"),
                 std::vector<std::string>{"\u20AC 5 \u201Cok\u201D"});
    }

    void explainsGb18030Choice()
    {
        QStringEncoder encoder("GB18030");
        const QByteArray bytes = encoder.encode(QStringLiteral(u"城市,收入\n北京,1\n上海,2\n"));
        const auto result = read(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        QCOMPARE(result.dialect.encoding, std::string("GB18030"));
        QVERIFY2(result.dialect.encodingReason.find("Chinese") != std::string::npos,
                 result.dialect.encodingReason.c_str());
        QVERIFY2(result.dialect.encodingReason.find("城市") != std::string::npos,
                 result.dialect.encodingReason.c_str());
        QCOMPARE(read("a\n1\n").dialect.encodingReason, std::string("every byte sequence is valid UTF-8"));
    }

    void readsChosenSingleByteEncodings()
    {
        CsvOptions options;
        options.encoding = "windows-1252";
        QCOMPARE(levelsOf(read("a\n\x80\xE9\n", options).table, "a"), std::vector<std::string>{"\u20AC\u00E9"});
        QCOMPARE(read("a\n1\n", options).dialect.encodingReason, std::string("chosen in the import options"));
        // 0x81 is undefined in Windows-1252: refused at its line.
        QCOMPARE(readError("a\n1\nx\x81\n", options).where().line, std::int64_t{3});
        options.encoding = "latin-1";
        const auto latin = read("a\n\x80\xE9\n", options);
        QCOMPARE(latin.dialect.encoding, std::string("ISO-8859-1"));
        QCOMPARE(levelsOf(latin.table, "a"), std::vector<std::string>{"\u0080\u00E9"});
    }

    void readsUtf16WithByteOrderMark()
    {
        const QString content = QStringLiteral(u"城市,n\nZürich,1\n北京,2\n");
        for (const bool bigEndian : {false, true}) {
            QStringEncoder encoder(bigEndian ? QStringConverter::Utf16BE : QStringConverter::Utf16LE,
                                   QStringConverter::Flag::WriteBom);
            const QByteArray bytes = encoder.encode(content);
            const auto result = read(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
            QCOMPARE(result.dialect.encoding, std::string(bigEndian ? "UTF-16BE with BOM" : "UTF-16LE with BOM"));
            QCOMPARE(result.table.column(0).name, std::string("城市"));
            QCOMPARE(levelsOf(result.table, "城市"), (std::vector<std::string>{"Zürich", "北京"}));
            QCOMPARE(result.table.column("n").values, (std::vector<float>{1.0f, 2.0f}));
        }
    }

    void refusesUtf16WithoutByteOrderMark()
    {
        QStringEncoder encoder(QStringConverter::Utf16LE);
        const QByteArray bytes = encoder.encode(QStringLiteral("amount,grade\n1,A\n2,B\n"));
        const std::string text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const DataError error = readError(text);
        QVERIFY2(error.problem().find("looks like UTF-16 without a byte-order mark") != std::string::npos,
                 error.what());
        QVERIFY2(error.problem().find("--encoding utf-16le") != std::string::npos, error.what());
        // Named, it is read.
        CsvOptions options;
        options.encoding = "UTF-16LE";
        QCOMPARE(read(text, options).table.column("grade").levels, (std::vector<std::string>{"A", "B"}));
    }

    void refusesNulBytesAndCompressedFiles()
    {
        const DataError nul = readError(std::string("a,b\n1,2\n3,x\0y\n", 14));
        QCOMPARE(nul.where().line, std::int64_t{3});
        QVERIFY2(nul.problem().find("NUL") != std::string::npos, nul.what());
        const DataError gzip = readError("\x1F\x8B\x08\x00rest");
        QVERIFY2(gzip.problem().find("gzip-compressed") != std::string::npos, gzip.what());
        QVERIFY2(gzip.problem().find("decompress it first") != std::string::npos, gzip.what());
    }

    // --- Numbers ---

    void reportsNearlyNumericColumns()
    {
        std::string text = "id,amount\n";
        for (int i = 0; i < 200; ++i)
            text += std::to_string(i) + "," + std::to_string(i) + ".5\n";
        text += "200,\"13,99\"\n201,n/a\n";
        const auto result = read(text);
        QCOMPARE(result.table.column("amount").type, ColumnType::Categorical); // nothing converted in silence
        QCOMPARE(result.warnings.size(), std::size_t{1});
        const CsvWarning &warning = result.warnings.front();
        QCOMPARE(warning.kind, CsvWarning::Kind::NearlyNumeric);
        QCOMPARE(warning.column, std::string("amount"));
        QCOMPARE(warning.cells, std::int64_t{2});
        QCOMPARE(warning.examples.size(), std::size_t{2});
        QCOMPARE(warning.examples[0].line, std::int64_t{202});
        QCOMPARE(warning.examples[0].value, std::string("13,99"));
        QCOMPARE(warning.examples[1].line, std::int64_t{203});
        QCOMPARE(warning.examples[1].value, std::string("n/a"));
        for (const char *words : {"test.csv", "amount", "line 202", "13,99", "--missing", "--decimal-comma"})
            QVERIFY2(warning.message.find(words) != std::string::npos, warning.message.c_str());

        // Declared missing, the text cell goes and the warning names only the other one.
        CsvOptions options;
        options.missingTokens.push_back("n/a");
        QCOMPARE(read(text, options).warnings.front().cells, std::int64_t{1});

        // A column of text with a few numbers is no such column.
        QVERIFY(read("a\nx\ny\nz\n1\n").warnings.empty());
        // Nor are more than 20 text cells in fewer than 2,100 (1%).
        std::string many = "a\n";
        // (Appended piece by piece: GCC 12 misreports operator+ chains under -Wrestrict.)
        for (int i = 0; i < 300; ++i) {
            if (i < 21)
                many += 'x';
            many += std::to_string(i);
            many += '\n';
        }
        QVERIFY(read(many).warnings.empty());
    }

    void readsDecimalComma()
    {
        CsvOptions options;
        options.decimalSeparator = ',';
        options.delimiter = ';';
        const auto result = read("a;b\n13,99;-0,5\n1;2,5e3\n", options);
        QCOMPARE(result.table.column("a").values, (std::vector<float>{13.99f, 1.0f}));
        QCOMPARE(result.table.column("b").values, (std::vector<float>{-0.5f, 2500.0f}));
        QVERIFY(result.dialect.decimalReason.empty()); // chosen, not detected

        // Detected with ';' as the delimiter, and said so.
        const auto detected = read("a;b\n13,99;x\n1,5;y\n");
        QCOMPARE(detected.dialect.decimalSeparator, ',');
        QVERIFY2(detected.dialect.decimalReason.find("13,99") != std::string::npos,
                 detected.dialect.decimalReason.c_str());
        QCOMPARE(detected.table.column("a").values, (std::vector<float>{13.99f, 1.5f}));
        // Not when some number has a point.
        QCOMPARE(read("a;b\n13,99;1.5\n").dialect.decimalSeparator, '.');

        // With a thousands separator, which must separate groups of three digits.
        options.thousandsSeparator = '.';
        const auto grouped = read("a\n1.234.567,5\n-12.345\n", options);
        QCOMPARE(grouped.table.column("a").values, (std::vector<float>{1234567.5f, -12345.0f}));
        QCOMPARE(read("a\n1.23,5\n", options).table.column("a").type, ColumnType::Categorical);
        QCOMPARE(read("a\n1234.567\n", options).table.column("a").type, ColumnType::Categorical);
        options.thousandsSeparator = ',';
        QVERIFY_THROWS_EXCEPTION(ConfigError, read("a\n1\n", options));
    }

    void refusesNumbersBeyondFloat_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::newRow("1e39") << "1e39";
        QTest::newRow("1e308") << "1e308";
        QTest::newRow("inf") << "inf";
        QTest::newRow("-inf") << "-inf";
        QTest::newRow("quoted") << "\"-1E40\"";
    }

    void refusesNumbersBeyondFloat()
    {
        QFETCH(QString, cell);
        // Far enough down to be in a later chunk on several threads.
        std::string text = "a,b\n";
        for (int i = 0; i < 20000; ++i)
            text += std::to_string(i) + ",1.5\n";
        text += "7," + cell.toStdString() + "\n";
        const DataError error = readError(text, withThreads(4));
        QCOMPARE(error.where().line, std::int64_t{20002});
        QCOMPARE(error.where().column, std::string("b"));
        const std::string value = cell.toStdString();
        QVERIFY2(error.problem().find(value.front() == '"' ? value.substr(1, value.size() - 2) : value) !=
                     std::string::npos,
                 error.what());
        QVERIFY2(error.problem().find("--missing") != std::string::npos, error.what());
        // Read as text when the column holds text anyway (product codes such as 1E400).
        QCOMPARE(read("code\nA1\n" + value + "\n").table.column("code").type, ColumnType::Categorical);
    }

    void warnsOfNumbersFloatDoesNotHold()
    {
        const auto result = read("id,x,big\n123456789,0.1,16777216\n2,0.123456789012,20000000\n");
        QCOMPARE(result.warnings.size(), std::size_t{1}); // 0.1, 16777216 and 2e7 are fine
        const CsvWarning &warning = result.warnings.front();
        QCOMPARE(warning.kind, CsvWarning::Kind::PrecisionLoss);
        QCOMPARE(warning.column, std::string("id"));
        QCOMPARE(warning.examples.front().line, std::int64_t{2});
        QCOMPARE(warning.examples.front().value, std::string("123456789"));
        QVERIFY2(warning.message.find("--ignore id") != std::string::npos, warning.message.c_str());
        QVERIFY2(warning.message.find("123456792") != std::string::npos, warning.message.c_str());

        // Found too when the column was first read as text (a text cell far down, then missing).
        std::string late = "a,id\n";
        for (int i = 0; i < 3000; ++i)
            late += "1," + std::to_string(i) + "\n";
        late += "1,NA\n1,123456789.01\n";
        const auto lateResult = read(late);
        QCOMPARE(lateResult.warnings.size(), std::size_t{1});
        QCOMPARE(lateResult.warnings.front().examples.front().line, std::int64_t{3003});
    }

    // --- Degenerate files ---

    void refusesPagesOfQuotes()
    {
        const std::string page = [] {
            std::string lines;
            for (int i = 0; i < 50; ++i)
                lines += std::string(80, '"') + "\n";
            return lines;
        }();
        const DataError quotes = readError(page);
        QCOMPARE(quotes.where().line, std::int64_t{1});
        QVERIFY2(quotes.problem().find("quote characters only") != std::string::npos, quotes.what());
        // Odd counts: a quoted name that runs over lines.
        const DataError spanning = readError(std::string(81, '"') + "\n" + std::string(81, '"') + "\n");
        QVERIFY2(spanning.problem().find("ends on line 2") != std::string::npos, spanning.what());
        // And an unterminated quote is named where it starts.
        const DataError unterminated = readError(std::string(4001, '"'));
        QCOMPARE(unterminated.where().line, std::int64_t{1});
        QVERIFY2(unterminated.problem().find("never closed") != std::string::npos, unterminated.what());
    }

    void readsOldMacLineEnds()
    {
        const auto result = read("a,b\r1,x\r2,y\r");
        QVERIFY(result.dialect.crOnly);
        QCOMPARE(result.table.rowCount(), std::size_t{2});
        QCOMPARE(result.table.column("a").values, (std::vector<float>{1.0f, 2.0f}));
        QCOMPARE(levelsOf(result.table, "b"), (std::vector<std::string>{"x", "y"}));
        QCOMPARE(readError("a,b\r1,2\r3\r").where().line, std::int64_t{3});
    }

    void warnsOfUnnamedColumns()
    {
        const auto result = read("a, ,\n1,2,3\n");
        QCOMPARE(result.table.column(1).name, std::string("V2"));
        QCOMPARE(result.warnings.size(), std::size_t{2});
        QCOMPARE(result.warnings[0].kind, CsvWarning::Kind::UnnamedColumn);
        QVERIFY2(result.warnings[0].message.find("column 2 has no name") != std::string::npos,
                 result.warnings[0].message.c_str());
        const DataError duplicate = readError("x,y,x\n1,2,3\n");
        QVERIFY2(duplicate.problem().find("columns 1 and 3") != std::string::npos, duplicate.what());
    }

    void readsDeepQuoting()
    {
        // A field of 200,000 doubled quotes: no recursion, no quadratic work.
        const std::string deep = "a,b\n\"" + std::string(400000, '"') + "\",1\n";
        const auto result = read(deep);
        QCOMPARE(result.table.column("a").levels.front().size(), std::size_t{200000});
        QCOMPARE(result.table.column("b").values, std::vector<float>{1.0f});
    }

    void readsOrRefusesHugeSingleLines()
    {
        // A 200 MB line in two forms, each in bounded time and memory: one 200 MB cell, which is
        // read, and 100 million fields, refused before the columns are built.
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("long.csv")).toStdString();
        constexpr std::size_t kBytes = std::size_t{200} << 20;
        {
            std::ofstream out(path, std::ios::binary);
            out << "a,b\n1,";
            const std::string block(std::size_t{1} << 20, 'x');
            for (std::size_t written = 0; written < kBytes; written += block.size())
                out << block;
            out << "\n";
        }
        QElapsedTimer timer;
        timer.start();
        {
            const auto result = readCsvFile(path);
            QCOMPARE(result.table.column("b").levels.front().size(), kBytes);
        }
        qInfo("one 200 MB cell read in %lld ms", static_cast<long long>(timer.elapsed()));
        {
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            const std::string block = [] {
                std::string fields;
                for (int i = 0; i < (1 << 19); ++i)
                    fields += "1,";
                return fields;
            }();
            for (std::size_t written = 0; written < kBytes; written += block.size())
                out << block;
            out << "1\n1\n";
        }
        timer.restart();
        try {
            readCsvFile(path);
            QFAIL("100 million columns were read");
        } catch (const DataError &error) {
            QVERIFY2(error.problem().find("more than 1,000,000 fields") != std::string::npos, error.what());
        }
        qInfo("a line of 100 million fields refused in %lld ms", static_cast<long long>(timer.elapsed()));
        QFile::remove(QString::fromStdString(path));
    }

    void readsWideFiles()
    {
        // 100,000 columns x 20 rows: the cost is that of the 2 million cells.
        std::string text;
        for (int j = 0; j < 100000; ++j) {
            text += j == 0 ? "c" : ",c";
            text += std::to_string(j);
        }
        text += "\n";
        for (int row = 0; row < 20; ++row) {
            for (int j = 0; j < 100000; ++j) {
                if (j > 0)
                    text += ',';
                text += std::to_string((row * 7 + j) % 1000);
            }
            text += "\n";
        }
        QElapsedTimer timer;
        timer.start();
        const auto result = read(text, withThreads(2));
        qInfo("100,000 columns x 20 rows (%zu MB) read in %lld ms", text.size() >> 20,
              static_cast<long long>(timer.elapsed()));
        QCOMPARE(result.table.columnCount(), std::size_t{100000});
        QCOMPARE(result.table.rowCount(), std::size_t{20});
        QCOMPARE(result.table.column("c99999").values[19], static_cast<float>((19 * 7 + 99999) % 1000));
        // The columns hold their cells, not a reservation of a thousand rows each.
        QVERIFY(result.table.column(5).values.capacity() < 100);
    }

    void looksUpColumnsByNameQuickly()
    {
        // Training looks up every feature column by name: on 100,000 columns a linear search
        // made that 5e9 string comparisons (most of the 54 s a 20-row file took to train).
        std::vector<Column> columns(100000);
        for (std::size_t j = 0; j < columns.size(); ++j) {
            columns[j].name = "column_" + std::to_string(j);
            columns[j].values = {1.0f};
        }
        columns[7].name = "column_3"; // a duplicate: the first one is found
        const Table table("wide.csv", std::move(columns));
        QElapsedTimer timer;
        timer.start();
        std::size_t found = 0;
        for (std::size_t j = 0; j < table.columnCount(); ++j)
            found += table.indexOf("column_" + std::to_string(j)) >= 0 ? 1 : 0;
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(found, std::size_t{99999}); // column_7 was renamed
        QCOMPARE(table.indexOf("column_3"), 3);
        QCOMPARE(table.indexOf("absent"), -1);
        QCOMPARE(table.selectRows({0}).indexOf("column_99999"), 99999);
        QVERIFY_THROWS_EXCEPTION(ConfigError, table.column("absent"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
