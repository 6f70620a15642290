#include "export/ExportSupport.h"

#include "common/Error.h"
#include "model/MultiTaskModel.h"

namespace cmtl {

void refuseUnexportedSteps(const MultiTaskModel &model, const std::string &format)
{
    // Every preprocessing step (numeric, one-hot, weight of evidence) and every part of the
    // network (each architecture, the heads, the wide & deep path) is written by both exports; a
    // part added later that they do not write is refused here, by name: a seed ensemble.
    if (model.tasks().empty())
        throw ConfigError("cannot export to " + format + ": the model has no task (an empty model)");
    if (model.memberCount() > 1)
        throw ConfigError("cannot export to " + format + ": the model is a seed ensemble of " +
                          std::to_string(model.memberCount()) + " networks (--ensemble " +
                          std::to_string(model.memberCount()) + "), which the " + format +
                          " export does not write yet; train the model with --ensemble 1 to export it, or score it "
                          "with creditmtl-cli predict");
}

} // namespace cmtl
