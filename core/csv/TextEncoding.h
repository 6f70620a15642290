#pragma once

#include "common/Cancellation.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cmtl {

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or text.size() when there is none.
std::size_t findInvalidUtf8(std::string_view text);
// The same, stopping also at the first NUL byte (valid UTF-8, but never in a text file): one
// pass finds both.
std::size_t findInvalidUtf8OrNul(std::string_view text);

// 1-based number of the line holding the byte at `offset`: one plus the '\n' bytes before it.
std::int64_t lineNumberAt(std::string_view text, std::size_t offset);

// Whether convertToUtf8 can decode `encodingName` (any name Qt's ICU-backed QStringDecoder knows,
// except the UTF-16 and UTF-32 forms, whose newlines are not single bytes).
bool isSupportedEncoding(const std::string &encodingName);

struct Utf8Conversion {
    std::string text;                  // The decoded text, or empty when decoding failed
    std::int64_t firstInvalidLine = 0; // 1-based line of the first undecodable byte; 0 if none
};

// Decodes text in an ASCII-compatible encoding whose multi-byte sequences never contain the byte
// '\n' (GB18030, GBK, Big5, Shift_JIS, the ISO-8859 and Windows code pages...) into UTF-8. A
// leading byte-order mark is dropped. Throws Cancelled when `cancel` is triggered.
Utf8Conversion convertToUtf8(std::string_view text, const std::string &encodingName,
                             const CancellationToken *cancel = nullptr);

// Decodes UTF-16 without its byte-order mark (little- or big-endian) into UTF-8. An unpaired
// surrogate or an odd last byte sets firstInvalidLine. Throws Cancelled when `cancel` is triggered.
Utf8Conversion convertUtf16ToUtf8(std::string_view bytes, bool bigEndian, const CancellationToken *cancel = nullptr);

enum class SingleByteEncoding {
    Windows1252, // the five bytes it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) are invalid
    Latin1,      // ISO-8859-1: every byte is the code point of the same value
};

// Decodes a single-byte encoding into UTF-8 (firstInvalidLine as for convertToUtf8).
Utf8Conversion convertSingleByteToUtf8(std::string_view bytes, SingleByteEncoding encoding);

// What the bytes that are not ASCII look like, to tell GB18030 (Chinese) from Windows-1252
// (accented Latin letters) when a file is not UTF-8: both decode most byte sequences, but they
// leave different traces. Chinese text in GB18030 holds runs of byte pairs, both bytes in
// 0xA1-0xFE (GB2312's characters), mostly next to other Chinese characters, digits or punctuation;
// Latin text in Windows-1252 holds single high bytes inside words (Z\xFCrich).
struct NonAsciiEvidence {
    std::size_t runs = 0;        // maximal runs of bytes >= 0x80
    std::size_t chineseLike = 0; // runs of GB2312 byte pairs not inside a Latin word
    std::size_t latinLike = 0;   // the others: odd lengths, bytes outside GB2312, inside a word
    std::size_t firstChineseLike = std::string_view::npos; // offset of the first such run
    std::size_t firstLatinLike = std::string_view::npos;
};
NonAsciiEvidence weighNonAsciiEvidence(std::string_view bytes);

} // namespace cmtl
