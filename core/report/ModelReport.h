#pragma once

#include "data/Table.h"
#include "io/ModelFile.h"
#include "report/ComparisonJson.h"

#include <cstdint>
#include <functional>
#include <string>

// The model documentation report: one self-contained XHTML file (inline CSS, charts as inline SVG,
// no script, no network access) that a model-risk review reads. Every number in it comes from the
// engine's own functions (evaluateModel, scoreTasks, gainsTable, calibration and KS curves,
// permutationImportance, modelStability) and is carried, at full precision, in data-key /
// data-value attributes of the table cell that shows it rounded, so that a test (or a reviewer's
// script) can read the numbers back. Sections (element ids): purpose, configuration,
// preprocessing, training, metrics, charts, importance, stability, multitask, limitations.
namespace cmtl {

struct ModelReportInputs {
    std::string modelPath; // read again for its SHA-256
    const ModelFileContents *model = nullptr;
    const Table *data = nullptr; // the evaluated data, with the model's task columns
    const Table *base = nullptr; // optional: the base of PSI and CSI (usually the training file)
    int importanceRepeats = 5;
    std::uint64_t importanceSeed = 1;
    int threads = 0;
    std::string generatedAt; // the time printed in the report, given by the caller
    // Optional: a comparison written by `compare --out-json` (read from comparisonPath), shown as
    // the multi-task evidence. It must have been made for the model's tasks on the evaluated or
    // the base data file (refuseComparisonForOtherData), else the report is refused.
    const StoredComparison *comparison = nullptr;
    std::string comparisonPath;
    // Optional: a date column of the evaluated data whose earliest and latest value the data
    // summary gives as the period it covers (a numeric column, or dates as text).
    std::string periodColumn;
};

// Called between the report's steps: `done` of `total` steps, and what comes next.
using ReportProgress = std::function<void(int done, int total, const std::string &step)>;

// The report's text (UTF-8). Throws what the engine's functions throw for data they cannot use
// (e.g. a DataError for an empty file, a ConfigError for a task without a labelled row).
std::string modelReportHtml(const ModelReportInputs &inputs, const ReportProgress &progress = {});

// "CreditMTL 0.1.0 (x86-64-v3)": the version and instruction set of this build.
std::string softwareVersion();

// The SHA-256 of a file's bytes in lower-case hex; DataError when it cannot be read.
std::string fileSha256(const std::string &path);

} // namespace cmtl
