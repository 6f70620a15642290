#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace cmtl {

// The checksummed CreditMTL files (model, project) share one shape: a first line naming the
// format, its version and the sizes of the sections that follow
//   <magic> <version> <bytes of section 1> <bytes of section 2> ...\n
// the sections, then a last line "\nsha256 <64 hex digits>\n" over every byte before it, so that
// an edited, damaged or truncated file is recognised. writeSealedFile and readSealedFile are the
// one writer and the one reader of that envelope; each file format describes itself with a
// SealedFormat and reads its sections' content on its own.
QByteArray sha256Line(QByteArrayView content);
constexpr qsizetype kSha256LineSize = 8 + 64 + 1; // "\nsha256 " + 64 hex digits + "\n"

// One section the first line announces: its name in messages ("header", "weight") and, where
// its bytes are whole values, their size and what they are called ("4-byte float32 weights").
struct SealedSectionFormat {
    const char *name;
    std::uint64_t unitBytes = 1;
    const char *unitName = "";
};

// A sealed file format: the first word of its first line ("CreditMTL-model"), what it is called
// in messages ("model file"), the newest version this build reads, and its sections in order.
struct SealedFormat {
    const char *magic;
    const char *what;
    int newestVersion;
    std::span<const SealedSectionFormat> sections;
};

// "<magic> <version> <size of each section>\n", the sections, and the checksum line.
QByteArray writeSealedFile(const SealedFormat &format, int version, std::initializer_list<QByteArrayView> sections);

// A sealed file that was read and checked: its format version and each section's bytes (views
// into the bytes read), in the order of the format's sections.
struct SealedContent {
    int version = 0;
    std::vector<QByteArrayView> sections;
};

// Reads the first line and checks the envelope. Refuses (DataError naming `sourceName`) a file
// that does not start with the format's magic, a first line that does not hold a version and one
// unsigned size per section, a section size that is not a whole number of its values, a version
// newer than the format's newest or below 1, sizes that do not add up to the file's length
// (checked in unsigned arithmetic against the bytes actually there, so no claimed size can
// overflow), and a checksum that does not match.
SealedContent readSealedFile(QByteArrayView bytes, const SealedFormat &format, const std::string &sourceName);

// The JSON section of a sealed file as an object; refuses anything else.
QJsonObject parseJsonSection(QByteArrayView json, const std::string &what, const std::string &sourceName);

} // namespace cmtl
