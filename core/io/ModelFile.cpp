#include "io/ModelFile.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/BinningJson.h"
#include "io/ConfigJson.h"
#include "io/JsonReader.h"
#include "io/MetricsJson.h"
#include "io/SealedFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <bit>
#include <cmath>
#include <cstring>
#include <set>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;
using json::toJsonArray;

namespace {

// "CreditMTL-model <version> <JSON bytes> <weight bytes>", then the JSON header and the weights.
constexpr SealedSectionFormat kModelSections[] = {{"header"}, {"weight", 4, "4-byte float32 weights"}};
constexpr SealedFormat kModelFileFormat{"CreditMTL-model", "model file", kModelFormatVersion, kModelSections};

QJsonObject preprocessorToJson(const Preprocessor &preprocessor)
{
    QJsonArray numeric, oneHot;
    for (const NumericStep &step : preprocessor.numeric) {
        QJsonObject object{{key("column"), qs(step.column)},
                           {key("median"), static_cast<double>(step.median)},
                           {key("mean"), static_cast<double>(step.mean)},
                           {key("scale"), static_cast<double>(step.scale)},
                           {key("missing_indicator"), step.missingIndicator}};
        // A model from a file that predates the training ranges has none (infinite bounds, which
        // JSON cannot hold): it is saved again without them, as it was read.
        if (preprocessor.hasTrainingRanges) {
            object.insert(key("lowest"), static_cast<double>(step.lowest));
            object.insert(key("highest"), static_cast<double>(step.highest));
        }
        numeric.append(object);
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        oneHot.append(QJsonObject{{key("column"), qs(step.column)},
                                  {key("levels"), toJsonArray(step.levels)},
                                  {key("other_input"), step.otherInput}});
    }
    QJsonObject object{{key("numeric"), numeric}, {key("one_hot"), oneHot}};
    // Only when there are some: a model without WoE inputs is saved as older versions saved it.
    if (!preprocessor.woe.empty()) {
        QJsonArray woe;
        for (const FeatureBinning &binning : preprocessor.woe)
            woe.append(binningToJson(binning));
        object.insert(key("woe"), woe);
    }
    return object;
}

Preprocessor preprocessorFromJson(const JsonReader &reader)
{
    Preprocessor preprocessor;
    const QJsonArray numeric = reader.array("numeric");
    for (qsizetype i = 0; i < numeric.size(); ++i) {
        const JsonReader step = reader.element(numeric, i, "numeric");
        preprocessor.numeric.push_back({step.text("column"), static_cast<float>(step.number("median")),
                                        static_cast<float>(step.number("mean")),
                                        static_cast<float>(step.number("scale")), step.flag("missing_indicator")});
        // The training range (clipping at scoring time) came later: files without it still load,
        // unclipped, and scoring says so (Preprocessor::hasTrainingRanges).
        if (!numeric[i].toObject().contains(key("lowest"))) {
            preprocessor.hasTrainingRanges = false;
            continue;
        }
        NumericStep &added = preprocessor.numeric.back();
        added.lowest = static_cast<float>(step.number("lowest"));
        added.highest = static_cast<float>(step.number("highest"));
        if (!(added.lowest <= added.highest))
            step.fail("highest", "should be at least lowest");
    }
    const QJsonArray oneHot = reader.array("one_hot");
    for (qsizetype i = 0; i < oneHot.size(); ++i) {
        const JsonReader step = reader.element(oneHot, i, "one_hot");
        preprocessor.oneHot.push_back({step.text("column"), step.strings("levels"), step.flag("other_input")});
    }
    if (reader.has("woe")) {
        const QJsonArray woe = reader.array("woe");
        for (qsizetype i = 0; i < woe.size(); ++i)
            preprocessor.woe.push_back(binningFromJson(reader.element(woe, i, "woe")));
    }
    return preprocessor;
}

// The history without wall-clock timings (seconds, rows per second): they differ from run to run,
// and the file's bytes must depend only on the data and the settings, so that two runs with the
// same seed give byte-identical files (a hash checks reproducibility).
QJsonObject historyToJson(const TrainingHistory &history)
{
    QJsonArray epochs;
    for (const EpochRecord &record : history.epochs) {
        QJsonArray tasks;
        for (const TaskEpochStats &task : record.tasks) {
            QJsonArray values;
            for (const double value : {task.trainLoss, task.validationLoss, task.validationMetric, task.trainMetric})
                values.append(std::isfinite(value) ? QJsonValue(value) : QJsonValue());
            tasks.append(values);
        }
        QJsonArray lambdas;
        for (const double lambda : record.lambdas)
            lambdas.append(lambda);
        epochs.append(QJsonObject{{key("epoch"), record.epoch},
                                  {key("train_objective"), record.trainObjective},
                                  {key("validation_objective"), std::isfinite(record.validationObjective)
                                                                    ? QJsonValue(record.validationObjective)
                                                                    : QJsonValue()},
                                  {key("tasks"), tasks},
                                  {key("lambdas"), lambdas}});
    }
    return {
        {key("epochs"), epochs}, {key("best_epoch"), history.bestEpoch}, {key("stop_reason"), qs(history.stopReason)}};
}

TrainingHistory historyFromJson(const JsonReader &reader, int formatVersion)
{
    const auto numberOrNaN = [](const QJsonValue &value) { return value.isDouble() ? value.toDouble() : kNotMeasured; };
    TrainingHistory history;
    history.bestEpoch = reader.integer("best_epoch");
    history.stopReason = reader.text("stop_reason");
    const QJsonArray epochs = reader.array("epochs");
    for (qsizetype i = 0; i < epochs.size(); ++i) {
        const JsonReader epoch = reader.element(epochs, i, "epochs");
        EpochRecord record;
        record.epoch = epoch.integer("epoch");
        record.trainObjective = numberOrNaN(epoch.value("train_objective"));
        record.validationObjective = numberOrNaN(epoch.value("validation_objective"));
        // Version 1 files stored each epoch's seconds; later versions store no timing (not measured).
        record.seconds = formatVersion == 1 ? epoch.number("seconds") : kNotMeasured;
        record.samplesPerSecond = kNotMeasured;
        for (const QJsonValue &task : epoch.array("tasks")) {
            const QJsonArray values = task.toArray();
            record.tasks.push_back({numberOrNaN(values.at(0)), numberOrNaN(values.at(1)), numberOrNaN(values.at(2)),
                                    numberOrNaN(values.at(3))});
        }
        for (const QJsonValue &lambda : epoch.array("lambdas"))
            record.lambdas.push_back(lambda.toDouble());
        history.epochs.push_back(std::move(record));
    }
    return history;
}

// Refuses what a valid checksum cannot: content that does not describe a usable model (a file
// written by a faulty tool, or edited and re-signed). Each message names the field and the value.
void validateMeaning(const ModelFileContents &contents, const std::string &sourceName)
{
    const auto refuse = [&](const std::string &field, const std::string &problem) {
        throw DataError({sourceName, 0, {}}, "the model file is inconsistent: " + field + " " + problem +
                                                 " (the file is damaged or was edited)");
    };
    const auto quoted = [](const std::string &text) { return "\"" + text + "\""; };
    const auto number = [](double value) { return QString::number(value).toStdString(); };
    const auto finiteStatistic = [&](const std::string &field, double value) {
        if (!std::isfinite(value))
            refuse(field, "is " + number(value) + ", not a finite number");
    };
    const auto positiveScale = [&](const std::string &field, double value) {
        if (!std::isfinite(value) || value <= 0)
            refuse(field, "is " + number(value) + "; a scale must be a finite number > 0 (it divides)");
    };
    const auto distinct = [&](const std::string &field, const std::vector<std::string> &names) {
        std::set<std::string> seen;
        for (const std::string &name : names) {
            if (!seen.insert(name).second)
                refuse(field, "names " + quoted(name) + " twice");
        }
    };

    const MultiTaskModel &model = contents.model;
    std::set<std::string> taskColumns;
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        const TargetEncoding &task = model.tasks()[t];
        const std::string field = "tasks[" + std::to_string(t) + "]";
        if (!taskColumns.insert(task.spec.column).second)
            refuse(field + ".column", quoted(task.spec.column) + " is the column of an earlier task too");
        distinct(field + ".classes", task.classes);
        switch (task.spec.type) {
        case TaskType::Binary:
            if (task.classes.size() != 2)
                refuse(field + ".classes", "holds " + std::to_string(task.classes.size()) +
                                               " classes; a binary task has exactly 2 (negative, positive)");
            if (task.classes[1] != task.spec.positiveClass)
                refuse(field + ".positive_class", quoted(task.spec.positiveClass) +
                                                      " is not the task's positive class " + quoted(task.classes[1]));
            break;
        case TaskType::Multiclass:
            break; // at least 2 classes (checked when read), at most kMaxClasses (by the network)
        case TaskType::Regression:
            if (!task.classes.empty())
                refuse(field + ".classes", "should be empty for a regression task");
            finiteStatistic(field + ".mean", task.mean);
            positiveScale(field + ".scale", task.scale);
            break;
        }
    }
    const Preprocessor &preprocessor = model.preprocessor();
    std::vector<std::string> featureColumns;
    for (std::size_t i = 0; i < preprocessor.numeric.size(); ++i) {
        const NumericStep &step = preprocessor.numeric[i];
        const std::string field = "preprocessing.numeric[" + std::to_string(i) + "]";
        finiteStatistic(field + ".median", step.median);
        finiteStatistic(field + ".mean", step.mean);
        positiveScale(field + ".scale", step.scale);
        featureColumns.push_back(step.column);
    }
    for (std::size_t i = 0; i < preprocessor.oneHot.size(); ++i) {
        const OneHotStep &step = preprocessor.oneHot[i];
        distinct("preprocessing.one_hot[" + std::to_string(i) + "].levels", step.levels);
        featureColumns.push_back(step.column);
    }
    for (std::size_t i = 0; i < preprocessor.woe.size(); ++i) {
        const std::string field = "preprocessing.woe[" + std::to_string(i) + "]";
        for (std::size_t b = 0; b < preprocessor.woe[i].bins.size(); ++b)
            finiteStatistic(field + ".bins[" + std::to_string(b) + "].woe", preprocessor.woe[i].bins[b].woe);
        featureColumns.push_back(preprocessor.woe[i].feature);
    }
    distinct("preprocessing (its feature columns)", featureColumns);
    const TrainingHistory &history = contents.history;
    if (history.bestEpoch < 0 || static_cast<std::size_t>(history.bestEpoch) > history.epochs.size())
        refuse("history.best_epoch", "is " + std::to_string(history.bestEpoch) + ", not one of the " +
                                         std::to_string(history.epochs.size()) + " epochs recorded");
}

} // namespace

QByteArray serializeModel(const ModelFileContents &contents)
{
    const MultiTaskModel &model = contents.model;
    QJsonArray tasks;
    for (const TargetEncoding &task : model.tasks()) {
        QJsonObject object = taskSpecToJson(task.spec);
        object[key("classes")] = toJsonArray(task.classes);
        object[key("mean")] = task.mean;
        object[key("scale")] = task.scale;
        tasks.append(object);
    }
    const NetworkSpec &network = model.network().spec();
    // A seed ensemble's members follow one another in the weights section.
    const Eigen::Index weightCount = model.parameters().size() * static_cast<Eigen::Index>(model.memberCount());
    QJsonArray reports;
    for (const EvaluationReport &report : contents.reports)
        reports.append(reportToJson(report, ConfusionLayout::Cells));
    QJsonObject header{
        {key("format"), QLatin1String("creditmtl-model")},
        {key("format_version"), kModelFormatVersion},
        {key("written_by"), QLatin1String("CreditMTL " CREDITMTL_VERSION)},
        {key("preprocessing"), preprocessorToJson(model.preprocessor())},
        {key("input_names"), toJsonArray(model.preprocessor().inputNames())},
        {key("tasks"), tasks},
        {key("network"), QJsonObject{{key("inputs"), static_cast<double>(network.inputs)},
                                     {key("architecture"), QLatin1String(toString(network.architecture))},
                                     {key("experts"), network.experts},
                                     {key("task_experts"), network.taskExperts},
                                     {key("trunk"), toJsonArray(network.trunk)},
                                     {key("head_hidden"), network.headHidden},
                                     {key("dropout"), network.dropout}}},
        {key("config"), configToJson(model.config())},
        {key("metrics"), reports},
        {key("history"), historyToJson(contents.history)},
        {key("warnings"), toJsonArray(contents.warnings)},
        {key("weights"), QJsonObject{{key("count"), static_cast<double>(weightCount)},
                                     {key("encoding"), QLatin1String("float32-le")}}}};
    // Only when used: the file of a model without the wide path stays as older versions wrote it.
    if (network.wide) {
        QJsonObject networkObject = header.value(key("network")).toObject();
        networkObject.insert(key("wide"), true);
        header.insert(key("network"), networkObject);
    }
    // Only for an ensemble: the file of a single network stays as older versions wrote it.
    if (model.memberCount() > 1) {
        QJsonObject weightsObject = header.value(key("weights")).toObject();
        weightsObject.insert(key("members"), static_cast<double>(model.memberCount()));
        header.insert(key("weights"), weightsObject);
    }
    // Only when there are some: the file of a model without them stays as older versions wrote it.
    if (!model.inputMissingValues().empty()) {
        QJsonObject missing;
        for (const auto &[column, values] : model.inputMissingValues())
            missing.insert(qs(column), toJsonArray(values));
        header.insert(key("input_missing_values"), missing);
    }
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Indented);

    QByteArray weights(static_cast<qsizetype>(weightCount) * 4, Qt::Uninitialized);
    char *out = weights.data();
    for (std::size_t member = 0; member < model.memberCount(); ++member) {
        for (const float weight : model.memberParameters(member)) {
            qToLittleEndian(std::bit_cast<std::uint32_t>(weight), out);
            out += 4;
        }
    }

    return writeSealedFile(kModelFileFormat, kModelFormatVersion, {json, weights});
}

ModelFileContents parseModel(QByteArrayView bytes, const std::string &sourceName)
{
    const auto refuse = [&](const std::string &problem) -> DataError {
        return DataError({sourceName, 0, {}}, problem);
    };
    const SealedContent sealed = readSealedFile(bytes, kModelFileFormat, sourceName);
    const JsonReader header(parseJsonSection(sealed.sections[0], "model file", sourceName), "model", sourceName);
    if (header.text("format") != "creditmtl-model")
        header.fail("format", "should be \"creditmtl-model\"");

    Preprocessor preprocessor = preprocessorFromJson(header.object("preprocessing"));
    std::vector<TargetEncoding> tasks;
    const QJsonArray taskArray = header.array("tasks");
    for (qsizetype i = 0; i < taskArray.size(); ++i) {
        const JsonReader task = header.element(taskArray, i, "tasks");
        TargetEncoding encoding;
        encoding.spec = taskSpecFromJson(task);
        encoding.classes = task.strings("classes");
        encoding.mean = task.number("mean");
        encoding.scale = task.number("scale");
        if (encoding.spec.type != TaskType::Regression && encoding.classes.size() < 2)
            task.fail("classes", "should name at least two classes");
        tasks.push_back(std::move(encoding));
    }
    if (tasks.empty())
        header.fail("tasks", "should hold at least one task");

    const JsonReader networkReader = header.object("network");
    NetworkSpec network;
    network.inputs = networkReader.integer("inputs");
    try {
        network.architecture = architectureFromString(networkReader.text("architecture"));
    } catch (const ConfigError &) {
        networkReader.fail("architecture", "names an architecture this build does not know");
    }
    network.experts = networkReader.integer("experts");
    network.taskExperts = networkReader.integer("task_experts");
    network.trunk.clear();
    for (const QJsonValue &width : networkReader.array("trunk"))
        network.trunk.push_back(static_cast<int>(networkReader.integer(width, "trunk", limits::kHiddenWidth)));
    network.headHidden = networkReader.integer("head_hidden");
    network.dropout = networkReader.number("dropout");
    network.wide = networkReader.has("wide") && networkReader.flag("wide");
    for (const TargetEncoding &task : tasks) {
        network.taskTypes.push_back(task.spec.type);
        network.taskOutputs.push_back(outputWidth(task));
    }

    const QByteArrayView weightBytes = sealed.sections[1];
    const auto count = static_cast<Eigen::Index>(weightBytes.size() / 4);
    const JsonReader weightsReader = header.object("weights");
    if (weightsReader.text("encoding") != "float32-le")
        weightsReader.fail("encoding", "names a weights encoding this build does not know (it reads \"float32-le\")");
    if (weightsReader.count("count") != count)
        weightsReader.fail("count", "disagrees with the size of the weights");
    Eigen::VectorXf parameters(count);
    for (Eigen::Index i = 0; i < count; ++i) {
        parameters[i] = std::bit_cast<float>(qFromLittleEndian<std::uint32_t>(weightBytes.data() + i * 4));
        if (!std::isfinite(parameters[i]))
            throw refuse("the model file is damaged: weight " + std::to_string(i) + " of " + std::to_string(count) +
                         " is not a finite number (" + std::to_string(parameters[i]) +
                         "); the model would predict NaN");
    }
    // A seed ensemble (weights.members, written only when above 1): equal slices, one per member.
    const auto memberCount = weightsReader.has("members") ? weightsReader.integer("members", limits::kEnsemble) : 1;
    if (count % memberCount != 0)
        weightsReader.fail(
            "members",
            ("does not divide the " + std::to_string(count) + " weights into members of equal size").c_str());
    std::vector<Eigen::VectorXf> members;
    const Eigen::Index memberSize = count / memberCount;
    for (std::int64_t member = 0; member < memberCount; ++member)
        members.push_back(parameters.segment(member * memberSize, memberSize));

    ModelFileContents contents;
    try {
        contents.model = MultiTaskModel(std::move(preprocessor), std::move(tasks), network, std::move(members),
                                        configFromJson(header.object("config")));
    } catch (const ConfigError &error) {
        throw refuse(std::string("the model file is inconsistent: ") + error.what());
    }
    if (header.has("input_missing_values")) {
        const JsonReader missing = header.object("input_missing_values");
        const std::vector<std::string> inputs = contents.model.requiredColumns();
        std::map<std::string, std::vector<std::string>> values;
        for (const QString &column : missing.keys()) {
            const QByteArray name = column.toUtf8();
            if (std::find(inputs.begin(), inputs.end(), name.toStdString()) == inputs.end())
                missing.fail(name.constData(), "is not an input column of the model");
            values[name.toStdString()] = missing.strings(name.constData());
        }
        contents.model.setInputMissingValues(values);
    }
    for (const QJsonValue &report : header.array("metrics"))
        contents.reports.push_back(reportFromJson(report.toObject(), sourceName));
    contents.history = historyFromJson(header.object("history"), sealed.version);
    contents.warnings = header.strings("warnings");
    validateMeaning(contents, sourceName);
    return contents;
}

void saveModelFile(const std::string &path, const ModelFileContents &contents)
{
    writeFileAtomically(path, serializeModel(contents));
}

ModelFileContents loadModelFile(const std::string &path)
{
    return parseModel(readWholeFile(path, kMaxModelFileBytes, "model file"), path);
}

} // namespace cmtl
