#pragma once

#include "csv/CsvReader.h"
#include "model/MultiTaskModel.h"

// How a data file is read for a saved model, the same in the command line and the workbench.
namespace cmtl {

// `options` with the model's reading added: the training file's values treated as missing, the
// model's text inputs (and, withTasks, its class-label task columns) read as text, and its numeric
// inputs read as numbers, so that a cell that is not one is refused at its line rather than turning
// the column into text. Columns the options already force keep their type.
CsvOptions csvOptionsForModel(const MultiTaskModel &model, bool withTasks, CsvOptions options);

} // namespace cmtl
