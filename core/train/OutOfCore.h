#pragma once

#include "common/Cancellation.h"
#include "csv/CsvReader.h"
#include "preprocess/InputMatrix.h"
#include "tasks/TaskSpec.h"
#include "train/Experiment.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

// Training on a CSV file larger than memory ("out of core"), in one process, with the model that
// runExperiment gives on the whole table in memory:
// 1. The file is read in parts of about memoryBudget / 8 bytes, cut on record boundaries as the
//    data-parallel reader cuts it (DistributedRead.h), one part at a time. Each part's columns
//    are appended to a column cache on disk (numbers as floats, text as dictionary codes into the
//    whole file's levels, in first-seen order). The first part's dialect is used for every part;
//    a column that is text on some part is read as text on all of them (the parts are then read
//    again), as one read of the whole file types it.
// 2. The task columns are loaded (4 bytes a row each), the split is made on them
//    (stratificationLabels, stratifiedSplit), and the preprocessing is fitted one feature column
//    at a time on the training rows (fitScaledAndOneHotSteps on that column alone: each step
//    depends on its own column only).
// 3. The rows are transformed in blocks and written to a row cache (RowCache); the column cache is
//    then deleted.
// 4. runExperimentOnPreparedInputs trains with the batches gathered from the row cache in the
//    seeded order, and evaluates in blocks: the model equals the in-memory one.
// What stays in memory grows with the rows but not with the columns: about 40 + 16 * tasks bytes
// a row (the split, the shuffled order, the targets and the task columns), plus one part or block.
struct OutOfCoreOptions {
    std::size_t memoryBudget = 0; // bytes
    // The nominal bytes of a part of the file, and of the rows transformed at a time; 0:
    // memoryBudget / 8 (tests set it small to force many parts).
    std::size_t partBytes = 0;
    // Where the caches go: a new directory is made in it for this run and removed at its end.
    // Empty: the system's temporary directory.
    std::string cacheDirectory;
};

// The preprocessed rows of a table on disk: a header (magic, version, rows, layout and a
// fingerprint of the source file and of the preprocessing), then one record per row, the dense
// inputs (floats) then the one-hot blocks' indices (int32).
// When the whole file is at most `mappedLimit` bytes, it is mapped read-only and a row is one copy
// out of the mapping: no system call a row. The mapped pages are the page cache's own (no second
// copy), but those touched count in the process's resident set (RssFile) while mapped, so the
// limit is the part of the memory budget they may take. Otherwise (or when mmap fails) a row is
// one pread, and the page cache holds the file outside the process's resident set. (Mapping only
// a window of the file and unmapping it, madvise MADV_DONTNEED, when it grew past the limit was
// measured 14 times slower than pread on a cache 5.5 times the window: a page fault a row.)
// The cache is private to a run (its own mkdtemp directory): a mapped cache file truncated by
// someone else while in use would end the process with SIGBUS.
class RowCache final : public RowSource {
public:
    struct Layout {
        Eigen::Index denseWidth = 0, blocks = 0, width = 0;
    };

    static constexpr std::size_t kNoMappedLimit = static_cast<std::size_t>(-1);

    // Opens a cache file and checks its header: the layout and fingerprint must be those given,
    // and the file must hold all its rows (DataError naming the file otherwise). It is mapped when
    // its size is at most `mappedLimit` (see above).
    RowCache(const std::string &path, const Layout &layout, std::uint64_t fingerprint,
             std::size_t mappedLimit = kNoMappedLimit);
    ~RowCache() override;
    RowCache(const RowCache &) = delete;
    RowCache &operator=(const RowCache &) = delete;

    Eigen::Index cols() const override { return m_rows; }
    Eigen::Index denseWidth() const override { return m_layout.denseWidth; }
    Eigen::Index blockCount() const override { return m_layout.blocks; }
    Eigen::Index width() const override { return m_layout.width; }
    void gatherInto(std::span<const std::size_t> rows, InputMatrix &into) const override;
    void prefetch(std::span<const std::size_t> rows) const override;

    // Whether the rows are copied from a mapping of the file (rather than read with pread).
    bool mapped() const { return m_map != nullptr; }

    const std::string &path() const { return m_path; }
    std::size_t recordBytes() const { return m_recordBytes; }
    static std::size_t recordBytes(const Layout &layout);
    static constexpr std::size_t kHeaderBytes = 64;

    // Writes a cache: rows appended in order, the header written last; the file is written under
    // a temporary name and renamed to `path` by finish().
    class Writer {
    public:
        Writer(std::string path, const Layout &layout, std::uint64_t fingerprint);
        ~Writer();
        Writer(const Writer &) = delete;
        Writer &operator=(const Writer &) = delete;
        void append(const InputMatrix &rows);
        void finish();

    private:
        std::string m_path, m_temporary;
        Layout m_layout;
        std::uint64_t m_fingerprint;
        std::uint64_t m_rows = 0;
        int m_fd = -1;
        std::vector<char> m_buffer;
    };

private:
    std::string m_path;
    Layout m_layout;
    Eigen::Index m_rows = 0;
    std::size_t m_recordBytes = 0;
    int m_fd = -1;
    const char *m_map = nullptr; // the whole file, or null (pread)
    std::size_t m_mapBytes = 0;
};

// What runExperimentOutOfCore did besides training, for the user and for tests.
struct OutOfCoreReport {
    std::size_t rows = 0;
    std::size_t parts = 0;                // parts of the file read (in the last reading)
    std::size_t readings = 0;             // readings of the file (more than one when a column turned to text)
    std::size_t partBytes = 0;            // the nominal size of a part
    std::uint64_t cacheBytes = 0;         // the row cache's size on disk
    bool cacheMapped = false;             // rows copied from a mapping of the cache (else one pread a row)
    std::uint64_t mappableBytes = 0;      // what the budget leaves for the mapped cache (see RowCache)
    std::vector<std::string> csvWarnings; // the reader's, each once (not in the result's warnings, as
                                          // the in-memory path's are not)
};

// Bytes a run keeps in memory for each row whatever the budget (see OutOfCoreOptions), and the
// bytes one batch takes: the basis of the budget's refusal.
std::size_t outOfCoreBytesPerRow(std::size_t tasks);
// (and the block of min(rows, 65,536) rows that validation and evaluation score at a time).
std::size_t outOfCoreBatchBytes(const TrainConfig &config, std::size_t recordBytes, std::size_t parameters,
                                std::size_t rows);

// Trains on the CSV file at `path` read with `options`, the feature columns being every column
// that is neither a task nor ignored (defaultRoles), within options.memoryBudget (see above).
// Refused (ConfigError): a budget that cannot hold a batch and the per-row state (the figures
// named), WoE inputs, oversampling and balanced class weights (they would need their own passes),
// a cache directory that is not a directory. With `cacheRows`, the row cache's rows are read back
// into it before the cache is removed (tests compare them with the in-memory transform).
ExperimentResult runExperimentOutOfCore(const std::string &path, const CsvOptions &options,
                                        const std::vector<TaskSpec> &tasks, const std::vector<std::string> &ignored,
                                        const ExperimentConfig &config, const OutOfCoreOptions &outOfCore,
                                        const std::vector<TrainingCallback *> &callbacks = {},
                                        const CancellationToken *cancel = nullptr, OutOfCoreReport *report = nullptr,
                                        InputMatrix *cacheRows = nullptr);

} // namespace cmtl
