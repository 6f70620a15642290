#include "workers/ImportanceWorker.h"

#include "common/Error.h"

namespace cmtl::ui {

void ImportanceWorker::work()
{
    if (!m_params.model || !m_params.table)
        throw ConfigError("no model or no data to measure the importance on");
    const QString columns = QString::number(m_params.model->requiredColumns().size());
    Q_EMIT progress(0.0, tr("Shuffling %1 columns").arg(columns));
    auto result = std::make_shared<std::vector<TaskImportance>>(permutationImportance(
        *m_params.model, *m_params.table, m_params.repeats, m_params.seed, m_params.threads,
        [&](double fraction) { Q_EMIT progress(fraction, tr("Shuffling %1 columns").arg(columns)); }, token()));
    Q_EMIT succeeded(result);
}

} // namespace cmtl::ui
