// Run under mpirun by run_mpi_test.sh (ctest label "mpi"). Modes:
//   equivalence  N ranks, each with its part of the rows and batch B, against one process (rank 0
//                alone) with all rows and batch N * B: the parameters after one epoch of several
//                steps, and the test AUC after training with early stopping.
//   preprocess   each rank reads its rows of a CSV text and the preprocessing is fitted across the
//                ranks: it must equal the one fitted by one process on the whole table, exactly.
//   woe          each rank reads its rows of a CSV text of awkward binning data (values tied across
//                the quantile cuts and the ranks, missing and special values, a last part with no
//                event at all): the binning counts reduced across the ranks give the bins one
//                process gives on the whole column (binNumeric / binCategorical), exactly, and the
//                WoE preprocessing (optimal bins and bins grouped by hand, recounted) fitted
//                across the ranks equals the one fitted by one process on the whole table.
//   write-project PATH  (not under mpirun) a project whose Binning page grouped the sample's
//                annual_inc and verification_status against Class = bad (mpi_cli_train_binning_2).
//   preprocess-types  the same with a column numeric on some parts and text on another: refused.
//   read         each rank reads its byte range of a CSV file (quoted line breaks, a blank line, a
//                column with text on the last part only): its rows must equal the same rows of
//                the whole file read by one process, with the same types, cells and lines, and
//                its rows of the stratified split those of one process's split.
//   read-fault   the same file with a bad number on the last rank's part: the job must stop
//                naming the rank, the file, the file's line and the value.
//   fault-throw  the last rank fails reading its part: the job must stop naming it and the cause.
//   fault-kill   the last rank is killed in the middle of training: the job must stop, not hang.
//   bench R E T  (scripts/bench_mpi.sh, not a test) R synthetic rows split over the ranks, the
//                reference network (128, 64), batch 256 per rank, E epochs, T threads per rank:
//                seconds per epoch, the seconds spent in the gradient's allreduce (waits for the
//                other ranks included), and the allreduce alone when every rank is ready for it.
#include "common/Error.h"
#include "csv/CsvReader.h"
#include "distributed/Communicator.h"
#include "distributed/DistributedFit.h"
#include "distributed/DistributedRead.h"
#include "metrics/BinaryMetrics.h"
#include "nn/Random.h"
#include "preprocess/WoeEncoder.h"
#include "project/ProjectFile.h"
#include "split/DataSplit.h"
#include "train/Trainer.h"

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace cmtl;

namespace {

constexpr int kFeatures = 8;
constexpr int kPerRankBatch = 32;
// Float sums in another order (per rank, then across ranks) move each Adam step by about one
// float rounding; after one epoch (75 steps on 1 rank, 19 on 4) the largest difference measured
// was 7.5e-8 (2 ranks); the bound leaves a factor of about 13.
constexpr float kParameterTolerance = 1e-6f;
constexpr double kAucTolerance = 0.002;

// Rows [begin, end) of a synthetic set: features, a binary default flag and a regression target.
// Each row comes from its own seed, so a rank makes its rows without making the others'.
struct Part {
    InputMatrix inputs;
    std::vector<std::vector<float>> targets;
    TrainingSet set;
};

void makeRows(Part &part, std::uint64_t setSeed, std::size_t begin, std::size_t end)
{
    const auto n = static_cast<Eigen::Index>(end - begin);
    Eigen::MatrixXf features(kFeatures, n);
    part.targets.assign(2, std::vector<float>(static_cast<std::size_t>(n)));
    for (Eigen::Index i = 0; i < n; ++i) {
        SplitMix64 random(SplitMix64::derive(setSeed, begin + static_cast<std::size_t>(i)));
        for (int f = 0; f < kFeatures; ++f)
            features(f, i) = static_cast<float>(2 * random.uniform() - 1);
        const double logit = 1.5 * features(0, i) - features(1, i) + features(2, i) * features(3, i) +
                             0.5 * std::sin(3 * features(4, i));
        part.targets[0][static_cast<std::size_t>(i)] = random.uniform() < 1 / (1 + std::exp(-logit)) ? 1.f : 0.f;
        part.targets[1][static_cast<std::size_t>(i)] =
            static_cast<float>(features(5, i) - 0.5 * features(6, i) + 0.3 * (random.uniform() - 0.5));
    }
    part.inputs = InputMatrix(std::move(features));
    part.set.inputs = &part.inputs;
    part.set.targets = &part.targets;
    part.set.rows.resize(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < part.set.rows.size(); ++i)
        part.set.rows[i] = i;
}

// This rank's share of `rows` rows: contiguous, in rank order (as byte ranges of a file are).
std::pair<std::size_t, std::size_t> shareOf(std::size_t rows, int rank, int size)
{
    return {rows * static_cast<std::size_t>(rank) / static_cast<std::size_t>(size),
            rows * static_cast<std::size_t>(rank + 1) / static_cast<std::size_t>(size)};
}

struct Problem {
    MultiTaskNetwork network;
    std::vector<TrainingTask> tasks;
};

Problem makeProblem(std::vector<int> trunk = {16})
{
    NetworkSpec spec;
    spec.inputs = kFeatures;
    spec.trunk = std::move(trunk);
    spec.dropout = 0; // dropout masks are drawn per rank (Trainer.h): equal only in distribution
    spec.taskTypes = {TaskType::Binary, TaskType::Regression};
    spec.taskOutputs = {1, 1};
    Problem problem{MultiTaskNetwork(spec), {}};
    problem.tasks.push_back({"default", TaskType::Binary, 1, 1.0, 1.0, {}});
    problem.tasks.push_back({"amount", TaskType::Regression, 1, 0.5, 1.0, {}});
    return problem;
}

TrainConfig configFor(int epochs, int batch)
{
    TrainConfig config;
    config.hiddenLayers = {16};
    config.dropout = 0;
    config.batchSize = batch;
    config.epochs = epochs;
    config.patience = 3;
    config.learningRate = 5e-3;
    config.threads = 1;
    return config;
}

double testAuc(const Problem &problem, const Eigen::VectorXf &parameters, const Part &test)
{
    const std::vector<Eigen::MatrixXf> outputs = forwardAll(problem.network, parameters, test.inputs, 1);
    std::vector<float> scores(static_cast<std::size_t>(outputs[0].cols()));
    std::vector<std::uint8_t> labels(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        scores[i] = outputs[0](0, static_cast<Eigen::Index>(i));
        labels[i] = test.targets[0][i] > 0.5f ? 1 : 0;
    }
    return rocAuc(scores, labels);
}

constexpr std::size_t kTrainRows = 2400, kValidationRows = 800, kTestRows = 2000;

int equivalence(Communicator &ranks)
{
    const Problem problem = makeProblem();
    Part train, validation;
    const auto [trainBegin, trainEnd] = shareOf(kTrainRows, ranks.rank(), ranks.size());
    const auto [validationBegin, validationEnd] = shareOf(kValidationRows, ranks.rank(), ranks.size());
    makeRows(train, 1, trainBegin, trainEnd);
    makeRows(validation, 2, validationBegin, validationEnd);

    // After one epoch of several steps, without validation rows.
    const TrainingOutcome afterSteps = trainNetwork(problem.network, problem.tasks, train.set, nullptr,
                                                    configFor(1, kPerRankBatch), {}, nullptr, &ranks);
    // After training with early stopping on all ranks' validation rows.
    const TrainingOutcome trained = trainNetwork(problem.network, problem.tasks, train.set, &validation.set,
                                                 configFor(15, kPerRankBatch), {}, nullptr, &ranks);
    if (ranks.rank() != 0)
        return 0;

    // One process with all the rows and batch N * B.
    SingleProcessCommunicator alone;
    Part allTrain, allValidation, test;
    makeRows(allTrain, 1, 0, kTrainRows);
    makeRows(allValidation, 2, 0, kValidationRows);
    makeRows(test, 3, 0, kTestRows);
    const int batch = kPerRankBatch * ranks.size();
    const TrainingOutcome referenceSteps =
        trainNetwork(problem.network, problem.tasks, allTrain.set, nullptr, configFor(1, batch), {}, nullptr, &alone);
    const TrainingOutcome reference = trainNetwork(problem.network, problem.tasks, allTrain.set, &allValidation.set,
                                                   configFor(15, batch), {}, nullptr, &alone);

    const float parameterDifference = (afterSteps.parameters - referenceSteps.parameters).cwiseAbs().maxCoeff();
    const double distributedAuc = testAuc(problem, trained.parameters, test);
    const double referenceAuc = testAuc(problem, reference.parameters, test);
    const std::size_t steps = (kTrainRows + static_cast<std::size_t>(batch) - 1) / static_cast<std::size_t>(batch);
    std::printf("%d ranks, batch %d per rank: after %zu steps the largest parameter difference is %.3g "
                "(tolerance %.0e); test AUC %.5f against %.5f in one process with batch %d (best epochs %d and %d)\n",
                ranks.size(), kPerRankBatch, steps, static_cast<double>(parameterDifference),
                static_cast<double>(kParameterTolerance), distributedAuc, referenceAuc, batch,
                trained.history.bestEpoch, reference.history.bestEpoch);
    bool ok = parameterDifference <= kParameterTolerance && std::abs(distributedAuc - referenceAuc) <= kAucTolerance;
    // The early-stopping decisions must be the same, and the result must be a trained model.
    ok = ok && trained.history.bestEpoch == reference.history.bestEpoch &&
         trained.history.epochs.size() == reference.history.epochs.size() && referenceAuc > 0.7;
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

// The rows of a small loan table as CSV lines: numeric columns with missing cells and a long
// tail, categorical columns with tied, rare and missing levels whose first appearance differs
// along the file (a level first seen on a validation row, a level that only occurs late).
std::vector<std::string> loanLines(std::size_t rows)
{
    static const char *const grades[] = {"A", "B", "C", "D", "E"};
    static const char *const purposes[] = {"car", "home", "debt", "car", "home", "debt"};
    std::vector<std::string> lines;
    for (std::size_t row = 0; row < rows; ++row) {
        SplitMix64 random(SplitMix64::derive(7, row));
        const double income = 20000 + 80000 * random.uniform() * random.uniform();
        const std::string incomeCell = random.uniform() < 0.1 ? "NA" : std::to_string(income);
        const std::string rateCell = random.uniform() < 0.05 ? "" : std::to_string(5 + 20 * random.uniform());
        const std::size_t grade = static_cast<std::size_t>(random.uniform() * 5);
        std::string purpose = purposes[row % 6];
        if (row % 397 == 5)
            purpose = "wedding"; // rare: pooled into (other)
        if (row > rows * 3 / 4 && row % 11 == 0)
            purpose = "solar"; // first seen on the last rank's part
        const std::string region = random.uniform() < 0.03 ? "" : (row % 2 == 0 ? "north" : "south");
        // Equally frequent on the training rows, "web" first in the file but "phone" first on the
        // second half: the tie between them is broken by the whole file's first-seen order.
        const bool firstHalf = row < rows / 2;
        const std::string channel = (row % 2 == 0) == firstHalf ? "web" : "phone";
        lines.push_back(incomeCell + "," + rateCell + "," + grades[grade] + "," + purpose + "," + region + "," +
                        std::to_string(row % 3) + "," + channel + "\n");
    }
    return lines;
}

bool sameSteps(const Preprocessor &a, const Preprocessor &b)
{
    bool same = a.numeric.size() == b.numeric.size() && a.oneHot.size() == b.oneHot.size() && a.warnings == b.warnings;
    for (std::size_t i = 0; same && i < a.numeric.size(); ++i) {
        const NumericStep &x = a.numeric[i], &y = b.numeric[i];
        same = x.column == y.column && x.median == y.median && x.mean == y.mean && x.scale == y.scale &&
               x.missingIndicator == y.missingIndicator && x.lowest == y.lowest && x.highest == y.highest;
        if (!same)
            std::printf("numeric step %s differs: median %.9g/%.9g mean %.9g/%.9g scale %.9g/%.9g\n", x.column.c_str(),
                        double(x.median), double(y.median), double(x.mean), double(y.mean), double(x.scale),
                        double(y.scale));
    }
    for (std::size_t i = 0; same && i < a.oneHot.size(); ++i) {
        same = a.oneHot[i].column == b.oneHot[i].column && a.oneHot[i].levels == b.oneHot[i].levels &&
               a.oneHot[i].otherInput == b.oneHot[i].otherInput;
        if (!same)
            std::printf("one-hot step %s differs\n", a.oneHot[i].column.c_str());
    }
    return same;
}

int preprocess(Communicator &ranks, bool typesDiffer)
{
    constexpr std::size_t kRows = 3000;
    const std::string header = "income,rate,grade,purpose,region,branch,channel\n";
    const std::vector<std::string> lines = loanLines(kRows);
    const auto [begin, end] = shareOf(kRows, ranks.rank(), ranks.size());
    std::string part = header;
    for (std::size_t row = begin; row < end; ++row)
        part += lines[row];
    // preprocess-types: the last part's "branch" holds text, the others numbers, and the parts are
    // read on their own (not by readCsvPartOfRank, which agrees the types): the fit must refuse.
    if (typesDiffer && ranks.rank() == ranks.size() - 1)
        part += "2999.5,10,A,car,north,x,web\n";
    // Every fifth row (by its index in the whole file) is held out, as a split by row index is.
    std::vector<std::size_t> trainRows;
    for (std::size_t row = begin; row < end; ++row) {
        if (row % 5 != 0)
            trainRows.push_back(row - begin);
    }
    CsvOptions options;
    options.threads = 1;
    if (!typesDiffer)
        options.categoricalColumns = {"branch"};
    const std::vector<std::string> features{"income", "rate", "grade", "purpose", "region", "branch", "channel"};
    PreprocessOptions preprocessOptions;
    preprocessOptions.missingIndicators = true;
    const CsvReadResult mine = readCsv(part, "loans.csv", options);
    const Preprocessor distributed =
        fitPreprocessorAcrossRanks(ranks, mine.table, features, trainRows, preprocessOptions);
    if (ranks.rank() != 0)
        return 0;

    std::string whole = header;
    std::vector<std::size_t> allTrainRows;
    for (std::size_t row = 0; row < kRows; ++row) {
        whole += lines[row];
        if (row % 5 != 0)
            allTrainRows.push_back(row);
    }
    const CsvReadResult all = readCsv(whole, "loans.csv", options);
    const Preprocessor reference = fitPreprocessor(all.table, features, allTrainRows, preprocessOptions, 1);
    const bool ok = sameSteps(distributed, reference) && reference.numeric.size() == 2 &&
                    reference.oneHot.size() == 5 && reference.oneHot[1].otherInput &&
                    reference.oneHot[4].levels == std::vector<std::string>{"web", "phone"};
    std::printf("%d ranks: %zu numeric and %zu one-hot steps, %s the one-process fit\n", ranks.size(),
                distributed.numeric.size(), distributed.oneHot.size(), ok ? "equal to" : "NOT equal to");
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

// Rows of awkward binning data: "score" an integer 0..40 (every value on many rows, so every
// quantile cut falls inside a tie, and on every rank), -999 (a special value) on every 37th row and
// missing on every 23rd; "income" continuous with a few missing; "segment" a level of six, one
// rare, some missing; "rate" a plain input. Events ("bad") only in the first half of the rows: the
// last rank's part has none.
std::vector<std::string> binningLines(std::size_t rows)
{
    std::vector<std::string> lines;
    SplitMix64 random(20261201);
    const char *segments[] = {"retail", "sme", "corporate", "public", "student", "trust"};
    for (std::size_t row = 0; row < rows; ++row) {
        const int score = static_cast<int>(random.uniform() * 41);
        const std::string scoreCell =
            row % 23 == 0 ? "" : (row % 37 == 0 ? std::string("-999") : std::to_string(score));
        const std::string incomeCell = row % 41 == 0 ? "" : std::to_string(20000 + random.uniform() * 90000);
        std::string segment = segments[row % 5];
        if (row % 211 == 3)
            segment = segments[5];
        if (row % 17 == 0)
            segment.clear();
        const double risk = 0.05 + 0.012 * score + (segment == "sme" ? 0.1 : 0.0);
        const bool bad = row < rows / 2 && random.uniform() < risk;
        lines.push_back(scoreCell + "," + incomeCell + "," + segment + "," + std::to_string(random.uniform()) + "," +
                        (bad ? "bad" : "good") + "\n");
    }
    return lines;
}

bool sameBinning(const FeatureBinning &a, const FeatureBinning &b)
{
    bool same = a.feature == b.feature && a.categorical == b.categorical && a.trend == b.trend &&
                a.fineBinCount == b.fineBinCount && a.bins.size() == b.bins.size() && a.iv == b.iv && a.auc == b.auc;
    for (std::size_t i = 0; same && i < a.bins.size(); ++i) {
        const Bin &x = a.bins[i], &y = b.bins[i];
        same = x.kind == y.kind && x.lower == y.lower && x.upper == y.upper && x.special == y.special &&
               x.levels == y.levels && x.events == y.events && x.nonEvents == y.nonEvents && x.woe == y.woe &&
               x.iv == y.iv;
    }
    if (!same)
        std::printf("the bins of %s differ: %zu bins (%zu fine, IV %.9g) against %zu (%zu fine, IV %.9g)\n",
                    a.feature.c_str(), a.bins.size(), a.fineBinCount, a.iv, b.bins.size(), b.fineBinCount, b.iv);
    return same;
}

// income grouped by hand: (-inf, 40000], (40000, 75000], (75000, +inf), missing.
FeatureBinning incomeByHand()
{
    FeatureBinning income;
    income.feature = "income";
    Bin low, middle, high, missing;
    low.upper = middle.lower = 40000;
    middle.upper = high.lower = 75000;
    missing.kind = BinKind::Missing;
    income.bins = {low, middle, high, missing};
    for (Bin &bin : income.bins)
        bin.events = bin.nonEvents = 1;
    computeBinStatistics(income);
    return income;
}

int woe(Communicator &ranks)
{
    constexpr std::size_t kRows = 3000;
    const std::string header = "score,income,segment,rate,flag\n";
    const std::vector<std::string> lines = binningLines(kRows);
    const auto [begin, end] = shareOf(kRows, ranks.rank(), ranks.size());
    std::string part = header, whole = header;
    std::vector<std::size_t> trainRows, allTrainRows;
    for (std::size_t row = 0; row < kRows; ++row) {
        whole += lines[row];
        if (row % 5 == 0)
            continue;
        allTrainRows.push_back(row);
        if (row >= begin && row < end)
            trainRows.push_back(row - begin);
    }
    for (std::size_t row = begin; row < end; ++row)
        part += lines[row];
    CsvOptions options;
    options.threads = 1;
    const CsvReadResult mine = readCsv(part, "loans.csv", options);
    const CsvReadResult all = readCsv(whole, "loans.csv", options);
    const TaskSpec task{"flag", TaskType::Binary, "bad", 1.0};

    // The counting step alone, with -999 special: the ranks' counts added against the whole column.
    BinningOptions binningOptions;
    binningOptions.specialValues = {-999};
    const EventLabels labelled =
        eventLabels(mine.table, fitTargetEncodingAcrossRanks(ranks, mine.table, begin, task, trainRows), trainRows);
    const EventLabels allLabelled = eventLabels(all.table, task, allTrainRows);
    bool ok = true;
    int lackingClass = 0;
    for (const char *column : {"score", "income", "segment"}) {
        const BinningCounts counts =
            binningCounts(mine.table.column(column), labelled.rows, labelled.labels, binningOptions);
        std::int64_t events = counts.missing.events;
        for (const BinningCounts::Value &value : counts.values)
            events += value.events;
        for (const Bin &level : counts.levels)
            events += level.events;
        if (ranks.rank() == ranks.size() - 1)
            lackingClass += events == 0 ? 1 : 0;
        const FeatureBinning reduced = binFromCounts(column, binningCountsAcrossRanks(ranks, counts), binningOptions);
        if (ranks.rank() == 0)
            ok = sameBinning(reduced, binColumn(all.table.column(column), allLabelled.rows, allLabelled.labels,
                                                binningOptions)) &&
                 ok;
    }
    std::vector<double> lacking{static_cast<double>(lackingClass)};
    ranks.sum(std::span<double>(lacking));

    // The WoE preprocessing: score and segment binned, income grouped by hand, rate scaled.
    RoleAssignment roles;
    roles.features = {"score", "income", "segment", "rate"};
    roles.tasks = {task};
    WoeOptions woeOptions;
    woeOptions.columns = {"score", "income", "segment"};
    woeOptions.task = "flag";
    woeOptions.givenBins = {incomeByHand()};
    const Preprocessor distributed =
        fitPreprocessorWithWoeAcrossRanks(ranks, mine.table, begin, roles, trainRows, {}, woeOptions);
    if (ranks.rank() != 0)
        return 0;
    const Preprocessor reference = fitPreprocessorWithWoe(all.table, roles, allTrainRows, {}, woeOptions, 1);
    ok = sameSteps(distributed, reference) && ok;
    ok = distributed.woe.size() == 3 && reference.woe.size() == 3 && ok;
    for (std::size_t i = 0; ok && i < reference.woe.size(); ++i)
        ok = sameBinning(distributed.woe[i], reference.woe[i]);
    // The data must be as awkward as said: with several ranks the last part holds no event.
    if (ranks.size() > 1 && lacking[0] != 3) {
        std::printf("%g columns' counts of a rank lack events, not 3 (the last rank's)\n", lacking[0]);
        ok = false;
    }
    std::printf("%d ranks: %zu WoE columns (%zu bins of score from %zu fine bins), %s the one-process fit\n",
                ranks.size(), distributed.woe.size(), distributed.woe.empty() ? 0 : distributed.woe[0].bins.size(),
                distributed.woe.empty() ? 0 : distributed.woe[0].fineBinCount, ok ? "equal to" : "NOT equal to");
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

// The sample's annual_inc grouped by hand as (-inf, 50000], (50000, 90000], (90000, +inf) and
// verification_status as {Not_Verified}, {Verified, Source_Verified}, against Class = bad.
int writeProject(const std::string &path)
{
    ProjectContents contents;
    contents.binning.taskColumn = "Class";
    contents.binning.positiveClass = "bad";
    FeatureBinning income;
    income.feature = "annual_inc";
    Bin low, middle, high;
    low.upper = middle.lower = 50000;
    middle.upper = high.lower = 90000;
    income.bins = {low, middle, high};
    FeatureBinning verification;
    verification.feature = "verification_status";
    verification.categorical = true;
    Bin notVerified, verified;
    notVerified.kind = verified.kind = BinKind::Levels;
    notVerified.levels = {"Not_Verified"};
    verified.levels = {"Verified", "Source_Verified"};
    verification.bins = {notVerified, verified};
    for (FeatureBinning *binning : {&income, &verification}) {
        for (Bin &bin : binning->bins)
            bin.events = bin.nonEvents = 1;
        computeBinStatistics(*binning);
    }
    contents.binning.edited = {income, verification};
    saveProjectFile(path, contents);
    std::printf("PASS\n");
    return 0;
}

// The loan lines with a "note" column (a quoted cell over two lines, with doubled quotes, on
// every 250th row; one of 400 lines on row 1480), a blank line after row 1600, text in "branch"
// on row 2990 only, and, for read-fault, "abc" in the numeric column income on row 2900 (line
// 3314 of the file).
std::string loanFile(std::size_t rows, bool badIncome)
{
    const std::vector<std::string> lines = loanLines(rows);
    std::string text = "income,rate,grade,purpose,region,branch,channel,note\n";
    for (std::size_t row = 0; row < rows; ++row) {
        std::string line = lines[row].substr(0, lines[row].size() - 1);
        if (row == 2990)
            line = line.substr(0, line.rfind(',', line.rfind(',') - 1)) + ",x" + line.substr(line.rfind(','));
        if (badIncome && row == 2900)
            line = "abc" + line.substr(line.find(','));
        std::string note = row % 250 == 7 ? "\"line one\nline \"\"two\"\"\"" : "plain";
        if (row == 1480) { // about 20 KB over 400 lines: the cut between the middle ranks falls inside it
            note = "\"";
            for (int i = 0; i < 400; ++i)
                note += std::string(i == 0 ? "" : "\n") + "a \"\"quoted\"\" word, then more text: " + std::to_string(i);
            note += "\"";
        }
        text += line + "," + note + "\n";
        if (row == 1600)
            text += "\n";
    }
    return text;
}

// Rank 0 writes the file into `directory` (made in the working directory, the build's tests/ under
// ctest; the same each run, since a failing job ends before it can remove it); every rank gets its
// path.
std::string sharedFile(Communicator &ranks, const std::string &directory, const std::string &text)
{
    const std::string file = directory + "/loans.csv";
    std::vector<char> ready;
    if (ranks.rank() == 0) {
        std::filesystem::create_directories(directory);
        std::ofstream(file, std::ios::binary) << text;
    }
    ranks.broadcast(ready, 0); // the others wait until it is written
    return file;
}

int read(Communicator &ranks, bool badIncome)
{
    constexpr std::size_t kRows = 3000;
    const std::string directory =
        "mpi_" + std::string(badIncome ? "read-fault_" : "read_") + std::to_string(ranks.size()) + "ranks";
    const std::string path = sharedFile(ranks, directory, loanFile(kRows, badIncome));
    CsvOptions options;
    options.threads = 1;
    if (badIncome)
        options.numericColumns = {"income"};
    const RankPart part = readCsvPartOfRank(ranks, path, options);
    // The test alone reads the whole file on every rank, to compare.
    const CsvReadResult whole = readCsvFile(path, options);
    std::vector<double> mismatches{0};
    const Table &mine = part.read.table, &all = whole.table;
    for (std::size_t c = 0; c < all.columnCount(); ++c) {
        if (mine.column(c).name != all.column(c).name || mine.column(c).type != all.column(c).type) {
            std::printf("rank %d: column %s has another name or type\n", ranks.rank(), all.column(c).name.c_str());
            ++mismatches[0];
        }
    }
    for (std::size_t row = 0; row < mine.rowCount() && mismatches[0] == 0; ++row) {
        const std::size_t wholeRow = part.firstRow + row;
        bool same = mine.rowPlace(row) == all.rowPlace(wholeRow);
        for (std::size_t c = 0; c < all.columnCount(); ++c)
            same = same && mine.column(c).cellText(row) == all.column(c).cellText(wholeRow);
        if (!same) {
            std::printf("rank %d: row %zu (%s) differs from the whole file's row %zu (%s)\n", ranks.rank(), row,
                        mine.rowPlace(row).c_str(), wholeRow, all.rowPlace(wholeRow).c_str());
            ++mismatches[0];
        }
    }
    if (part.allRows != all.rowCount())
        ++mismatches[0];
    // A file of fewer bytes than there are ranks: the first ranks' cuts fall at its start.
    const std::string tinyPath = sharedFile(ranks, directory + "/tiny", "x\n7"); // 3 bytes, no final line end
    const RankPart tiny = readCsvPartOfRank(ranks, tinyPath, options);
    if (tiny.allRows != 1 || (tiny.read.table.rowCount() == 1 && tiny.read.table.column(0).cellText(0) != "7")) {
        std::printf("rank %d: the tiny file reads as %zu rows\n", ranks.rank(), tiny.allRows);
        ++mismatches[0];
    }
    // The split by row index in the whole file, stratified on a label made from the row's index.
    std::vector<float> strata(mine.rowCount());
    for (std::size_t row = 0; row < strata.size(); ++row)
        strata[row] = SplitMix64(SplitMix64::derive(9, part.firstRow + row)).uniform() < 0.2 ? 1.f : 0.f;
    std::vector<float> allStrata(all.rowCount());
    for (std::size_t row = 0; row < allStrata.size(); ++row)
        allStrata[row] = SplitMix64(SplitMix64::derive(9, row)).uniform() < 0.2 ? 1.f : 0.f;
    const SplitSpec spec{0.6, 0.2, 5};
    const DataSplit split = splitOfRank(ranks, part, strata, spec),
                    wholeSplit = stratifiedSplit(all.rowCount(), allStrata, spec);
    const auto sameRows = [&](const std::vector<std::size_t> &local, const std::vector<std::size_t> &whole) {
        std::vector<std::size_t> expected;
        for (const std::size_t row : whole) {
            if (row >= part.firstRow && row < part.firstRow + mine.rowCount())
                expected.push_back(row - part.firstRow);
        }
        return local == expected;
    };
    if (!sameRows(split.train, wholeSplit.train) || !sameRows(split.validation, wholeSplit.validation) ||
        !sameRows(split.test, wholeSplit.test)) {
        std::printf("rank %d: its rows of the split differ from one process's\n", ranks.rank());
        ++mismatches[0];
    }
    ranks.sum(std::span<double>(mismatches));
    if (ranks.rank() != 0)
        return 0;
    std::filesystem::remove_all(directory);
    std::printf("%d ranks: rows %zu, %g rows or columns differ from one process's reading\n", ranks.size(),
                part.allRows, mismatches[0]);
    const bool ok = mismatches[0] == 0 && all.column("branch").type == ColumnType::Categorical;
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

// A callback that kills its own process at the third step (as the kernel's OOM killer would).
class KillAtThirdStep : public TrainingCallback {
public:
    bool endBatch(int, std::size_t batch, std::size_t) override
    {
        if (batch == 3)
            ::kill(::getpid(), SIGKILL);
        return false;
    }
};

int fault(Communicator &ranks, bool killed)
{
    const Problem problem = makeProblem();
    Part train;
    const auto [begin, end] = shareOf(kTrainRows, ranks.rank(), ranks.size());
    const bool failing = ranks.rank() == ranks.size() - 1;
    if (failing && !killed)
        throw DataError(SourceLocation{"part-" + std::to_string(ranks.rank()) + ".csv", 17, "x3"},
                        "\"abc\" is not a number in the numeric column x3");
    makeRows(train, 1, begin, end);
    KillAtThirdStep killer;
    std::vector<TrainingCallback *> callbacks;
    if (failing)
        callbacks.push_back(&killer);
    trainNetwork(problem.network, problem.tasks, train.set, nullptr, configFor(50, kPerRankBatch), callbacks, nullptr,
                 &ranks);
    std::printf("rank %d: trained although a rank was killed\n", ranks.rank());
    return 1;
}

// Passes every collective call on to `ranks`, timing the sums of floats: in a training step the
// one sum of floats is the fused gradient buffer's allreduce (the trainer's other sums are of
// doubles). What overlapping gradient buckets with the backward pass (PyTorch DDP) could hide is
// at most this time.
class GradientSumTimer final : public Communicator {
public:
    explicit GradientSumTimer(Communicator &ranks) : m_ranks(ranks) {}
    int rank() const override { return m_ranks.rank(); }
    int size() const override { return m_ranks.size(); }
    void sum(std::span<float> values) override
    {
        const auto start = std::chrono::steady_clock::now();
        m_ranks.sum(values);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ++calls;
        floats = values.size();
    }
    void sum(std::span<double> values) override { m_ranks.sum(values); }
    void minimum(std::span<double> values) override { m_ranks.minimum(values); }
    void maximum(std::span<double> values) override { m_ranks.maximum(values); }
    void broadcast(std::vector<char> &bytes, int root) override { m_ranks.broadcast(bytes, root); }
    std::vector<float> gather(std::span<const float> values) override { return m_ranks.gather(values); }
    [[noreturn]] void abortJob(const std::string &message) override
    {
        m_ranks.abortJob(message);
        std::abort(); // not reached (GCC does not take a virtual call's [[noreturn]] as given)
    }

    double seconds = 0;
    std::size_t calls = 0;
    std::size_t floats = 0; // the last sum's length

private:
    Communicator &m_ranks;
};

int bench(Communicator &ranks, std::size_t rows, int epochs, int threads)
{
    const Problem problem = makeProblem({128, 64});
    Part train;
    const auto [begin, end] = shareOf(rows, ranks.rank(), ranks.size());
    makeRows(train, 1, begin, end);
    TrainConfig config = configFor(epochs, 256);
    config.hiddenLayers = {128, 64};
    config.threads = threads;
    GradientSumTimer timed(ranks);
    const TrainingOutcome outcome =
        trainNetwork(problem.network, problem.tasks, train.set, nullptr, config, {}, nullptr, &timed);
    double trainingSeconds = 0;
    if (ranks.rank() == 0) {
        for (const EpochRecord &epoch : outcome.history.epochs) {
            std::printf("ranks %d rows %zu parameters %lld epoch %d seconds %.3f\n", ranks.size(), rows,
                        static_cast<long long>(problem.network.parameterCount()), epoch.epoch, epoch.seconds);
            trainingSeconds += epoch.seconds;
        }
    }
    if (!ranks.isDistributed())
        return 0; // one process sums nothing
    // The same allreduce again with every rank lined up before each call: its cost without the
    // waits for a slower rank, which no overlap hides.
    constexpr int kAlone = 2000;
    std::vector<float> buffer(timed.floats, 1.0F);
    double alone = 0;
    for (int call = 0; call < kAlone; ++call) {
        double lineUp = 0;
        ranks.sum(std::span<double>(&lineUp, 1));
        const auto start = std::chrono::steady_clock::now();
        ranks.sum(std::span<float>(buffer));
        alone += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    if (ranks.rank() == 0) {
        const double perCall = alone / kAlone;
        std::printf("ranks %d gradient allreduce: %zu calls of %zu floats, %.3f s in them (waits included) = %.1f%% "
                    "of %.3f s training; alone (ranks lined up, %d calls): %.1f us a call, %.3f s for the calls = "
                    "%.1f%%\n",
                    ranks.size(), timed.calls, timed.floats, timed.seconds, 100.0 * timed.seconds / trainingSeconds,
                    trainingSeconds, kAlone, 1e6 * perCall, perCall * static_cast<double>(timed.calls),
                    100.0 * perCall * static_cast<double>(timed.calls) / trainingSeconds);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    std::unique_ptr<Communicator> ranks = makeMpiCommunicator();
    return runRank(*ranks, [&] {
        if (mode == "equivalence")
            return equivalence(*ranks);
        if (mode == "read" || mode == "read-fault")
            return read(*ranks, mode == "read-fault");
        if (mode == "preprocess" || mode == "preprocess-types")
            return preprocess(*ranks, mode == "preprocess-types");
        if (mode == "woe")
            return woe(*ranks);
        if (mode == "write-project" && argc == 3)
            return writeProject(argv[2]);
        if (mode == "fault-throw" || mode == "fault-kill")
            return fault(*ranks, mode == "fault-kill");
        if (mode == "bench" && argc == 5)
            return bench(*ranks, std::stoul(argv[2]), std::stoi(argv[3]), std::stoi(argv[4]));
        throw ConfigError("usage: tst_distributed_training "
                          "equivalence|preprocess|preprocess-types|woe|write-project "
                          "PATH|read|read-fault|fault-throw|fault-kill|bench "
                          "ROWS EPOCHS THREADS");
    });
}
