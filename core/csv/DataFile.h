#pragma once

#include "common/Cancellation.h"

#include <cstddef>
#include <functional>
#include <span>
#include <string>

namespace cmtl {

// The bytes of a data file, read whole into anonymous memory (which, unlike a mapping of the
// file, stays valid whatever happens to the file).
class FileBytes {
public:
    FileBytes() = default;
    // Room for `size` bytes, its pages made present at once (one system call rather than a page
    // fault per 4 KiB as the bytes are read in).
    explicit FileBytes(std::size_t size);
    ~FileBytes();
    FileBytes(FileBytes &&other) noexcept;
    FileBytes &operator=(FileBytes &&other) noexcept;

    char *data() { return m_data; }
    std::span<const char> bytes() const { return {m_data, m_size}; }

private:
    char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Reads a regular file whole, safely against what other programs may do meanwhile:
// - The kind of file is checked before anything could block: a FIFO is opened without blocking
//   and refused, as are devices (/dev/zero would never end), directories and sockets.
// - The file is read with pread into memory rather than mapped, so that another program
//   truncating it cannot kill the process with SIGBUS. A read that ends early, or a size or
//   modification time that differs after the read, is refused as "the file changed while it was
//   read": the bytes would be a mix of two versions.
// Throws DataError (naming `path` and what to do), or Cancelled between blocks when `cancel` is
// triggered. `progress` (may be empty) receives the fraction read, on the calling thread.
FileBytes readFileBytes(const std::string &path, const CancellationToken *cancel = nullptr,
                        const std::function<void(double)> &progress = {});

} // namespace cmtl
