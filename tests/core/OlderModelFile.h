#pragma once

// A model file as versions before the stored training ranges wrote it, for the tests that check
// such files still load (unclipped, with a note).

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace cmtl::testing {

// `model` (a whole .cmtl file) without "lowest" and "highest" in its numeric steps, its sizes and
// checksum recomputed.
inline QByteArray withoutTrainingRanges(const QByteArray &model)
{
    const qsizetype firstLineEnd = model.indexOf('\n');
    const QList<QByteArray> fields = model.first(firstLineEnd).split(' ');
    const qsizetype jsonSize = fields[2].toLongLong(), weightSize = fields[3].toLongLong();
    QJsonObject header = QJsonDocument::fromJson(model.mid(firstLineEnd + 1, jsonSize)).object();
    QJsonObject preprocessing = header[QStringLiteral("preprocessing")].toObject();
    QJsonArray numeric = preprocessing[QStringLiteral("numeric")].toArray();
    for (qsizetype i = 0; i < numeric.size(); ++i) {
        QJsonObject step = numeric[i].toObject();
        step.remove(QStringLiteral("lowest"));
        step.remove(QStringLiteral("highest"));
        numeric[i] = step;
    }
    preprocessing[QStringLiteral("numeric")] = numeric;
    header[QStringLiteral("preprocessing")] = preprocessing;
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Indented);
    QByteArray older = fields[0] + ' ' + fields[1] + ' ' + QByteArray::number(json.size()) + ' ' +
                       QByteArray::number(weightSize) + '\n' + json +
                       model.mid(firstLineEnd + 1 + jsonSize, weightSize);
    older += "\nsha256 " + QCryptographicHash::hash(older, QCryptographicHash::Sha256).toHex() + "\n";
    return older;
}

} // namespace cmtl::testing
