#include "workers/TrainingWorker.h"

#include "common/Error.h"
#include "statfile/DataFileReader.h"

#include <chrono>
#include <optional>

namespace cmtl::ui {

namespace {

// Bridges the trainer's callbacks to the worker's signals (emitted from the worker thread,
// delivered queued to the UI).
class SignalCallback : public TrainingCallback {
public:
    SignalCallback(TrainingWorker *worker, int epochs, std::function<void(int, int, double)> onBatch,
                   std::function<void(const EpochRecord &)> onEpoch)
        : m_epochs(epochs), m_onBatch(std::move(onBatch)), m_onEpoch(std::move(onEpoch))
    {
        Q_UNUSED(worker);
    }

    bool endBatch(int epoch, std::size_t batch, std::size_t batches) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last >= std::chrono::milliseconds(50)) {
            m_last = now;
            m_onBatch(epoch, m_epochs, batches ? static_cast<double>(batch + 1) / static_cast<double>(batches) : 1.0);
        }
        return false;
    }

    bool endEpoch(const EpochRecord &record) override
    {
        m_onEpoch(record);
        return false;
    }

private:
    int m_epochs;
    std::function<void(int, int, double)> m_onBatch;
    std::function<void(const EpochRecord &)> m_onEpoch;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace

void TrainingWorker::work()
{
    if (!m_params.data)
        throw ConfigError("no data loaded");
    SignalCallback callback(
        this, m_params.config.train.epochs,
        [this](int epoch, int epochs, double fraction) { Q_EMIT batchProgress(epoch, epochs, fraction); },
        [this](const EpochRecord &record) { Q_EMIT epochFinished(record); });
    // The trainer applies early stopping itself (config.train.patience).
    const std::vector<TrainingCallback *> callbacks{&callback};

    auto run = std::make_shared<RunRecord>();
    run->id = m_params.runId;
    run->name = m_params.runName;
    run->dataSource = m_params.data->path;
    run->roles = m_params.roles;
    run->config = m_params.config;
    std::optional<Table> test;
    if (!m_params.testPath.isEmpty()) {
        // Read the test file's text columns as text even where its values happen to look numeric.
        CsvOptions options = inheritedOptionsFor(m_params.testPath.toStdString(), m_params.csvOptions);
        for (const Column &column : m_params.data->table.columns()) {
            if (column.type == ColumnType::Categorical)
                options.categoricalColumns.push_back(column.name);
        }
        Q_EMIT progress(0, tr("Reading the test file"));
        test = readDataFile(m_params.testPath.toStdString(), options, token()).table;
    }
    const Table *testTable = test ? &*test : nullptr;
    run->result = runExperiment(m_params.data->table, m_params.roles, m_params.config, testTable, callbacks, token());
    // Scoring reads new files as this one was read: the values treated as missing go with the model.
    run->result.model.setInputMissingValues(m_params.data->options.columnMissingValues);
    if (isCancelled())
        throw Cancelled();

    Q_EMIT progress(1.0, tr("Scoring the evaluation rows"));
    const int threads = m_params.config.train.threads;
    if (testTable) {
        run->scores = scoreTasks(run->result.model, *testTable, {}, threads);
        run->scoresPart = QStringLiteral("test");
    } else if (!run->result.split.test.empty()) {
        run->scores = scoreTasks(run->result.model, m_params.data->table, run->result.split.test, threads);
        run->scoresPart = QStringLiteral("test");
    } else {
        run->scores = scoreTasks(run->result.model, m_params.data->table, run->result.split.validation, threads);
        run->scoresPart = QStringLiteral("validation");
    }
    run->charts = computeTaskCharts(run->scores);
    run->finished = QDateTime::currentDateTime();
    Q_EMIT succeeded(run);
}

} // namespace cmtl::ui
