// Fuzzes the run-configuration reader (creditmtl-cli --config, --save-config files).

#include "FuzzSupport.h"
#include "io/ConfigJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    return cmtl::fuzz::expectClearRefusal([&] { cmtl::parseRunConfiguration(bytes, "fuzz.json"); });
}
