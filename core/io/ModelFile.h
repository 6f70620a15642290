#pragma once

#include "model/MultiTaskModel.h"
#include "train/Experiment.h"

#include <QByteArray>
#include <QByteArrayView>

#include <string>
#include <vector>

namespace cmtl {

// The `.cmtl` model file. Layout:
//   CreditMTL-model <format version> <JSON bytes> <weight bytes>\n
//   <JSON: schema, preprocessing steps, task encodings, network, configuration, metrics>
//   <weights: the flat parameter vector as little-endian IEEE float32>
//   \nsha256 <hex digest of everything above>\n
// The weights are stored as raw bits, so a loaded model predicts bit for bit as the saved one.
// A file from a newer format version, a truncated or an edited file is refused with a message.
struct ModelFileContents {
    MultiTaskModel model;
    std::vector<EvaluationReport> reports;
    TrainingHistory history;
    std::vector<std::string> warnings;
};

constexpr int kModelFormatVersion = 1;

QByteArray serializeModel(const ModelFileContents &contents);
// Parses bytes (from a file, a test or a fuzzer); `sourceName` names them in error messages.
ModelFileContents parseModel(QByteArrayView bytes, const std::string &sourceName);

void saveModelFile(const std::string &path, const ModelFileContents &contents);
ModelFileContents loadModelFile(const std::string &path);

} // namespace cmtl
