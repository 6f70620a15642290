#include "io/SealedFile.h"

#include "common/Error.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace cmtl {

QByteArray sha256Line(QByteArrayView content)
{
    return "\nsha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n";
}

void checkVersionAndSeal(QByteArrayView bytes, int version, int newestVersion, qsizetype contentSize,
                         const std::string &what, const std::string &sourceName)
{
    const auto refuse = [&](const std::string &problem) { return DataError({sourceName, 0, {}}, problem); };
    if (version > newestVersion)
        throw refuse("this " + what + " has format version " + std::to_string(version) +
                     ", written by a newer CreditMTL; this build reads versions up to " +
                     std::to_string(newestVersion) + ": update CreditMTL to open it");
    if (version < 1)
        throw refuse("damaged " + what + ": format version " + std::to_string(version) + " does not exist");
    if (bytes.size() < contentSize + kSha256LineSize)
        throw refuse("the " + what + " is truncated: " + std::to_string(bytes.size()) + " bytes, expected " +
                     std::to_string(contentSize + kSha256LineSize));
    if (bytes.size() > contentSize + kSha256LineSize)
        throw refuse("the " + what + " has " + std::to_string(bytes.size() - contentSize - kSha256LineSize) +
                     " unexpected bytes at its end");
    if (bytes.sliced(contentSize) != sha256Line(bytes.first(contentSize)))
        throw refuse("the " + what + "'s checksum does not match its content: the file was edited or damaged");
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
