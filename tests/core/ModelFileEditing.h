#pragma once

// Taking a model file apart and signing an edited one, for tests that feed the reader files whose
// checksum is right but whose content is not (the reader must validate the meaning too).

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace cmtl::testing {

struct ModelFileParts {
    int version = 0;
    QJsonObject header;
    QByteArray weights;
};

inline ModelFileParts modelFileParts(const QByteArray &file)
{
    const qsizetype firstLineEnd = file.indexOf('\n');
    const QList<QByteArray> fields = file.first(firstLineEnd).split(' ');
    const qsizetype jsonSize = fields[2].toLongLong(), weightSize = fields[3].toLongLong();
    return {fields[1].toInt(), QJsonDocument::fromJson(file.sliced(firstLineEnd + 1, jsonSize)).object(),
            file.sliced(firstLineEnd + 1 + jsonSize, weightSize)};
}

// A model file of `header` and `weights` with a correct first line and checksum.
inline QByteArray signedModelFile(const QJsonObject &header, const QByteArray &weights, int version)
{
    const QByteArray json = QJsonDocument(header).toJson();
    QByteArray file = "CreditMTL-model " + QByteArray::number(version) + ' ' + QByteArray::number(json.size()) + ' ' +
                      QByteArray::number(weights.size()) + '\n' + json + weights;
    file += "\nsha256 " + QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex() + "\n";
    return file;
}

// `root` with the value at `path` replaced, e.g. {"preprocessing", "numeric", "0", "scale"}: the
// names of objects' fields and the indices of arrays' elements, from the root down.
inline QJsonValue withValueAt(const QJsonValue &root, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString step = path.takeFirst();
    if (root.isArray()) {
        QJsonArray array = root.toArray();
        const qsizetype index = step.toLongLong();
        array[index] = withValueAt(array[index], path, value);
        return array;
    }
    QJsonObject object = root.toObject();
    object[step] = withValueAt(object[step], path, value);
    return object;
}

// A model header with one value replaced; `path` as "preprocessing/numeric/0/scale".
inline QJsonObject editedHeader(const QJsonObject &header, const QString &path, const QJsonValue &value)
{
    return withValueAt(header, path.split(QLatin1Char('/')), value).toObject();
}

} // namespace cmtl::testing
