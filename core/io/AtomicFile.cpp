#include "io/AtomicFile.h"

#include "common/Error.h"

#include <QFile>
#include <QSaveFile>

namespace cmtl {

void writeFileAtomically(const std::string &path, const QByteArray &bytes)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw DataError({path, 0, {}}, "cannot write: " + file.errorString().toStdString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw DataError({path, 0, {}}, "cannot write: " + file.errorString().toStdString());
}

QByteArray readWholeFile(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw DataError({path, 0, {}}, "cannot open: " + file.errorString().toStdString());
    return file.readAll();
}

} // namespace cmtl
