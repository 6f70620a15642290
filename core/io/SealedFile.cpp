#include "io/SealedFile.h"

#include "common/Error.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace cmtl {

namespace {

DataError refusal(const std::string &sourceName, const std::string &problem)
{
    return DataError({sourceName, 0, {}}, problem);
}

// The first line's fields after the magic: the version and one size per section. Refuses a line
// that does not hold them, and a size that is not a whole number of its section's values.
std::vector<std::uint64_t> readFirstLine(QByteArrayView firstLine, const SealedFormat &format, int &version,
                                         const std::string &sourceName)
{
    const std::string what = format.what;
    const QList<QByteArray> fields = firstLine.toByteArray().split(' ');
    const auto sectionCount = static_cast<qsizetype>(format.sections.size());
    bool parsed = fields.size() == 2 + sectionCount;
    version = parsed ? fields[1].toInt(&parsed) : 0;
    std::vector<std::uint64_t> sizes;
    for (qsizetype i = 0; parsed && i < sectionCount; ++i) {
        // Sizes as unsigned 64-bit numbers: a sign or a value beyond 2^64 fails to parse. Every sum
        // of them is checked against the file's actual size first, so none can overflow.
        const QByteArray &field = fields[2 + i];
        sizes.push_back(field.toULongLong(&parsed));
        parsed = parsed && !field.startsWith('-');
    }
    if (!parsed) {
        std::string expected = std::string(format.magic) + " <version>";
        for (const SealedSectionFormat &section : format.sections)
            expected.append(" <").append(section.name).append(" bytes>");
        throw refusal(sourceName, "damaged " + what + ": the first line should read \"" + expected + "\", it reads \"" +
                                      firstLine.toByteArray().toStdString() + "\"");
    }
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const SealedSectionFormat &section = format.sections[i];
        if (sizes[i] % section.unitBytes != 0)
            throw refusal(sourceName, "damaged " + what + ": the first line claims " + std::to_string(sizes[i]) + " " +
                                          section.name + " bytes, which is not a whole number of " + section.unitName);
    }
    return sizes;
}

// Checks the version, that the claimed sizes and the checksum line make up the file exactly, and
// the checksum.
void checkVersionAndSeal(QByteArrayView bytes, qsizetype firstLineEnd, int version, const SealedFormat &format,
                         const std::vector<std::uint64_t> &sizes, const std::string &sourceName)
{
    const std::string what = format.what;
    const auto refuse = [&](const std::string &problem) { return refusal(sourceName, problem); };
    if (version > format.newestVersion)
        throw refuse("this " + what + " has format version " + std::to_string(version) +
                     ", written by a newer CreditMTL; this build reads versions up to " +
                     std::to_string(format.newestVersion) + ": update CreditMTL to open it");
    if (version < 1)
        throw refuse("damaged " + what + ": format version " + std::to_string(version) + " does not exist");

    // Each claimed size is taken from what remains, so no sum of claims is ever formed.
    const auto fileSize = static_cast<std::uint64_t>(bytes.size());
    const std::uint64_t afterFirstLine = fileSize - static_cast<std::uint64_t>(firstLineEnd) - 1;
    std::string claimed = "its first line claims";
    std::uint64_t remaining = afterFirstLine;
    bool fits = true;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        // Appended piece by piece (GCC 12 misreports operator+ chains under -Wrestrict).
        claimed.append(" ")
            .append(std::to_string(sizes[i]))
            .append(" ")
            .append(format.sections[i].name)
            .append(" bytes,");
        fits = fits && sizes[i] <= remaining;
        remaining = fits ? remaining - sizes[i] : 0;
    }
    claimed += " and a " + std::to_string(kSha256LineSize) + "-byte checksum line";
    if (!fits || remaining < static_cast<std::uint64_t>(kSha256LineSize))
        throw refuse("the " + what + " is truncated or its first line is damaged: " + claimed + ", but only " +
                     std::to_string(afterFirstLine) + " bytes follow the first line (" + std::to_string(fileSize) +
                     " bytes in all)");
    const std::uint64_t extra = remaining - static_cast<std::uint64_t>(kSha256LineSize);
    if (extra > 0)
        throw refuse("the " + what + " has " + std::to_string(extra) + " unexpected bytes at its end: " + claimed +
                     ", " + std::to_string(fileSize - extra) + " bytes in all, and the file has " +
                     std::to_string(fileSize));
    const qsizetype contentSize = bytes.size() - kSha256LineSize;
    if (bytes.sliced(contentSize) != sha256Line(bytes.first(contentSize)))
        throw refuse("the " + what + "'s checksum does not match its content: the file was edited or damaged");
}

} // namespace

QByteArray sha256Line(QByteArrayView content)
{
    return "\nsha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n";
}

QByteArray writeSealedFile(const SealedFormat &format, int version, std::initializer_list<QByteArrayView> sections)
{
    QByteArray file = QByteArray(format.magic) + ' ' + QByteArray::number(version);
    for (const QByteArrayView section : sections)
        file += ' ' + QByteArray::number(section.size());
    file += '\n';
    for (const QByteArrayView section : sections)
        file += section;
    file += sha256Line(file);
    return file;
}

SealedContent readSealedFile(QByteArrayView bytes, const SealedFormat &format, const std::string &sourceName)
{
    const qsizetype firstLineEnd = bytes.indexOf('\n');
    if (!bytes.startsWith(QByteArrayView(format.magic)) || firstLineEnd < 0 || firstLineEnd > 200)
        throw refusal(sourceName, std::string("not a CreditMTL ") + format.what + " (it does not start with \"" +
                                      format.magic + "\")");
    SealedContent content;
    const std::vector<std::uint64_t> sizes =
        readFirstLine(bytes.first(firstLineEnd), format, content.version, sourceName);
    checkVersionAndSeal(bytes, firstLineEnd, content.version, format, sizes, sourceName);
    // Every size fits in what the file holds (checked above).
    qsizetype offset = firstLineEnd + 1;
    for (const std::uint64_t size : sizes) {
        content.sections.push_back(bytes.sliced(offset, static_cast<qsizetype>(size)));
        offset += static_cast<qsizetype>(size);
    }
    return content;
}

QJsonObject parseJsonSection(QByteArrayView json, const std::string &what, const std::string &sourceName)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (!document.isObject())
        throw DataError({sourceName, 0, {}}, "damaged " + what + ": its header is not valid JSON (" +
                                                 parseError.errorString().toStdString() + ")");
    return document.object();
}

} // namespace cmtl
