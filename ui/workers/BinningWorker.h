#pragma once

#include "binning/Screening.h"
#include "scorecard/Scorecard.h"
#include "workers/DataLoader.h"
#include "workers/Worker.h"

#include <QMetaType>

#include <memory>

namespace cmtl::ui {

// One screening of the loaded data against a binary task: every feature's optimal binning, sorted
// by IV, with the value counts that splitting a numeric feature's bins by hand needs.
struct BinningScreening {
    TaskSpec task;
    ScreeningResult result;
};
using BinningScreeningPtr = std::shared_ptr<const BinningScreening>;

// Screens the features on a worker thread (core/binning/Screening), feature by feature with its
// progress, and stops between features when cancelled.
class BinningWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr data;
        TaskSpec task;
    };
    explicit BinningWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ui::BinningScreeningPtr &screening);

protected:
    void work() override;

private:
    Params m_params;
};

using ScorecardPtr = std::shared_ptr<const Scorecard>;

// Fits a points scorecard (core/scorecard) for a binary task on a worker thread: every column but
// the task's is a feature, as for `creditmtl-cli scorecard`, and the features with bins grouped by
// hand (options.givenBins) keep them, recounted on the labelled rows.
class ScorecardWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr data;
        TaskSpec task;
        ScorecardOptions options;
    };
    explicit ScorecardWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ui::ScorecardPtr &card);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::BinningScreeningPtr)
Q_DECLARE_METATYPE(cmtl::ui::ScorecardPtr)
