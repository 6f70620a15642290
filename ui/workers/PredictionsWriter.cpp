#include "workers/PredictionsWriter.h"

#include "common/Error.h"
#include "csv/CsvReader.h"
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
    const Table &table = m_params.scored->table;
    std::vector<const Column *> kept;
    for (const std::string &column : m_params.kept) {
        if (table.indexOf(column) < 0) {
            std::vector<std::string> names;
            for (const Column &present : table.columns())
                names.push_back(present.name);
            throw DataError({table.source(), 1, column},
                            "the ID / keep column \"" + column + "\" is not in this file, so the predictions cannot " +
                                "carry it; its columns are: " + listColumnNames(names) +
                                ". Score a file that has it, or set its role to Ignore on the Roles page");
        }
        kept.push_back(&table.column(column));
    }
    // The reason and points columns after the predictions, as `creditmtl-cli predict` writes them.
    const QByteArray csv = appendCsvColumns(
        predictionsToCsv(*m_params.scored->model, m_params.scored->predictions, m_params.threads, kept),
        m_params.scored->extras);
    if (isCancelled())
        throw Cancelled();
    writeFileAtomically(m_params.path.toStdString(), csv);
    Q_EMIT progress(1.0, tr("Saved %1").arg(name));
    Q_EMIT succeeded(m_params.path);
}

} // namespace cmtl::ui
