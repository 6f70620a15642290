#pragma once

// The credit-scoring options the commands share: the binning of `screen` and `scorecard`
// (--special, --max-bins, --min-bin-share, --trend, --correlation-limit) and the points scaling of
// `scorecard` and `predict --points` (--base-points, --base-odds, --pdo).

#include "binning/Screening.h"
#include "scorecard/Scorecard.h"

#include <QCommandLineParser>

namespace cmtl {

void addBinningOptions(QCommandLineParser &parser);
// Every value checked; a mistake is a UsageError.
ScreeningOptions binningOptions(const QCommandLineParser &parser);

// --binning FILE: a workbench project (.cmtlproj) whose Binning page's edited bins are used
// (WoE inputs, the scorecard). The bins were grouped against one binary task: `taskColumn` and
// `positiveClass` must be that task, or the file is refused (a DataError naming both tasks).
// A project without edited bins is refused too (nothing would be used).
std::vector<FeatureBinning> editedBins(const std::string &path, const std::string &taskColumn,
                                       const std::string &positiveClass);

void addScalingOptions(QCommandLineParser &parser);
ScoreScaling scalingOptions(const QCommandLineParser &parser);

// The options of a command that fits a scorecard (scorecard, reject-inference): --ignore, the
// binning options, --binning (a project's edited bins), --min-iv and the scaling.
void addScorecardFitOptions(QCommandLineParser &parser);
// The scorecard options for `task`, every value checked (a mistake is a UsageError; --binning
// grouped against another task is a DataError, as editedBins says).
ScorecardOptions scorecardFitOptions(const QCommandLineParser &parser, const TaskSpec &task);
// The columns --ignore names, each checked to be a column of `table` (a DataError naming it).
std::vector<std::string> ignoredColumns(const QCommandLineParser &parser, const Table &table);

// --task of a command that needs a binary task (scorecard, reject-inference); another is a UsageError.
TaskSpec binaryTaskOption(const QCommandLineParser &parser, const char *command);

} // namespace cmtl
