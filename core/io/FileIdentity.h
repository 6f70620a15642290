#pragma once

#include <string>
#include <vector>

namespace cmtl {

// A file named on the command line (or in the workbench) with the role it plays, e.g.
// {"--data", "loans.csv"}.
struct NamedPath {
    std::string role;
    std::string path;
};

// Refuses (DataError) an output that is the same file as an input, or as another output, so that
// nothing is ever written over the data it was computed from. Files are compared by device and
// inode, so symbolic links, hard links and other spellings of a path (./x.csv, dir/../x.csv) are
// caught; outputs that do not exist yet cannot be an input and pass (two new outputs with the
// same spelling are still refused). Empty paths are skipped.
void refuseOutputsOverInputs(const std::vector<NamedPath> &inputs, const std::vector<NamedPath> &outputs);

} // namespace cmtl
