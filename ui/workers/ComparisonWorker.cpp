#include "workers/ComparisonWorker.h"

namespace cmtl::ui {

void ComparisonWorker::work()
{
    const ComparisonSpec &spec = m_params.spec;
    const std::size_t repeats = spec.seeds.empty() ? static_cast<std::size_t>(spec.folds) : spec.seeds.size();
    const double total = static_cast<double>(repeats * spec.candidates.size());
    int done = 0;
    const ComparisonResult result = compareCandidates(
        m_params.data->table, m_params.roles, spec,
        [&](const std::string &line) {
            ++done;
            Q_EMIT progress(done / total, tr("Trained %1").arg(QString::fromStdString(line)));
        },
        token());
    Q_EMIT succeeded(result);
}

} // namespace cmtl::ui
