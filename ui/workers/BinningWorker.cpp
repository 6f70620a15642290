#include "workers/BinningWorker.h"

#include "common/Error.h"

namespace cmtl::ui {

void BinningWorker::work()
{
    if (!m_params.data)
        throw ConfigError("no data to screen: open a data file first");
    ScreeningOptions options;
    options.keepValueCounts = true;
    auto screening = std::make_shared<BinningScreening>();
    screening->task = m_params.task;
    const QString task = QString::fromStdString(m_params.task.column);
    screening->result = screenFeatures(m_params.data->table, m_params.task, options, token(), [&](double done) {
        Q_EMIT progress(done, tr("Binning the features against %1").arg(task));
    });
    Q_EMIT progress(1.0, tr("Screened %n feature(s)", nullptr, static_cast<int>(screening->result.features.size())));
    Q_EMIT succeeded(screening);
}

void ScorecardWorker::work()
{
    if (!m_params.data)
        throw ConfigError("no data to fit a scorecard on: open a data file first");
    const QString task = QString::fromStdString(m_params.task.column);
    Q_EMIT progress(0.0, tr("Fitting the scorecard for %1").arg(task));
    const Table &table = m_params.data->table;
    const RoleAssignment roles = defaultRoles(table, {m_params.task}, {});
    auto card = std::make_shared<Scorecard>(fitScorecard(table, m_params.task, roles.features, m_params.options));
    if (isCancelled())
        throw Cancelled();
    Q_EMIT progress(1.0, tr("Scorecard of %n feature(s)", nullptr, static_cast<int>(card->features.size())));
    Q_EMIT succeeded(card);
}

} // namespace cmtl::ui
