// The project file: a round trip gives back every run, metric, score and comparison bit for bit;
// damaged, edited, truncated and newer files are refused with a message naming the file; the
// data fingerprint tells a changed file from a copied one.

#include "TestTables.h"
#include "common/Error.h"
#include "io/ModelFile.h"
#include "io/SealedFile.h"
#include "project/ProjectFile.h"
#include "train/Experiment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cstring>
#include <limits>

using namespace cmtl;

namespace {

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

template <typename T> bool sameBytes(const std::vector<T> &a, const std::vector<T> &b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Every number of two reports compared by its bits (NaN equals NaN of the same bits).
QString reportDifference(const EvaluationReport &a, const EvaluationReport &b)
{
    if (a.part != b.part || a.source != b.source || a.tasks.size() != b.tasks.size())
        return QStringLiteral("part, source or task count differ");
    for (std::size_t t = 0; t < a.tasks.size(); ++t) {
        const TaskEvaluation &x = a.tasks[t], &y = b.tasks[t];
        const QString where = QString::fromStdString(a.part + "/" + x.task);
        if (x.task != y.task || x.type != y.type || x.classes != y.classes || x.count != y.count)
            return where + QStringLiteral(": name, type, classes or count differ");
        if (x.binary.has_value() != y.binary.has_value() || x.multiclass.has_value() != y.multiclass.has_value() ||
            x.regression.has_value() != y.regression.has_value())
            return where + QStringLiteral(": kinds of metrics differ");
        if (x.binary) {
            const BinaryMetrics &m = *x.binary, &n = *y.binary;
            for (const auto &[p, q] : {std::pair{m.auc, n.auc},
                                       {m.ks, n.ks},
                                       {m.gini, n.gini},
                                       {m.logLoss, n.logLoss},
                                       {m.brier, n.brier},
                                       {m.threshold, n.threshold},
                                       {m.accuracy, n.accuracy},
                                       {m.precision, n.precision},
                                       {m.recall, n.recall},
                                       {m.f1, n.f1}}) {
                if (!sameBits(p, q))
                    return where + QStringLiteral(": binary metric %1 became %2").arg(p, 0, 'g', 17).arg(q, 0, 'g', 17);
            }
            if (m.count != n.count || m.positives != n.positives ||
                m.confusion.truePositive != n.confusion.truePositive ||
                m.confusion.falsePositive != n.confusion.falsePositive ||
                m.confusion.trueNegative != n.confusion.trueNegative ||
                m.confusion.falseNegative != n.confusion.falseNegative)
                return where + QStringLiteral(": binary counts differ");
            if (x.roc.size() != y.roc.size())
                return where + QStringLiteral(": ROC lengths differ");
            for (std::size_t i = 0; i < x.roc.size(); ++i) {
                if (!sameBits(x.roc[i].threshold, y.roc[i].threshold) ||
                    !sameBits(x.roc[i].falsePositiveRate, y.roc[i].falsePositiveRate) ||
                    !sameBits(x.roc[i].truePositiveRate, y.roc[i].truePositiveRate))
                    return where + QStringLiteral(": ROC point %1 differs").arg(i);
            }
        }
        if (x.multiclass) {
            const MulticlassMetrics &m = *x.multiclass, &n = *y.multiclass;
            if (!sameBits(m.accuracy, n.accuracy) || !sameBits(m.macroF1, n.macroF1) ||
                !sameBits(m.logLoss, n.logLoss) || m.count != n.count || m.confusion != n.confusion ||
                !sameBytes(m.oneVsRestAuc, n.oneVsRestAuc))
                return where + QStringLiteral(": multiclass metrics differ");
        }
        if (x.regression) {
            const RegressionMetrics &m = *x.regression, &n = *y.regression;
            if (!sameBits(m.rmse, n.rmse) || !sameBits(m.mae, n.mae) || !sameBits(m.r2, n.r2) || m.count != n.count)
                return where + QStringLiteral(": regression metrics differ");
        }
    }
    return {};
}

// A file with the same JSON as `bytes` after `edit`, with a valid header and checksum: what
// a hand edit that also fixed the checksum would give.
QByteArray resigned(const QByteArray &bytes, const std::function<void(QJsonObject &)> &edit)
{
    const qsizetype firstLineEnd = bytes.indexOf('\n');
    const qsizetype jsonSize = bytes.first(firstLineEnd).split(' ')[2].toLongLong();
    QJsonObject root = QJsonDocument::fromJson(bytes.sliced(firstLineEnd + 1, jsonSize)).object();
    edit(root);
    const QByteArray json = QJsonDocument(root).toJson();
    QByteArray file = "CreditMTL-project 1 " + QByteArray::number(json.size()) + '\n' + json;
    return file + sha256Line(file);
}

void expectRefusal(QByteArrayView bytes, const char *name, const std::vector<std::string> &words)
{
    try {
        parseProject(bytes, name);
        QFAIL(qPrintable(QStringLiteral("%1 was accepted").arg(QLatin1String(name))));
    } catch (const DataError &error) {
        const std::string message = error.what();
        QVERIFY2(message.find(name) != std::string::npos, message.c_str());
        for (const std::string &word : words)
            QVERIFY2(message.find(word) != std::string::npos, (word + " not in: " + message).c_str());
    }
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripIsExact();
    void filesOfEarlierBuildsAreWrittenBackByteForByte();
    void savesAtomicallyAndLoadsFromAPath();
    void refusesANewerFormatVersion();
    void refusesTruncatedFiles();
    void refusesEditedFiles();
    void refusesBadFieldsBehindAValidChecksum();
    void refusesOtherFiles();
    void fingerprintTellsChangedFromCopied();
    void keepsDataPreparationAndLoadsOlderProjects();
    void keepsTheEditedBinning();

private:
    QTemporaryDir m_directory;
    Table m_table;
    ProjectContents m_contents;
    QByteArray m_bytes;
};

void TestProjectFile::initTestCase()
{
    m_table = testing::syntheticLoans(900, 17);
    const RoleAssignment roles = testing::threeTaskRoles(m_table, 2.0);
    ExperimentConfig config = testing::smallConfig();
    config.train.epochs = 3;
    ExperimentResult result = runExperiment(m_table, roles, config);

    const QString dataPath = m_directory.filePath(QStringLiteral("loans.csv"));
    QFile data(dataPath);
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("a,b\n1,2\n3,4\n");
    data.close();

    m_contents.data.path = dataPath.toStdString();
    m_contents.data.options.delimiter = ';';
    m_contents.data.options.missingTokens = {"NA", "-"};
    m_contents.data.options.encoding = "GB18030";
    m_contents.data.options.categoricalColumns = {"term"};
    m_contents.data.fingerprint = fingerprintFile(m_contents.data.path);
    m_contents.data.fingerprint.rows = 2;
    // The task order (rate first) is the user's, not the columns'.
    m_contents.configuration.tasks = {roles.tasks[2], roles.tasks[0], roles.tasks[1]};
    m_contents.configuration.ignored = {"id"};
    m_contents.configuration.config = config;
    m_contents.testFile = "/data/out-of-time.csv";
    m_contents.recoveredFrom = "/projects/q1.cmtlproj";

    ProjectRun run;
    run.id = 3;
    run.name = "Run 3 — MMoE";
    run.dataSource = m_contents.data.path;
    run.finished = "2026-11-30T10:00:00.123+01:00";
    run.roles = roles;
    run.config = config;
    run.model = {result.model, result.reports, result.history, result.warnings};
    run.split = result.split;
    run.seconds = 1.0 / 3.0;
    run.scores = scoreTasks(result.model, m_table, result.split.test);
    run.scoresPart = "test";
    run.modelPath = "/models/run3.cmtl";
    run.thresholds = {{"default", 0.1 + 0.2}};
    m_contents.runs.push_back(run);
    // A second run without scores (a model opened from a file).
    run.id = 4;
    run.name = "opened";
    run.scores.clear();
    run.scoresPart.clear();
    run.thresholds.clear();
    m_contents.runs.push_back(run);

    ProjectComparison comparison;
    comparison.finished = "2026-11-30T10:05:00.000+01:00";
    comparison.result.candidates = {"logistic", "single-task net", "shared-bottom"};
    comparison.result.scheme = "3-fold cross-validation";
    comparison.result.metrics.push_back({"default",
                                         "auc",
                                         true,
                                         {{0.1, 0.2, 1.0 / 3.0},
                                          {std::nextafter(0.7, 1.0), 0.71, 0.72},
                                          {std::numeric_limits<double>::quiet_NaN(), 4.9e-324, 0.75}}});
    comparison.result.metrics.push_back({"rate", "rmse", false, {{1.5, 1.6, 1.7}, {1.4, 1.3, 1.2}, {1.1, 1.0, 0.9}}});
    m_contents.comparisons.push_back(comparison);

    m_bytes = serializeProject(m_contents);
}

void TestProjectFile::roundTripIsExact()
{
    const ProjectContents loaded = parseProject(m_bytes, "memory");
    // Written again, the project is the same bytes.
    QCOMPARE(serializeProject(loaded), m_bytes);

    QCOMPARE(loaded.data.path, m_contents.data.path);
    QCOMPARE(loaded.data.options.delimiter, ';');
    QVERIFY(loaded.data.options.missingTokens == m_contents.data.options.missingTokens);
    QCOMPARE(loaded.data.options.encoding, std::string("GB18030"));
    QVERIFY(loaded.data.options.categoricalColumns == m_contents.data.options.categoricalColumns);
    QCOMPARE(loaded.data.fingerprint.size, m_contents.data.fingerprint.size);
    QCOMPARE(loaded.data.fingerprint.modifiedMs, m_contents.data.fingerprint.modifiedMs);
    QCOMPARE(loaded.data.fingerprint.sampleSha256, m_contents.data.fingerprint.sampleSha256);
    QCOMPARE(loaded.data.fingerprint.rows, std::int64_t{2});
    QCOMPARE(loaded.configuration.tasks.size(), std::size_t{3});
    QCOMPARE(loaded.configuration.tasks[0].column, std::string("rate"));
    QCOMPARE(loaded.configuration.tasks[1].lambda, 2.0);
    QCOMPARE(loaded.configuration.tasks[1].positiveClass, std::string("bad"));
    QVERIFY(loaded.configuration.ignored == std::vector<std::string>{"id"});
    QCOMPARE(loaded.configuration.config.train.learningRate, m_contents.configuration.config.train.learningRate);
    QCOMPARE(loaded.testFile, m_contents.testFile);
    QCOMPARE(loaded.recoveredFrom, m_contents.recoveredFrom);

    QCOMPARE(loaded.runs.size(), m_contents.runs.size());
    for (std::size_t r = 0; r < loaded.runs.size(); ++r) {
        const ProjectRun &before = m_contents.runs[r], &after = loaded.runs[r];
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.name, before.name);
        QCOMPARE(after.finished, before.finished);
        QVERIFY(after.roles.features == before.roles.features);
        QCOMPARE(after.roles.tasks.size(), before.roles.tasks.size());
        QVERIFY(sameBits(after.seconds, before.seconds));
        QVERIFY(after.split.train == before.split.train && after.split.validation == before.split.validation &&
                after.split.test == before.split.test);
        QCOMPARE(after.scoresPart, before.scoresPart);
        QCOMPARE(after.modelPath, before.modelPath);
        QVERIFY(after.thresholds == before.thresholds);
        // The model predicts bit for bit as before.
        QVERIFY(after.model.model.parameters() == before.model.model.parameters());
        const std::vector<Eigen::MatrixXf> predictedBefore = before.model.model.predict(m_table);
        const std::vector<Eigen::MatrixXf> predictedAfter = after.model.model.predict(m_table);
        for (std::size_t t = 0; t < predictedBefore.size(); ++t)
            QVERIFY(predictedAfter[t] == predictedBefore[t]);
        // Every metric of every part, by its bits.
        QCOMPARE(after.model.reports.size(), before.model.reports.size());
        for (std::size_t p = 0; p < before.model.reports.size(); ++p) {
            const QString difference = reportDifference(before.model.reports[p], after.model.reports[p]);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        QCOMPARE(after.model.history.epochs.size(), before.model.history.epochs.size());
        for (std::size_t e = 0; e < before.model.history.epochs.size(); ++e)
            QVERIFY(
                sameBits(after.model.history.epochs[e].trainObjective, before.model.history.epochs[e].trainObjective));
        // The scores the charts are drawn from.
        QCOMPARE(after.scores.size(), before.scores.size());
        for (std::size_t t = 0; t < before.scores.size(); ++t) {
            const TaskScores &x = before.scores[t], &y = after.scores[t];
            QCOMPARE(y.task, x.task);
            QCOMPARE(y.type, x.type);
            QVERIFY(y.classes == x.classes);
            QVERIFY(sameBytes(y.scores, x.scores) && sameBytes(y.labels, x.labels));
            QVERIFY(y.probabilities == x.probabilities && sameBytes(y.classLabels, x.classLabels));
            QVERIFY(sameBytes(y.predicted, x.predicted) && sameBytes(y.actual, x.actual));
        }
    }
    QVERIFY(!loaded.runs[0].scores.empty());

    QCOMPARE(loaded.comparisons.size(), std::size_t{1});
    const ComparisonResult &before = m_contents.comparisons[0].result, &after = loaded.comparisons[0].result;
    QVERIFY(after.candidates == before.candidates);
    QCOMPARE(after.scheme, before.scheme);
    QCOMPARE(after.metrics.size(), before.metrics.size());
    for (std::size_t m = 0; m < before.metrics.size(); ++m) {
        QCOMPARE(after.metrics[m].higherIsBetter, before.metrics[m].higherIsBetter);
        for (std::size_t c = 0; c < before.metrics[m].values.size(); ++c) {
            for (std::size_t i = 0; i < before.metrics[m].values[c].size(); ++i) {
                const double x = before.metrics[m].values[c][i], y = after.metrics[m].values[c][i];
                QVERIFY(std::isnan(x) ? std::isnan(y) : sameBits(x, y));
            }
        }
    }
}

void TestProjectFile::filesOfEarlierBuildsAreWrittenBackByteForByte()
{
    // The model and project files share one writer and one reader of their first line and
    // checksum (io/SealedFile): files written before that (the fuzzers' seeds, without their
    // checksum line) read and are written again as the same bytes.
    const auto sealedSeed = [](const char *name) {
        QFile file(QStringLiteral(CMTL_SOURCE_DIR "/tests/fuzz/corpus/") + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            return QByteArray();
        const QByteArray content = file.readAll();
        return content + sha256Line(content);
    };
    const QByteArray project = sealedSeed("project/tiny.cmtlproj");
    QVERIFY(project.startsWith("CreditMTL-project 1 "));
    QCOMPARE(serializeProject(parseProject(project, "tiny.cmtlproj")), project);
    const QByteArray model = sealedSeed("model/tiny_v2.cmtl");
    QVERIFY(model.startsWith("CreditMTL-model 2 "));
    QCOMPARE(serializeModel(parseModel(model, "tiny_v2.cmtl")), model);
}

void TestProjectFile::savesAtomicallyAndLoadsFromAPath()
{
    const std::string path = m_directory.filePath(QStringLiteral("work.cmtlproj")).toStdString();
    saveProjectFile(path, m_contents);
    QCOMPARE(serializeProject(loadProjectFile(path)), m_bytes);
    // A failed save names the path and leaves the previous file whole.
    QFile(QString::fromStdString(path)).setPermissions(QFileDevice::ReadOwner);
    const std::string badPath = m_directory.filePath(QStringLiteral("missing/work.cmtlproj")).toStdString();
    try {
        saveProjectFile(badPath, m_contents);
        QFAIL("saving into a missing folder succeeded");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find(badPath) != std::string::npos, error.what());
    }
    QCOMPARE(serializeProject(loadProjectFile(path)), m_bytes);
    try {
        loadProjectFile(badPath);
        QFAIL("a missing file was read");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find(badPath) != std::string::npos, error.what());
    }
}

void TestProjectFile::refusesANewerFormatVersion()
{
    QByteArray newer = m_bytes;
    newer.replace(0, 19, "CreditMTL-project 2");
    expectRefusal(newer, "future.cmtlproj", {"format version 2", "newer CreditMTL", "update CreditMTL"});
}

void TestProjectFile::refusesTruncatedFiles()
{
    expectRefusal(QByteArrayView(m_bytes).first(m_bytes.size() - 10), "cut.cmtlproj", {"truncated"});
    // Every prefix is refused without a crash.
    for (qsizetype size = 0; size < m_bytes.size(); size += std::max<qsizetype>(1, m_bytes.size() / 997))
        QVERIFY_THROWS_EXCEPTION(DataError, parseProject(QByteArrayView(m_bytes).first(size), "prefix"));
    QByteArray longer = m_bytes + "x";
    expectRefusal(longer, "longer.cmtlproj", {"1 unexpected bytes"});
}

void TestProjectFile::refusesEditedFiles()
{
    QByteArray edited = m_bytes;
    const qsizetype at = edited.indexOf("\"lambda\": 2");
    QVERIFY(at > 0);
    edited[at + 10] = '3';
    expectRefusal(edited, "edited.cmtlproj", {"checksum", "edited or damaged"});
    // A flipped bit anywhere in the content is caught.
    QByteArray flipped = m_bytes;
    flipped[m_bytes.size() / 2] = static_cast<char>(flipped[m_bytes.size() / 2] ^ 0x04);
    expectRefusal(flipped, "flipped.cmtlproj", {"checksum"});
}

void TestProjectFile::refusesBadFieldsBehindAValidChecksum()
{
    QVERIFY_THROWS_NO_EXCEPTION(parseProject(resigned(m_bytes, [](QJsonObject &) {}), "resigned"));
    const auto editRun = [&](const std::function<void(QJsonObject &)> &edit) {
        return resigned(m_bytes, [&](QJsonObject &root) {
            QJsonArray runs = root[QLatin1String("runs")].toArray();
            QJsonObject run = runs[0].toObject();
            edit(run);
            runs[0] = run;
            root[QLatin1String("runs")] = runs;
        });
    };
    // Scores of the wrong length.
    expectRefusal(editRun([](QJsonObject &run) {
                      QJsonArray scores = run[QLatin1String("scores")].toArray();
                      QJsonObject task = scores[0].toObject();
                      task[QLatin1String("rows")] = task[QLatin1String("rows")].toDouble() + 1;
                      scores[0] = task;
                      run[QLatin1String("scores")] = scores;
                  }),
                  "rows.cmtlproj", {"project.runs[0].scores[0].scores", "should hold"});
    // A model that is not a model file.
    expectRefusal(editRun([](QJsonObject &run) { run[QLatin1String("model")] = QStringLiteral("aGVsbG8="); }),
                  "model.cmtlproj", {"not a CreditMTL model file", "run \"Run 3"});
    expectRefusal(editRun([](QJsonObject &run) { run[QLatin1String("model")] = QStringLiteral("*not base64*"); }),
                  "base64.cmtlproj", {"project.runs[0].model", "base64"});
    // A missing field.
    expectRefusal(resigned(m_bytes, [](QJsonObject &root) { root.remove(QLatin1String("comparisons")); }),
                  "missing.cmtlproj", {"project.comparisons", "is missing"});
    // A comparison whose values do not match its candidates.
    expectRefusal(resigned(m_bytes,
                           [](QJsonObject &root) {
                               QJsonArray comparisons = root[QLatin1String("comparisons")].toArray();
                               QJsonObject comparison = comparisons[0].toObject();
                               comparison[QLatin1String("candidates")] = QJsonArray{QStringLiteral("only one")};
                               comparisons[0] = comparison;
                               root[QLatin1String("comparisons")] = comparisons;
                           }),
                  "comparison.cmtlproj", {"values", "one list of values per candidate"});
}

// The column types, the values treated as missing per column, the separators and the ID / keep
// columns come back; a project written before they were saved loads with none of them.
void TestProjectFile::keepsDataPreparationAndLoadsOlderProjects()
{
    ProjectContents contents = m_contents;
    contents.data.options.numericColumns = {"income"};
    contents.data.options.columnMissingValues["income"] = {"twelve thousand", "n/a"};
    contents.data.options.decimalSeparator = ',';
    contents.data.options.thousandsSeparator = '.';
    contents.keptColumns = {"loan_id"};
    contents.runs.front().roles.kept = {"loan_id"};
    const QByteArray bytes = serializeProject(contents);
    const ProjectContents loaded = parseProject(bytes, "memory");
    QCOMPARE(loaded.data.options.numericColumns, std::vector<std::string>{"income"});
    QVERIFY(loaded.data.options.columnMissingValues == contents.data.options.columnMissingValues);
    QCOMPARE(loaded.data.options.decimalSeparator, ',');
    QCOMPARE(loaded.data.options.thousandsSeparator, '.');
    QCOMPARE(loaded.keptColumns, std::vector<std::string>{"loan_id"});
    QCOMPARE(loaded.runs.front().roles.kept, std::vector<std::string>{"loan_id"});
    QCOMPARE(serializeProject(loaded), bytes);

    const ProjectContents older =
        parseProject(resigned(bytes,
                              [](QJsonObject &root) {
                                  QJsonObject data = root[QLatin1String("data")].toObject();
                                  QJsonObject options = data[QLatin1String("options")].toObject();
                                  for (const char *field : {"numeric_columns", "column_missing_values",
                                                            "decimal_separator", "thousands_separator"})
                                      options.remove(QLatin1String(field));
                                  data[QLatin1String("options")] = options;
                                  root[QLatin1String("data")] = data;
                                  root.remove(QLatin1String("kept_columns"));
                                  QJsonArray runs = root[QLatin1String("runs")].toArray();
                                  QJsonObject run = runs[0].toObject();
                                  run.remove(QLatin1String("kept"));
                                  runs[0] = run;
                                  root[QLatin1String("runs")] = runs;
                              }),
                     "older");
    QVERIFY(older.data.options.numericColumns.empty());
    QVERIFY(older.data.options.columnMissingValues.empty());
    QCOMPARE(older.data.options.decimalSeparator, char{0});
    QCOMPARE(older.data.options.thousandsSeparator, char{0});
    QVERIFY(older.keptColumns.empty());
    QVERIFY(older.runs.front().roles.kept.empty());
    QCOMPARE(older.runs.size(), contents.runs.size());

    expectRefusal(resigned(bytes,
                           [](QJsonObject &root) {
                               QJsonObject data = root[QLatin1String("data")].toObject();
                               QJsonObject options = data[QLatin1String("options")].toObject();
                               options[QLatin1String("thousands_separator")] = QStringLiteral("..");
                               data[QLatin1String("options")] = options;
                               root[QLatin1String("data")] = data;
                           }),
                  "separator.cmtlproj", {"thousands_separator", "one character"});
}

void TestProjectFile::refusesOtherFiles()
{
    expectRefusal(QByteArrayView(""), "empty.cmtlproj", {"not a CreditMTL project file"});
    expectRefusal(QByteArrayView("x1,x2\n1,2\n"), "data.csv", {"not a CreditMTL project file"});
    expectRefusal(QByteArrayView("CreditMTL-project 1 -5\n"), "bad.cmtlproj", {"first line"});
    expectRefusal(QByteArrayView("CreditMTL-project 0 5\n"), "zero.cmtlproj", {"version 0 does not exist"});
    // A size that would overflow the arithmetic is refused, not used.
    expectRefusal(QByteArrayView("CreditMTL-project 1 9223372036854775807\n{}"), "huge.cmtlproj",
                  {"truncated", "9223372036854775807"});
}

void TestProjectFile::fingerprintTellsChangedFromCopied()
{
    // A file larger than the two sampled ends, so that the middle is not sampled.
    QByteArray content;
    for (int i = 0; i < 20000; ++i)
        content += "row," + QByteArray::number(i) + "\n";
    QVERIFY(content.size() > 2 * 64 * 1024);
    const QString path = m_directory.filePath(QStringLiteral("fingerprint.csv"));
    const auto write = [](const QString &target, const QByteArray &bytes) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write(path, content);
    const DataFingerprint original = fingerprintFile(path.toStdString());
    QCOMPARE(original.size, content.size());
    QCOMPARE(original.sampleSha256.size(), std::size_t{64});

    // A copy elsewhere, written later: the same content.
    const QString copy = m_directory.filePath(QStringLiteral("copy.csv"));
    write(copy, content);
    QFile(copy).setFileTime(QDateTime::currentDateTime().addDays(1), QFileDevice::FileModificationTime);
    const DataFingerprint copied = fingerprintFile(copy.toStdString());
    QVERIFY(copied.modifiedMs != original.modifiedMs);
    QVERIFY(sameContent(original, copied));

    // An edited last line, the same size: changed.
    QByteArray edited = content;
    edited[edited.size() - 2] = '8';
    write(copy, edited);
    QVERIFY(!sameContent(original, fingerprintFile(copy.toStdString())));
    // An edited first line: changed.
    edited = content;
    edited[0] = 'R';
    write(copy, edited);
    QVERIFY(!sameContent(original, fingerprintFile(copy.toStdString())));
    // A row appended: changed.
    write(copy, content + "row,20000\n");
    QVERIFY(!sameContent(original, fingerprintFile(copy.toStdString())));
    // Different row counts, once both are known: changed.
    DataFingerprint counted = original, recounted = original;
    counted.rows = 20000;
    recounted.rows = 19999;
    QVERIFY(!sameContent(counted, recounted));
    recounted.rows = 20000;
    QVERIFY(sameContent(counted, recounted));
    // A file that cannot be read is refused by name.
    try {
        fingerprintFile("/nonexistent/loans.csv");
        QFAIL("a missing file was fingerprinted");
    } catch (const DataError &error) {
        QVERIFY2(std::string(error.what()).find("/nonexistent/loans.csv") != std::string::npos, error.what());
    }
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"

void TestProjectFile::keepsTheEditedBinning()
{
    // A project without Binning work has no "binning" field: its bytes are those of earlier builds.
    QVERIFY(!m_bytes.contains("\"binning\""));
    QVERIFY(parseProject(m_bytes, "memory").binning.empty());

    ProjectContents contents = m_contents;
    contents.binning.taskColumn = "Class";
    contents.binning.positiveClass = "bad";
    FeatureBinning income;
    income.feature = "income";
    income.trend = BinTrend::Descending;
    income.fineBinCount = 20;
    Bin low, high, special, missing;
    low.upper = 1234.5678901234567; // a double that is no float: kept to the last bit
    low.events = 30;
    low.nonEvents = 70;
    high.lower = low.upper;
    high.events = 10;
    high.nonEvents = 90;
    special.kind = BinKind::Special;
    special.special = -999;
    special.events = 0; // an empty cell: the small-count adjustment applies after reading too
    special.nonEvents = 5;
    missing.kind = BinKind::Missing;
    missing.events = 4;
    missing.nonEvents = 6;
    income.bins = {low, high, special, missing};
    computeBinStatistics(income);
    FeatureBinning grade;
    grade.feature = "grade";
    grade.categorical = true;
    Bin ab, c, notApplicable;
    ab.kind = BinKind::Levels;
    ab.levels = {"A", "B"};
    ab.events = 5;
    ab.nonEvents = 95;
    c.kind = BinKind::Levels;
    c.levels = {"C"};
    c.events = 35;
    c.nonEvents = 65;
    notApplicable.kind = BinKind::Special;
    notApplicable.levels = {"n/a"};
    notApplicable.events = 4;
    notApplicable.nonEvents = 11;
    grade.bins = {ab, c, notApplicable};
    computeBinStatistics(grade);
    contents.binning.edited = {income, grade};

    const QByteArray bytes = serializeProject(contents);
    const ProjectContents loaded = parseProject(bytes, "memory");
    QCOMPARE(loaded.binning.taskColumn, std::string("Class"));
    QCOMPARE(loaded.binning.positiveClass, std::string("bad"));
    QCOMPARE(loaded.binning.edited.size(), std::size_t(2));
    for (std::size_t f = 0; f < 2; ++f) {
        const FeatureBinning &a = contents.binning.edited[f], &b = loaded.binning.edited[f];
        QCOMPARE(b.feature, a.feature);
        QCOMPARE(b.categorical, a.categorical);
        QCOMPARE(b.trend, a.trend);
        QCOMPARE(b.fineBinCount, a.fineBinCount);
        QCOMPARE(b.bins.size(), a.bins.size());
        for (std::size_t i = 0; i < a.bins.size(); ++i) {
            const Bin &x = a.bins[i], &y = b.bins[i];
            QCOMPARE(y.kind, x.kind);
            QVERIFY(sameBits(y.lower, x.lower) && sameBits(y.upper, x.upper) && sameBits(y.special, x.special));
            QCOMPARE(y.levels, x.levels);
            QCOMPARE(y.events, x.events);
            QCOMPARE(y.nonEvents, x.nonEvents);
            QVERIFY(sameBits(y.woe, x.woe) && sameBits(y.iv, x.iv));
        }
        QVERIFY(sameBits(b.iv, a.iv) && sameBits(b.auc, a.auc));
    }
    QCOMPARE(serializeProject(loaded), bytes);

    const auto editBin = [&](const std::function<void(QJsonObject &)> &edit) {
        return resigned(bytes, [&](QJsonObject &root) {
            QJsonObject binning = root[QLatin1String("binning")].toObject();
            QJsonArray edited = binning[QLatin1String("edited")].toArray();
            QJsonObject feature = edited[0].toObject();
            QJsonArray bins = feature[QLatin1String("bins")].toArray();
            QJsonObject bin = bins[0].toObject();
            edit(bin);
            bins[0] = bin;
            feature[QLatin1String("bins")] = bins;
            edited[0] = feature;
            binning[QLatin1String("edited")] = edited;
            root[QLatin1String("binning")] = binning;
        });
    };
    expectRefusal(editBin([](QJsonObject &bin) { bin[QLatin1String("kind")] = QStringLiteral("ranges"); }), "bad kind",
                  {"kind", "range, levels, missing or special"});
    expectRefusal(editBin([](QJsonObject &bin) { bin[QLatin1String("upper")] = -5000.0; }), "bad upper",
                  {"lower", "upper end of the bin before"});
    expectRefusal(editBin([](QJsonObject &bin) { bin[QLatin1String("lower")] = 2000.0; }), "bad lower",
                  {"upper", "above lower"});
    expectRefusal(editBin([](QJsonObject &bin) { bin[QLatin1String("events")] = -1; }), "bad count",
                  {"events", "whole number"});
}
