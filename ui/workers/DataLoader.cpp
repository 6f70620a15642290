#include "workers/DataLoader.h"

#include "common/Error.h"
#include "common/ParallelFor.h"
#include "statfile/DataFileReader.h"

#include <QFileInfo>

#include <chrono>

namespace cmtl::ui {

void DataLoader::work()
{
    auto loaded = std::make_shared<LoadedTable>();
    loaded->path = m_params.path;
    loaded->options = m_params.options;
    const QString name = QFileInfo(m_params.path).fileName();
    // The reader reports often; pass on at most ~20 updates a second.
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    const auto onProgress = [&](double fraction) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last < std::chrono::milliseconds(50) && fraction < 1.0)
            return;
        last = now;
        Q_EMIT progress(0.9 * fraction, tr("Reading %1").arg(name));
    };
    DataFileReadResult read = readDataFile(m_params.path.toStdString(), m_params.options, token(), onProgress);
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
