#pragma once

#include <string>

namespace cmtl {

// `text` as one word of a POSIX shell: unchanged when it holds only characters no shell treats
// specially, otherwise in single quotes (a single quote in it written '\'').
std::string shellWord(const std::string &text);

// The command line that trains with a saved configuration: `creditmtl-cli train --data … [--test …]
// --config … [--binning …] --out …` (--test when `testPath` is not empty, --binning when
// `binningPath`, a project holding bins grouped by hand, is not empty), preceded by `mpirun -np
// RANKS` when ranks > 1; each path a shell word.
std::string trainCommandLine(int ranks, const std::string &dataPath, const std::string &configPath,
                             const std::string &modelPath, const std::string &testPath = {},
                             const std::string &binningPath = {});

} // namespace cmtl
