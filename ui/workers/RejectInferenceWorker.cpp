#include "workers/RejectInferenceWorker.h"

#include "common/Error.h"
#include "statfile/DataFileReader.h"

#include <QFileInfo>

#include <algorithm>

namespace cmtl::ui {

void RejectInferenceWorker::work()
{
    if (!m_params.accepts)
        throw ConfigError("no accepted applicants: open the accepts' data file first");
    if (m_params.rejectsPath.isEmpty())
        throw ConfigError("no declined applicants' file: choose the file of declined applicants");
    const Table &accepts = m_params.accepts->table;
    const RoleAssignment roles = defaultRoles(accepts, {m_params.task}, {});
    // Read as the accepts were, their text features as text (a code column of digits stays text).
    const std::string path = m_params.rejectsPath.toStdString();
    CsvOptions options = inheritedOptionsFor(path, m_params.accepts->options);
    for (const std::string &column : textFeatures(accepts, roles.features)) {
        if (std::find(options.categoricalColumns.begin(), options.categoricalColumns.end(), column) ==
            options.categoricalColumns.end())
            options.categoricalColumns.push_back(column);
    }
    const QString name = QFileInfo(m_params.rejectsPath).fileName();
    const DataFileReadResult rejects = readDataFile(
        path, options, token(), [&](double fraction) { Q_EMIT progress(0.5 * fraction, tr("Reading %1").arg(name)); });
    if (isCancelled())
        throw Cancelled();
    Q_EMIT progress(0.5, tr("Fitting the scorecards and comparing them on the held-out accepts"));
    auto run = std::make_shared<RejectInferenceRun>();
    run->options = m_params.options;
    run->holdout = m_params.holdout;
    run->rejectsPath = m_params.rejectsPath;
    run->rejectRows = rejects.table.rowCount();
    run->comparison = compareRejectInference(accepts, rejects.table, m_params.task, roles.features,
                                             m_params.cardOptions, m_params.options, m_params.holdout, token());
    Q_EMIT progress(1.0, tr("Reject inference done"));
    Q_EMIT succeeded(run);
}

} // namespace cmtl::ui
