#include "io/PredictionsCsv.h"

#include <charconv>

namespace cmtl {

namespace {
std::string shortest(float value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}
} // namespace

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
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
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        const TargetEncoding &task = model.tasks()[t];
        const Eigen::MatrixXf &output = predictions[t];
        if (task.spec.type == TaskType::Multiclass) {
            Eigen::Index predicted = 0;
            output.col(row).maxCoeff(&predicted);
            cells.push_back(task.classes[static_cast<std::size_t>(predicted)]);
            for (Eigen::Index k = 0; k < output.rows(); ++k)
                cells.push_back(shortest(output(k, row)));
        } else {
            cells.push_back(shortest(output(0, row)));
        }
    }
    return cells;
}

QByteArray predictionsToCsv(const MultiTaskModel &model, const std::vector<Eigen::MatrixXf> &predictions)
{
    std::string text;
    const auto appendRow = [&](const std::vector<std::string> &cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += ',';
            text += csvField(cells[i]);
        }
        text += '\n';
    };
    appendRow(predictionColumnNames(model));
    const Eigen::Index rows = predictions.empty() ? 0 : predictions.front().cols();
    for (Eigen::Index row = 0; row < rows; ++row)
        appendRow(predictionCells(model, predictions, row));
    return QByteArray::fromStdString(text);
}

} // namespace cmtl
