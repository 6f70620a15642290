#pragma once

#include "data/Table.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

class Communicator;

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
    // "ID / keep" columns: neither inputs nor tasks, copied first into the predictions so that
    // they can be joined back to the rows scored (a loan number, a customer id).
    std::vector<std::string> kept;
};

// Every column not a task and not in `ignored` becomes a feature.
RoleAssignment defaultRoles(const Table &table, std::vector<TaskSpec> tasks, const std::vector<std::string> &ignored);

// Throws ConfigError or DataError explaining the first problem: no data rows, no task, a missing
// column, a task used as a feature, a kept (ID) column that is also a feature or a task, a regression task on text, a
// binary task whose column does not hold exactly two values (its positive class and one negative class)...
// With `wholeColumn` false (`table` is one rank's part of a file) the binary tasks' classes are
// left to be checked on the whole column (fitTargetEncodingAcrossRanks does).
void validateRoles(const Table &table, const RoleAssignment &roles, bool wholeColumn = true);

// The most classes a multiclass task may have: a column with more distinct values is an ID or a
// regression target far more often than a class label, and the output layer, the metrics and the
// model file all grow with the classes (the confusion matrix with their square).
constexpr std::size_t kMaxClasses = 1000;

// One distinct label of a task's column: its text, on how many rows and the first of them.
struct LabelTally {
    std::string value;
    std::int64_t rows = 0;
    std::size_t firstRow = 0;
    std::string firstPlace; // where firstRow is, as Table::rowPlace names it ("line 57")
};
// The distinct non-missing values of `column` on `rows` (every row when empty), in the order
// they first occur.
std::vector<LabelTally> tallyLabels(const Column &column, std::span<const std::size_t> rows = {});
// "\"good\" (9,340 rows), \"bad\" (517 rows)": at most `shown` values, then how many more.
std::string describeTallies(const std::vector<LabelTally> &tallies, std::size_t shown = 5);

// How a task's column turns into numbers, fitted on the training rows and stored with the model.
struct TargetEncoding {
    TaskSpec spec;
    std::vector<std::string> classes; // Binary: {negative label, positive label}; Multiclass: class names
    double mean = 0, scale = 1;       // Regression: the target is modelled as (y - mean) / scale
};

// Binary: both the positive class and the column's other value must occur on the training rows;
// multiclass: at least two classes; regression: two values. Otherwise ConfigError saying which
// class is absent, how many rows hold it outside the training part and what to do.
TargetEncoding fitTargetEncoding(const Table &table, const TaskSpec &spec, const std::vector<std::size_t> &trainRows);

// What fitTargetEncoding reads of a task's column: binary and multiclass, its distinct labels on
// every row and on the training rows (in the order they first occur, each with firstPlace);
// regression, the count, sum and sum of squares of the training rows' values. The parts of a
// data-parallel job merge theirs (DistributedFit.h) into those of the whole file.
struct TaskLabels {
    std::string source;   // the table's, for messages
    bool numeric = false; // the column is numeric: multiclass classes sort by value
    std::vector<LabelTally> all, training;
    std::int64_t trainingRows = 0;
    double sum = 0, sumSquares = 0;
    std::int64_t count = 0;
};
TaskLabels taskLabels(const Table &table, const TaskSpec &spec, const std::vector<std::size_t> &trainRows);
// The encoding fitTargetEncoding gives for these labels (and its refusals).
TargetEncoding targetEncodingOf(const TaskSpec &spec, const TaskLabels &labels);

// One float per row: Binary 0/1, Multiclass the class index, Regression the standardised value;
// NaN where the label is missing or is none of the task's classes (a value a binary column should
// not hold, a class unseen in training), so the row is left out of that task's loss and metrics.
// unseenLabels() counts the latter, for reports. A label matches a class by its text or, both
// being numbers, by value ("1.0" is the class "1").
std::vector<float> encodeTargets(const Table &table, const TargetEncoding &encoding);

// The labels of `rows` (every row when empty) that are none of the task's classes; empty for a
// regression task.
std::vector<LabelTally> unseenLabels(const Table &table, const TargetEncoding &encoding,
                                     std::span<const std::size_t> rows = {});

// The class weights of a task in class order (binary: negative, positive), from its imbalance
// options and its encoded training targets; empty when every weight is 1. Balanced weights count
// the classes of the training rows; with `ranks` (a data-parallel run, `trainRows` this rank's)
// the counts are summed over every rank's training rows (collective), so that every rank has the
// weights one process has.
std::vector<float> classWeights(const TargetEncoding &encoding, const std::vector<float> &targets,
                                const std::vector<std::size_t> &trainRows, Communicator *ranks = nullptr);

// The training rows with rows of the smaller classes repeated, for tasks that ask for
// oversampling (seeded; the first such task decides).
std::vector<std::size_t> oversampleRows(const std::vector<TargetEncoding> &encodings,
                                        const std::vector<std::vector<float>> &targets,
                                        const std::vector<std::size_t> &trainRows, std::uint64_t seed);

// The two steps of oversampleRows, for a list of rows that no one process holds (a data-parallel
// run gathers every rank's classOfRow):
// The class index of each of `rows` in the task oversampleRows oversamples (NaN where its label is
// missing) and that task's class count; no classes when no task asks for oversampling.
struct OversampleClasses {
    std::vector<float> classOfRow;
    std::size_t classes = 0;
};
OversampleClasses oversampleClasses(const std::vector<TargetEncoding> &encodings,
                                    const std::vector<std::vector<float>> &targets,
                                    const std::vector<std::size_t> &rows);
// The entries oversampleRows appends to a list of rows whose classes are `classOfEntry`, as
// indices into that list, in the order it appends them (seeded).
std::vector<std::size_t> oversampledEntries(std::span<const float> classOfEntry, std::size_t classes,
                                            std::uint64_t seed);

} // namespace cmtl
