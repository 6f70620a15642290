#include "io/AtomicFile.h"

#include "common/Error.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace cmtl {

namespace {

std::string systemReason(int error)
{
    return std::strerror(error);
}

// The directory holding `path` ("." for a bare name).
std::string directoryOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// The device (as the mount table names it) and mount point of the file system holding
// `directory`, from /proc/self/mountinfo; empty when it cannot be found.
std::pair<std::string, std::string> deviceOf(const std::string &directory)
{
    struct stat status {};
    if (::stat(directory.c_str(), &status) != 0)
        return {};
    const std::string wanted = std::to_string(major(status.st_dev)) + ":" + std::to_string(minor(status.st_dev));
    std::ifstream mounts("/proc/self/mountinfo");
    std::string line;
    std::pair<std::string, std::string> found;
    // <id> <parent> <major:minor> <root> <mount point> <options> [optional fields] - <type> <source> ...
    while (std::getline(mounts, line)) {
        std::istringstream fields(line);
        std::string id, parent, device, root, mountPoint;
        fields >> id >> parent >> device >> root >> mountPoint;
        if (device != wanted)
            continue;
        const std::size_t separator = line.find(" - ");
        std::string type, source;
        if (separator != std::string::npos) {
            std::istringstream rest(line.substr(separator + 3));
            rest >> type >> source;
        }
        found = {source.empty() ? device : source, mountPoint}; // the last mount of the device wins
    }
    return found;
}

// The file a write to `path` replaces: the target of a symbolic link, else `path` itself.
std::string writeTarget(const std::string &path)
{
    struct stat status {};
    if (::lstat(path.c_str(), &status) == 0 && S_ISLNK(status.st_mode)) {
        char resolved[PATH_MAX];
        if (::realpath(path.c_str(), resolved) != nullptr)
            return resolved;
    }
    return path;
}

const char *kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

struct PendingFile {
    std::string target, temporary;
};

// Writes `bytes` to a new temporary file beside `target` and flushes it to disk. On failure the
// temporary is removed and DataError names `target` and the reason.
PendingFile writeTemporary(const std::string &path, const QByteArray &bytes)
{
    static std::atomic<unsigned> counter{0};
    PendingFile pending{writeTarget(path), {}};
    // Only a regular file is replaced: renaming over a FIFO, a device or /dev/stdout would
    // replace the special file itself (and writing into a directory's name cannot succeed).
    struct stat existing {};
    if (::stat(pending.target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode))
        throw DataError({path, 0, {}}, "cannot write " + path + ": it is " + kindOf(existing.st_mode) +
                                           ", not a regular file; give the path of a file to write");
    pending.temporary = pending.target + ".partial-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    // 0666 less the umask, as for any new file; an existing file's permissions are kept.
    const int descriptor = ::open(pending.temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor < 0)
        throw DataError({path, 0, {}}, writeFailureMessage(path, errno));
    if (existing.st_mode != 0)
        ::fchmod(descriptor, existing.st_mode & 07777);
    const auto fail = [&](int error) {
        ::close(descriptor);
        ::unlink(pending.temporary.c_str());
        return DataError({path, 0, {}}, writeFailureMessage(path, error));
    };
    const char *data = bytes.constData();
    std::size_t left = static_cast<std::size_t>(bytes.size());
    while (left > 0) {
        const ssize_t written = ::write(descriptor, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            throw fail(errno);
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    // fsync reports a delayed allocation failure (ENOSPC on some file systems) that write did not.
    if (::fsync(descriptor) != 0)
        throw fail(errno);
    if (::close(descriptor) != 0) {
        const int error = errno;
        ::unlink(pending.temporary.c_str());
        throw DataError({path, 0, {}}, writeFailureMessage(path, error));
    }
    return pending;
}

void syncDirectory(const std::string &file)
{
    const int descriptor = ::open(directoryOf(file).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor >= 0) {
        ::fsync(descriptor); // the rename itself durable; a failure here loses nothing already read back
        ::close(descriptor);
    }
}

} // namespace

std::string writeFailureMessage(const std::string &path, int error)
{
    if (error == ENOSPC || error == EDQUOT) {
        const auto [device, mountPoint] = deviceOf(directoryOf(path));
        std::string where = device.empty() ? "the device" : "device " + device;
        if (!mountPoint.empty())
            where += " (mounted at " + mountPoint + ")";
        return std::string(error == ENOSPC ? "no space left on " : "disk quota exceeded on ") + where +
               " while writing " + path + ": nothing was written there; free some space or choose another folder";
    }
    return "cannot write " + path + ": " + systemReason(error);
}

void writeFilesAtomically(const std::vector<std::pair<std::string, QByteArray>> &files)
{
    std::vector<PendingFile> pending;
    try {
        for (const auto &[path, bytes] : files)
            pending.push_back(writeTemporary(path, bytes));
    } catch (const DataError &error) {
        for (const PendingFile &file : pending)
            ::unlink(file.temporary.c_str());
        if (files.size() == 1)
            throw;
        std::string none;
        for (const auto &file : files)
            none += (none.empty() ? "" : ", ") + file.first;
        throw DataError(error.where(), error.problem() + " (none of " + none + " was written)");
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        if (::rename(pending[i].temporary.c_str(), pending[i].target.c_str()) == 0) {
            syncDirectory(pending[i].target);
            continue;
        }
        const int error = errno;
        std::string written, notWritten;
        for (std::size_t j = 0; j < pending.size(); ++j) {
            if (j < i)
                written += (written.empty() ? "" : ", ") + files[j].first;
            else
                notWritten += (notWritten.empty() ? "" : ", ") + files[j].first;
            if (j >= i)
                ::unlink(pending[j].temporary.c_str());
        }
        throw DataError({files[i].first, 0, {}}, "cannot put " + files[i].first + " in place: " + systemReason(error) +
                                                     (written.empty() ? "" : "; written: " + written) +
                                                     "; not written: " + notWritten);
    }
}

void writeFileAtomically(const std::string &path, const QByteArray &bytes)
{
    writeFilesAtomically({{path, bytes}});
}

QByteArray readWholeFile(const std::string &path, std::int64_t maxBytes, const char *what)
{
    const auto refuse = [&](const std::string &problem) { return DataError({path, 0, {}}, problem); };
    // stat first: opening a FIFO for reading blocks until a writer comes.
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0)
        throw refuse("cannot open: " + systemReason(errno));
    if (!S_ISREG(status.st_mode))
        throw refuse(std::string("cannot read it as a ") + what + ": it is " + kindOf(status.st_mode) +
                     ", not a regular file");
    // O_NONBLOCK in case the path was replaced by a FIFO since; fstat checks what was opened.
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0)
        throw refuse("cannot open: " + systemReason(errno));
    const auto fail = [&](const std::string &problem) {
        ::close(descriptor);
        return refuse(problem);
    };
    if (::fstat(descriptor, &status) != 0)
        throw fail("cannot read: " + systemReason(errno));
    if (!S_ISREG(status.st_mode))
        throw fail(std::string("cannot read it as a ") + what + ": it is " + kindOf(status.st_mode) +
                   ", not a regular file");
    const std::int64_t size = status.st_size;
    if (size > maxBytes)
        throw fail(std::string("the file is ") + std::to_string(size) + " bytes; a " + what + " is at most " +
                   std::to_string(maxBytes) + " bytes: it is not a " + what + ", or it is damaged");
    QByteArray bytes(static_cast<qsizetype>(size), Qt::Uninitialized);
    std::int64_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(descriptor, bytes.data() + done, static_cast<std::size_t>(size - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            throw fail("cannot read: " + systemReason(errno));
        if (got == 0)
            throw fail("the file changed while it was read: it had " + std::to_string(size) + " bytes, then " +
                       std::to_string(done));
        done += got;
    }
    char extra = 0;
    if (::read(descriptor, &extra, 1) > 0)
        throw fail("the file changed while it was read: it grew beyond " + std::to_string(size) + " bytes");
    ::close(descriptor);
    return bytes;
}

} // namespace cmtl
