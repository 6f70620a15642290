#pragma once

#include "metrics/TaskScores.h"
#include "train/Experiment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace cmtl::ui {

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
    QString modelPath; // set when opened from or saved to a file

    const TaskScores *scoresOf(const std::string &task) const;
    // "Class 2 : grade 1 : int_rate 1"
    QString lambdaSummary() const;
};

using RunPtr = std::shared_ptr<const RunRecord>;

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::RunPtr)
