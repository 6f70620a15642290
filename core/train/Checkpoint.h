#pragma once

#include "train/Trainer.h"

#include <QByteArray>
#include <QByteArrayView>

#include <Eigen/Core>

#include <string>
#include <vector>

namespace cmtl {

// What a run depends on, as named values ("train.epochs" = "6", "data bytes" = "1843200",
// "training rows" = "6000"): a checkpoint records them, and resuming compares them one by one,
// so that a run is never continued with other data or settings.
struct FingerprintEntry {
    std::string name, value;
    bool operator==(const FingerprintEntry &) const = default;
};
using RunFingerprint = std::vector<FingerprintEntry>;

// Where a training run stood when the checkpoint was written: the ensemble member in training,
// whether it was early stopping's training or the refit on all training rows, the trainer's state
// in that phase (epoch 0: the phase starts afresh), the weights of the members already trained,
// and the histories kept from finished phases.
struct TrainingCheckpoint {
    RunFingerprint fingerprint;
    int member = 0;     // 0-based
    bool refit = false; // in the refit on the training and validation rows (RefitMode::All)
    TrainerState trainer;
    std::vector<Eigen::VectorXf> finishedMembers; // members 0 .. member - 1
    TrainingHistory firstMemberHistory;           // member > 0: the first member's (the one kept)
    TrainingHistory earlyStoppingHistory;         // refit: this member's history before the refit
};

// The checkpoint file, a sealed file (io/SealedFile.h):
//   CreditMTL-checkpoint <version> <header bytes> <state bytes>\n
//   <JSON header: the fingerprint, the member, the phase and the epoch, readable by a person>
//   <state: the numbers, little-endian, floats and doubles as raw bits so that they come back exactly>
//   \nsha256 <hex digest of everything above>\n
// A truncated or edited file, another format or a newer version is refused naming the file.
constexpr int kCheckpointFormatVersion = 1;

QByteArray serializeCheckpoint(const TrainingCheckpoint &checkpoint);
// Parses bytes (from a file or a test); `sourceName` names them in messages. Throws DataError.
TrainingCheckpoint parseCheckpoint(QByteArrayView bytes, const std::string &sourceName);
// Written atomically (a temporary file renamed over `path` once on disk): a process killed while
// writing leaves the previous checkpoint whole.
void saveCheckpoint(const std::string &path, const TrainingCheckpoint &checkpoint);
TrainingCheckpoint loadCheckpoint(const std::string &path);
// The largest checkpoint file read.
constexpr std::int64_t kMaxCheckpointBytes = std::int64_t{1} << 40;

// Throws ConfigError naming `sourceName` and each value that differs between the run that wrote
// the checkpoint and this one ("train.epochs is 8 in the checkpoint and 6 now").
void checkFingerprint(const RunFingerprint &saved, const RunFingerprint &now, const std::string &sourceName);

// A short digest (16 hex digits of SHA-256) of bytes, for fingerprint entries.
std::string fingerprintDigest(QByteArrayView bytes);

} // namespace cmtl
