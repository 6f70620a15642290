#pragma once

#include "model/MultiTaskModel.h"
#include "scorecard/Scorecard.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cmtl {

// The SQL engines the scoring query is written for. Both run the same query; they differ in a few
// spellings (GREATEST for SQLite's two-argument max, the type of a double) and in what a missing
// number can be (PostgreSQL stores NaN, SQLite turns it into NULL).
enum class SqlDialect { SQLite, PostgreSQL };

const char *toString(SqlDialect dialect);
// "sqlite" or "postgresql"; throws ConfigError naming the accepted values otherwise.
SqlDialect sqlDialectFromString(const std::string &text);

struct SqlExportOptions {
    SqlDialect dialect = SqlDialect::SQLite;
    // The table (or view) the query reads, holding the model's input columns: one name, quoted
    // as it is (a table of another schema is read through a view of that name).
    std::string table = "data";
    // Columns of the table returned first, as they are (IDs), before the predictions.
    std::vector<std::string> keep;
};

// The limits of what the query may hold. Every weight of the network becomes one product in the
// query's text (about 40 bytes), and every unit of a layer one column of an intermediate table:
// - kMaxSqlWeights: measured on two shared cores, a network of 74,000 weights (2.9 MB of SQL) is
//   planned by PostgreSQL 15 in 5 s and compiled by SQLite 3.40 in 2.6 s (146 MB); each row then
//   costs 0.2 (PostgreSQL) to 0.4 (SQLite) microseconds per weight. At 250,000 weights PostgreSQL
//   took 90 s to plan and SQLite 480 MB to compile: the limit is 100,000. The default 128,64
//   network on the sample's inputs has about 25,000 weights.
// - kMaxSqlColumns: the columns of one intermediate table (the widest layer of all experts or
//   tasks together, plus the --keep columns); PostgreSQL allows 1,664 and SQLite 2,000.
constexpr std::int64_t kMaxSqlWeights = 100'000;
constexpr std::int64_t kMaxSqlColumns = 1'600;

// One SELECT (with a chain of materialised common table expressions, one per layer) that returns,
// for every row of options.table, the options.keep columns and then the model's predictions, named
// and ordered as predictionColumnNames() names them, computed as MultiTaskModel::predict does:
// missing numbers imputed, numbers clipped to the training range and standardised, categorical
// levels one-hot encoded (missing as the level "(missing)", unseen and pooled levels as "(other)"),
// the network's layers, then the sigmoid, softmax or the target's unit. Numbers are written with
// 17 significant digits, so that every stored float32 weight reads back exactly; the arithmetic is
// double precision, so the query agrees with predict (float32) to about 1e-6.
// Throws ConfigError when the network exceeds the limits above, or when a name is unusable (an
// empty table name, a --keep column named twice or named as a prediction column).
std::string exportSql(const MultiTaskModel &model, const SqlExportOptions &options);

// One SELECT that scores every row of options.table with a points scorecard as `predict
// --scorecard` does: the options.keep columns, then "<task>.points" (the intercept's points plus,
// per feature, a CASE giving the points of the cell's bin; 0 for a cell no bin holds) and
// "<task>.probability" (the event probability the points imply). Bins are found as for the WoE
// inputs of exportSql. Throws ConfigError for unusable names, as exportSql does.
std::string exportScorecardSql(const Scorecard &card, const SqlExportOptions &options);

} // namespace cmtl
