#pragma once

#include <QByteArray>

#include <string>

namespace cmtl {

// Writes `bytes` to a temporary file beside `path` and renames it over `path` only once the
// whole content is on disk (QSaveFile), so an existing file is never half overwritten.
// Throws DataError naming the path and the system's reason on failure.
void writeFileAtomically(const std::string &path, const QByteArray &bytes);

// Reads a whole file; throws DataError naming the path when it cannot.
QByteArray readWholeFile(const std::string &path);

} // namespace cmtl
