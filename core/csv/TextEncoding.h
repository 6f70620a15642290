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

} // namespace cmtl
