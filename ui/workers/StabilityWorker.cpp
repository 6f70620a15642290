#include "workers/StabilityWorker.h"

#include "common/Error.h"

#include <QFileInfo>

namespace cmtl::ui {

void StabilityWorker::work()
{
    if (!m_params.scored)
        throw ConfigError("no scored file to compare: score a file first");
    if (!m_params.base)
        throw ConfigError("no base data to compare the scored file with: open the model's training data on the "
                          "Data page");
    // The loaded data may be another file than the model's: what it lacks is named, with the fix.
    const Table &base = m_params.base->table;
    std::string missing;
    for (const std::string &column : m_params.scored->model->requiredColumns()) {
        if (base.indexOf(column) < 0)
            missing += (missing.empty() ? "" : ", ") + column;
    }
    if (!missing.empty())
        throw DataError({base.source(), 1, {}},
                        "the loaded data set lacks the column(s) " + missing +
                            " that the model needs, so the scored file cannot be compared with it; load the "
                            "model's training data on the Data page");
    const QString name = QFileInfo(m_params.scored->path).fileName();
    Q_EMIT progress(0.1, tr("Comparing %1 with %2").arg(name, QFileInfo(m_params.base->path).fileName()));
    auto result = std::make_shared<StabilityResult>();
    result->baseSource = m_params.base->path;
    result->scoredSource = m_params.scored->path;
    result->baseRows = m_params.base->table.rowCount();
    result->scoredRows = m_params.scored->table.rowCount();
    result->indices =
        modelStability(*m_params.scored->model, m_params.base->table, m_params.scored->table, m_params.threads);
    if (isCancelled())
        throw Cancelled();
    Q_EMIT progress(1.0, tr("Compared %1").arg(name));
    Q_EMIT succeeded(result);
}

} // namespace cmtl::ui
