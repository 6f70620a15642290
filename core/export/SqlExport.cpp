#include "export/SqlExport.h"

#include "common/Error.h"
#include "csv/CsvReader.h"
#include "export/ExportSupport.h"
#include "io/PredictionsCsv.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <set>
#include <utility>

namespace cmtl {

const char *toString(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::SQLite:
        return "sqlite";
    case SqlDialect::PostgreSQL:
        return "postgresql";
    }
    return "?";
}

SqlDialect sqlDialectFromString(const std::string &text)
{
    for (const SqlDialect dialect : {SqlDialect::SQLite, SqlDialect::PostgreSQL}) {
        if (text == toString(dialect))
            return dialect;
    }
    throw ConfigError("unknown SQL dialect \"" + text + "\": expected sqlite or postgresql");
}

namespace {

// `text` between two `quote` characters, inner ones doubled: the SQL quoting of identifiers (")
// and of string literals ('), the same in both dialects (PostgreSQL reads backslashes literally,
// as standard_conforming_strings has been on by default since 9.1).
std::string quoted(const std::string &text, char quote)
{
    std::string result(1, quote);
    for (const char c : text) {
        if (c == quote)
            result += quote;
        result += c;
    }
    return result + quote;
}

std::string quoteIdentifier(const std::string &name)
{
    return quoted(name, '"');
}

std::string quoteText(const std::string &text)
{
    return quoted(text, '\'');
}

// A finite number with 17 significant digits (every float32 and float64 reads back exactly),
// always with a decimal point or an exponent (SQLite would read "3" as an integer, and 3 / 2 as
// 1), negative numbers in parentheses (so that "x - -1" never becomes the comment "--").
std::string literal(double value)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    std::string text(buffer);
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return std::signbit(value) ? "(" + text + ")" : text;
}

// The sum of terms as a balanced tree of additions: its depth grows with log2 of the count, far
// below SQLite's expression depth limit (1,000) and PostgreSQL's stack, which a left-deep chain
// of a thousand additions would exceed.
std::string sumOf(const std::vector<std::string> &terms, std::size_t begin, std::size_t end)
{
    if (end - begin == 1)
        return terms[begin];
    const std::size_t middle = begin + (end - begin) / 2;
    return "(" + sumOf(terms, begin, middle) + " + " + sumOf(terms, middle, end) + ")";
}

std::string sumOf(const std::vector<std::string> &terms)
{
    return sumOf(terms, 0, terms.size());
}

// The query as a chain of stages, each a materialised common table expression that reads the
// previous one. Materialised, because an inlined stage would have its expressions copied into
// every reference of the next (a unit of layer 2 names every unit of layer 1): the query's cost
// would multiply with each layer.
class QueryWriter {
public:
    QueryWriter(SqlDialect dialect, std::size_t keepCount) : m_dialect(dialect), m_keepCount(keepCount) {}

    SqlDialect dialect() const { return m_dialect; }

    // Starts the next stage. Every stage passes on the kept columns; other columns of the previous
    // stage pass on only when carried.
    void beginStage(const std::string &what)
    {
        m_stages.push_back({what, {}, {}});
        if (m_stages.size() > 1) {
            for (std::size_t k = 0; k < m_keepCount; ++k)
                carry(keptName(k));
            carry(m_carriedThrough);
            carry(m_carriedAcrossMembers);
        }
    }
    // Columns every later stage passes on, until stopped (the wide path's outputs, computed from
    // the inputs and added to the heads' outputs many stages later).
    void carryThrough(const std::vector<std::string> &names) { m_carriedThrough = names; }
    void stopCarryingThrough() { m_carriedThrough.clear(); }
    // Columns every later stage passes on while the members of a seed ensemble are computed one
    // after the other: the network's inputs (read by every member) and the earlier members'
    // predictions (averaged at the end).
    void carryAcrossMembers(const std::vector<std::string> &names) { m_carriedAcrossMembers = names; }
    // Passes a column of the previous stage on, once: a column a stage already passes on (an
    // input carried across members that the stage also reads) is not repeated.
    void carry(const std::string &name)
    {
        Stage &stage = m_stages.back();
        if (stage.names.insert(name).second)
            stage.columns.emplace_back(name, name);
    }
    void carry(const std::vector<std::string> &names)
    {
        for (const std::string &name : names)
            carry(name);
    }
    // Adds a column under a name of the caller's.
    void addNamed(const std::string &expression, const std::string &name)
    {
        m_stages.back().names.insert(name);
        m_stages.back().columns.emplace_back(name, expression);
    }
    // Adds a column computed by `expression` to the current stage and returns its name.
    std::string add(const std::string &expression)
    {
        std::string name = "cmtl_v" + std::to_string(m_nextColumn++);
        addNamed(expression, name);
        return name;
    }
    static std::string keptName(std::size_t k) { return "cmtl_k" + std::to_string(k); }

    // max(0, x), the larger of two, e^x (x <= 0 everywhere it is used: no overflow) and a double.
    std::string relu(const std::string &x) const { return larger("0.0", x); }
    std::string larger(const std::string &a, const std::string &b) const
    {
        return (m_dialect == SqlDialect::PostgreSQL ? "GREATEST(" : "max(") + a + ", " + b + ")";
    }
    // PostgreSQL raises an error when exp underflows: below -700 (where e^x < 1e-304, zero for
    // every purpose of a probability) the argument is held at -700.
    std::string exp(const std::string &x) const { return "exp(" + larger(x, "(-700.0)") + ")"; }
    // A weight, multiplied with (or added to) `column`. SQLite compiles each constant operand of
    // an arithmetic operator by comparing it with every constant compiled before (to reuse equal
    // ones): with one distinct constant per weight, compiling takes time quadratic in the weights
    // (20,000 weights: 12 s, 40,000: a minute). A constant that is the argument of ifnull() is
    // compiled without that search; ifnull(w, column) is w, as w is never NULL. PostgreSQL has no
    // such search: there the weight is the number itself.
    std::string weight(double value, const std::string &column) const
    {
        if (m_dialect == SqlDialect::SQLite)
            return "ifnull(" + literal(value) + ", " + column + ")";
        return literal(value);
    }
    std::string doubleType() const { return m_dialect == SqlDialect::PostgreSQL ? "DOUBLE PRECISION" : "REAL"; }
    std::string one() const { return m_dialect == SqlDialect::PostgreSQL ? "CAST(1.0 AS DOUBLE PRECISION)" : "1.0"; }
    std::string zero() const { return m_dialect == SqlDialect::PostgreSQL ? "CAST(0.0 AS DOUBLE PRECISION)" : "0.0"; }

    // The query: the stages, the first reading `table`, then the final select list (expression,
    // output name) over the last stage.
    std::string text(const std::string &header, const std::string &table,
                     const std::vector<std::pair<std::string, std::string>> &outputs) const
    {
        std::string sql = header;
        sql += "WITH\n";
        for (std::size_t s = 0; s < m_stages.size(); ++s) {
            const Stage &stage = m_stages[s];
            sql += "-- " + stage.what + "\n";
            sql += stageName(s) + " AS MATERIALIZED (\n  SELECT\n";
            for (std::size_t c = 0; c < stage.columns.size(); ++c) {
                const auto &[name, expression] = stage.columns[c];
                sql += "    " + (expression == name ? name : expression + " AS " + name);
                sql += c + 1 < stage.columns.size() ? ",\n" : "\n";
            }
            sql += "  FROM " + (s == 0 ? table : stageName(s - 1)) + "\n";
            sql += s + 1 < m_stages.size() ? "),\n" : ")\n";
        }
        sql += "SELECT\n";
        for (std::size_t c = 0; c < outputs.size(); ++c) {
            sql += "  " + outputs[c].first + " AS " + outputs[c].second;
            sql += c + 1 < outputs.size() ? ",\n" : "\n";
        }
        sql += "FROM " + stageName(m_stages.size() - 1) + ";\n";
        return sql;
    }

    // Refuses a stage wider than the engines' column limits (see kMaxSqlColumns).
    void checkWidths() const
    {
        for (const Stage &stage : m_stages) {
            if (static_cast<std::int64_t>(stage.columns.size()) > kMaxSqlColumns)
                throw ConfigError("the SQL export needs " + std::to_string(stage.columns.size()) +
                                  " columns for one step (" + stage.what + "), more than the limit of " +
                                  std::to_string(kMaxSqlColumns) +
                                  " (PostgreSQL allows 1,664 columns in a select, SQLite 2,000); train a network "
                                  "with narrower layers or fewer experts, or keep fewer columns");
        }
    }

private:
    struct Stage {
        std::string what;
        std::vector<std::pair<std::string, std::string>> columns; // (name, expression)
        std::set<std::string> names;                              // the names of `columns`
    };
    static std::string stageName(std::size_t s) { return "cmtl_s" + std::to_string(s); }

    SqlDialect m_dialect;
    std::size_t m_keepCount;
    std::vector<std::string> m_carriedThrough;
    std::vector<std::string> m_carriedAcrossMembers;
    std::vector<Stage> m_stages;
    std::size_t m_nextColumn = 0;
};

using Names = std::vector<std::string>;

// The table is read under this alias, and its columns are named through it: SQLite reads a
// double-quoted name that is no column as a string literal ("annual_inc" would score as the text
// 'annual_inc', a number 0), unless the name is qualified; qualified, a missing column is an error.
constexpr const char *kTableAlias = "cmtl_table";

std::string tableColumn(const std::string &column)
{
    return std::string(kTableAlias) + "." + quoteIdentifier(column);
}

// One fully connected layer's outputs over `inputs` (column names of the current stage's source),
// with ReLU unless `linear`: weights are (outputs x inputs) column-major, then the bias.
Names denseLayer(const QueryWriter &writer, const DenseShape &shape, const float *parameters, const Names &inputs,
                 bool linear)
{
    Names units;
    for (Eigen::Index unit = 0; unit < shape.outputs; ++unit) {
        std::vector<std::string> terms;
        terms.reserve(inputs.size() + 1);
        for (Eigen::Index input = 0; input < shape.inputs; ++input) {
            const float weight = parameters[shape.weightOffset + input * shape.outputs + unit];
            const std::string &x = inputs[static_cast<std::size_t>(input)];
            terms.push_back(x + " * " + writer.weight(weight, x));
        }
        terms.push_back(writer.weight(parameters[shape.biasOffset + unit], inputs.front()));
        const std::string sum = sumOf(terms);
        units.push_back(linear ? sum : writer.relu(sum));
    }
    return units;
}

// Adds `layers` of `chains` (one per group: experts, tasks), layer by layer, one stage per layer;
// `carried` columns pass through every stage. Returns each chain's output columns.
std::vector<Names> addChains(QueryWriter &writer, const std::vector<const DenseChain *> &chains,
                             std::vector<Names> inputs, const float *parameters, const Names &carried,
                             const std::string &what)
{
    std::size_t depth = 0;
    for (const DenseChain *chain : chains)
        depth = std::max(depth, chain->layers.size());
    for (std::size_t layer = 0; layer < depth; ++layer) {
        writer.beginStage(what + ", layer " + std::to_string(layer + 1));
        writer.carry(carried);
        for (std::size_t c = 0; c < chains.size(); ++c) {
            const DenseChain &chain = *chains[c];
            if (layer >= chain.layers.size()) {
                writer.carry(inputs[c]);
                continue;
            }
            const bool linear = chain.linearOutput && layer + 1 == chain.layers.size();
            Names outputs;
            for (const std::string &unit : denseLayer(writer, chain.layers[layer], parameters, inputs[c], linear))
                outputs.push_back(writer.add(unit));
            inputs[c] = std::move(outputs);
        }
    }
    return inputs;
}

// The largest of columns, as a balanced tree of two-argument maxima (see sumOf).
std::string largestOf(const QueryWriter &writer, const Names &names, std::size_t begin, std::size_t end)
{
    if (end - begin == 1)
        return names[begin];
    const std::size_t middle = begin + (end - begin) / 2;
    return writer.larger(largestOf(writer, names, begin, middle), largestOf(writer, names, middle, end));
}

// The softmax of each group of logits, in three stages (largest logit; e^(logit - largest) and
// their sum; the quotients), as Softmax.h computes it. Returns the probabilities' columns.
std::vector<Names> addSoftmax(QueryWriter &writer, const std::vector<Names> &logits, const Names &carried,
                              const std::string &what)
{
    writer.beginStage(what + ": the largest logit");
    writer.carry(carried);
    Names largest;
    for (const Names &group : logits) {
        writer.carry(group);
        largest.push_back(writer.add(largestOf(writer, group, 0, group.size())));
    }
    writer.beginStage(what + ": exponentials");
    writer.carry(carried);
    std::vector<Names> exponentials(logits.size());
    Names sums;
    for (std::size_t g = 0; g < logits.size(); ++g) {
        for (const std::string &logit : logits[g])
            exponentials[g].push_back(writer.add(writer.exp(logit + " - " + largest[g])));
    }
    writer.beginStage(what + ": sums");
    writer.carry(carried);
    for (const Names &group : exponentials) {
        writer.carry(group);
        sums.push_back(writer.add(sumOf(group)));
    }
    writer.beginStage(what + ": probabilities");
    writer.carry(carried);
    std::vector<Names> probabilities(logits.size());
    for (std::size_t g = 0; g < logits.size(); ++g) {
        for (const std::string &exponential : exponentials[g])
            probabilities[g].push_back(writer.add(exponential + " / " + sums[g]));
    }
    return probabilities;
}

Names flatten(const std::vector<Names> &groups)
{
    Names all;
    for (const Names &group : groups)
        all.insert(all.end(), group.begin(), group.end());
    return all;
}

std::string listOfTexts(const std::vector<std::string> &texts);

// Weight-of-evidence bins compare predict's float32 reading of a cell (a double bound against
// the widened float, see numericBin); the query holds the table's double. The comparisons are
// moved to the double thresholds that decide the float reading the same way, so that a value on a
// bin's bound lands in the same bin (the bounds are training values, so the sample has many).

// The largest float at most `value`.
float floatAtMost(double value)
{
    float f = static_cast<float>(value);
    if (static_cast<double>(f) > value)
        f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    return f;
}

// The condition that `value` (a double column) reads as a float at most the float `bound`: below
// the midpoint between `bound` and the next float up, or on it when rounding to the nearest even
// float goes to `bound` (an even last significand bit).
std::string readsAtMost(const std::string &value, float bound)
{
    const float next = std::nextafter(bound, std::numeric_limits<float>::infinity());
    const double step = std::isinf(next) ? static_cast<double>(bound) - std::nextafter(bound, 0.0f)
                                         : static_cast<double>(next) - static_cast<double>(bound);
    const bool even = (std::bit_cast<std::uint32_t>(bound) & 1u) == 0;
    return value + (even ? " <= " : " < ") + literal(static_cast<double>(bound) + step / 2);
}

// The number each cell of a binned column stands for (its bin's WoE, or its points): given per bin
// by `valueOfBin`, 0 for a cell no bin holds, as WoeEncoder finds the bin. `cell` is the column's
// stage-1 value (NULL where missing). Numeric: the missing bin for NULL, a special value's bin
// before the range bin (lower, upper] that holds the value. Categorical: the first bin listing the
// level.
std::string binnedValue(const QueryWriter &writer, const FeatureBinning &binning, const std::string &cell,
                        const std::function<double(std::size_t)> &valueOfBin)
{
    std::string missingValue = literal(0.0), cases;
    for (std::size_t i = 0; i < binning.bins.size(); ++i) {
        const Bin &bin = binning.bins[i];
        if (bin.kind == BinKind::Missing)
            missingValue = literal(valueOfBin(i));
        if (binning.categorical) {
            if ((bin.kind == BinKind::Levels || bin.kind == BinKind::Special) && !bin.levels.empty())
                cases += " WHEN " + cell + " IN (" + listOfTexts(bin.levels) + ") THEN " + literal(valueOfBin(i));
        } else if (bin.kind == BinKind::Special) {
            // float(x) == special: at most the special value, and not at most the float below it.
            const float special = static_cast<float>(bin.special);
            cases += " WHEN " + readsAtMost(cell, special) + " AND NOT (" +
                     readsAtMost(cell, std::nextafter(special, -std::numeric_limits<float>::infinity())) + ") THEN " +
                     literal(valueOfBin(i));
        }
    }
    for (std::size_t i = 0; i < binning.bins.size() && !binning.categorical; ++i) {
        const Bin &bin = binning.bins[i];
        if (bin.kind != BinKind::Range)
            continue;
        std::string inside;
        if (std::isfinite(bin.lower))
            inside = "NOT (" + readsAtMost(cell, floatAtMost(bin.lower)) + ")";
        if (std::isfinite(bin.upper))
            inside += (inside.empty() ? "" : " AND ") + readsAtMost(cell, floatAtMost(bin.upper));
        cases += " WHEN " + (inside.empty() ? cell + " IS NOT NULL" : inside) + " THEN " + literal(valueOfBin(i));
    }
    return "CAST(CASE WHEN " + cell + " IS NULL THEN " + missingValue + cases + " ELSE 0.0 END AS " +
           writer.doubleType() + ")";
}

// A weight-of-evidence input: the bin's WoE as the float Preprocessor::transform makes of it.
std::string woeInput(const QueryWriter &writer, const FeatureBinning &binning, const std::string &cell)
{
    return binnedValue(writer, binning, cell,
                       [&](std::size_t bin) { return static_cast<double>(static_cast<float>(binning.bins[bin].woe)); });
}

// Wide & deep: task t's linear layer from the inputs (outputs x inputs, column-major, no bias).
Names wideLayer(QueryWriter &writer, const MultiTaskNetwork &network, const float *parameters, const Names &inputs,
                std::size_t t)
{
    const Eigen::Index outputs = network.spec().taskOutputs[t];
    Names units;
    for (Eigen::Index unit = 0; unit < outputs; ++unit) {
        std::vector<std::string> terms;
        for (std::size_t input = 0; input < inputs.size(); ++input) {
            const float weight = parameters[network.wideOffset(t) + static_cast<Eigen::Index>(input) * outputs + unit];
            terms.push_back(inputs[input] + " * " + writer.weight(weight, inputs[input]));
        }
        units.push_back(writer.add(sumOf(terms)));
    }
    return units;
}

// Stage 1 of a query: a numeric column's value, NULL where the reader would read a missing cell
// (`missingCells`, compared after trimming).
std::string readNumber(QueryWriter &writer, const std::string &column, const std::vector<std::string> &missingCells)
{
    const std::string cell = tableColumn(column);
    const std::string value = "CAST(" + cell + " AS " + writer.doubleType() + ")";
    // Missing: NULL; in SQLite (whose columns hold any type) also the reader's missing texts;
    // in PostgreSQL also NaN (which compares greater than every number there).
    std::string missing = cell + " IS NULL";
    if (writer.dialect() == SqlDialect::SQLite)
        missing += " OR (typeof(" + cell + ") = 'text' AND trim(" + cell + ") IN (" + listOfTexts(missingCells) + "))";
    else
        missing += " OR " + value + " = CAST('NaN' AS DOUBLE PRECISION)";
    // A value the model reads as missing in this column that is a number (a -1 that means
    // "not asked") makes that number missing, as the reader does.
    for (const std::string &text : missingCells) {
        double number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (!text.empty() && error == std::errc() && end == text.data() + text.size() && std::isfinite(number))
            missing += " OR " + value + " = " + literal(number);
    }
    return writer.add("CASE WHEN " + missing + " THEN NULL ELSE " + value + " END");
}

// Stage 1: a categorical column's text, NULL where the reader would read a missing cell.
std::string readText(QueryWriter &writer, const std::string &column, const std::vector<std::string> &missingCells)
{
    const std::string text = "CAST(" + tableColumn(column) + " AS TEXT)";
    return writer.add("CASE WHEN " + text + " IS NULL OR trim(" + text + ") IN (" + listOfTexts(missingCells) +
                      ") THEN NULL ELSE " + text + " END");
}

// What the CSV reader reads as a missing cell in `column` (see readForModel): the default tokens
// and the values the model stores for the column, compared after trimming blanks.
std::vector<std::string> missingTexts(const MultiTaskModel &model, const std::string &column)
{
    std::vector<std::string> texts = CsvOptions{}.missingTokens;
    texts.insert(texts.begin(), std::string());
    const auto found = model.inputMissingValues().find(column);
    if (found != model.inputMissingValues().end())
        texts.insert(texts.end(), found->second.begin(), found->second.end());
    return texts;
}

std::string listOfTexts(const std::vector<std::string> &texts)
{
    std::string list;
    for (const std::string &text : texts)
        list += (list.empty() ? "" : ", ") + quoteText(text);
    return list;
}

// Refuses a table name or --keep columns the query cannot use: control characters, an empty
// name, a column kept twice or named as a prediction column.
void checkNames(const SqlExportOptions &options, const std::vector<std::string> &outputNames)
{
    // A name is written in quotes in the query and, for the table, in its header comment: a line
    // break would end the comment and make the rest of the name SQL.
    const auto refuseControlCharacters = [](const std::string &name, const char *what) {
        const auto control = std::find_if(name.begin(), name.end(),
                                          [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
        if (control != name.end())
            throw ConfigError(
                std::string(what) + " \"" + name.substr(0, static_cast<std::size_t>(control - name.begin())) +
                "...\" holds a control character (code " + std::to_string(static_cast<unsigned char>(*control)) +
                ") at position " + std::to_string(control - name.begin() + 1) +
                "; name the column or table without line breaks or control characters");
    };
    refuseControlCharacters(options.table, "the SQL table name");
    for (const std::string &column : options.keep)
        refuseControlCharacters(column, "the --keep column");
    if (options.table.empty())
        throw ConfigError("the SQL table name is empty: name the table that holds the model's input columns "
                          "(--sql-table, default data)");
    std::set<std::string> seen;
    for (const std::string &column : options.keep) {
        if (column.empty())
            throw ConfigError("a --keep column name is empty: name a column of the table, such as an ID");
        if (!seen.insert(column).second)
            throw ConfigError("--keep names column \"" + column +
                              "\" twice: the query's columns must have distinct names; name it once");
        if (std::find(outputNames.begin(), outputNames.end(), column) != outputNames.end())
            throw ConfigError("--keep names column \"" + column +
                              "\", which is also the name of a prediction column of the model; rename the "
                              "column in the table (or a view over it) and keep it under the new name");
    }
}

// The comment heading a query: what it is, what it reads, what the engine needs.
std::string queryHeader(const std::string &what, const SqlExportOptions &options)
{
    std::string header = "-- " + what + " (" + std::string(toString(options.dialect)) + "): one row per row of " +
                         quoteIdentifier(options.table) + ", in no particular order (keep an ID column).\n";
    header += "-- Inputs: numeric columns as numbers, NULL where missing; categorical columns as text.\n";
    if (options.dialect == SqlDialect::SQLite)
        header += "-- Needs SQLite 3.35 or later built with its math functions (exp), as Debian's is.\n";
    // PostgreSQL (12 and later) compiles a query it costs high with LLVM, and compiling this
    // query's long expressions takes far longer than running them: measured on PostgreSQL 15 with
    // its defaults, one attention network on 9,857 rows ran 13 s without the JIT, over 11 minutes
    // (4 GB) with it (README, "SQL export").
    if (options.dialect == SqlDialect::PostgreSQL)
        header += "-- Run \"SET jit = off;\" in the session first: PostgreSQL's JIT compiler takes far longer over "
                  "this query's long expressions than the query itself.\n";
    return header;
}

// One network's predictions (a member of a seed ensemble, or the model's only network), as
// forwardNetwork and MultiTaskModel::predictInputs compute them, in stages after the current one,
// which holds the network's `inputs`. Per task: for a binary task the expression of its probability
// and for a regression task that of its value, both over the columns of the last stage written; for
// a multiclass task the columns of its class probabilities in that stage.
std::vector<Names> addNetworkPredictions(QueryWriter &writer, const MultiTaskModel &model, const float *parameters,
                                         const Names &inputs)
{
    const MultiTaskNetwork &network = model.network();
    const std::size_t tasks = network.taskCount();
    std::vector<Names> wide;
    if (network.spec().wide) {
        writer.beginStage("the wide path: a linear layer from the inputs per task");
        writer.carry(inputs);
        for (std::size_t t = 0; t < tasks; ++t)
            wide.push_back(wideLayer(writer, network, parameters, inputs, t));
        writer.carryThrough(flatten(wide));
    }
    std::vector<Names> representations(tasks);
    switch (network.spec().architecture) {
    case Architecture::SharedBottom: {
        Names trunk = inputs;
        if (!network.experts().empty())
            trunk = addChains(writer, {&network.experts()[0]}, {inputs}, parameters, {}, "the shared trunk")[0];
        representations.assign(tasks, trunk);
        break;
    }
    case Architecture::MMoE:
    case Architecture::PLE: {
        // The experts' layers, the gates' logits (they read the inputs) computed beside the first.
        std::vector<const DenseChain *> experts;
        for (const DenseChain &expert : network.experts())
            experts.push_back(&expert);
        writer.beginStage("the gates' logits");
        writer.carry(inputs);
        std::vector<Names> gateLogits(tasks);
        for (std::size_t t = 0; t < tasks; ++t) {
            for (const std::string &logit : denseLayer(writer, network.gate(t), parameters, inputs, true))
                gateLogits[t].push_back(writer.add(logit));
        }
        const std::vector<Names> expertOutputs = addChains(writer, experts, std::vector<Names>(experts.size(), inputs),
                                                           parameters, flatten(gateLogits), "the experts");
        const std::vector<Names> gates = addSoftmax(writer, gateLogits, flatten(expertOutputs), "the gates");
        writer.beginStage("each task's mixture of its experts");
        for (std::size_t t = 0; t < tasks; ++t) {
            const std::vector<int> &mixed = network.expertsOf(t);
            const std::size_t width = static_cast<std::size_t>(network.representationWidth());
            for (std::size_t unit = 0; unit < width; ++unit) {
                std::vector<std::string> terms;
                for (std::size_t k = 0; k < mixed.size(); ++k)
                    terms.push_back(gates[t][k] + " * " + expertOutputs[static_cast<std::size_t>(mixed[k])][unit]);
                representations[t].push_back(writer.add(sumOf(terms)));
            }
        }
        break;
    }
    case Architecture::Attention: {
        // x_t = d * softmax(A_t x + b_t) * x, elementwise; then the shared trunk on each task's x_t.
        writer.beginStage("the attention logits");
        writer.carry(inputs);
        std::vector<Names> attentionLogits(tasks);
        for (std::size_t t = 0; t < tasks; ++t) {
            for (const std::string &logit : denseLayer(writer, network.gate(t), parameters, inputs, true))
                attentionLogits[t].push_back(writer.add(logit));
        }
        const std::vector<Names> attention = addSoftmax(writer, attentionLogits, inputs, "the attention");
        writer.beginStage("each task's attended inputs");
        std::vector<Names> attended(tasks);
        const std::string inputCount = literal(static_cast<double>(static_cast<float>(network.spec().inputs)));
        for (std::size_t t = 0; t < tasks; ++t) {
            for (std::size_t i = 0; i < inputs.size(); ++i)
                attended[t].push_back(writer.add(inputCount + " * " + attention[t][i] + " * " + inputs[i]));
        }
        representations = addChains(writer, std::vector<const DenseChain *>(tasks, &network.experts()[0]), attended,
                                    parameters, {}, "the shared trunk, once per task");
        break;
    }
    }
    std::vector<const DenseChain *> heads;
    for (std::size_t t = 0; t < tasks; ++t)
        heads.push_back(&network.head(t));
    std::vector<Names> logits = addChains(writer, heads, representations, parameters, {}, "the task heads");
    if (!wide.empty()) {
        writer.stopCarryingThrough();
        writer.beginStage("the task heads plus the wide path");
        for (std::size_t t = 0; t < tasks; ++t) {
            for (std::size_t k = 0; k < logits[t].size(); ++k)
                logits[t][k] = writer.add(logits[t][k] + " + " + wide[t][k]);
        }
    }

    // The output transforms (MultiTaskModel::predictInputs), multiclass softmax in its own stages.
    std::vector<Names> multiclassLogits;
    Names passThrough;
    for (std::size_t t = 0; t < tasks; ++t) {
        if (model.tasks()[t].spec.type == TaskType::Multiclass)
            multiclassLogits.push_back(logits[t]);
        else
            passThrough.push_back(logits[t][0]);
    }
    std::vector<Names> multiclassProbabilities;
    if (!multiclassLogits.empty())
        multiclassProbabilities = addSoftmax(writer, multiclassLogits, passThrough, "the class probabilities");
    std::vector<Names> predictions(tasks);
    std::size_t nextMulticlass = 0;
    for (std::size_t t = 0; t < tasks; ++t) {
        const TargetEncoding &task = model.tasks()[t];
        const std::string &z = logits[t][0];
        switch (task.spec.type) {
        case TaskType::Binary:
            // The logistic function with e^x taken of x <= 0 only (no overflow in either engine).
            predictions[t] = {"CASE WHEN " + z + " >= 0.0 THEN 1.0 / (1.0 + " + writer.exp("-" + z) + ") ELSE " +
                              writer.exp(z) + " / (1.0 + " + writer.exp(z) + ") END"};
            break;
        case TaskType::Regression:
            predictions[t] = {z + " * " + literal(static_cast<float>(task.scale)) + " + " +
                              literal(static_cast<float>(task.mean))};
            break;
        case TaskType::Multiclass:
            predictions[t] = multiclassProbabilities[nextMulticlass++];
            break;
        }
    }
    return predictions;
}

// The last stage: the predictions (see addNetworkPredictions) under the output names `predict`
// gives them, a multiclass task's class found from its probabilities. Returns the final select
// list: the kept columns, then the predictions.
std::vector<std::pair<std::string, std::string>> addPredictionStage(QueryWriter &writer, const MultiTaskModel &model,
                                                                    const std::vector<Names> &predictions,
                                                                    const SqlExportOptions &options)
{
    const std::vector<std::string> outputNames = predictionColumnNames(model);
    writer.beginStage("the predictions");
    std::vector<std::pair<std::string, std::string>> outputs;
    for (std::size_t k = 0; k < options.keep.size(); ++k)
        outputs.emplace_back(QueryWriter::keptName(k), quoteIdentifier(options.keep[k]));
    std::size_t nameIndex = 0;
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        const TargetEncoding &task = model.tasks()[t];
        switch (task.spec.type) {
        case TaskType::Binary:
        case TaskType::Regression:
            outputs.emplace_back(writer.add(predictions[t][0]), quoteIdentifier(outputNames[nameIndex++]));
            break;
        case TaskType::Multiclass: {
            const Names &probabilities = predictions[t];
            writer.carry(probabilities);
            // The class of the largest probability, the first of equal ones (as Eigen's maxCoeff).
            // The largest probability in a column of this stage, compared in the final select
            // (written into each WHEN it would be computed once per class).
            const std::string largestColumn = writer.add(largestOf(writer, probabilities, 0, probabilities.size()));
            std::string classExpression = "CASE";
            for (std::size_t k = 0; k < probabilities.size(); ++k)
                classExpression +=
                    " WHEN " + probabilities[k] + " = " + largestColumn + " THEN " + quoteText(task.classes[k]);
            classExpression += " END";
            outputs.emplace_back(classExpression, quoteIdentifier(outputNames[nameIndex++]));
            for (const std::string &probability : probabilities)
                outputs.emplace_back(probability, quoteIdentifier(outputNames[nameIndex++]));
            break;
        }
        }
    }
    return outputs;
}

// A seed ensemble's predictions: each member's network in its own stages, one member after the
// other (the inputs and the earlier members' predictions carried along), then the mean of the
// members' predictions, added in member order and divided by the member count as
// MultiTaskModel::predictInputs averages them (probabilities, not logits; values in the target's
// unit). Returns the columns of the means, per task, in the last stage.
std::vector<Names> addEnsemblePredictions(QueryWriter &writer, const MultiTaskModel &model, const Names &inputs)
{
    const std::size_t tasks = model.tasks().size(), members = model.memberCount();
    // memberColumns[t][m]: member m's prediction columns for task t.
    std::vector<std::vector<Names>> memberColumns(tasks);
    Names carried = inputs;
    for (std::size_t m = 0; m < members; ++m) {
        writer.carryAcrossMembers(carried);
        const std::vector<Names> predictions =
            addNetworkPredictions(writer, model, model.memberParameters(m).data(), inputs);
        writer.beginStage("member " + std::to_string(m + 1) + " of " + std::to_string(members) + ": its predictions");
        for (std::size_t t = 0; t < tasks; ++t) {
            // A multiclass task's probabilities are columns of the previous stage; the other
            // tasks' predictions expressions over it.
            Names columns;
            for (const std::string &prediction : predictions[t]) {
                if (model.tasks()[t].spec.type == TaskType::Multiclass) {
                    writer.carry(prediction);
                    columns.push_back(prediction);
                } else {
                    columns.push_back(writer.add(prediction));
                }
            }
            carried.insert(carried.end(), columns.begin(), columns.end());
            memberColumns[t].push_back(std::move(columns));
        }
    }
    writer.carryAcrossMembers({});
    writer.beginStage("the mean of the members' predictions");
    const std::string memberCount = literal(static_cast<double>(members));
    std::vector<Names> means(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
        for (std::size_t k = 0; k < memberColumns[t].front().size(); ++k) {
            std::string sum = memberColumns[t][0][k];
            for (std::size_t m = 1; m < members; ++m)
                sum = "(" + sum + " + " + memberColumns[t][m][k] + ")";
            means[t].push_back(writer.add(sum + " / " + memberCount));
        }
    }
    return means;
}

} // namespace

std::string exportSql(const MultiTaskModel &model, const SqlExportOptions &options)
{
    refuseUnexportedSteps(model, "SQL");
    checkNames(options, predictionColumnNames(model));
    // A seed ensemble writes every member's weights: the limit holds for all of them together.
    const std::int64_t weights =
        static_cast<std::int64_t>(model.network().parameterCount()) * static_cast<std::int64_t>(model.memberCount());
    if (weights > kMaxSqlWeights) {
        const std::string ensemble =
            model.memberCount() == 1 ? std::string("the network has ")
                                     : "the seed ensemble of " + std::to_string(model.memberCount()) + " networks of " +
                                           std::to_string(model.network().parameterCount()) + " weights each has ";
        throw ConfigError(ensemble + std::to_string(weights) + " weights, more than the SQL export's limit of " +
                          std::to_string(kMaxSqlWeights) +
                          " (each weight is one product in the query's text; a larger query takes PostgreSQL and "
                          "SQLite too long to parse and plan); train a smaller network (--hidden, --experts, "
                          "--head-hidden)" +
                          (model.memberCount() == 1 ? std::string() : ", fewer members (--ensemble)") +
                          " or export it as ONNX");
    }

    const SqlDialect dialect = options.dialect;
    const Preprocessor &preprocessor = model.preprocessor();
    QueryWriter writer(dialect, options.keep.size());

    // Stage 1: the table's cells, each kept column under an internal name (the query's own
    // columns are all named cmtl_..., so no table column can collide with them).
    writer.beginStage("the input columns read as numbers or text, missing cells found");
    for (std::size_t k = 0; k < options.keep.size(); ++k)
        writer.addNamed(tableColumn(options.keep[k]), QueryWriter::keptName(k));
    Names numbers, texts, woeCells;
    for (const NumericStep &step : preprocessor.numeric)
        numbers.push_back(readNumber(writer, step.column, missingTexts(model, step.column)));
    for (const FeatureBinning &binning : preprocessor.woe) {
        const std::vector<std::string> missing = missingTexts(model, binning.feature);
        woeCells.push_back(binning.categorical ? readText(writer, binning.feature, missing)
                                               : readNumber(writer, binning.feature, missing));
    }
    for (const OneHotStep &step : preprocessor.oneHot) {
        const std::string text = "CAST(" + tableColumn(step.column) + " AS TEXT)";
        texts.push_back(writer.add("CASE WHEN " + text + " IS NULL OR trim(" + text + ") IN (" +
                                   listOfTexts(missingTexts(model, step.column)) + ") THEN " +
                                   quoteText(OneHotStep::kMissingLevel) + " ELSE " + text + " END"));
    }

    // Stage 2: the network's inputs, in Preprocessor::inputNames() order.
    writer.beginStage("the network's inputs: imputed, clipped, standardised, weight of evidence, one-hot");
    Names inputs;
    for (std::size_t s = 0; s < preprocessor.numeric.size(); ++s) {
        const NumericStep &step = preprocessor.numeric[s];
        const std::string &value = numbers[s];
        std::string clipped = "CASE WHEN " + value + " IS NULL THEN " + literal(step.median);
        if (std::isfinite(step.lowest))
            clipped += " WHEN " + value + " < " + literal(step.lowest) + " THEN " + literal(step.lowest);
        if (std::isfinite(step.highest))
            clipped += " WHEN " + value + " > " + literal(step.highest) + " THEN " + literal(step.highest);
        clipped += " ELSE " + value + " END";
        // As transform: (value - mean) * (1 / scale), the reciprocal taken in float32.
        const float inverseScale = 1.0f / step.scale;
        inputs.push_back(writer.add("(" + clipped + " - " + literal(step.mean) + ") * " + literal(inverseScale)));
        if (step.missingIndicator)
            inputs.push_back(
                writer.add("CASE WHEN " + value + " IS NULL THEN " + writer.one() + " ELSE " + writer.zero() + " END"));
    }
    for (std::size_t w = 0; w < preprocessor.woe.size(); ++w) {
        const FeatureBinning &binning = preprocessor.woe[w];
        inputs.push_back(writer.add(woeInput(writer, binning, woeCells[w])));
    }
    for (std::size_t s = 0; s < preprocessor.oneHot.size(); ++s) {
        const OneHotStep &step = preprocessor.oneHot[s];
        const std::string &level = texts[s];
        for (const std::string &kept : step.levels)
            inputs.push_back(writer.add("CASE WHEN " + level + " = " + quoteText(kept) + " THEN " + writer.one() +
                                        " ELSE " + writer.zero() + " END"));
        // Pooled rare levels, levels unseen in training, and "(missing)" when it was not kept.
        if (step.otherInput)
            inputs.push_back(writer.add("CASE WHEN " + level + " IN (" + listOfTexts(step.levels) + ") THEN " +
                                        writer.zero() + " ELSE " + writer.one() + " END"));
    }

    const std::vector<Names> predictions = model.memberCount() == 1
                                               ? addNetworkPredictions(writer, model, model.parameters().data(), inputs)
                                               : addEnsemblePredictions(writer, model, inputs);
    const std::vector<std::pair<std::string, std::string>> outputs =
        addPredictionStage(writer, model, predictions, options);
    writer.checkWidths();

    return writer.text(queryHeader("CreditMTL scoring query", options),
                       quoteIdentifier(options.table) + " AS " + kTableAlias, outputs);
}

std::string exportScorecardSql(const Scorecard &card, const SqlExportOptions &options)
{
    const std::string pointsName = card.taskColumn + ".points", probabilityName = card.taskColumn + ".probability";
    checkNames(options, {pointsName, probabilityName});
    QueryWriter writer(options.dialect, options.keep.size());
    // Stage 1: the cells, missing as predict --scorecard reads them (the default missing tokens).
    writer.beginStage("the scorecard's columns read as numbers or text, missing cells found");
    for (std::size_t k = 0; k < options.keep.size(); ++k)
        writer.addNamed(tableColumn(options.keep[k]), QueryWriter::keptName(k));
    std::vector<std::string> missing = CsvOptions{}.missingTokens;
    missing.insert(missing.begin(), std::string());
    Names cells;
    for (const ScorecardFeature &feature : card.features) {
        const std::string &column = feature.binning.feature;
        cells.push_back(feature.binning.categorical ? readText(writer, column, missing)
                                                    : readNumber(writer, column, missing));
    }
    // Stage 2: the points, the intercept's and one CASE per feature, added in the card's order as
    // scoreTable adds them.
    writer.beginStage("the points: the intercept's plus each feature's bin");
    std::string points = literal(card.interceptPoints());
    for (std::size_t j = 0; j < card.features.size(); ++j) {
        const ScorecardFeature &feature = card.features[j];
        points = "(" + points + " + " +
                 binnedValue(writer, feature.binning, cells[j], [&](std::size_t bin) { return feature.points[bin]; }) +
                 ")";
    }
    const std::string pointsColumn = writer.add(points);
    writer.beginStage("the implied probability of the event");
    writer.carry(pointsColumn);
    // 1 / (1 + e^((points - offset) / factor)), with e^x taken of x <= 0 only (see the binary tasks).
    const std::string z =
        "((" + pointsColumn + " - " + literal(card.scaling.offset()) + ") / " + literal(card.scaling.factor()) + ")";
    const std::string probability =
        writer.add("CASE WHEN " + z + " <= 0.0 THEN 1.0 / (1.0 + " + writer.exp(z) + ") ELSE " + writer.exp("-" + z) +
                   " / (1.0 + " + writer.exp("-" + z) + ") END");
    std::vector<std::pair<std::string, std::string>> outputs;
    for (std::size_t k = 0; k < options.keep.size(); ++k)
        outputs.emplace_back(QueryWriter::keptName(k), quoteIdentifier(options.keep[k]));
    outputs.emplace_back(pointsColumn, quoteIdentifier(pointsName));
    outputs.emplace_back(probability, quoteIdentifier(probabilityName));
    writer.checkWidths();
    return writer.text(queryHeader("CreditMTL scorecard query", options),
                       quoteIdentifier(options.table) + " AS " + kTableAlias, outputs);
}

} // namespace cmtl
