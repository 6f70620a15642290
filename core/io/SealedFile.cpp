#include "io/SealedFile.h"

#include "common/Error.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace cmtl {

QByteArray sha256Line(QByteArrayView content)
{
    return "\nsha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n";
}

qsizetype checkVersionAndSeal(QByteArrayView bytes, qsizetype firstLineEnd, int version, int newestVersion,
                              std::initializer_list<SealedSection> sections, const std::string &what,
                              const std::string &sourceName)
{
    const auto refuse = [&](const std::string &problem) { return DataError({sourceName, 0, {}}, problem); };
    if (version > newestVersion)
        throw refuse("this " + what + " has format version " + std::to_string(version) +
                     ", written by a newer CreditMTL; this build reads versions up to " +
                     std::to_string(newestVersion) + ": update CreditMTL to open it");
    if (version < 1)
        throw refuse("damaged " + what + ": format version " + std::to_string(version) + " does not exist");

    // Each claimed size is taken from what remains, so no sum of claims is ever formed.
    const auto fileSize = static_cast<std::uint64_t>(bytes.size());
    const std::uint64_t afterFirstLine = fileSize - static_cast<std::uint64_t>(firstLineEnd) - 1;
    std::string claimed = "its first line claims";
    std::uint64_t remaining = afterFirstLine;
    bool fits = true;
    for (const SealedSection &section : sections) {
        // Appended piece by piece (GCC 12 misreports operator+ chains under -Wrestrict).
        claimed.append(" ").append(std::to_string(section.size)).append(" ").append(section.name).append(" bytes,");
        fits = fits && section.size <= remaining;
        remaining = fits ? remaining - section.size : 0;
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
    return contentSize;
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
