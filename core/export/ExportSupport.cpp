#include "export/ExportSupport.h"

#include "common/Error.h"
#include "model/MultiTaskModel.h"

namespace cmtl {

void refuseUnexportedSteps(const MultiTaskModel &model, const std::string &format)
{
    if (model.memberCount() > 1)
        throw ConfigError("cannot export to " + format + ": the model is a seed ensemble of " +
                          std::to_string(model.memberCount()) + " networks (--ensemble " +
                          std::to_string(model.memberCount()) + "), which the " + format +
                          " export does not write yet; train the model with --ensemble 1 to export it, or score it "
                          "with creditmtl-cli predict");
    if (model.network().spec().wide)
        throw ConfigError("cannot export to " + format +
                          ": the model has the wide & deep linear path (--wide on), which the " + format +
                          " export does not write yet; train the model with --wide off to export it, or score it "
                          "with creditmtl-cli predict");
    const auto &woe = model.preprocessor().woe;
    if (!woe.empty()) {
        std::string columns;
        for (std::size_t i = 0; i < woe.size(); ++i)
            columns += (i ? ", " : "") + woe[i].feature;
        throw ConfigError("cannot export to " + format + ": the model replaces " + std::to_string(woe.size()) +
                          " column(s) by their weight of evidence (--woe: " + columns + "), which the " + format +
                          " export does not encode yet; train the model without --woe to export it, or score it "
                          "with creditmtl-cli predict");
    }
}

} // namespace cmtl
