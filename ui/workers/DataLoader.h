#pragma once

#include "csv/CsvReader.h"
#include "data/ColumnHistogram.h"
#include "workers/Worker.h"

#include <QMetaType>

#include <memory>

namespace cmtl::ui {

// A table read from a file, with its column statistics and small distributions.
struct LoadedTable {
    QString path;
    CsvOptions options;
    CsvDialect dialect;
    Table table;
    std::vector<ColumnHistogram> histograms;
    // What the reader noticed but did not refuse (a column read as text because of a few cells,
    // numbers float32 rounds, unnamed columns): shown on the Data page.
    std::vector<CsvWarning> warnings;
};
using LoadedTablePtr = std::shared_ptr<const LoadedTable>;

// Reads a CSV file on a worker thread, then describes its columns.
class DataLoader : public Worker {
    Q_OBJECT
public:
    struct Params {
        QString path;
        CsvOptions options;
    };
    explicit DataLoader(Params params) : m_params(std::move(params)) {}

Q_SIGNALS:
    void succeeded(const cmtl::ui::LoadedTablePtr &table);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::LoadedTablePtr)
