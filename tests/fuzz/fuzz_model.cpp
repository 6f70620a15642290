// Fuzzes the model reader past its checksum: the input is a model file without its last line,
// and the target signs it (appends the SHA-256 line) before parsing, so that mutations reach the
// header's sizes, the JSON and the weights. A model that parses must survive a save and a reload.

#include "FuzzSupport.h"
#include "io/ModelFile.h"
#include "io/SealedFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray signedFile = content + cmtl::sha256Line(content);
    cmtl::ModelFileContents contents;
    bool parsed = false;
    cmtl::fuzz::expectClearRefusal([&] {
        contents = cmtl::parseModel(signedFile, "fuzz.cmtl");
        parsed = true;
    });
    // Outside the refusals: a model that was read must be written and read again.
    if (parsed)
        cmtl::parseModel(cmtl::serializeModel(contents), "fuzz-resaved.cmtl");
    return 0;
}
