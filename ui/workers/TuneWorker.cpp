#include "workers/TuneWorker.h"

namespace cmtl::ui {

namespace {

// Forwards the search's events as the worker's signals (queued to the dialog's thread).
class Relay : public TuneCallback {
public:
    explicit Relay(TuneWorker *worker) : m_worker(worker) {}

    bool foldScored(const Trial &trial, const TuneProgress &progress) override
    {
        Q_EMIT m_worker->trialUpdated(trial);
        Q_EMIT m_worker->progress(progress.fraction, TuneWorker::tr("Trial %1: %2 folds scored, %3 s")
                                                         .arg(trial.number)
                                                         .arg(trial.scores.size())
                                                         .arg(progress.elapsedSeconds, 0, 'f', 0));
        return false;
    }
    bool trialUpdated(const Trial &trial) override
    {
        Q_EMIT m_worker->trialUpdated(trial);
        return false;
    }

private:
    TuneWorker *m_worker;
};

} // namespace

void TuneWorker::work()
{
    const Table &table = m_params.data->table;
    const CrossValidationObjective objective(
        table, m_params.roles, tuningRows(table, m_params.roles, m_params.config, m_params.separateTestFile),
        m_params.spec.metric, m_params.spec.crossValidation);
    Candidate base{m_params.config, {}};
    for (const TaskSpec &task : m_params.roles.tasks)
        base.lambdas.push_back(task.lambda);
    Relay relay(this);
    const TuneResult result = tune(objective, base, m_params.spec, {&relay}, token());
    Q_EMIT progress(1.0, QString());
    Q_EMIT succeeded(result);
}

} // namespace cmtl::ui
