#include "train/Checkpoint.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/JsonReader.h"
#include "io/SealedFile.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <cstring>
#include <type_traits>

namespace cmtl {

using json::JsonReader;
using json::key;
using json::qs;

namespace {

constexpr SealedSectionFormat kCheckpointSections[] = {{"header"}, {"state"}};
constexpr SealedFormat kCheckpointFormat{"CreditMTL-checkpoint", "checkpoint file", kCheckpointFormatVersion,
                                         kCheckpointSections};

// The state section: little-endian 64-bit counts and doubles, 32-bit floats, as raw bits.
class StateWriter {
public:
    template <typename T> void put(T value)
    {
        static_assert(std::is_arithmetic_v<T> && (sizeof(T) == 4 || sizeof(T) == 8));
        using Bits = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
        Bits bits;
        std::memcpy(&bits, &value, sizeof bits);
        bits = qToLittleEndian(bits);
        m_bytes.append(reinterpret_cast<const char *>(&bits), sizeof bits);
    }
    void count(std::size_t value) { put(static_cast<std::uint64_t>(value)); }
    void floats(const Eigen::VectorXf &values)
    {
        count(static_cast<std::size_t>(values.size()));
        for (const float value : values)
            put(value);
    }
    void doubles(const std::vector<double> &values)
    {
        count(values.size());
        for (const double value : values)
            put(value);
    }
    void text(const std::string &value)
    {
        count(value.size());
        m_bytes.append(value.data(), static_cast<qsizetype>(value.size()));
    }
    void history(const TrainingHistory &history)
    {
        count(history.epochs.size());
        for (const EpochRecord &record : history.epochs) {
            put(static_cast<std::int64_t>(record.epoch));
            put(record.trainObjective);
            put(record.validationObjective);
            count(record.tasks.size());
            for (const TaskEpochStats &task : record.tasks) {
                for (const double value :
                     {task.trainLoss, task.validationLoss, task.validationMetric, task.trainMetric})
                    put(value);
            }
            doubles(record.lambdas);
            put(record.seconds);
            put(record.samplesPerSecond);
        }
        put(static_cast<std::int64_t>(history.bestEpoch));
        text(history.stopReason);
        put(static_cast<std::int64_t>(history.refitEpochs));
        count(history.refitRows);
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

class StateReader {
public:
    StateReader(QByteArrayView bytes, const std::string &sourceName) : m_bytes(bytes), m_source(sourceName) {}

    template <typename T> T get()
    {
        using Bits = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
        need(sizeof(Bits));
        Bits bits;
        std::memcpy(&bits, m_bytes.data() + m_at, sizeof bits);
        m_at += static_cast<qsizetype>(sizeof bits);
        bits = qFromLittleEndian(bits);
        T value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    // A count of items of `itemBytes` each that must fit in what is left.
    std::size_t count(std::size_t itemBytes)
    {
        const auto value = get<std::uint64_t>();
        if (itemBytes > 0 && value > static_cast<std::uint64_t>(m_bytes.size() - m_at) / itemBytes)
            fail("a list claims " + std::to_string(value) + " items, more than the section holds");
        return static_cast<std::size_t>(value);
    }
    int integer()
    {
        const auto value = get<std::int64_t>();
        if (value < 0 || value > std::numeric_limits<int>::max())
            fail("a count is out of range (" + std::to_string(value) + ")");
        return static_cast<int>(value);
    }
    Eigen::VectorXf floats()
    {
        Eigen::VectorXf values(static_cast<Eigen::Index>(count(4)));
        for (float &value : values)
            value = get<float>();
        return values;
    }
    std::vector<double> doubles()
    {
        std::vector<double> values(count(8));
        for (double &value : values)
            value = get<double>();
        return values;
    }
    std::string text()
    {
        const std::size_t size = count(1);
        std::string value(m_bytes.data() + m_at, size);
        m_at += static_cast<qsizetype>(size);
        return value;
    }
    TrainingHistory history()
    {
        TrainingHistory history;
        history.epochs.resize(count(8 * 9));
        for (EpochRecord &record : history.epochs) {
            record.epoch = integer();
            record.trainObjective = get<double>();
            record.validationObjective = get<double>();
            record.tasks.resize(count(8 * 4));
            for (TaskEpochStats &task : record.tasks) {
                for (double *value : {&task.trainLoss, &task.validationLoss, &task.validationMetric, &task.trainMetric})
                    *value = get<double>();
            }
            record.lambdas = doubles();
            record.seconds = get<double>();
            record.samplesPerSecond = get<double>();
        }
        history.bestEpoch = integer();
        history.stopReason = text();
        history.refitEpochs = integer();
        history.refitRows = static_cast<std::size_t>(get<std::uint64_t>());
        return history;
    }
    void expectEnd() const
    {
        if (m_at != m_bytes.size())
            fail(std::to_string(m_bytes.size() - m_at) + " bytes are left over after the training state");
    }

private:
    void need(std::size_t bytes) const
    {
        if (static_cast<std::size_t>(m_bytes.size() - m_at) < bytes)
            fail("the training state ends early");
    }
    [[noreturn]] void fail(const std::string &problem) const
    {
        throw DataError({m_source, 0, {}}, "damaged checkpoint file: " + problem);
    }

    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    std::string m_source;
};

} // namespace

QByteArray serializeCheckpoint(const TrainingCheckpoint &checkpoint)
{
    QJsonArray fingerprint;
    for (const FingerprintEntry &entry : checkpoint.fingerprint)
        fingerprint.append(QJsonArray{qs(entry.name), qs(entry.value)});
    const QJsonObject header{{key("fingerprint"), fingerprint},
                             {key("member"), checkpoint.member},
                             {key("phase"), QString::fromLatin1(checkpoint.refit ? "refit" : "early_stopping")},
                             {key("epochs_done"), checkpoint.trainer.epoch}};
    StateWriter state;
    const TrainerState &trainer = checkpoint.trainer;
    state.floats(trainer.parameters);
    state.floats(trainer.optimiser.firstMoment);
    state.floats(trainer.optimiser.secondMoment);
    state.put(static_cast<std::int64_t>(trainer.optimiser.step));
    state.doubles(trainer.weighting);
    state.doubles(trainer.previousEpochLosses);
    state.put(trainer.bestValue);
    state.floats(trainer.bestParameters);
    state.put(trainer.earlyStopBest);
    state.put(static_cast<std::int64_t>(trainer.epochsWithoutImprovement));
    state.history(trainer.history);
    state.count(checkpoint.finishedMembers.size());
    for (const Eigen::VectorXf &member : checkpoint.finishedMembers)
        state.floats(member);
    state.history(checkpoint.firstMemberHistory);
    state.history(checkpoint.earlyStoppingHistory);
    return writeSealedFile(kCheckpointFormat, kCheckpointFormatVersion,
                           {QJsonDocument(header).toJson(QJsonDocument::Indented), state.bytes()});
}

TrainingCheckpoint parseCheckpoint(QByteArrayView bytes, const std::string &sourceName)
{
    const SealedContent content = readSealedFile(bytes, kCheckpointFormat, sourceName);
    const JsonReader header(parseJsonSection(content.sections[0], "checkpoint file", sourceName), "checkpoint",
                            sourceName);
    TrainingCheckpoint checkpoint;
    const QJsonArray fingerprint = header.array("fingerprint");
    for (const QJsonValue &entry : fingerprint) {
        const QJsonArray pair = entry.toArray();
        if (pair.size() != 2 || !pair[0].isString() || !pair[1].isString())
            throw DataError({sourceName, 0, {}}, "damaged checkpoint file: field checkpoint.fingerprint should hold "
                                                 "[name, value] pairs of strings");
        checkpoint.fingerprint.push_back({pair[0].toString().toStdString(), pair[1].toString().toStdString()});
    }
    checkpoint.member = header.integer("member");
    const std::string phase = header.text("phase");
    if (phase != "refit" && phase != "early_stopping")
        header.fail("phase", "should be early_stopping or refit");
    checkpoint.refit = phase == "refit";
    const int epochsDone = header.integer("epochs_done");

    StateReader state(content.sections[1], sourceName);
    TrainerState &trainer = checkpoint.trainer;
    trainer.epoch = epochsDone;
    trainer.parameters = state.floats();
    trainer.optimiser.firstMoment = state.floats();
    trainer.optimiser.secondMoment = state.floats();
    trainer.optimiser.step = state.get<std::int64_t>();
    trainer.weighting = state.doubles();
    trainer.previousEpochLosses = state.doubles();
    trainer.bestValue = state.get<double>();
    trainer.bestParameters = state.floats();
    trainer.earlyStopBest = state.get<double>();
    trainer.epochsWithoutImprovement = state.integer();
    trainer.history = state.history();
    checkpoint.finishedMembers.resize(state.count(8));
    for (Eigen::VectorXf &member : checkpoint.finishedMembers)
        member = state.floats();
    checkpoint.firstMemberHistory = state.history();
    checkpoint.earlyStoppingHistory = state.history();
    state.expectEnd();
    if (checkpoint.member < 0 || static_cast<std::size_t>(checkpoint.member) != checkpoint.finishedMembers.size() ||
        epochsDone < 0 || trainer.optimiser.step < 0)
        throw DataError({sourceName, 0, {}}, "damaged checkpoint file: member " + std::to_string(checkpoint.member) +
                                                 " follows " + std::to_string(checkpoint.finishedMembers.size()) +
                                                 " trained members");
    return checkpoint;
}

void saveCheckpoint(const std::string &path, const TrainingCheckpoint &checkpoint)
{
    writeFileAtomically(path, serializeCheckpoint(checkpoint));
}

TrainingCheckpoint loadCheckpoint(const std::string &path)
{
    return parseCheckpoint(readWholeFile(path, kMaxCheckpointBytes, "checkpoint file"), path);
}

void checkFingerprint(const RunFingerprint &saved, const RunFingerprint &now, const std::string &sourceName)
{
    std::string differences;
    const auto add = [&](const std::string &difference) {
        differences += (differences.empty() ? "" : "; ") + difference;
    };
    for (const FingerprintEntry &entry : now) {
        const auto found = std::find_if(saved.begin(), saved.end(),
                                        [&](const FingerprintEntry &other) { return other.name == entry.name; });
        if (found == saved.end())
            add(entry.name + " is not in the checkpoint and is " + entry.value + " now");
        else if (found->value != entry.value)
            add(entry.name + " is " + found->value + " in the checkpoint and " + entry.value + " now");
    }
    for (const FingerprintEntry &entry : saved) {
        if (std::none_of(now.begin(), now.end(),
                         [&](const FingerprintEntry &other) { return other.name == entry.name; }))
            add(entry.name + " is " + entry.value + " in the checkpoint and not set now");
    }
    if (!differences.empty())
        throw ConfigError(sourceName +
                          ": the checkpoint was written by another run (other data or settings), so it "
                          "cannot be resumed: " +
                          differences +
                          ". Run again with the same data and settings, or without --resume to start afresh");
}

std::string fingerprintDigest(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(16).toStdString();
}

} // namespace cmtl
