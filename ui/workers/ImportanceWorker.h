#pragma once

#include "explain/PermutationImportance.h"
#include "workers/Worker.h"

#include <QMetaType>

#include <memory>

namespace cmtl::ui {

using ImportanceResult = std::shared_ptr<const std::vector<TaskImportance>>;

// Permutation importance of a model's input columns per task (permutationImportance, as
// `creditmtl-cli importance` computes it) on a worker thread: one prediction of the whole table
// per column and repeat, with progress after each and a Cancel seen before the next.
class ImportanceWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        std::shared_ptr<const MultiTaskModel> model;
        std::shared_ptr<const Table> table; // the model's columns and its tasks' label columns
        int repeats = 5;
        std::uint64_t seed = 1;
        int threads = 1;
    };
    explicit ImportanceWorker(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ui::ImportanceResult &result);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::ImportanceResult)
