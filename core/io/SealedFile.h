#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace cmtl {

// The checksummed CreditMTL files (model, project) share one shape: a first line naming the
// format, its version and the sizes of the sections that follow, the sections, then a last line
// "\nsha256 <64 hex digits>\n" over every byte before it, so that an edited, damaged or
// truncated file is recognised.
QByteArray sha256Line(QByteArrayView content);
constexpr qsizetype kSha256LineSize = 8 + 64 + 1; // "\nsha256 " + 64 hex digits + "\n"

struct SealedSection {
    const char *name;
    std::uint64_t size;
};

// Checks a sealed file whose first line ends at `firstLineEnd` and announces sections of
// sections of the sizes given (each with a name for messages: "header", "weight"), and returns the size of its content
// (everything before the checksum line). Refuses (DataError naming `sourceName`) a version newer than `newestVersion`
// or below 1, sizes that do not add up to the file's length (checked in unsigned arithmetic against the bytes actually
// there, so no claimed size can overflow), and a checksum that does not match. `what` names the kind of file in
// messages ("model file", "project file").
qsizetype checkVersionAndSeal(QByteArrayView bytes, qsizetype firstLineEnd, int version, int newestVersion,
                              std::initializer_list<SealedSection> sections, const std::string &what,
                              const std::string &sourceName);

// The JSON section of a sealed file as an object; refuses anything else.
QJsonObject parseJsonSection(QByteArrayView json, const std::string &what, const std::string &sourceName);

} // namespace cmtl
