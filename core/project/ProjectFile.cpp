#include "project/ProjectFile.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/JsonReader.h"
#include "io/SealedFile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;
using json::toJsonArray;

namespace {

// "CreditMTL-project <version> <JSON bytes>", then the JSON.
constexpr SealedSectionFormat kProjectSections[] = {{"content"}};
constexpr SealedFormat kProjectFileFormat{"CreditMTL-project", "project file", kProjectFormatVersion, kProjectSections};
constexpr qint64 kFingerprintSampleBytes = 64 * 1024;

// ---- Arrays of numbers as base64 of their little-endian bits (exact, and compact) ----

template <typename Stored, typename Value> QString toBase64(const Value *values, std::size_t count)
{
    QByteArray bytes(static_cast<qsizetype>(count * sizeof(Stored)), Qt::Uninitialized);
    for (std::size_t i = 0; i < count; ++i) {
        const auto stored = static_cast<Stored>(values[i]);
        using Bits = std::conditional_t<sizeof(Stored) == 8, std::uint64_t,
                                        std::conditional_t<sizeof(Stored) == 4, std::uint32_t, std::uint8_t>>;
        qToLittleEndian(std::bit_cast<Bits>(stored), bytes.data() + i * sizeof(Stored));
    }
    return QString::fromLatin1(bytes.toBase64());
}

template <typename Stored> std::vector<Stored> fromBase64(const JsonReader &reader, const char *name)
{
    const std::string text = reader.text(name);
    const auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromStdString(text), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        reader.fail(name, "is not valid base64");
    const QByteArray &bytes = *decoded;
    if (bytes.size() % static_cast<qsizetype>(sizeof(Stored)) != 0)
        reader.fail(name, "has a length that is not a whole number of values");
    std::vector<Stored> values(static_cast<std::size_t>(bytes.size()) / sizeof(Stored));
    using Bits = std::conditional_t<sizeof(Stored) == 8, std::uint64_t,
                                    std::conditional_t<sizeof(Stored) == 4, std::uint32_t, std::uint8_t>>;
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = std::bit_cast<Stored>(qFromLittleEndian<Bits>(bytes.constData() + i * sizeof(Stored)));
    return values;
}

template <typename Stored> std::vector<Stored> fromBase64(const JsonReader &reader, const char *name, std::size_t count)
{
    std::vector<Stored> values = fromBase64<Stored>(reader, name);
    if (values.size() != count)
        reader.fail(name,
                    ("should hold " + std::to_string(count) + " values, not " + std::to_string(values.size())).c_str());
    return values;
}

QJsonValue numberOrNull(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

double numberOrNaN(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

// ---- Data source ----

// A separator as a one-character string, or "" for none (automatic).
QString separatorText(char separator)
{
    return separator != 0 ? QString(QLatin1Char(separator)) : QString();
}

char separatorFrom(const JsonReader &reader, const char *name)
{
    const std::string text = reader.text(name);
    if (text.size() > 1)
        reader.fail(name, "should be one character, or empty");
    return text.empty() ? char{0} : text.front();
}

QJsonObject optionsToJson(const CsvOptions &options)
{
    QJsonObject missingValues;
    for (const auto &[column, values] : options.columnMissingValues)
        missingValues.insert(qs(column), toJsonArray(values));
    QJsonObject json{{key("delimiter"), options.delimiter ? QString(QLatin1Char(options.delimiter)) : QString()},
                     {key("has_header"), options.hasHeader},
                     {key("missing_tokens"), toJsonArray(options.missingTokens)},
                     {key("encoding"), qs(options.encoding)},
                     {key("categorical_columns"), toJsonArray(options.categoricalColumns)}};
    // Options added after the first projects are written only when they are used, so that a
    // project that does not use them is the same bytes as before (and reads as before: absent
    // means none, the default).
    if (!options.numericColumns.empty())
        json.insert(key("numeric_columns"), toJsonArray(options.numericColumns));
    if (!missingValues.isEmpty())
        json.insert(key("column_missing_values"), missingValues);
    if (options.decimalSeparator != CsvOptions{}.decimalSeparator)
        json.insert(key("decimal_separator"), separatorText(options.decimalSeparator));
    if (options.thousandsSeparator != CsvOptions{}.thousandsSeparator)
        json.insert(key("thousands_separator"), separatorText(options.thousandsSeparator));
    return json;
}

CsvOptions optionsFromJson(const JsonReader &reader)
{
    CsvOptions options;
    const std::string delimiter = reader.text("delimiter");
    if (delimiter.size() > 1)
        reader.fail("delimiter", "should be one character, or empty to detect it");
    options.delimiter = delimiter.empty() ? 0 : delimiter.front();
    options.hasHeader = reader.flag("has_header");
    options.missingTokens = reader.strings("missing_tokens");
    options.encoding = reader.text("encoding");
    options.categoricalColumns = reader.strings("categorical_columns");
    // Projects written before the type overrides and separators were saved lack these fields:
    // they read as automatic, as those projects were made.
    if (reader.has("numeric_columns"))
        options.numericColumns = reader.strings("numeric_columns");
    if (reader.has("column_missing_values")) {
        const JsonReader missing = reader.object("column_missing_values");
        for (const QString &column : missing.keys())
            options.columnMissingValues[column.toStdString()] = missing.strings(column.toUtf8().constData());
    }
    if (reader.has("decimal_separator"))
        options.decimalSeparator = separatorFrom(reader, "decimal_separator");
    if (reader.has("thousands_separator"))
        options.thousandsSeparator = separatorFrom(reader, "thousands_separator");
    return options;
}

QJsonObject fingerprintToJson(const DataFingerprint &fingerprint)
{
    return {{key("size"), static_cast<double>(fingerprint.size)},
            {key("modified_ms"), static_cast<double>(fingerprint.modifiedMs)},
            {key("sample_sha256"), qs(fingerprint.sampleSha256)},
            {key("rows"), static_cast<double>(fingerprint.rows)}};
}

DataFingerprint fingerprintFromJson(const JsonReader &reader)
{
    DataFingerprint fingerprint;
    fingerprint.size = reader.count("size");
    const double modified = reader.number("modified_ms");
    if (modified != std::trunc(modified) || std::abs(modified) > 9007199254740992.0)
        reader.fail("modified_ms", "should be a whole number of milliseconds");
    fingerprint.modifiedMs = static_cast<std::int64_t>(modified);
    fingerprint.sampleSha256 = reader.text("sample_sha256");
    fingerprint.rows = reader.count("rows");
    return fingerprint;
}

// ---- Runs ----

QJsonObject scoresToJson(const TaskScores &task)
{
    QJsonObject object{{key("task"), qs(task.task)},
                       {key("type"), QLatin1String(toString(task.type))},
                       {key("classes"), toJsonArray(task.classes)}};
    switch (task.type) {
    case TaskType::Binary:
        object[key("rows")] = static_cast<double>(task.scores.size());
        object[key("scores")] = toBase64<float>(task.scores.data(), task.scores.size());
        object[key("labels")] = toBase64<std::uint8_t>(task.labels.data(), task.labels.size());
        break;
    case TaskType::Multiclass:
        object[key("rows")] = static_cast<double>(task.probabilities.cols());
        object[key("probabilities")] =
            toBase64<float>(task.probabilities.data(), static_cast<std::size_t>(task.probabilities.size()));
        object[key("class_labels")] = toBase64<std::int32_t>(task.classLabels.data(), task.classLabels.size());
        break;
    case TaskType::Regression:
        object[key("rows")] = static_cast<double>(task.predicted.size());
        object[key("predicted")] = toBase64<float>(task.predicted.data(), task.predicted.size());
        object[key("actual")] = toBase64<float>(task.actual.data(), task.actual.size());
        break;
    }
    return object;
}

TaskScores scoresFromJson(const JsonReader &reader)
{
    TaskScores task;
    task.task = reader.text("task");
    try {
        task.type = taskTypeFromString(reader.text("type"));
    } catch (const ConfigError &) {
        reader.fail("type", "should be binary, multiclass or regression");
    }
    task.classes = reader.strings("classes");
    const auto rows = static_cast<std::size_t>(reader.count("rows"));
    switch (task.type) {
    case TaskType::Binary:
        task.scores = fromBase64<float>(reader, "scores", rows);
        task.labels = fromBase64<std::uint8_t>(reader, "labels", rows);
        for (const std::uint8_t label : task.labels) {
            if (label > 1)
                reader.fail("labels", "should hold only 0 and 1");
        }
        break;
    case TaskType::Multiclass: {
        if (task.classes.size() < 2)
            reader.fail("classes", "should name at least two classes");
        const std::vector<float> probabilities = fromBase64<float>(reader, "probabilities", task.classes.size() * rows);
        task.probabilities = Eigen::Map<const Eigen::MatrixXf>(
            probabilities.data(), static_cast<Eigen::Index>(task.classes.size()), static_cast<Eigen::Index>(rows));
        task.classLabels = fromBase64<std::int32_t>(reader, "class_labels", rows);
        for (const std::int32_t label : task.classLabels) {
            if (label < 0 || static_cast<std::size_t>(label) >= task.classes.size())
                reader.fail("class_labels", "should hold class indices");
        }
        break;
    }
    case TaskType::Regression:
        task.predicted = fromBase64<float>(reader, "predicted", rows);
        task.actual = fromBase64<float>(reader, "actual", rows);
        break;
    }
    return task;
}

QString rowsToBase64(const std::vector<std::size_t> &rows)
{
    for (const std::size_t row : rows) {
        if (row > std::numeric_limits<std::uint32_t>::max())
            throw ConfigError("a project holds at most 4,294,967,295 rows per part of the data");
    }
    return toBase64<std::uint32_t>(rows.data(), rows.size());
}

std::vector<std::size_t> rowsFromBase64(const JsonReader &reader, const char *name)
{
    const std::vector<std::uint32_t> stored = fromBase64<std::uint32_t>(reader, name);
    return {stored.begin(), stored.end()};
}

// The model file keeps each report's metrics keyed by task name (JSON objects are unordered),
// without the ROC curves and, for a binary task, without its class names and confusion counts;
// the project adds them, so that the reports come back exactly as they were.
QJsonArray reportExtrasToJson(const std::vector<EvaluationReport> &reports)
{
    QJsonArray extras;
    for (const EvaluationReport &report : reports) {
        QJsonArray order;
        QJsonObject roc, binary;
        for (const TaskEvaluation &task : report.tasks) {
            order.append(qs(task.task));
            if (!task.binary)
                continue;
            const ConfusionCounts &counts = task.binary->confusion;
            binary[qs(task.task)] = QJsonObject{
                {key("classes"), toJsonArray(task.classes)},
                {key("confusion"),
                 QJsonArray{static_cast<double>(counts.truePositive), static_cast<double>(counts.falsePositive),
                            static_cast<double>(counts.trueNegative), static_cast<double>(counts.falseNegative)}}};
            if (task.roc.empty())
                continue;
            std::vector<double> points;
            for (const RocPoint &point : task.roc)
                points.insert(points.end(), {point.threshold, point.falsePositiveRate, point.truePositiveRate});
            roc[qs(task.task)] = toBase64<double>(points.data(), points.size());
        }
        extras.append(QJsonObject{{key("task_order"), order}, {key("roc"), roc}, {key("binary"), binary}});
    }
    return extras;
}

void applyReportExtras(std::vector<EvaluationReport> &reports, const JsonReader &run)
{
    const QJsonArray extras = run.array("report_extras");
    if (extras.size() != static_cast<qsizetype>(reports.size()))
        run.fail("report_extras", "should hold one entry per report of the model");
    for (qsizetype r = 0; r < extras.size(); ++r) {
        const JsonReader extra = run.element(extras, r, "report_extras");
        EvaluationReport &report = reports[static_cast<std::size_t>(r)];
        const std::vector<std::string> order = extra.strings("task_order");
        if (order.size() != report.tasks.size())
            extra.fail("task_order", "should name every task of the report");
        std::vector<TaskEvaluation> ordered;
        for (const std::string &name : order) {
            const auto found = std::find_if(report.tasks.begin(), report.tasks.end(),
                                            [&](const TaskEvaluation &task) { return task.task == name; });
            if (found == report.tasks.end())
                extra.fail("task_order", "names a task the report does not have");
            ordered.push_back(std::move(*found));
            report.tasks.erase(found);
        }
        const JsonReader roc = extra.object("roc");
        const JsonReader binary = extra.object("binary");
        for (TaskEvaluation &task : ordered) {
            if (!task.binary)
                continue;
            const JsonReader details = binary.object(task.task.c_str());
            task.classes = details.strings("classes");
            const QJsonArray confusion = details.array("confusion");
            if (confusion.size() != 4)
                details.fail("confusion", "should hold four counts (TP, FP, TN, FN)");
            ConfusionCounts &counts = task.binary->confusion;
            counts.truePositive = details.count(confusion[0], "confusion");
            counts.falsePositive = details.count(confusion[1], "confusion");
            counts.trueNegative = details.count(confusion[2], "confusion");
            counts.falseNegative = details.count(confusion[3], "confusion");
            if (!extra.value("roc").toObject().contains(qs(task.task)))
                continue;
            const std::vector<double> values = fromBase64<double>(roc, task.task.c_str());
            if (values.size() % 3 != 0)
                roc.fail(task.task.c_str(), "should hold threshold, false and true positive rate per point");
            for (std::size_t i = 0; i < values.size(); i += 3)
                task.roc.push_back({values[i], values[i + 1], values[i + 2]});
        }
        report.tasks = std::move(ordered);
    }
}

QJsonObject runToJson(const ProjectRun &run)
{
    QJsonArray scores;
    for (const TaskScores &task : run.scores)
        scores.append(scoresToJson(task));
    QJsonObject thresholds;
    for (const auto &[task, threshold] : run.thresholds)
        thresholds[qs(task)] = threshold;
    const RunConfiguration roles{run.roles.tasks, {}, run.config};
    QJsonObject json{{key("id"), run.id},
                     {key("name"), qs(run.name)},
                     {key("data_source"), qs(run.dataSource)},
                     {key("finished"), qs(run.finished)},
                     {key("features"), toJsonArray(run.roles.features)},
                     {key("configuration"), runConfigurationToJson(roles)},
                     {key("model"), QString::fromLatin1(serializeModel(run.model).toBase64())},
                     {key("report_extras"), reportExtrasToJson(run.model.reports)},
                     {key("split"), QJsonObject{{key("train"), rowsToBase64(run.split.train)},
                                                {key("validation"), rowsToBase64(run.split.validation)},
                                                {key("test"), rowsToBase64(run.split.test)}}},
                     {key("seconds"), run.seconds},
                     {key("scores"), scores},
                     {key("scores_part"), qs(run.scoresPart)},
                     {key("model_path"), qs(run.modelPath)},
                     {key("thresholds"), thresholds}};
    if (!run.roles.kept.empty()) // written when used, like the data options added later
        json.insert(key("kept"), toJsonArray(run.roles.kept));
    return json;
}

ProjectRun runFromJson(const JsonReader &reader, const std::string &sourceName)
{
    ProjectRun run;
    run.id = reader.integer("id");
    run.name = reader.text("name");
    run.dataSource = reader.text("data_source");
    run.finished = reader.text("finished");
    run.roles.features = reader.strings("features");
    if (reader.has("kept")) // absent from projects written before the ID / keep role
        run.roles.kept = reader.strings("kept");
    const RunConfiguration configuration = runConfigurationFromJson(reader.object("configuration"));
    run.roles.tasks = configuration.tasks;
    run.config = configuration.config;
    const auto modelBytes = QByteArray::fromBase64Encoding(QByteArray::fromStdString(reader.text("model")),
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!modelBytes)
        reader.fail("model", "is not valid base64");
    try {
        run.model = parseModel(*modelBytes, "the model of run \"" + run.name + "\"");
    } catch (const DataError &error) {
        throw DataError({sourceName, 0, {}}, error.what());
    }
    applyReportExtras(run.model.reports, reader);
    const JsonReader split = reader.object("split");
    run.split.train = rowsFromBase64(split, "train");
    run.split.validation = rowsFromBase64(split, "validation");
    run.split.test = rowsFromBase64(split, "test");
    run.seconds = reader.number("seconds");
    const QJsonArray scores = reader.array("scores");
    for (qsizetype i = 0; i < scores.size(); ++i)
        run.scores.push_back(scoresFromJson(reader.element(scores, i, "scores")));
    run.scoresPart = reader.text("scores_part");
    run.modelPath = reader.text("model_path");
    const QJsonObject thresholds = reader.value("thresholds").toObject();
    for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
        if (!it.value().isDouble())
            reader.fail("thresholds", "should map task names to numbers");
        run.thresholds[it.key().toStdString()] = it.value().toDouble();
    }
    return run;
}

// ---- Comparisons ----

QJsonObject comparisonToJson(const ProjectComparison &comparison)
{
    QJsonArray metrics;
    for (const MetricSamples &metric : comparison.result.metrics) {
        QJsonArray values;
        for (const std::vector<double> &candidate : metric.values) {
            QJsonArray repeats;
            for (const double value : candidate)
                repeats.append(numberOrNull(value));
            values.append(repeats);
        }
        metrics.append(QJsonObject{{key("task"), qs(metric.task)},
                                   {key("metric"), qs(metric.metric)},
                                   {key("higher_is_better"), metric.higherIsBetter},
                                   {key("values"), values}});
    }
    return {{key("finished"), qs(comparison.finished)},
            {key("candidates"), toJsonArray(comparison.result.candidates)},
            {key("scheme"), qs(comparison.result.scheme)},
            {key("metrics"), metrics}};
}

ProjectComparison comparisonFromJson(const JsonReader &reader)
{
    ProjectComparison comparison;
    comparison.finished = reader.text("finished");
    comparison.result.candidates = reader.strings("candidates");
    comparison.result.scheme = reader.text("scheme");
    const QJsonArray metrics = reader.array("metrics");
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const JsonReader metric = reader.element(metrics, i, "metrics");
        MetricSamples samples;
        samples.task = metric.text("task");
        samples.metric = metric.text("metric");
        samples.higherIsBetter = metric.flag("higher_is_better");
        const QJsonArray values = metric.array("values");
        if (values.size() != static_cast<qsizetype>(comparison.result.candidates.size()))
            metric.fail("values", "should hold one list of values per candidate");
        for (const QJsonValue &candidate : values) {
            if (!candidate.isArray())
                metric.fail("values", "should hold lists of numbers");
            std::vector<double> repeats;
            for (const QJsonValue &value : candidate.toArray()) {
                if (!value.isDouble() && !value.isNull())
                    metric.fail("values", "should hold numbers (or null for an undefined value)");
                repeats.push_back(numberOrNaN(value));
            }
            samples.values.push_back(std::move(repeats));
        }
        comparison.result.metrics.push_back(std::move(samples));
    }
    return comparison;
}

// ---- Binning ----

const char *binKindName(BinKind kind)
{
    switch (kind) {
    case BinKind::Range:
        return "range";
    case BinKind::Levels:
        return "levels";
    case BinKind::Missing:
        return "missing";
    case BinKind::Special:
        return "special";
    }
    return "?";
}

QJsonObject editedBinningToJson(const FeatureBinning &binning)
{
    QJsonArray bins;
    for (const Bin &bin : binning.bins) {
        // The open ends of the first and last range bins (-inf, +inf) are written as null.
        QJsonObject object{{key("kind"), QLatin1String(binKindName(bin.kind))},
                           {key("events"), static_cast<double>(bin.events)},
                           {key("non_events"), static_cast<double>(bin.nonEvents)}};
        if (bin.kind == BinKind::Range) {
            object.insert(key("lower"), numberOrNull(bin.lower));
            object.insert(key("upper"), numberOrNull(bin.upper));
        }
        if (bin.kind == BinKind::Special && bin.levels.empty())
            object.insert(key("special"), bin.special);
        if (!bin.levels.empty())
            object.insert(key("levels"), toJsonArray(bin.levels));
        bins.append(object);
    }
    return {{key("feature"), qs(binning.feature)},
            {key("categorical"), binning.categorical},
            {key("trend"), QLatin1String(toString(binning.trend))},
            {key("fine_bins"), static_cast<double>(binning.fineBinCount)},
            {key("bins"), bins}};
}

FeatureBinning editedBinningFromJson(const JsonReader &reader)
{
    FeatureBinning binning;
    binning.feature = reader.text("feature");
    binning.categorical = reader.flag("categorical");
    const std::string trend = reader.text("trend");
    bool knownTrend = false;
    for (const BinTrend candidate :
         {BinTrend::Auto, BinTrend::Ascending, BinTrend::Descending, BinTrend::Peak, BinTrend::Valley}) {
        if (trend == toString(candidate)) {
            binning.trend = candidate;
            knownTrend = true;
        }
    }
    if (!knownTrend)
        reader.fail("trend", "should be auto, ascending, descending, peak or valley");
    binning.fineBinCount = static_cast<std::size_t>(reader.count("fine_bins"));
    const QJsonArray bins = reader.array("bins");
    for (qsizetype i = 0; i < bins.size(); ++i) {
        const JsonReader item = reader.element(bins, i, "bins");
        Bin bin;
        const std::string kind = item.text("kind");
        if (kind == "range") {
            bin.kind = BinKind::Range;
            const QJsonValue lower = item.value("lower"), upper = item.value("upper");
            if ((!lower.isDouble() && !lower.isNull()) || (!upper.isDouble() && !upper.isNull()))
                item.fail("lower", "and upper should be numbers (or null for an open end)");
            bin.lower = lower.isNull() ? -std::numeric_limits<double>::infinity() : lower.toDouble();
            bin.upper = upper.isNull() ? std::numeric_limits<double>::infinity() : upper.toDouble();
            if (!(bin.lower < bin.upper))
                item.fail("upper", "should be above lower");
        } else if (kind == "levels") {
            bin.kind = BinKind::Levels;
            bin.levels = item.strings("levels");
            if (bin.levels.empty())
                item.fail("levels", "should name at least one level");
        } else if (kind == "missing") {
            bin.kind = BinKind::Missing;
        } else if (kind == "special") {
            bin.kind = BinKind::Special;
            if (item.has("levels"))
                bin.levels = item.strings("levels");
            else
                bin.special = item.number("special");
        } else {
            item.fail("kind", "should be range, levels, missing or special");
        }
        bin.events = item.count("events");
        bin.nonEvents = item.count("non_events");
        // Range bins follow one another without gap or overlap.
        if (bin.kind == BinKind::Range && !binning.bins.empty() && binning.bins.back().kind == BinKind::Range &&
            bin.lower != binning.bins.back().upper)
            item.fail("lower", "should equal the upper end of the bin before");
        binning.bins.push_back(std::move(bin));
    }
    try {
        computeBinStatistics(binning);
    } catch (const ConfigError &) {
        reader.fail("bins", "should hold both events and non-events");
    }
    return binning;
}

QJsonObject projectBinningToJson(const ProjectBinning &binning)
{
    QJsonArray edited;
    for (const FeatureBinning &feature : binning.edited)
        edited.append(editedBinningToJson(feature));
    return {{key("task"), qs(binning.taskColumn)},
            {key("positive_class"), qs(binning.positiveClass)},
            {key("edited"), edited}};
}

ProjectBinning projectBinningFromJson(const JsonReader &reader)
{
    ProjectBinning binning;
    binning.taskColumn = reader.text("task");
    binning.positiveClass = reader.text("positive_class");
    const QJsonArray edited = reader.array("edited");
    for (qsizetype i = 0; i < edited.size(); ++i)
        binning.edited.push_back(editedBinningFromJson(reader.element(edited, i, "edited")));
    return binning;
}

} // namespace

DataFingerprint fingerprintFile(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw DataError({path, 0, {}}, "cannot open: " + file.errorString().toStdString());
    DataFingerprint fingerprint;
    fingerprint.size = file.size();
    fingerprint.modifiedMs = QFileInfo(file).lastModified().toMSecsSinceEpoch();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QByteArray head = file.read(kFingerprintSampleBytes);
    hash.addData(head);
    if (fingerprint.size > kFingerprintSampleBytes) {
        const qint64 tailStart = std::max(fingerprint.size - kFingerprintSampleBytes, kFingerprintSampleBytes);
        if (!file.seek(tailStart))
            throw DataError({path, 0, {}}, "cannot read: " + file.errorString().toStdString());
        hash.addData(file.read(kFingerprintSampleBytes));
    }
    if (file.error() != QFileDevice::NoError)
        throw DataError({path, 0, {}}, "cannot read: " + file.errorString().toStdString());
    fingerprint.sampleSha256 = hash.result().toHex().toStdString();
    return fingerprint;
}

bool sameContent(const DataFingerprint &saved, const DataFingerprint &current)
{
    return saved.size == current.size && saved.sampleSha256 == current.sampleSha256 &&
           (saved.rows == 0 || current.rows == 0 || saved.rows == current.rows);
}

QByteArray serializeProject(const ProjectContents &contents)
{
    QJsonArray runs;
    for (const ProjectRun &run : contents.runs)
        runs.append(runToJson(run));
    QJsonArray comparisons;
    for (const ProjectComparison &comparison : contents.comparisons)
        comparisons.append(comparisonToJson(comparison));
    QJsonObject root{{key("format"), QLatin1String("creditmtl-project")},
                     {key("format_version"), kProjectFormatVersion},
                     {key("written_by"), QLatin1String("CreditMTL " CREDITMTL_VERSION)},
                     {key("data"), QJsonObject{{key("path"), qs(contents.data.path)},
                                               {key("options"), optionsToJson(contents.data.options)},
                                               {key("fingerprint"), fingerprintToJson(contents.data.fingerprint)}}},
                     {key("configuration"), runConfigurationToJson(contents.configuration)},
                     {key("test_file"), qs(contents.testFile)},
                     {key("runs"), runs},
                     {key("comparisons"), comparisons},
                     {key("recovered_from"), qs(contents.recoveredFrom)}};
    if (!contents.keptColumns.empty()) // written when used, like the data options added later
        root.insert(key("kept_columns"), toJsonArray(contents.keptColumns));
    if (!contents.binning.empty()) // written when used: older projects keep their bytes
        root.insert(key("binning"), projectBinningToJson(contents.binning));
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return writeSealedFile(kProjectFileFormat, kProjectFormatVersion, {json});
}

ProjectContents parseProject(QByteArrayView bytes, const std::string &sourceName)
{
    const SealedContent sealed = readSealedFile(bytes, kProjectFileFormat, sourceName);
    const JsonReader root(parseJsonSection(sealed.sections[0], "project file", sourceName), "project", sourceName);
    if (root.text("format") != "creditmtl-project")
        root.fail("format", "should be \"creditmtl-project\"");

    ProjectContents contents;
    const JsonReader data = root.object("data");
    contents.data.path = data.text("path");
    contents.data.options = optionsFromJson(data.object("options"));
    contents.data.fingerprint = fingerprintFromJson(data.object("fingerprint"));
    contents.configuration = runConfigurationFromJson(root.object("configuration"));
    if (root.has("kept_columns")) // absent from projects written before the ID / keep role
        contents.keptColumns = root.strings("kept_columns");
    contents.testFile = root.text("test_file");
    const QJsonArray runs = root.array("runs");
    for (qsizetype i = 0; i < runs.size(); ++i)
        contents.runs.push_back(runFromJson(root.element(runs, i, "runs"), sourceName));
    const QJsonArray comparisons = root.array("comparisons");
    for (qsizetype i = 0; i < comparisons.size(); ++i)
        contents.comparisons.push_back(comparisonFromJson(root.element(comparisons, i, "comparisons")));
    contents.recoveredFrom = root.text("recovered_from");
    if (root.has("binning")) // absent from projects written before the Binning page
        contents.binning = projectBinningFromJson(root.object("binning"));
    return contents;
}

void saveProjectFile(const std::string &path, const ProjectContents &contents)
{
    writeFileAtomically(path, serializeProject(contents));
}

ProjectContents loadProjectFile(const std::string &path)
{
    // Projects hold their runs' models and per-row scores: a few MB per run of 10,000 rows.
    constexpr std::int64_t kMaxProjectFileBytes = std::int64_t{4} << 30;
    return parseProject(readWholeFile(path, kMaxProjectFileBytes, "project file"), path);
}

std::vector<FeatureBinning> givenBinsFor(const ProjectBinning &binning, const std::string &source,
                                         const std::string &taskColumn, const std::string &positiveClass)
{
    if (binning.edited.empty())
        throw DataError({source, 0, "binning"}, "the project holds no edited bins; group a feature's bins on the "
                                                "workbench's Binning page and save the project, or drop --binning");
    if (binning.taskColumn != taskColumn || binning.positiveClass != positiveClass)
        throw DataError({source, 0, "binning"},
                        "the edited bins were grouped against " + binning.taskColumn + " = " + binning.positiveClass +
                            ", not against " + taskColumn + " = " + positiveClass +
                            "; their WoE would count other events. Use that task (--woe-task / --task; the Settings "
                            "page's WoE task in the workbench), or regroup the bins for this task on the Binning page");
    return binning.edited;
}

} // namespace cmtl
