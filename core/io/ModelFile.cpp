#include "io/ModelFile.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/ConfigJson.h"
#include "io/JsonReader.h"
#include "io/MetricsJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;
using json::toJsonArray;

namespace {

constexpr const char *kMagic = "CreditMTL-model";

QJsonObject preprocessorToJson(const Preprocessor &preprocessor)
{
    QJsonArray numeric, oneHot;
    for (const NumericStep &step : preprocessor.numeric) {
        numeric.append(QJsonObject{{key("column"), qs(step.column)},
                                   {key("median"), static_cast<double>(step.median)},
                                   {key("mean"), static_cast<double>(step.mean)},
                                   {key("scale"), static_cast<double>(step.scale)},
                                   {key("missing_indicator"), step.missingIndicator},
                                   {key("lowest"), static_cast<double>(step.lowest)},
                                   {key("highest"), static_cast<double>(step.highest)}});
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        oneHot.append(QJsonObject{{key("column"), qs(step.column)},
                                  {key("levels"), toJsonArray(step.levels)},
                                  {key("other_input"), step.otherInput}});
    }
    return {{key("numeric"), numeric}, {key("one_hot"), oneHot}};
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
    return preprocessor;
}

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
                                  {key("lambdas"), lambdas},
                                  {key("seconds"), record.seconds}});
    }
    return {
        {key("epochs"), epochs}, {key("best_epoch"), history.bestEpoch}, {key("stop_reason"), qs(history.stopReason)}};
}

TrainingHistory historyFromJson(const JsonReader &reader)
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
        record.seconds = epoch.number("seconds");
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

QByteArray sha256Line(QByteArrayView content)
{
    return "\nsha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n";
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
    QJsonArray reports;
    for (const EvaluationReport &report : contents.reports)
        reports.append(reportToJson(report));
    const QJsonObject header{
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
        {key("weights"), QJsonObject{{key("count"), static_cast<double>(model.parameters().size())},
                                     {key("encoding"), QLatin1String("float32-le")}}}};
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Indented);

    QByteArray weights(static_cast<qsizetype>(model.parameters().size()) * 4, Qt::Uninitialized);
    for (Eigen::Index i = 0; i < model.parameters().size(); ++i)
        qToLittleEndian(std::bit_cast<std::uint32_t>(model.parameters()[i]), weights.data() + i * 4);

    QByteArray file = QByteArray(kMagic) + ' ' + QByteArray::number(kModelFormatVersion) + ' ' +
                      QByteArray::number(json.size()) + ' ' + QByteArray::number(weights.size()) + '\n';
    file += json;
    file += weights;
    file += sha256Line(file);
    return file;
}

ModelFileContents parseModel(QByteArrayView bytes, const std::string &sourceName)
{
    const auto refuse = [&](const std::string &problem) -> DataError {
        return DataError({sourceName, 0, {}}, problem);
    };
    const qsizetype firstLineEnd = bytes.indexOf('\n');
    const QByteArrayView magic(kMagic);
    if (!bytes.startsWith(magic) || firstLineEnd < 0 || firstLineEnd > 200)
        throw refuse("not a CreditMTL model file (it does not start with \"CreditMTL-model\")");
    const QList<QByteArray> fields = bytes.first(firstLineEnd).toByteArray().split(' ');
    bool versionOk = false, jsonOk = false, weightsOk = false;
    const int version = fields.size() == 4 ? fields[1].toInt(&versionOk) : 0;
    const qsizetype jsonSize = fields.size() == 4 ? fields[2].toLongLong(&jsonOk) : 0;
    const qsizetype weightSize = fields.size() == 4 ? fields[3].toLongLong(&weightsOk) : 0;
    if (!versionOk || !jsonOk || !weightsOk || jsonSize < 0 || weightSize < 0 || weightSize % 4 != 0)
        throw refuse("damaged model file: the first line should read \"CreditMTL-model <version> <sizes>\"");
    if (version > kModelFormatVersion)
        throw refuse("this model file has format version " + std::to_string(version) +
                     ", written by a newer CreditMTL; this build reads versions up to " +
                     std::to_string(kModelFormatVersion) + ": update CreditMTL to open it");
    if (version < 1)
        throw refuse("damaged model file: format version " + std::to_string(version) + " does not exist");

    const qsizetype contentSize = firstLineEnd + 1 + jsonSize + weightSize;
    const qsizetype checksumSize = 8 + 64 + 1; // "\nsha256 " + 64 hex digits + "\n"
    if (bytes.size() < contentSize + checksumSize)
        throw refuse("the model file is truncated: " + std::to_string(bytes.size()) + " bytes, expected " +
                     std::to_string(contentSize + checksumSize));
    if (bytes.size() > contentSize + checksumSize)
        throw refuse("the model file has " + std::to_string(bytes.size() - contentSize - checksumSize) +
                     " unexpected bytes at its end");
    if (bytes.sliced(contentSize) != sha256Line(bytes.first(contentSize)))
        throw refuse("the model file's checksum does not match its content: the file was edited or damaged");

    QJsonParseError parseError{};
    const QJsonDocument document =
        QJsonDocument::fromJson(bytes.sliced(firstLineEnd + 1, jsonSize).toByteArray(), &parseError);
    if (!document.isObject())
        throw refuse("damaged model file: its header is not valid JSON (" + parseError.errorString().toStdString() +
                     ")");
    const JsonReader header(document.object(), "model", sourceName);
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
        network.trunk.push_back(width.toInt());
    network.headHidden = networkReader.integer("head_hidden");
    network.dropout = networkReader.number("dropout");
    for (const TargetEncoding &task : tasks) {
        network.taskTypes.push_back(task.spec.type);
        network.taskOutputs.push_back(outputWidth(task));
    }

    const Eigen::Index count = weightSize / 4;
    if (header.object("weights").number("count") != static_cast<double>(count))
        header.fail("weights.count", "disagrees with the size of the weights");
    Eigen::VectorXf parameters(count);
    const char *weightBytes = bytes.data() + firstLineEnd + 1 + jsonSize;
    for (Eigen::Index i = 0; i < count; ++i)
        parameters[i] = std::bit_cast<float>(qFromLittleEndian<std::uint32_t>(weightBytes + i * 4));

    ModelFileContents contents;
    try {
        contents.model = MultiTaskModel(std::move(preprocessor), std::move(tasks), network, std::move(parameters),
                                        configFromJson(header.object("config")));
    } catch (const ConfigError &error) {
        throw refuse(std::string("the model file is inconsistent: ") + error.what());
    }
    for (const QJsonValue &report : header.array("metrics"))
        contents.reports.push_back(reportFromJson(report.toObject(), sourceName));
    contents.history = historyFromJson(header.object("history"));
    contents.warnings = header.strings("warnings");
    return contents;
}

void saveModelFile(const std::string &path, const ModelFileContents &contents)
{
    writeFileAtomically(path, serializeModel(contents));
}

ModelFileContents loadModelFile(const std::string &path)
{
    return parseModel(readWholeFile(path), path);
}

} // namespace cmtl
