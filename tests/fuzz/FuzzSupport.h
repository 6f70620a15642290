#pragma once

#include "common/Error.h"

#include <cstddef>
#include <cstdint>

namespace cmtl::fuzz {

// Runs one reader on one input. The refusals a user sees (DataError, ConfigError) are the expected
// outcome of bad bytes; any other exception escapes and libFuzzer reports it as a finding.
template <typename Read>
int expectClearRefusal(Read &&read)
{
    try {
        read();
    } catch (const DataError &) {
    } catch (const ConfigError &) {
    }
    return 0;
}

} // namespace cmtl::fuzz
