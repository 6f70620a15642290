#include "io/FileIdentity.h"

#include "common/Error.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

namespace cmtl {

namespace {

// What identifies a file: its device and inode (the target of a link); for a file that does not
// exist yet, its absolute, cleaned path.
struct Identity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    std::string cleanPath;

    bool sameAs(const Identity &other) const
    {
        if (exists && other.exists)
            return device == other.device && inode == other.inode;
        return !exists && !other.exists && cleanPath == other.cleanPath;
    }
};

Identity identityOf(const std::string &path)
{
    Identity identity;
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0) {
        identity.exists = true;
        identity.device = status.st_dev;
        identity.inode = status.st_ino;
    }
    identity.cleanPath = QDir::cleanPath(QFileInfo(QString::fromStdString(path)).absoluteFilePath()).toStdString();
    return identity;
}

} // namespace

void refuseOutputsOverInputs(const std::vector<NamedPath> &inputs, const std::vector<NamedPath> &outputs)
{
    std::vector<std::pair<const NamedPath *, Identity>> seenOutputs;
    for (const NamedPath &output : outputs) {
        if (output.path.empty())
            continue;
        const Identity written = identityOf(output.path);
        for (const NamedPath &input : inputs) {
            if (!input.path.empty() && written.exists && written.sameAs(identityOf(input.path)))
                throw DataError({output.path, 0, {}},
                                output.role + " " + output.path + " is the same file as the input " + input.role + " " +
                                    input.path + ": writing it would destroy the input; choose another " + output.role +
                                    " path");
        }
        for (const auto &[other, identity] : seenOutputs) {
            if (written.sameAs(identity))
                throw DataError({output.path, 0, {}}, output.role + " " + output.path + " and " + other->role + " " +
                                                          other->path + " are the same file: one would overwrite " +
                                                          "the other; give each output its own path");
        }
        seenOutputs.emplace_back(&output, written);
    }
}

} // namespace cmtl
