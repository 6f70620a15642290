#pragma once

// The JSON form of a feature's binning (its bins' bounds or levels, counts and WoE), shared by
// the model file (WoE inputs) and the scorecard file.
//
//   {"feature": "income", "categorical": false,
//    "bins": [{"kind": "range", "upper": 35000, "events": 40, "non_events": 160, "woe": -0.3}, ...]}
//
// kind is "range" (values in (lower, upper]; an absent lower / upper is -inf / +inf), "levels"
// ("levels": [...]), "special" ("value": a number, or "levels": [the level] for a categorical
// feature) or "missing".

#include "binning/Binning.h"
#include "io/JsonReader.h"

#include <QJsonObject>

namespace cmtl {

QJsonObject binToJson(const Bin &bin);
QJsonObject binningToJson(const FeatureBinning &binning);
// Reads what binningToJson wrote; the bins' statistics are recomputed from their counts, except
// the WoE, which is read as stored (it is what the model was fitted with). Throws DataError
// naming the field for a missing, mistyped or meaningless value (e.g. a range whose lower bound
// is not below its upper bound, a non-finite WoE).
FeatureBinning binningFromJson(const json::JsonReader &reader);
Bin binFromJson(const json::JsonReader &reader, bool categorical);

} // namespace cmtl
