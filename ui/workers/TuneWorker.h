#pragma once

#include "tune/Tuner.h"
#include "workers/DataLoader.h"
#include "workers/Worker.h"

#include <QMetaType>

namespace cmtl::ui {

// Searches the settings on a worker thread (core/tune): every trial's progress is sent as it
// happens, and the whole search at the end. A cancelled search still reports what it scored
// (succeeded with result.cancelled set), so that its best trial so far can be used.
class TuneWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr data;
        RoleAssignment roles; // with the lambdas of the Settings page
        ExperimentConfig config;
        bool separateTestFile = false; // the test rows are in another file: tune on every row
        TuneSpec spec;
    };
    explicit TuneWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    // A trial was scored on one more fold, or changed state (promoted, pruned, complete...).
    void trialUpdated(const cmtl::Trial &trial);
    void succeeded(const cmtl::TuneResult &result);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::Trial)
Q_DECLARE_METATYPE(cmtl::TuneResult)
