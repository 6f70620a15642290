#pragma once

#include "metrics/TaskScores.h"
#include "project/ProjectFile.h"
#include "train/Experiment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace cmtl::ui {

// What the result charts of one task draw, computed by the engine on the worker thread (sorting
// a large evaluation part for KS or one-vs-rest ROC curves would stall the UI).
struct TaskCharts {
    std::string task;
    std::vector<KsPoint> ks;                      // binary
    std::vector<CalibrationBin> calibration;      // binary
    ScoreDistribution distribution;               // binary
    std::vector<std::vector<RocPoint>> oneVsRest; // multiclass, one curve per class (empty if undefined)
};

std::vector<TaskCharts> computeTaskCharts(const std::vector<TaskScores> &scores);

// One finished training run (or a model opened from a file): what was asked, what came out,
// and the per-row scores of its evaluation part for the interactive charts.
struct RunRecord {
    int id = 0;
    QString name;
    QString dataSource;
    QDateTime finished;
    RoleAssignment roles;
    ExperimentConfig config;
    ExperimentResult result;
    // Scores of `scoresPart` ("test", else "validation"); empty for a model opened from a file.
    std::vector<TaskScores> scores;
    QString scoresPart;
    std::vector<TaskCharts> charts; // one per entry of `scores`
    QString modelPath;              // set when opened from or saved to a file
    // An evaluation run (a labelled file scored): that file, every row of which is in its report.
    QString evaluatedFile;

    const TaskScores *scoresOf(const std::string &task) const;
    const TaskCharts *chartsOf(const std::string &task) const;
    // "Class 2 : grade 1 : int_rate 1"
    QString lambdaSummary() const;
};

using RunPtr = std::shared_ptr<const RunRecord>;


// The record of `source`'s model evaluated on another labelled file (`path`, an out-of-time
// sample, say): the same model, settings and training history; that file's report as the test
// part, its per-row scores and their charts (computed here: call it on a worker thread). The id is
// left 0 for the workspace to assign.
std::shared_ptr<RunRecord> evaluationRun(const RunRecord &source, const QString &path, EvaluationReport report,
                                         std::vector<TaskScores> scores);

// A run as the project file keeps it, and back. The charts are recomputed from the stored scores
// (on large evaluation parts, call runFromProject on a worker thread).
ProjectRun toProjectRun(const RunRecord &run);
std::shared_ptr<RunRecord> runFromProject(const ProjectRun &run);

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::RunPtr)
