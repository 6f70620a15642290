#pragma once

#include "binning/Screening.h"
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

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::BinningScreeningPtr)
