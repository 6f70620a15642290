#include "report/ModelData.h"

#include <algorithm>

namespace cmtl {

CsvOptions csvOptionsForModel(const MultiTaskModel &model, bool withTasks, CsvOptions options)
{
    const auto named = [](const std::vector<std::string> &names, const std::string &column) {
        return std::find(names.begin(), names.end(), column) != names.end();
    };
    std::vector<std::string> categorical = model.categoricalColumns();
    if (withTasks) {
        for (const TargetEncoding &task : model.tasks()) {
            if (task.spec.type != TaskType::Regression)
                categorical.push_back(task.spec.column);
        }
    }
    addColumnMissingValues(options, model.inputMissingValues());
    for (const std::string &column : model.requiredColumns()) {
        if (!named(categorical, column) && !named(options.numericColumns, column) &&
            !named(options.categoricalColumns, column))
            options.numericColumns.push_back(column);
    }
    for (const std::string &column : categorical) {
        if (!named(options.categoricalColumns, column))
            options.categoricalColumns.push_back(column);
    }
    return options;
}

} // namespace cmtl
