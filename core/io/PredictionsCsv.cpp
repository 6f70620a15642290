#include "io/PredictionsCsv.h"

#include "common/ParallelFor.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace cmtl {

namespace {

// The shortest text that reads back as the same float.
std::string_view shortest(float value, char (&buffer)[32])
{
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return {buffer, static_cast<std::size_t>(result.ptr - buffer)};
}

// Calls cell(text) for each prediction cell of `row`, in predictionColumnNames() order: the one
// place that decides what a row's cells are, for the table in the workbench and for the file.
template <typename CellSink>
void visitPredictionCells(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions,
                          Eigen::Index row, CellSink &&cell)
{
    char buffer[32];
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        const TargetEncoding &task = model.tasks()[t];
        const Eigen::MatrixXf &output = predictions[t];
        if (task.spec.type == TaskType::Multiclass) {
            Eigen::Index predicted = 0;
            output.col(row).maxCoeff(&predicted);
            cell(std::string_view(task.classes[static_cast<std::size_t>(predicted)]));
            for (Eigen::Index k = 0; k < output.rows(); ++k)
                cell(shortest(output(k, row), buffer));
        } else {
            cell(shortest(output(0, row), buffer));
        }
    }
}

// Appends one CSV field, quoted when it holds a comma, quote or line break.
void appendField(std::string &out, std::string_view text)
{
    // A plain loop: the cells are short numbers, for which four memchr calls cost more.
    const bool needsQuotes =
        std::any_of(text.begin(), text.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (!needsQuotes) {
        out.append(text);
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

std::string csvField(const std::string &text)
{
    std::string field;
    appendField(field, text);
    return field;
}

std::vector<std::string> predictionColumnNames(const MultiTaskModel &model)
{
    std::vector<std::string> names;
    for (const TargetEncoding &task : model.tasks()) {
        const std::string &name = task.spec.name();
        switch (task.spec.type) {
        case TaskType::Binary:
            names.push_back(name + ".probability");
            break;
        case TaskType::Multiclass:
            names.push_back(name + ".class");
            for (const std::string &level : task.classes)
                names.push_back(name + ".probability." + level);
            break;
        case TaskType::Regression:
            names.push_back(name + ".value");
            break;
        }
    }
    return names;
}

std::vector<std::string> predictionCells(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions,
                                         Eigen::Index row)
{
    std::vector<std::string> cells;
    visitPredictionCells(model, predictions, row, [&](std::string_view text) { cells.emplace_back(text); });
    return cells;
}

QByteArray predictionsToCsv(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions, int threads,
                            const std::vector<const Column *> &kept)
{
    // Blocks of rows formatted in parallel into their own strings (no allocation per cell), then
    // joined in row order: the text does not depend on the thread count.
    const auto appendRow = [](std::string &out, const auto &visit) {
        bool first = true;
        visit([&](std::string_view text) {
            if (!first)
                out += ',';
            first = false;
            appendField(out, text);
        });
        out += '\n';
    };
    std::string header;
    appendRow(header, [&](const auto &cell) {
        for (const Column *column : kept)
            cell(std::string_view(column->name));
        for (const std::string &name : predictionColumnNames(model))
            cell(std::string_view(name));
    });
    const Eigen::Index rows = predictions.empty() ? 0 : predictions.front().cols();
    constexpr Eigen::Index kBlock = 16384;
    const auto blocks = static_cast<std::size_t>((rows + kBlock - 1) / kBlock);
    std::vector<std::string> texts(blocks);
    parallelFor(blocks, threads, [&](std::size_t block) {
        const Eigen::Index begin = static_cast<Eigen::Index>(block) * kBlock;
        const Eigen::Index end = std::min(rows, begin + kBlock);
        std::string &text = texts[block];
        text.reserve(static_cast<std::size_t>(end - begin) * header.size());
        for (Eigen::Index row = begin; row < end; ++row)
            appendRow(text, [&](const auto &cell) {
                for (const Column *column : kept)
                    cell(std::string_view(column->cellText(static_cast<std::size_t>(row))));
                visitPredictionCells(model, predictions, row, cell);
            });
    });
    std::size_t size = header.size();
    for (const std::string &text : texts)
        size += text.size();
    QByteArray csv;
    csv.reserve(static_cast<qsizetype>(size));
    csv.append(header.data(), static_cast<qsizetype>(header.size()));
    for (const std::string &text : texts)
        csv.append(text.data(), static_cast<qsizetype>(text.size()));
    return csv;
}

} // namespace cmtl
