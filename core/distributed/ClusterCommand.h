#pragma once

#include "io/ConfigJson.h"

#include <string>

namespace cmtl {

// What one process does that the ranks of a data-parallel run (mpirun) do not do together yet.
// One rule for the CLI, which refuses such a run, and the workbench, which says so before it shows
// the command.
struct RankRefusal {
    // Xport: a SAS transport file does not declare its number of rows, by which the ranks split a
    // SAS, Stata or SPSS file (readStatFilePartOfRank).
    enum class Kind { None, Xport };
    Kind kind = Kind::None;

    explicit operator bool() const { return kind != Kind::None; }
    // The CLI's words, naming its flag.
    std::string cliDescription() const;
};

// What else a run reads besides its configuration.
struct RunInputs {
    std::string dataPath; // a file or a database locator (URL#table=…)
    std::string testPath; // a separate test file (--test), read in parts like the data; empty without one
};

// Weight-of-evidence inputs and bins grouped by hand are no refusal: the ranks bin them from the
// counts of all their rows (fitPreprocessorWithWoeAcrossRanks, distributed/DistributedFit.h).
RankRefusal whatRanksDoNotShare(const RunInputs &inputs);

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
