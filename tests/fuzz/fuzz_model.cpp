// Fuzzes the model reader past its checksum: the input is a model file without its last line,
// and the target signs it (appends the SHA-256 line) before parsing, so that mutations reach the
// header's sizes, the JSON and the weights. A model that parses must survive a save and a reload.

#include "FuzzSupport.h"
#include "io/ModelFile.h"

#include <QCryptographicHash>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray signedFile =
        content + "\nsha256 " + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex() + "\n";
    return cmtl::fuzz::expectClearRefusal([&] {
        const cmtl::ModelFileContents contents = cmtl::parseModel(signedFile, "fuzz.cmtl");
        const QByteArray saved = cmtl::serializeModel(contents);
        cmtl::parseModel(saved, "fuzz-resaved.cmtl");
    });
}
