#include "distributed/DistributedEvaluation.h"

#include "distributed/Bytes.h"
#include "distributed/Communicator.h"
#include "distributed/DistributedFit.h"

#include <algorithm>

namespace cmtl {

namespace {

// Every rank's values in rank order, converted through float (exact for 0/1 labels and for class
// indices below 2^24).
template <typename T> std::vector<T> gathered(Communicator &communicator, const std::vector<T> &values)
{
    const std::vector<float> asFloats(values.begin(), values.end());
    const std::vector<float> all = communicator.gather(asFloats);
    std::vector<T> result(all.size());
    std::transform(all.begin(), all.end(), result.begin(), [](float value) { return static_cast<T>(value); });
    return result;
}

} // namespace

TaskScores gatherScoresAcrossRanks(Communicator &communicator, const TaskScores &mine, std::size_t firstRow)
{
    TaskScores all;
    all.task = mine.task;
    all.type = mine.type;
    all.classes = mine.classes;
    all.scores = communicator.gather(mine.scores);
    all.labels = gathered(communicator, mine.labels);
    all.classLabels = gathered(communicator, mine.classLabels);
    all.predicted = communicator.gather(mine.predicted);
    all.actual = communicator.gather(mine.actual);
    // classes x rows, column-major: the ranks' columns one after another.
    const std::vector<float> probabilities = communicator.gather(
        std::span<const float>(mine.probabilities.data(), static_cast<std::size_t>(mine.probabilities.size())));
    const Eigen::Index height = mine.type == TaskType::Multiclass ? static_cast<Eigen::Index>(mine.classes.size()) : 0;
    all.probabilities =
        height > 0 ? Eigen::MatrixXf(Eigen::Map<const Eigen::MatrixXf>(
                         probabilities.data(), height, static_cast<Eigen::Index>(probabilities.size()) / height))
                   : Eigen::MatrixXf(mine.probabilities.rows(), 0);
    all.unseen = mergeTalliesAcrossRanks(communicator, mine.unseen, firstRow);
    return all;
}

void foldClippedColumn(TransformNotes &merged, ClippedColumn column)
{
    const auto found = std::find_if(merged.clipped.begin(), merged.clipped.end(),
                                    [&](const ClippedColumn &held) { return held.column == column.column; });
    if (found == merged.clipped.end())
        merged.clipped.push_back(std::move(column));
    else
        found->cells += column.cells;
}

void orderClippedBySteps(TransformNotes &notes, const Preprocessor &preprocessor)
{
    const auto stepOf = [&](const ClippedColumn &column) {
        return std::find_if(preprocessor.numeric.begin(), preprocessor.numeric.end(),
                            [&](const NumericStep &step) { return step.column == column.column; }) -
               preprocessor.numeric.begin();
    };
    std::stable_sort(notes.clipped.begin(), notes.clipped.end(),
                     [&](const ClippedColumn &a, const ClippedColumn &b) { return stepOf(a) < stepOf(b); });
}

TransformNotes mergeNotesAcrossRanks(Communicator &communicator, const TransformNotes &mine, std::size_t firstRow,
                                     const Preprocessor &preprocessor)
{
    ByteWriter writer;
    writer.value<std::uint64_t>(mine.clipped.size());
    for (const ClippedColumn &column : mine.clipped) {
        writer.text(column.column);
        writer.value(column.lowest);
        writer.value(column.highest);
        writer.value(column.cells);
        writer.value<std::uint64_t>(column.firstRow + firstRow);
        writer.value(column.firstValue);
        writer.text(column.firstPlace);
    }
    TransformNotes merged;
    merged.rangesUnknown = mine.rangesUnknown;
    for (const std::vector<char> &bytes : gatherBytes(communicator, writer.bytes)) {
        ByteReader reader(bytes);
        const auto count = reader.value<std::uint64_t>();
        for (std::uint64_t i = 0; i < count; ++i) {
            ClippedColumn column;
            column.column = reader.text();
            column.lowest = reader.value<float>();
            column.highest = reader.value<float>();
            column.cells = reader.value<std::int64_t>();
            column.firstRow = static_cast<std::size_t>(reader.value<std::uint64_t>());
            column.firstValue = reader.value<float>();
            column.firstPlace = reader.text();
            foldClippedColumn(merged, std::move(column));
        }
    }
    orderClippedBySteps(merged, preprocessor);
    return merged;
}

} // namespace cmtl
