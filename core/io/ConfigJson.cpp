#include "io/ConfigJson.h"

#include "io/AtomicFile.h"

#include <QJsonDocument>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;
using json::toJsonArray;

QJsonObject configToJson(const ExperimentConfig &config)
{
    QJsonObject preprocess{{key("missing_indicators"), config.preprocess.missingIndicators},
                           {key("max_levels"), config.preprocess.maxLevels},
                           {key("min_level_count"), config.preprocess.minLevelCount}};
    // Only when used, so that a configuration without WoE inputs is the same bytes as before.
    if (config.woe.used()) {
        QJsonObject woe{{key("columns"), toJsonArray(config.woe.columns)}, {key("all"), config.woe.allColumns}};
        if (!config.woe.task.empty())
            woe.insert(key("task"), qs(config.woe.task));
        if (!config.woe.positiveClass.empty())
            woe.insert(key("positive_class"), qs(config.woe.positiveClass));
        preprocess.insert(key("woe"), woe);
    }
    QJsonObject split{{key("train_fraction"), config.split.trainFraction},
                      {key("validation_fraction"), config.split.validationFraction},
                      {key("seed"), qs(std::to_string(config.split.seed))}};
    const TrainConfig &t = config.train;
    QJsonArray graph;
    for (const TaskRelation &edge : t.taskGraph)
        graph.append(
            QJsonObject{{key("a"), qs(edge.taskA)}, {key("b"), qs(edge.taskB)}, {key("strength"), edge.strength}});
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
    // Written only when they differ from what their absence means (the objective, no refit), so
    // that a configuration that does not use them is the same bytes as before they existed.
    if (!t.earlyStopOn.empty())
        train.insert(key("early_stop_on"), qs(t.earlyStopOn));
    if (t.refit != RefitMode::None)
        train.insert(key("refit"), QLatin1String(toString(t.refit)));
    if (t.wide)
        train.insert(key("wide"), true);
    if (t.ensemble != 1)
        train.insert(key("ensemble"), t.ensemble);
    return {{key("preprocess"), preprocess}, {key("split"), split}, {key("train"), train}};
}

namespace {

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

} // namespace

ExperimentConfig configFromJson(const JsonReader &reader)
{
    ExperimentConfig config;
    const JsonReader preprocess = reader.object("preprocess");
    config.preprocess.missingIndicators = preprocess.flag("missing_indicators");
    config.preprocess.maxLevels = static_cast<int>(preprocess.integer("max_levels", limits::kMaxLevels));
    config.preprocess.minLevelCount = static_cast<int>(preprocess.integer("min_level_count", limits::kMinLevelCount));
    if (preprocess.has("woe")) {
        const JsonReader woe = preprocess.object("woe");
        config.woe.columns = woe.strings("columns");
        config.woe.allColumns = woe.flag("all");
        if (woe.has("task"))
            config.woe.task = woe.text("task");
        if (woe.has("positive_class"))
            config.woe.positiveClass = woe.text("positive_class");
    }
    const JsonReader split = reader.object("split");
    config.split.trainFraction = split.number("train_fraction", limits::kTrainFraction);
    config.split.validationFraction = split.number("validation_fraction", limits::kValidationFraction);
    config.split.seed = parseSeed(split, "seed");
    const JsonReader train = reader.object("train");
    try {
        config.train.architecture = architectureFromString(train.text("architecture"));
    } catch (const ConfigError &) {
        train.fail("architecture", "names an architecture this build does not know");
    }
    config.train.experts = static_cast<int>(train.integer("experts", limits::kExperts));
    config.train.taskExperts = static_cast<int>(train.integer("task_experts", limits::kTaskExperts));
    const JsonReader weighting = train.object("weighting");
    try {
        config.train.weighting.method = weightingFromString(weighting.text("method"));
    } catch (const ConfigError &) {
        weighting.fail("method", "names a task weighting this build does not know");
    }
    config.train.weighting.gradNormAlpha = weighting.number("gradnorm_alpha", limits::kGradNormAlpha);
    config.train.weighting.gradNormLearningRate =
        weighting.number("gradnorm_learning_rate", limits::kGradNormLearningRate);
    config.train.weighting.dwaTemperature = weighting.number("dwa_temperature", limits::kDwaTemperature);
    const QJsonArray graph = train.array("task_graph");
    for (qsizetype i = 0; i < graph.size(); ++i) {
        const JsonReader edge = train.element(graph, i, "task_graph");
        config.train.taskGraph.push_back(
            {edge.text("a"), edge.text("b"), edge.number("strength", limits::kTaskGraphStrength)});
    }
    config.train.hiddenLayers.clear();
    for (const QJsonValue &width : train.array("hidden_layers"))
        config.train.hiddenLayers.push_back(
            static_cast<int>(train.integer(width, "hidden_layers", limits::kHiddenWidth)));
    config.train.headHidden = static_cast<int>(train.integer("head_hidden", limits::kHeadHidden));
    config.train.dropout = train.number("dropout", limits::kDropout);
    config.train.learningRate = train.number("learning_rate", limits::kLearningRate);
    config.train.batchSize = static_cast<int>(train.integer("batch_size", limits::kBatch));
    config.train.epochs = static_cast<int>(train.integer("epochs", limits::kEpochs));
    config.train.patience = static_cast<int>(train.integer("patience", limits::kPatience));
    config.train.l2 = train.number("l2", limits::kL2);
    // Files written before early stopping could watch a task's metric, and before the refit on all
    // training rows, lack these fields: they load with the behaviour they were written under.
    config.train.earlyStopOn = train.has("early_stop_on") ? train.text("early_stop_on") : "";
    if (config.train.earlyStopOn == "objective")
        config.train.earlyStopOn.clear();
    config.train.refit = RefitMode::None;
    if (train.has("refit")) {
        try {
            config.train.refit = refitFromString(train.text("refit"));
        } catch (const ConfigError &) {
            train.fail("refit", "should be \"all\" or \"none\"");
        }
    }
    // Files written before the wide path existed lack it: the trunk alone, as they were trained.
    config.train.wide = train.has("wide") && train.flag("wide");
    // Files written before seed ensembles existed lack it: one network.
    config.train.ensemble = train.has("ensemble") ? static_cast<int>(train.integer("ensemble", limits::kEnsemble)) : 1;
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
        if (!it.value().isDouble() || !limits::kClassWeight.contains(it.value().toDouble()))
            reader.fail("class_weights", "should map class names to finite numbers from 0 to 1e6");
        options.classWeights[it.key().toStdString()] = it.value().toDouble();
    }
    options.focalGamma = reader.number("focal_gamma", limits::kFocalGamma);
    options.oversample = reader.flag("oversample");
    return options;
}

QJsonObject taskSpecToJson(const TaskSpec &spec)
{
    return {{key("column"), qs(spec.column)},
            {key("type"), QLatin1String(toString(spec.type))},
            {key("positive_class"), qs(spec.positiveClass)},
            {key("lambda"), spec.lambda},
            {key("imbalance"), imbalanceToJson(spec.imbalance)}};
}

TaskSpec taskSpecFromJson(const JsonReader &reader)
{
    TaskSpec spec;
    spec.column = reader.text("column");
    try {
        spec.type = taskTypeFromString(reader.text("type"));
    } catch (const ConfigError &) {
        reader.fail("type", "should be binary, multiclass or regression");
    }
    spec.positiveClass = reader.text("positive_class");
    spec.lambda = reader.number("lambda", limits::kLambda);
    spec.imbalance = imbalanceFromJson(reader.object("imbalance"));
    return spec;
}

QJsonObject runConfigurationToJson(const RunConfiguration &configuration)
{
    QJsonArray tasks;
    for (const TaskSpec &task : configuration.tasks)
        tasks.append(taskSpecToJson(task));
    return {{key("tasks"), tasks},
            {key("ignore"), toJsonArray(configuration.ignored)},
            {key("config"), configToJson(configuration.config)}};
}

RunConfiguration runConfigurationFromJson(const JsonReader &reader)
{
    RunConfiguration configuration;
    const QJsonArray tasks = reader.array("tasks");
    for (qsizetype i = 0; i < tasks.size(); ++i)
        configuration.tasks.push_back(taskSpecFromJson(reader.element(tasks, i, "tasks")));
    configuration.ignored = reader.strings("ignore");
    configuration.config = configFromJson(reader.object("config"));
    return configuration;
}

QByteArray serializeRunConfiguration(const RunConfiguration &configuration)
{
    QJsonObject root = runConfigurationToJson(configuration);
    root[key("format")] = QLatin1String("creditmtl-config");
    root[key("format_version")] = kConfigurationFormatVersion;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

RunConfiguration parseRunConfiguration(QByteArrayView bytes, const std::string &sourceName)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (!document.isObject())
        throw DataError({sourceName, 0, {}}, "not a CreditMTL configuration: " + error.errorString().toStdString());
    const JsonReader root(document.object(), "config", sourceName);
    if (root.text("format") != "creditmtl-config")
        root.fail("format", "should be \"creditmtl-config\"");
    if (root.integer("format_version") > kConfigurationFormatVersion)
        throw DataError({sourceName, 0, {}}, "this configuration was written by a newer CreditMTL (format version " +
                                                 std::to_string(root.integer("format_version")) + ")");
    return runConfigurationFromJson(root);
}

void saveRunConfiguration(const std::string &path, const RunConfiguration &configuration)
{
    writeFileAtomically(path, serializeRunConfiguration(configuration));
}

RunConfiguration loadRunConfiguration(const std::string &path)
{
    // A configuration is a few kilobytes; 16 MiB leaves room for long task graphs and lists.
    return parseRunConfiguration(readWholeFile(path, std::int64_t{16} << 20, "configuration file"), path);
}

} // namespace cmtl
