#pragma once

#include "RunRecord.h"
#include "workers/DataLoader.h"
#include "workers/Worker.h"

#include <QMetaType>

namespace cmtl::ui {

// Runs one experiment on a worker thread, reporting batches and epochs as they finish, then
// scores the evaluation part for the result charts.
class TrainingWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr data;
        QString testPath; // empty: a held-out split is the test part
        CsvOptions csvOptions;
        RoleAssignment roles;
        ExperimentConfig config;
        int runId = 0;
        QString runName;
    };
    explicit TrainingWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    // Sent at most every 50 ms: epoch (1-based), fraction of that epoch done.
    void batchProgress(int epoch, int epochs, double epochFraction);
    void epochFinished(const cmtl::EpochRecord &record);
    void succeeded(const cmtl::ui::RunPtr &run);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::EpochRecord)
