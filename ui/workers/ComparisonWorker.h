#pragma once

#include "train/Comparison.h"
#include "workers/DataLoader.h"
#include "workers/Worker.h"

#include <QMetaType>

namespace cmtl::ui {

// Trains the comparison's candidates on the same folds on a worker thread (compareCandidates).
class ComparisonWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        LoadedTablePtr data;
        RoleAssignment roles;
        ComparisonSpec spec;
    };
    explicit ComparisonWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ComparisonResult &result);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ComparisonResult)
