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

} // namespace

std::size_t findInvalidUtf8(std::string_view text)
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
            if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) != 0)
                break;
            at += 32;
        }
        const auto *const stretchEnd = std::min(end, at + 32);
        // `<`, not `!=`: a multi-byte sequence may end past stretchEnd (never past end).
        while (at < stretchEnd) {
            if (*at < 0x80) {
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
