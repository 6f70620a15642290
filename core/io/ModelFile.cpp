#include "io/ModelFile.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/MetricsJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace cmtl {

namespace {

constexpr const char *kMagic = "CreditMTL-model";

QString qs(const std::string &text) { return QString::fromStdString(text); }
QLatin1String key(const char *name) { return QLatin1String(name); }

// Reads fields of a JSON object, refusing a missing or mistyped field by its dotted path.
class JsonReader {
public:
    JsonReader(const QJsonObject &object, std::string path, const std::string &source)
        : m_object(object), m_path(std::move(path)), m_source(source)
    {
    }

    QJsonValue value(const char *name) const
    {
        const QJsonValue found = m_object.value(key(name));
        if (found.isUndefined())
            fail(name, "is missing");
        return found;
    }
    double number(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isDouble())
            fail(name, "should be a number");
        return found.toDouble();
    }
    int integer(const char *name) const
    {
        const double found = number(name);
        if (found != static_cast<double>(static_cast<int>(found)))
            fail(name, "should be an integer");
        return static_cast<int>(found);
    }
    std::string text(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isString())
            fail(name, "should be a string");
        return found.toString().toStdString();
    }
    bool flag(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isBool())
            fail(name, "should be true or false");
        return found.toBool();
    }
    QJsonArray array(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isArray())
            fail(name, "should be a list");
        return found.toArray();
    }
    JsonReader object(const char *name) const
    {
        const QJsonValue found = value(name);
        if (!found.isObject())
            fail(name, "should be an object");
        return JsonReader(found.toObject(), m_path + "." + name, m_source);
    }
    JsonReader element(const QJsonArray &list, qsizetype index, const char *listName) const
    {
        const std::string path = m_path + "." + listName + "[" + std::to_string(index) + "]";
        if (!list[index].isObject())
            throw DataError({m_source, 0, {}}, "model file field " + path + " should be an object");
        return JsonReader(list[index].toObject(), path, m_source);
    }
    std::vector<std::string> strings(const char *name) const
    {
        std::vector<std::string> result;
        for (const QJsonValue &item : array(name)) {
            if (!item.isString())
                fail(name, "should hold strings");
            result.push_back(item.toString().toStdString());
        }
        return result;
    }
    [[noreturn]] void fail(const char *name, const char *problem) const
    {
        throw DataError({m_source, 0, {}}, "model file field " + m_path + "." + name + " " + problem +
                                               " (the file is damaged or was edited)");
    }

private:
    QJsonObject m_object;
    std::string m_path;
    const std::string &m_source;
};

QJsonArray toJsonArray(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const std::string &item : items)
        array.append(qs(item));
    return array;
}

QJsonArray toJsonArray(const std::vector<int> &items)
{
    QJsonArray array;
    for (const int item : items)
        array.append(item);
    return array;
}

QJsonObject configToJson(const ExperimentConfig &config)
{
    QJsonObject preprocess{{key("missing_indicators"), config.preprocess.missingIndicators},
                           {key("max_levels"), config.preprocess.maxLevels},
                           {key("min_level_count"), config.preprocess.minLevelCount}};
    QJsonObject split{{key("train_fraction"), config.split.trainFraction},
                      {key("validation_fraction"), config.split.validationFraction},
                      {key("seed"), qs(std::to_string(config.split.seed))}};
    const TrainConfig &t = config.train;
    QJsonArray graph;
    for (const TaskRelation &edge : t.taskGraph)
        graph.append(QJsonObject{{key("a"), qs(edge.taskA)}, {key("b"), qs(edge.taskB)}, {key("strength"), edge.strength}});
    QJsonObject weighting{{key("method"), QLatin1String(toString(t.weighting.method))},
                          {key("gradnorm_alpha"), t.weighting.gradNormAlpha},
                          {key("gradnorm_learning_rate"), t.weighting.gradNormLearningRate},
                          {key("dwa_temperature"), t.weighting.dwaTemperature}};
    QJsonObject train{{key("architecture"), QLatin1String(toString(t.architecture))},
                      {key("experts"), t.experts},
                      {key("task_experts"), t.taskExperts},
                      {key("weighting"), weighting},
                      {key("task_graph"), graph},
                      {key("hidden_layers"), toJsonArray(t.hiddenLayers)},
                      {key("head_hidden"), t.headHidden},
                      {key("dropout"), t.dropout},
                      {key("learning_rate"), t.learningRate},
                      {key("batch_size"), t.batchSize},
                      {key("epochs"), t.epochs},
                      {key("patience"), t.patience},
                      {key("l2"), t.l2},
                      {key("seed"), qs(std::to_string(t.seed))}};
    return {{key("preprocess"), preprocess}, {key("split"), split}, {key("train"), train}};
}

std::uint64_t parseSeed(const JsonReader &reader, const char *name)
{
    const std::string text = reader.text(name);
    try {
        std::size_t used = 0;
        const unsigned long long value = std::stoull(text, &used);
        if (used == text.size())
            return value;
    } catch (const std::exception &) {
    }
    reader.fail(name, "should be an unsigned integer");
}

ExperimentConfig configFromJson(const JsonReader &reader)
{
    ExperimentConfig config;
    const JsonReader preprocess = reader.object("preprocess");
    config.preprocess.missingIndicators = preprocess.flag("missing_indicators");
    config.preprocess.maxLevels = preprocess.integer("max_levels");
    config.preprocess.minLevelCount = preprocess.integer("min_level_count");
    const JsonReader split = reader.object("split");
    config.split.trainFraction = split.number("train_fraction");
    config.split.validationFraction = split.number("validation_fraction");
    config.split.seed = parseSeed(split, "seed");
    const JsonReader train = reader.object("train");
    try {
        config.train.architecture = architectureFromString(train.text("architecture"));
    } catch (const ConfigError &) {
        train.fail("architecture", "names an architecture this build does not know");
    }
    config.train.experts = train.integer("experts");
    config.train.taskExperts = train.integer("task_experts");
    const JsonReader weighting = train.object("weighting");
    try {
        config.train.weighting.method = weightingFromString(weighting.text("method"));
    } catch (const ConfigError &) {
        weighting.fail("method", "names a task weighting this build does not know");
    }
    config.train.weighting.gradNormAlpha = weighting.number("gradnorm_alpha");
    config.train.weighting.gradNormLearningRate = weighting.number("gradnorm_learning_rate");
    config.train.weighting.dwaTemperature = weighting.number("dwa_temperature");
    const QJsonArray graph = train.array("task_graph");
    for (qsizetype i = 0; i < graph.size(); ++i) {
        const JsonReader edge = train.element(graph, i, "task_graph");
        config.train.taskGraph.push_back({edge.text("a"), edge.text("b"), edge.number("strength")});
    }
    config.train.hiddenLayers.clear();
    for (const QJsonValue &width : train.array("hidden_layers"))
        config.train.hiddenLayers.push_back(width.toInt());
    config.train.headHidden = train.integer("head_hidden");
    config.train.dropout = train.number("dropout");
    config.train.learningRate = train.number("learning_rate");
    config.train.batchSize = train.integer("batch_size");
    config.train.epochs = train.integer("epochs");
    config.train.patience = train.integer("patience");
    config.train.l2 = train.number("l2");
    config.train.seed = parseSeed(train, "seed");
    return config;
}

QJsonObject imbalanceToJson(const ImbalanceOptions &options)
{
    QJsonObject weights;
    for (const auto &[name, weight] : options.classWeights)
        weights[qs(name)] = weight;
    return {{key("balanced"), options.balancedClassWeights},
            {key("class_weights"), weights},
            {key("focal_gamma"), options.focalGamma},
            {key("oversample"), options.oversample}};
}

ImbalanceOptions imbalanceFromJson(const JsonReader &reader)
{
    ImbalanceOptions options;
    options.balancedClassWeights = reader.flag("balanced");
    const QJsonObject weights = reader.value("class_weights").toObject();
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        if (!it.value().isDouble())
            reader.fail("class_weights", "should map class names to numbers");
        options.classWeights[it.key().toStdString()] = it.value().toDouble();
    }
    options.focalGamma = reader.number("focal_gamma");
    options.oversample = reader.flag("oversample");
    return options;
}

QJsonObject preprocessorToJson(const Preprocessor &preprocessor)
{
    QJsonArray numeric, oneHot;
    for (const NumericStep &step : preprocessor.numeric) {
        numeric.append(QJsonObject{{key("column"), qs(step.column)},
                                   {key("median"), static_cast<double>(step.median)},
                                   {key("mean"), static_cast<double>(step.mean)},
                                   {key("scale"), static_cast<double>(step.scale)},
                                   {key("missing_indicator"), step.missingIndicator}});
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
            tasks.append(QJsonArray{std::isfinite(task.trainLoss) ? QJsonValue(task.trainLoss) : QJsonValue(),
                                    std::isfinite(task.validationLoss) ? QJsonValue(task.validationLoss) : QJsonValue(),
                                    std::isfinite(task.validationMetric) ? QJsonValue(task.validationMetric)
                                                                         : QJsonValue()});
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
    return {{key("epochs"), epochs}, {key("best_epoch"), history.bestEpoch}, {key("stop_reason"), qs(history.stopReason)}};
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
            record.tasks.push_back({numberOrNaN(values.at(0)), numberOrNaN(values.at(1)), numberOrNaN(values.at(2))});
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
        tasks.append(QJsonObject{{key("column"), qs(task.spec.column)},
                                 {key("type"), QLatin1String(toString(task.spec.type))},
                                 {key("positive_class"), qs(task.spec.positiveClass)},
                                 {key("lambda"), task.spec.lambda},
                                 {key("classes"), toJsonArray(task.classes)},
                                 {key("mean"), task.mean},
                                 {key("scale"), task.scale},
                                 {key("imbalance"), imbalanceToJson(task.spec.imbalance)}});
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
    const auto refuse = [&](const std::string &problem) -> DataError { return DataError({sourceName, 0, {}}, problem); };
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
        throw refuse("damaged model file: its header is not valid JSON (" + parseError.errorString().toStdString() + ")");
    const JsonReader header(document.object(), "model", sourceName);
    if (header.text("format") != "creditmtl-model")
        header.fail("format", "should be \"creditmtl-model\"");

    Preprocessor preprocessor = preprocessorFromJson(header.object("preprocessing"));
    std::vector<TargetEncoding> tasks;
    const QJsonArray taskArray = header.array("tasks");
    for (qsizetype i = 0; i < taskArray.size(); ++i) {
        const JsonReader task = header.element(taskArray, i, "tasks");
        TargetEncoding encoding;
        encoding.spec.column = task.text("column");
        try {
            encoding.spec.type = taskTypeFromString(task.text("type"));
        } catch (const ConfigError &) {
            task.fail("type", "should be binary, multiclass or regression");
        }
        encoding.spec.positiveClass = task.text("positive_class");
        encoding.spec.lambda = task.number("lambda");
        encoding.classes = task.strings("classes");
        encoding.mean = task.number("mean");
        encoding.scale = task.number("scale");
        encoding.spec.imbalance = imbalanceFromJson(task.object("imbalance"));
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
        contents.reports.push_back(reportFromJson(report.toObject()));
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
