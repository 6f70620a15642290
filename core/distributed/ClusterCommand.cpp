#include "distributed/ClusterCommand.h"

namespace cmtl {

std::string shellWord(const std::string &text)
{
    const bool plain = !text.empty() && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                               "0123456789_-+=./,:@%") == std::string::npos;
    if (plain)
        return text;
    std::string word = "'";
    for (const char c : text) {
        if (c == '\'')
            word += "'\\''";
        else
            word += c;
    }
    return word + "'";
}

std::string trainCommandLine(int ranks, const std::string &dataPath, const std::string &configPath,
                             const std::string &modelPath, const std::string &testPath, const std::string &binningPath)
{
    std::string line;
    if (ranks > 1)
        line = "mpirun -np " + std::to_string(ranks) + " ";
    line += "creditmtl-cli train --data " + shellWord(dataPath);
    if (!testPath.empty())
        line += " --test " + shellWord(testPath);
    line += " --config " + shellWord(configPath);
    if (!binningPath.empty())
        line += " --binning " + shellWord(binningPath);
    return line + " --out " + shellWord(modelPath);
}

} // namespace cmtl
