#pragma once

// Weight-of-evidence (WoE) inputs: a feature replaced by the WoE of its bin, from the optimal
// binning (binning/Binning.h) of the feature against one binary task on the training rows.
//
// Scoring a cell: a number falls in the range bin (lower, upper] that holds it, or in its special
// value's bin; a level in the bin that lists it; a missing cell in the missing bin. A cell with no
// bin -- a level never seen in training, or a missing cell when training had none -- gets WoE 0,
// the WoE of a bin with the average event rate (no evidence either way).

#include "binning/Binning.h"
#include "data/Table.h"
#include "preprocess/Preprocessor.h"
#include "tasks/TaskSpec.h"

#include <functional>
#include <string>
#include <vector>

namespace cmtl {

// Which features become WoE inputs, and against which task. Unused (the plain preprocessing)
// when no column is named and `allColumns` is false.
struct WoeOptions {
    std::vector<std::string> columns; // feature columns, in the order given
    bool allColumns = false;          // every feature column
    std::string task;                 // the binary task's name (its column); empty = the first binary task
    // The task's positive class, once the task is resolved (the command line resolves it): then
    // the task need not be a task of the run (a single-task baseline of compare bins its WoE
    // inputs against the same task as the multi-task model).
    std::string positiveClass;
    // Bins grouped by hand (the workbench's Binning page, --binning): a WoE column with a binning
    // here keeps its bins -- bounds, level groups, special and missing bins -- instead of its
    // optimal binning, recounted on the training rows (recountBinning). They must have been grouped
    // against the WoE task; whoever fills this checks that. Not part of the saved configuration:
    // the model file keeps the bins it was fitted with.
    std::vector<FeatureBinning> givenBins;

    bool used() const { return allColumns || !columns.empty(); }
};

// The bin of a table cell, or -1 when no bin holds it (see above). `column` must have the
// binning's type (numeric or categorical).
int binOfCell(const FeatureBinning &binning, const Column &column, std::size_t row);
// The WoE of the bin, 0 for -1.
double woeOfBin(const FeatureBinning &binning, int bin);

// For one column of a table: each row's bin by the binning, with the level lookups done once.
class BinLookup {
public:
    // Throws DataError when the column's type is not the binning's (a numeric feature read as text).
    BinLookup(const FeatureBinning &binning, const Column &column, const std::string &source);
    int operator()(std::size_t row) const;

private:
    const FeatureBinning *m_binning;
    const Column *m_column;
    std::vector<int> m_binOfCode; // categorical: per dictionary code
    int m_missingBin = -1;
};

// The binning counts of `rows` of one column against their 0/1 labels (numericBinningCounts or
// categoricalBinningCounts by its type).
BinningCounts binningCounts(const Column &column, const std::vector<std::size_t> &rows, const std::vector<int> &labels,
                            const BinningOptions &options);
// Bins one column against the 0/1 labels of `rows` (binNumeric or binCategorical by its type).
FeatureBinning binColumn(const Column &column, const std::vector<std::size_t> &rows, const std::vector<int> &labels,
                         const BinningOptions &options);

// The bins of `layout` (their bounds, level groups, special and missing bins, in order) with
// their counts taken afresh from `rows` of `column` against `labels` (0 or 1, one per row), every
// statistic recomputed: an edited binning applied to other rows (the training rows of a run).
// A row that no bin holds (a level the layout does not list) is not counted; a bin that gets no
// row keeps the small-count adjustment of computeBinStatistics. Throws DataError when the
// column's type is not the layout's, ConfigError when the labels lack a class.
FeatureBinning recountBinning(const FeatureBinning &layout, const Column &column, const std::vector<std::size_t> &rows,
                              const std::vector<int> &labels, const std::string &source);
// The bins of `layout` with their counts taken afresh from `rows` as recountBinning does, the
// statistics not computed (the counts of parts of the rows add up to those of all of them).
FeatureBinning recountBins(const FeatureBinning &layout, const Column &column, const std::vector<std::size_t> &rows,
                           const std::vector<int> &labels, const std::string &source);
// The rows among `rows` labelled for the binary `task`, with their labels as binning wants them
// (1 = the task's positive class, an event; 0 = a non-event); the target encoding is fitted on `rows`.
struct EventLabels {
    std::vector<std::size_t> rows;
    std::vector<int> labels;
};
EventLabels eventLabels(const Table &table, const TaskSpec &task, const std::vector<std::size_t> &rows);
// The same with the task's target encoding given (fitted on the rows of the whole table).
EventLabels eventLabels(const Table &table, const TargetEncoding &encoding, const std::vector<std::size_t> &rows);

// The binning of `feature` among `given`, or null when it has none.
const FeatureBinning *givenBinningOf(const std::vector<FeatureBinning> &given, const std::string &feature);

// The task WoE inputs are binned against: the named one, else the first binary task. Throws
// ConfigError when it names no task or a task that is not binary, or when there is no binary task.
const TaskSpec &woeTask(const std::vector<TaskSpec> &tasks, const std::string &name);
// The feature columns that become WoE inputs, in feature order. Throws ConfigError for a column
// that is not a feature (naming the features).
std::vector<std::string> woeColumns(const std::vector<std::string> &features, const WoeOptions &options);
// Given bins split by whether a run's WoE inputs (woeColumns) use them: `used`, the bins of a WoE
// input, in the order given; `unused`, the features of the others (a task, an ignored column, a
// feature that is no WoE input; every one when there are no WoE inputs), in the order given.
struct GivenBinsUse {
    std::vector<FeatureBinning> used;
    std::vector<std::string> unused;
};
GivenBinsUse givenBinsUse(const std::vector<std::string> &woeInputs, const std::vector<FeatureBinning> &given);

// fitPreprocessor, with the WoE columns binned against the WoE task on the training rows (with
// the default BinningOptions, or woe.givenBins recounted) instead of scaled or one-hot encoded. A
// WoE column whose binning leaves a single bin is dropped with a warning, as a constant column is;
// a given binning of a column that is no WoE input is named in a warning as not used.
Preprocessor fitPreprocessorWithWoe(const Table &table, const RoleAssignment &roles,
                                    const std::vector<std::size_t> &trainRows, const PreprocessOptions &options,
                                    const WoeOptions &woe, int threads = 0);

// What the WoE fit takes from the training rows beyond their bins' counts: one process reads it
// from its table; the ranks of a data-parallel run (fitPreprocessorWithWoeAcrossRanks,
// distributed/DistributedFit.h) reduce each rank's part across the ranks, so that the fit
// (fitPreprocessorWithWoe below, the same code for both) is the whole table's.
struct WoeFitSources {
    // The scaled and one-hot steps of the features that are no WoE inputs (not empty), unchecked for inputs.
    std::function<Preprocessor(const std::vector<std::string> &plain)> plainSteps;
    // The WoE task's target encoding on the training rows.
    std::function<TargetEncoding(const TaskSpec &task)> targetEncoding;
    // Adds the other rows' counts to those of this table's rows (one process: nothing to add).
    std::function<void(BinningCounts &counts)> addOtherCounts;
    // Adds the other rows' counts to the bins recounted on this table's rows (one process: nothing).
    std::function<void(FeatureBinning &bins)> addOtherBinCounts;
    std::size_t allTrainRows = 0; // the training rows of all parts
};
// fitPreprocessorWithWoe above, with the statistics from `sources` (woe.used() must be true).
Preprocessor fitPreprocessorWithWoe(const Table &table, const RoleAssignment &roles,
                                    const std::vector<std::size_t> &trainRows, const WoeOptions &woe,
                                    const WoeFitSources &sources);

} // namespace cmtl
