#pragma once

#include "report/ModelStability.h"
#include "workers/DataLoader.h"
#include "workers/ScoringWorker.h"
#include "workers/Worker.h"

#include <QMetaType>

#include <memory>

namespace cmtl::ui {

// The stability of a scored file against the model's base data (the data set loaded in the
// workbench, normally the file the model was trained on): PSI of every score and CSI of every
// input column, as `creditmtl-cli psi --model M --base TRAIN.csv --data NEW.csv` prints them.
struct StabilityResult {
    QString baseSource, scoredSource;
    qulonglong baseRows = 0, scoredRows = 0;
    std::vector<ModelStabilityIndex> indices;
};
using StabilityResultPtr = std::shared_ptr<const StabilityResult>;

// Computes modelStability on a worker thread: it scores the base data as well as reading the
// bands of every input column, which takes longer than the UI thread may be blocked.
class StabilityWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr base;
        ScoredTablePtr scored;
        int threads = 1;
    };
    explicit StabilityWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ui::StabilityResultPtr &result);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::StabilityResultPtr)
