#include "report/ModelReport.h"

#include "common/Error.h"
#include "explain/PermutationImportance.h"
#include "io/ConfigJson.h"
#include "metrics/Gains.h"
#include "metrics/TaskScores.h"
#include "report/ModelStability.h"
#include "report/SvgChart.h"
#include "train/Experiment.h"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace cmtl {

namespace {

// A number as the report shows it (4 significant digits), "n/a" when undefined.
std::string shown(double value, int digits = 4)
{
    if (!std::isfinite(value))
        return "n/a";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

// The exact number carried in data-value: 17 significant digits read back as the same double.
std::string exact(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// Writes the report's XHTML; cells that show a number carry it under a key.
class Html {
public:
    std::string text;

    void raw(const std::string &markup) { text += markup; }
    void heading(int level, const std::string &title)
    {
        const std::string tag = "h" + std::to_string(level);
        text += "<" + tag + ">" + xmlEscape(title) + "</" + tag + ">\n";
    }
    void paragraph(const std::string &sentence) { text += "<p>" + xmlEscape(sentence) + "</p>\n"; }
    void openSection(const std::string &id, const std::string &title)
    {
        text += "<section id=\"" + id + "\">\n";
        heading(2, title);
    }
    void closeSection() { text += "</section>\n"; }
    void openTable(const std::vector<std::string> &headers)
    {
        text += "<table><thead><tr>";
        for (const std::string &header : headers)
            text += "<th>" + xmlEscape(header) + "</th>";
        text += "</tr></thead><tbody>\n";
    }
    void closeTable() { text += "</tbody></table>\n"; }
    void openRow() { text += "<tr>"; }
    void closeRow() { text += "</tr>\n"; }
    void cell(const std::string &content) { text += "<td>" + xmlEscape(content) + "</td>"; }
    void number(const std::string &key, double value, int digits = 4)
    {
        text += "<td class=\"num\" data-key=\"" + xmlEscape(key) + "\" data-value=\"" + exact(value) + "\">" +
                shown(value, digits) + "</td>";
    }
    void count(const std::string &key, std::int64_t value)
    {
        text += "<td class=\"num\" data-key=\"" + xmlEscape(key) + "\" data-value=\"" + std::to_string(value) + "\">" +
                std::to_string(value) + "</td>";
    }
    // A text shown as it is, under `key` for a reader's script.
    void textCell(const std::string &key, const std::string &content)
    {
        text += "<td data-key=\"" + xmlEscape(key) + "\" data-value=\"" + xmlEscape(content) + "\">" +
                xmlEscape(content) + "</td>";
    }
    void list(const std::vector<std::string> &items)
    {
        text += "<ul>";
        for (const std::string &item : items)
            text += "<li>" + xmlEscape(item) + "</li>";
        text += "</ul>\n";
    }
};

constexpr const char *kStyle =
    "body{font-family:sans-serif;margin:2em;max-width:60em;color:#222}"
    "table{border-collapse:collapse;margin:0.5em 0 1em}th,td{border:1px solid #bbb;padding:2px 6px}"
    "th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums}"
    "pre{background:#f6f6f6;padding:0.5em;overflow:auto;font-size:85%}"
    "svg.chart{display:block;margin:0.5em 0}section{page-break-inside:auto}"
    "@media print{body{margin:0}svg.chart{page-break-inside:avoid}}";

// At most `limit` points of a curve for drawing (every k-th and the last); the numbers are in tables.
template <typename Point> std::vector<Point> thinned(const std::vector<Point> &points, std::size_t limit = 400)
{
    if (points.size() <= limit)
        return points;
    std::vector<Point> kept;
    const std::size_t step = (points.size() + limit - 1) / limit;
    for (std::size_t i = 0; i < points.size(); i += step)
        kept.push_back(points[i]);
    kept.push_back(points.back());
    return kept;
}

std::string missingKey(const std::string &table, const std::string &column)
{
    return table + ".missing." + column;
}

std::int64_t missingCells(const Column &column)
{
    std::int64_t missing = 0;
    for (std::size_t row = 0; row < column.size(); ++row)
        missing += column.isMissing(row) ? 1 : 0;
    return missing;
}

void dataSummary(Html &html, const std::string &key, const Table &table)
{
    html.openTable({"file", "rows", "columns", "missing cells"});
    std::int64_t missing = 0;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        missing += missingCells(table.column(c));
    html.openRow();
    html.cell(table.source());
    html.count(key + ".rows", static_cast<std::int64_t>(table.rowCount()));
    html.count(key + ".columns", static_cast<std::int64_t>(table.columnCount()));
    html.count(key + ".missing_cells", missing);
    html.closeRow();
    html.closeTable();
}

// The period the evaluated data covers: the earliest and the latest value of `name`, a numeric
// column (a year or yyyymmdd number: compared as numbers) or dates written as text in one of
// kPeriodFormats (compared as dates). Missing cells are skipped; a text that is no such date is
// refused with its place.
constexpr std::array<const char *, 5> kPeriodFormats = {"yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM", "MMM-yyyy", "MMM yyyy"};

void periodSummary(Html &html, const Table &table, const std::string &name)
{
    if (table.indexOf(name) < 0)
        throw ConfigError(table.source() + " has no column named \"" + name +
                          "\" for --period-column; give the name of its date column as the header writes it");
    const Column &column = table.column(name);
    std::optional<std::size_t> first, last; // rows
    if (column.type == ColumnType::Numeric) {
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (column.isMissing(row))
                continue;
            if (!first || column.values[row] < column.values[*first])
                first = row;
            if (!last || column.values[row] > column.values[*last])
                last = row;
        }
    } else {
        std::vector<QDate> dates(column.levels.size()); // per level, parsed once
        for (std::size_t level = 0; level < column.levels.size(); ++level) {
            const QString text = QString::fromStdString(column.levels[level]).trimmed();
            for (const char *format : kPeriodFormats) {
                dates[level] = QDate::fromString(text, QString::fromLatin1(format));
                if (dates[level].isValid())
                    break;
            }
        }
        for (std::size_t row = 0; row < column.size(); ++row) {
            const std::int32_t code = column.codes[row];
            if (code == Column::kMissingCode)
                continue;
            const QDate date = dates[std::size_t(code)];
            if (!date.isValid()) {
                std::string formats;
                for (const char *format : kPeriodFormats)
                    formats += (formats.empty() ? "" : ", ") + std::string(format);
                throw DataError({table.source(), 0, name},
                                table.rowPlace(row) + ": \"" + column.levels[std::size_t(code)] +
                                    "\" is not a date; --period-column needs a numeric column or dates written as " +
                                    formats + " (MMM: Jan to Dec)");
            }
            if (!first || date < dates[std::size_t(column.codes[*first])])
                first = row;
            if (!last || date > dates[std::size_t(column.codes[*last])])
                last = row;
        }
    }
    html.openTable({"period column", "first", "last", "rows with a value"});
    html.openRow();
    html.cell(name);
    html.textCell("data.period.first", first ? column.cellText(*first) : "");
    html.textCell("data.period.last", last ? column.cellText(*last) : "");
    html.count("data.period.rows", std::int64_t(column.size()) - missingCells(column));
    html.closeRow();
    html.closeTable();
}

void metricsTable(Html &html, const EvaluationReport &report, const std::string &part)
{
    html.heading(3, "Part: " + report.part + " (" + report.source + ")");
    html.openTable({"task", "type", "rows", "metric", "value"});
    for (const TaskEvaluation &task : report.tasks) {
        std::vector<std::pair<std::string, double>> metrics;
        if (task.binary)
            metrics = {{"auc", task.binary->auc},
                       {"ks", task.binary->ks},
                       {"gini", task.binary->gini},
                       {"log_loss", task.binary->logLoss},
                       {"brier", task.binary->brier},
                       {"accuracy", task.binary->accuracy},
                       {"precision", task.binary->precision},
                       {"recall", task.binary->recall},
                       {"f1", task.binary->f1}};
        else if (task.multiclass)
            metrics = {{"accuracy", task.multiclass->accuracy},
                       {"macro_f1", task.multiclass->macroF1},
                       {"log_loss", task.multiclass->logLoss}};
        else if (task.regression)
            metrics = {{"rmse", task.regression->rmse}, {"mae", task.regression->mae}, {"r2", task.regression->r2}};
        for (const auto &[name, value] : metrics) {
            html.openRow();
            html.cell(task.task);
            html.cell(toString(task.type));
            html.count("metric." + part + "." + task.task + ".count", task.count);
            html.cell(name);
            html.number("metric." + part + "." + task.task + "." + name, value);
            html.closeRow();
        }
    }
    html.closeTable();
}

void confusionMatrix(Html &html, const std::string &key, const std::vector<std::string> &classes,
                     const Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> &confusion)
{
    std::vector<std::string> headers{"actual \\ predicted"};
    headers.insert(headers.end(), classes.begin(), classes.end());
    html.openTable(headers);
    for (Eigen::Index r = 0; r < confusion.rows(); ++r) {
        html.openRow();
        html.cell(classes.at(static_cast<std::size_t>(r)));
        for (Eigen::Index c = 0; c < confusion.cols(); ++c)
            html.count(key + "." + std::to_string(r) + "." + std::to_string(c), confusion(r, c));
        html.closeRow();
    }
    html.closeTable();
}

void binaryCharts(Html &html, const TaskScores &scores, const TaskEvaluation &evaluation)
{
    const std::string &task = scores.task;
    const std::string id = "task-" + task;
    // ROC, with the AUC in the metrics table.
    SvgLineChart roc{"ROC of " + task, "false positive rate", "true positive rate", {}, {}, {}, true};
    SvgSeries rocSeries{"ROC", {}, {}, false, false};
    for (const RocPoint &point : thinned(evaluation.roc)) {
        rocSeries.x.push_back(point.falsePositiveRate);
        rocSeries.y.push_back(point.truePositiveRate);
    }
    roc.series.push_back(rocSeries);
    html.raw(svgLineChart(roc, id + "-roc"));

    // KS: the cumulative shares of bads and goods from the riskiest row down.
    const std::vector<KsPoint> ks = ksCurve(scores.scores, scores.labels);
    SvgLineChart ksChart{"KS of " + task, "share of rows (highest score first)", "cumulative share", {}, {}, {}, false};
    SvgSeries bads{"bads (" + scores.classes.at(1) + ")", {}, {}, false, false};
    SvgSeries goods{"goods (" + scores.classes.at(0) + ")", {}, {}, false, true};
    for (const KsPoint &point : thinned(ks)) {
        bads.x.push_back(point.populationShare);
        bads.y.push_back(point.positiveShare);
        goods.x.push_back(point.populationShare);
        goods.y.push_back(point.negativeShare);
    }
    ksChart.series = {bads, goods};
    if (const std::optional<std::size_t> peak = ksPeak(ks)) {
        ksChart.markerX = ks[*peak].populationShare;
        ksChart.markerLabel = "KS " + shown(ks[*peak].positiveShare - ks[*peak].negativeShare);
    }
    html.raw(svgLineChart(ksChart, id + "-ks"));

    // Gains and lift over deciles.
    const GainsTable gains = gainsTable(scores.scores, scores.labels, 10);
    html.heading(4, "Gains and lift of " + task + " (deciles, highest score first)");
    html.openTable({"band", "lowest score", "highest score", "rows", "bads", "bad rate", "cum. bad share",
                    "cum. good share", "KS", "lift", "cum. lift"});
    SvgBarChart lift{"Lift per decile of " + task, "lift", {}, {}};
    for (std::size_t b = 0; b < gains.bands.size(); ++b) {
        const GainsBand &band = gains.bands[b];
        const std::string key = "gains." + task + "." + std::to_string(b + 1) + ".";
        html.openRow();
        html.cell(std::to_string(b + 1));
        html.number(key + "lowest_score", band.lowestScore);
        html.number(key + "highest_score", band.highestScore);
        html.count(key + "count", band.count);
        html.count(key + "bads", band.bads);
        html.number(key + "bad_rate", band.badRate);
        html.number(key + "cumulative_bad_share", band.cumulativeBadShare);
        html.number(key + "cumulative_good_share", band.cumulativeGoodShare);
        html.number(key + "ks", band.ks);
        html.number(key + "lift", band.lift);
        html.number(key + "cumulative_lift", band.cumulativeLift);
        html.closeRow();
        lift.labels.push_back(std::to_string(b + 1));
        lift.values.push_back(band.lift);
    }
    html.closeTable();
    html.openTable({"KS over the bands", "KS over every threshold"});
    html.openRow();
    html.number("gains." + task + ".ks", gains.ks);
    html.number("ks." + task, ksStatistic(scores.scores, scores.labels));
    html.closeRow();
    html.closeTable();
    html.raw(svgBarChart(lift, id + "-lift"));

    // Calibration over equal-count bins: scores crowd near 0 at a low default rate.
    const std::vector<CalibrationBin> calibration = quantileCalibrationCurve(scores.scores, scores.labels, 10);
    html.heading(4, "Calibration of " + task + " (10 equal-count bins)");
    html.openTable({"bin", "scores from", "to", "rows", "mean predicted", "observed rate"});
    SvgLineChart calibrationChart{"Calibration of " + task, "mean predicted", "observed rate", {}, {}, {}, true};
    SvgSeries observed{"observed", {}, {}, false, false};
    for (std::size_t b = 0; b < calibration.size(); ++b) {
        const CalibrationBin &bin = calibration[b];
        const std::string key = "calibration." + task + "." + std::to_string(b + 1) + ".";
        html.openRow();
        html.cell(std::to_string(b + 1));
        html.number(key + "lower", bin.lowerEdge);
        html.number(key + "upper", bin.upperEdge);
        html.count(key + "count", bin.count);
        html.number(key + "mean_predicted", bin.meanPredicted);
        html.number(key + "observed_rate", bin.observedRate);
        html.closeRow();
        observed.x.push_back(bin.meanPredicted);
        observed.y.push_back(bin.observedRate);
    }
    html.closeTable();
    calibrationChart.series.push_back(observed);
    html.raw(svgLineChart(calibrationChart, id + "-calibration"));

    if (evaluation.binary) {
        html.heading(4, "Confusion matrix of " + task + " at the threshold " + shown(evaluation.binary->threshold));
        const ConfusionCounts &counts = evaluation.binary->confusion;
        Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> matrix(2, 2);
        matrix << counts.trueNegative, counts.falsePositive, counts.falseNegative, counts.truePositive;
        confusionMatrix(html, "confusion." + task, scores.classes, matrix);
    }
}

void regressionCharts(Html &html, const TaskScores &scores)
{
    const std::vector<float> residual = residuals(scores.predicted, scores.actual);
    if (residual.empty()) {
        html.paragraph("No labelled row: no residuals for " + scores.task + ".");
        return;
    }
    // A histogram of actual - predicted over 20 equal-width bins of its range, drawn only.
    const auto [lowest, highest] = std::minmax_element(residual.begin(), residual.end());
    constexpr int kBins = 20;
    const double width = std::max(double(*highest) - double(*lowest), 1e-12) / kBins;
    std::vector<double> counts(kBins, 0.0);
    for (const float r : residual)
        counts[std::min<std::size_t>(kBins - 1, static_cast<std::size_t>((r - *lowest) / width))] += 1;
    SvgBarChart chart{"Residuals (actual - predicted) of " + scores.task, "rows", {}, counts};
    for (int b = 0; b < kBins; ++b)
        chart.labels.push_back(shown(*lowest + width * (b + 0.5), 3));
    html.raw(svgBarChart(chart, "task-" + scores.task + "-residuals"));
    SvgLineChart scatter{"Predicted against actual: " + scores.task, "predicted", "actual", {}, {}, {}, false};
    SvgSeries points{"rows (400 drawn)", {}, {}, false, false, true};
    // At most 400 rows drawn, spread over the range of the predictions.
    std::vector<std::size_t> order(residual.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores.predicted[a] < scores.predicted[b]; });
    SvgSeries fitted{"predicted = actual", {}, {}, false, true};
    for (const std::size_t i : thinned(order)) {
        points.x.push_back(scores.predicted[i]);
        points.y.push_back(scores.actual[i]);
        fitted.x.push_back(scores.predicted[i]);
        fitted.y.push_back(scores.predicted[i]);
    }
    scatter.series = {points, fitted};
    html.raw(svgLineChart(scatter, "task-" + scores.task + "-predicted"));
}

// The multi-task evidence from a comparison: per task (its first headline metric), every
// candidate's mean over the repeats and, for each multi-task candidate, its paired difference to
// the same network trained per task alone (the single-task net) and to the tuned baseline, with the
// 95% corrected resampled t intervals and the verdicts, as compare computed and printed them.
// The rows of the evaluated data whose level of `oneHot`'s column the model does not keep (never
// seen in training, or pooled as rare), and those levels in order of first appearance.
struct LevelsNotKept {
    std::int64_t rows = 0;
    std::vector<std::string> levels;
};

LevelsNotKept levelsNotKept(const OneHotStep &oneHot, const Column &column)
{
    // Per code (shifted by one so that the missing code is 0): kept, not kept, not kept and listed.
    enum : char { kKept, kNotKept, kListed };
    std::vector<char> state(column.levels.size() + 1);
    for (std::size_t code = 0; code < state.size(); ++code) {
        const std::string &level = code == 0 ? OneHotStep::kMissingLevel : column.levels[code - 1];
        state[code] =
            std::find(oneHot.levels.begin(), oneHot.levels.end(), level) != oneHot.levels.end() ? kKept : kNotKept;
    }
    LevelsNotKept found;
    for (const std::int32_t code : column.codes) {
        char &seen = state[std::size_t(code + 1)];
        if (seen == kKept)
            continue;
        ++found.rows;
        if (seen == kNotKept) {
            seen = kListed;
            found.levels.push_back(code == Column::kMissingCode ? OneHotStep::kMissingLevel
                                                                : column.levels[std::size_t(code)]);
        }
    }
    return found;
}

// The limitations' numbers: what the evaluated data holds that the model's training did not —
// numbers outside the training range (clipped to it when scored), levels the model does not
// keep, and columns the model does not read — each counted, with a warning sentence for the last
// two (clipping is already noted by the evaluation).
void dataBeyondTraining(Html &html, const MultiTaskModel &model, const Table &data, std::vector<std::string> &warnings)
{
    const Preprocessor &preprocessor = model.preprocessor();
    html.heading(3, "Numbers outside the training range (clipped to it when scored)");
    std::vector<const NumericStep *> clippedSteps;
    std::vector<std::pair<std::int64_t, std::int64_t>> belowAbove;
    for (const NumericStep &numeric : preprocessor.numeric) {
        std::int64_t below = 0, above = 0;
        for (const float value : data.column(numeric.column).values) {
            below += value < numeric.lowest ? 1 : 0; // NaN (missing) is neither
            above += value > numeric.highest ? 1 : 0;
        }
        if (below + above > 0) {
            clippedSteps.push_back(&numeric);
            belowAbove.emplace_back(below, above);
        }
    }
    if (!preprocessor.hasTrainingRanges) {
        html.paragraph("The model file stores no training ranges: its inputs are not clipped.");
    } else if (clippedSteps.empty()) {
        html.paragraph("None: every number of the evaluated data lies within the model's training range.");
    } else {
        html.openTable({"column", "training range", "below", "above", "clipped"});
        for (std::size_t c = 0; c < clippedSteps.size(); ++c) {
            const NumericStep &numeric = *clippedSteps[c];
            const std::string &column = numeric.column;
            html.openRow();
            html.cell(numeric.column);
            html.cell("[" + shown(numeric.lowest, 7) + ", " + shown(numeric.highest, 7) + "]");
            html.count("limitations.below." + column, belowAbove[c].first);
            html.count("limitations.above." + column, belowAbove[c].second);
            html.count("limitations.clipped." + column, belowAbove[c].first + belowAbove[c].second);
            html.closeRow();
        }
        html.closeTable();
    }

    html.heading(3, "Levels the model does not keep (unseen in training or pooled as rare)");
    std::vector<std::pair<const OneHotStep *, LevelsNotKept>> outside;
    for (const OneHotStep &oneHot : preprocessor.oneHot) {
        const Column &column = data.column(oneHot.column);
        if (column.type != ColumnType::Categorical)
            continue;
        LevelsNotKept found = levelsNotKept(oneHot, column);
        if (found.rows > 0)
            outside.emplace_back(&oneHot, std::move(found));
    }
    if (outside.empty()) {
        html.paragraph("None: every level of the evaluated data has its own input.");
    } else {
        constexpr std::size_t kNamedLevels = 10;
        html.openTable({"column", "rows", "levels", "the levels", "scored as"});
        for (const auto &[oneHot, found] : outside) {
            std::string names;
            for (std::size_t l = 0; l < std::min(found.levels.size(), kNamedLevels); ++l)
                names += (names.empty() ? "" : ", ") + found.levels[l];
            if (found.levels.size() > kNamedLevels)
                names += ", …";
            const std::string scoredAs = oneHot->otherInput ? "\"other\"" : "no level";
            html.openRow();
            html.cell(oneHot->column);
            html.count("limitations.unseen_rows." + oneHot->column, found.rows);
            html.count("limitations.unseen_levels." + oneHot->column, std::int64_t(found.levels.size()));
            html.cell(names);
            html.cell(scoredAs);
            html.closeRow();
            warnings.push_back(std::to_string(found.rows) + " rows of the evaluated data hold a level of " +
                               oneHot->column +
                               " that the model does not keep (unseen in training or pooled as "
                               "rare); they are scored as " +
                               scoredAs + ".");
        }
        html.closeTable();
    }

    html.heading(3, "Columns the model does not read");
    std::vector<std::string> read = model.requiredColumns();
    for (const TargetEncoding &task : model.tasks())
        read.push_back(task.spec.column);
    std::string unused;
    std::int64_t unusedCount = 0;
    for (std::size_t c = 0; c < data.columnCount(); ++c) {
        const std::string &name = data.column(c).name;
        if (std::find(read.begin(), read.end(), name) != read.end())
            continue;
        unused += (unused.empty() ? "" : ", ") + name;
        ++unusedCount;
    }
    html.openTable({"columns", "names"});
    html.openRow();
    html.count("limitations.unused", unusedCount);
    html.cell(unused.empty() ? "none" : unused);
    html.closeRow();
    html.closeTable();
    if (unusedCount > 0)
        warnings.push_back("The model does not read " + std::to_string(unusedCount) +
                           " columns of the evaluated data (neither a feature nor a task): " + unused + ".");
}

void multitaskEvidence(Html &html, const StoredComparison &comparison)
{
    const ComparisonResult &result = comparison.result;
    const ComparisonProvenance &provenance = comparison.provenance;
    html.paragraph("Did sharing across tasks help? From creditmtl-cli compare on " + provenance.dataSource + " (" +
                   std::to_string(provenance.dataRows) + " rows), " + result.scheme +
                   ": each task's first headline metric on the test parts, averaged over the repeats; for each "
                   "multi-task model, the paired difference to the single-task net (the same network trained for "
                   "each task alone) and to the tuned " +
                   result.candidates.front() +
                   " baseline, each with its 95% Nadeau-Bengio corrected resampled t interval (n_test/n_train = " +
                   shown(result.testToTrainRatio, 3) + "). An interval that covers 0 is no detectable difference.");
    std::string task;
    for (const MetricSamples &metric : result.metrics) {
        if (metric.task == task)
            continue; // the first headline metric of each task
        task = metric.task;
        html.heading(3, "Task " + task + " (" + metric.metric + ")");
        const std::string &baseline = result.candidates.front();
        html.openTable({"candidate", "mean " + metric.metric, "difference to the single-task net", "95% lower",
                        "95% upper", "verdict", "difference to " + baseline, "95% lower", "95% upper", "verdict"});
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            const std::string key = "multitask." + task + "." + result.candidates[c];
            html.openRow();
            html.cell(result.candidates[c]);
            html.number(key + ".mean", summarise(metric.values[c]).mean);
            // Intervals exist for the multi-task candidates (and the others read against the
            // references), none for the references themselves or with fewer than 2 repeats.
            const auto intervalCells = [&](const std::optional<PairedInterval> &interval, const std::string &name,
                                           const std::string &verdict) {
                if (!interval) {
                    for (int empty = 0; empty < 4; ++empty)
                        html.cell("");
                    return;
                }
                html.number(key + "." + name + ".difference", interval->mean);
                html.number(key + "." + name + ".lower", interval->lower);
                html.number(key + "." + name + ".upper", interval->upper);
                html.cell(verdict);
            };
            const std::optional<PairedInterval> &toSingle = metric.versusSingleTask[c];
            const std::optional<PairedInterval> &toBaseline = metric.versusBaseline[c];
            intervalCells(toSingle, "single_task", toSingle ? sharingVerdict(toSingle->verdict) : "");
            intervalCells(toBaseline, "baseline",
                          toBaseline ? baselineVerdict(toBaseline->verdict) + " " + baseline : "");
            html.closeRow();
        }
        html.closeTable();
    }
    for (const std::string &note : result.notes)
        html.paragraph("Note: " + note);
}

} // namespace

std::string softwareVersion()
{
    return std::string("CreditMTL ") + CREDITMTL_VERSION + " (" + CREDITMTL_ISA + ")";
}

std::string fileSha256(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw DataError({path, {}, {}}, "cannot read the file for its checksum: " + file.errorString().toStdString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw DataError({path, {}, {}}, "cannot read the file for its checksum: " + file.errorString().toStdString());
    return hash.result().toHex().toStdString();
}

std::string modelReportHtml(const ModelReportInputs &inputs, const ReportProgress &progress)
{
    if (!inputs.model || !inputs.data)
        throw std::invalid_argument("modelReportHtml: the model and the data are required");
    const MultiTaskModel &model = inputs.model->model;
    const Table &data = *inputs.data;
    const int steps = inputs.base ? 4 : 3; // the last call says "Done" with done == steps
    int done = 0;
    auto step = [&](const std::string &what) {
        if (progress)
            progress(done++, steps, what);
    };
    std::vector<std::string> warnings; // collected on the way, listed in the last section
    if (inputs.comparison) {
        std::vector<ComparisonTask> tasks;
        for (const TargetEncoding &task : model.tasks())
            tasks.push_back({task.spec.name(), task.spec.type});
        std::vector<std::string> files = {data.source()};
        if (inputs.base)
            files.push_back(inputs.base->source());
        refuseComparisonForOtherData(*inputs.comparison, inputs.comparisonPath, tasks, files);
    }

    step("Evaluating the model");
    const EvaluationReport evaluation = evaluateModel(model, data, "evaluated", inputs.threads);
    for (const std::string &note : evaluation.notes)
        warnings.push_back("Evaluated data: " + note);

    Html html;
    html.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
             "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>"
             "<title>Model report: " +
             xmlEscape(inputs.modelPath) + "</title><style>" + kStyle + "</style></head><body>\n");
    html.heading(1, "Model report");
    html.raw("<p>Model <code>" + xmlEscape(inputs.modelPath) + "</code>, evaluated on <code>" +
             xmlEscape(data.source()) + "</code>. Generated " + xmlEscape(inputs.generatedAt) + " by " +
             xmlEscape(softwareVersion()) + ".</p>\n");

    // Purpose and data.
    html.openSection("purpose", "Purpose and data");
    std::string purpose = "A multi-task model predicting";
    for (std::size_t t = 0; t < model.tasks().size(); ++t)
        purpose += std::string(t == 0 ? " " : ", ") + model.tasks()[t].spec.name() + " (" +
                   toString(model.tasks()[t].spec.type) + ")";
    html.paragraph(purpose + " from " + std::to_string(model.requiredColumns().size()) + " input columns.");
    html.heading(3, "Evaluated data");
    dataSummary(html, "data", data);
    if (!inputs.periodColumn.empty())
        periodSummary(html, data, inputs.periodColumn);
    if (inputs.base) {
        html.heading(3, "Base data");
        dataSummary(html, "base", *inputs.base);
    }
    html.heading(3, "Missing values per input column (evaluated data)");
    html.openTable({"column", "type", "missing cells"});
    for (const std::string &name : model.requiredColumns()) {
        const Column &column = data.column(name);
        html.openRow();
        html.cell(name);
        html.cell(toString(column.type));
        html.count(missingKey("data", name), missingCells(column));
        html.closeRow();
    }
    html.closeTable();
    html.heading(3, "Task base rates (evaluated data, labelled rows)");
    html.openTable({"task", "class or statistic", "value"});
    const std::vector<TaskScores> scores = scoreTasks(model, data, {}, inputs.threads);
    for (const TaskEvaluation &task : evaluation.tasks) {
        const std::string key = "baserate." + task.task;
        if (task.binary) {
            html.openRow();
            html.cell(task.task);
            html.cell("share of " + task.classes.at(1));
            html.number(key, task.binary->count > 0 ? double(task.binary->positives) / double(task.binary->count)
                                                    : std::numeric_limits<double>::quiet_NaN());
            html.closeRow();
        } else if (task.multiclass) {
            for (std::size_t c = 0; c < task.classes.size(); ++c) {
                html.openRow();
                html.cell(task.task);
                html.cell("share of " + task.classes[c]);
                html.number(key + "." + task.classes[c],
                            task.count > 0 ? double(task.multiclass->support.at(c)) / double(task.count)
                                           : std::numeric_limits<double>::quiet_NaN());
                html.closeRow();
            }
        }
        html.openRow();
        html.cell(task.task);
        html.cell("labelled rows");
        html.count(key + ".count", task.count);
        html.closeRow();
    }
    html.closeTable();
    html.closeSection();

    // Configuration.
    html.openSection("configuration", "Configuration, seed, version and checksum");
    html.openTable({"item", "value"});
    const std::string checksum = fileSha256(inputs.modelPath);
    html.raw("<tr><td>model file SHA-256</td><td><code data-key=\"model.sha256\" data-value=\"" + checksum + "\">" +
             checksum + "</code></td></tr>\n");
    html.openRow();
    html.cell("training seed");
    html.count("config.seed", static_cast<std::int64_t>(model.config().train.seed));
    html.closeRow();
    html.openRow();
    html.cell("split seed");
    html.count("config.split_seed", static_cast<std::int64_t>(model.config().split.seed));
    html.closeRow();
    html.raw("<tr><td>software</td><td>" + xmlEscape(softwareVersion()) + "</td></tr>\n");
    html.raw("<tr><td>architecture</td><td>" + xmlEscape(toString(model.network().spec().architecture)) +
             "</td></tr>\n");
    html.closeTable();
    html.heading(3, "Every setting (as saved in the model file)");
    html.raw("<pre>" +
             xmlEscape(QJsonDocument(configToJson(model.config())).toJson(QJsonDocument::Indented).toStdString()) +
             "</pre>\n");
    html.closeSection();

    // Preprocessing.
    const Preprocessor &preprocessor = model.preprocessor();
    html.openSection("preprocessing", "Preprocessing");
    html.heading(3, "Numeric inputs: median imputation, clipping to the training range, standardisation");
    html.openTable({"column", "imputed (median)", "mean", "scale", "lowest", "highest", "missing flag"});
    for (const NumericStep &numeric : preprocessor.numeric) {
        const std::string key = "preprocess." + numeric.column + ".";
        html.openRow();
        html.cell(numeric.column);
        html.number(key + "median", numeric.median, 7);
        html.number(key + "mean", numeric.mean, 7);
        html.number(key + "scale", numeric.scale, 7);
        html.number(key + "lowest", numeric.lowest, 7);
        html.number(key + "highest", numeric.highest, 7);
        html.cell(numeric.missingIndicator ? "yes" : "no");
        html.closeRow();
    }
    html.closeTable();
    html.heading(3, "Categorical inputs: one-hot levels");
    html.openTable({"column", "levels", "other input"});
    for (const OneHotStep &oneHot : preprocessor.oneHot) {
        std::string levels;
        for (const std::string &level : oneHot.levels)
            levels += (levels.empty() ? "" : ", ") + level;
        html.openRow();
        html.cell(oneHot.column);
        html.cell(levels);
        html.cell(oneHot.otherInput ? "yes (rare and unseen levels)" : "no");
        html.closeRow();
    }
    html.closeTable();
    if (preprocessor.woe.empty()) {
        html.paragraph("No weight-of-evidence inputs.");
    } else {
        html.heading(3, "Weight-of-evidence bins");
        html.openTable({"column", "bin", "events", "non-events", "WoE", "IV"});
        for (const FeatureBinning &binning : preprocessor.woe) {
            for (std::size_t b = 0; b < binning.bins.size(); ++b) {
                const Bin &bin = binning.bins[b];
                const std::string key = "woe." + binning.feature + "." + std::to_string(b + 1) + ".";
                html.openRow();
                html.cell(binning.feature);
                html.cell(bin.label());
                html.count(key + "events", bin.events);
                html.count(key + "non_events", bin.nonEvents);
                html.number(key + "woe", bin.woe);
                html.number(key + "iv", bin.iv);
                html.closeRow();
            }
        }
        html.closeTable();
    }
    warnings.insert(warnings.end(), preprocessor.warnings.begin(), preprocessor.warnings.end());
    html.closeSection();

    // Training.
    const TrainingHistory &history = inputs.model->history;
    html.openSection("training", "Training");
    if (history.epochs.empty()) {
        const std::string absent = "The model file holds no training history, so no training curve is shown.";
        html.paragraph(absent);
        warnings.push_back(absent);
    } else {
        html.openTable({"epochs run", "chosen epoch", "stopped because", "refit epochs"});
        html.openRow();
        html.count("history.epochs", static_cast<std::int64_t>(history.epochs.size()));
        html.count("history.best_epoch", history.bestEpoch);
        html.cell(history.stopReason);
        html.count("history.refit_epochs", history.refitEpochs);
        html.closeRow();
        html.closeTable();
        SvgLineChart curves{"Objective per epoch", "epoch", "weighted loss", {}, {}, {}, false};
        SvgSeries train{"training", {}, {}, false, false}, validation{"validation", {}, {}, false, true};
        for (const EpochRecord &epoch : history.epochs) {
            train.x.push_back(epoch.epoch);
            train.y.push_back(epoch.trainObjective);
            validation.x.push_back(epoch.epoch);
            validation.y.push_back(epoch.validationObjective);
        }
        curves.series = {train, validation};
        if (history.bestEpoch > 0) {
            curves.markerX = history.bestEpoch;
            curves.markerLabel = "chosen " + std::to_string(history.bestEpoch);
        }
        html.raw(svgLineChart(curves, "training-objective"));
        for (std::size_t t = 0; t < model.tasks().size(); ++t) {
            SvgLineChart metric{"Validation metric per epoch: " + model.tasks()[t].spec.name(),
                                "epoch",
                                "AUC / accuracy / RMSE",
                                {},
                                {},
                                {},
                                false};
            SvgSeries trainMetric{"training rows", {}, {}, false, false};
            SvgSeries validationMetric{"validation rows", {}, {}, false, true};
            for (const EpochRecord &epoch : history.epochs) {
                if (t >= epoch.tasks.size())
                    continue;
                trainMetric.x.push_back(epoch.epoch);
                trainMetric.y.push_back(epoch.tasks[t].trainMetric);
                validationMetric.x.push_back(epoch.epoch);
                validationMetric.y.push_back(epoch.tasks[t].validationMetric);
            }
            metric.series = {trainMetric, validationMetric};
            metric.markerX = history.bestEpoch > 0 ? history.bestEpoch : std::numeric_limits<double>::quiet_NaN();
            metric.markerLabel = "chosen";
            html.raw(svgLineChart(metric, "training-metric-" + std::to_string(t)));
        }
    }
    html.closeSection();

    // Metrics on every part.
    html.openSection("metrics", "Metrics per task on each evaluated part");
    html.paragraph("The parts stored in the model file by its training run, then the evaluated data.");
    for (const EvaluationReport &stored : inputs.model->reports)
        metricsTable(html, stored, stored.part);
    metricsTable(html, evaluation, "evaluated");
    html.closeSection();

    // Charts per task.
    step("Drawing the charts");
    html.openSection("charts", "Charts per task (evaluated data)");
    for (std::size_t t = 0; t < scores.size(); ++t) {
        const TaskScores &task = scores[t];
        const TaskEvaluation &taskEvaluation = evaluation.tasks.at(t);
        html.heading(3, "Task " + task.task + " (" + toString(task.type) + ")");
        if (task.size() == 0) {
            html.paragraph("No labelled row: no chart.");
            continue;
        }
        if (task.type == TaskType::Binary) {
            if (taskEvaluation.roc.empty())
                html.paragraph("Only one class among the labelled rows: no ROC, KS or gains.");
            else
                binaryCharts(html, task, taskEvaluation);
        } else if (task.type == TaskType::Multiclass && taskEvaluation.multiclass) {
            html.heading(4, "Confusion matrix of " + task.task);
            confusionMatrix(html, "confusion." + task.task, task.classes, taskEvaluation.multiclass->confusion);
        } else if (task.type == TaskType::Regression) {
            regressionCharts(html, task);
        }
    }
    html.closeSection();

    // Importance.
    step("Permutation importance");
    html.openSection("importance", "Feature importance per task");
    html.paragraph("Permutation importance on the evaluated data: " + std::to_string(inputs.importanceRepeats) +
                   " shuffles per column, seed " + std::to_string(inputs.importanceSeed) +
                   "; the drop of the task's metric (larger = more important).");
    for (const TaskImportance &task :
         permutationImportance(model, data, inputs.importanceRepeats, inputs.importanceSeed, inputs.threads)) {
        const std::string key = "importance." + task.task + ".";
        html.heading(3, "Task " + task.task + ": " + task.metric + " " + shown(task.baseline));
        html.openTable({"column", "mean drop", "sd"});
        SvgBarChart chart{"Permutation importance: " + task.task + " (top 15)", "mean drop of " + task.metric, {}, {}};
        for (const FeatureImportance &feature : task.features) {
            html.openRow();
            html.cell(feature.column);
            html.number(key + feature.column + ".mean", feature.mean);
            html.number(key + feature.column + ".sd", feature.sd);
            html.closeRow();
            if (chart.labels.size() < 15) {
                chart.labels.push_back(feature.column);
                chart.values.push_back(feature.mean);
            }
        }
        html.closeTable();
        html.raw(svgBarChart(chart, "importance-" + task.task));
    }
    html.closeSection();

    // Stability.
    html.openSection("stability", "Stability: PSI of scores, CSI of features");
    if (!inputs.base) {
        const std::string absent = "No base data was given (--base), so PSI and CSI are not computed.";
        html.paragraph(absent);
        warnings.push_back(absent);
    } else {
        step("Stability against the base data");
        html.paragraph("Bands: deciles of " + inputs.base->source() +
                       " (numeric) or its levels (categorical), plus missing; 0.5 added to every band's count. "
                       "Below 0.1 stable, 0.1 to 0.25 watch, above 0.25 shift.");
        html.openTable({"variable", "kind", "index", "verdict", "bands"});
        for (const ModelStabilityIndex &entry : modelStability(model, *inputs.base, data, inputs.threads)) {
            const bool score = entry.kind == ModelStabilityIndex::Kind::Score;
            html.openRow();
            html.cell(entry.index.name);
            html.cell(score ? "PSI (score)" : "CSI (feature)");
            html.number((score ? "psi." : "csi.") + entry.index.name, entry.index.index);
            html.cell(toString(entry.index.verdict));
            html.count((score ? "psi_bands." : "csi_bands.") + entry.index.name,
                       static_cast<std::int64_t>(entry.index.bands.size()));
            html.closeRow();
            if (entry.index.verdict != StabilityVerdict::Stable)
                warnings.push_back((score ? "The score " : "The column ") + entry.index.name + " has " +
                                   (score ? "PSI " : "CSI ") + shown(entry.index.index) + " (" +
                                   toString(entry.index.verdict) + ") against the base data.");
        }
        html.closeTable();
    }
    html.closeSection();

    html.openSection("multitask", "Multi-task evidence");
    if (inputs.comparison) {
        multitaskEvidence(html, *inputs.comparison);
    } else {
        const std::string noComparison =
            "Omitted: no comparison with single-task and logistic baselines was given (run creditmtl-cli compare "
            "on the training data with --out-json FILE, then report with --comparison FILE).";
        html.paragraph(noComparison);
        warnings.push_back(noComparison);
    }
    html.closeSection();

    html.openSection("limitations", "Limitations and warnings");
    dataBeyondTraining(html, model, data, warnings);
    html.heading(3, "Warnings");
    warnings.insert(warnings.begin(), inputs.model->warnings.begin(), inputs.model->warnings.end());
    for (const EvaluationReport &stored : inputs.model->reports)
        for (const std::string &note : stored.notes)
            warnings.push_back("Part " + stored.part + ": " + note);
    if (warnings.empty())
        html.paragraph("None.");
    else
        html.list(warnings);
    html.closeSection();
    html.raw("</body></html>\n");
    step("Done");
    return html.text;
}

} // namespace cmtl
