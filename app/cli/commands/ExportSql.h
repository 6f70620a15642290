#pragma once

// The SQL part of `creditmtl-cli export` (see Export.cpp): its options, and the export itself.

#include "model/MultiTaskModel.h"
#include "scorecard/Scorecard.h"

#include <QCommandLineParser>

#include <ostream>

namespace cmtl {

void addSqlExportOptions(QCommandLineParser &parser);
// True when the command line asks for SQL (--sql); the SQL-only options without it are refused.
bool wantsSqlExport(const QCommandLineParser &parser);
// Writes the scoring query for `model` to --sql (atomically) and says so on `out`.
void exportSqlFromCommandLine(const QCommandLineParser &parser, const MultiTaskModel &model, std::ostream &out);
// Writes the scorecard's query (--scorecard) to --sql (atomically) and says so on `out`.
void exportScorecardSqlFromCommandLine(const QCommandLineParser &parser, const Scorecard &card, std::ostream &out);

} // namespace cmtl
