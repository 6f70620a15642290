#pragma once

#include "data/Table.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cmtl {

enum class TaskType { Binary, Multiclass, Regression };

const char *toString(TaskType type);
// Accepts "binary", "multiclass", "regression"; throws ConfigError otherwise.
TaskType taskTypeFromString(const std::string &text);

// Remedies for a rare class (binary and multiclass tasks only).
struct ImbalanceOptions {
    // Weight each class by n / (classes * n_class) on the training rows (scikit-learn's "balanced").
    bool balancedClassWeights = false;
    // Or weights given per class name (classes not named keep 1).
    std::map<std::string, double> classWeights;
    // Focal loss exponent; 0 = plain cross-entropy.
    double focalGamma = 0;
    // Repeat training rows of the smaller classes (drawn at random, seeded) until every class
    // is as frequent as the largest.
    bool oversample = false;
};

// One prediction target: a column of the table, how it is modelled and its weight lambda in the
// objective sum_i lambda_i * L_i.
struct TaskSpec {
    std::string column;
    TaskType type = TaskType::Binary;
    std::string positiveClass; // Binary only: the level (or number, as text) that counts as 1
    double lambda = 1.0;
    ImbalanceOptions imbalance = {};

    const std::string &name() const { return column; }
};

// Which columns feed the model and which are predicted. Columns neither here nor in tasks are
// ignored.
struct RoleAssignment {
    std::vector<std::string> features;
    std::vector<TaskSpec> tasks;
};

// Every column not a task and not in `ignored` becomes a feature.
RoleAssignment defaultRoles(const Table &table, std::vector<TaskSpec> tasks, const std::vector<std::string> &ignored);

// Throws ConfigError explaining the first problem: no task, a missing column, a task used as a
// feature, a binary task whose positive class does not occur, a regression task on text...
void validateRoles(const Table &table, const RoleAssignment &roles);

// The most classes a multiclass task may have: a column with more distinct values is an ID or a
// regression target far more often than a class label, and the output layer, the metrics and the
// model file all grow with the classes (the confusion matrix with their square).
constexpr std::size_t kMaxClasses = 1000;

// How a task's column turns into numbers, fitted on the training rows and stored with the model.
struct TargetEncoding {
    TaskSpec spec;
    std::vector<std::string> classes; // Binary: {negative label, positive label}; Multiclass: class names
    double mean = 0, scale = 1;       // Regression: the target is modelled as (y - mean) / scale
};

TargetEncoding fitTargetEncoding(const Table &table, const TaskSpec &spec, const std::vector<std::size_t> &trainRows);

// One float per row: Binary 0/1, Multiclass the class index, Regression the standardised value;
// NaN where the label is missing (or a class unseen in training), so the row is left out of that
// task's loss and metrics.
std::vector<float> encodeTargets(const Table &table, const TargetEncoding &encoding);

// The class weights of a task in class order (binary: negative, positive), from its imbalance
// options and its encoded training targets; empty when every weight is 1.
std::vector<float> classWeights(const TargetEncoding &encoding, const std::vector<float> &targets,
                                const std::vector<std::size_t> &trainRows);

// The training rows with rows of the smaller classes repeated, for tasks that ask for
// oversampling (seeded; the first such task decides).
std::vector<std::size_t> oversampleRows(const std::vector<TargetEncoding> &encodings,
                                        const std::vector<std::vector<float>> &targets,
                                        const std::vector<std::size_t> &trainRows, std::uint64_t seed);

} // namespace cmtl
