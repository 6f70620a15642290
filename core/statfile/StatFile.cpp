#include "statfile/StatFile.h"

#include "common/Error.h"
#include "csv/DataFile.h"
#include "data/ColumnCells.h"
#include "distributed/Bytes.h"
#include "distributed/Communicator.h"
#include "distributed/DistributedFit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#if CREDITMTL_HAVE_READSTAT
#include <readstat.h>
#endif

namespace cmtl {

const char *describe(StatFileFormat format)
{
    switch (format) {
    case StatFileFormat::None:
        return "not a statistical file";
    case StatFileFormat::Sas7bdat:
        return "SAS dataset (sas7bdat)";
    case StatFileFormat::SasTransport:
        return "SAS transport file (XPORT)";
    case StatFileFormat::Stata:
        return "Stata file (.dta)";
    case StatFileFormat::Spss:
        return "SPSS file (.sav)";
    }
    return "unknown";
}

StatFileFormat detectStatFileFormat(std::span<const char> head)
{
    const auto startsWith = [&](std::string_view magic) {
        return head.size() >= magic.size() && std::memcmp(head.data(), magic.data(), magic.size()) == 0;
    };
    // The sas7bdat magic number: 12 zero bytes, then 20 fixed bytes (the same in every SAS dataset).
    static constexpr std::array<unsigned char, 32> kSas7bdatMagic = {
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc2, 0xea, 0x81, 0x60,
        0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f, 0x10, 0x11};
    if (head.size() >= kSas7bdatMagic.size() &&
        std::memcmp(head.data(), kSas7bdatMagic.data(), kSas7bdatMagic.size()) == 0)
        return StatFileFormat::Sas7bdat;
    if (startsWith("HEADER RECORD*******LIBRARY HEADER RECORD") || startsWith("HEADER RECORD*******LIBV8"))
        return StatFileFormat::SasTransport;
    if (startsWith("<stata_dta>"))
        return StatFileFormat::Stata;
    // Stata before version 117: the version byte, the byte order (1 big-endian, 2 little-endian),
    // the file type (always 1) and a zero byte. No text file starts with bytes 1 and 0.
    if (head.size() >= 4) {
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
        if (byte(0) >= 104 && byte(0) <= 115 && (byte(1) == 1 || byte(1) == 2) && byte(2) == 1 && byte(3) == 0)
            return StatFileFormat::Stata;
    }
    if (startsWith("$FL2") || startsWith("$FL3"))
        return StatFileFormat::Spss;
    return StatFileFormat::None;
}

StatFileFormat detectStatFileFormat(const std::string &path)
{
    // Opened without blocking and checked to be a regular file before anything is read: a FIFO or
    // a device is left to the CSV reader, which refuses it with the reason.
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0)
        return StatFileFormat::None;
    std::array<char, 64> head{};
    ssize_t got = 0;
    struct stat status {};
    if (::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode))
        got = ::pread(descriptor, head.data(), head.size(), 0);
    ::close(descriptor);
    if (got <= 0)
        return StatFileFormat::None;
    return detectStatFileFormat(std::span<const char>(head.data(), static_cast<std::size_t>(got)));
}

namespace {

DataError noDataRows(const std::string &path, std::size_t variables)
{
    return DataError({path, 0, ""}, "the file has no data rows: it declares " + std::to_string(variables) +
                                        " variables but holds no observations; expected at least one row");
}

} // namespace

#if CREDITMTL_HAVE_READSTAT

bool statFilesSupported()
{
    return true;
}

namespace {

constexpr std::size_t kMaxColumns = 1'000'000; // as the CSV reader

// Refuses the options that only mean something for a CSV file: applying them to a statistical
// file is impossible, and ignoring them in silence would hide a mistake.
void refuseCsvOnlyOptions(const CsvOptions &options, const std::string &sourceName, StatFileFormat format)
{
    std::vector<std::string> given;
    if (options.delimiter != 0)
        given.push_back("a delimiter (--delimiter; in the workbench: Delimiter)");
    if (options.decimalSeparator != 0)
        given.push_back("a decimal separator (--decimal-comma; in the workbench: Decimal separator)");
    if (options.thousandsSeparator != 0)
        given.push_back("a thousands separator (--thousands-separator)");
    if (options.encoding != "auto")
        given.push_back("the encoding \"" + options.encoding + "\" (--encoding)");
    if (!options.hasHeader)
        given.push_back("no header line");
    if (given.empty())
        return;
    std::string list;
    for (const std::string &item : given)
        list += (list.empty() ? "" : ", ") + item;
    throw ConfigError(sourceName + " is a " + describe(format) +
                      ", not a CSV file, so these CSV options do not apply: " + list +
                      "; remove them (the file itself declares its columns, types and encoding)");
}

std::string upper(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// What the numbers of a date or time column count, from its display format; "" when the format
// is not a date or time format. The epochs are the formats' own: SAS and Stata count from
// 1960-01-01, SPSS from 1582-10-14.
std::string dateMeaning(StatFileFormat format, const std::string &displayFormat)
{
    const std::string name = upper(displayFormat);
    const auto startsWith = [&](std::string_view prefix) { return name.rfind(prefix, 0) == 0; };
    const auto startsWithAny = [&](std::initializer_list<std::string_view> prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(), startsWith);
    };
    switch (format) {
    case StatFileFormat::Stata:
        if (startsWith("%TC"))
            return "milliseconds since 1960-01-01 00:00:00";
        if (startsWith("%TD") || startsWith("%D"))
            return "days since 1960-01-01";
        if (startsWith("%TW"))
            return "weeks since the first week of 1960";
        if (startsWith("%TM"))
            return "months since January 1960";
        if (startsWith("%TQ"))
            return "quarters since the first quarter of 1960";
        if (startsWith("%TH"))
            return "half-years since the first half of 1960";
        if (startsWith("%TY"))
            return "the year";
        return {};
    case StatFileFormat::Spss:
        if (startsWithAny({"DATETIME", "YMDHMS", "MTIME"}))
            return "seconds since 1582-10-14 00:00:00";
        if (startsWithAny({"TIME", "DTIME"}))
            return "seconds (a time of day or a duration)";
        if (startsWithAny({"DATE", "ADATE", "EDATE", "SDATE", "JDATE", "QYR", "MOYR", "WKYR"}))
            return "seconds since 1582-10-14 00:00:00";
        return {};
    case StatFileFormat::Sas7bdat:
    case StatFileFormat::SasTransport:
        if (startsWithAny({"DATETIME", "DATEAMPM", "E8601DT", "B8601DT", "IS8601DT", "MDYAMPM"}))
            return "seconds since 1960-01-01 00:00:00";
        if (startsWithAny({"TIME", "HHMM", "TOD", "HOUR", "E8601TM", "B8601TM", "MMSS"}))
            return "seconds since midnight";
        if (startsWithAny({"DATE",    "DDMMYY",   "MMDDYY",   "YYMMDD",   "YYMM",    "MMYY",   "MONYY", "YYQ",
                           "YEAR",    "MONNAME",  "WEEKDATE", "WORDDATE", "JULIAN",  "DAY",    "QTR",   "E8601DA",
                           "B8601DA", "IS8601DA", "NLDATE",   "EURDF",    "DOWNAME", "WEEKDAY"}))
            return "days since 1960-01-01";
        return {};
    case StatFileFormat::None:
        break;
    }
    return {};
}

// ReadStat's input: a buffer in memory, or a file read with pread where `descriptor` is one (a
// rank's part of a file, read without loading the whole file).
struct Input {
    std::span<const char> bytes;
    int descriptor = -1;
    std::uint64_t size = 0; // of the buffer or of the file
    std::uint64_t position = 0;
};

Input memoryInput(std::span<const char> bytes)
{
    return {bytes, -1, bytes.size(), 0};
}

int openInput(const char *, void *)
{
    return 0;
}

int closeInput(void *)
{
    return 0;
}

readstat_off_t seekInput(readstat_off_t offset, readstat_io_flags_t whence, void *context)
{
    auto &input = *static_cast<Input *>(context);
    readstat_off_t base = 0;
    if (whence == READSTAT_SEEK_CUR)
        base = static_cast<readstat_off_t>(input.position);
    else if (whence == READSTAT_SEEK_END)
        base = static_cast<readstat_off_t>(input.size);
    // A damaged header can ask for any offset: beyond either end is an error, not a wrap-around.
    if ((offset < 0 && -offset > base) || (offset > 0 && offset > static_cast<readstat_off_t>(input.size) - base))
        return -1;
    input.position = static_cast<std::uint64_t>(base + offset);
    return static_cast<readstat_off_t>(input.position);
}

ssize_t readInput(void *buffer, size_t wanted, void *context)
{
    auto &input = *static_cast<Input *>(context);
    const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(wanted, input.size - input.position));
    if (input.descriptor < 0) {
        std::memcpy(buffer, input.bytes.data() + input.position, count);
    } else {
        for (std::size_t done = 0; done < count;) {
            const ssize_t got = ::pread(input.descriptor, static_cast<char *>(buffer) + done, count - done,
                                        static_cast<off_t>(input.position + done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                return -1; // an error, or the file shorter than it was (it changed)
            done += static_cast<std::size_t>(got);
        }
    }
    input.position += count;
    return static_cast<ssize_t>(count);
}

readstat_error_t updateInput(long, readstat_progress_handler progress, void *userContext, void *context)
{
    const auto &input = *static_cast<Input *>(context);
    if (progress && input.size > 0 &&
        progress(static_cast<double>(input.position) / static_cast<double>(input.size), userContext) !=
            READSTAT_HANDLER_OK)
        return READSTAT_ERROR_USER_ABORT;
    return READSTAT_OK;
}

// The cells of one variable as ReadStat delivers them, before they become a column (value labels
// come after the data in a Stata file, so a labelled column can only be built at the end).
struct RawVariable {
    StatVariable description;
    bool text = false;
    std::string labelSet;
    std::size_t storageWidth = 0;                      // bytes per row in the file
    std::vector<double> numbers;                       // numeric variables; NaN for missing
    std::vector<std::string> texts;                    // text variables
    std::vector<bool> textMissing;                     // text variables: a user-defined missing value
    std::map<std::string, std::size_t> specialMissing; // ".A" -> cells, user-missing -> cells
};

struct LabelSet {
    std::map<double, std::string> numeric;
    std::map<std::string, std::string> text;
};

struct ParseState {
    ParseState(StatFileFormat format, const std::string &sourceName, const CancellationToken *cancel,
               const std::function<void(double)> &progress)
        : format(format), sourceName(sourceName), cancel(cancel), progress(progress)
    {}

    StatFileFormat format;
    const std::string &sourceName;
    const CancellationToken *cancel;
    const std::function<void(double)> &progress;
    bool keepValues = true;
    bool stopAfterMetadata = false; // the header's counts only: the parse ends at the metadata
    bool stoppedAtMetadata = false;
    std::size_t firstRow = 0; // the index in the whole file of the first row read (a rank's part)
    StatFileDescription description;
    std::vector<RawVariable> variables;
    std::unordered_map<std::string, LabelSet> labelSets;
    std::vector<std::string> errors;
    std::exception_ptr failure; // an exception raised in a callback, rethrown after the parse
    bool cancelled = false;
    std::int64_t declaredRows = -1;
    int declaredVariables = -1;
    std::int64_t row = -1;    // the row being read when the parse stopped (0-based)
    std::string variableName; // the variable being read then
    std::size_t valuesSinceCheck = 0;
};

// Runs a callback's work, turning an exception into an abort of the parse (C code cannot unwind).
template <typename Work> int guarded(ParseState &state, Work &&work)
{
    try {
        return work();
    } catch (...) {
        state.failure = std::current_exception();
        return READSTAT_HANDLER_ABORT;
    }
}

int onMetadata(readstat_metadata_t *metadata, void *context)
{
    auto &state = *static_cast<ParseState *>(context);
    return guarded(state, [&] {
        if (state.cancel && state.cancel->isCancelled()) {
            state.cancelled = true;
            return READSTAT_HANDLER_ABORT;
        }
        state.declaredRows = readstat_get_row_count(metadata);
        const int variables = readstat_get_var_count(metadata);
        state.declaredVariables = variables;
        if (variables > 0 && static_cast<std::size_t>(variables) > kMaxColumns)
            throw DataError({state.sourceName, 0, ""}, "the file declares " + withThousands(variables) +
                                                           " variables; more than " + withThousands(kMaxColumns) +
                                                           " columns are not read");
        if (const char *encoding = readstat_get_file_encoding(metadata))
            state.description.encoding = encoding;
        if (const char *label = readstat_get_file_label(metadata))
            state.description.fileLabel = label;
        if (state.stopAfterMetadata) {
            state.stoppedAtMetadata = true;
            return READSTAT_HANDLER_ABORT;
        }
        return READSTAT_HANDLER_OK;
    });
}

int onVariable(int index, readstat_variable_t *variable, const char *labelSet, void *context)
{
    auto &state = *static_cast<ParseState *>(context);
    return guarded(state, [&] {
        if (static_cast<std::size_t>(index) != state.variables.size())
            throw DataError({state.sourceName, 0, ""}, "variable " + std::to_string(index + 1) +
                                                           " is described out of order: the file is damaged");
        if (state.variables.size() == kMaxColumns)
            throw DataError({state.sourceName, 0, ""},
                            "the file has more than " + withThousands(kMaxColumns) + " variables; they are not read");
        RawVariable raw;
        const char *name = readstat_variable_get_name(variable);
        const char *label = readstat_variable_get_label(variable);
        const char *format = readstat_variable_get_format(variable);
        raw.description.name = name ? name : "";
        raw.description.label = label ? label : "";
        raw.description.format = format ? format : "";
        raw.text = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING;
        raw.labelSet = labelSet ? labelSet : "";
        raw.storageWidth = readstat_variable_get_storage_width(variable);
        if (!raw.text)
            raw.description.dateMeaning = dateMeaning(state.format, raw.description.format);
        state.variables.push_back(std::move(raw));
        return READSTAT_HANDLER_OK;
    });
}

// How a missing value is named in a note: ".A" (SAS), ".a" (Stata), the value itself for SPSS's
// user-defined missing values ("999"); "" for the system missing value, which needs no note.
std::string missingKind(readstat_value_t value)
{
    if (readstat_value_is_tagged_missing(value))
        return std::string(".") + readstat_value_tag(value);
    if (readstat_value_is_system_missing(value))
        return {};
    if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
        const char *text = readstat_string_value(value);
        return "\"" + std::string(text ? text : "") + "\"";
    }
    return shortestNumberText(readstat_double_value(value));
}

int onValue(int row, readstat_variable_t *variable, readstat_value_t value, void *context)
{
    auto &state = *static_cast<ParseState *>(context);
    return guarded(state, [&] {
        const auto index = static_cast<std::size_t>(readstat_variable_get_index(variable));
        if (index >= state.variables.size())
            throw DataError({state.sourceName, 0, ""},
                            "a value of an undeclared variable " + std::to_string(index + 1) + ": the file is damaged");
        RawVariable &raw = state.variables[index];
        state.row = row;
        state.variableName = raw.description.name;
        if (++state.valuesSinceCheck == 65536) {
            state.valuesSinceCheck = 0;
            if (state.cancel && state.cancel->isCancelled()) {
                state.cancelled = true;
                return READSTAT_HANDLER_ABORT;
            }
        }
        if (!state.keepValues)
            return READSTAT_HANDLER_OK;
        // Values arrive row by row; each row holds one value of every variable.
        const std::size_t expected = raw.text ? raw.texts.size() : raw.numbers.size();
        if (row < 0 || static_cast<std::size_t>(row) != expected)
            throw DataError({state.sourceName, 0, raw.description.name},
                            "row " + std::to_string(state.firstRow + static_cast<std::size_t>(std::max(row, 0)) + 1) +
                                " arrives out of order (expected row " + std::to_string(state.firstRow + expected + 1) +
                                "): the file is damaged");
        const bool missing = readstat_value_is_missing(value, variable) != 0;
        if (missing) {
            const std::string kind = missingKind(value);
            if (!kind.empty())
                ++raw.specialMissing[kind];
        }
        if (raw.text) {
            const char *text =
                readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING ? readstat_string_value(value) : nullptr;
            raw.texts.emplace_back(text ? text : "");
            raw.textMissing.push_back(missing);
            return READSTAT_HANDLER_OK;
        }
        raw.numbers.push_back(missing ? std::numeric_limits<double>::quiet_NaN() : readstat_double_value(value));
        return READSTAT_HANDLER_OK;
    });
}

int onValueLabel(const char *labelSet, readstat_value_t value, const char *label, void *context)
{
    auto &state = *static_cast<ParseState *>(context);
    return guarded(state, [&] {
        if (!labelSet || !label)
            return READSTAT_HANDLER_OK;
        LabelSet &set = state.labelSets[labelSet];
        if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
            const char *key = readstat_string_value(value);
            set.text[key ? key : ""] = label;
        } else if (!readstat_value_is_tagged_missing(value) && !readstat_value_is_system_missing(value)) {
            // Labels of special missing values (.a = "refused") name cells that are read as missing.
            set.numeric[readstat_double_value(value)] = label;
        }
        return READSTAT_HANDLER_OK;
    });
}

void onError(const char *message, void *context)
{
    auto &state = *static_cast<ParseState *>(context);
    if (message && state.errors.size() < 5)
        state.errors.push_back(trimmedCell(message));
}

int onProgress(double fraction, void *context)
{
    auto &state = *static_cast<ParseState *>(context);
    if (state.cancel && state.cancel->isCancelled()) {
        state.cancelled = true;
        return READSTAT_HANDLER_ABORT;
    }
    if (state.progress)
        state.progress(std::clamp(fraction, 0.0, 1.0));
    return READSTAT_HANDLER_OK;
}

// Runs ReadStat over the input; `rowLimit` 0 reads every row, `rowOffset` rows are skipped first.
void parse(ParseState &state, Input input, long rowLimit, long rowOffset = 0)
{
    std::unique_ptr<readstat_parser_t, decltype(&readstat_parser_free)> parser(readstat_parser_init(),
                                                                               &readstat_parser_free);
    if (!parser)
        throw std::bad_alloc();
    readstat_set_open_handler(parser.get(), openInput);
    readstat_set_close_handler(parser.get(), closeInput);
    readstat_set_seek_handler(parser.get(), seekInput);
    readstat_set_read_handler(parser.get(), readInput);
    readstat_set_update_handler(parser.get(), updateInput);
    readstat_set_io_ctx(parser.get(), &input);
    readstat_set_metadata_handler(parser.get(), onMetadata);
    readstat_set_variable_handler(parser.get(), onVariable);
    readstat_set_value_handler(parser.get(), onValue);
    readstat_set_value_label_handler(parser.get(), onValueLabel);
    readstat_set_error_handler(parser.get(), onError);
    readstat_set_progress_handler(parser.get(), onProgress);
    if (rowLimit > 0)
        readstat_set_row_limit(parser.get(), rowLimit);
    if (rowOffset > 0)
        readstat_set_row_offset(parser.get(), rowOffset);
    const char *name = state.sourceName.c_str();
    readstat_error_t result = READSTAT_OK;
    switch (state.format) {
    case StatFileFormat::Sas7bdat:
        result = readstat_parse_sas7bdat(parser.get(), name, &state);
        break;
    case StatFileFormat::SasTransport:
        result = readstat_parse_xport(parser.get(), name, &state);
        break;
    case StatFileFormat::Stata:
        result = readstat_parse_dta(parser.get(), name, &state);
        break;
    case StatFileFormat::Spss:
        result = readstat_parse_sav(parser.get(), name, &state);
        break;
    case StatFileFormat::None:
        throw DataError({state.sourceName, 0, ""}, "not a SAS, Stata or SPSS file");
    }
    if (state.failure)
        std::rethrow_exception(state.failure);
    if (state.cancelled)
        throw Cancelled();
    if (result == READSTAT_OK || state.stoppedAtMetadata)
        return;
    std::string problem =
        std::string("this ") + describe(state.format) + " cannot be read: " + readstat_error_message(result);
    for (const std::string &error : state.errors)
        problem += "; " + error;
    if (state.row >= 0)
        problem += " (the read stopped at row " +
                   std::to_string(state.firstRow + static_cast<std::size_t>(state.row) + 1) + ", variable \"" +
                   state.variableName + "\")";
    else if (!state.variables.empty())
        problem += " (the read stopped in the header, after " + std::to_string(state.variables.size()) +
                   " variables were described)";
    else
        problem += " (the read stopped in the file's header)";
    problem += "; the file may be truncated or damaged: write it again from the program that made it";
    throw DataError({state.sourceName, 0, ""}, problem);
}

// Truncations that ReadStat reads without complaint, since nothing after them is needed: the
// closing tag of a Stata file (version 117 and later), the padding of an XPORT file's last record.
// `head` and `tail` are the file's first and last bytes (at least 12 of each, or the whole file).
void refuseCutShort(std::span<const char> head, std::span<const char> tail, std::uint64_t size,
                    const std::string &sourceName, StatFileFormat format)
{
    constexpr std::string_view kStataEnd = "</stata_dta>";
    if (format == StatFileFormat::Stata && head.size() >= 11 && std::memcmp(head.data(), "<stata_dta>", 11) == 0 &&
        (tail.size() < kStataEnd.size() ||
         std::memcmp(tail.data() + tail.size() - kStataEnd.size(), kStataEnd.data(), kStataEnd.size()) != 0))
        throw DataError({sourceName, 0, ""}, "the Stata file does not end with its closing tag </stata_dta>: it is "
                                             "truncated or damaged; write it again from the program that made it");
    constexpr std::uint64_t kXportRecord = 80;
    if (format == StatFileFormat::SasTransport && size % kXportRecord != 0)
        throw DataError({sourceName, 0, ""}, "an XPORT file is made of 80-byte records, but this one has " +
                                                 withThousands(size) +
                                                 " bytes: it is truncated or damaged; write it again from the "
                                                 "program that made it");
}

// Up to `count` bytes of a file from `offset` (fewer at its end): a buffer in memory, or a file
// read with pread (a rank's part, the file not loaded).
using BytesAt = std::function<std::vector<char>(std::uint64_t offset, std::size_t count)>;

// The bytes of a file held in memory, as FileForParts::bytesAt reads them from disk: up to count
// bytes from offset, fewer at the end.
BytesAt bytesAtOf(std::span<const char> bytes)
{
    return [bytes](std::uint64_t offset, std::size_t count) {
        const std::size_t from = static_cast<std::size_t>(std::min<std::uint64_t>(offset, bytes.size()));
        const std::size_t to = from + std::min(count, bytes.size() - from);
        return std::vector<char>(bytes.begin() + static_cast<std::ptrdiff_t>(from),
                                 bytes.begin() + static_cast<std::ptrdiff_t>(to));
    };
}

// An XPORT file declares no row count, and ReadStat stops quietly at a partial row: a file cut in
// the middle of its data would lose its last rows in silence. Its data are the rows, then blanks
// up to the end of the 80-byte record (then, in a library of several datasets, the next one's
// header records): anything else after the last whole row is a row cut short. The file, of `size`
// bytes (a multiple of 80: refuseCutShort), is read in chunks; normally only its header records and
// its last record are.
void refuseXportCutInARow(const BytesAt &bytesAt, std::uint64_t size, const std::string &sourceName,
                          const std::vector<RawVariable> &variables, std::size_t rows)
{
    constexpr std::size_t kRecord = 80, kChunk = kRecord * 1024;
    constexpr std::string_view kObservations = "HEADER RECORD*******OBS", kNextMember = "HEADER RECORD*******MEMB";
    // The first record that is the OBS header (version 5's OBS, version 8's OBSV8).
    std::optional<std::uint64_t> observations;
    for (std::uint64_t at = 0; at < size && !observations; at += kChunk) {
        const std::vector<char> chunk = bytesAt(at, kChunk);
        for (std::size_t record = 0; record + kObservations.size() <= chunk.size(); record += kRecord) {
            if (std::string_view(chunk.data() + record, kObservations.size()) == kObservations) {
                observations = at + record;
                break;
            }
        }
    }
    if (!observations)
        return; // ReadStat read no data: nothing to check
    std::size_t rowWidth = 0;
    for (const RawVariable &raw : variables)
        rowWidth += raw.storageWidth;
    if (rowWidth == 0)
        return;
    const std::uint64_t dataStart = *observations + kRecord;
    const std::uint64_t wholeRows = size >= dataStart ? (size - dataStart) / rowWidth : 0;
    // ReadStat also delivers a last row cut short, its missing bytes made up.
    if (rows > wholeRows)
        throw DataError({sourceName, 0, ""}, "the XPORT file ends inside row " + withThousands(wholeRows + 1) +
                                                 " (a row has " + withThousands(rowWidth) +
                                                 " bytes): it is truncated or damaged; write it again from the "
                                                 "program that made it");
    // What follows the last whole row, up to the next dataset's header records or the end.
    const std::uint64_t restStart = dataStart + rows * rowWidth;
    std::uint64_t restEnd = size;
    for (std::uint64_t at = restStart; at < size; at += kChunk) {
        // Each chunk overlaps the next by the header's length less one: no header is missed.
        const std::vector<char> chunk = bytesAt(at, kChunk + kNextMember.size() - 1);
        if (const std::size_t next = std::string_view(chunk.data(), chunk.size()).find(kNextMember);
            next != std::string_view::npos) {
            restEnd = at + next;
            break;
        }
    }
    const std::uint64_t restSize = restEnd - restStart;
    if (restSize < kRecord) {
        const std::vector<char> rest = bytesAt(restStart, static_cast<std::size_t>(restSize));
        if (std::all_of(rest.begin(), rest.end(), [](char c) { return c == ' '; }))
            return;
    }
    throw DataError({sourceName, 0, ""},
                    "the XPORT file ends inside row " + withThousands(rows + 1) + " (a row has " +
                        withThousands(rowWidth) + " bytes; " + withThousands(restSize) +
                        " bytes follow the last whole row and are not the blank padding of the last record): it is "
                        "truncated or damaged; write it again from the program that made it");
}

// The column of a text variable: categorical, or numeric when options.numericColumns names it.
// Its rows are the file's from `firstRow` on (messages name the file's rows).
Column textColumn(RawVariable &raw, const CsvOptions &options, const ColumnChoices &choices,
                  const std::string &sourceName, const std::set<std::string> &missingHere, std::size_t firstRow)
{
    Column column;
    column.name = raw.description.name;
    const std::size_t rows = raw.texts.size();
    const auto isMissing = [&](std::size_t row, const std::string &cell) {
        return raw.textMissing[row] || cell.empty() ||
               std::find(options.missingTokens.begin(), options.missingTokens.end(), cell) !=
                   options.missingTokens.end() ||
               missingHere.count(cell) > 0;
    };
    if (choices.numeric.count(column.name) > 0) {
        column.values.reserve(rows);
        NumericCells cells(column, sourceName);
        for (std::size_t row = 0; row < rows; ++row) {
            const std::string cell = trimmedCell(raw.texts[row]);
            if (isMissing(row, cell))
                cells.addMissing();
            else
                cells.addText(cell, firstRow + row);
        }
        raw.texts = {};
        return column;
    }
    CategoricalCells cells(column, rows);
    for (std::size_t row = 0; row < rows; ++row) {
        std::string cell = trimmedCell(raw.texts[row]);
        if (isMissing(row, cell))
            cells.addMissing();
        else
            cells.add(std::move(cell));
    }
    raw.texts = {};
    return column;
}

// The column of a numeric variable: numbers, or its value labels (or its numbers as text) when
// categorical; `coded` when its labels name every value it holds (codedVariables). Its rows are the
// file's from `firstRow` on.
Column numericColumn(RawVariable &raw, const LabelSet *labels, bool coded, const ColumnChoices &choices,
                     const std::string &sourceName, const std::set<std::string> &missingHere, std::size_t firstRow,
                     std::vector<CsvWarning> &warnings)
{
    Column column;
    column.name = raw.description.name;
    std::vector<double> missingNumbers;
    for (const std::string &text : missingHere) {
        if (const std::optional<double> number = parseNumberCell(text))
            missingNumbers.push_back(*number);
    }
    raw.description.hasValueLabels = coded;
    const bool forcedNumeric = choices.numeric.count(column.name) > 0;
    const bool categorical = choices.categorical.count(column.name) > 0 || (coded && !forcedNumeric);
    const std::size_t rows = raw.numbers.size();
    if (categorical) {
        CategoricalCells cells(column, rows);
        for (std::size_t row = 0; row < rows; ++row) {
            const double value = raw.numbers[row];
            std::string cell;
            if (!std::isnan(value)) {
                const auto label =
                    labels ? labels->numeric.find(value) : std::map<double, std::string>::const_iterator{};
                cell =
                    labels && label != labels->numeric.end() ? trimmedCell(label->second) : shortestNumberText(value);
            }
            if (cell.empty() || missingHere.count(cell) > 0 ||
                std::find(missingNumbers.begin(), missingNumbers.end(), value) != missingNumbers.end())
                cells.addMissing();
            else
                cells.add(std::move(cell));
        }
        raw.numbers = {};
        return column;
    }
    column.values.reserve(rows);
    NumericCells cells(column, sourceName);
    for (std::size_t row = 0; row < rows; ++row) {
        const double value = raw.numbers[row];
        if (std::isnan(value) || std::find(missingNumbers.begin(), missingNumbers.end(), value) != missingNumbers.end())
            cells.addMissing();
        else
            cells.add(value, firstRow + row);
    }
    if (std::optional<CsvWarning> warning = cells.precisionWarning())
        warnings.push_back(std::move(*warning));
    raw.numbers = {};
    return column;
}

std::string missingNote(const std::string &sourceName, StatFileFormat format, const RawVariable &raw)
{
    std::size_t total = 0;
    std::string kinds;
    for (const auto &[kind, count] : raw.specialMissing) {
        total += count;
        kinds += (kinds.empty() ? "" : ", ") + kind + ": " + withThousands(count);
    }
    const char *what = format == StatFileFormat::Spss ? "user-defined missing values" : "special missing values";
    return sourceName + ", column \"" + raw.description.name + "\": " + withThousands(total) + " cells hold " + what +
           " (" + kinds + "), read as missing";
}

// The variables' names checked (none empty, none twice, the options' columns among them) and the
// rows they hold checked against each other and against the header's count; returns the rows.
std::size_t checkedRows(const ParseState &state, const CsvOptions &options, const ColumnChoices &choices)
{
    const std::string &sourceName = state.sourceName;
    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> positionOf;
    for (std::size_t i = 0; i < state.variables.size(); ++i) {
        const std::string &name = state.variables[i].description.name;
        if (name.empty())
            throw DataError({sourceName, 0, ""},
                            "variable " + std::to_string(i + 1) + " has no name: the file is damaged");
        if (const auto [at, added] = positionOf.emplace(name, i); !added)
            throw DataError({sourceName, 0, name}, "variables " + std::to_string(at->second + 1) + " and " +
                                                       std::to_string(i + 1) +
                                                       " have the same name; columns are chosen by name, so "
                                                       "rename one of them in the program that wrote the file");
        names.push_back(name);
    }
    checkNamedColumnsExist(options, choices, names, sourceName, "the file");
    // Every variable must hold a value for every row: a shorter one means a damaged file.
    std::size_t rows = 0;
    for (const RawVariable &raw : state.variables)
        rows = std::max(rows, raw.text ? raw.texts.size() : raw.numbers.size());
    for (const RawVariable &raw : state.variables) {
        const std::size_t held = raw.text ? raw.texts.size() : raw.numbers.size();
        if (held != rows)
            throw DataError({sourceName, 0, raw.description.name},
                            "holds " + withThousands(held) + " values where the other variables hold " +
                                withThousands(rows) + " rows: the file is truncated or damaged");
    }
    // (For a rank's part, ReadStat declares the rows it was asked for.)
    if (state.declaredRows >= 0 && static_cast<std::size_t>(state.declaredRows) != rows && !state.variables.empty())
        throw DataError({sourceName, 0, ""}, "the header declares " + withThousands(state.declaredRows) + " rows but " +
                                                 withThousands(rows) + " were read: the file is truncated or damaged");
    return rows;
}

// The value labels of a numeric variable; nullptr when it has none.
const LabelSet *labelsOf(const ParseState &state, const RawVariable &raw)
{
    const auto labels = raw.labelSet.empty() ? state.labelSets.end() : state.labelSets.find(raw.labelSet);
    return labels != state.labelSets.end() && !labels->second.numeric.empty() ? &labels->second : nullptr;
}

// Whether each numeric variable is a coded one (1 = "A", 2 = "B"...), read as its labels: its
// labels name every value it holds in all parts of the file (`parts`: the ranks reading it, or
// one process). Labels of a few values only (999 = "Refused", usually a missing value) leave it
// numeric.
std::vector<bool> codedVariables(const ParseState &state, Communicator &parts)
{
    std::vector<double> unlabelled(state.variables.size(), 0.0);
    for (std::size_t i = 0; i < state.variables.size(); ++i) {
        const RawVariable &raw = state.variables[i];
        const LabelSet *labels = raw.text ? nullptr : labelsOf(state, raw);
        const bool labelled = labels && std::all_of(raw.numbers.begin(), raw.numbers.end(), [&](double value) {
                                  return std::isnan(value) || labels->numeric.count(value) > 0;
                              });
        unlabelled[i] = labelled ? 0 : 1;
    }
    parts.sum(std::span<double>(unlabelled));
    std::vector<bool> coded(unlabelled.size());
    for (std::size_t i = 0; i < coded.size(); ++i)
        coded[i] = unlabelled[i] == 0;
    return coded;
}

// The special and user-defined missing values of all parts of the file counted together, so that
// the notes give the whole file's counts (collective over `parts`).
void addUpSpecialMissing(std::vector<RawVariable> &variables, Communicator &parts)
{
    if (!parts.isDistributed())
        return;
    ByteWriter writer;
    std::uint64_t entries = 0;
    for (const RawVariable &raw : variables)
        entries += raw.specialMissing.size();
    writer.value(entries);
    for (std::size_t i = 0; i < variables.size(); ++i) {
        for (const auto &[kind, count] : variables[i].specialMissing) {
            writer.value<std::uint64_t>(i);
            writer.text(kind);
            writer.value<std::uint64_t>(count);
        }
        variables[i].specialMissing.clear();
    }
    for (const std::vector<char> &bytes : gatherBytes(parts, writer.bytes)) {
        ByteReader reader(bytes);
        for (auto entry = reader.value<std::uint64_t>(); entry > 0; --entry) {
            const auto i = static_cast<std::size_t>(reader.value<std::uint64_t>());
            const std::string kind = reader.text();
            variables.at(i).specialMissing[kind] += static_cast<std::size_t>(reader.value<std::uint64_t>());
        }
    }
}

// The table and description of what was parsed: the whole file, or a part of it that the ranks
// `parts` read together (one process: SingleProcessCommunicator).
StatFileReadResult columnsOf(ParseState &state, const CsvOptions &options, const ColumnChoices &choices,
                             Communicator &parts)
{
    const std::string &sourceName = state.sourceName;
    const StatFileFormat format = state.format;
    const std::vector<bool> coded = codedVariables(state, parts);
    addUpSpecialMissing(state.variables, parts);
    StatFileReadResult result;
    std::vector<Column> columns;
    columns.reserve(state.variables.size());
    for (std::size_t i = 0; i < state.variables.size(); ++i) {
        RawVariable &raw = state.variables[i];
        std::set<std::string> missingHere;
        if (const auto given = options.columnMissingValues.find(raw.description.name);
            given != options.columnMissingValues.end()) {
            for (const std::string &value : given->second)
                missingHere.insert(trimmedCell(value));
        }
        if (!raw.specialMissing.empty())
            state.description.notes.push_back(missingNote(sourceName, format, raw));
        if (raw.text) {
            columns.push_back(textColumn(raw, options, choices, sourceName, missingHere, state.firstRow));
        } else {
            columns.push_back(numericColumn(raw, labelsOf(state, raw), coded[i], choices, sourceName, missingHere,
                                            state.firstRow, result.warnings));
            if (!raw.description.dateMeaning.empty() && columns.back().type == ColumnType::Numeric)
                state.description.notes.push_back(sourceName + ", column \"" + raw.description.name +
                                                  "\": dates or times (format " + raw.description.format +
                                                  ") are read as numbers: " + raw.description.dateMeaning);
        }
        state.description.variables.push_back(std::move(raw.description));
    }
    result.table = Table(sourceName, std::move(columns));
    result.description = std::move(state.description);
    return result;
}

// A statistical file opened to be read in parts with pread (StatFilePart): refused when it is
// not a regular file that can be read, or not a statistical file.
class FileForParts {
public:
    explicit FileForParts(const std::string &path) : m_path(path)
    {
        m_descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (m_descriptor < 0)
            throw DataError({path, 0, ""}, std::string("cannot be opened for reading: ") + std::strerror(errno) +
                                               "; check the path and its permissions");
        try {
            m_opened = status();
            if (!S_ISREG(m_opened.st_mode))
                throw DataError({path, 0, ""}, "not a regular file that can be read: each rank of the job reads "
                                               "its own part of it, so it must be a file on a disk every rank sees");
            m_format = detectStatFileFormat(std::span<const char>(bytesAt(0, 64)));
            if (m_format == StatFileFormat::None)
                throw DataError({path, 0, ""}, "not a SAS (sas7bdat, XPORT), Stata or SPSS file");
        } catch (...) {
            ::close(m_descriptor);
            throw;
        }
    }
    ~FileForParts() { ::close(m_descriptor); }
    FileForParts(const FileForParts &) = delete;
    FileForParts &operator=(const FileForParts &) = delete;

    StatFileFormat format() const { return m_format; }
    std::uint64_t size() const { return static_cast<std::uint64_t>(m_opened.st_size); }
    Input input() const { return {{}, m_descriptor, size(), 0}; }
    // Up to `count` bytes from `offset` (fewer at the end of the file).
    std::vector<char> bytesAt(std::uint64_t offset, std::size_t count) const
    {
        Input reading = input();
        reading.position = std::min(offset, size());
        std::vector<char> bytes(count);
        const ssize_t got = readInput(bytes.data(), count, &reading);
        bytes.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
        return bytes;
    }
    // Refuses a file whose size or modification time changed since it was opened: the rows read
    // would be a mix of two versions.
    void refuseIfChanged() const
    {
        const struct stat now = status();
        if (now.st_size != m_opened.st_size || now.st_mtim.tv_sec != m_opened.st_mtim.tv_sec ||
            now.st_mtim.tv_nsec != m_opened.st_mtim.tv_nsec)
            throw DataError({m_path, 0, ""}, "the file changed while it was read; read it again once it is written");
    }

private:
    struct stat status() const
    {
        struct stat now {};
        if (::fstat(m_descriptor, &now) != 0)
            throw DataError({m_path, 0, ""}, std::string("cannot be read: ") + std::strerror(errno));
        return now;
    }

    std::string m_path;
    int m_descriptor = -1;
    struct stat m_opened {};
    StatFileFormat m_format = StatFileFormat::None;
};

// The rows of an XPORT file, which its header does not declare, and which ReadStat decides as it
// reads the data: whole rows of the variables' widths, up to the end of the file, less the blank
// rows that end it (the padding of the last 80-byte record, which ReadStat delivers only when a row
// that is not blank follows). Counted by ReadStat itself, in a pass that delivers every row without
// keeping its values: the count is by construction the rows readStatFile reads, and those that the
// parts' readstat_set_row_offset / readstat_set_row_limit count (ReadStat's XPORT reader passes
// the rows before the offset through the same reading, blank rows included, without delivering
// them). Then refused as readStatFile refuses it: a file cut inside a row.
std::size_t xportRows(const FileForParts &file, const std::string &path)
{
    const std::function<void(double)> noProgress;
    ParseState counting(StatFileFormat::SasTransport, path, nullptr, noProgress);
    counting.keepValues = false;
    parse(counting, file.input(), 0);
    // The row of the last value delivered (0-based), -1 when none was.
    const auto rows = static_cast<std::size_t>(counting.row + 1);
    refuseXportCutInARow([&](std::uint64_t offset, std::size_t count) { return file.bytesAt(offset, count); },
                         file.size(), path, counting.variables, rows);
    return rows;
}

} // namespace

StatFileReadResult readStatFile(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &options,
                                const CancellationToken *cancel, const std::function<void(double)> &progress)
{
    const StatFileFormat format = detectStatFileFormat(bytes);
    if (format == StatFileFormat::None)
        throw DataError({sourceName, 0, ""}, "not a SAS (sas7bdat, XPORT), Stata or SPSS file: its first bytes are "
                                             "none of theirs");
    refuseCsvOnlyOptions(options, sourceName, format);
    refuseCutShort(bytes, bytes, bytes.size(), sourceName, format);
    ParseState state(format, sourceName, cancel, progress);
    state.description.format = format;
    parse(state, memoryInput(bytes), 0);
    const ColumnChoices choices(options);
    const std::size_t rows = checkedRows(state, options, choices);
    if (format == StatFileFormat::SasTransport)
        refuseXportCutInARow(bytesAtOf(bytes), bytes.size(), sourceName, state.variables, rows);
    SingleProcessCommunicator wholeFile;
    return columnsOf(state, options, choices, wholeFile);
}

StatFilePart readStatFilePartOfRank(Communicator &communicator, const std::string &path, const CsvOptions &options)
{
    const FileForParts file(path);
    const StatFileFormat format = file.format();
    refuseCsvOnlyOptions(options, path, format);
    constexpr std::size_t kEndBytes = 16;
    refuseCutShort(file.bytesAt(0, kEndBytes),
                   file.bytesAt(file.size() - std::min<std::uint64_t>(file.size(), kEndBytes), kEndBytes), file.size(),
                   path, format);
    const std::function<void(double)> noProgress;

    // The rows the header declares (the parse ends with the metadata, before any row); those of an
    // XPORT file, which declares none, counted by rank 0 (xportRows) and sent to every rank.
    ParseState header(format, path, nullptr, noProgress);
    header.keepValues = false;
    header.stopAfterMetadata = true;
    parse(header, file.input(), 0);
    std::int64_t declaredRows = header.declaredRows;
    if (format == StatFileFormat::SasTransport)
        declaredRows = static_cast<std::int64_t>(valuesOfRanks(
            communicator, communicator.rank() == 0 ? static_cast<double>(xportRows(file, path)) : 0.0)[0]);
    if (declaredRows <= 0) {
        // Every rank finds the same: rank 0 alone says it, the others waiting for its abort.
        if (communicator.rank() != 0)
            waitForRankZerosAbort(communicator);
        if (declaredRows == 0)
            throw noDataRows(path, static_cast<std::size_t>(std::max(header.declaredVariables, 0)));
        throw DataError({path, 0, ""}, std::string("this ") + describe(format) +
                                           " does not declare its number of rows (its header says -1: unknown), by "
                                           "which the ranks of a data-parallel run split a SAS, Stata or SPSS file: "
                                           "write it again with its number of rows, or as a SAS, Stata or CSV "
                                           "file, or train as one process");
    }
    const auto allRows = static_cast<std::size_t>(declaredRows);
    const auto rank = static_cast<std::size_t>(communicator.rank()),
               ranks = static_cast<std::size_t>(communicator.size());
    const std::size_t first = allRows * rank / ranks, end = allRows * (rank + 1) / ranks;

    // This rank's rows: ReadStat skips those before (sas7bdat and compressed SPSS files by reading
    // them without converting their values, XPORT files by reading and converting them without
    // delivering them, Stata and uncompressed SPSS files by seeking) and stops after the last. An empty part skips all
    // of them (a row limit of 0 reads every row).
    ParseState state(format, path, nullptr, noProgress);
    state.description.format = format;
    state.firstRow = first;
    parse(state, file.input(), static_cast<long>(end - first), static_cast<long>(end > first ? first : allRows));
    file.refuseIfChanged();
    const ColumnChoices choices(options);
    const std::size_t rows = checkedRows(state, options, choices);
    if (rows != end - first)
        throw DataError({path, 0, ""}, "rows " + withThousands(first + 1) + " to " + withThousands(end) +
                                           " were to be read, but " + withThousands(rows) +
                                           " rows were: the file is truncated or damaged");
    StatFilePart part;
    part.read = columnsOf(state, options, choices, communicator);
    SourceLines rowsOfFile(SourceLines::Unit::DataRow);
    if (rows > 0)
        rowsOfFile.addStep(0, static_cast<std::int64_t>(first + 1));
    part.read.table.setSourceLines(std::move(rowsOfFile));
    part.firstRow = first;
    part.allRows = allRows;
    // Every rank must have read the same file (a disk every rank sees, the same version).
    if (const std::size_t read = itemsOfRanks(communicator, rows).total; read != allRows)
        throw DataError({path, 0, ""}, "the ranks read " + withThousands(read) +
                                           " rows in all where this rank's copy declares " + withThousands(allRows) +
                                           ": the ranks see different files; give them one file on a shared disk");
    return part;
}

std::vector<std::string> statFileColumnNames(const std::string &path)
{
    const FileBytes file = readFileBytes(path);
    const StatFileFormat format = detectStatFileFormat(file.bytes());
    if (format == StatFileFormat::None)
        throw DataError({path, 0, ""}, "not a SAS (sas7bdat, XPORT), Stata or SPSS file");
    const std::function<void(double)> noProgress;
    ParseState state(format, path, nullptr, noProgress);
    state.keepValues = false;
    parse(state, memoryInput(file.bytes()), 1);
    std::vector<std::string> names;
    for (const RawVariable &raw : state.variables)
        names.push_back(raw.description.name);
    return names;
}

#else // no ReadStat in this build

bool statFilesSupported()
{
    return false;
}

namespace {
[[noreturn]] void refuseWithoutReadStat(const std::string &sourceName, StatFileFormat format)
{
    throw DataError({sourceName, 0, ""},
                    std::string("this is a ") + describe(format) +
                        ", and this build of CreditMTL reads no SAS, Stata or SPSS files (ReadStat was not found "
                        "when it was built): install libreadstat-dev and rebuild, or export the data to CSV");
}
} // namespace

StatFileReadResult readStatFile(std::span<const char> bytes, const std::string &sourceName, const CsvOptions &,
                                const CancellationToken *, const std::function<void(double)> &)
{
    refuseWithoutReadStat(sourceName, detectStatFileFormat(bytes));
}

StatFilePart readStatFilePartOfRank(Communicator &, const std::string &path, const CsvOptions &)
{
    refuseWithoutReadStat(path, detectStatFileFormat(path));
}

std::vector<std::string> statFileColumnNames(const std::string &path)
{
    refuseWithoutReadStat(path, detectStatFileFormat(path));
}

#endif

StatFileReadResult readStatFileAt(const std::string &path, const CsvOptions &options, const CancellationToken *cancel,
                                  const std::function<void(double)> &progress)
{
    // The bytes are read first (5% of the progress, as for a CSV file), then parsed.
    constexpr double kLoadShare = 0.05;
    const auto report = [&](double fraction) {
        if (progress)
            progress(fraction);
    };
    const FileBytes file = readFileBytes(path, cancel, [&](double fraction) { report(kLoadShare * fraction); });
    StatFileReadResult result =
        readStatFile(file.bytes(), path, options, cancel, [&](double f) { report(kLoadShare + (1 - kLoadShare) * f); });
    if (result.table.rowCount() == 0)
        throw noDataRows(path, result.table.columnCount());
    return result;
}

} // namespace cmtl
