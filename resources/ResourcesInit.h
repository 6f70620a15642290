#pragma once

namespace cmtl {

// Registers the icons and the compiled translations (a static library's resources need it).
void initResources();

} // namespace cmtl
