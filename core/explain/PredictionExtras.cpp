#include "explain/PredictionExtras.h"

#include "common/Error.h"
#include "explain/IntegratedGradients.h"
#include "io/PredictionsCsv.h"

#include <charconv>

namespace cmtl {

std::string exactText(double value)
{
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

CsvColumns predictionExtraColumns(const MultiTaskModel &model, const Table &table,
                                  const std::vector<Eigen::MatrixXf> &predictions, int reasons,
                                  const std::optional<ScoreScaling> &points, int threads)
{
    CsvColumns columns;
    if (reasons <= 0 && !points)
        return columns;
    std::vector<std::size_t> binary;
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        if (model.tasks()[t].spec.type == TaskType::Binary)
            binary.push_back(t);
    }
    if (binary.empty())
        throw ConfigError("reason codes and points explain binary tasks, and the model has none");
    const auto rows = static_cast<std::size_t>(table.rowCount());
    if (reasons > 0) {
        const InputMatrix inputs = model.preprocessor().transform(table, threads);
        for (const std::size_t t : binary) {
            const IntegratedGradients attributions =
                integratedGradients(model, inputs, t, kIntegratedGradientSteps, threads);
            const std::size_t first = columns.names.size();
            for (int k = 1; k <= reasons; ++k) {
                columns.names.push_back(model.tasks()[t].spec.name() + ".reason" + std::to_string(k));
                columns.cells.emplace_back();
                columns.cells.back().reserve(rows);
            }
            for (std::size_t row = 0; row < rows; ++row) {
                const std::vector<std::size_t> top =
                    topReasons(attributions.columns.col(static_cast<Eigen::Index>(row)), reasons);
                for (std::size_t k = 0; k < static_cast<std::size_t>(reasons); ++k)
                    columns.cells[first + k].push_back(k < top.size() ? attributions.columnNames[top[k]]
                                                                      : std::string());
            }
        }
    }
    if (points) {
        for (const std::size_t t : binary) {
            columns.names.push_back(model.tasks()[t].spec.name() + ".points");
            columns.cells.emplace_back();
            columns.cells.back().reserve(rows);
            for (Eigen::Index row = 0; row < predictions[t].cols(); ++row)
                columns.cells.back().push_back(exactText(points->pointsOfEventProbability(predictions[t](0, row))));
        }
    }
    return columns;
}

QByteArray appendCsvColumns(const QByteArray &csv, const CsvColumns &extra)
{
    const std::size_t rows = extra.cells.empty() ? 0 : extra.cells.front().size();
    const auto appendRecordTail = [&](std::string &out, std::size_t record, bool first) {
        for (std::size_t c = 0; c < extra.names.size(); ++c) {
            if (!first || c > 0)
                out += ',';
            out += csvField(record == 0 ? extra.names[c] : extra.cells[c][record - 1]);
        }
        out += '\n';
    };
    std::string out;
    if (csv.isEmpty()) {
        for (std::size_t record = 0; record <= rows; ++record)
            appendRecordTail(out, record, true);
        return QByteArray::fromStdString(out);
    }
    if (extra.names.empty())
        return csv;
    out.reserve(static_cast<std::size_t>(csv.size()) + rows * extra.names.size() * 8);
    bool quoted = false;
    std::size_t record = 0;
    for (const char c : csv) {
        if (c == '"')
            quoted = !quoted;
        if (c == '\n' && !quoted) {
            appendRecordTail(out, record++, false);
            continue;
        }
        out += c;
    }
    return QByteArray::fromStdString(out);
}

} // namespace cmtl
