// Fuzzes the project reader past its checksum, as fuzz_model does: the input is a project file
// without its last line, signed here before parsing. A project that parses must survive a save
// and a reload.

#include "FuzzSupport.h"
#include "io/SealedFile.h"
#include "project/ProjectFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray signedFile = content + cmtl::sha256Line(content);
    cmtl::ProjectContents contents;
    bool parsed = false;
    cmtl::fuzz::expectClearRefusal([&] {
        contents = cmtl::parseProject(signedFile, "fuzz.cmtlproj");
        parsed = true;
    });
    // Outside the refusals: a project that was read must be written and read again.
    if (parsed)
        cmtl::parseProject(cmtl::serializeProject(contents), "fuzz-resaved.cmtlproj");
    return 0;
}
