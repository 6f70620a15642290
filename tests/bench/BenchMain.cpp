// creditmtl-bench: times one step of CreditMTL's pipeline on a CSV file and prints one JSON line.
//
//   creditmtl-bench FILE.csv STEP [--threads N] [--epochs N]
//
// STEP is one of
//   read     read the file and infer the column types
//   describe every column's statistics (describeColumns) and then its small distribution
//            (columnHistogram, one column per task on the threads), each timed: the two steps
//            between the read and the workbench's column list
//   prepare  fit the preprocessing (impute, standardise, one-hot) on all rows, transform every row
//            and encode the task targets
//   epoch    one training epoch of the reference net on all rows (samples/s)
//   predict  score every row: transform + forward + output activation (rows/s)
//   all      read + prepare + one epoch in one process (whole-process time and peak RSS)
//
// The reference task set and net are those of ../shared/reference/torch_speed.py: tasks
// default (binary, positive "1"), grade (multiclass) and rate (regression); a shared trunk
// 128-64 with ReLU and dropout 0.1, one linear head per task, Adam lr 1e-3, batch 256, no weight
// decay. Steps other than the one timed run untimed before it (e.g. epoch reads and prepares first).
#include "common/ParallelFor.h"
#include "csv/CsvReader.h"
#include "data/ColumnHistogram.h"
#include "model/MultiTaskModel.h"
#include "nn/MultiTaskNetwork.h"
#include "preprocess/Preprocessor.h"
#include "tasks/TaskSpec.h"
#include "train/Trainer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <numeric>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/stat.h>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system, all threads) of the process so far: with other work on the machine
// the wall time of a step varies from run to run, its CPU time much less.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &time) {
        return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peakResidentMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

std::vector<cmtl::TaskSpec> referenceTasks()
{
    cmtl::TaskSpec defaultTask;
    defaultTask.column = "default";
    defaultTask.type = cmtl::TaskType::Binary;
    defaultTask.positiveClass = "1";
    cmtl::TaskSpec grade;
    grade.column = "grade";
    grade.type = cmtl::TaskType::Multiclass;
    cmtl::TaskSpec rate;
    rate.column = "rate";
    rate.type = cmtl::TaskType::Regression;
    return {defaultTask, grade, rate};
}

cmtl::TrainConfig referenceTrainConfig(int threads, int epochs)
{
    cmtl::TrainConfig config;
    config.hiddenLayers = {128, 64};
    config.dropout = 0.1;
    config.learningRate = 1e-3;
    config.batchSize = 256;
    config.epochs = epochs;
    config.patience = 0;
    config.l2 = 0; // torch_speed.py's Adam has no weight decay
    config.seed = 42;
    config.threads = threads;
    return config;
}

// Everything the steps after `prepare` need.
struct Prepared {
    cmtl::Preprocessor preprocessor;
    std::vector<cmtl::TargetEncoding> encodings;
    std::vector<std::vector<float>> targets;
    std::vector<cmtl::TrainingTask> tasks;
    cmtl::NetworkSpec networkSpec;
    cmtl::InputMatrix inputs;
};

Prepared prepare(const cmtl::Table &table, int threads)
{
    Prepared prepared;
    const cmtl::RoleAssignment roles = cmtl::defaultRoles(table, referenceTasks(), {});
    cmtl::validateRoles(table, roles);
    std::vector<std::size_t> allRows(table.rowCount());
    std::iota(allRows.begin(), allRows.end(), std::size_t{0});
    prepared.preprocessor = cmtl::fitPreprocessor(table, roles.features, allRows, {}, threads);
    prepared.inputs = prepared.preprocessor.transform(table, threads);
    prepared.networkSpec.inputs = static_cast<Eigen::Index>(prepared.preprocessor.inputCount());
    prepared.networkSpec.trunk = {128, 64};
    prepared.networkSpec.dropout = 0.1;
    for (const cmtl::TaskSpec &task : roles.tasks) {
        cmtl::TargetEncoding encoding = cmtl::fitTargetEncoding(table, task, allRows);
        prepared.targets.push_back(cmtl::encodeTargets(table, encoding));
        const int outputs = cmtl::outputWidth(encoding);
        prepared.tasks.push_back({task.name(), task.type, outputs, task.lambda, encoding.scale, {}});
        prepared.networkSpec.taskTypes.push_back(task.type);
        prepared.networkSpec.taskOutputs.push_back(outputs);
        prepared.encodings.push_back(std::move(encoding));
    }
    return prepared;
}

double trainEpochs(const Prepared &prepared, int threads, int epochs, double &samplesPerSecond, double &cpu)
{
    const cmtl::MultiTaskNetwork network(prepared.networkSpec);
    cmtl::TrainingSet train{&prepared.inputs, &prepared.targets, {}};
    train.rows.resize(static_cast<std::size_t>(prepared.inputs.cols()));
    std::iota(train.rows.begin(), train.rows.end(), std::size_t{0});
    const auto start = Clock::now();
    const double cpuStart = cpuSeconds();
    const cmtl::TrainingOutcome outcome =
        cmtl::trainNetwork(network, prepared.tasks, train, nullptr, referenceTrainConfig(threads, epochs));
    const double seconds = secondsSince(start) / epochs;
    cpu = (cpuSeconds() - cpuStart) / epochs;
    samplesPerSecond = static_cast<double>(train.rows.size()) / seconds;
    if (!outcome.parameters.allFinite())
        throw std::runtime_error("training produced non-finite weights");
    return seconds;
}

int usage()
{
    std::fprintf(stderr, "usage: creditmtl-bench FILE.csv read|prepare|epoch|predict|all [--threads N] [--epochs N]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3)
        return usage();
    const std::string path = argv[1];
    const std::string step = argv[2];
    int threads = 2;
    int epochs = 1;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--threads")
            threads = std::atoi(argv[i + 1]);
        else if (flag == "--epochs")
            epochs = std::atoi(argv[i + 1]);
        else
            return usage();
    }
    if (threads < 1 || epochs < 1 ||
        (step != "read" && step != "describe" && step != "prepare" && step != "epoch" && step != "predict" &&
         step != "all"))
        return usage();

    try {
        struct stat status {};
        const double megabytes = ::stat(path.c_str(), &status) == 0 ? static_cast<double>(status.st_size) / 1e6 : 0;
        cmtl::CsvOptions options;
        options.threads = threads;

        const auto processStart = Clock::now();
        auto start = Clock::now();
        double cpuStart = cpuSeconds();
        cmtl::CsvReadResult read = cmtl::readCsvFile(path, options);
        const double readSeconds = secondsSince(start);
        const double readCpu = cpuSeconds() - cpuStart;
        const cmtl::Table &table = read.table;
        const auto rows = static_cast<double>(table.rowCount());
        if (step == "read") {
            std::printf("{\"step\":\"read\",\"rows\":%zu,\"columns\":%zu,\"megabytes\":%.1f,\"threads\":%d,"
                        "\"seconds\":%.4f,\"cpu_s\":%.4f,\"mb_per_s\":%.1f,\"peak_rss_mb\":%.1f}\n",
                        table.rowCount(), table.columnCount(), megabytes, threads, readSeconds, readCpu,
                        megabytes / readSeconds, peakResidentMegabytes());
            return 0;
        }
        if (step == "describe") {
            cmtl::Table described = std::move(read.table);
            start = Clock::now();
            cpuStart = cpuSeconds();
            cmtl::describeColumns(described, threads);
            const double describeSeconds = secondsSince(start);
            const double describeCpu = cpuSeconds() - cpuStart;
            start = Clock::now();
            cpuStart = cpuSeconds();
            std::vector<cmtl::ColumnHistogram> histograms(described.columnCount());
            cmtl::parallelFor(described.columnCount(), threads,
                              [&](std::size_t i) { histograms[i] = cmtl::columnHistogram(described.column(i)); });
            const double histogramSeconds = secondsSince(start);
            const double histogramCpu = cpuSeconds() - cpuStart;
            std::printf("{\"step\":\"describe\",\"rows\":%zu,\"columns\":%zu,\"threads\":%d,\"read_s\":%.4f,"
                        "\"describe_s\":%.4f,\"describe_cpu_s\":%.4f,\"histograms_s\":%.4f,\"histograms_cpu_s\":%.4f,"
                        "\"peak_rss_mb\":%.1f}\n",
                        described.rowCount(), described.columnCount(), threads, readSeconds, describeSeconds,
                        describeCpu, histogramSeconds, histogramCpu, peakResidentMegabytes());
            return 0;
        }

        start = Clock::now();
        cpuStart = cpuSeconds();
        const Prepared prepared = prepare(table, threads);
        const double prepareSeconds = secondsSince(start);
        const double prepareCpu = cpuSeconds() - cpuStart;
        if (step == "prepare") {
            std::printf("{\"step\":\"prepare\",\"rows\":%zu,\"inputs\":%td,\"threads\":%d,\"seconds\":%.4f,"
                        "\"cpu_s\":%.4f,\"peak_rss_mb\":%.1f}\n",
                        table.rowCount(), prepared.inputs.width(), threads, prepareSeconds, prepareCpu,
                        peakResidentMegabytes());
            return 0;
        }

        if (step == "predict") {
            const cmtl::MultiTaskNetwork network(prepared.networkSpec);
            Eigen::VectorXf parameters(network.parameterCount());
            network.initialise(parameters.data(), 42);
            cmtl::ExperimentConfig config;
            config.train = referenceTrainConfig(threads, 1);
            const cmtl::MultiTaskModel model(prepared.preprocessor, prepared.encodings, prepared.networkSpec,
                                             parameters, config);
            start = Clock::now();
            cpuStart = cpuSeconds();
            const std::vector<Eigen::MatrixXf> predictions = model.predict(table, threads);
            const double seconds = secondsSince(start);
            const double cpu = cpuSeconds() - cpuStart;
            double checksum = 0;
            for (const Eigen::MatrixXf &prediction : predictions)
                checksum += static_cast<double>(prediction.sum());
            std::printf("{\"step\":\"predict\",\"rows\":%zu,\"threads\":%d,\"seconds\":%.4f,\"cpu_s\":%.4f,"
                        "\"rows_per_s\":%.0f,\"checksum\":%.6g,\"peak_rss_mb\":%.1f}\n",
                        table.rowCount(), threads, seconds, cpu, rows / seconds, checksum, peakResidentMegabytes());
            return 0;
        }

        double samplesPerSecond = 0, epochCpu = 0;
        const double epochSeconds =
            trainEpochs(prepared, threads, step == "epoch" ? epochs : 1, samplesPerSecond, epochCpu);
        if (step == "epoch") {
            std::printf("{\"step\":\"epoch\",\"rows\":%zu,\"inputs\":%td,\"threads\":%d,\"epochs\":%d,"
                        "\"seconds\":%.4f,\"cpu_s\":%.4f,\"samples_per_s\":%.0f,\"peak_rss_mb\":%.1f}\n",
                        table.rowCount(), prepared.inputs.width(), threads, epochs, epochSeconds, epochCpu,
                        samplesPerSecond, peakResidentMegabytes());
            return 0;
        }
        std::printf("{\"step\":\"all\",\"rows\":%zu,\"threads\":%d,\"read_s\":%.4f,\"prepare_s\":%.4f,"
                    "\"epoch_s\":%.4f,\"seconds\":%.4f,\"cpu_s\":%.4f,\"peak_rss_mb\":%.1f}\n",
                    table.rowCount(), threads, readSeconds, prepareSeconds, epochSeconds, secondsSince(processStart),
                    cpuSeconds(), peakResidentMegabytes());
        return 0;
    } catch (const std::exception &error) {
        std::fprintf(stderr, "creditmtl-bench: %s\n", error.what());
        return 1;
    }
}
