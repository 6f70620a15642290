#include "workers/PredictionsWriter.h"

#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/PredictionsCsv.h"

#include <QFileInfo>

namespace cmtl::ui {

void PredictionsWriter::work()
{
    if (!m_params.scored)
        throw ConfigError("no predictions to save");
    const QString name = QFileInfo(m_params.path).fileName();
    Q_EMIT progress(0.0, tr("Writing %1").arg(name));
    const QByteArray csv = predictionsToCsv(*m_params.scored->model, m_params.scored->predictions, m_params.threads);
    if (isCancelled())
        throw Cancelled();
    writeFileAtomically(m_params.path.toStdString(), csv);
    Q_EMIT progress(1.0, tr("Saved %1").arg(name));
    Q_EMIT succeeded(m_params.path);
}

} // namespace cmtl::ui
