#pragma once

#include "workers/ScoringWorker.h"
#include "workers/Worker.h"

#include <QString>

namespace cmtl::ui {

// Writes a scored table's predictions to a CSV file (atomically) on a worker thread: formatting a
// million rows' predictions takes longer than the UI thread may be blocked.
class PredictionsWriter : public Worker {
    Q_OBJECT
public:
    struct Params {
        QString path;
        ScoredTablePtr scored;
        int threads = 1;
        // The ID / keep columns of the scored table, written first; one the table lacks is refused.
        std::vector<std::string> kept;
    };
    explicit PredictionsWriter(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const QString &path);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui
