#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <string>

namespace cmtl {

// The checksummed CreditMTL files (model, project) share one shape: a first line naming the
// format, its version and the sizes of the sections that follow, the sections, then a last line
// "\nsha256 <64 hex digits>\n" over every byte before it, so that an edited, damaged or
// truncated file is recognised.
QByteArray sha256Line(QByteArrayView content);
constexpr qsizetype kSha256LineSize = 8 + 64 + 1; // "\nsha256 " + 64 hex digits + "\n"

// Refuses (DataError naming `sourceName`) a file whose version is newer than `newestVersion` or
// below 1, whose length is not `contentSize` plus the checksum line, or whose checksum does not
// match. `what` names the kind of file in messages ("model file", "project file").
void checkVersionAndSeal(QByteArrayView bytes, int version, int newestVersion, qsizetype contentSize,
                         const std::string &what, const std::string &sourceName);

// The JSON section of a sealed file as an object; refuses anything else.
QJsonObject parseJsonSection(QByteArrayView json, const std::string &what, const std::string &sourceName);

} // namespace cmtl
