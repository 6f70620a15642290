#pragma once

#include "io/JsonReader.h"
#include "model/MultiTaskModel.h"
#include "tasks/TaskSpec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <string>
#include <vector>

namespace cmtl {

// JSON forms of the settings, shared by the model file and the saved configuration.
QJsonObject configToJson(const ExperimentConfig &config);
ExperimentConfig configFromJson(const json::JsonReader &reader);
QJsonObject imbalanceToJson(const ImbalanceOptions &options);
ImbalanceOptions imbalanceFromJson(const json::JsonReader &reader);
// column, type, positive_class, lambda, imbalance
QJsonObject taskSpecToJson(const TaskSpec &spec);
TaskSpec taskSpecFromJson(const json::JsonReader &reader);

// A saved run configuration: the tasks, the ignored columns and every setting, so that a run can
// be repeated (`creditmtl-cli train --config FILE`) or shared.
struct RunConfiguration {
    std::vector<TaskSpec> tasks;
    std::vector<std::string> ignored;
    ExperimentConfig config;
};

constexpr int kConfigurationFormatVersion = 1;

// The configuration's fields as a JSON object (without the file's format fields), for files that
// embed one (the project file).
QJsonObject runConfigurationToJson(const RunConfiguration &configuration);
RunConfiguration runConfigurationFromJson(const json::JsonReader &reader);

QByteArray serializeRunConfiguration(const RunConfiguration &configuration);
RunConfiguration parseRunConfiguration(QByteArrayView bytes, const std::string &sourceName);
void saveRunConfiguration(const std::string &path, const RunConfiguration &configuration);
RunConfiguration loadRunConfiguration(const std::string &path);

} // namespace cmtl
