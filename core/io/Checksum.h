#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace cmtl {

// The last line of a checksummed CreditMTL file (model, project): "\nsha256 <64 hex digits>\n"
// over every byte before it, so that an edited, damaged or truncated file is recognised.
QByteArray sha256Line(QByteArrayView content);
constexpr qsizetype kSha256LineSize = 8 + 64 + 1; // "\nsha256 " + 64 hex digits + "\n"

} // namespace cmtl
