#include "csv/CsvTokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace cmtl {

CsvTokenizer::CsvTokenizer(std::string_view text, char delimiter)
    : m_begin(text.data()), m_end(text.data() + text.size()), m_delimiter(delimiter)
{}

const char *CsvTokenizer::scanQuotedField(const char *openingQuote, RawField &field, const char *recordStart,
                                          std::size_t column) const
{
    const char *at = openingQuote + 1;
    bool hasDoubledQuotes = false;
    for (;;) {
        const void *found = std::memchr(at, '"', static_cast<std::size_t>(m_end - at));
        if (found == nullptr)
            throw CsvSyntaxError{CsvProblem::UnterminatedQuote, recordStart, column, openingQuote};
        const char *const quote = static_cast<const char *>(found);
        if (quote + 1 != m_end && quote[1] == '"') {
            hasDoubledQuotes = true;
            at = quote + 2;
            continue;
        }
        field = {std::string_view(openingQuote + 1, static_cast<std::size_t>(quote - openingQuote - 1)), true,
                 hasDoubledQuotes};
        at = quote + 1;
        break;
    }
    while (at != m_end && isBlank(*at))
        ++at;
    if (at != m_end && *at == '\r' && (at + 1 == m_end || at[1] == '\n'))
        ++at;
    if (at != m_end && *at != m_delimiter && *at != '\n')
        throw CsvSyntaxError{CsvProblem::TextAfterClosingQuote, recordStart, column, at};
    return at;
}

const char *CsvTokenizer::scanRecord(const char *recordStart, std::vector<RawField> &fields) const
{
    fields.clear();
    const char *at = recordStart;
    for (;;) {
        RawField field;
        at = scanField(at, field, recordStart, fields.size());
        fields.push_back(field);
        if (at == m_end)
            return at;
        if (*at == '\n')
            return at + 1;
        ++at; // the delimiter
    }
}

const char *CsvTokenizer::nextRecordStart(const char *at, bool insideQuotes) const
{
    for (; at != m_end; ++at) {
        if (*at == '"')
            insideQuotes = !insideQuotes;
        else if (*at == '\n' && !insideQuotes)
            return at + 1;
    }
    return m_end;
}

void unescapeQuotes(std::string_view text, std::string &unescaped)
{
    unescaped.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        unescaped.push_back(text[i]);
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"')
            ++i;
    }
}

std::size_t normaliseNumber(std::string_view text, const NumberFormat &format, char *out, std::size_t capacity)
{
    text = trimBlanks(text);
    if (text.empty() || text.size() >= capacity)
        return 0;
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t written = 0;
    std::size_t digitsInGroup = 0; // digits since the last thousands separator (or the start)
    bool grouped = false;          // a thousands separator was seen
    bool inInteger = true;         // before the decimal separator and the exponent
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inInteger && format.thousands != 0 && c == format.thousands) {
            // 1,234 and 12,345,678: one to three digits before the first separator, three
            // between separators, and a digit after.
            if (digitsInGroup == 0 || digitsInGroup > 3 || (grouped && digitsInGroup != 3) || i + 1 == text.size() ||
                !isDigit(text[i + 1]))
                return 0;
            grouped = true;
            digitsInGroup = 0;
            continue;
        }
        if (c == format.decimal || c == 'e' || c == 'E') {
            if (inInteger && grouped && digitsInGroup != 3)
                return 0;
            inInteger = false;
            out[written++] = c == format.decimal ? '.' : c;
            continue;
        }
        if (c == '.' && format.decimal != '.')
            return 0; // a point in a decimal-comma number would be misread
        if (isDigit(c))
            ++digitsInGroup;
        out[written++] = c;
    }
    if (inInteger && grouped && digitsInGroup != 3)
        return 0;
    return written;
}

MissingTokens::MissingTokens(const std::vector<std::string> &tokens)
{
    for (const std::string &token : tokens) {
        const std::string_view trimmed = trimBlanks(token);
        if (trimmed.empty())
            continue; // the empty cell is missing anyway
        m_tokens.emplace_back(trimmed);
        if (trimmed.size() < 64)
            m_lengths |= std::uint64_t{1} << trimmed.size();
        float value;
        if (parseNumber(trimmed, value)) {
            m_hasNumericToken = true;
            const char first = trimmed.front();
            if ((first >= '0' && first <= '9') || first == '-' || first == '.' || first == '+')
                m_hasDecimalToken = true;
        }
    }
}

char detectDelimiter(std::string_view text)
{
    constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
    constexpr std::size_t kLinesToRead = 30;
    constexpr std::size_t kBytesToRead = std::size_t{1} << 20;

    // counts[k][line]: occurrences of candidate k outside quotes on each of the first lines.
    std::array<std::vector<std::size_t>, kCandidates.size()> counts;
    std::array<std::size_t, kCandidates.size()> onThisLine{};
    bool insideQuotes = false;
    const std::string_view head = text.substr(0, std::min(text.size(), kBytesToRead));
    std::size_t lines = 0;
    for (std::size_t i = 0; i <= head.size() && lines < kLinesToRead; ++i) {
        const bool atEnd = i == head.size();
        if (!atEnd && head[i] == '"') {
            insideQuotes = !insideQuotes;
        } else if (atEnd || (head[i] == '\n' && !insideQuotes)) {
            for (std::size_t k = 0; k < kCandidates.size(); ++k) {
                counts[k].push_back(onThisLine[k]);
                onThisLine[k] = 0;
            }
            ++lines;
        } else if (!insideQuotes) {
            for (std::size_t k = 0; k < kCandidates.size(); ++k)
                onThisLine[k] += head[i] == kCandidates[k];
        }
    }

    // The best candidate splits as many lines as possible like the first one, then the most fields.
    char best = ',';
    std::size_t bestAgreeing = 0;
    std::size_t bestFields = 0;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        const std::size_t firstLine = counts[k].empty() ? 0 : counts[k].front();
        if (firstLine == 0)
            continue;
        const auto agreeing = static_cast<std::size_t>(std::count(counts[k].begin(), counts[k].end(), firstLine));
        if (agreeing > bestAgreeing || (agreeing == bestAgreeing && firstLine > bestFields)) {
            best = kCandidates[k];
            bestAgreeing = agreeing;
            bestFields = firstLine;
        }
    }
    return best;
}

} // namespace cmtl
