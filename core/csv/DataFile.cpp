#include "csv/DataFile.h"

#include "common/Error.h"

#include <cerrno>
#include <cstring>

#include <new>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cmtl {

namespace {

// Reading in blocks bounds the wait for a cancellation and gives the progress bar steps.
constexpr std::size_t kBlockBytes = std::size_t{16} << 20;

// Why a file that is not a regular file cannot be read, and what to do instead.
std::string notRegularFileProblem(mode_t mode)
{
    if (S_ISDIR(mode))
        return "it is a directory, not a regular file: give the path of a CSV file";
    if (S_ISFIFO(mode))
        return "it is a FIFO (named pipe), not a regular file: the reader needs the whole file and its size; save "
               "the data to a file first (e.g. cat PIPE > data.csv) and read that file";
    if (S_ISCHR(mode))
        return "it is a character device (such as /dev/zero or a terminal), not a regular file: give the path of a "
               "CSV file";
    if (S_ISBLK(mode))
        return "it is a block device, not a regular file: give the path of a CSV file";
    if (S_ISSOCK(mode))
        return "it is a socket, not a regular file: save the data to a file first and read that file";
    return "it is not a regular file: give the path of a CSV file";
}

// Closes a descriptor when it goes out of scope.
class Descriptor {
public:
    explicit Descriptor(int descriptor) : m_descriptor(descriptor) {}
    ~Descriptor()
    {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_descriptor; }

private:
    int m_descriptor;
};

bool sameModificationTime(const struct stat &a, const struct stat &b)
{
    return a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

DataError changedWhileRead(const std::string &path, const std::string &how)
{
    return DataError({path, 0, ""}, "the file changed while it was read (" + how +
                                        "): another program is writing it; wait until it has finished, or "
                                        "read a copy, and read it again");
}

} // namespace

FileBytes::FileBytes(std::size_t size) : m_size(size)
{
    if (size == 0)
        return;
    void *memory = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        throw std::bad_alloc();
    m_data = static_cast<char *>(memory);
    // Transparent huge pages where the system offers them: a 2 MiB page is one fault, and one
    // entry of the memory accounting, for 512 small ones. Then the pages are made present at
    // once. (Both are hints; the read works without them.)
    ::madvise(memory, size, MADV_HUGEPAGE);
    ::madvise(memory, size, MADV_POPULATE_WRITE);
}

FileBytes::~FileBytes()
{
    if (m_data != nullptr)
        ::munmap(m_data, m_size);
}

FileBytes::FileBytes(FileBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{}

FileBytes &FileBytes::operator=(FileBytes &&other) noexcept
{
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    return *this;
}

FileBytes readFileBytes(const std::string &path, const CancellationToken *cancel,
                        const std::function<void(double)> &progress)
{
    // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait for one, forever and
    // deaf to Ctrl-C. It has no effect on the reads of a regular file.
    const Descriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (file.get() < 0)
        throw DataError({path, 0, ""}, std::string("cannot open the file: ") + std::strerror(errno));
    struct stat before {};
    if (::fstat(file.get(), &before) != 0)
        throw DataError({path, 0, ""}, std::string("cannot read the file: ") + std::strerror(errno));
    if (!S_ISREG(before.st_mode))
        throw DataError({path, 0, ""}, notRegularFileProblem(before.st_mode));

    const auto size = static_cast<std::size_t>(before.st_size);
    FileBytes data(size);
    std::size_t done = 0;
    while (done < size) {
        if (cancel != nullptr && cancel->isCancelled())
            throw Cancelled();
        const std::size_t wanted = std::min(kBlockBytes, size - done);
        const ssize_t got = ::pread(file.get(), data.data() + done, wanted, static_cast<off_t>(done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw DataError({path, 0, ""}, std::string("cannot read the file: ") + std::strerror(errno));
        }
        if (got == 0)
            throw changedWhileRead(path, "it became shorter: " + std::to_string(done) + " of the " +
                                             std::to_string(size) + " bytes it had were left");
        done += static_cast<std::size_t>(got);
        if (progress)
            progress(static_cast<double>(done) / static_cast<double>(size));
    }

    struct stat after {};
    if (::fstat(file.get(), &after) != 0)
        throw DataError({path, 0, ""}, std::string("cannot read the file: ") + std::strerror(errno));
    if (after.st_size != before.st_size)
        throw changedWhileRead(path, "its size went from " + std::to_string(before.st_size) + " to " +
                                         std::to_string(after.st_size) + " bytes");
    if (!sameModificationTime(before, after))
        throw changedWhileRead(path, "it was modified during the read");
    return data;
}

} // namespace cmtl
