// ONNX export verified for real: models of every architecture, trained on the sample, exported by
// `creditmtl-cli export --onnx`, run in ONNX Runtime (onnxruntime-node, through the README's
// example in score_onnx.js) and compared with `creditmtl-cli predict` on the same rows, among
// them rows with missing values, unseen levels, values outside the training range and the
// model's declared missing values. And the ONNX checker on every exported file.

#include "../core/OlderModelFile.h"
#include "ProgramRun.h"
#include "SampleFile.h"
#include "common/Error.h"
#include "csv/CsvReader.h"
#include "export/OnnxExport.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"

#include <onnx/onnx_pb.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <charconv>
#include <cmath>

using namespace cmtl;

namespace {

// The onnxruntime-node release the test installs (the version is pinned so that a run is
// reproducible); it carries the linux-x64 CPU runtime inside the package.
constexpr const char *kOnnxRuntimePackage = "onnxruntime-node@1.30.0";
constexpr double kTolerance = 1e-5;

using Run = testing::ProgramRun;
using testing::readAll;
using testing::runCli;

using testing::writeAll;

// A data set as the texts of its cells, to be written as CSV for `predict` and as JSON rows for
// ONNX Runtime from the same values.
struct TextTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::size_t indexOf(const std::string &name) const
    {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    }
    QByteArray csv() const
    {
        std::string text;
        const auto appendRow = [&](const std::vector<std::string> &cells) {
            for (std::size_t c = 0; c < cells.size(); ++c) {
                if (c > 0)
                    text += ',';
                text += csvField(cells[c]);
            }
            text += '\n';
        };
        appendRow(header);
        for (const auto &row : rows)
            appendRow(row);
        return QByteArray::fromStdString(text);
    }
};

TextTable sampleTexts()
{
    const Table table = readCsvFile(CMTL_SOURCE_DIR "/samples/lending_club.csv").table;
    TextTable texts;
    for (const Column &column : table.columns())
        texts.header.push_back(column.name);
    texts.rows.assign(table.rowCount(), std::vector<std::string>(table.columnCount()));
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        for (std::size_t r = 0; r < table.rowCount(); ++r)
            texts.rows[r][c] = table.column(c).cellText(r);
    }
    return texts;
}

const std::vector<std::string> kTasks = {"Class", "grade", "int_rate"};

// The sample with gaps: missing cells in a categorical and a numeric column, and the values the
// gappy model declares missing (--missing-values) in two others.
TextTable gappy(TextTable texts)
{
    const std::size_t employment = texts.indexOf("emp_length"), utilisation = texts.indexOf("revol_util");
    const std::size_t state = texts.indexOf("addr_state"), income = texts.indexOf("annual_inc");
    for (std::size_t r = 0; r < texts.rows.size(); ++r) {
        if (r % 7 == 3)
            texts.rows[r][employment].clear();
        if (r % 11 == 5)
            texts.rows[r][utilisation].clear();
        if (r % 13 == 2)
            texts.rows[r][state] = "XX";
        if (r % 17 == 4)
            texts.rows[r][income] = "-1";
    }
    return texts;
}

// Rows a model never met in training, each built from the first row of `texts`: every feature
// missing (empty, then the missing tokens), every level unseen, every number far outside the
// training range on either side, the declared missing values, a level "(missing)" as text.
void appendAwkwardRows(TextTable &texts, const std::vector<std::string> &numericColumns, bool outsideRange)
{
    const std::vector<std::string> base = texts.rows.front();
    const auto isNumeric = [&](std::size_t c) {
        return std::find(numericColumns.begin(), numericColumns.end(), texts.header[c]) != numericColumns.end();
    };
    const auto isTask = [&](std::size_t c) {
        return std::find(kTasks.begin(), kTasks.end(), texts.header[c]) != kTasks.end();
    };
    const auto variant = [&](auto &&cellOf) {
        std::vector<std::string> row = base;
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (!isTask(c))
                row[c] = cellOf(c, row[c]);
        }
        texts.rows.push_back(std::move(row));
    };
    variant([](std::size_t, const std::string &) { return std::string(); });
    for (const std::string &token : onnxMissingTokens())
        variant([&](std::size_t, const std::string &) { return token; });
    variant([&](std::size_t c, const std::string &cell) { return isNumeric(c) ? cell : std::string("never seen"); });
    if (outsideRange) {
        variant([&](std::size_t c, const std::string &cell) { return isNumeric(c) ? std::string("1e9") : cell; });
        variant([&](std::size_t c, const std::string &cell) { return isNumeric(c) ? std::string("-1e9") : cell; });
        variant([&](std::size_t c, const std::string &cell) { return isNumeric(c) ? std::string("1e38") : cell; });
        // Numbers outside the range with every text missing.
        variant(
            [&](std::size_t c, const std::string &) { return isNumeric(c) ? std::string("12345678") : std::string(); });
    }
    variant([&](std::size_t c, const std::string &cell) {
        return texts.header[c] == "annual_inc" ? std::string("-1") : texts.header[c] == "addr_state" ? "XX" : cell;
    });
    variant([&](std::size_t c, const std::string &cell) { return isNumeric(c) ? cell : std::string("(missing)"); });
    // Zeros and "CA" (the special bins of withSpecialWoeBins).
    variant([&](std::size_t c, const std::string &) { return isNumeric(c) ? std::string("0") : std::string("CA"); });
    // Unseen levels together with missing numbers.
    variant([&](std::size_t c, const std::string &) { return isNumeric(c) ? std::string() : std::string("?!"); });
}

// The rows as ONNX Runtime's inputs: a number or null for a numeric input (a missing token is
// NaN: a float tensor cannot carry the text), the text as written for a categorical one.
QByteArray rowsJson(const TextTable &texts, const MultiTaskModel &model)
{
    const std::vector<std::string> categorical = model.categoricalColumns();
    QJsonArray rows;
    for (const auto &cells : texts.rows) {
        QJsonObject row;
        for (const std::string &column : model.requiredColumns()) {
            const std::string &cell = cells[texts.indexOf(column)];
            const QString name = QString::fromStdString(column);
            if (std::find(categorical.begin(), categorical.end(), column) != categorical.end()) {
                row.insert(name, QString::fromStdString(cell));
                continue;
            }
            float value = 0;
            const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
            const bool number = !cell.empty() && error == std::errc() && end == cell.data() + cell.size();
            row.insert(name, number && !std::isnan(value) ? QJsonValue(static_cast<double>(value)) : QJsonValue());
        }
        rows.append(row);
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

struct ModelCase {
    QString name;
    QStringList options;
    bool gappy = false;
    // Rewritten as a model file from before the training ranges were stored: scored unclipped.
    bool olderFile = false;
    // Its WoE binnings given special bins (withSpecialWoeBins), which `train --woe` never makes.
    bool specialBins = false;
};

// `model` (a whole .cmtl file) with a special bin in every WoE binning, its sizes and checksum
// recomputed: the value 0 in a numeric one (it wins over the range bin holding 0), the level "CA"
// in a categorical one (taken out of the level group that held it, as the binning does with a
// special level). The WoE values are arbitrary, unlike any of the binning's.
QByteArray withSpecialWoeBins(const QByteArray &model)
{
    const qsizetype firstLineEnd = model.indexOf('\n');
    const QList<QByteArray> fields = model.first(firstLineEnd).split(' ');
    const qsizetype jsonSize = fields[2].toLongLong(), weightSize = fields[3].toLongLong();
    QJsonObject header = QJsonDocument::fromJson(model.mid(firstLineEnd + 1, jsonSize)).object();
    QJsonObject preprocessing = header[QStringLiteral("preprocessing")].toObject();
    QJsonArray woe = preprocessing[QStringLiteral("woe")].toArray();
    for (qsizetype i = 0; i < woe.size(); ++i) {
        QJsonObject binning = woe[i].toObject();
        QJsonArray bins = binning[QStringLiteral("bins")].toArray();
        QJsonObject special{{QStringLiteral("kind"), QStringLiteral("special")},
                            {QStringLiteral("events"), 1},
                            {QStringLiteral("non_events"), 1}};
        if (binning[QStringLiteral("categorical")].toBool()) {
            for (qsizetype b = 0; b < bins.size(); ++b) {
                QJsonObject bin = bins[b].toObject();
                QJsonArray levels = bin[QStringLiteral("levels")].toArray();
                for (qsizetype l = levels.size() - 1; l >= 0; --l) {
                    if (levels[l].toString() == QLatin1String("CA"))
                        levels.removeAt(l);
                }
                bin[QStringLiteral("levels")] = levels;
                bins[b] = bin;
            }
            special[QStringLiteral("levels")] = QJsonArray{QStringLiteral("CA")};
            special[QStringLiteral("woe")] = -0.41421356;
        } else {
            special[QStringLiteral("value")] = 0;
            special[QStringLiteral("woe")] = 0.61803399;
        }
        // Special bins stand after the range and level bins, before the missing bin.
        qsizetype at = bins.size();
        while (at > 0 && bins[at - 1].toObject()[QStringLiteral("kind")].toString() == QLatin1String("missing"))
            --at;
        bins.insert(at, special);
        binning[QStringLiteral("bins")] = bins;
        woe[i] = binning;
    }
    preprocessing[QStringLiteral("woe")] = woe;
    header[QStringLiteral("preprocessing")] = preprocessing;
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Indented);
    QByteArray rewritten = fields[0] + ' ' + fields[1] + ' ' + QByteArray::number(json.size()) + ' ' +
                           QByteArray::number(weightSize) + '\n' + json +
                           model.mid(firstLineEnd + 1 + jsonSize, weightSize);
    rewritten += "\nsha256 " + QCryptographicHash::hash(rewritten, QCryptographicHash::Sha256).toHex() + "\n";
    return rewritten;
}

// Every architecture the trainer offers, small and briefly trained; the variants cover missing
// flags, a head hidden layer, pooled "other" inputs and one-hot blocks without one.
const std::vector<ModelCase> &modelCases()
{
    static const std::vector<ModelCase> cases = {
        {QStringLiteral("shared-bottom"),
         {QStringLiteral("--arch"), QStringLiteral("shared-bottom"), QStringLiteral("--hidden"), QStringLiteral("16,8"),
          QStringLiteral("--head-hidden"), QStringLiteral("4"), QStringLiteral("--min-level-count"),
          QStringLiteral("40")}},
        {QStringLiteral("linear"),
         {QStringLiteral("--hidden"), QStringLiteral("none"), QStringLiteral("--min-level-count"), QStringLiteral("1"),
          QStringLiteral("--max-levels"), QStringLiteral("100")}},
        {QStringLiteral("mmoe"),
         {QStringLiteral("--arch"), QStringLiteral("mmoe"), QStringLiteral("--hidden"), QStringLiteral("8"),
          QStringLiteral("--experts"), QStringLiteral("3")}},
        {QStringLiteral("ple"),
         {QStringLiteral("--arch"), QStringLiteral("ple"), QStringLiteral("--hidden"), QStringLiteral("8,4"),
          QStringLiteral("--experts"), QStringLiteral("2"), QStringLiteral("--task-experts"), QStringLiteral("2"),
          QStringLiteral("--head-hidden"), QStringLiteral("3")}},
        {QStringLiteral("attention"),
         {QStringLiteral("--arch"), QStringLiteral("attention"), QStringLiteral("--hidden"), QStringLiteral("8")}},
        {QStringLiteral("gappy-shared-bottom"),
         {QStringLiteral("--hidden"), QStringLiteral("8"), QStringLiteral("--missing-indicators"),
          QStringLiteral("--missing-values"), QStringLiteral("annual_inc=-1"), QStringLiteral("--missing-values"),
          QStringLiteral("addr_state=XX"), QStringLiteral("--max-levels"), QStringLiteral("8")},
         true},
        {QStringLiteral("older-file-unclipped"), {QStringLiteral("--hidden"), QStringLiteral("8")}, false, true},
        // Every feature by its weight of evidence, with special bins (0, "CA") and the wide path.
        {QStringLiteral("woe-all-special-wide"),
         {QStringLiteral("--hidden"), QStringLiteral("8"), QStringLiteral("--woe"), QStringLiteral("all"),
          QStringLiteral("--wide"), QStringLiteral("on")},
         false,
         false,
         true},
        // WoE beside scaled and one-hot inputs, on the gappy sample: missing bins, declared missing
        // values of WoE columns (annual_inc=-1, addr_state=XX), unseen levels; attention and wide.
        {QStringLiteral("gappy-woe-attention-wide"),
         {QStringLiteral("--arch"), QStringLiteral("attention"), QStringLiteral("--hidden"), QStringLiteral("8"),
          QStringLiteral("--missing-values"), QStringLiteral("annual_inc=-1"), QStringLiteral("--missing-values"),
          QStringLiteral("addr_state=XX"), QStringLiteral("--woe"),
          QStringLiteral("annual_inc,addr_state,emp_length,revol_util"), QStringLiteral("--wide"),
          QStringLiteral("on")},
         true},
        // Seed ensembles: the members' predictions averaged in the graph, as predict averages them.
        {QStringLiteral("ensemble-mmoe"),
         {QStringLiteral("--arch"), QStringLiteral("mmoe"), QStringLiteral("--hidden"), QStringLiteral("8"),
          QStringLiteral("--experts"), QStringLiteral("2"), QStringLiteral("--ensemble"), QStringLiteral("3")}},
        {QStringLiteral("ensemble-gappy-woe-attention-wide"),
         {QStringLiteral("--arch"), QStringLiteral("attention"), QStringLiteral("--hidden"), QStringLiteral("8"),
          QStringLiteral("--missing-values"), QStringLiteral("annual_inc=-1"), QStringLiteral("--woe"),
          QStringLiteral("annual_inc,addr_state,revol_util"), QStringLiteral("--wide"), QStringLiteral("on"),
          QStringLiteral("--ensemble"), QStringLiteral("2")},
         true},
    };
    return cases;
}

// The largest absolute difference between two float series; infinite when only one is NaN or
// the lengths differ.
double largestDifference(const std::vector<float> &a, const std::vector<float> &b)
{
    if (a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double largest = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i])) {
            if (std::isnan(a[i]) != std::isnan(b[i]))
                return std::numeric_limits<double>::infinity();
            continue;
        }
        largest = std::max(largest, std::abs(static_cast<double>(a[i]) - static_cast<double>(b[i])));
    }
    return largest;
}

} // namespace

class OnnxTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        // CMTL_KEEP_TEST_FILES=1 keeps the models, rows and both engines' outputs for a look.
        if (!qEnvironmentVariableIsEmpty("CMTL_KEEP_TEST_FILES")) {
            m_work.setAutoRemove(false);
            qInfo().noquote() << "keeping the test's files in" << m_work.path();
        }
        installOnnxRuntime();
        const TextTable sample = sampleTexts();
        m_plain = sample;
        m_gappy = gappy(sample);
        QVERIFY(writeAll(path("train.csv"), m_plain.csv()));
        QVERIFY(writeAll(path("train_gappy.csv"), m_gappy.csv()));
    }

    // Every architecture: predict and ONNX Runtime agree on every output of every row.
    void onnxRuntimeMatchesPredict_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < modelCases().size(); ++i)
            QTest::newRow(qPrintable(modelCases()[i].name)) << static_cast<int>(i);
    }
    void onnxRuntimeMatchesPredict()
    {
        QFETCH(int, index);
        QElapsedTimer timer;
        timer.start();
        const ModelCase &model = modelCases()[static_cast<std::size_t>(index)];
        const QString modelPath = path(model.name + QStringLiteral(".cmtl")),
                      onnxPath = path(model.name + QStringLiteral(".onnx"));
        QStringList train = {QStringLiteral("train"),
                             QStringLiteral("--data"),
                             path(model.gappy ? "train_gappy.csv" : "train.csv"),
                             QStringLiteral("--task"),
                             QStringLiteral("Class:binary:bad"),
                             QStringLiteral("--task"),
                             QStringLiteral("grade:multiclass"),
                             QStringLiteral("--task"),
                             QStringLiteral("int_rate:regression"),
                             QStringLiteral("--epochs"),
                             QStringLiteral("2"),
                             QStringLiteral("--seed"),
                             QStringLiteral("11"),
                             QStringLiteral("--out"),
                             modelPath};
        train += model.options;
        // The wide path is on by default: the cases without it in their name export the trunk alone.
        if (!model.name.contains(QStringLiteral("wide")))
            train += QStringList{QStringLiteral("--wide"), QStringLiteral("off")};
        const Run trained = runCli(train);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        if (model.olderFile)
            QVERIFY(writeAll(modelPath, cmtl::testing::withoutTrainingRanges(readAll(modelPath))));
        if (model.specialBins)
            QVERIFY(writeAll(modelPath, withSpecialWoeBins(readAll(modelPath))));
        const Run exported = runCli(
            {QStringLiteral("export"), QStringLiteral("--model"), modelPath, QStringLiteral("--onnx"), onnxPath});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        m_exported.push_back(onnxPath);

        const ModelFileContents contents = loadModelFile(modelPath.toStdString());
        std::vector<std::string> numericColumns;
        for (const NumericStep &step : contents.model.preprocessor().numeric)
            numericColumns.push_back(step.column);
        for (const FeatureBinning &binning : contents.model.preprocessor().woe) {
            if (!binning.categorical)
                numericColumns.push_back(binning.feature);
        }
        // The model has what its name promises.
        QCOMPARE(!contents.model.preprocessor().woe.empty(), model.name.contains(QStringLiteral("woe")));
        QCOMPARE(contents.model.network().spec().wide, model.name.contains(QStringLiteral("wide")));
        QCOMPARE(contents.model.memberCount() > 1, model.name.contains(QStringLiteral("ensemble")));
        if (model.specialBins) {
            std::size_t special = 0;
            for (const FeatureBinning &binning : contents.model.preprocessor().woe)
                special += static_cast<std::size_t>(
                    std::count_if(binning.bins.begin(), binning.bins.end(),
                                  [](const Bin &bin) { return bin.kind == BinKind::Special; }));
            QCOMPARE(special, contents.model.preprocessor().woe.size());
        }
        TextTable scored = model.gappy ? m_gappy : m_plain;
        // Unclipped, numbers far outside the training range drive the outputs beyond what float32 holds
        // to 1e-5 (or to infinity) in predict and ONNX Runtime alike: the older file is scored
        // without them.
        appendAwkwardRows(scored, numericColumns, !model.olderFile);
        const QString dataPath = path(model.name + QStringLiteral("_score.csv")),
                      rowsPath = path(model.name + QStringLiteral("_rows.json"));
        const QString predictedPath = path(model.name + QStringLiteral("_predict.csv")),
                      outputsPath = path(model.name + QStringLiteral("_onnx.json"));
        QVERIFY(writeAll(dataPath, scored.csv()));
        QVERIFY(writeAll(rowsPath, rowsJson(scored, contents.model)));

        const Run predicted = runCli({QStringLiteral("predict"), QStringLiteral("--model"), modelPath,
                                      QStringLiteral("--data"), dataPath, QStringLiteral("--out"), predictedPath});
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.err));
        const Run scoredByOnnx =
            runNode({QStringLiteral(CMTL_SOURCE_DIR "/tests/export/score_onnx.js"), onnxPath, rowsPath, outputsPath});
        QVERIFY2(scoredByOnnx.exitCode == 0, qPrintable(scoredByOnnx.err));

        compare(contents.model, predictedPath, outputsPath, scored.rows.size(), model.name);
        qInfo().noquote() << model.name << ":" << scored.rows.size() << "rows, trained, exported and compared in"
                          << timer.elapsed() << "ms";
    }

    // The ONNX checker with full shape and type inference accepts every exported file...
    void checkerAcceptsEveryExport()
    {
        QCOMPARE(m_exported.size(), modelCases().size());
        for (const QString &file : m_exported) {
            const QByteArray bytes = readAll(file);
            QVERIFY(!bytes.isEmpty());
            try {
                checkOnnxModel(bytes, file.toStdString());
            } catch (const std::exception &error) {
                QFAIL(error.what());
            }
        }
    }

    // ...and refuses a graph that reads a tensor nothing defines (so that acceptance means something).
    void checkerRefusesABrokenGraph()
    {
        QVERIFY(!m_exported.empty());
        onnx::ModelProto proto;
        const QByteArray bytes = readAll(m_exported.front());
        QVERIFY(proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())));
        const std::string removed = proto.graph().initializer(0).name();
        proto.mutable_graph()->mutable_initializer()->DeleteSubrange(0, 1);
        std::string broken;
        QVERIFY(proto.SerializeToString(&broken));
        try {
            checkOnnxModel(QByteArrayView(broken.data(), static_cast<qsizetype>(broken.size())), "broken.onnx");
            QFAIL("the checker accepted a graph with an undefined tensor");
        } catch (const DataError &error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(QStringLiteral("broken.onnx")) &&
                         message.contains(QString::fromStdString(removed)),
                     qPrintable(message));
        }
    }

    // The README's example of scoring in ONNX Runtime is, line for line, the code this test runs.
    void readmeExampleIsWhatTheTestRuns()
    {
        const QString readme = QString::fromUtf8(readAll(QStringLiteral(CMTL_SOURCE_DIR "/README.md")));
        const qsizetype section = readme.indexOf(QStringLiteral("## Exporting to ONNX"));
        QVERIFY(section >= 0);
        const QString fence = QStringLiteral("```js\n");
        const qsizetype begin = readme.indexOf(fence, section);
        QVERIFY(begin > section);
        const qsizetype end = readme.indexOf(QStringLiteral("```\n"), begin + fence.size());
        QVERIFY(end > begin);
        const QString example = readme.mid(begin + fence.size(), end - begin - fence.size());
        QVERIFY(example.contains(QStringLiteral("session.run(feeds)")));
        const QString script =
            QString::fromUtf8(readAll(QStringLiteral(CMTL_SOURCE_DIR "/tests/export/score_onnx.js")));
        QVERIFY2(script.contains(example),
                 "README.md's ONNX Runtime example is not the code of tests/export/score_onnx.js");
    }

private:
    QString path(const QString &name) const { return m_work.filePath(name); }
    QString path(const char *name) const { return path(QString::fromLatin1(name)); }

    // onnxruntime-node in the build tree, installed once (npm, --ignore-scripts: the package
    // carries the runtime; no download at install time) and checked to hold the linux-x64 CPU
    // binary and to load. Without npm, the network or the binary the test fails and says why.
    void installOnnxRuntime()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!m_node.isEmpty(), "node (Node.js) is not on the PATH: install nodejs and npm "
                                    "(scripts/install-deps.sh) to run ONNX Runtime");
        const QString folder = QStringLiteral(CMTL_BINARY_DIR "/tests/onnxruntime");
        m_nodeModules = folder + QStringLiteral("/node_modules");
        QVERIFY(QDir().mkpath(folder));
        if (binding().isEmpty()) {
            const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
            QVERIFY2(!npm.isEmpty(), "npm is not on the PATH: install npm (scripts/install-deps.sh) so that the "
                                     "test can install onnxruntime-node");
            QVERIFY(writeAll(folder + QStringLiteral("/package.json"),
                             "{\"name\": \"creditmtl-onnx-test\", \"private\": true}\n"));
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("ONNXRUNTIME_NODE_INSTALL"), QStringLiteral("skip"));
            QElapsedTimer timer;
            timer.start();
            testing::ProgramOptions options;
            options.directory = folder;
            options.environment = environment;
            options.timeoutMs = 180000;
            const Run installed = testing::runProgram(npm,
                                                      {QStringLiteral("install"), QStringLiteral("--ignore-scripts"),
                                                       QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
                                                       QString::fromLatin1(kOnnxRuntimePackage)},
                                                      options);
            QVERIFY2(installed.exitCode == 0,
                     qPrintable(QStringLiteral("npm could not install %1 into %2 (is the npm registry reachable?): %3")
                                    .arg(QString::fromLatin1(kOnnxRuntimePackage), folder, installed.err)));
            qInfo().noquote() << "installed" << kOnnxRuntimePackage << "into" << folder << "in" << timer.elapsed()
                              << "ms";
        }
        QVERIFY2(!binding().isEmpty(),
                 qPrintable(QStringLiteral("%1 holds no linux/x64 onnxruntime_binding.node: the package does not "
                                           "carry the Linux CPU runtime; remove the folder to reinstall")
                                .arg(m_nodeModules)));
        const Run loaded = runNode(
            {QStringLiteral("-e"), QStringLiteral("console.log(require('onnxruntime-node').env.versions.common)")});
        QVERIFY2(loaded.exitCode == 0, qPrintable(QStringLiteral("onnxruntime-node does not load: ") + loaded.err));
        qInfo().noquote() << "ONNX Runtime" << loaded.out.trimmed() << "from" << binding();
    }

    QString binding() const
    {
        QDirIterator files(m_nodeModules + QStringLiteral("/onnxruntime-node/bin"),
                           {QStringLiteral("onnxruntime_binding.node")}, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            if (file.contains(QStringLiteral("/linux/x64/")))
                return file;
        }
        return {};
    }

    Run runNode(const QStringList &arguments) const
    {
        testing::ProgramOptions options;
        options.environment.insert(QStringLiteral("NODE_PATH"), m_nodeModules);
        return testing::runProgram(m_node, arguments, options);
    }

    // Every output of every row: ONNX Runtime's against predict's CSV, at most kTolerance apart;
    // the classes equal. Prints the largest difference of each output.
    void compare(const MultiTaskModel &model, const QString &predictedPath, const QString &outputsPath,
                 std::size_t rows, const QString &name)
    {
        CsvOptions options;
        for (const TargetEncoding &task : model.tasks()) {
            if (task.spec.type == TaskType::Multiclass)
                options.categoricalColumns.push_back(task.spec.name() + ".class");
        }
        const Table predicted = readCsvFile(predictedPath.toStdString(), options).table;
        QCOMPARE(predicted.rowCount(), rows);
        const QJsonObject outputs = QJsonDocument::fromJson(readAll(outputsPath)).object();
        const auto onnxFloats = [&](const std::string &output, std::size_t width) {
            const QJsonObject tensor = outputs.value(QString::fromStdString(output)).toObject();
            const QJsonArray dims = tensor.value(QStringLiteral("dims")).toArray();
            std::vector<float> values;
            if (dims.size() != 2 || dims[0].toInteger() != static_cast<qint64>(rows) ||
                dims[1].toInteger() != static_cast<qint64>(width))
                return values;
            for (const QJsonValue &value : tensor.value(QStringLiteral("data")).toArray())
                values.push_back(value.isNull() ? std::numeric_limits<float>::quiet_NaN()
                                                : static_cast<float>(value.toDouble()));
            return values;
        };
        const auto predictedFloats = [&](const std::string &column) { return predicted.column(column).values; };
        const auto check = [&](const std::string &output, double difference) {
            qInfo().noquote() << name << QString::fromStdString(output)
                              << "largest |ONNX Runtime - predict| =" << difference;
            QVERIFY2(
                difference <= kTolerance,
                qPrintable(
                    QStringLiteral("%1: %2 differs by %3").arg(name, QString::fromStdString(output)).arg(difference)));
        };
        for (const TargetEncoding &task : model.tasks()) {
            const std::string &taskName = task.spec.name();
            if (task.spec.type == TaskType::Binary) {
                check(taskName + ".probability", largestDifference(onnxFloats(taskName + ".probability", 1),
                                                                   predictedFloats(taskName + ".probability")));
            } else if (task.spec.type == TaskType::Regression) {
                check(taskName + ".value",
                      largestDifference(onnxFloats(taskName + ".value", 1), predictedFloats(taskName + ".value")));
            } else {
                const std::size_t classes = task.classes.size();
                const std::vector<float> probabilities = onnxFloats(taskName + ".probabilities", classes);
                QCOMPARE(probabilities.size(), rows * classes);
                double largest = 0;
                for (std::size_t k = 0; k < classes; ++k) {
                    std::vector<float> column(rows);
                    for (std::size_t r = 0; r < rows; ++r)
                        column[r] = probabilities[r * classes + k];
                    largest = std::max(largest, largestDifference(column, predictedFloats(taskName + ".probability." +
                                                                                          task.classes[k])));
                }
                check(taskName + ".probabilities", largest);
                const QJsonArray labels = outputs.value(QString::fromStdString(taskName + ".class"))
                                              .toObject()
                                              .value(QStringLiteral("data"))
                                              .toArray();
                QCOMPARE(static_cast<std::size_t>(labels.size()), rows);
                const Column &predictedClass = predicted.column(taskName + ".class");
                std::size_t differing = 0;
                for (std::size_t r = 0; r < rows; ++r)
                    differing +=
                        labels[static_cast<qsizetype>(r)].toString().toStdString() != predictedClass.cellText(r);
                qInfo().noquote() << name << QString::fromStdString(taskName + ".class")
                                  << "rows whose class differs:" << differing;
                QCOMPARE(differing, std::size_t{0});
            }
        }
    }

    QTemporaryDir m_work;
    QString m_node, m_nodeModules;
    TextTable m_plain, m_gappy;
    std::vector<QString> m_exported;
};

QTEST_GUILESS_MAIN(OnnxTest)
#include "tst_onnx.moc"
