#include "workers/DataLoader.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "database/Database.h"
#include "statfile/DataFileReader.h"

#include <QFileInfo>
#include <QLocale>

#include <chrono>

namespace cmtl::ui {

QString dataSourceName(const QString &path)
{
    if (isDatabaseSourceLocator(path.toStdString())) {
        try {
            return QString::fromStdString(parseDatabaseSourceLocator(path.toStdString()).describe());
        } catch (const std::exception &) {
            return path; // shown as it is; reading it says what is wrong
        }
    }
    return QFileInfo(path).fileName();
}

void DataLoader::work()
{
    auto loaded = std::make_shared<LoadedTable>();
    loaded->path = m_params.path;
    loaded->options = m_params.options;
    const bool fromDatabase = isDatabaseSourceLocator(m_params.path.toStdString());
    const QString name = dataSourceName(m_params.path);
    // The reader reports often; pass on at most ~20 updates a second.
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    const auto onProgress = [&](double fraction) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last < std::chrono::milliseconds(50) && fraction < 1.0)
            return;
        last = now;
        Q_EMIT progress(0.9 * fraction, tr("Reading %1").arg(name));
    };
    DataFileReadResult read;
    if (fromDatabase) {
        DatabaseSource source = parseDatabaseSourceLocator(m_params.path.toStdString());
        source.password = m_params.password.toStdString();
        // A query's row count is not known before the last row: the bar waits at 0 while the
        // count of rows read rises.
        DatabaseReadResult fromDb = readDatabase(source, m_params.options, token(), [&](std::size_t rows) {
            Q_EMIT progress(0.0, tr("Reading %1: %2 rows").arg(name, QLocale().toString(qulonglong(rows))));
        });
        read.table = std::move(fromDb.table);
        read.warnings = std::move(fromDb.warnings);
        loaded->databaseNotes = std::move(fromDb.notes);
    } else {
        read = readDataFile(m_params.path.toStdString(), m_params.options, token(), onProgress);
    }
    if (isCancelled())
        throw Cancelled();
    Q_EMIT progress(0.9, tr("Describing the columns of %1").arg(name));
    describeColumns(read.table);
    // One column's histogram per task, on all hardware threads, like the statistics above.
    loaded->histograms.resize(read.table.columnCount());
    parallelFor(read.table.columnCount(), 0,
                [&](std::size_t i) { loaded->histograms[i] = columnHistogram(read.table.column(i)); });
    loaded->dialect = read.dialect;
    loaded->warnings = std::move(read.warnings);
    loaded->statFile = std::move(read.statFile);
    loaded->table = std::move(read.table);
    if (isCancelled())
        throw Cancelled();
    Q_EMIT progress(1.0, tr("Read %1").arg(name));
    Q_EMIT succeeded(loaded);
}

} // namespace cmtl::ui
