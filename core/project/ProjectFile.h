#pragma once

#include "binning/Binning.h"
#include "csv/CsvReader.h"
#include "io/ConfigJson.h"
#include "io/ModelFile.h"
#include "metrics/TaskScores.h"
#include "train/Comparison.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cmtl {

// What identifies the content of a data file without keeping a copy of it: its size, its
// modification time, a SHA-256 of its first and last 64 KiB and its number of data rows. A
// moved, replaced or edited file is recognised when the project is opened again.
struct DataFingerprint {
    std::int64_t size = 0;
    std::int64_t modifiedMs = 0; // milliseconds since 1970-01-01 UTC
    std::string sampleSha256;    // hex digest of the first and the last 64 KiB
    std::int64_t rows = 0;       // data rows as read (0: not known)
};

// The fingerprint of the file at `path` (rows left 0: the caller knows them once it has read the
// file). Throws DataError naming the path when the file cannot be read.
DataFingerprint fingerprintFile(const std::string &path);
// Whether `current` (a file as it is now) has the content `saved` described: the same size and
// the same sampled bytes. The modification time alone changes when a file is copied or touched,
// so it is not taken as a change of content; rows are compared only when both are known.
bool sameContent(const DataFingerprint &saved, const DataFingerprint &current);

// The data the project was made on: where, how it is read, and what it was.
struct ProjectDataSource {
    std::string path; // empty: the project has no data file
    CsvOptions options;
    DataFingerprint fingerprint;
};

// One run of the project: what was asked, the model with its metrics and history (stored as the
// bytes of a .cmtl model file, so that a run reopened predicts bit for bit as it did), the
// per-row scores its charts are drawn from and the thresholds the user chose.
struct ProjectRun {
    int id = 0;
    std::string name;
    std::string dataSource;
    std::string finished; // ISO 8601, local time with offset
    RoleAssignment roles;
    ExperimentConfig config;
    ModelFileContents model; // the model, every part's metrics, the history, the warnings
    DataSplit split;
    double seconds = 0;
    std::vector<TaskScores> scores;
    std::string scoresPart;
    std::string modelPath;
    std::map<std::string, double> thresholds; // binary task -> chosen cut-off
};

// One "Compare methods" result with when it was made and on how many folds.
struct ProjectComparison {
    std::string finished;
    ComparisonResult result;
};

// The Binning page's work: the binary task it screened (its column and the class counted as an
// event) and the features whose bins the user grouped by hand, each with its bins and their counts
// (so that WoE, IV and the trend come back without the data). Unused: every field empty.
struct ProjectBinning {
    std::string taskColumn;
    std::string positiveClass;
    std::vector<FeatureBinning> edited; // by feature name
    bool empty() const { return taskColumn.empty() && edited.empty(); }
};

// The edited bins of `binning` as the given bins of inputs binned against the binary task
// taskColumn = positiveClass (WoeOptions::givenBins, ScorecardOptions::givenBins): the one rule the
// command line's --binning and the workbench's runs and scorecard share. The bins were grouped
// against one task and their WoE counts its events, so bins of another task are refused, as is a
// binning without edits (nothing would be used): DataError naming `source` (the project) and both
// tasks.
std::vector<FeatureBinning> givenBinsFor(const ProjectBinning &binning, const std::string &source,
                                         const std::string &taskColumn, const std::string &positiveClass);

// Everything a project restores: the data source, the roles, task order, lambdas and settings
// (a RunConfiguration: the tasks in their order with their lambdas, the ignored columns and every
// setting), the separate test file, the runs and the comparisons.
struct ProjectContents {
    ProjectDataSource data;
    RunConfiguration configuration;
    std::string testFile;
    std::vector<ProjectRun> runs;
    std::vector<ProjectComparison> comparisons;
    // Set in a recovery file: the project file the unsaved work belonged to (empty if none).
    std::string recoveredFrom;
    // The "ID / keep" columns (RoleAssignment::kept), copied into predictions; not in
    // configuration.ignored. (Last, so that the fields above keep their positions.)
    std::vector<std::string> keptColumns;
    // Written only when used: projects without it are the same bytes as before.
    ProjectBinning binning;
};

constexpr int kProjectFormatVersion = 1;

// The `.cmtlproj` file. Layout:
//   CreditMTL-project <format version> <JSON bytes>\n
//   <JSON: data source, configuration, runs (models as base64 .cmtl bytes, scores as base64
//    little-endian arrays, so every number comes back bit for bit), comparisons>
//   \nsha256 <hex digest of everything above>\n
QByteArray serializeProject(const ProjectContents &contents);
// Parses bytes (a file, a test); `sourceName` names them in error messages. A newer format
// version, a truncated, edited or otherwise damaged file is refused with DataError.
ProjectContents parseProject(QByteArrayView bytes, const std::string &sourceName);

// Written atomically (a temporary file renamed over `path`).
void saveProjectFile(const std::string &path, const ProjectContents &contents);
ProjectContents loadProjectFile(const std::string &path);

} // namespace cmtl
