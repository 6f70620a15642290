#include "workers/ScoringWorker.h"

#include "common/Error.h"
#include "csv/CsvReader.h"

#include <QFileInfo>
#include <QStringList>

namespace cmtl::ui {

void ScoringWorker::work()
{
    if (!m_params.model)
        throw ConfigError("no model to score with");
    const QString name = QFileInfo(m_params.path).fileName();
    CsvOptions options = m_params.options;
    options.categoricalColumns = m_params.model->categoricalColumns();
    CsvReadResult read = readCsvFile(m_params.path.toStdString(), options, token(), [&](double fraction) {
        Q_EMIT progress(0.8 * fraction, tr("Reading %1").arg(name));
    });
    QStringList missing;
    for (const std::string &column : m_params.model->requiredColumns()) {
        if (read.table.indexOf(column) < 0)
            missing << QString::fromStdString(column);
    }
    if (!missing.isEmpty()) {
        Q_EMIT schemaMismatch(missing, m_params.path);
        return;
    }
    Q_EMIT progress(0.8, tr("Scoring %1 rows").arg(read.table.rowCount()));
    auto scored = std::make_shared<ScoredTable>();
    scored->path = m_params.path;
    scored->model = m_params.model;
    scored->predictions = m_params.model->predict(read.table);
    scored->table = std::move(read.table);
    Q_EMIT progress(1.0, tr("Scored %1").arg(name));
    Q_EMIT succeeded(scored);
}

} // namespace cmtl::ui
