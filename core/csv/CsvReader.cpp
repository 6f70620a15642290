#include "csv/CsvReader.h"

#include "common/Error.h"
#include "csv/CsvTokenizer.h"
#include "csv/DataFile.h"
#include "csv/TextDictionary.h"
#include "csv/TextEncoding.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

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
// readCsvFile's share for reading the file into memory; readCsv has the rest.
constexpr double kLoadShare = 0.05;

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

// findInvalidUtf8OrNul on one piece per thread. The pieces start after a newline, which is never part
// of a multi-byte sequence, so each can be checked on its own.
std::size_t findInvalidUtf8OrNulInParallel(std::string_view text, std::size_t threads)
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
            const std::size_t invalid = findInvalidUtf8OrNul(piece);
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

// The encoding name as the options give it, lowercased without '-' and '_' ("utf-16le" and
// "UTF16_LE" both give "utf16le").
std::string canonicalEncodingName(const std::string &name)
{
    std::string canonical;
    for (const char c : name) {
        if (c != '-' && c != '_' && c != ' ')
            canonical.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return canonical;
}

// Refuses compressed files, which are not text in any encoding.
void refuseCompressedFile(std::string_view bytes, const std::string &sourceName)
{
    if (bytes.starts_with("\x1F\x8B"))
        throw DataError({sourceName, 0, ""}, "the file is gzip-compressed (it starts with the bytes 1F 8B), not "
                                             "text: decompress it first (gunzip, or 7-Zip on Windows) and read the "
                                             "CSV file inside");
    if (bytes.starts_with("PK\x03\x04"))
        throw DataError({sourceName, 0, ""}, "the file is a zip archive (an Excel .xlsx workbook is one too), not "
                                             "text: extract the CSV file, or save the sheet as CSV UTF-8, and read "
                                             "that");
}

// Refuses bytes holding a NUL, which no text file in an ASCII-compatible encoding holds. NULs at
// every other byte are UTF-16 without a byte-order mark, named as such.
[[noreturn]] void refuseNulBytes(std::string_view bytes, const std::string &sourceName)
{
    const void *nul = std::memchr(bytes.data(), '\0', bytes.size());
    // UTF-16 holds ASCII characters as the character and a NUL: the NULs sit at odd offsets
    // (little-endian) or even ones (big-endian) in the first line.
    const std::string_view head = bytes.substr(0, 4096);
    std::size_t nulsAt[2] = {0, 0};
    for (std::size_t i = 0; i < head.size(); ++i)
        nulsAt[i % 2] += head[i] == '\0';
    const std::size_t pairs = head.size() / 2;
    for (const int odd : {1, 0}) {
        if (pairs > 0 && nulsAt[odd] * 10 >= pairs * 3 && nulsAt[1 - odd] * 10 <= nulsAt[odd]) {
            const std::string form = odd == 1 ? "utf-16le" : "utf-16be";
            throw DataError({sourceName, 0, ""},
                            "the file looks like UTF-16 without a byte-order mark (every other byte is 0x00): "
                            "save it as UTF-8 (CSV UTF-8 in Excel), or pass --encoding " +
                                form + " (in the workbench: Encoding " + (odd == 1 ? "UTF-16LE" : "UTF-16BE") + ")");
        }
    }
    const auto offset = static_cast<std::size_t>(static_cast<const char *>(nul) - bytes.data());
    throw DataError({sourceName, lineNumberAt(bytes, offset), ""},
                    "the line holds a NUL byte (0x00): the file holds binary data, not CSV text, or is damaged; "
                    "export the data again as CSV");
}

// The words around bytes[at] (up to a delimiter-like character), decoded with `decode`, for the
// reason of an encoding choice: "Zürich" tells more than "ü".
std::string exampleAround(std::string_view bytes, std::size_t at,
                          const std::function<Utf8Conversion(std::string_view)> &decode)
{
    const auto isBoundary = [](char c) {
        return c == ',' || c == ';' || c == '\t' || c == '|' || c == '\n' || c == '"';
    };
    std::size_t begin = at, end = at;
    while (begin > 0 && at - begin < 24 && !isBoundary(bytes[begin - 1]))
        --begin;
    while (end < bytes.size() && end - at < 24 && !isBoundary(bytes[end]))
        ++end;
    // Widen to whole lines' worth of multi-byte characters: stop only at ASCII bytes.
    while (begin > 0 && static_cast<unsigned char>(bytes[begin]) >= 0x80)
        --begin;
    while (end < bytes.size() && static_cast<unsigned char>(bytes[end]) >= 0x80)
        ++end;
    const Utf8Conversion decoded = decode(bytes.substr(begin, end - begin));
    const std::string text = decoded.firstInvalidLine == 0 ? decoded.text : std::string("?");
    return "\"" + std::string(trimBlanks(text)) + "\" at line " + std::to_string(lineNumberAt(bytes, at));
}

// Chooses the encoding of text that is not UTF-8 (see weighNonAsciiEvidence): GB18030 when it
// decodes the bytes and at least 80% of the non-ASCII runs read as Chinese characters, else
// Windows-1252 when it decodes them, else GB18030 when it alone decodes them; else refuses.
std::string_view decodeNotUtf8(std::string_view bytes, std::int64_t utf8Line, const std::string &notUtf8,
                               const std::string &sourceName, const CancellationToken *cancel, std::string &converted,
                               CsvDialect &dialect)
{
    const NonAsciiEvidence evidence = weighNonAsciiEvidence(bytes);
    const std::string counted =
        std::to_string(evidence.chineseLike) + " of " + std::to_string(evidence.runs) + " runs of non-ASCII bytes";
    const bool looksChinese = evidence.chineseLike * 5 >= evidence.runs * 4;
    const auto decodeGb = [&](std::string_view part) { return convertToUtf8(part, "GB18030", cancel); };
    const auto decodeWindows = [](std::string_view part) {
        return convertSingleByteToUtf8(part, SingleByteEncoding::Windows1252);
    };
    std::optional<Utf8Conversion> gb;
    if (looksChinese) {
        gb = decodeGb(bytes);
        if (gb->firstInvalidLine == 0) {
            converted = std::move(gb->text);
            dialect.encoding = "GB18030";
            dialect.encodingReason = notUtf8 + "; " + counted + " read as Chinese characters in GB18030 (e.g. " +
                                     exampleAround(bytes, evidence.firstChineseLike, decodeGb) + ")";
            return converted;
        }
    }
    Utf8Conversion windows = decodeWindows(bytes);
    if (windows.firstInvalidLine == 0) {
        converted = std::move(windows.text);
        dialect.encoding = "Windows-1252";
        dialect.encodingReason =
            notUtf8 + "; " + counted +
            " read as Chinese characters, too few for GB18030; the others read as accented Latin letters (e.g. " +
            exampleAround(bytes,
                          evidence.firstLatinLike != std::string_view::npos ? evidence.firstLatinLike
                                                                            : evidence.firstChineseLike,
                          decodeWindows) +
            "), so Windows-1252; if this is wrong, name the encoding in the import options";
        return converted;
    }
    if (!gb)
        gb = decodeGb(bytes);
    if (gb->firstInvalidLine == 0) {
        converted = std::move(gb->text);
        dialect.encoding = "GB18030";
        dialect.encodingReason = notUtf8 + "; not Windows-1252 (line " + std::to_string(windows.firstInvalidLine) +
                                 " holds a byte it leaves undefined) but valid GB18030 (" + counted +
                                 " read as Chinese characters)";
        return converted;
    }
    throw DataError({sourceName, utf8Line, ""},
                    notUtf8 + ", line " + std::to_string(gb->firstInvalidLine) + " is not valid GB18030 and line " +
                        std::to_string(windows.firstInvalidLine) +
                        " is not valid Windows-1252 either: save the file as UTF-8 or name its encoding in the "
                        "import options (--encoding)");
}

// Decodes UTF-16 (after its byte-order mark, if any) into `converted`.
std::string_view decodeUtf16(std::string_view bytes, bool bigEndian, const std::string &sourceName,
                             const CancellationToken *cancel, std::string &converted)
{
    Utf8Conversion conversion = convertUtf16ToUtf8(bytes, bigEndian, cancel);
    if (conversion.firstInvalidLine != 0)
        throw DataError({sourceName, conversion.firstInvalidLine, ""},
                        std::string("the line is not valid UTF-16") + (bigEndian ? "BE" : "LE") +
                            " (an unpaired surrogate, or an odd number of bytes at the end): the file is damaged "
                            "or in another encoding; save it as UTF-8 and read it again");
    converted = std::move(conversion.text);
    const void *nul = std::memchr(converted.data(), '\0', converted.size());
    if (nul != nullptr)
        throw DataError(
            {sourceName,
             lineNumberAt(converted, static_cast<std::size_t>(static_cast<const char *>(nul) - converted.data())), ""},
            "the line holds a NUL character (U+0000): the file holds binary data, not CSV text, or is "
            "damaged; export the data again as CSV");
    return converted;
}

// Returns the input as UTF-8 text without byte-order mark: a view of `bytes` when they are UTF-8,
// else a view of `converted`, which receives the decoded text. Sets the dialect's encoding and
// the reason for it.
std::string_view decodeInput(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options,
                             std::size_t threads, const CancellationToken *cancel, std::string &converted,
                             CsvDialect &dialect)
{
    std::string_view text(bytes.data(), bytes.size());
    const std::string requested = canonicalEncodingName(options.encoding);
    const bool automatic = requested.empty() || requested == "auto";
    const bool utf8 = requested == "utf8";
    const bool utf16 = requested == "utf16" || requested == "utf16le" || requested == "utf16be";
    const std::string chosen = "chosen in the import options";

    using namespace std::string_view_literals;
    if (automatic && (text.starts_with("\xFF\xFE\0\0"sv) || text.starts_with("\0\0\xFE\xFF"sv)))
        throw DataError({sourceName, 1, ""}, "the file is UTF-32 (it starts with a UTF-32 byte-order mark); save it "
                                             "as UTF-8 (CSV UTF-8 in Excel) and read it again");
    const bool littleEndianMark = text.starts_with("\xFF\xFE");
    const bool bigEndianMark = text.starts_with("\xFE\xFF");
    if ((automatic || utf16) && (littleEndianMark || bigEndianMark)) {
        if ((requested == "utf16le" && bigEndianMark) || (requested == "utf16be" && littleEndianMark))
            throw DataError({sourceName, 1, ""}, std::string("the file starts with the byte-order mark of UTF-16") +
                                                     (bigEndianMark ? "BE" : "LE") + ", not of the " +
                                                     options.encoding + " chosen: choose " +
                                                     (bigEndianMark ? "UTF-16BE" : "UTF-16LE") + " or auto");
        dialect.encoding = bigEndianMark ? "UTF-16BE with BOM" : "UTF-16LE with BOM";
        dialect.encodingReason =
            std::string("the file starts with the UTF-16 ") +
            (bigEndianMark ? "big-endian byte-order mark FE FF" : "little-endian byte-order mark FF FE");
        return decodeUtf16(text.substr(2), bigEndianMark, sourceName, cancel, converted);
    }
    if (requested == "utf16")
        throw DataError({sourceName, 1, ""}, "the file has no UTF-16 byte-order mark: choose UTF-16LE or UTF-16BE "
                                             "(--encoding utf-16le), or save the file as UTF-8");
    if (utf16) {
        dialect.encoding = requested == "utf16be" ? "UTF-16BE" : "UTF-16LE";
        dialect.encodingReason = chosen;
        return decodeUtf16(text, requested == "utf16be", sourceName, cancel, converted);
    }

    refuseCompressedFile(text, sourceName);
    if (!automatic && !utf8 && std::memchr(text.data(), '\0', text.size()) != nullptr)
        refuseNulBytes(text, sourceName); // the UTF-8 check below finds NULs on its way

    if (automatic || utf8) {
        constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
        const bool hasByteOrderMark = text.starts_with(kByteOrderMark);
        if (hasByteOrderMark)
            text.remove_prefix(kByteOrderMark.size());
        const std::size_t invalid = findInvalidUtf8OrNulInParallel(text, threads);
        if (invalid != text.size() && text[invalid] == '\0')
            refuseNulBytes(std::string_view(bytes.data(), bytes.size()), sourceName);
        if (invalid == text.size()) {
            dialect.encoding = hasByteOrderMark ? "UTF-8 with BOM" : "UTF-8";
            dialect.encodingReason = utf8               ? chosen
                                     : hasByteOrderMark ? "the file starts with the UTF-8 byte-order mark"
                                                        : "every byte sequence is valid UTF-8";
            return text;
        }
        const std::int64_t utf8Line = lineNumberAt(text, invalid);
        const std::string notUtf8 =
            "byte " + byteInHex(text[invalid]) + " at line " + std::to_string(utf8Line) + " is not valid UTF-8";
        // A byte-order mark says the writer meant UTF-8: a bad byte is corruption, not GB18030.
        if (utf8 || hasByteOrderMark)
            throw DataError({sourceName, utf8Line, ""},
                            notUtf8 + "; the file is damaged or in another encoding: save it as UTF-8 or name "
                                      "its encoding in the import options (--encoding)");
        return decodeNotUtf8(std::string_view(bytes.data(), bytes.size()), utf8Line, notUtf8, sourceName, cancel,
                             converted, dialect);
    }

    const bool windows1252 = requested == "windows1252" || requested == "cp1252";
    const bool latin1 = requested == "latin1" || requested == "iso88591";
    Utf8Conversion conversion;
    if (windows1252 || latin1) {
        conversion =
            convertSingleByteToUtf8(text, windows1252 ? SingleByteEncoding::Windows1252 : SingleByteEncoding::Latin1);
        dialect.encoding = windows1252 ? "Windows-1252" : "ISO-8859-1";
    } else {
        if (!isSupportedEncoding(options.encoding))
            throw ConfigError(sourceName + ": unknown or unsupported text encoding \"" + options.encoding +
                              "\" (use auto, UTF-8, GB18030, windows-1252, latin-1, utf-16le, utf-16be or another "
                              "encoding Qt knows)");
        conversion = convertToUtf8(text, options.encoding, cancel);
        dialect.encoding = options.encoding;
    }
    if (conversion.firstInvalidLine != 0)
        throw DataError({sourceName, conversion.firstInvalidLine, ""},
                        "the bytes of this line are not valid " + dialect.encoding +
                            ": check the encoding chosen in the import options (--encoding)");
    converted = std::move(conversion.text);
    dialect.encodingReason = chosen;
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
std::vector<std::string> columnNamesFrom(const std::vector<RawField> &headerFields, const std::string &sourceName,
                                         std::vector<CsvWarning> &warnings)
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
    // A name made of quotes only, or spanning lines, is the trace of quotes that are not CSV
    // quoting (a page of quote characters, an unbalanced quote): reading on would give a table of
    // a few odd columns, or one.
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string &name = names[i];
        const std::string field = "field " + std::to_string(i + 1) + " of the header line";
        if (!name.empty() && name.find_first_not_of('"') == std::string::npos)
            throw DataError({sourceName, 1, ""}, field + " is made of quote characters only (" +
                                                     std::to_string(headerFields[i].text.size() + 2) +
                                                     " quotes): this is not a CSV header; check that the file is "
                                                     "the CSV export and not damaged");
        if (name.find('\n') != std::string::npos)
            throw DataError({sourceName, 1, ""},
                            field + " is a quoted field that starts on line 1 and ends on line " +
                                std::to_string(1 + std::count(name.begin(), name.end(), '\n')) +
                                ": a column name holds no line break, so a quote is probably missing or extra "
                                "there; expected one name per field, each closed on the header line");
    }
    std::set<std::string> taken;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty())
            continue;
        if (!taken.insert(names[i]).second) {
            const auto first = std::find(names.begin(), names.end(), names[i]) - names.begin();
            throw DataError({sourceName, 1, names[i]}, "duplicate column name: columns " + std::to_string(first + 1) +
                                                           " and " + std::to_string(i + 1) + " are both named \"" +
                                                           names[i] +
                                                           "\"; expected unique column names: rename one of them");
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
        warnings.push_back({CsvWarning::Kind::UnnamedColumn, name, 0, {}, {}, {}});
        warnings.back().message = sourceName + ", line 1: column " + std::to_string(i + 1) +
                                  " has no name in the header (the field is empty or blank); it is named \"" + name +
                                  "\": give it a name in the file to refer to it by that";
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

// The fields of the record at `recordStart`, counted without storing them (a damaged line may
// hold millions).
std::size_t countFields(const CsvTokenizer &tokenizer, const char *recordStart)
{
    RawField field;
    const char *at = recordStart;
    std::size_t fields = 0;
    try {
        for (;;) {
            at = tokenizer.scanField(at, field, recordStart, fields);
            ++fields;
            if (at == tokenizer.end() || *at == '\n')
                return fields;
            ++at; // the delimiter
        }
    } catch (const CsvSyntaxError &) {
        // Counting is for the message only; the fields read so far will do.
    }
    return fields;
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
                        const MissingTokens &missing, const NumberFormat &format, std::vector<char> &textSeen)
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
                if (!missing.contains(cell) && !parseNumber(cell, value, format))
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
                     const MissingTokens &missing, const NumberFormat &format, std::size_t threads)
{
    std::vector<char> textSeen(columnCount, 0);
    TypeGuess guess;
    const SampleRun head = sampleRecords(tokenizer, bodyStart, kHeadSampleRecords, missing, format, textSeen);
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
            // The next line starts within the stretch up to the next landing, or the jump is
            // skipped: on very long lines, searching further would cost a scan per jump.
            const char *const landing = head.end + (jump + 1) * restBytes / (jumps + 1);
            const void *newline = std::memchr(landing, '\n', restBytes / (jumps + 1));
            if (newline != nullptr)
                sampleRecords(tokenizer, static_cast<const char *>(newline) + 1, kJumpSampleRecords, missing, format,
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

// Numbers of one numeric column that float32 does not hold: beyond its range (refused once the
// column is known to be numeric: a text column may hold codes such as 1E400) or not exactly
// (integers above 2^24 such as ids: a warning). The first of each kind is kept for the message.
struct LargeNumberNotes {
    std::size_t outOfRange = 0;
    std::size_t inexact = 0;
    const char *firstOutOfRangeRecord = nullptr; // the start of its record, for the line
    const char *firstInexactRecord = nullptr;
    std::string firstOutOfRangeText;
    std::string firstInexactText;

    void add(const LargeNumberNotes &later)
    {
        if (outOfRange == 0) {
            firstOutOfRangeRecord = later.firstOutOfRangeRecord;
            firstOutOfRangeText = later.firstOutOfRangeText;
        }
        if (inexact == 0) {
            firstInexactRecord = later.firstInexactRecord;
            firstInexactText = later.firstInexactText;
        }
        outOfRange += later.outOfRange;
        inexact += later.inexact;
    }
};

// Floats hold every integer up to 2^24 exactly; from there on, some numbers are rounded.
constexpr float kLargestExactFloatInteger = 16777216.0f;

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
    // Per column (sized at the first note, most chunks have none): numbers float32 does not hold.
    std::vector<LargeNumberNotes> largeNumbers;
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
        // A nominal boundary before the previous chunk's start (inside a very long record) has that
        // record's end as its next record start too: found without scanning the line again,
        // which on a 200 MB line would cost a scan of it per chunk.
        chunks[i].begin = nominal[i] < chunks[i - 1].begin
                              ? chunks[i - 1].begin
                              : tokenizer.nextRecordStart(nominal[i], quotesBefore % 2 == 1);
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
    ChunkParser(const CsvTokenizer &tokenizer, const MissingTokens &missing, const NumberFormat &format,
                double bytesPerRecord)
        : m_tokenizer(tokenizer), m_missing(missing), m_format(format), m_bytesPerRecord(bytesPerRecord)
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
        chunk.largeNumbers.clear();
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
                        if (readNumericCell(at, value, scratch, recordStart, j, chunk)) {
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
                         std::size_t column, Chunk &chunk) const
    {
        const char *const end = m_tokenizer.end();
        const char delimiter = m_tokenizer.delimiter();
        if (at == end || *at == delimiter || *at == '\n') {
            value = kMissingNumber;
            return true;
        }
        // Fast path: a plain number directly followed by the delimiter or the line end.
        const char first = *at;
        if (m_format.plain() && ((first >= '0' && first <= '9') || first == '-' || first == '.')) {
            // Fastest path: a short decimal (most cells of most files), then fast_float.
            if (const char *shortEnd = parseShortDecimal(at, end, value)) {
                const char *after = shortEnd;
                if (after != end && *after == '\r' && (after + 1 == end || after[1] == '\n'))
                    ++after;
                if (after == end || *after == delimiter || *after == '\n') {
                    if (m_missing.hasDecimalToken() &&
                        m_missing.contains(std::string_view(at, static_cast<std::size_t>(shortEnd - at))))
                        value = kMissingNumber;
                    if (std::fabs(value) >= kLargestExactFloatInteger) [[unlikely]]
                        noteLargeNumber(chunk, column, recordStart,
                                        std::string_view(at, static_cast<std::size_t>(shortEnd - at)), value);
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
                    if (std::fabs(value) >= kLargestExactFloatInteger) [[unlikely]]
                        noteLargeNumber(chunk, column, recordStart,
                                        std::string_view(at, static_cast<std::size_t>(result.ptr - at)), value);
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
        if (!parseNumber(text, value, m_format))
            return false;
        if (std::fabs(value) >= kLargestExactFloatInteger) [[unlikely]]
            noteLargeNumber(chunk, column, recordStart, text, value);
        return true;
    }

    // Notes a number whose magnitude is at least 2^24 (NaN, a missing cell, never gets here).
    // Rare: kept out of line so that the parsing loop stays tight.
    [[gnu::noinline, gnu::cold]] void noteLargeNumber(Chunk &chunk, std::size_t column, const char *recordStart,
                                                      std::string_view text, float value) const
    {
        if (chunk.largeNumbers.empty())
            chunk.largeNumbers.resize(chunk.columns.size());
        LargeNumberNotes &notes = chunk.largeNumbers[column];
        if (std::isinf(value)) {
            if (notes.outOfRange++ == 0) {
                notes.firstOutOfRangeRecord = recordStart;
                notes.firstOutOfRangeText = std::string(trimBlanks(text));
            }
            return;
        }
        double exact = 0;
        if (parseNumber(text, exact, m_format) && exact != static_cast<double>(value) && notes.inexact++ == 0) {
            notes.firstInexactRecord = recordStart;
            notes.firstInexactText = std::string(trimBlanks(text));
        }
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
    const NumberFormat m_format;
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
        : m_columns(names.size()), m_levels(names.size()), m_metText(names.size(), 0), m_largeNumbers(names.size())
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
                    if (!chunk.largeNumbers.empty())
                        m_largeNumbers[j].add(chunk.largeNumbers[j]);
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
        m_largeNumbers[column] = {};
    }

    // The numbers of numeric column j that float32 does not hold, the first ones first.
    const LargeNumberNotes &largeNumbers(std::size_t column) const { return m_largeNumbers[column]; }

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
    std::vector<LargeNumberNotes> m_largeNumbers;
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

// ---------------------------------------------------------------------------------------------
// Checks after parsing: column types, numbers float32 does not hold, nearly numeric columns

// Line numbers of positions in the text, counted in one pass however many there are.
class LineNumbers {
public:
    explicit LineNumbers(const CsvTokenizer &tokenizer) : m_tokenizer(tokenizer) {}

    void request(const char *position) { m_positions.push_back(position); }

    // Counts the lines of the requested positions, after the last request.
    void count()
    {
        std::sort(m_positions.begin(), m_positions.end());
        m_positions.erase(std::unique(m_positions.begin(), m_positions.end()), m_positions.end());
        m_lines.resize(m_positions.size());
        const char *counted = m_tokenizer.begin();
        std::int64_t line = 1;
        for (std::size_t i = 0; i < m_positions.size(); ++i) {
            line += std::count(counted, m_positions[i], '\n');
            counted = m_positions[i];
            m_lines[i] = line;
        }
    }

    std::int64_t of(const char *position) const
    {
        const auto found = std::lower_bound(m_positions.begin(), m_positions.end(), position);
        return m_lines[static_cast<std::size_t>(found - m_positions.begin())];
    }

private:
    const CsvTokenizer &m_tokenizer;
    std::vector<const char *> m_positions;
    std::vector<std::int64_t> m_lines;
};

// The record starts of the given data rows (0-based, any order), found by walking the records
// from `bodyStart` as ChunkParser does (blank lines skipped when there are several columns).
// Used for the few cells a message names, so it walks only as far as the last of them.
std::map<std::size_t, const char *> recordStartsOfRows(const CsvTokenizer &tokenizer, const char *bodyStart,
                                                       std::size_t columnCount, std::set<std::size_t> rows)
{
    std::map<std::size_t, const char *> starts;
    std::vector<RawField> fields;
    const char *at = bodyStart;
    std::size_t row = 0;
    for (const std::size_t wanted : rows) {
        while (at < tokenizer.end()) {
            if (columnCount > 1 && tokenizer.isEmptyLine(at)) {
                const void *newline = std::memchr(at, '\n', static_cast<std::size_t>(tokenizer.end() - at));
                at = newline == nullptr ? tokenizer.end() : static_cast<const char *>(newline) + 1;
                continue;
            }
            if (row == wanted)
                break;
            at = tokenizer.scanRecord(at, fields); // the text was parsed: no syntax error here
            ++row;
        }
        starts[wanted] = at;
    }
    return starts;
}

// The line on which each record starts (see SourceLines), for the messages of the steps after
// reading. A regular file, one line per record and no blank lines, is recognised by counting its
// line breaks at memory speed; any other (blank lines, line breaks in quoted cells) is walked
// record by record as ChunkParser reads it.
SourceLines sourceLinesOfRecords(const CsvTokenizer &tokenizer, const char *bodyStart, std::size_t columnCount,
                                 std::size_t rows)
{
    SourceLines lines;
    if (rows == 0)
        return lines;
    const std::int64_t bodyLine = 1 + std::count(tokenizer.begin(), bodyStart, '\n');
    const char *end = tokenizer.end();
    const auto lineBreaks = static_cast<std::size_t>(std::count(bodyStart, end, '\n'));
    const bool endsWithBreak = end > bodyStart && end[-1] == '\n';
    if (lineBreaks == (endsWithBreak ? rows : rows - 1)) {
        lines.addStep(0, bodyLine);
        return lines;
    }
    std::vector<RawField> fields;
    const char *at = bodyStart;
    std::int64_t line = bodyLine;
    for (std::size_t row = 0; row < rows && at < end;) {
        if (columnCount > 1 && tokenizer.isEmptyLine(at)) {
            const void *newline = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
            at = newline == nullptr ? end : static_cast<const char *>(newline) + 1;
            ++line;
            continue;
        }
        lines.addStep(row, line);
        const char *next = tokenizer.scanRecord(at, fields); // the text was parsed: no syntax error here
        line += std::count(at, next, '\n');
        at = next;
        ++row;
    }
    return lines;
}

// What settleColumnType found in a categorical column, in rows (lines are found later).
struct ColumnFindings {
    // Read as numbers after all: the numbers float32 does not hold, by first row.
    std::size_t outOfRange = 0, inexact = 0;
    std::size_t firstOutOfRangeRow = 0, firstInexactRow = 0;
    std::string firstOutOfRangeText, firstInexactText;
    // Still categorical, though nearly every cell is a number: the others, and the first rows.
    std::size_t textCells = 0, nonMissingCells = 0;
    std::vector<std::size_t> textRows;
    std::vector<std::string> textValues; // the distinct ones, trimmed
};

// How many cells of a nearly numeric column are shown in its warning.
constexpr std::size_t kExamplesShown = 5;

// Whether a column whose other cells are numbers is "nearly numeric": the text cells are at most
// 10% of the non-missing cells and at most 20 of them or 1% of the non-missing cells, whichever
// is more. Such a column is almost certainly numeric data with a few damaged or unusual cells.
bool isNearlyNumeric(std::size_t textCells, std::size_t nonMissingCells)
{
    return textCells > 0 && textCells * 10 <= nonMissingCells &&
           textCells <= std::max<std::size_t>(20, nonMissingCells / 100);
}

// A column read as categorical (guessed from the sample, or flagged when a cell did not parse)
// is numeric after all when every level is a number. Checking the levels, not the cells, makes
// the type exactly "numeric if every non-missing cell is a number", whatever the sample said.
// Otherwise the column stays categorical, and its text cells are counted when it is nearly
// numeric, for a warning.
ColumnFindings settleColumnType(Column &column, const NumberFormat &format)
{
    ColumnFindings findings;
    const std::size_t levelCount = column.levels.size();
    std::vector<float> levelValues(levelCount);
    std::vector<char> levelIsNumber(levelCount, 0);
    std::size_t textLevels = 0;
    for (std::size_t i = 0; i < levelCount; ++i) {
        levelIsNumber[i] = parseNumber(column.levels[i], levelValues[i], format) ? 1 : 0;
        textLevels += levelIsNumber[i] == 0 ? 1 : 0;
    }
    if (textLevels > 0) {
        // Every text level holds at least one cell: too many of them rules the warning out
        // before the cells are counted.
        if (textLevels == levelCount || !isNearlyNumeric(textLevels, column.codes.size()))
            return findings;
        for (std::size_t row = 0; row < column.codes.size(); ++row) {
            const std::int32_t code = column.codes[row];
            if (code == Column::kMissingCode)
                continue;
            ++findings.nonMissingCells;
            if (levelIsNumber[static_cast<std::size_t>(code)] == 0) {
                ++findings.textCells;
                if (findings.textRows.size() < kExamplesShown)
                    findings.textRows.push_back(row);
            }
        }
        if (!isNearlyNumeric(findings.textCells, findings.nonMissingCells)) {
            findings.textRows.clear();
            return findings;
        }
        for (std::size_t i = 0; i < levelCount; ++i) {
            const std::string value(trimBlanks(column.levels[i]));
            if (levelIsNumber[i] == 0 &&
                std::find(findings.textValues.begin(), findings.textValues.end(), value) == findings.textValues.end())
                findings.textValues.push_back(value);
        }
        return findings;
    }

    column.values.resize(column.codes.size());
    for (std::size_t row = 0; row < column.codes.size(); ++row) {
        const std::int32_t code = column.codes[row];
        if (code == Column::kMissingCode) {
            column.values[row] = kMissingNumber;
            continue;
        }
        const auto level = static_cast<std::size_t>(code);
        const float value = levelValues[level];
        column.values[row] = value;
        if (std::fabs(value) >= kLargestExactFloatInteger) [[unlikely]] {
            double exact = 0;
            if (std::isinf(value)) {
                if (findings.outOfRange++ == 0) {
                    findings.firstOutOfRangeRow = row;
                    findings.firstOutOfRangeText = std::string(trimBlanks(column.levels[level]));
                }
            } else if (parseNumber(column.levels[level], exact, format) && exact != static_cast<double>(value) &&
                       findings.inexact++ == 0) {
                findings.firstInexactRow = row;
                findings.firstInexactText = std::string(trimBlanks(column.levels[level]));
            }
        }
    }
    column.type = ColumnType::Numeric;
    column.codes = {};
    column.levels = {};
    return findings;
}

std::string withThousands(std::size_t count);

// The first cell of a column still categorical once settled that is not a number, and how many
// such cells the column holds, for refusing a column the user forced numeric.
struct NotANumber {
    std::size_t column = 0;
    std::size_t row = 0;
    std::string value;
    std::size_t cells = 0;
};

NotANumber firstNotANumber(const Column &column, std::size_t columnIndex, const NumberFormat &format)
{
    std::vector<char> levelIsNumber(column.levels.size(), 0);
    for (std::size_t i = 0; i < column.levels.size(); ++i) {
        float value = 0;
        levelIsNumber[i] = parseNumber(column.levels[i], value, format) ? 1 : 0;
    }
    NotANumber found{columnIndex, 0, {}, 0};
    for (std::size_t row = 0; row < column.codes.size(); ++row) {
        const std::int32_t code = column.codes[row];
        if (code == Column::kMissingCode || levelIsNumber[static_cast<std::size_t>(code)] != 0)
            continue;
        if (found.cells++ == 0) {
            found.row = row;
            found.value = std::string(trimBlanks(column.levels[static_cast<std::size_t>(code)]));
        }
    }
    return found;
}

// Makes the cells of `column` equal to one of `values` (after trimming blanks) missing: levels of
// a categorical column are dropped (the others keep their first-seen order), numbers of a numeric
// column equal to a value that reads as a number become NaN.
void treatAsMissing(Column &column, const std::vector<std::string> &values, const NumberFormat &format)
{
    const auto isListed = [&](std::string_view text) {
        text = trimBlanks(text);
        return std::any_of(values.begin(), values.end(),
                           [&](const std::string &value) { return trimBlanks(value) == text; });
    };
    if (column.type == ColumnType::Numeric) {
        std::vector<float> numbers;
        for (const std::string &value : values) {
            float number = 0;
            if (parseNumber(value, number, format))
                numbers.push_back(number);
        }
        for (float &cell : column.values) {
            if (std::find(numbers.begin(), numbers.end(), cell) != numbers.end())
                cell = kMissingNumber;
        }
        return;
    }
    std::vector<char> listed(column.levels.size(), 0);
    for (std::size_t i = 0; i < column.levels.size(); ++i)
        listed[i] = isListed(column.levels[i]) ? 1 : 0;
    if (std::find(listed.begin(), listed.end(), 1) == listed.end())
        return; // no cell holds one of the values: the levels stay as they are
    std::vector<std::int32_t> newCode(column.levels.size(), Column::kMissingCode);
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < column.levels.size(); ++i) {
        if (listed[i] != 0)
            continue;
        newCode[i] = static_cast<std::int32_t>(kept.size());
        kept.push_back(std::move(column.levels[i]));
    }
    for (std::int32_t &code : column.codes) {
        if (code != Column::kMissingCode)
            code = newCode[static_cast<std::size_t>(code)];
    }
    column.levels = std::move(kept);
}

// The index of the column an option names; refused with the columns there are when absent.
std::size_t namedColumn(const std::vector<std::string> &names, const std::string &name, const std::string &purpose,
                        const std::string &sourceName)
{
    const auto found = std::find(names.begin(), names.end(), name);
    if (found != names.end())
        return static_cast<std::size_t>(found - names.begin());
    throw ConfigError(sourceName + ": no column named \"" + name + "\"" + (purpose.empty() ? "" : " " + purpose) +
                      "; the columns are: " + listColumnNames(names));
}

DataError forcedNumericRefusal(const std::string &sourceName, std::int64_t line, const std::string &column,
                               const NotANumber &found)
{
    const std::string others =
        found.cells > 1 ? " (" + withThousands(found.cells - 1) + " more cells of the column are not numbers either)"
                        : std::string();
    return DataError({sourceName, line, column},
                     "the column is read as numbers (its type is set to numeric, or a model was trained on it as "
                     "numbers), but the cell \"" +
                         found.value + "\" is not a number" + others + ": correct the cell, treat \"" + found.value +
                         "\" as missing (--missing-values \"" + column + "=" + found.value +
                         "\", in the workbench: Treat as missing), or set the column's type back to automatic or "
                         "categorical");
}

std::string withThousands(std::size_t count)
{
    // Built by appending (GCC 12 misreports std::string::insert here under -Wrestrict).
    const std::string digits = std::to_string(count);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped;
}

std::string shortestFloat(float value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

DataError numberOutOfRange(const std::string &sourceName, std::int64_t line, const std::string &column,
                           const std::string &text, std::size_t count)
{
    const std::string others =
        count > 1 ? " (" + withThousands(count - 1) + " more cells of this column are too)" : std::string();
    return DataError({sourceName, line, column},
                     "the number \"" + text +
                         "\" is infinite or beyond the range of the 32-bit floats CreditMTL computes with (about "
                         "-3.4e38 to 3.4e38)" +
                         others + ": write it as a finite number, declare it missing (--missing " + text +
                         ", in the workbench: Missing values), or remove the row");
}

CsvWarning precisionWarning(const std::string &sourceName, const std::string &column, std::int64_t line,
                            const std::string &text, std::size_t count, const NumberFormat &format)
{
    float value = 0;
    parseNumber(text, value, format);
    CsvWarning warning{
        CsvWarning::Kind::PrecisionLoss, column, static_cast<std::int64_t>(count), {{line, text}}, {}, {}};
    warning.message = sourceName + ", column \"" + column + "\": " + withThousands(count) +
                      (count == 1 ? " number is" : " numbers are") +
                      " too large to be held exactly by the 32-bit floats CreditMTL computes with (above 16,777,216 "
                      "they are rounded; e.g. line " +
                      std::to_string(line) + ": " + text + " is read as " + shortestFloat(value) +
                      "); if the column is an identifier, leave it out of the features (--ignore " + column + ")";
    return warning;
}

CsvWarning nearlyNumericWarning(const std::string &sourceName, const std::string &column, const ColumnFindings &found,
                                std::vector<CellExample> examples, const NumberFormat &format)
{
    std::string shown;
    bool decimalCommaLike = false;
    for (const CellExample &example : examples) {
        shown += (shown.empty() ? "" : ", ") + std::string("line ") + std::to_string(example.line) + " \"" +
                 example.value + "\"";
        float value = 0;
        decimalCommaLike =
            decimalCommaLike || (format.decimal == '.' && parseNumber(example.value, value, NumberFormat{',', 0}));
    }
    CsvWarning warning{CsvWarning::Kind::NearlyNumeric,
                       column,
                       static_cast<std::int64_t>(found.textCells),
                       std::move(examples),
                       found.textValues,
                       {}};
    warning.message = sourceName + ", column \"" + column + "\": " + withThousands(found.textCells) + " of " +
                      withThousands(found.nonMissingCells) +
                      " cells are not numbers, so the column is read as categorical (text): " + shown +
                      (found.textCells > kExamplesShown ? ", ..." : "") +
                      "; if it holds numbers, fix these cells or treat them as missing (--missing-values \"" + column +
                      "=" + (warning.examples.empty() ? std::string() : warning.examples.front().value) +
                      "\", in the workbench: Treat as missing)" +
                      (decimalCommaLike ? ", or read decimal commas (--decimal-comma)" : "");
    return warning;
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
    if (options.decimalSeparator != 0 && options.decimalSeparator != '.' && options.decimalSeparator != ',')
        throw ConfigError(sourceName + ": the decimal separator must be '.' or ','");
    if (options.thousandsSeparator != 0 && std::strchr(",. '", options.thousandsSeparator) == nullptr)
        throw ConfigError(sourceName + ": the thousands separator must be ',', '.', a space or an apostrophe");
    const char decimal = options.decimalSeparator == 0 ? '.' : options.decimalSeparator;
    if (options.thousandsSeparator == decimal)
        throw ConfigError(sourceName + ": the thousands separator must differ from the decimal separator ('" +
                          std::string(1, decimal) + "')");
}

std::size_t threadCountFor(const CsvOptions &options)
{
    if (options.threads > 0)
        return static_cast<std::size_t>(options.threads);
    return std::max(1U, std::thread::hardware_concurrency());
}

// A file whose lines end with a carriage return alone (classic Mac OS, some exports) has no '\n'
// at all: its line ends are made '\n' so that it reads like any other file. A file with a '\n'
// somewhere is left alone (a lone '\r' in it is data).
std::string_view readOldMacLineEnds(std::string_view text, std::string &converted, CsvDialect &dialect)
{
    // '\n' first: most files have one in their first line, so that this costs nothing.
    if (text.find('\n') != std::string_view::npos || text.find('\r') == std::string_view::npos)
        return text;
    if (text.data() != converted.data())
        converted.assign(text);
    std::replace(converted.begin(), converted.end(), '\r', '\n');
    dialect.crOnly = true;
    return converted;
}

// The most columns a file may have: beyond, the first line is almost certainly not a header
// with the delimiter chosen (or not CSV at all), and the per-column structures would take more
// memory than the machine has.
constexpr std::size_t kMaxColumns = 1'000'000;

// Counts the fields of the first line without storing them (a 200 MB line may hold 100 million)
// and refuses more than kMaxColumns.
void refuseTooManyColumns(const CsvTokenizer &tokenizer, const std::string &sourceName)
{
    RawField field;
    const char *at = tokenizer.begin();
    for (std::size_t fields = 1;; ++fields) {
        at = tokenizer.scanField(at, field, tokenizer.begin(), fields - 1);
        if (at == tokenizer.end() || *at == '\n')
            return;
        if (fields == kMaxColumns)
            throw DataError({sourceName, 1, ""}, "the first line has more than " + withThousands(kMaxColumns) +
                                                     " fields (delimiter " + delimiterName(tokenizer.delimiter()) +
                                                     "), more columns than CreditMTL reads: check the delimiter, "
                                                     "or keep only the columns needed");
        ++at; // the delimiter
    }
}

// Detects numbers written with a decimal comma (13,99) in a file delimited by ';', as spreadsheets
// in much of Europe write them: among the first records, some cells are digits, one comma and
// digits, and none is a decimal with a point. Returns the reason, or "" when not detected.
std::string detectDecimalComma(const CsvTokenizer &tokenizer, const char *bodyStart)
{
    constexpr std::size_t kRecordsToSample = 1000;
    if (tokenizer.delimiter() != ';')
        return {};
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    // Whether `cell` is an optional sign, digits, `mark`, digits.
    const auto isDecimalWith = [&](std::string_view cell, char mark) {
        if (!cell.empty() && (cell.front() == '-' || cell.front() == '+'))
            cell.remove_prefix(1);
        const std::size_t at = cell.find(mark);
        if (at == std::string_view::npos || at == 0 || at + 1 == cell.size())
            return false;
        return std::all_of(cell.begin(), cell.begin() + static_cast<std::ptrdiff_t>(at), isDigit) &&
               std::all_of(cell.begin() + static_cast<std::ptrdiff_t>(at) + 1, cell.end(), isDigit);
    };
    std::size_t commaCells = 0, pointCells = 0;
    std::string example;
    std::vector<RawField> fields;
    const char *at = bodyStart;
    try {
        for (std::size_t record = 0; record < kRecordsToSample && at != tokenizer.end(); ++record) {
            const char *const recordStart = at;
            at = tokenizer.scanRecord(at, fields);
            for (const RawField &field : fields) {
                const std::string_view cell = trimBlanks(field.text);
                if (isDecimalWith(cell, ',')) {
                    if (commaCells++ == 0)
                        example = "\"" + std::string(cell) + "\" at line " +
                                  std::to_string(lineNumberAt(
                                      std::string_view(tokenizer.begin(),
                                                       static_cast<std::size_t>(recordStart - tokenizer.begin())),
                                      static_cast<std::size_t>(recordStart - tokenizer.begin())));
                } else if (isDecimalWith(cell, '.')) {
                    ++pointCells;
                }
            }
        }
    } catch (const CsvSyntaxError &) {
        // Parsing reports it; the records sampled so far decide.
    }
    if (commaCells == 0 || pointCells > 0)
        return {};
    return "the delimiter is ';' and " + withThousands(commaCells) +
           " cells of the first lines are numbers with a decimal comma (e.g. " + example + "), none with a point";
}

} // namespace

void addColumnMissingValues(CsvOptions &options, const std::map<std::string, std::vector<std::string>> &values)
{
    for (const auto &[column, added] : values) {
        std::vector<std::string> &missing = options.columnMissingValues[column];
        for (const std::string &value : added) {
            if (std::find(missing.begin(), missing.end(), value) == missing.end())
                missing.push_back(value);
        }
    }
}

std::string listColumnNames(const std::vector<std::string> &names)
{
    constexpr std::size_t kNamesListed = 20;
    std::string listed;
    for (std::size_t i = 0; i < std::min(names.size(), kNamesListed); ++i)
        listed += (i == 0 ? "" : ", ") + names[i];
    if (names.size() > kNamesListed)
        listed += ", ... (" + withThousands(names.size()) + " columns)";
    return listed;
}

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
    std::string_view text = decodeInput(bytes, sourceName, options, threads, cancel, converted, result.dialect);
    text = readOldMacLineEnds(text, converted, result.dialect);
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
        refuseTooManyColumns(tokenizer, sourceName);
        afterFirstRecord = tokenizer.scanRecord(tokenizer.begin(), firstRecord);
    } catch (const CsvSyntaxError &error) {
        throw describe(error, {}); // no column names yet
    }
    std::vector<std::string> names;
    const char *bodyStart = tokenizer.begin();
    if (options.hasHeader) {
        names = columnNamesFrom(firstRecord, sourceName, result.warnings);
        bodyStart = afterFirstRecord;
    } else {
        for (std::size_t i = 0; i < firstRecord.size(); ++i)
            names.push_back("V" + std::to_string(i + 1));
    }
    const std::size_t columnCount = names.size();

    std::vector<bool> forcedCategorical(columnCount, false);
    for (const std::string &forced : options.categoricalColumns)
        forcedCategorical[namedColumn(names, forced, "to read as categorical", sourceName)] = true;
    std::vector<bool> forcedNumeric(columnCount, false);
    for (const std::string &forced : options.numericColumns) {
        const std::size_t j = namedColumn(names, forced, "to read as numeric", sourceName);
        if (forcedCategorical[j])
            throw ConfigError(sourceName + ": column \"" + forced +
                              "\" is asked to be read both as numeric and as categorical: choose one type");
        forcedNumeric[j] = true;
    }
    for (const auto &[column, values] : options.columnMissingValues)
        namedColumn(names, column, "whose values to treat as missing", sourceName);

    NumberFormat format{options.decimalSeparator == 0 ? '.' : options.decimalSeparator, options.thousandsSeparator};
    if (options.decimalSeparator == 0) {
        result.dialect.decimalReason = detectDecimalComma(tokenizer, bodyStart);
        if (!result.dialect.decimalReason.empty())
            format.decimal = ',';
    }
    result.dialect.decimalSeparator = format.decimal;

    const MissingTokens missing(options.missingTokens);
    TypeGuess guess = guessTypes(tokenizer, bodyStart, columnCount, missing, format, threads);
    for (std::size_t j = 0; j < columnCount; ++j) {
        if (forcedCategorical[j])
            guess.kinds[j] = CellKind::Categorical;
    }

    // Parse the chunks in parallel with the guessed types, appending them in file order.
    std::vector<ChunkBounds> chunks = planChunks(tokenizer, bodyStart, threads);
    const ChunkParser parser(tokenizer, missing, format, guess.bytesPerRecord);
    const auto bodyBytes = static_cast<std::size_t>(tokenizer.end() - bodyStart);
    // A quarter more rows than the sample suggests, so that the columns rarely grow; no more: on
    // a wide file with few rows, a fixed margin per column would cost more than the cells.
    TableAssembler assembler(names, guess.kinds,
                             static_cast<std::size_t>(static_cast<double>(bodyBytes) / guess.bytesPerRecord * 1.25) +
                                 16);
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

    // Settle the types of the categorical columns, then gather the numbers float32 does not hold
    // and the nearly numeric columns, with the lines of their first cells.
    std::vector<Column> columns = assembler.finish();
    for (const auto &[column, values] : options.columnMissingValues)
        treatAsMissing(columns[namedColumn(names, column, "", sourceName)], values, format);
    std::vector<ColumnFindings> findings(columnCount);
    std::set<std::size_t> rowsToLocate;
    std::optional<NotANumber> forcedNumericFailure;
    for (std::size_t j = 0; j < columnCount; ++j) {
        if (columns[j].type != ColumnType::Categorical || forcedCategorical[j])
            continue;
        findings[j] = settleColumnType(columns[j], format);
        if (forcedNumeric[j] && columns[j].type == ColumnType::Categorical && !forcedNumericFailure) {
            forcedNumericFailure = firstNotANumber(columns[j], j, format);
            rowsToLocate.insert(forcedNumericFailure->row);
        }
        if (forcedNumeric[j])
            findings[j].textRows.clear(); // refused below rather than warned about
        rowsToLocate.insert(findings[j].textRows.begin(), findings[j].textRows.end());
        if (findings[j].outOfRange > 0)
            rowsToLocate.insert(findings[j].firstOutOfRangeRow);
        if (findings[j].inexact > 0)
            rowsToLocate.insert(findings[j].firstInexactRow);
    }
    const std::map<std::size_t, const char *> rowStarts =
        rowsToLocate.empty() ? std::map<std::size_t, const char *>()
                             : recordStartsOfRows(tokenizer, bodyStart, columnCount, rowsToLocate);
    LineNumbers lines(tokenizer);
    for (const auto &[row, start] : rowStarts)
        lines.request(start);
    for (std::size_t j = 0; j < columnCount; ++j) {
        const LargeNumberNotes &notes = assembler.largeNumbers(j);
        if (notes.outOfRange > 0)
            lines.request(notes.firstOutOfRangeRecord);
        if (notes.inexact > 0)
            lines.request(notes.firstInexactRecord);
    }
    lines.count();
    const auto lineOfRow = [&](std::size_t row) { return lines.of(rowStarts.at(row)); };
    if (forcedNumericFailure)
        throw forcedNumericRefusal(sourceName, lineOfRow(forcedNumericFailure->row),
                                   names[forcedNumericFailure->column], *forcedNumericFailure);
    for (std::size_t j = 0; j < columnCount; ++j) {
        if (columns[j].type != ColumnType::Numeric)
            continue;
        const LargeNumberNotes &notes = assembler.largeNumbers(j);
        if (notes.outOfRange > 0)
            throw numberOutOfRange(sourceName, lines.of(notes.firstOutOfRangeRecord), names[j],
                                   notes.firstOutOfRangeText, notes.outOfRange);
        if (findings[j].outOfRange > 0)
            throw numberOutOfRange(sourceName, lineOfRow(findings[j].firstOutOfRangeRow), names[j],
                                   findings[j].firstOutOfRangeText, findings[j].outOfRange);
    }
    for (std::size_t j = 0; j < columnCount; ++j) {
        const LargeNumberNotes &notes = assembler.largeNumbers(j);
        if (columns[j].type == ColumnType::Numeric && notes.inexact > 0)
            result.warnings.push_back(precisionWarning(sourceName, names[j], lines.of(notes.firstInexactRecord),
                                                       notes.firstInexactText, notes.inexact, format));
        if (findings[j].inexact > 0)
            result.warnings.push_back(precisionWarning(sourceName, names[j], lineOfRow(findings[j].firstInexactRow),
                                                       findings[j].firstInexactText, findings[j].inexact, format));
        if (!findings[j].textRows.empty()) {
            std::vector<CellExample> examples;
            for (const std::size_t row : findings[j].textRows)
                examples.push_back({lineOfRow(row), columns[j].cellText(row)});
            result.warnings.push_back(
                nearlyNumericWarning(sourceName, names[j], findings[j], std::move(examples), format));
        }
    }
    result.table = Table(sourceName, std::move(columns));
    result.table.setSourceLines(sourceLinesOfRecords(tokenizer, bodyStart, columnCount, result.table.rowCount()));
    report(1.0);
    return result;
}

CsvReadResult readCsvFile(const std::string &path, const CsvOptions &options, const CancellationToken *cancel,
                          const std::function<void(double)> &progress)
{
    const auto report = [&](double fraction) {
        if (progress)
            progress(fraction);
    };
    const FileBytes file = readFileBytes(path, cancel, [&](double fraction) { report(kLoadShare * fraction); });
    CsvReadResult result = readCsv(file.bytes(), path, options, cancel,
                                   [&](double fraction) { report(kLoadShare + (1 - kLoadShare) * fraction); });
    // Here rather than in readCsv, which also reads the first lines of a file for a preview.
    if (result.table.rowCount() == 0)
        throw DataError({path, 0, ""}, "the file has no data rows: it holds only the header line (" +
                                           std::to_string(result.table.columnCount()) +
                                           " columns); expected at least one line of data after it");
    return result;
}

} // namespace cmtl
