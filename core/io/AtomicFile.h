#pragma once

#include <QByteArray>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cmtl {

// Writes `bytes` to a temporary file beside `path` (written, flushed to disk with fsync) and
// renames it over `path` only once the whole content is on disk, so an existing file is never half
// overwritten and a failed write leaves nothing behind. A symbolic link at `path` is followed
// (its target is replaced). Throws DataError naming the path and the system's reason, e.g.
// "no space left on device /dev/sda1 (mounted at /home)".
void writeFileAtomically(const std::string &path, const QByteArray &bytes);

// Several files, all or nothing: each is written to its temporary file first; only when every one
// is on disk are they renamed into place. When a write fails, no target is touched (the
// temporaries are removed) and the DataError says so. Should a rename fail after others
// succeeded (it does not for lack of space), the message lists exactly which files were written.
void writeFilesAtomically(const std::vector<std::pair<std::string, QByteArray>> &files);

// The message for a write to `path` that failed with `error` (an errno value): for a full disk
// or quota, the device and where it is mounted; otherwise the system's reason.
std::string writeFailureMessage(const std::string &path, int error);

// Reads a whole regular file of at most `maxBytes`, `what` naming it in messages ("model file").
// Refuses a FIFO, a device, a directory or a socket before reading (a FIFO would block, /dev/zero
// never end), a file larger than `maxBytes`, and a file that changes size while it is read.
// Throws DataError naming the path.
QByteArray readWholeFile(const std::string &path, std::int64_t maxBytes, const char *what);

} // namespace cmtl
