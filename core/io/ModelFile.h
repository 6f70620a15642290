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
//   <JSON: schema, preprocessing steps, task encodings, network, configuration, metrics, history>
//   <weights: the flat parameter vector as little-endian IEEE float32>
//   \nsha256 <hex digest of everything above>\n
// The weights are stored as raw bits, so a loaded model predicts bit for bit as the saved one.
// A file from a newer format version, a truncated or an edited file is refused with a message, and
// so is a file whose checksum is right but whose content cannot be a model (non-finite weights,
// duplicate classes, a zero scale...).
// The bytes depend only on the data, the settings and the seed: the history holds no wall-clock
// timing, so two runs with the same seed write identical files (compare their sha256).
// Format versions: 1 stored each epoch's seconds and dense confusion matrices (still read);
// 2 stores no timing and only the non-zero cells of a confusion matrix.
struct ModelFileContents {
    MultiTaskModel model;
    std::vector<EvaluationReport> reports;
    TrainingHistory history;
    std::vector<std::string> warnings;
};

constexpr int kModelFormatVersion = 2;

// The largest file loadModelFile reads: the weights of the largest network (see
// nn/MultiTaskNetwork.h) plus a 256 MiB header; anything larger is refused before it is read.
constexpr std::int64_t kMaxModelFileBytes = kMaxNetworkParameters * 4 + (std::int64_t{256} << 20);

QByteArray serializeModel(const ModelFileContents &contents);
// Parses bytes (from a file, a test or a fuzzer); `sourceName` names them in error messages.
ModelFileContents parseModel(QByteArrayView bytes, const std::string &sourceName);

void saveModelFile(const std::string &path, const ModelFileContents &contents);
ModelFileContents loadModelFile(const std::string &path);

} // namespace cmtl
