#pragma once

#include <QStringList>

#include <ostream>

namespace cmtl {

// Runs `creditmtl-cli <command> ...` (arguments as QCoreApplication::arguments() gives them,
// program name first). Returns the process exit code: 0 on success, 1 for bad input or a failed
// command, 2 for a usage error; every failure prints one clear message on `err`.
int runCommandLine(const QStringList &arguments, std::ostream &out, std::ostream &err);

} // namespace cmtl
