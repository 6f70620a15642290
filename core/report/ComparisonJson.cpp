#include "report/ComparisonJson.h"

#include "common/Error.h"
#include "io/JsonReader.h"
#include "io/SealedFile.h"
#include "report/ModelReport.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cmtl {

namespace {

using json::key;
using json::qs;

// A metric's value: JSON has no NaN (an AUC of a fold without a positive row), null stands for it.
QJsonValue numberValue(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

const char *verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return "better";
    case Verdict::NoDetectableDifference:
        return "no_detectable_difference";
    case Verdict::Worse:
        return "worse";
    }
    return "?";
}

QJsonValue intervalValue(const std::optional<PairedInterval> &interval)
{
    if (!interval)
        return QJsonValue();
    return QJsonObject{{key("mean"), interval->mean},
                       {key("lower"), interval->lower},
                       {key("upper"), interval->upper},
                       {key("level"), interval->level},
                       {key("verdict"), key(verdictName(interval->verdict))}};
}

std::optional<PairedInterval> readInterval(const json::JsonReader &metric, const QJsonArray &list, qsizetype index,
                                           const char *listName)
{
    if (list[index].isNull())
        return std::nullopt;
    const json::JsonReader reader = metric.element(list, index, listName);
    PairedInterval interval;
    interval.mean = reader.number("mean");
    interval.lower = reader.number("lower");
    interval.upper = reader.number("upper");
    interval.level = reader.number("level");
    const std::string verdict = reader.text("verdict");
    for (const Verdict known : {Verdict::Better, Verdict::NoDetectableDifference, Verdict::Worse}) {
        if (verdict == verdictName(known)) {
            interval.verdict = known;
            return interval;
        }
    }
    reader.fail("verdict", "should be better, no_detectable_difference or worse");
}

// Whether the file at `path` has the SHA-256 `sha256`; false for a source that is no readable file
// (a database table).
bool sameBytes(const std::string &path, const std::string &sha256)
{
    try {
        return fileSha256(path) == sha256;
    } catch (const DataError &) {
        return false;
    }
}

} // namespace

QByteArray comparisonToJson(const StoredComparison &comparison)
{
    const ComparisonProvenance &provenance = comparison.provenance;
    const ComparisonResult &result = comparison.result;
    QJsonArray tasks;
    for (const ComparisonTask &task : provenance.tasks)
        tasks.append(QJsonObject{{key("name"), qs(task.name)}, {key("type"), key(toString(task.type))}});
    QJsonArray metrics;
    for (const MetricSamples &metric : result.metrics) {
        QJsonArray values, versusSingleTask, versusBaseline;
        for (const std::vector<double> &candidate : metric.values) {
            QJsonArray repeats;
            for (const double value : candidate)
                repeats.append(numberValue(value));
            values.append(repeats);
        }
        for (std::size_t c = 0; c < metric.values.size(); ++c) {
            versusSingleTask.append(
                intervalValue(c < metric.versusSingleTask.size() ? metric.versusSingleTask[c] : std::nullopt));
            versusBaseline.append(
                intervalValue(c < metric.versusBaseline.size() ? metric.versusBaseline[c] : std::nullopt));
        }
        metrics.append(QJsonObject{{key("task"), qs(metric.task)},
                                   {key("metric"), qs(metric.metric)},
                                   {key("higher_is_better"), metric.higherIsBetter},
                                   {key("values"), values},
                                   {key("versus_single_task"), versusSingleTask},
                                   {key("versus_baseline"), versusBaseline}});
    }
    const QJsonObject root{{key("format"), key(kComparisonFormat)},
                           {key("version"), kComparisonFormatVersion},
                           {key("data"), QJsonObject{{key("source"), qs(provenance.dataSource)},
                                                     {key("sha256"), qs(provenance.dataSha256)},
                                                     {key("rows"), static_cast<double>(provenance.dataRows)}}},
                           {key("tasks"), tasks},
                           {key("scheme"), qs(result.scheme)},
                           {key("test_to_train_ratio"), result.testToTrainRatio},
                           {key("candidates"), json::toJsonArray(result.candidates)},
                           {key("notes"), json::toJsonArray(result.notes)},
                           {key("metrics"), metrics}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

StoredComparison parseComparisonJson(QByteArrayView bytes, const std::string &sourceName)
{
    const json::JsonReader root(parseJsonSection(bytes, "comparison file", sourceName), "comparison", sourceName);
    if (!root.has("format") || root.value("format").toString() != QLatin1String(kComparisonFormat))
        throw DataError({sourceName, 0, {}}, "not a comparison file: it has no \"format\": \"" +
                                                 std::string(kComparisonFormat) +
                                                 "\" (write one with creditmtl-cli compare --out-json FILE)");
    const int version = root.integer("version");
    if (version < 1 || version > kComparisonFormatVersion)
        throw DataError({sourceName, 0, {}}, "the comparison file has format version " + std::to_string(version) +
                                                 ", this build reads version " +
                                                 std::to_string(kComparisonFormatVersion) +
                                                 "; write it again with this build's creditmtl-cli compare");
    StoredComparison stored;
    ComparisonProvenance &provenance = stored.provenance;
    const json::JsonReader data = root.object("data");
    provenance.dataSource = data.text("source");
    provenance.dataSha256 = data.text("sha256");
    provenance.dataRows = data.count("rows");
    const QJsonArray tasks = root.array("tasks");
    for (qsizetype t = 0; t < tasks.size(); ++t) {
        const json::JsonReader task = root.element(tasks, t, "tasks");
        try {
            provenance.tasks.push_back({task.text("name"), taskTypeFromString(task.text("type"))});
        } catch (const ConfigError &error) {
            task.fail("type", error.what());
        }
    }
    ComparisonResult &result = stored.result;
    result.scheme = root.text("scheme");
    result.testToTrainRatio = root.number("test_to_train_ratio");
    result.candidates = root.strings("candidates");
    // compare always trains the two references first: the others are read against them.
    if (result.candidates.size() < 2 || result.candidates[0] != kBaselineLabel ||
        result.candidates[1] != kSingleTaskLabel)
        root.fail("candidates", ("should start with the references \"" + kBaselineLabel + "\" and \"" +
                                 kSingleTaskLabel + "\", as compare writes them")
                                    .c_str());
    result.notes = root.strings("notes");
    const QJsonArray metrics = root.array("metrics");
    for (qsizetype m = 0; m < metrics.size(); ++m) {
        const json::JsonReader reader = root.element(metrics, m, "metrics");
        MetricSamples metric;
        metric.task = reader.text("task");
        metric.metric = reader.text("metric");
        metric.higherIsBetter = reader.flag("higher_is_better");
        const QJsonArray values = reader.array("values");
        const QJsonArray versusSingleTask = reader.array("versus_single_task");
        const QJsonArray versusBaseline = reader.array("versus_baseline");
        const auto perCandidate = static_cast<qsizetype>(result.candidates.size());
        if (values.size() != perCandidate || versusSingleTask.size() != perCandidate ||
            versusBaseline.size() != perCandidate)
            reader.fail("values", ("should hold one entry per candidate (" + std::to_string(perCandidate) +
                                   ") in values, versus_single_task and versus_baseline")
                                      .c_str());
        for (qsizetype c = 0; c < perCandidate; ++c) {
            std::vector<double> repeats;
            for (const QJsonValue &value : values[c].toArray()) {
                if (!value.isDouble() && !value.isNull())
                    reader.fail("values", "should hold lists of numbers (null for an undefined value)");
                repeats.push_back(value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble());
            }
            if (!values[c].isArray() || (c > 0 && repeats.size() != metric.values.front().size()))
                reader.fail("values", "should hold a list of the same number of repeats for every candidate");
            metric.values.push_back(std::move(repeats));
            metric.versusSingleTask.push_back(readInterval(reader, versusSingleTask, c, "versus_single_task"));
            metric.versusBaseline.push_back(readInterval(reader, versusBaseline, c, "versus_baseline"));
        }
        result.metrics.push_back(std::move(metric));
    }
    return stored;
}

void refuseComparisonForOtherData(const StoredComparison &comparison, const std::string &sourceName,
                                  const std::vector<ComparisonTask> &modelTasks,
                                  const std::vector<std::string> &reportFiles)
{
    const auto describe = [](const std::vector<ComparisonTask> &tasks) {
        std::string text;
        for (const ComparisonTask &task : tasks)
            text += (text.empty() ? "" : ", ") + task.name + " (" + toString(task.type) + ")";
        return text.empty() ? std::string("none") : text;
    };
    const auto sameTask = [](const ComparisonTask &a, const ComparisonTask &b) {
        return a.name == b.name && a.type == b.type;
    };
    const std::vector<ComparisonTask> &compared = comparison.provenance.tasks;
    const bool sameTasks = compared.size() == modelTasks.size() &&
                           std::is_permutation(compared.begin(), compared.end(), modelTasks.begin(), sameTask);
    if (!sameTasks)
        throw ConfigError("the comparison in " + sourceName + " was made for the tasks " + describe(compared) +
                          ", the model predicts " + describe(modelTasks) +
                          "; run creditmtl-cli compare with the model's tasks (--task) and --out-json, and give "
                          "that file");
    const ComparisonProvenance &provenance = comparison.provenance;
    for (const std::string &file : reportFiles) {
        if (provenance.dataSha256.empty() ? file == provenance.dataSource : sameBytes(file, provenance.dataSha256))
            return;
    }
    std::string files;
    for (const std::string &file : reportFiles)
        files += (files.empty() ? "" : " or ") + file;
    throw ConfigError(
        "the comparison in " + sourceName + " was made on " + provenance.dataSource +
        (provenance.dataSha256.empty() ? std::string() : " (SHA-256 " + provenance.dataSha256.substr(0, 16) + "...)") +
        ", which is not the report's data (" + files +
        ", compared by their bytes); give the data the comparison was made on as --base (the "
        "training data) or run creditmtl-cli compare on the report's data");
}

} // namespace cmtl
