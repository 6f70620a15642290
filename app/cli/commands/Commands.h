#pragma once

// One function per creditmtl-cli command; each parses its own options and returns the exit code.

#include <QStringList>

#include <ostream>

namespace cmtl {

int commandInspect(const QStringList &arguments, std::ostream &out);
int commandTrain(const QStringList &arguments, std::ostream &out);
int commandRejectInference(const QStringList &arguments, std::ostream &out);
int commandCompare(const QStringList &arguments, std::ostream &out);
int commandEvaluate(const QStringList &arguments, std::ostream &out);
int commandPredict(const QStringList &arguments, std::ostream &out);
int commandTune(const QStringList &arguments, std::ostream &out);
int commandScreen(const QStringList &arguments, std::ostream &out);
int commandExport(const QStringList &arguments, std::ostream &out);
int commandScorecard(const QStringList &arguments, std::ostream &out);
int commandPsi(const QStringList &arguments, std::ostream &out);
int commandImportance(const QStringList &arguments, std::ostream &out);
int commandReport(const QStringList &arguments, std::ostream &out);

} // namespace cmtl
