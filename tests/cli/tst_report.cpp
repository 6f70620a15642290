// The model report (creditmtl-cli report) on a part of the bundled Lending Club sample, with a
// binary, a multiclass and a regression task: every section is present, the file is well-formed
// XHTML without any external resource, and every number it carries in data-key / data-value
// attributes equals what the engine's functions give for the same model and data, the multi-task
// evidence from a comparison (compare --out-json) among them. About 10 s in a Release build.

#include "ProgramRun.h"
#include "csv/CsvReader.h"
#include "explain/PermutationImportance.h"
#include "io/ModelFile.h"
#include "metrics/Gains.h"
#include "metrics/TaskScores.h"
#include "report/ComparisonJson.h"
#include "report/ModelData.h"
#include "report/ModelReport.h"
#include "report/ModelStability.h"
#include "train/Experiment.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <map>
#include <set>

using namespace cmtl;

namespace {

using Run = testing::ProgramRun;
using testing::readAll;
using testing::runCli;

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

// What a report holds, read with an XML parser: the keyed numbers, the ids of the sections and of
// the charts, and the attribute values that could fetch something.
struct ParsedReport {
    std::map<std::string, std::string> values;
    std::set<std::string> sections, charts;
    std::vector<std::string> references; // src and href attributes
    QString error;                       // the parser's complaint; empty for well-formed XML
    QString text;                        // the character data
};

ParsedReport parseReport(const QByteArray &html)
{
    ParsedReport parsed;
    QXmlStreamReader reader(html);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isCharacters()) {
            parsed.text += reader.text();
        } else if (reader.isStartElement()) {
            const QXmlStreamAttributes attributes = reader.attributes();
            if (attributes.hasAttribute(arg("data-key")))
                parsed.values[attributes.value(arg("data-key")).toString().toStdString()] =
                    attributes.value(arg("data-value")).toString().toStdString();
            if (reader.name() == arg("section"))
                parsed.sections.insert(attributes.value(arg("id")).toString().toStdString());
            if (reader.name() == arg("svg"))
                parsed.charts.insert(attributes.value(arg("id")).toString().toStdString());
            for (const char *reference : {"src", "href"}) {
                if (attributes.hasAttribute(arg(reference)))
                    parsed.references.push_back(attributes.value(arg(reference)).toString().toStdString());
            }
        }
    }
    if (reader.hasError())
        parsed.error = QStringLiteral("line %1, column %2: %3")
                           .arg(reader.lineNumber())
                           .arg(reader.columnNumber())
                           .arg(reader.errorString());
    return parsed;
}

} // namespace

// The report's number under `key` is exactly `expected` (both NaN counts as equal): the report
// writes 17 significant digits, which read back as the same double. QCOMPARE's fuzzy comparison
// of doubles would let a rounded number pass.
#define CMTL_SAME(key, expected)                                                                                       \
    do {                                                                                                               \
        const std::string key_ = (key);                                                                                \
        const double actual_ = number(key_), expected_ = (expected);                                                   \
        QVERIFY2(actual_ == expected_ || (std::isnan(actual_) && std::isnan(expected_)),                               \
                 qPrintable(QStringLiteral("%1: report %2, engine %3")                                                 \
                                .arg(QString::fromStdString(key_))                                                     \
                                .arg(actual_, 0, 'g', 17)                                                              \
                                .arg(expected_, 0, 'g', 17)));                                                         \
    } while (false)

class TestReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySectionAndChartIsPresent();
    void isWellFormedAndSelfContained();
    void numbersEqualTheEngines();
    void aModelWithoutHistorySaysSo();
    void sameInputsGiveTheSameReport();
    void comparisonIsTheMultitaskEvidence();
    void comparisonOfOtherTasksOrDataIsRefused();
    void limitationsCountWhatTrainingDidNotSee();
    void periodIsTheEarliestAndLatestValue();

private:
    // The report's number under `key`, parsed back as the double it was written from.
    double number(const std::string &key) const;
    Table read(const QString &path, bool withTasks) const;

    QTemporaryDir m_directory;
    QString m_train, m_test, m_model, m_report, m_comparison;
    QByteArray m_html;
    ParsedReport m_parsed;
};

void TestReport::initTestCase()
{
    // Training: the sample's first 2,000 loans; evaluated: the next 1,500.
    QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray header = sample.readLine();
    QByteArray train = header, test = header;
    for (int line = 0; line < 3500 && !sample.atEnd(); ++line)
        (line < 2000 ? train : test) += sample.readLine();
    m_train = m_directory.filePath(arg("train.csv"));
    m_test = m_directory.filePath(arg("test.csv"));
    for (const auto &[path, bytes] : {std::pair{m_train, train}, std::pair{m_test, test}}) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
    }
    m_model = m_directory.filePath(arg("m.cmtl"));
    const Run trained =
        runCli({arg("train"), arg("--data"), m_train, arg("--task"), arg("Class:binary:bad"), arg("--task"),
                arg("grade:multiclass"), arg("--task"), arg("int_rate:regression"), arg("--epochs"), arg("8"),
                arg("--hidden"), arg("16"), arg("--seed"), arg("3"), arg("--out"), m_model});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    // The multi-task evidence: the network against the references, 3 folds of the training file.
    m_comparison = m_directory.filePath(arg("comparison.json"));
    const Run compared =
        runCli({arg("compare"), arg("--data"), m_train, arg("--task"), arg("Class:binary:bad"), arg("--task"),
                arg("grade:multiclass"), arg("--task"), arg("int_rate:regression"), arg("--folds"), arg("3"),
                arg("--candidate"), arg("shared-bottom"), arg("--epochs"), arg("3"),
                // The logistic reference trains with at least the patience
                // given (10 when off): the default 30 is minutes under ASan.
                arg("--patience"), arg("0"), arg("--hidden"), arg("8"), arg("--seed"), arg("3"), arg("--out-json"),
                m_comparison});
    QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
    m_report = m_directory.filePath(arg("report.html"));
    const Run report =
        runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_test, arg("--base"), m_train, arg("--out"),
                m_report, arg("--repeats"), arg("3"), arg("--seed"), arg("7"), arg("--comparison"), m_comparison});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    m_html = readAll(m_report);
    m_parsed = parseReport(m_html);
}

double TestReport::number(const std::string &key) const
{
    const auto found = m_parsed.values.find(key);
    if (found == m_parsed.values.end()) {
        QTest::qFail(("no number under " + key).c_str(), __FILE__, __LINE__);
        return std::numeric_limits<double>::quiet_NaN();
    }
    return std::strtod(found->second.c_str(), nullptr);
}

Table TestReport::read(const QString &path, bool withTasks) const
{
    const ModelFileContents contents = loadModelFile(m_model.toStdString());
    return readCsvFile(path.toStdString(), csvOptionsForModel(contents.model, withTasks, {})).table;
}

void TestReport::everySectionAndChartIsPresent()
{
    for (const char *section : {"purpose", "configuration", "preprocessing", "training", "metrics", "charts",
                                "importance", "stability", "multitask", "limitations"})
        QVERIFY2(m_parsed.sections.count(section) == 1, section);
    for (const char *chart : {"training-objective", "training-metric-0", "task-Class-roc", "task-Class-ks",
                              "task-Class-lift", "task-Class-calibration", "task-int_rate-residuals",
                              "task-int_rate-predicted", "importance-Class", "importance-grade", "importance-int_rate"})
        QVERIFY2(m_parsed.charts.count(chart) == 1, chart);
    // The multiclass confusion matrix (7 grades) and the binary one at the threshold.
    QVERIFY(m_parsed.values.count("confusion.grade.0.0") == 1);
    QVERIFY(m_parsed.values.count("confusion.Class.1.1") == 1);
    QVERIFY(m_parsed.text.contains(arg("Multi-task evidence")));
    QVERIFY(m_parsed.text.contains(arg("Did sharing across tasks help?")));
}

void TestReport::isWellFormedAndSelfContained()
{
    QVERIFY2(m_parsed.error.isEmpty(), qPrintable(m_parsed.error));
    QVERIFY(m_html.startsWith("<?xml"));
    QVERIFY(m_parsed.references.empty()); // no image, style sheet or link to fetch
    QVERIFY(!m_html.contains("<script"));
    QVERIFY(!m_html.contains("url("));
    // The only URLs are the XML namespaces.
    QCOMPARE(m_html.count("http"), m_html.count("xmlns=\"http://www.w3.org/1999/xhtml\"") +
                                       m_html.count("xmlns=\"http://www.w3.org/2000/svg\""));
}

void TestReport::numbersEqualTheEngines()
{
    const ModelFileContents contents = loadModelFile(m_model.toStdString());
    const MultiTaskModel &model = contents.model;
    const Table test = read(m_test, true);
    const Table train = read(m_train, false);

    // The checksum, computed here independently.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(readAll(m_model));
    QCOMPARE(QString::fromStdString(m_parsed.values.at("model.sha256")), QString::fromLatin1(hash.result().toHex()));
    CMTL_SAME("config.seed", 3.0);

    // Data summary.
    CMTL_SAME("data.rows", 1500.0);
    CMTL_SAME("base.rows", 2000.0);
    CMTL_SAME("data.columns", double(test.columnCount()));
    const Column &revolUtil = test.column("revol_util");
    std::int64_t missing = 0;
    for (std::size_t row = 0; row < revolUtil.size(); ++row)
        missing += revolUtil.isMissing(row) ? 1 : 0;
    CMTL_SAME("data.missing.revol_util", double(missing));

    // Metrics: those the evaluate command computes, and those stored by training.
    const EvaluationReport evaluation = evaluateModel(model, test, "evaluated");
    int compared = 0;
    for (const TaskEvaluation &task : evaluation.tasks) {
        const std::string key = "metric.evaluated." + task.task + ".";
        CMTL_SAME(key + "count", double(task.count));
        if (task.binary) {
            CMTL_SAME(key + "auc", task.binary->auc);
            CMTL_SAME(key + "ks", task.binary->ks);
            CMTL_SAME(key + "log_loss", task.binary->logLoss);
            CMTL_SAME(key + "brier", task.binary->brier);
            CMTL_SAME("baserate." + task.task, double(task.binary->positives) / double(task.binary->count));
            compared += 4;
        } else if (task.multiclass) {
            CMTL_SAME(key + "accuracy", task.multiclass->accuracy);
            CMTL_SAME(key + "macro_f1", task.multiclass->macroF1);
            for (Eigen::Index r = 0; r < task.multiclass->confusion.rows(); ++r)
                for (Eigen::Index c = 0; c < task.multiclass->confusion.cols(); ++c)
                    CMTL_SAME("confusion." + task.task + "." + std::to_string(r) + "." + std::to_string(c),
                              double(task.multiclass->confusion(r, c)));
            compared += 2;
        } else {
            CMTL_SAME(key + "rmse", task.regression->rmse);
            CMTL_SAME(key + "r2", task.regression->r2);
            compared += 2;
        }
    }
    QCOMPARE(compared, 8);
    QVERIFY(!contents.reports.empty());
    for (const EvaluationReport &stored : contents.reports)
        CMTL_SAME("metric." + stored.part + ".Class.auc", stored.tasks.at(0).binary->auc);

    // Gains and calibration of the binary task.
    const std::vector<TaskScores> scores = scoreTasks(model, test);
    const GainsTable gains = gainsTable(scores.at(0).scores, scores.at(0).labels, 10);
    QCOMPARE(gains.bands.size(), std::size_t(10));
    for (std::size_t b = 0; b < gains.bands.size(); ++b) {
        const std::string key = "gains.Class." + std::to_string(b + 1) + ".";
        CMTL_SAME(key + "count", double(gains.bands[b].count));
        CMTL_SAME(key + "bad_rate", gains.bands[b].badRate);
        CMTL_SAME(key + "cumulative_lift", gains.bands[b].cumulativeLift);
    }
    CMTL_SAME("gains.Class.ks", gains.ks);
    CMTL_SAME("ks.Class", ksStatistic(scores.at(0).scores, scores.at(0).labels));
    const std::vector<CalibrationBin> calibration =
        quantileCalibrationCurve(scores.at(0).scores, scores.at(0).labels, 10);
    CMTL_SAME("calibration.Class.1.observed_rate", calibration.at(0).observedRate);

    // Importance with the report's repeats and seed.
    for (const TaskImportance &task : permutationImportance(model, test, 3, 7)) {
        for (const FeatureImportance &feature : task.features) {
            CMTL_SAME("importance." + task.task + "." + feature.column + ".mean", feature.mean);
            CMTL_SAME("importance." + task.task + "." + feature.column + ".sd", feature.sd);
        }
    }

    // Stability against the training file: as the psi command gives it.
    int stable = 0;
    for (const ModelStabilityIndex &entry : modelStability(model, train, test)) {
        const bool score = entry.kind == ModelStabilityIndex::Kind::Score;
        CMTL_SAME((score ? "psi." : "csi.") + entry.index.name, entry.index.index);
        ++stable;
    }
    // Class, grade's 7 classes, int_rate, then the 22 input columns.
    QCOMPARE(stable, 1 + 7 + 1 + int(model.requiredColumns().size()));

    // Preprocessing and history.
    const NumericStep &first = model.preprocessor().numeric.at(0);
    CMTL_SAME("preprocess." + first.column + ".median", double(first.median));
    CMTL_SAME("preprocess." + first.column + ".highest", double(first.highest));
    CMTL_SAME("history.best_epoch", double(contents.history.bestEpoch));
    CMTL_SAME("history.epochs", double(contents.history.epochs.size()));
}

void TestReport::aModelWithoutHistorySaysSo()
{
    ModelFileContents contents = loadModelFile(m_model.toStdString());
    contents.history = {};
    const std::string path = m_directory.filePath(arg("no_history.cmtl")).toStdString();
    saveModelFile(path, contents);
    const Table test = read(m_test, true);
    ModelReportInputs inputs;
    inputs.modelPath = path;
    inputs.model = &contents;
    inputs.data = &test;
    inputs.importanceRepeats = 1;
    std::vector<int> progress;
    const ParsedReport parsed =
        parseReport(QByteArray::fromStdString(modelReportHtml(inputs, [&](int done, int total, const std::string &) {
            QCOMPARE(total, 3);
            progress.push_back(done);
        })));
    QVERIFY(parsed.error.isEmpty());
    QVERIFY(parsed.text.contains(arg("The model file holds no training history")));
    QVERIFY(parsed.charts.count("training-objective") == 0);
    // Without a base, the stability section says why it is empty.
    QVERIFY(parsed.text.contains(arg("No base data was given")));
    QVERIFY(parsed.values.count("psi.Class") == 0);
    // Without a comparison, the multi-task evidence says how to make one.
    QVERIFY(parsed.text.contains(arg("Omitted: no comparison with single-task and logistic baselines")));
    QVERIFY(parsed.values.count("multitask.Class.logistic.mean") == 0);
    QCOMPARE(progress, (std::vector<int>{0, 1, 2, 3}));
}

void TestReport::sameInputsGiveTheSameReport()
{
    // Apart from the time, which the caller gives: the report depends on its inputs only.
    const QString again = m_directory.filePath(arg("again.html"));
    const Run run = runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_test, arg("--base"), m_train,
                            arg("--out"), again, arg("--repeats"), arg("3"), arg("--seed"), arg("7"), arg("--threads"),
                            arg("1"), arg("--generated"), arg("GENERATED-AT"), arg("--comparison"), m_comparison});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QByteArray html = readAll(again);
    QVERIFY(html.contains("Generated GENERATED-AT by CreditMTL"));
    const qsizetype start = m_html.indexOf("Generated "), end = m_html.indexOf(" by CreditMTL");
    QVERIFY(start > 0 && end > start);
    QCOMPARE(html.replace("GENERATED-AT", m_html.mid(start + 10, end - start - 10)), m_html);
}

void TestReport::comparisonIsTheMultitaskEvidence()
{
    const ComparisonResult result = parseComparisonJson(readAll(m_comparison), m_comparison.toStdString()).result;
    QCOMPARE(result.candidates, (std::vector<std::string>{kBaselineLabel, kSingleTaskLabel, "shared-bottom"}));
    std::set<std::string> tasks;
    for (const MetricSamples &metric : result.metrics) {
        if (!tasks.insert(metric.task).second)
            continue;                                           // the report shows each task's first headline metric
        QCOMPARE(metric.values.front().size(), std::size_t{3}); // the folds
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            const std::string key = "multitask." + metric.task + "." + result.candidates[c];
            CMTL_SAME(key + ".mean", summarise(metric.values[c]).mean);
            // The references have no interval of their own; the network has both.
            QCOMPARE(m_parsed.values.count(key + ".single_task.difference"), std::size_t{c == 2 ? 1u : 0u});
            QCOMPARE(m_parsed.values.count(key + ".baseline.difference"), std::size_t{c == 2 ? 1u : 0u});
        }
        // The intervals, recomputed by the engine from the repeats the file holds.
        const std::string key = "multitask." + metric.task + ".shared-bottom";
        const PairedInterval toSingle = correctedResampledInterval(metric.values[2], metric.values[1],
                                                                   result.testToTrainRatio, metric.higherIsBetter);
        const PairedInterval toBaseline = correctedResampledInterval(metric.values[2], metric.values[0],
                                                                     result.testToTrainRatio, metric.higherIsBetter);
        CMTL_SAME(key + ".single_task.difference", toSingle.mean);
        CMTL_SAME(key + ".single_task.lower", toSingle.lower);
        CMTL_SAME(key + ".single_task.upper", toSingle.upper);
        CMTL_SAME(key + ".baseline.difference", toBaseline.mean);
        CMTL_SAME(key + ".baseline.lower", toBaseline.lower);
        CMTL_SAME(key + ".baseline.upper", toBaseline.upper);
        QVERIFY(m_parsed.text.contains(QString::fromStdString(sharingVerdict(toSingle.verdict))));
        // The file carries what compare computed, bit for bit.
        QCOMPARE(metric.versusSingleTask[2]->lower, toSingle.lower);
        QCOMPARE(metric.versusSingleTask[2]->upper, toSingle.upper);
        QVERIFY(metric.versusSingleTask[2]->verdict == toSingle.verdict);
    }
    QCOMPARE(tasks, (std::set<std::string>{"Class", "grade", "int_rate"}));
}

void TestReport::comparisonOfOtherTasksOrDataIsRefused()
{
    const QJsonObject original = QJsonDocument::fromJson(readAll(m_comparison)).object();
    const auto refusal = [&](const char *name, const QJsonObject &comparison) {
        const QString path = m_directory.filePath(arg(name)), out = m_directory.filePath(arg("refused.html"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(comparison).toJson()) < 0) {
            Run unwritten;
            unwritten.err = QStringLiteral("cannot write ") + path;
            return unwritten;
        }
        file.close();
        Run run = runCli({arg("report"), arg("--model"), m_model, arg("--data"), m_test, arg("--base"), m_train,
                          arg("--out"), out, arg("--repeats"), arg("1"), arg("--comparison"), path});
        if (QFile::exists(out))
            run.err += QStringLiteral(" (and the report was written)");
        return run;
    };
    // Made for other tasks: the file, its tasks and the model's.
    QJsonObject otherTasks = original;
    QJsonArray tasks = otherTasks[arg("tasks")].toArray();
    tasks.removeAt(1);
    otherTasks[arg("tasks")] = tasks;
    Run run = refusal("other_tasks.json", otherTasks);
    QVERIFY2(run.exitCode != 0 && run.err.contains(arg("other_tasks.json")) &&
                 run.err.contains(arg("made for the tasks Class (binary), int_rate (regression)")) &&
                 run.err.contains(arg("grade (multiclass)")) && !run.err.contains(arg("report was written")),
             qPrintable(run.err));
    // Made on another data file (other bytes under the same name): the file and the report's data.
    QJsonObject otherData = original;
    QJsonObject data = otherData[arg("data")].toObject();
    data[arg("sha256")] = QString(64, QLatin1Char('0'));
    otherData[arg("data")] = data;
    run = refusal("other_data.json", otherData);
    QVERIFY2(run.exitCode != 0 && run.err.contains(arg("other_data.json")) && run.err.contains(m_train) &&
                 run.err.contains(m_test) && run.err.contains(arg("--base")) &&
                 !run.err.contains(arg("report was written")),
             qPrintable(run.err));
    // Damaged: a candidate's values missing; not a comparison at all.
    QJsonObject damaged = original;
    QJsonArray metrics = damaged[arg("metrics")].toArray();
    QJsonObject first = metrics[0].toObject();
    QJsonArray values = first[arg("values")].toArray();
    values.removeLast();
    first[arg("values")] = values;
    metrics[0] = first;
    damaged[arg("metrics")] = metrics;
    run = refusal("damaged.json", damaged);
    QVERIFY2(run.exitCode != 0 && run.err.contains(arg("damaged.json")) &&
                 run.err.contains(arg("comparison.metrics[0].values")) &&
                 run.err.contains(arg("one entry per candidate")),
             qPrintable(run.err));
    run = refusal("not_a_comparison.json", QJsonObject{{arg("format"), arg("creditmtl-model")}});
    QVERIFY2(run.exitCode != 0 && run.err.contains(arg("not_a_comparison.json")) &&
                 run.err.contains(arg("compare --out-json")),
             qPrintable(run.err));
}

// The limitations' numbers, counted here from the model's stored ranges and levels and the
// evaluated data, and the clipped cells against the engine's own transform notes.
void TestReport::limitationsCountWhatTrainingDidNotSee()
{
    const ModelFileContents contents = loadModelFile(m_model.toStdString());
    const Preprocessor &preprocessor = contents.model.preprocessor();
    const Table test = read(m_test, true);
    int clippedColumns = 0;
    for (const NumericStep &numeric : preprocessor.numeric) {
        std::int64_t below = 0, above = 0;
        const Column &column = test.column(numeric.column);
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (column.isMissing(row))
                continue;
            below += column.values[row] < numeric.lowest;
            above += column.values[row] > numeric.highest;
        }
        const std::string key = "limitations.clipped." + numeric.column;
        if (below + above == 0) {
            QVERIFY2(m_parsed.values.count(key) == 0, key.c_str());
            continue;
        }
        ++clippedColumns;
        CMTL_SAME("limitations.below." + numeric.column, double(below));
        CMTL_SAME("limitations.above." + numeric.column, double(above));
        CMTL_SAME(key, double(below + above));
    }
    QVERIFY(clippedColumns > 0); // the test file reaches beyond the training range somewhere
    TransformNotes notes;
    contents.model.predict(test, 0, &notes);
    QCOMPARE(int(notes.clipped.size()), clippedColumns);
    for (const ClippedColumn &clipped : notes.clipped)
        CMTL_SAME("limitations.clipped." + clipped.column, double(clipped.cells));

    int columnsWithUnkeptLevels = 0;
    for (const OneHotStep &oneHot : preprocessor.oneHot) {
        const Column &column = test.column(oneHot.column);
        std::int64_t rows = 0;
        std::set<std::string> levels;
        for (std::size_t row = 0; row < column.size(); ++row) {
            const std::string level = column.isMissing(row) ? OneHotStep::kMissingLevel : column.cellText(row);
            if (std::find(oneHot.levels.begin(), oneHot.levels.end(), level) != oneHot.levels.end())
                continue;
            ++rows;
            levels.insert(level);
        }
        if (rows == 0) {
            QVERIFY(m_parsed.values.count("limitations.unseen_rows." + oneHot.column) == 0);
            continue;
        }
        ++columnsWithUnkeptLevels;
        CMTL_SAME("limitations.unseen_rows." + oneHot.column, double(rows));
        CMTL_SAME("limitations.unseen_levels." + oneHot.column, double(levels.size()));
        QVERIFY(m_parsed.text.contains(QString::fromStdString(std::to_string(rows) +
                                                              " rows of the evaluated data hold "
                                                              "a level of " +
                                                              oneHot.column)));
    }
    QVERIFY(columnsWithUnkeptLevels > 0);
    CMTL_SAME("limitations.unused", 0.0); // the model reads every column of the sample

    // Two columns the model does not read: counted and named, in the table and the warnings.
    QFile file(m_test);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray extra;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            extra += line + (extra.isEmpty() ? ",branch,agent\n" : ",north,7\n");
    }
    const QString extraPath = m_directory.filePath(arg("test_extra.csv"));
    QFile out(extraPath);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(extra) == extra.size());
    out.close();
    const Table withExtra = read(extraPath, true);
    ModelReportInputs inputs;
    inputs.modelPath = m_model.toStdString();
    inputs.model = &contents;
    inputs.data = &withExtra;
    inputs.importanceRepeats = 1;
    const ParsedReport parsed = parseReport(QByteArray::fromStdString(modelReportHtml(inputs)));
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(QString::fromStdString(parsed.values.at("limitations.unused")), arg("2"));
    QVERIFY(parsed.text.contains(arg("The model does not read 2 columns of the evaluated data (neither a feature "
                                     "nor a task): branch, agent.")));
}

// --period-column: the earliest and latest value of a date column (text dates compared as dates,
// not as text; numbers as numbers), missing cells skipped; a text that is no date is refused with
// its line and value, a column that is not there with its name.
void TestReport::periodIsTheEarliestAndLatestValue()
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    QFile file(m_test);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray dated;
    std::pair<int, int> earliest{9999, 99}, latest{0, 0}; // (year, month)
    std::int64_t numberLow = 0, numberHigh = 0;
    int row = -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        if (row++ < 0) {
            dated += line + ",issue_d,issue_ym\n";
            continue;
        }
        // Months scrambled over 2014-2016 (text order is not date order: "Apr-2016" < "Jan-2014"),
        // every 50th row missing.
        const int month = (row * 7 + 3) % 12, year = 2014 + (row * 5) % 3;
        if (row % 50 == 0) {
            dated += line + ",,\n";
            continue;
        }
        dated += line + "," + months[month] + "-" + QByteArray::number(year) + "," +
                 QByteArray::number(year * 100 + month + 1) + "\n";
        earliest = std::min(earliest, std::pair{year, month});
        latest = std::max(latest, std::pair{year, month});
        const std::int64_t number = year * 100 + month + 1;
        numberLow = numberLow == 0 ? number : std::min(numberLow, number);
        numberHigh = std::max(numberHigh, number);
    }
    const QString path = m_directory.filePath(arg("test_dated.csv"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(dated) == dated.size());
    out.close();
    const ModelFileContents contents = loadModelFile(m_model.toStdString());
    const Table data = read(path, true);
    const std::int64_t withValue = row - row / 50; // rows 1..row, less every 50th
    for (const auto &[column, first, last] :
         {std::tuple{std::string("issue_d"),
                     std::string(months[earliest.second]) + "-" + std::to_string(earliest.first),
                     std::string(months[latest.second]) + "-" + std::to_string(latest.first)},
          std::tuple{std::string("issue_ym"), std::to_string(numberLow), std::to_string(numberHigh)}}) {
        ModelReportInputs inputs;
        inputs.modelPath = m_model.toStdString();
        inputs.model = &contents;
        inputs.data = &data;
        inputs.importanceRepeats = 1;
        inputs.periodColumn = column;
        const ParsedReport parsed = parseReport(QByteArray::fromStdString(modelReportHtml(inputs)));
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(QString::fromStdString(parsed.values.at("data.period.first")), QString::fromStdString(first));
        QCOMPARE(QString::fromStdString(parsed.values.at("data.period.last")), QString::fromStdString(last));
        QCOMPARE(QString::fromStdString(parsed.values.at("data.period.rows")), QString::number(withValue));
    }
    QVERIFY(m_parsed.values.count("data.period.first") == 0); // not asked for: no period

    const QString html = m_directory.filePath(arg("period.html"));
    Run run = runCli({arg("report"), arg("--model"), m_model, arg("--data"), path, arg("--out"), html, arg("--repeats"),
                      arg("1"), arg("--period-column"), arg("grade")});
    QVERIFY2(run.exitCode != 0 && run.err.contains(arg("test_dated.csv")) && run.err.contains(arg("line 2")) &&
                 run.err.contains(arg("is not a date")) && run.err.contains(arg("MMM-yyyy")),
             qPrintable(run.err));
    run = runCli({arg("report"), arg("--model"), m_model, arg("--data"), path, arg("--out"), html, arg("--repeats"),
                  arg("1"), arg("--period-column"), arg("issued")});
    QVERIFY2(run.exitCode != 0 && run.err.contains(arg("no column named \"issued\"")) &&
                 run.err.contains(arg("--period-column")),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(html));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
