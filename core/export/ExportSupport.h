#pragma once

#include <string>

namespace cmtl {

class MultiTaskModel;

// Throws ConfigError when the model has nothing to export (no task) or uses a step of
// preprocessing or of the network that the exporters (ONNX, SQL) do not write, naming the step,
// the format and what to do instead. An export that left such a step out would score every loan
// differently from `predict` without a word; refusing is the honest answer until it is written.
void refuseUnexportedSteps(const MultiTaskModel &model, const std::string &format);

} // namespace cmtl
