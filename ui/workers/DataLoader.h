#pragma once

#include "csv/CsvReader.h"
#include "data/ColumnHistogram.h"
#include "statfile/StatFile.h"
#include "workers/Worker.h"

#include <QMetaType>

#include <memory>
#include <optional>

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
    // A SAS, Stata or SPSS file: its format, variable labels and display formats, and notes (dates
    // read as numbers, special missing values); empty for a CSV file.
    std::optional<StatFileDescription> statFile;
    // A database source (path is its locator, see databaseSourceLocator): how booleans and dates
    // were read, one sentence each; empty for a file.
    std::vector<std::string> databaseNotes;
};
using LoadedTablePtr = std::shared_ptr<const LoadedTable>;

// How a data source is named to the user: a file's name, or for a database source locator its
// connection URL and table or query ("sqlite:/data/loans.db, table loans").
QString dataSourceName(const QString &path);

// Reads a data file (CSV, or SAS, Stata or SPSS: readDataFile) or a database's table or query (a
// path that is a database source locator: readDatabase) on a worker thread, then describes its
// columns.
class DataLoader : public Worker {
    Q_OBJECT
public:
    struct Params {
        QString path;
        CsvOptions options;
        QString password; // a database source's, kept in memory only
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
