#include "io/Checksum.h"

#include <QCryptographicHash>

namespace cmtl {

QByteArray sha256Line(QByteArrayView content)
{
    return "\nsha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n";
}

} // namespace cmtl
