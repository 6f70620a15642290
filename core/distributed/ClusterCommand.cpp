#include "distributed/ClusterCommand.h"

#include "statfile/StatFile.h"

namespace cmtl {

std::string RankRefusal::cliDescription() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Xport:
        return "reading a SAS transport (XPORT) file (it does not declare its number of rows, by which the ranks "
               "split a SAS, Stata or SPSS file)";
    }
    return {};
}

RankRefusal whatRanksDoNotShare(const RunInputs &inputs)
{
    using Kind = RankRefusal::Kind;
    // The data and a separate test file are read alike: each rank its byte range of a CSV file, its
    // range of the rows a SAS, Stata or SPSS file declares, or its range of a database's rows
    // (readDatabasePartOfRank).
    for (const std::string *path : {&inputs.dataPath, &inputs.testPath}) {
        if (!path->empty() && detectStatFileFormat(*path) == StatFileFormat::SasTransport)
            return {Kind::Xport};
    }
    return {};
}

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
