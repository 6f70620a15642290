#pragma once

// The bundled Lending Club sample (samples/lending_club.csv) in parts, for tests that want a
// smaller file of real loans.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace cmtl::testing {

// The sample's header line and its first `rows` loans (fewer when it has fewer); empty when the
// sample cannot be read.
inline QByteArray sampleHead(int rows)
{
    QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
    if (!sample.open(QIODevice::ReadOnly))
        return {};
    QByteArray part;
    for (int line = 0; line <= rows && !sample.atEnd(); ++line)
        part += sample.readLine();
    return part;
}

// Writes `bytes` to `path` (replacing it); false when the file cannot be written whole.
inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace cmtl::testing
