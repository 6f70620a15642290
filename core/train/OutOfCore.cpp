#include "train/OutOfCore.h"

#include "common/Error.h"
#include "distributed/DistributedEvaluation.h"
#include "distributed/DistributedRead.h"
#include "split/DataSplit.h"
#include "statfile/StatFile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <unordered_map>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cmtl {

namespace {

constexpr char kMagic[8] = {'C', 'M', 'T', 'L', 'R', 'O', 'W', 'S'};
constexpr std::uint64_t kVersion = 1;
constexpr char kChangedWhileInUse[] = "the cache file ended early or could not be read; it was changed while in use";

[[noreturn]] void failOn(const std::string &path, const std::string &what)
{
    throw DataError({path, 0, {}}, what + ": " + std::strerror(errno));
}

// Writes all `size` bytes at the end of the file (write may take fewer at a time).
void writeAll(int fd, const std::string &path, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            failOn(path, "cannot write the cache file (is the disk full?)");
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

// Reads exactly `size` bytes at `offset`.
void readAll(int fd, const std::string &path, char *data, std::size_t size, std::uint64_t offset)
{
    while (size > 0) {
        const ssize_t got = ::pread(fd, data, size, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            throw DataError({path, 0, {}}, kChangedWhileInUse);
        data += got;
        size -= static_cast<std::size_t>(got);
        offset += static_cast<std::uint64_t>(got);
    }
}

// FNV-1a, 64 bits: the fingerprint of the source file and of the preprocessing.
struct Fingerprint {
    std::uint64_t hash = 14695981039346656037ull;
    void add(const void *data, std::size_t size)
    {
        const auto *bytes = static_cast<const unsigned char *>(data);
        for (std::size_t i = 0; i < size; ++i)
            hash = (hash ^ bytes[i]) * 1099511628211ull;
    }
    void add(const std::string &text) { add(text.data(), text.size() + 1); }
    template <typename T> void add(const T &value) { add(&value, sizeof value); }
};

std::uint64_t fingerprintOf(const std::string &path, const Preprocessor &preprocessor)
{
    Fingerprint print;
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0) {
        print.add(static_cast<std::uint64_t>(status.st_size));
        print.add(static_cast<std::int64_t>(status.st_mtim.tv_sec));
        print.add(static_cast<std::int64_t>(status.st_mtim.tv_nsec));
    }
    print.add(path);
    for (const NumericStep &step : preprocessor.numeric) {
        print.add(step.column);
        for (const float value : {step.median, step.mean, step.scale, step.lowest, step.highest})
            print.add(value);
        print.add(step.missingIndicator);
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        print.add(step.column);
        for (const std::string &level : step.levels)
            print.add(level);
        print.add(step.otherInput);
    }
    return print.hash;
}

// The process's anonymous resident bytes (RssAnon: /proc/self/statm's resident pages less its
// file-backed and shared ones), or nullopt when they cannot be read.
std::optional<std::size_t> anonymousResidentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t size = 0, resident = 0, shared = 0;
    if (!(statm >> size >> resident >> shared) || shared > resident)
        return std::nullopt;
    return (resident - shared) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

// The header: magic, version, rows, dense width, blocks, width, fingerprint (7 x 8 bytes), padded.
std::vector<char> headerBytes(std::uint64_t rows, const RowCache::Layout &layout, std::uint64_t fingerprint)
{
    std::vector<char> header(RowCache::kHeaderBytes, 0);
    std::memcpy(header.data(), kMagic, sizeof kMagic);
    const std::uint64_t fields[] = {kVersion,
                                    rows,
                                    static_cast<std::uint64_t>(layout.denseWidth),
                                    static_cast<std::uint64_t>(layout.blocks),
                                    static_cast<std::uint64_t>(layout.width),
                                    fingerprint};
    std::memcpy(header.data() + sizeof kMagic, fields, sizeof fields);
    return header;
}

// A directory of this run's caches, made inside the chosen one and removed with what it holds.
class CacheDirectory {
public:
    explicit CacheDirectory(const std::string &parent)
    {
        const std::filesystem::path base =
            parent.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(parent);
        std::error_code error;
        if (!std::filesystem::is_directory(base, error))
            throw ConfigError("the cache directory \"" + base.string() +
                              "\" is not a directory: name a directory with room for the cache (about the size of "
                              "the data file), never a file");
        std::string pattern = (base / "creditmtl-cache-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            failOn(base.string(), "cannot make a cache directory in it");
        m_path = pattern;
    }
    ~CacheDirectory()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    CacheDirectory(const CacheDirectory &) = delete;
    CacheDirectory &operator=(const CacheDirectory &) = delete;
    std::string file(const std::string &name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// The file's columns on disk, appended part by part: numbers as floats, text as codes into the
// whole file's levels (first-seen order), each column in a file of its own.
class ColumnCache {
public:
    ColumnCache(const CacheDirectory &directory, std::string source)
        : m_directory(directory), m_source(std::move(source))
    {}
    ~ColumnCache() { close(); }
    ColumnCache(const ColumnCache &) = delete;
    ColumnCache &operator=(const ColumnCache &) = delete;

    void close()
    {
        for (Cached &column : m_columns) {
            if (column.fd >= 0)
                ::close(column.fd);
            ::unlink(column.path.c_str());
        }
        m_columns.clear();
        m_rows = 0;
        m_lines = SourceLines();
    }

    // The column whose type differs from the parts before (nullopt when all agree).
    std::optional<std::string> typeChange(const Table &part) const
    {
        for (std::size_t i = 0; i < m_columns.size() && i < part.columnCount(); ++i) {
            if (part.column(i).type != m_columns[i].type)
                return m_columns[i].name;
        }
        return std::nullopt;
    }

    void append(const Table &part)
    {
        if (m_columns.empty()) {
            for (std::size_t i = 0; i < part.columnCount(); ++i) {
                Cached column;
                column.name = part.column(i).name;
                column.type = part.column(i).type;
                column.path = m_directory.file("column-" + std::to_string(i));
                column.fd = ::open(column.path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
                if (column.fd < 0)
                    failOn(column.path, "cannot make the column cache");
                m_columns.push_back(std::move(column));
            }
        }
        if (part.columnCount() != m_columns.size())
            throw DataError({m_source, 0, {}}, "a part of the file has " + std::to_string(part.columnCount()) +
                                                   " columns where the first has " + std::to_string(m_columns.size()));
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            Cached &cached = m_columns[i];
            const Column &column = part.column(i);
            if (column.type == ColumnType::Numeric) {
                writeAll(cached.fd, cached.path, reinterpret_cast<const char *>(column.values.data()),
                         column.values.size() * sizeof(float));
                continue;
            }
            std::vector<std::int32_t> codeOfPart(column.levels.size());
            for (std::size_t level = 0; level < column.levels.size(); ++level) {
                const auto [found, added] =
                    cached.codeOf.emplace(column.levels[level], static_cast<std::int32_t>(cached.levels.size()));
                if (added)
                    cached.levels.push_back(column.levels[level]);
                codeOfPart[level] = found->second;
            }
            std::vector<std::int32_t> codes(column.codes.size());
            for (std::size_t row = 0; row < codes.size(); ++row)
                codes[row] = column.codes[row] == Column::kMissingCode
                                 ? Column::kMissingCode
                                 : codeOfPart[static_cast<std::size_t>(column.codes[row])];
            writeAll(cached.fd, cached.path, reinterpret_cast<const char *>(codes.data()),
                     codes.size() * sizeof(std::int32_t));
        }
        // The lines, where "line - row" changes (SourceLines).
        std::optional<std::int64_t> previousShift;
        for (std::size_t row = 0; row < part.rowCount(); ++row) {
            if (const std::optional<std::int64_t> line = part.sourceLines().lineOf(row)) {
                const std::int64_t shift = *line - static_cast<std::int64_t>(m_rows + row);
                if (shift != previousShift && shift != m_lastShift)
                    m_lines.addStep(m_rows + row, *line);
                previousShift = m_lastShift = shift;
            }
        }
        m_rows += part.rowCount();
    }

    std::size_t rows() const { return m_rows; }

    // The columns with no rows: the file's schema.
    Table schema() const
    {
        std::vector<Column> columns;
        for (const Cached &cached : m_columns)
            columns.push_back(Column{cached.name, cached.type, {}, {}, cached.levels, std::nullopt});
        return Table(m_source, std::move(columns));
    }

    // The named columns over rows [begin, begin + count), with the file's lines.
    Table table(const std::vector<std::string> &names, std::size_t begin, std::size_t count) const
    {
        std::vector<Column> columns;
        for (const std::string &name : names) {
            const auto cached = std::find_if(m_columns.begin(), m_columns.end(),
                                             [&](const Cached &column) { return column.name == name; });
            if (cached == m_columns.end())
                throw ConfigError(m_source + ": no column named \"" + name + "\"");
            if (std::any_of(columns.begin(), columns.end(), [&](const Column &held) { return held.name == name; }))
                continue;
            Column column{cached->name, cached->type, {}, {}, {}, std::nullopt};
            const std::uint64_t offset = static_cast<std::uint64_t>(begin) * 4;
            if (column.type == ColumnType::Numeric) {
                column.values.resize(count);
                readAll(cached->fd, cached->path, reinterpret_cast<char *>(column.values.data()), count * 4, offset);
            } else {
                column.codes.resize(count);
                readAll(cached->fd, cached->path, reinterpret_cast<char *>(column.codes.data()), count * 4, offset);
                column.levels = cached->levels;
            }
            columns.push_back(std::move(column));
        }
        Table table(m_source, std::move(columns));
        if (!m_lines.empty()) {
            std::vector<std::size_t> rows(count);
            std::iota(rows.begin(), rows.end(), begin);
            table.setSourceLines(m_lines.select(rows));
        }
        return table;
    }

private:
    struct Cached {
        std::string name;
        ColumnType type = ColumnType::Numeric;
        std::vector<std::string> levels;
        std::unordered_map<std::string, std::int32_t> codeOf;
        std::string path;
        int fd = -1;
    };
    const CacheDirectory &m_directory;
    std::string m_source;
    std::vector<Cached> m_columns;
    std::size_t m_rows = 0;
    SourceLines m_lines;
    std::optional<std::int64_t> m_lastShift;
};

// Reads the file part by part into `cache`. Returns false, with the column added to
// options.categoricalColumns, when a column's type differs between parts: the file is then read
// again from the start.
bool readIntoColumns(const std::string &path, CsvOptions &options, std::size_t partBytes, ColumnCache &cache,
                     OutOfCoreReport &report, const CancellationToken *cancel)
{
    FileInParts opened = openFileInParts(path, options.hasHeader,
                                         "a larger-than-memory run reads it in parts, twice or more", "read in parts");
    std::ifstream &file = opened.file;
    const std::uint64_t size = opened.size, headerEnd = opened.headerEnd;
    const std::string header = readRange(file, path, 0, headerEnd);
    ++report.readings;
    report.parts = 0;
    std::int64_t linesBefore = 0;
    for (std::uint64_t begin = headerEnd; begin < size;) {
        if (cancel && cancel->isCancelled())
            throw Cancelled();
        const std::uint64_t nominalEnd = std::min(size, begin + std::max<std::uint64_t>(partBytes, 1));
        std::string bytes = header + readRange(file, path, begin, nominalEnd);
        std::uint64_t end = nominalEnd;
        if (nominalEnd < size) {
            // Cut after the first line end outside quotes at or after the byte before the nominal
            // end (a part starts at a record, so the quotes before that byte give the parity).
            const auto quotes =
                std::count(bytes.begin() + static_cast<std::ptrdiff_t>(header.size()), bytes.end() - 1, '"');
            end = nextRecordStart(file, path, size, nominalEnd - 1, quotes % 2 == 1);
            bytes += readRange(file, path, nominalEnd, end);
        }
        CsvReadResult part = readPart(bytes, path, options, linesBefore);
        linesBefore += std::count(bytes.begin() + static_cast<std::ptrdiff_t>(header.size()), bytes.end(), '\n');
        if (report.parts == 0) { // every part is read in the first part's dialect
            options.delimiter = part.dialect.delimiter;
            options.decimalSeparator = part.dialect.decimalSeparator;
            options.encoding = encodingOption(part.dialect.encoding);
        }
        if (const std::optional<std::string> changed = cache.typeChange(part.table)) {
            options.categoricalColumns.push_back(*changed);
            return false;
        }
        for (const CsvWarning &warning : part.warnings) {
            if (std::find(report.csvWarnings.begin(), report.csvWarnings.end(), warning.message) ==
                report.csvWarnings.end())
                report.csvWarnings.push_back(warning.message);
        }
        cache.append(part.table);
        ++report.parts;
        begin = end;
    }
    if (cache.rows() == 0)
        throw DataError({path, 0, {}}, "the file has no data rows");
    return true;
}

std::string megabytes(double bytes)
{
    return std::to_string(static_cast<long long>(std::ceil(bytes / (1024.0 * 1024.0))));
}

} // namespace

std::size_t RowCache::recordBytes(const Layout &layout)
{
    return static_cast<std::size_t>(layout.denseWidth) * sizeof(float) +
           static_cast<std::size_t>(layout.blocks) * sizeof(std::int32_t);
}

RowCache::Writer::Writer(std::string path, const Layout &layout, std::uint64_t fingerprint)
    : m_path(std::move(path)), m_temporary(m_path + ".part"), m_layout(layout), m_fingerprint(fingerprint)
{
    m_fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (m_fd < 0)
        failOn(m_temporary, "cannot make the row cache");
    const std::vector<char> header = headerBytes(0, m_layout, 0); // the real one once all rows are in
    writeAll(m_fd, m_temporary, header.data(), header.size());
}

RowCache::Writer::~Writer()
{
    if (m_fd >= 0) { // not finished: leave nothing behind
        ::close(m_fd);
        ::unlink(m_temporary.c_str());
    }
}

void RowCache::Writer::append(const InputMatrix &rows)
{
    const std::size_t record = recordBytes(m_layout);
    const auto dense = static_cast<std::size_t>(m_layout.denseWidth) * sizeof(float);
    m_buffer.resize(record * static_cast<std::size_t>(rows.cols()));
    for (Eigen::Index row = 0; row < rows.cols(); ++row) {
        char *const out = m_buffer.data() + static_cast<std::size_t>(row) * record;
        std::memcpy(out, rows.dense().col(row).data(), dense);
        std::memcpy(out + dense, rows.hot().col(row).data(), record - dense);
    }
    writeAll(m_fd, m_temporary, m_buffer.data(), m_buffer.size());
    m_rows += static_cast<std::uint64_t>(rows.cols());
}

void RowCache::Writer::finish()
{
    const std::vector<char> header = headerBytes(m_rows, m_layout, m_fingerprint);
    if (::pwrite(m_fd, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()))
        failOn(m_temporary, "cannot write the row cache's header");
    if (::close(m_fd) != 0) {
        m_fd = -1;
        ::unlink(m_temporary.c_str());
        failOn(m_temporary, "cannot write the row cache");
    }
    m_fd = -1;
    if (::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
        ::unlink(m_temporary.c_str());
        failOn(m_path, "cannot put the row cache in place");
    }
}

RowCache::RowCache(const std::string &path, const Layout &layout, std::uint64_t fingerprint, std::size_t mappedLimit)
    : m_path(path), m_layout(layout), m_recordBytes(recordBytes(layout))
{
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        failOn(path, "cannot open the row cache");
    std::vector<char> header(kHeaderBytes);
    readAll(m_fd, path, header.data(), header.size(), 0);
    std::uint64_t rows = 0;
    std::memcpy(&rows, header.data() + sizeof kMagic + 8, sizeof rows);
    struct stat status {};
    ::fstat(m_fd, &status);
    if (header != headerBytes(rows, layout, fingerprint) ||
        static_cast<std::uint64_t>(status.st_size) != kHeaderBytes + rows * m_recordBytes) {
        ::close(m_fd);
        throw DataError({path, 0, {}}, "not the row cache of this file and preprocessing (its header or size "
                                       "differs); delete it and run again");
    }
    m_rows = static_cast<Eigen::Index>(rows);
    m_mapBytes = static_cast<std::size_t>(status.st_size);
    if (m_mapBytes > mappedLimit)
        return; // read with pread
    void *const map = ::mmap(nullptr, m_mapBytes, PROT_READ, MAP_SHARED, m_fd, 0);
    if (map != MAP_FAILED)
        m_map = static_cast<const char *>(map);
}

RowCache::~RowCache()
{
    if (m_map)
        ::munmap(const_cast<char *>(m_map), m_mapBytes);
    ::close(m_fd);
}

void RowCache::gatherInto(std::span<const std::size_t> rows, InputMatrix &into) const
{
    const auto dense = static_cast<std::size_t>(m_layout.denseWidth) * sizeof(float);
    std::vector<char> buffer(m_map ? 0 : m_recordBytes);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::uint64_t offset = kHeaderBytes + rows[i] * m_recordBytes;
        const char *record = buffer.data();
        if (!m_map)
            readAll(m_fd, m_path, buffer.data(), m_recordBytes, offset);
        else if (rows[i] < static_cast<std::size_t>(m_rows))
            record = m_map + offset;
        else
            throw DataError({m_path, 0, {}}, kChangedWhileInUse);
        const auto column = static_cast<Eigen::Index>(i);
        std::memcpy(into.dense().col(column).data(), record, dense);
        std::memcpy(into.hot().col(column).data(), record + dense, m_recordBytes - dense);
    }
}

void RowCache::prefetch(std::span<const std::size_t> rows) const
{
    if (!m_map)
        return;
    // A page not mapped is not faulted in by a prefetch: this only warms the caches.
    for (const std::size_t row : rows) {
        if (row >= static_cast<std::size_t>(m_rows))
            continue;
        const char *const record = m_map + kHeaderBytes + row * m_recordBytes;
        for (std::size_t byte = 0; byte < m_recordBytes; byte += 64)
            __builtin_prefetch(record + byte);
    }
}

std::size_t outOfCoreBytesPerRow(std::size_t tasks)
{
    // The split's row indices, the shuffled order, the training rows handed to the trainer and
    // those of the refit (8 bytes each), one feature column while it is fitted and the binary
    // task's stratification labels (4 each); per task its column, its targets, the trainer's copy
    // of them side by side, and the scores of an evaluated part (4 each).
    return 4 * 8 + 2 * 4 + tasks * 4 * 4;
}

std::size_t outOfCoreBatchBytes(const TrainConfig &config, std::size_t recordBytes, std::size_t parameters,
                                std::size_t rows)
{
    // The batch's rows gathered, and the activations and their gradients of every layer (an
    // estimate: the trunk's widths, times the experts of MMoE and PLE), per row; the
    // parameters, their gradient, Adam's two moments and the best epoch's copy, and each shard's
    // gradient; and the block of up to 65,536 rows that validation and evaluation score at a time.
    std::size_t activations = 0;
    for (const int width : config.hiddenLayers)
        activations += static_cast<std::size_t>(width);
    const bool experts = config.architecture == Architecture::MMoE || config.architecture == Architecture::PLE;
    activations *= static_cast<std::size_t>(experts ? std::max(1, config.experts + config.taskExperts) : 1) * 2 *
                   sizeof(float) * 2;
    const std::size_t batch = std::min(rows, static_cast<std::size_t>(std::max(1, config.batchSize)));
    return batch * (recordBytes + activations) + parameters * sizeof(float) * 7 +
           std::min(rows, std::size_t{1} << 16) * (recordBytes + 64);
}

ExperimentResult runExperimentOutOfCore(const std::string &path, const CsvOptions &csvOptions,
                                        const std::vector<TaskSpec> &tasks, const std::vector<std::string> &ignored,
                                        const ExperimentConfig &config, const OutOfCoreOptions &outOfCore,
                                        const std::vector<TrainingCallback *> &callbacks,
                                        const CancellationToken *cancel, OutOfCoreReport *reportOut,
                                        InputMatrix *cacheRows)
{
    if (const StatFileFormat format = detectStatFileFormat(path); format != StatFileFormat::None)
        throw ConfigError(path + " is a " + describe(format) +
                          ": a larger-than-memory run (--memory-budget) reads CSV files; export it as CSV first");
    if (config.woe.used())
        throw ConfigError("weight-of-evidence inputs are not binned in a larger-than-memory run (--memory-budget) "
                          "yet: leave them out, or train in memory");
    for (const TaskSpec &task : tasks) {
        if (task.imbalance.oversample || task.imbalance.balancedClassWeights)
            throw ConfigError("task \"" + task.name() +
                              "\": oversampling and balanced class weights are not done in a larger-than-memory run "
                              "(--memory-budget) yet");
    }
    const std::size_t partBytes = outOfCore.partBytes > 0 ? outOfCore.partBytes : outOfCore.memoryBudget / 8;
    if (partBytes == 0)
        throw ConfigError("a memory budget of " + std::to_string(outOfCore.memoryBudget) +
                          " bytes holds no part of the file: give at least 1 MB");
    OutOfCoreReport report;
    report.partBytes = partBytes;
    const CacheDirectory directory(outOfCore.cacheDirectory);

    // 1. The file into the column cache, read again while a column turns out text on a later part.
    CsvOptions options = csvOptions;
    ColumnCache columns(directory, path);
    while (!readIntoColumns(path, options, partBytes, columns, report, cancel))
        columns.close();
    report.rows = columns.rows();
    const std::size_t rows = columns.rows();
    const double perRow = static_cast<double>(outOfCoreBytesPerRow(tasks.size())) * static_cast<double>(rows);
    if (perRow + static_cast<double>(partBytes) > static_cast<double>(outOfCore.memoryBudget))
        throw ConfigError("a memory budget of " + megabytes(static_cast<double>(outOfCore.memoryBudget)) +
                          " MB cannot hold what a run keeps for each of the file's " + std::to_string(rows) +
                          " rows (" + megabytes(perRow) + " MB) and one part of the file (" +
                          megabytes(static_cast<double>(partBytes)) + " MB): give at least " +
                          megabytes(perRow + 2 * static_cast<double>(partBytes)) + " MB");

    // 2. Roles, the task columns, the split and the preprocessing, one column at a time.
    const RoleAssignment roles = defaultRoles(columns.schema(), tasks, ignored);
    std::vector<std::string> taskColumns;
    for (const TaskSpec &task : roles.tasks)
        taskColumns.push_back(task.column);
    taskColumns.insert(taskColumns.end(), roles.kept.begin(), roles.kept.end());
    {
        // The roles are checked on the task and kept columns and the first feature (the others
        // exist: defaultRoles took them from the file's columns).
        std::vector<std::string> checked = taskColumns;
        RoleAssignment firstFeature = roles;
        if (!roles.features.empty()) {
            firstFeature.features = {roles.features.front()};
            checked.push_back(roles.features.front());
        }
        validateRoles(columns.table(checked, 0, rows), firstFeature);
    }
    const Table taskTable = columns.table(taskColumns, 0, rows);
    DataSplit split = stratifiedSplit(rows, stratificationLabels(taskTable, roles), config.split);
    if (split.train.empty())
        throw ConfigError(path + ": the split leaves no training rows");
    PreparedInputs prepared;
    for (const std::string &feature : roles.features) {
        if (cancel && cancel->isCancelled())
            throw Cancelled();
        Preprocessor step = fitScaledAndOneHotSteps(columns.table({feature}, 0, rows), {feature}, split.train,
                                                    config.preprocess, config.train.threads);
        for (NumericStep &numeric : step.numeric)
            prepared.preprocessor.numeric.push_back(std::move(numeric));
        for (OneHotStep &oneHot : step.oneHot)
            prepared.preprocessor.oneHot.push_back(std::move(oneHot));
        for (std::string &warning : step.warnings)
            prepared.preprocessor.warnings.push_back(std::move(warning));
    }
    refuseWithoutInputs(prepared.preprocessor, taskTable, split.train.size());

    // The budget must hold a batch besides the per-row state.
    const RowCache::Layout layout{
        static_cast<Eigen::Index>(prepared.preprocessor.numeric.size() +
                                  static_cast<std::size_t>(std::count_if(
                                      prepared.preprocessor.numeric.begin(), prepared.preprocessor.numeric.end(),
                                      [](const NumericStep &step) { return step.missingIndicator; }))),
        static_cast<Eigen::Index>(prepared.preprocessor.oneHot.size()),
        static_cast<Eigen::Index>(prepared.preprocessor.inputCount())};
    const std::size_t record = RowCache::recordBytes(layout);
    double batch = 0;
    {
        const std::size_t parameters =
            prepared.preprocessor.inputCount() *
            static_cast<std::size_t>(
                std::max(1, config.train.hiddenLayers.empty() ? 1 : config.train.hiddenLayers.front())) *
            2;
        batch = static_cast<double>(outOfCoreBatchBytes(config.train, record, parameters, rows));
        if (perRow + batch + static_cast<double>(partBytes) > static_cast<double>(outOfCore.memoryBudget))
            throw ConfigError("a memory budget of " + megabytes(static_cast<double>(outOfCore.memoryBudget)) +
                              " MB cannot hold one batch of " + std::to_string(config.train.batchSize) + " rows (" +
                              megabytes(batch) +
                              " MB with the network and a block of scored rows) beside what a run "
                              "keeps for each of the file's " +
                              std::to_string(rows) + " rows (" + megabytes(perRow) + " MB): give at least " +
                              megabytes(perRow + batch + static_cast<double>(partBytes)) + " MB");
    }

    // 3. The rows transformed block by block into the row cache.
    const std::uint64_t fingerprint = fingerprintOf(path, prepared.preprocessor);
    const std::string cachePath = directory.file("rows.cache");
    {
        RowCache::Writer writer(cachePath, layout, fingerprint);
        const std::size_t blockRows =
            std::max<std::size_t>(1, partBytes / (roles.features.size() * sizeof(float) + record + 8));
        for (std::size_t begin = 0; begin < rows; begin += blockRows) {
            if (cancel && cancel->isCancelled())
                throw Cancelled();
            const std::size_t count = std::min(blockRows, rows - begin);
            TransformNotes notes;
            const InputMatrix block = prepared.preprocessor.transform(columns.table(roles.features, begin, count),
                                                                      config.train.threads, &notes);
            if (block.denseWidth() != layout.denseWidth || block.blockCount() != layout.blocks)
                throw ConfigError("the transformed rows' layout differs from the preprocessing's (an internal error)");
            writer.append(block);
            prepared.notes.rangesUnknown = prepared.notes.rangesUnknown || notes.rangesUnknown;
            for (ClippedColumn &clipped : notes.clipped) {
                clipped.firstRow += begin;
                foldClippedColumn(prepared.notes, std::move(clipped));
            }
        }
        writer.finish();
    }
    orderClippedBySteps(prepared.notes, prepared.preprocessor);
    columns.close();
    // The row cache is mapped when it fits in what the budget leaves beside the anonymous memory
    // the process holds now, twice the per-row state's estimate, a batch and one part (no part is
    // held while training). The per-row state is already in what is held: it is counted again
    // twice because what training, the refit and the evaluation add later exceeds the estimate
    // (measured on 2,000,000 rows: 176 MB estimated; 142 MB held when the cache is opened, 342 MB
    // at the peak), and the program's own pages (about 20 MB) count in the resident set too.
    // Not mapped when the anonymous memory cannot be read.
    const std::optional<std::size_t> anonymous = anonymousResidentBytes();
    const double mappable = anonymous ? static_cast<double>(outOfCore.memoryBudget) - static_cast<double>(*anonymous) -
                                            2 * perRow - batch - static_cast<double>(partBytes)
                                      : 0.0;
    report.mappableBytes = mappable > 0 ? static_cast<std::uint64_t>(mappable) : 0;
    const RowCache cache(cachePath, layout, fingerprint, static_cast<std::size_t>(report.mappableBytes));
    report.cacheBytes = RowCache::kHeaderBytes + static_cast<std::uint64_t>(rows) * record;
    report.cacheMapped = cache.mapped();
    prepared.inputs = &cache;

    // 4. Training and evaluation, the batches gathered from the row cache.
    ExperimentResult result =
        runExperimentOnPreparedInputs(taskTable, roles, config, std::move(split), prepared, callbacks, cancel);
    if (cacheRows) {
        std::vector<std::size_t> all(rows);
        std::iota(all.begin(), all.end(), std::size_t{0});
        *cacheRows = cache.gather(all);
    }
    if (reportOut)
        *reportOut = report;
    return result;
}

} // namespace cmtl
