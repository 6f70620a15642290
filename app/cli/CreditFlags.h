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

void addScalingOptions(QCommandLineParser &parser);
ScoreScaling scalingOptions(const QCommandLineParser &parser);

} // namespace cmtl
