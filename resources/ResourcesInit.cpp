#include "ResourcesInit.h"

#include <QtCore/qresource.h>

static void initCmtlResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace cmtl {

void initResources()
{
    initCmtlResources();
}

} // namespace cmtl
