#pragma once

#include "model/MultiTaskModel.h"

#include <QByteArray>
#include <QByteArrayView>

#include <string>

namespace cmtl {

// The operator sets an exported graph imports: the standard domain at opset 17 (ONNX 1.12, the
// newest the Debian library knows) and ai.onnx.ml at version 3 for LabelEncoder.
constexpr int kOnnxOpset = 17;
constexpr int kOnnxMlOpset = 3;

// The text values an exported graph reads as a missing categorical cell besides the empty string:
// the tokens `predict` reads as missing by default (CsvOptions::missingTokens).
const std::vector<std::string> &onnxMissingTokens();

// The whole scoring pipeline of `model` as one ONNX graph, serialised (a ModelProto):
// - one input per feature column, named after it, [N, 1]: float for a numeric column (NaN, or one
//   of the model's missing values for the column, is missing), string for a categorical column
//   (the empty string, onnxMissingTokens() and the model's missing values for the column are
//   missing; a level the model never saw goes where `predict` sends it: the pooled "other" input,
//   else no input);
// - the preprocessing (imputation, clipping to the training range, standardisation, missing
//   flags, one-hot blocks), the network of any architecture, each head's output transform;
// - outputs per task: `<task>.probability` [N, 1] (binary, positive class), `<task>.probabilities`
//   [N, K] and `<task>.class` [N] (multiclass, the class labels as strings), `<task>.value` [N, 1]
//   (regression, in the target's unit).
// The result has passed checkOnnxModel. Throws ConfigError for a model the graph cannot express.
QByteArray exportOnnx(const MultiTaskModel &model);

// The ONNX checker over serialised model bytes, with strict shape and type inference (the Python
// checker's full_check): throws DataError naming `sourceName` and the checker's reason.
void checkOnnxModel(QByteArrayView bytes, const std::string &sourceName);

} // namespace cmtl
