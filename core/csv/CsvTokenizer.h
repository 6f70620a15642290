#pragma once

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cmtl {

// One field as it stands in the text. Unquoted fields are trimmed of surrounding blanks (spaces,
// tabs unless tab is the delimiter, and the '\r' of CRLF); quoted fields are the characters
// between the quotes, verbatim, doubled quotes ("") still doubled (see unescapeQuotes).
struct RawField {
    std::string_view text;
    bool quoted = false;
    bool hasDoubledQuotes = false;
};

enum class CsvProblem { TooFewFields, TooManyFields, UnterminatedQuote, TextAfterClosingQuote };

// A violation of the CSV syntax. It holds positions rather than a line number: counting lines is
// only worth it once the error is certain to be reported (a worker that started at a wrongly
// guessed record boundary may find errors that do not exist).
struct CsvSyntaxError {
    CsvProblem problem;
    const char *recordStart; // where the record holding the problem starts
    std::size_t column;      // 0-based field index where the problem was found
    const char *position;    // the offending character (TextAfterClosingQuote)
};

// Splits UTF-8 CSV text into fields, RFC 4180 style, with these tolerances (as most readers do):
// - a quote inside an unquoted field is an ordinary character (5" screen);
// - blanks around a quoted field are ignored (a, "b" reads b);
// - a line ending is "\n" or "\r\n".
// Text after the closing quote of a quoted field ("a"b) is refused: it is almost always an
// undoubled quote inside a quoted field, and guessing would silently shift the fields after it.
class CsvTokenizer {
public:
    CsvTokenizer(std::string_view text, char delimiter);

    const char *begin() const { return m_begin; }
    const char *end() const { return m_end; }
    char delimiter() const { return m_delimiter; }

    // Reads the field starting at `at` (a record start or just after a delimiter) into `field`
    // and returns the position of its terminator: the delimiter, the '\n' ending the record, or
    // end(). Throws CsvSyntaxError for quoting errors.
    const char *scanField(const char *at, RawField &field, const char *recordStart, std::size_t column) const
    {
        while (at != m_end && isBlank(*at))
            ++at;
        if (at != m_end && *at == '"')
            return scanQuotedField(at, field, recordStart, column);
        const char *const textBegin = at;
        while (at != m_end && *at != m_delimiter && *at != '\n')
            ++at;
        const char *textEnd = at;
        while (textEnd != textBegin && (isBlank(textEnd[-1]) || textEnd[-1] == '\r'))
            --textEnd;
        field = {std::string_view(textBegin, static_cast<std::size_t>(textEnd - textBegin)), false, false};
        return at;
    }

    // Reads the record starting at `recordStart` into `fields` and returns the start of the next
    // record (or end()). Throws CsvSyntaxError for quoting errors.
    const char *scanRecord(const char *recordStart, std::vector<RawField> &fields) const;

    // The start of the next record after `at`, assuming `at` is inside quotes when `insideQuotes`.
    const char *nextRecordStart(const char *at, bool insideQuotes) const;

    bool isBlank(char c) const { return (c == ' ' || c == '\t') && c != m_delimiter; }
    // Whether `at` is at the end of a line that holds nothing (a blank line skipped in the data).
    bool isEmptyLine(const char *at) const
    {
        return *at == '\n' || (*at == '\r' && (at + 1 == m_end || at[1] == '\n'));
    }

private:
    const char *scanQuotedField(const char *openingQuote, RawField &field, const char *recordStart,
                                std::size_t column) const;

    const char *m_begin;
    const char *m_end;
    char m_delimiter;
};

// Replaces each doubled quote ("") of a quoted field's text by one quote.
void unescapeQuotes(std::string_view text, std::string &unescaped);

// `text` without surrounding spaces, tabs and carriage returns.
inline std::string_view trimBlanks(std::string_view text)
{
    const auto isBlank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

// How numbers are written: the decimal separator and an optional thousands separator.
struct NumberFormat {
    char decimal = '.';
    char thousands = 0; // 0: none

    // The common case, which the parser's fast paths handle.
    bool plain() const { return decimal == '.' && thousands == 0; }
};

// `text` (trimmed, at most `capacity` - 1 characters) with the separators of `format` replaced by
// the '.' the number parsers read: thousands separators dropped where they separate groups of
// three digits of the integer part, the decimal separator made '.'. Returns the length written to
// `out`, or 0 when the separators are misplaced (1,23,456) or the text is too long to be a number.
std::size_t normaliseNumber(std::string_view text, const NumberFormat &format, char *out, std::size_t capacity);

// Parses the whole of `text` (surrounding blanks and a leading '+' allowed) as a number, written
// in `format`. `Number` is float or double.
template <typename Number> bool parseNumber(std::string_view text, Number &value, const NumberFormat &format = {})
{
    text = trimBlanks(text);
    char normalised[64];
    if (!format.plain()) {
        const std::size_t length = normaliseNumber(text, format, normalised, sizeof normalised);
        if (length == 0)
            return false;
        text = std::string_view(normalised, length);
    }
    const char *first = text.data();
    const char *const last = first + text.size();
    // fast_float follows std::from_chars, which refuses a leading '+'; spreadsheets write them.
    if (first != last && *first == '+') {
        ++first;
        if (first == last || *first == '-')
            return false;
    }
    if (first == last)
        return false;
    const auto result = fast_float::from_chars(first, last, value);
    return result.ec == std::errc() && result.ptr == last;
}

// Clinger's fast path for the short decimals most data files hold ("-0.12345", "1.2345e-05",
// "14.37"): when the digits, read as an integer, are at most 2^24 the mantissa is exact in a
// float, and with a decimal exponent within +-10 so is the power of ten, so one multiplication or
// division rounds correctly (the result equals fast_float's). Reads an optional '-', digits with
// an optional '.', and an optional exponent; returns the end of the number, or nullptr when the
// text does not start with such a number (the caller then falls back on fast_float).
inline const char *parseShortDecimal(const char *at, const char *end, float &value)
{
    static constexpr float kPowersOfTen[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    constexpr std::uint64_t kMaxExactMantissa = std::uint64_t{1} << 24;
    constexpr std::ptrdiff_t kMaxDigits = 19; // no overflow of the 64-bit mantissa
    const auto digitAt = [end](const char *p) { return p != end && static_cast<unsigned char>(*p - '0') < 10; };
    const bool negative = at != end && *at == '-';
    at += negative ? 1 : 0;
    // Every digit, leading zeros included, goes into the mantissa: the test on its value (not on
    // a count of significant digits) keeps this loop free of branches other than its exit.
    const char *p = at;
    std::uint64_t mantissa = 0;
    for (; digitAt(p); ++p)
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
    std::ptrdiff_t digits = p - at;
    std::ptrdiff_t exponent = 0;
    if (p != end && *p == '.') {
        const char *const fraction = ++p;
        for (; digitAt(p); ++p)
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
        exponent = fraction - p;
        digits -= exponent;
    }
    if (digits == 0 || digits > kMaxDigits || mantissa > kMaxExactMantissa)
        return nullptr;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        const bool negativeExponent = p != end && *p == '-';
        if (p != end && (*p == '-' || *p == '+'))
            ++p;
        if (!digitAt(p))
            return nullptr;
        std::ptrdiff_t written = 0;
        for (; digitAt(p); ++p)
            written = std::min<std::ptrdiff_t>(written * 10 + (*p - '0'), 1000);
        exponent += negativeExponent ? -written : written;
    }
    float result = static_cast<float>(mantissa);
    if (mantissa != 0) {
        if (exponent < -10 || exponent > 10)
            return nullptr;
        result = exponent < 0 ? result / kPowersOfTen[-exponent] : result * kPowersOfTen[exponent];
    }
    value = negative ? -result : result;
    return p;
}

// The tokens that mark a missing cell, compared after trimming surrounding blanks. The empty cell
// is always missing.
class MissingTokens {
public:
    explicit MissingTokens(const std::vector<std::string> &tokens);

    bool contains(std::string_view text) const
    {
        text = trimBlanks(text);
        if (text.empty())
            return true;
        // Most cells are not missing: a bit per token length rejects them without comparing.
        if (text.size() >= 64 || (m_lengths & (std::uint64_t{1} << text.size())) == 0)
            return false;
        for (const std::string &token : m_tokens) {
            if (text == token)
                return true;
        }
        return false;
    }

    // Whether some token reads as a number (e.g. -999, or NaN), so that numbers must be checked too.
    bool hasNumericToken() const { return m_hasNumericToken; }
    // Whether some token starts like a plain decimal number (a digit, '-' or '.'), so that the
    // numbers parseShortDecimal accepts must be checked too.
    bool hasDecimalToken() const { return m_hasDecimalToken; }

private:
    std::vector<std::string> m_tokens;
    std::uint64_t m_lengths = 0;
    bool m_hasNumericToken = false;
    bool m_hasDecimalToken = false;
};

// The delimiter among ',' ';' '\t' '|' that splits the first lines of `text` (outside quotes)
// into the same number of fields most consistently; ',' when none of them occurs.
char detectDelimiter(std::string_view text);

} // namespace cmtl
