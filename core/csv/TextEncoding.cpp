#include "csv/TextEncoding.h"

#include "common/Error.h"

#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace cmtl {

namespace {

bool isContinuationByte(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Length of the well-formed UTF-8 sequence starting at `at` (whose first byte is not ASCII), or 0
// when it is ill-formed. The ranges are those of the Unicode Standard, table 3-7.
std::size_t utf8SequenceLength(const unsigned char *at, const unsigned char *end)
{
    const unsigned char lead = at[0];
    std::size_t length = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            secondMin = 0xA0; // overlong below
        else if (lead == 0xED)
            secondMax = 0x9F; // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            secondMin = 0x90; // overlong below
        else if (lead == 0xF4)
            secondMax = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - at) < length || at[1] < secondMin || at[1] > secondMax)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (!isContinuationByte(at[i]))
            return 0;
    }
    return length;
}

bool isUnicodeWideForm(const std::string &encodingName)
{
    std::string upper(encodingName);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    return upper.starts_with("UTF-16") || upper.starts_with("UTF16") || upper.starts_with("UTF-32") ||
           upper.starts_with("UTF32") || upper.starts_with("UCS");
}

// The 1-based line, within `block`, of the first line that does not decode. Lines decode
// independently because '\n' never occurs inside a multi-byte sequence of the encodings we accept.
std::int64_t firstInvalidLineOf(std::string_view block, const std::string &encodingName)
{
    std::int64_t line = 1;
    std::size_t lineStart = 0;
    while (lineStart < block.size()) {
        std::size_t lineEnd = block.find('\n', lineStart);
        lineEnd = lineEnd == std::string_view::npos ? block.size() : lineEnd + 1;
        QStringDecoder decoder(encodingName.c_str(), QStringDecoder::Flag::Stateless);
        (void)decoder.decode(QByteArrayView(block.data() + lineStart, static_cast<qsizetype>(lineEnd - lineStart)));
        if (decoder.hasError())
            return line;
        lineStart = lineEnd;
        ++line;
    }
    return line;
}

void appendUtf8(std::string &out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    }
}

// Windows-1252's characters for the bytes 0x80-0x9F (0 where it defines none); the bytes from 0xA0
// up are the code points of the same value, as in ISO-8859-1.
constexpr char16_t kWindows1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                           0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool isAsciiLetter(unsigned char byte)
{
    return (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z');
}

bool isGb2312Byte(unsigned char byte)
{
    return byte >= 0xA1 && byte <= 0xFE;
}

} // namespace

Utf8Conversion convertUtf16ToUtf8(std::string_view bytes, bool bigEndian, const CancellationToken *cancel)
{
    constexpr std::size_t kCheckCancelEvery = std::size_t{1} << 22;
    Utf8Conversion result;
    result.text.reserve(bytes.size() / 2 + bytes.size() / 8);
    const auto *const data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t units = bytes.size() / 2;
    const auto unitAt = [&](std::size_t i) -> char16_t {
        const unsigned char a = data[2 * i], b = data[2 * i + 1];
        return static_cast<char16_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    std::int64_t line = 1;
    for (std::size_t i = 0; i < units; ++i) {
        if (i % kCheckCancelEvery == 0 && cancel != nullptr && cancel->isCancelled())
            throw Cancelled();
        const char16_t unit = unitAt(i);
        char32_t codePoint = unit;
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            const bool high = unit <= 0xDBFF;
            const char16_t next = i + 1 < units ? unitAt(i + 1) : 0;
            if (!high || next < 0xDC00 || next > 0xDFFF) {
                result.text.clear();
                result.firstInvalidLine = line;
                return result;
            }
            codePoint = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (next - 0xDC00);
            ++i;
        }
        if (codePoint == '\n')
            ++line;
        appendUtf8(result.text, codePoint);
    }
    if (bytes.size() % 2 != 0) {
        result.text.clear();
        result.firstInvalidLine = line;
    }
    return result;
}

Utf8Conversion convertSingleByteToUtf8(std::string_view bytes, SingleByteEncoding encoding)
{
    Utf8Conversion result;
    result.text.reserve(bytes.size() + bytes.size() / 8);
    std::int64_t line = 1;
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        if (value < 0x80) {
            line += value == '\n';
            result.text.push_back(byte);
            continue;
        }
        char32_t codePoint = value;
        if (encoding == SingleByteEncoding::Windows1252 && value < 0xA0) {
            codePoint = kWindows1252High[value - 0x80];
            if (codePoint == 0) {
                result.text.clear();
                result.firstInvalidLine = line;
                return result;
            }
        }
        appendUtf8(result.text, codePoint);
    }
    return result;
}

NonAsciiEvidence weighNonAsciiEvidence(std::string_view bytes)
{
    NonAsciiEvidence evidence;
    const auto *const data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t at = 0;
    while (at < size) {
        if (data[at] < 0x80) {
            ++at;
            continue;
        }
        const std::size_t start = at;
        while (at < size && data[at] >= 0x80)
            ++at;
        const std::size_t length = at - start;
        bool chinese = length % 2 == 0;
        for (std::size_t i = start; chinese && i < at; ++i)
            chinese = isGb2312Byte(data[i]);
        // Chinese characters between two Latin letters (Sa\xE7\xE3o) are rare; accented
        // letters inside a word are the rule.
        const bool insideWord = start > 0 && isAsciiLetter(data[start - 1]) && at < size && isAsciiLetter(data[at]);
        ++evidence.runs;
        if (chinese && !insideWord) {
            ++evidence.chineseLike;
            if (evidence.firstChineseLike == std::string_view::npos)
                evidence.firstChineseLike = start;
        } else {
            ++evidence.latinLike;
            if (evidence.firstLatinLike == std::string_view::npos)
                evidence.firstLatinLike = start;
        }
    }
    return evidence;
}

namespace {

template <bool kStopAtNul> std::size_t findInvalidUtf8Or(std::string_view text)
{
    const auto *const begin = reinterpret_cast<const unsigned char *>(text.data());
    const auto *const end = begin + text.size();
    const auto *at = begin;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    while (at != end) {
        // Most CSV text is ASCII: skip it 32 bytes at a time (the compiler keeps this in vector
        // registers), and check multi-byte sequences one by one.
        while (end - at >= 32) {
            std::uint64_t words[4];
            std::memcpy(words, at, sizeof words);
            std::uint64_t stop = (words[0] | words[1] | words[2] | words[3]) & kHighBits;
            if constexpr (kStopAtNul) {
                // A zero byte in a word w sets a high bit of (w - 0x01..01) & ~w (its own, or an
                // earlier byte's when borrowing; either way the bytes are then looked at one by one).
                constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
                for (const std::uint64_t word : words)
                    stop |= (word - kOnes) & ~word & kHighBits;
            }
            if (stop != 0)
                break;
            at += 32;
        }
        const auto *const stretchEnd = std::min(end, at + 32);
        // `<`, not `!=`: a multi-byte sequence may end past stretchEnd (never past end).
        while (at < stretchEnd) {
            if (*at < 0x80) {
                if (kStopAtNul && *at == 0)
                    return static_cast<std::size_t>(at - begin);
                ++at;
                continue;
            }
            const std::size_t length = utf8SequenceLength(at, end);
            if (length == 0)
                return static_cast<std::size_t>(at - begin);
            at += length;
        }
    }
    return text.size();
}

} // namespace

std::size_t findInvalidUtf8(std::string_view text)
{
    return findInvalidUtf8Or<false>(text);
}

std::size_t findInvalidUtf8OrNul(std::string_view text)
{
    return findInvalidUtf8Or<true>(text);
}

std::int64_t lineNumberAt(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + std::count(text.data(), text.data() + offset, '\n');
}

bool isSupportedEncoding(const std::string &encodingName)
{
    return !isUnicodeWideForm(encodingName) && QStringDecoder(encodingName.c_str()).isValid();
}

Utf8Conversion convertToUtf8(std::string_view text, const std::string &encodingName, const CancellationToken *cancel)
{
    // Decoding block by block, each ending with a line, keeps the UTF-16 intermediate small and
    // lets a failing block be searched line by line for the line to report.
    constexpr std::size_t kBlockBytes = std::size_t{4} << 20;
    Utf8Conversion result;
    result.text.reserve(text.size() + text.size() / 2);
    QStringDecoder decoder(encodingName.c_str(), QStringDecoder::Flag::Stateless);
    std::size_t blockStart = 0;
    while (blockStart < text.size()) {
        if (cancel && cancel->isCancelled())
            throw Cancelled();
        std::size_t blockEnd = std::min(text.size(), blockStart + kBlockBytes);
        if (blockEnd < text.size()) {
            const std::size_t newline = text.find('\n', blockEnd);
            blockEnd = newline == std::string_view::npos ? text.size() : newline + 1;
        }
        const std::string_view block = text.substr(blockStart, blockEnd - blockStart);
        const QString decoded = decoder.decode(QByteArrayView(block.data(), static_cast<qsizetype>(block.size())));
        if (decoder.hasError()) {
            result.text.clear();
            result.firstInvalidLine = lineNumberAt(text, blockStart) + firstInvalidLineOf(block, encodingName) - 1;
            return result;
        }
        const QByteArray utf8 = decoded.toUtf8();
        result.text.append(utf8.constData(), static_cast<std::size_t>(utf8.size()));
        blockStart = blockEnd;
    }
    constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
    if (std::string_view(result.text).starts_with(kUtf8ByteOrderMark))
        result.text.erase(0, kUtf8ByteOrderMark.size());
    return result;
}

} // namespace cmtl
