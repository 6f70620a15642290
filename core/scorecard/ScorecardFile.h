#pragma once

// A scorecard's points table as a CSV (for reading) and a JSON file (for reading back:
// `creditmtl-cli predict --scorecard card.json`).
//
// JSON: {"format": "creditmtl-scorecard", "format_version": 1, "task": {"column", "positive_class"},
//   "scaling": {"base_points", "base_odds", "pdo", "factor", "offset"}, "intercept",
//   "intercept_points", "features": [{"feature", "categorical", "coefficient", "iv",
//   "bins": [{kind, bounds or levels (see io/BinningJson.h), events, non_events, woe, "label",
//   "points"}]}], "warnings", and "notes" stating the intercept handling and the score formula}.
// Numbers are written in their shortest exact form, so a card read back scores exactly as the
// card written.

#include "scorecard/Scorecard.h"

#include <QByteArray>
#include <QByteArrayView>

#include <string>

namespace cmtl {

constexpr int kScorecardFormatVersion = 1;

QByteArray scorecardToJson(const Scorecard &card);
// Throws DataError naming `sourceName`, and the line and column for a JSON syntax error or the
// field for a missing, mistyped or meaningless value.
Scorecard scorecardFromJson(QByteArrayView bytes, const std::string &sourceName);
Scorecard loadScorecardFile(const std::string &path);

// feature,bin,kind,lower,upper,levels,count,events,event_rate,woe,coefficient,points; the first
// row is the intercept's points ("(intercept)").
QByteArray scorecardToCsv(const Scorecard &card);

} // namespace cmtl
