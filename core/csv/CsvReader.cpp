#include "csv/CsvReader.h"

#include "common/Error.h"
#include "csv/CsvTokenizer.h"
#include "csv/TextDictionary.h"
#include "csv/TextEncoding.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cmtl {

namespace {

// Chunks of about this size balance the threads, bound the latency of cancellation and give the
// progress bar steps; below the minimum the per-chunk overhead is not worth it.
constexpr std::size_t kTargetChunkBytes = std::size_t{8} << 20;
constexpr std::size_t kMinChunkBytes = std::size_t{64} << 10;
constexpr std::size_t kChunksPerThread = 4;

// Type inference samples the first records and short runs at evenly spaced points of the file,
// as data.table::fread does. The guess only saves work: parsing corrects it either way.
constexpr std::size_t kHeadSampleRecords = 1000;
constexpr std::size_t kJumpSampleRecords = 100;
constexpr std::size_t kMaxSampleJumps = 100;
// ...but the jumps sample at most one record in this many of the rest of the file: sampling goes
// through the general field scanner, a few times slower than parsing, and on a small file a
// hundred jumps would cost more than the retyping they might save.
constexpr std::size_t kRecordsPerSampledRecord = 100;

// Shares of the progress bar.
constexpr double kParseShare = 0.85;
constexpr double kRetypeShare = 0.10;

constexpr float kMissingNumber = std::numeric_limits<float>::quiet_NaN();

// Runs task(i) for i in [0, taskCount) on up to `threads` threads, the calling thread included.
// `afterTaskOnCaller` runs on the calling thread after each of its tasks, so that progress
// callbacks never run on a worker thread. The first exception is rethrown once all have stopped.
template <typename Task, typename AfterTask>
void runInParallel(std::size_t taskCount, std::size_t threads, Task &&task, AfterTask &&afterTaskOnCaller)
{
    std::atomic<std::size_t> nextTask{0};
    std::atomic<bool> failed{false};
    std::exception_ptr firstFailure;
    std::mutex failureMutex;
    const auto work = [&](bool onCaller) {
        while (!failed.load(std::memory_order_relaxed)) {
            const std::size_t index = nextTask.fetch_add(1);
            if (index >= taskCount)
                return;
            try {
                task(index);
                if (onCaller)
                    afterTaskOnCaller();
            } catch (...) {
                const std::lock_guard lock(failureMutex);
                if (!firstFailure)
                    firstFailure = std::current_exception();
                failed.store(true);
                return;
            }
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t i = 1; i < std::min(threads, taskCount); ++i)
            helpers.emplace_back(work, false);
        work(true);
    } // joins the helpers
    if (firstFailure)
        std::rethrow_exception(firstFailure);
}

// ---------------------------------------------------------------------------------------------
// Decoding

// findInvalidUtf8 on one piece per thread. The pieces start after a newline, which is never part
// of a multi-byte sequence, so each can be checked on its own.
std::size_t findInvalidUtf8InParallel(std::string_view text, std::size_t threads)
{
    const std::size_t pieces = text.size() < threads * kMinChunkBytes ? 1 : threads;
    std::vector<std::size_t> starts(pieces + 1, text.size());
    starts[0] = 0;
    for (std::size_t i = 1; i < pieces; ++i) {
        const std::size_t newline = text.find('\n', std::max(starts[i - 1], i * text.size() / pieces));
        starts[i] = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    std::vector<std::size_t> firstInvalid(pieces, text.size());
    runInParallel(
        pieces, threads,
        [&](std::size_t i) {
            const std::string_view piece = text.substr(starts[i], starts[i + 1] - starts[i]);
            const std::size_t invalid = findInvalidUtf8(piece);
            if (invalid != piece.size())
                firstInvalid[i] = starts[i] + invalid;
        },
        [] {});
    return *std::min_element(firstInvalid.begin(), firstInvalid.end());
}

std::string byteInHex(char byte)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    const auto value = static_cast<unsigned char>(byte);
    return std::string("0x") + kDigits[value >> 4] + kDigits[value & 0xF];
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// Returns the input as UTF-8 text without byte-order mark: a view of `bytes` when they are UTF-8,
// else a view of `converted`, which receives the decoded text. Sets `encodingName` to what was
// found, for CsvDialect::encoding.
std::string_view decodeInput(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options,
                             std::size_t threads, const CancellationToken *cancel, std::string &converted,
                             std::string &encodingName)
{
    std::string_view text(bytes.data(), bytes.size());
    const std::string requested = lowercase(options.encoding);
    const bool automatic = requested.empty() || requested == "auto";
    const bool utf8 = requested == "utf-8" || requested == "utf8";

    if (automatic && (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")))
        throw DataError({sourceName, 1, ""}, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); "
                                             "save it as UTF-8 (CSV UTF-8 in Excel) and read it again");

    if (automatic || utf8) {
        constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
        const bool hasByteOrderMark = text.starts_with(kByteOrderMark);
        if (hasByteOrderMark)
            text.remove_prefix(kByteOrderMark.size());
        const std::size_t invalid = findInvalidUtf8InParallel(text, threads);
        if (invalid == text.size()) {
            encodingName = hasByteOrderMark ? "UTF-8 with BOM" : "UTF-8";
            return text;
        }
        const std::int64_t utf8Line = lineNumberAt(text, invalid);
        const std::string notUtf8 = "byte " + byteInHex(text[invalid]) + " is not valid UTF-8";
        // A byte-order mark says the writer meant UTF-8: a bad byte is corruption, not GB18030.
        if (utf8 || hasByteOrderMark)
            throw DataError({sourceName, utf8Line, ""},
                            notUtf8 + "; the file is damaged or in another encoding: save it as UTF-8 or name "
                                      "its encoding in the import options");
        Utf8Conversion conversion = convertToUtf8(std::string_view(bytes.data(), bytes.size()), "GB18030", cancel);
        if (conversion.firstInvalidLine != 0)
            throw DataError({sourceName, utf8Line, ""},
                            notUtf8 + ", and line " + std::to_string(conversion.firstInvalidLine) +
                                " is not valid GB18030 either: save the file as UTF-8 or name its encoding in "
                                "the import options");
        converted = std::move(conversion.text);
        encodingName = "GB18030";
        return converted;
    }

    if (!isSupportedEncoding(options.encoding))
        throw ConfigError(sourceName + ": unknown or unsupported text encoding \"" + options.encoding +
                          "\" (use auto, UTF-8, GB18030 or another ASCII-compatible encoding)");
    Utf8Conversion conversion = convertToUtf8(text, options.encoding, cancel);
    if (conversion.firstInvalidLine != 0)
        throw DataError({sourceName, conversion.firstInvalidLine, ""},
                        "the bytes of this line are not valid " + options.encoding +
                            ": check the encoding chosen in the import options");
    converted = std::move(conversion.text);
    encodingName = options.encoding;
    return converted;
}

// ---------------------------------------------------------------------------------------------
// Header and column names

std::string delimiterName(char delimiter)
{
    return delimiter == '\t' ? std::string("tab") : "'" + std::string(1, delimiter) + "'";
}

// Names the columns from the header fields. An empty name becomes V<position> (R's convention),
// made unique if a real column already has that name. Duplicate names are refused: tasks and
// features are chosen by name, and a silently renamed column would be a trap.
std::vector<std::string> columnNamesFrom(const std::vector<RawField> &headerFields, const std::string &sourceName)
{
    std::vector<std::string> names(headerFields.size());
    std::string unescaped;
    for (std::size_t i = 0; i < headerFields.size(); ++i) {
        const RawField &field = headerFields[i];
        if (field.hasDoubledQuotes) {
            unescapeQuotes(field.text, unescaped);
            names[i] = std::string(trimBlanks(unescaped));
        } else {
            names[i] = std::string(trimBlanks(field.text));
        }
    }
    std::set<std::string> taken;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty())
            continue;
        if (!taken.insert(names[i]).second) {
            const auto first = std::find(names.begin(), names.end(), names[i]) - names.begin();
            throw DataError({sourceName, 1, names[i]}, "duplicate column name: columns " + std::to_string(first + 1) +
                                                           " and " + std::to_string(i + 1) + " are both named \"" +
                                                           names[i] + "\"; expected unique column names");
        }
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!names[i].empty())
            continue;
        std::string name = "V" + std::to_string(i + 1);
        for (int suffix = 2; taken.count(name) != 0; ++suffix)
            name = "V" + std::to_string(i + 1) + "_" + std::to_string(suffix);
        taken.insert(name);
        names[i] = name;
    }
    return names;
}

// ---------------------------------------------------------------------------------------------
// Error messages

// The character at `at` for a message: the whole UTF-8 sequence in quotes, or the code of a
// control character.
std::string describeCharacter(const char *at, const char *end)
{
    const auto lead = static_cast<unsigned char>(*at);
    if (lead < 0x20 || lead == 0x7F)
        return "character " + byteInHex(*at);
    const std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return "'" + std::string(at, std::min(length, static_cast<std::size_t>(end - at))) + "'";
}

std::size_t countFields(const CsvTokenizer &tokenizer, const char *recordStart)
{
    std::vector<RawField> fields;
    try {
        tokenizer.scanRecord(recordStart, fields);
    } catch (const CsvSyntaxError &) {
        // Counting is for the message only; the fields read so far will do.
    }
    return fields.size();
}

// Turns a syntax error into the DataError the user sees: file, line of the record's start,
// column name, and what was expected. `names` is empty while the first line is being read.
DataError describeSyntaxError(const CsvSyntaxError &error, const CsvTokenizer &tokenizer,
                              const std::vector<std::string> &names, const std::string &sourceName)
{
    const std::string_view text(tokenizer.begin(), static_cast<std::size_t>(tokenizer.end() - tokenizer.begin()));
    const std::int64_t line = lineNumberAt(text, static_cast<std::size_t>(error.recordStart - tokenizer.begin()));
    const bool onFirstLine = names.empty();
    const std::string column = onFirstLine ? std::string() : names[std::min(error.column, names.size() - 1)];
    const std::string where =
        onFirstLine ? "field " + std::to_string(error.column + 1) + " of the first line: " : std::string();
    const std::string expectedFields = "expected " + std::to_string(names.size()) + " fields (one per column)";
    switch (error.problem) {
    case CsvProblem::TooFewFields:
        return DataError({sourceName, line, column}, expectedFields + ", found " + std::to_string(error.column) +
                                                         ": the line ends before this column");
    case CsvProblem::TooManyFields:
        return DataError({sourceName, line, column}, expectedFields + ", found " +
                                                         std::to_string(countFields(tokenizer, error.recordStart)) +
                                                         ": the line goes on after this last column");
    case CsvProblem::UnterminatedQuote:
        return DataError({sourceName, line, column},
                         where + "a quoted field starts here but is never closed: expected a closing quote (\") "
                                 "before the end of the file");
    case CsvProblem::TextAfterClosingQuote:
        return DataError({sourceName, line, column}, where + "expected the delimiter " +
                                                         delimiterName(tokenizer.delimiter()) +
                                                         " or the end of the line after the closing quote, found " +
                                                         describeCharacter(error.position, tokenizer.end()) +
                                                         "; a quote inside a quoted field must be doubled (\"\")");
    }
    return DataError({sourceName, line, column}, "invalid CSV");
}

// ---------------------------------------------------------------------------------------------
// Type inference from a sample

enum class CellKind : std::uint8_t { Numeric, Categorical, Skip };

struct TypeGuess {
    std::vector<CellKind> kinds;
    double bytesPerRecord = 64;
};

struct SampleRun {
    std::size_t records = 0;
    const char *end = nullptr;
};

// Reads up to maxRecords records from `at`, setting textSeen[j] when column j holds a cell that
// is neither missing nor a number. Stops quietly at anything irregular: parsing reports it.
SampleRun sampleRecords(const CsvTokenizer &tokenizer, const char *at, std::size_t maxRecords,
                        const MissingTokens &missing, std::vector<char> &textSeen)
{
    std::vector<RawField> fields;
    std::string unescaped;
    SampleRun run;
    try {
        while (at != tokenizer.end() && run.records < maxRecords) {
            const char *const next = tokenizer.scanRecord(at, fields);
            if (fields.size() != textSeen.size()) {
                if (fields.size() == 1 && fields.front().text.empty() && !fields.front().quoted) {
                    at = next; // a blank line
                    continue;
                }
                break;
            }
            for (std::size_t j = 0; j < fields.size(); ++j) {
                std::string_view cell = fields[j].text;
                if (fields[j].hasDoubledQuotes) {
                    unescapeQuotes(cell, unescaped);
                    cell = unescaped;
                }
                float value;
                if (!missing.contains(cell) && !parseNumber(cell, value))
                    textSeen[j] = 1;
            }
            at = next;
            ++run.records;
        }
    } catch (const CsvSyntaxError &) {
    }
    run.end = at;
    return run;
}

TypeGuess guessTypes(const CsvTokenizer &tokenizer, const char *bodyStart, std::size_t columnCount,
                     const MissingTokens &missing, std::size_t threads)
{
    std::vector<char> textSeen(columnCount, 0);
    TypeGuess guess;
    const SampleRun head = sampleRecords(tokenizer, bodyStart, kHeadSampleRecords, missing, textSeen);
    if (head.records > 0)
        guess.bytesPerRecord = static_cast<double>(head.end - bodyStart) / static_cast<double>(head.records);

    const auto restBytes = static_cast<std::size_t>(tokenizer.end() - head.end);
    const auto restRecords = static_cast<std::size_t>(static_cast<double>(restBytes) / guess.bytesPerRecord);
    const std::size_t jumps = std::min(
        {kMaxSampleJumps, restBytes / kMinChunkBytes, restRecords / (kJumpSampleRecords * kRecordsPerSampledRecord)});
    std::vector<std::vector<char>> textSeenInJump(jumps, std::vector<char>(columnCount, 0));
    runInParallel(
        jumps, threads,
        [&](std::size_t jump) {
            // A jump may land inside a quoted field and sample misaligned fields; harmless, since
            // the guess is corrected by parsing.
            const char *const landing = head.end + (jump + 1) * restBytes / (jumps + 1);
            const void *newline = std::memchr(landing, '\n', static_cast<std::size_t>(tokenizer.end() - landing));
            if (newline != nullptr)
                sampleRecords(tokenizer, static_cast<const char *>(newline) + 1, kJumpSampleRecords, missing,
                              textSeenInJump[jump]);
        },
        [] {});

    guess.kinds.assign(columnCount, CellKind::Numeric);
    for (std::size_t j = 0; j < columnCount; ++j) {
        bool text = textSeen[j] != 0;
        for (const std::vector<char> &seen : textSeenInJump)
            text = text || seen[j] != 0;
        if (text)
            guess.kinds[j] = CellKind::Categorical;
    }
    return guess;
}

// ---------------------------------------------------------------------------------------------
// Chunks

// An uninitialised array of cells that grows on request. Unlike std::vector it neither zero-fills
// nor checks its capacity on each write: the parser checks it once per record for all columns.
template <typename Cell> class CellBuffer {
public:
    // Makes room for `capacity` cells, keeping the first `kept` ones.
    void reserve(std::size_t capacity, std::size_t kept)
    {
        if (capacity <= m_capacity)
            return;
        auto grown = std::make_unique_for_overwrite<Cell[]>(capacity);
        if (kept > 0)
            std::memcpy(grown.get(), m_cells.get(), kept * sizeof(Cell));
        m_cells = std::move(grown);
        m_capacity = capacity;
    }
    Cell &operator[](std::size_t index) { return m_cells[index]; }
    const Cell *data() const { return m_cells.get(); }

private:
    std::unique_ptr<Cell[]> m_cells;
    std::size_t m_capacity = 0;
};

struct ChunkColumn {
    CellBuffer<float> values;       // Numeric
    CellBuffer<std::int32_t> codes; // Categorical: codes into `dictionary`
    TextDictionary dictionary;      // Categorical: this chunk's levels in first-seen order
};

// The records of one chunk, parsed into column buffers that are reused for later chunks once
// their cells are appended to the table.
struct Chunk {
    const char *begin = nullptr; // start of the first record (guessed, until appended)
    const char *stop = nullptr;  // records starting at or after this belong to the next chunk
    const char *end = nullptr;   // where parsing stopped: the start of the next chunk's first record
    std::size_t rows = 0;
    std::vector<ChunkColumn> columns;
    std::vector<char> notNumeric;           // per column: a Numeric column met a cell that is not a number
    std::deque<std::string> unescapedTexts; // owns the categorical texts that needed unescaping
    std::optional<CsvSyntaxError> error;
};

// Where a chunk lies in the text: planned by planChunks, exact once the chunk is appended.
struct ChunkBounds {
    const char *begin = nullptr;
    const char *stop = nullptr;
    const char *end = nullptr;
};

// Splits the data into chunks whose boundaries are guessed record starts: the parity of the quotes
// before a nominal boundary tells whether it falls inside a quoted field, and the chunk then
// starts after the next newline outside quotes. The guess is exact for RFC 4180 text; stray quotes
// in unquoted fields can mislead it, which the pipeline detects and repairs.
std::vector<ChunkBounds> planChunks(const CsvTokenizer &tokenizer, const char *bodyStart, std::size_t threads)
{
    const auto bodyBytes = static_cast<std::size_t>(tokenizer.end() - bodyStart);
    std::size_t count = std::max(threads * kChunksPerThread, (bodyBytes + kTargetChunkBytes - 1) / kTargetChunkBytes);
    count = std::clamp<std::size_t>(count, 1, std::max<std::size_t>(1, bodyBytes / kMinChunkBytes));

    std::vector<const char *> nominal(count + 1);
    for (std::size_t i = 0; i <= count; ++i)
        nominal[i] = bodyStart + i * bodyBytes / count;
    std::vector<std::size_t> quotes(count, 0);
    runInParallel(
        count, threads,
        [&](std::size_t i) {
            // memchr finds quickly that most pieces of most files hold no quote at all.
            const void *firstQuote =
                std::memchr(nominal[i], '"', static_cast<std::size_t>(nominal[i + 1] - nominal[i]));
            if (firstQuote != nullptr)
                quotes[i] =
                    static_cast<std::size_t>(std::count(static_cast<const char *>(firstQuote), nominal[i + 1], '"'));
        },
        [] {});

    std::vector<ChunkBounds> chunks(count);
    chunks[0].begin = bodyStart;
    std::size_t quotesBefore = 0;
    for (std::size_t i = 1; i < count; ++i) {
        quotesBefore += quotes[i - 1];
        chunks[i].begin = std::max(chunks[i - 1].begin, tokenizer.nextRecordStart(nominal[i], quotesBefore % 2 == 1));
        chunks[i - 1].stop = chunks[i].begin;
    }
    chunks[count - 1].stop = tokenizer.end();
    return chunks;
}

// Parses the records of a chunk into per-column buffers: numbers with fast_float straight from
// the text, texts into a per-chunk dictionary of views into the text. Nothing is allocated per
// cell except the dictionary's growth and the rare text with doubled quotes.
class ChunkParser {
public:
    ChunkParser(const CsvTokenizer &tokenizer, const MissingTokens &missing, double bytesPerRecord)
        : m_tokenizer(tokenizer), m_missing(missing), m_bytesPerRecord(bytesPerRecord)
    {}

    // Parses the records starting in [chunk.begin, chunk.stop) into the columns whose kind is not
    // Skip. A Numeric column that meets a cell that is neither missing nor a number is flagged in
    // chunk.notNumeric and skipped from then on: it is parsed again later as categorical. (The
    // flags stay in the chunk because a chunk that started at a wrongly guessed record boundary
    // may see text that is not there.) A syntax error stops the chunk and is kept in chunk.error.
    void parse(Chunk &chunk, std::vector<CellKind> kinds) const
    {
        const std::size_t columnCount = kinds.size();
        chunk.columns.resize(columnCount);
        chunk.notNumeric.assign(columnCount, 0);
        chunk.unescapedTexts.clear();
        std::size_t capacity =
            static_cast<std::size_t>(static_cast<double>(chunk.stop - chunk.begin) / m_bytesPerRecord * 1.1 + 16);
        for (std::size_t j = 0; j < columnCount; ++j) {
            if (kinds[j] == CellKind::Numeric) {
                chunk.columns[j].values.reserve(capacity, 0);
            } else if (kinds[j] == CellKind::Categorical) {
                chunk.columns[j].codes.reserve(capacity, 0);
                chunk.columns[j].dictionary.clear();
            }
        }

        const char *const end = m_tokenizer.end();
        const char delimiter = m_tokenizer.delimiter();
        std::string scratch;
        const char *at = chunk.begin;
        std::size_t row = 0;
        chunk.error.reset();
        try {
            while (at < chunk.stop) {
                const char *const recordStart = at;
                if (row == capacity) {
                    capacity *= 2;
                    for (std::size_t j = 0; j < columnCount; ++j) {
                        if (kinds[j] == CellKind::Numeric)
                            chunk.columns[j].values.reserve(capacity, row);
                        else if (kinds[j] == CellKind::Categorical)
                            chunk.columns[j].codes.reserve(capacity, row);
                    }
                }
                if (columnCount > 1 && m_tokenizer.isEmptyLine(at)) {
                    // Blank lines between records are skipped (with one column they are missing
                    // cells, read as such below).
                    const void *newline = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
                    at = newline == nullptr ? end : static_cast<const char *>(newline) + 1;
                    continue;
                }
                for (std::size_t j = 0; j < columnCount; ++j) {
                    ChunkColumn &column = chunk.columns[j];
                    switch (kinds[j]) {
                    case CellKind::Numeric: {
                        float value;
                        if (readNumericCell(at, value, scratch, recordStart, j)) {
                            column.values[row] = value;
                        } else {
                            chunk.notNumeric[j] = 1;
                            kinds[j] = CellKind::Skip;
                        }
                        break;
                    }
                    case CellKind::Categorical:
                        column.codes[row] = readCategoricalCell(at, chunk, column, scratch, recordStart, j);
                        break;
                    case CellKind::Skip: {
                        RawField field;
                        at = m_tokenizer.scanField(at, field, recordStart, j);
                        break;
                    }
                    }
                    if (j + 1 < columnCount) {
                        if (at == end || *at != delimiter)
                            throw CsvSyntaxError{CsvProblem::TooFewFields, recordStart, j + 1, at};
                        ++at;
                    } else if (at != end) {
                        if (*at != '\n')
                            throw CsvSyntaxError{CsvProblem::TooManyFields, recordStart, j, at};
                        ++at;
                    }
                }
                ++row;
            }
        } catch (const CsvSyntaxError &error) {
            chunk.error = error;
        }
        chunk.rows = row;
        chunk.end = at;
    }

private:
    // Reads a numeric cell, advancing `at` to its terminator. Returns false when the cell is
    // neither missing nor a number.
    bool readNumericCell(const char *&at, float &value, std::string &scratch, const char *recordStart,
                         std::size_t column) const
    {
        const char *const end = m_tokenizer.end();
        const char delimiter = m_tokenizer.delimiter();
        if (at == end || *at == delimiter || *at == '\n') {
            value = kMissingNumber;
            return true;
        }
        // Fast path: a plain number directly followed by the delimiter or the line end.
        const char first = *at;
        if ((first >= '0' && first <= '9') || first == '-' || first == '.') {
            // Fastest path: a short decimal (most cells of most files), then fast_float.
            if (const char *shortEnd = parseShortDecimal(at, end, value)) {
                const char *after = shortEnd;
                if (after != end && *after == '\r' && (after + 1 == end || after[1] == '\n'))
                    ++after;
                if (after == end || *after == delimiter || *after == '\n') {
                    if (m_missing.hasDecimalToken() &&
                        m_missing.contains(std::string_view(at, static_cast<std::size_t>(shortEnd - at))))
                        value = kMissingNumber;
                    at = after;
                    return true;
                }
            }
            const auto result = fast_float::from_chars(at, end, value);
            const char *after = result.ptr;
            if (result.ec == std::errc() && after != at) {
                if (after != end && *after == '\r' && (after + 1 == end || after[1] == '\n'))
                    ++after;
                if (after == end || *after == delimiter || *after == '\n') {
                    if (m_missing.hasNumericToken() &&
                        m_missing.contains(std::string_view(at, static_cast<std::size_t>(result.ptr - at))))
                        value = kMissingNumber;
                    at = after;
                    return true;
                }
            }
        }
        // General case: quotes, surrounding blanks, missing-value tokens, a leading '+', text.
        RawField field;
        at = m_tokenizer.scanField(at, field, recordStart, column);
        std::string_view text = field.text;
        if (field.hasDoubledQuotes) {
            unescapeQuotes(text, scratch);
            text = scratch;
        }
        if (m_missing.contains(text)) {
            value = kMissingNumber;
            return true;
        }
        return parseNumber(text, value);
    }

    // Reads a categorical cell, advancing `at` to its terminator; returns its code in the chunk's
    // dictionary, or Column::kMissingCode.
    std::int32_t readCategoricalCell(const char *&at, Chunk &chunk, ChunkColumn &column, std::string &scratch,
                                     const char *recordStart, std::size_t columnIndex) const
    {
        RawField field;
        at = m_tokenizer.scanField(at, field, recordStart, columnIndex);
        if (!field.hasDoubledQuotes)
            return m_missing.contains(field.text) ? Column::kMissingCode : column.dictionary.codeOf(field.text);
        unescapeQuotes(field.text, scratch);
        if (m_missing.contains(scratch))
            return Column::kMissingCode;
        const std::int32_t code = column.dictionary.find(scratch);
        if (code != TextDictionary::kAbsent)
            return code;
        chunk.unescapedTexts.push_back(scratch); // a deque: the texts already viewed stay in place
        return column.dictionary.codeOf(chunk.unescapedTexts.back());
    }

    const CsvTokenizer &m_tokenizer;
    const MissingTokens &m_missing;
    double m_bytesPerRecord;
};

void throwIfCancelled(const CancellationToken *cancel)
{
    if (cancel != nullptr && cancel->isCancelled())
        throw Cancelled();
}

// Builds the table's columns from chunks appended in file order. Categorical levels are merged
// into one dictionary per column as chunks arrive, so they keep their first-seen order.
class TableAssembler {
public:
    TableAssembler(const std::vector<std::string> &names, const std::vector<CellKind> &kinds, std::size_t expectedRows)
        : m_columns(names.size()), m_levels(names.size()), m_metText(names.size(), 0)
    {
        for (std::size_t j = 0; j < names.size(); ++j) {
            m_columns[j].name = names[j];
            if (kinds[j] == CellKind::Numeric) {
                m_columns[j].type = ColumnType::Numeric;
                m_columns[j].values.reserve(expectedRows);
            } else {
                m_columns[j].type = ColumnType::Categorical;
                m_columns[j].codes.reserve(expectedRows);
            }
        }
    }

    // Appends the cells of the chunk's columns whose kind is not Skip. A numeric column that met
    // text in this chunk is dropped from then on: it has to be parsed again as categorical.
    void append(Chunk &chunk, const std::vector<CellKind> &kinds)
    {
        for (std::size_t j = 0; j < kinds.size(); ++j) {
            Column &column = m_columns[j];
            if (kinds[j] == CellKind::Numeric && !m_metText[j]) {
                if (chunk.notNumeric[j]) {
                    m_metText[j] = 1;
                    column.values = {};
                } else {
                    const float *values = chunk.columns[j].values.data();
                    column.values.insert(column.values.end(), values, values + chunk.rows);
                }
            } else if (kinds[j] == CellKind::Categorical) {
                appendCodes(column, m_levels[j], chunk.columns[j], chunk.rows);
            }
        }
        m_unescapedTexts.push_back(std::move(chunk.unescapedTexts)); // levels may view these texts
    }

    // Whether column j was read as numeric but holds text.
    bool metText(std::size_t column) const { return m_metText[column] != 0; }

    // Empties a column that met text, to be appended again as categorical.
    void restartAsCategorical(std::size_t column, std::size_t rows)
    {
        m_columns[column].type = ColumnType::Categorical;
        m_columns[column].values = {};
        m_columns[column].codes.reserve(rows);
        m_metText[column] = 0;
    }

    std::vector<Column> finish()
    {
        for (std::size_t j = 0; j < m_columns.size(); ++j) {
            if (m_columns[j].type == ColumnType::Categorical)
                m_columns[j].levels.assign(m_levels[j].texts().begin(), m_levels[j].texts().end());
        }
        return std::move(m_columns);
    }

private:
    static void appendCodes(Column &column, TextDictionary &levels, const ChunkColumn &part, std::size_t rows)
    {
        std::vector<std::int32_t> chunkToTable;
        chunkToTable.reserve(part.dictionary.size());
        for (const std::string_view text : part.dictionary.texts())
            chunkToTable.push_back(levels.codeOf(text));
        const std::int32_t *codes = part.codes.data();
        for (std::size_t row = 0; row < rows; ++row) {
            const std::int32_t code = codes[row];
            column.codes.push_back(code == Column::kMissingCode ? code : chunkToTable[static_cast<std::size_t>(code)]);
        }
    }

    std::vector<Column> m_columns;
    std::vector<TextDictionary> m_levels;
    std::vector<char> m_metText;
    std::vector<std::deque<std::string>> m_unescapedTexts;
};

// Parses chunks on several threads and appends them to the table in file order. A chunk is
// appended as soon as the chunks before it are, while its cells are still in the cache, by
// whichever thread finds it next in line; its buffers then serve another chunk, so the data is
// held once (plus a few chunks), not twice. Before appending, a chunk is checked to start where
// the previous one ended and parsed again from there if not (a stray quote misled planChunks);
// its syntax error, if any, is then the first one in the file and is thrown.
class OrderedChunkPipeline {
public:
    OrderedChunkPipeline(const ChunkParser &parser, std::vector<ChunkBounds> &bounds, std::vector<CellKind> kinds,
                         TableAssembler &assembler, std::function<DataError(const CsvSyntaxError &)> describe)
        : m_parser(parser), m_bounds(bounds), m_kinds(std::move(kinds)), m_assembler(assembler),
          m_describe(std::move(describe)), m_ready(bounds.size())
    {}

    // The task for runInParallel: parses chunk `index`, then appends what is next in line.
    void parseChunk(std::size_t index)
    {
        std::unique_ptr<Chunk> chunk = takeSpareChunk();
        chunk->begin = m_bounds[index].begin;
        chunk->stop = m_bounds[index].stop;
        m_parser.parse(*chunk, m_kinds);
        {
            const std::lock_guard lock(m_mutex);
            m_ready[index] = std::move(chunk);
            if (m_appending)
                return; // the thread appending now will take it in turn
            m_appending = true;
        }
        appendReadyChunks();
    }

    bool finished() const { return m_nextToAppend == m_ready.size(); }
    std::size_t rowsAppended() const { return m_rowsAppended; }

private:
    std::unique_ptr<Chunk> takeSpareChunk()
    {
        const std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return std::make_unique<Chunk>();
        std::unique_ptr<Chunk> chunk = std::move(m_spare.back());
        m_spare.pop_back();
        return chunk;
    }

    void appendReadyChunks()
    {
        for (;;) {
            std::unique_ptr<Chunk> chunk;
            std::size_t index = 0;
            {
                const std::lock_guard lock(m_mutex);
                if (m_nextToAppend == m_ready.size() || !m_ready[m_nextToAppend]) {
                    m_appending = false;
                    return;
                }
                index = m_nextToAppend;
                chunk = std::move(m_ready[index]);
            }
            const char *const expectedBegin = index == 0 ? m_bounds[0].begin : m_bounds[index - 1].end;
            if (chunk->begin != expectedBegin) {
                chunk->begin = expectedBegin;
                chunk->stop = std::max(chunk->stop, expectedBegin);
                m_parser.parse(*chunk, m_kinds);
            }
            if (chunk->error)
                throw m_describe(*chunk->error);
            m_bounds[index] = {chunk->begin, chunk->stop, chunk->end};
            m_assembler.append(*chunk, m_kinds);
            m_rowsAppended += chunk->rows;
            {
                const std::lock_guard lock(m_mutex);
                ++m_nextToAppend;
                m_spare.push_back(std::move(chunk));
            }
        }
    }

    const ChunkParser &m_parser;
    std::vector<ChunkBounds> &m_bounds;
    const std::vector<CellKind> m_kinds;
    TableAssembler &m_assembler;
    const std::function<DataError(const CsvSyntaxError &)> m_describe;

    std::mutex m_mutex;                          // guards the members below
    std::vector<std::unique_ptr<Chunk>> m_ready; // parsed, waiting for the chunks before them
    std::vector<std::unique_ptr<Chunk>> m_spare; // appended: their buffers are free for reuse
    std::size_t m_nextToAppend = 0;
    bool m_appending = false;       // one thread at a time appends
    std::size_t m_rowsAppended = 0; // by the appending thread
};

// A column read as categorical (guessed from the sample, or flagged when a cell did not parse)
// is numeric after all when every level is a number. Checking the levels, not the cells, makes
// the type exactly "numeric if every non-missing cell is a number", whatever the sample said.
void makeNumericIfAllLevelsAreNumbers(Column &column)
{
    std::vector<float> levelValues(column.levels.size());
    for (std::size_t i = 0; i < column.levels.size(); ++i) {
        if (!parseNumber(column.levels[i], levelValues[i]))
            return;
    }
    column.values.resize(column.codes.size());
    for (std::size_t row = 0; row < column.codes.size(); ++row) {
        const std::int32_t code = column.codes[row];
        column.values[row] =
            code == Column::kMissingCode ? kMissingNumber : levelValues[static_cast<std::size_t>(code)];
    }
    column.type = ColumnType::Numeric;
    column.codes = {};
    column.levels = {};
}

void validateOptions(const CsvOptions &options, const std::string &sourceName)
{
    const char delimiter = options.delimiter;
    if (delimiter != 0 &&
        (std::isalnum(static_cast<unsigned char>(delimiter)) || std::strchr("\"\r\n .+-", delimiter) != nullptr))
        throw ConfigError(sourceName + ": the delimiter cannot be a letter, a digit, a quote, a space, '.', '+', "
                                       "'-' or a line break");
    if (options.threads < 0)
        throw ConfigError(sourceName + ": the number of threads cannot be negative");
}

std::size_t threadCountFor(const CsvOptions &options)
{
    if (options.threads > 0)
        return static_cast<std::size_t>(options.threads);
    return std::max(1U, std::thread::hardware_concurrency());
}

// Maps a file read-only into memory for the duration of a read.
class MappedFile {
public:
    explicit MappedFile(const std::string &path)
    {
        m_descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_descriptor < 0)
            throw DataError({path, 0, ""}, std::string("cannot open the file: ") + std::strerror(errno));
        struct stat status {};
        if (::fstat(m_descriptor, &status) != 0) {
            const int error = errno;
            ::close(m_descriptor);
            throw DataError({path, 0, ""}, std::string("cannot read the file: ") + std::strerror(error));
        }
        if (!S_ISREG(status.st_mode)) {
            ::close(m_descriptor);
            throw DataError({path, 0, ""}, "cannot read the file: it is not a regular file");
        }
        m_size = static_cast<std::size_t>(status.st_size);
        if (m_size == 0)
            return; // mmap refuses empty mappings; the reader reports the empty file
        void *mapped = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, m_descriptor, 0);
        if (mapped == MAP_FAILED) {
            const int error = errno;
            ::close(m_descriptor);
            throw DataError({path, 0, ""}, std::string("cannot map the file into memory: ") + std::strerror(error));
        }
        m_data = static_cast<const char *>(mapped);
        ::madvise(mapped, m_size, MADV_WILLNEED);
    }
    ~MappedFile()
    {
        if (m_data != nullptr)
            ::munmap(const_cast<char *>(m_data), m_size);
        ::close(m_descriptor);
    }
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    std::span<const char> bytes() const { return {m_data, m_data == nullptr ? 0 : m_size}; }

private:
    int m_descriptor = -1;
    const char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace

CsvReadResult readCsv(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options,
                      const CancellationToken *cancel, const std::function<void(double)> &progress)
{
    validateOptions(options, sourceName);
    const std::size_t threads = threadCountFor(options);
    const auto report = [&](double fraction) {
        if (progress)
            progress(fraction);
    };

    CsvReadResult result;
    std::string converted;
    std::string_view text =
        decodeInput(bytes, sourceName, options, threads, cancel, converted, result.dialect.encoding);
    // A trailing newline, and blank lines after the last record, are not records.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    if (text.empty())
        throw DataError({sourceName, 0, ""}, options.hasHeader
                                                 ? "the file is empty: expected a header line with the column names"
                                                 : "the file is empty: expected at least one line of data");

    result.dialect.delimiter = options.delimiter != 0 ? options.delimiter : detectDelimiter(text);
    const std::size_t firstNewline = text.find('\n');
    result.dialect.crlf = firstNewline != std::string_view::npos && firstNewline > 0 && text[firstNewline - 1] == '\r';

    const CsvTokenizer tokenizer(text, result.dialect.delimiter);
    const auto describe = [&](const CsvSyntaxError &error, const std::vector<std::string> &names) {
        return describeSyntaxError(error, tokenizer, names, sourceName);
    };

    std::vector<RawField> firstRecord;
    const char *afterFirstRecord = nullptr;
    try {
        afterFirstRecord = tokenizer.scanRecord(tokenizer.begin(), firstRecord);
    } catch (const CsvSyntaxError &error) {
        throw describe(error, {}); // no column names yet
    }
    std::vector<std::string> names;
    const char *bodyStart = tokenizer.begin();
    if (options.hasHeader) {
        names = columnNamesFrom(firstRecord, sourceName);
        bodyStart = afterFirstRecord;
    } else {
        for (std::size_t i = 0; i < firstRecord.size(); ++i)
            names.push_back("V" + std::to_string(i + 1));
    }
    const std::size_t columnCount = names.size();

    std::vector<bool> forcedCategorical(columnCount, false);
    for (const std::string &forced : options.categoricalColumns) {
        const auto found = std::find(names.begin(), names.end(), forced);
        if (found == names.end())
            throw ConfigError(sourceName + ": no column named \"" + forced + "\" to read as categorical");
        forcedCategorical[static_cast<std::size_t>(found - names.begin())] = true;
    }

    const MissingTokens missing(options.missingTokens);
    TypeGuess guess = guessTypes(tokenizer, bodyStart, columnCount, missing, threads);
    for (std::size_t j = 0; j < columnCount; ++j) {
        if (forcedCategorical[j])
            guess.kinds[j] = CellKind::Categorical;
    }

    // Parse the chunks in parallel with the guessed types, appending them in file order.
    std::vector<ChunkBounds> chunks = planChunks(tokenizer, bodyStart, threads);
    const ChunkParser parser(tokenizer, missing, guess.bytesPerRecord);
    const auto bodyBytes = static_cast<std::size_t>(tokenizer.end() - bodyStart);
    // Reserving more rows than there are costs address space only, never touched.
    TableAssembler assembler(names, guess.kinds,
                             static_cast<std::size_t>(static_cast<double>(bodyBytes) / guess.bytesPerRecord * 1.25) +
                                 1024);
    const auto describeInBody = [&](const CsvSyntaxError &error) { return describe(error, names); };
    std::atomic<std::size_t> bytesParsed{0};
    // Returns the number of rows.
    const auto runPipeline = [&](const std::vector<CellKind> &kinds, double progressFrom, double progressShare) {
        OrderedChunkPipeline pipeline(parser, chunks, kinds, assembler, describeInBody);
        bytesParsed = 0;
        runInParallel(
            chunks.size(), threads,
            [&](std::size_t index) {
                throwIfCancelled(cancel);
                // Read before parsing: once the chunk is handed over, the appending thread updates its bounds.
                const auto bytes = static_cast<std::size_t>(chunks[index].stop - chunks[index].begin);
                pipeline.parseChunk(index);
                bytesParsed += bytes;
            },
            [&] {
                report(progressFrom + progressShare * static_cast<double>(bytesParsed.load()) /
                                          static_cast<double>(std::max<std::size_t>(bodyBytes, 1)));
            });
        throwIfCancelled(cancel);
        if (!pipeline.finished())
            throw std::logic_error("CSV reader: a chunk was not appended");
        return pipeline.rowsAppended();
    };
    const std::size_t rows = runPipeline(guess.kinds, 0.0, kParseShare);

    // Columns guessed numeric that met text are read again as categorical, in the same chunks,
    // whose bounds are now exact.
    std::vector<CellKind> retypeKinds(columnCount, CellKind::Skip);
    bool anyRetyped = false;
    for (std::size_t j = 0; j < columnCount; ++j) {
        if (assembler.metText(j)) {
            assembler.restartAsCategorical(j, rows);
            retypeKinds[j] = CellKind::Categorical;
            anyRetyped = true;
        }
    }
    if (anyRetyped) {
        for (ChunkBounds &chunk : chunks)
            chunk.stop = chunk.end;
        runPipeline(retypeKinds, kParseShare, kRetypeShare);
    }

    std::vector<Column> columns = assembler.finish();
    for (std::size_t j = 0; j < columnCount; ++j) {
        if (columns[j].type == ColumnType::Categorical && !forcedCategorical[j])
            makeNumericIfAllLevelsAreNumbers(columns[j]);
    }
    result.table = Table(sourceName, std::move(columns));
    report(1.0);
    return result;
}

CsvReadResult readCsvFile(const std::string &path, const CsvOptions &options, const CancellationToken *cancel,
                          const std::function<void(double)> &progress)
{
    const MappedFile file(path);
    return readCsv(file.bytes(), path, options, cancel, progress);
}

} // namespace cmtl
