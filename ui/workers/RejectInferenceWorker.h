#pragma once

#include "rejectinference/RejectInference.h"
#include "workers/DataLoader.h"
#include "workers/Worker.h"

#include <QMetaType>

#include <memory>

namespace cmtl::ui {

// A reject inference run: the comparison of the accepts-only card and the card with reject inference
// (compareRejectInference), and the declined applicants' file it was run on.
struct RejectInferenceRun {
    RejectInferenceOptions options;
    double holdout = 0.3;
    QString rejectsPath;
    std::size_t rejectRows = 0;
    RejectInferenceComparison comparison;
};
using RejectInferenceRunPtr = std::shared_ptr<const RejectInferenceRun>;

// Reject inference on a worker thread, as `creditmtl-cli reject-inference` runs it: reads the
// declined applicants' file (CSV, or SAS, Stata or SPSS; read with the accepts' import options and
// their text features as text), then compareRejectInference on the loaded data (the accepts) with
// every column but the task's as a feature. Cancel is seen while reading and between the fits and
// the bootstrap's resamples.
class RejectInferenceWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr accepts;
        QString rejectsPath;
        TaskSpec task;
        ScorecardOptions cardOptions;
        RejectInferenceOptions options;
        double holdout = 0.3;
    };
    explicit RejectInferenceWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ui::RejectInferenceRunPtr &run);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::RejectInferenceRunPtr)
