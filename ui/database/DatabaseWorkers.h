#pragma once

#include "data/Table.h"
#include "database/Database.h"
#include "workers/Worker.h"

#include <QStringList>

#include <memory>

namespace cmtl::ui {

// Connects to a database and lists its tables and views (databaseTables): the Open Database
// dialog's Test button, off the UI thread since a server may take seconds to answer or time out.
class DatabaseTablesWorker : public Worker {
    Q_OBJECT
public:
    DatabaseTablesWorker(DatabaseConnection connection, QString password)
        : m_connection(std::move(connection)), m_password(std::move(password))
    {}

Q_SIGNALS:
    void succeeded(const QStringList &tables);

protected:
    void work() override;

private:
    DatabaseConnection m_connection;
    QString m_password;
};

// Reads the first rows of a table or query (readDatabase with source.maxRows): the dialog's
// preview, read as the whole source will be.
class DatabasePreviewWorker : public Worker {
    Q_OBJECT
public:
    DatabasePreviewWorker(DatabaseSource source, CsvOptions options)
        : m_source(std::move(source)), m_options(std::move(options))
    {}

Q_SIGNALS:
    void succeeded(const std::shared_ptr<const cmtl::Table> &rows);

protected:
    void work() override;

private:
    DatabaseSource m_source;
    CsvOptions m_options;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(std::shared_ptr<const cmtl::Table>)
