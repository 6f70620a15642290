#include "database/DatabaseWorkers.h"

namespace cmtl::ui {

void DatabaseTablesWorker::work()
{
    Q_EMIT progress(0.0, tr("Connecting to %1").arg(QString::fromStdString(m_connection.url())));
    QStringList tables;
    for (const std::string &table : databaseTables(m_connection, m_password.toStdString()))
        tables << QString::fromStdString(table);
    Q_EMIT progress(1.0, tr("Connected"));
    Q_EMIT succeeded(tables);
}

void DatabasePreviewWorker::work()
{
    DatabaseReadResult read = readDatabase(m_source, m_options, token());
    Q_EMIT succeeded(std::make_shared<const Table>(std::move(read.table)));
}

} // namespace cmtl::ui
