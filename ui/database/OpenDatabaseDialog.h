#pragma once

#include "csv/CsvReader.h"
#include "data/Table.h"
#include "database/Database.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace cmtl::ui {

class DataTableModel;
class WorkerThread;

// File ▸ Open Database…: the driver (SQLite file, PostgreSQL, ODBC) and the fields it needs, a
// Test button that connects on a worker thread and lists the tables and views, a table or a SELECT
// query, a preview of its first rows (read on a worker thread as the whole source will be), and
// Open. The dialog reads nothing itself: it gives the source as a locator (databaseSourceLocator,
// never with the password) and the password, which the Data page reads through DataLoader. The
// password is never saved: a project or a recent entry reopens the dialog filled in without it.
class OpenDatabaseDialog : public QDialog {
    Q_OBJECT
public:
    // Rows shown by the preview.
    static constexpr std::size_t kPreviewRows = 20;

    // `options`: the import options the source will be read with (missing tokens, column types).
    explicit OpenDatabaseDialog(CsvOptions options = {}, QWidget *parent = nullptr);
    ~OpenDatabaseDialog() override;

    // Fills the fields from a locator (a project's data source, a recent entry); the password
    // stays empty and gets the focus when the driver takes one.
    void setLocator(const QString &locator);
    // The source the fields describe, as a locator; empty (with the reason in the status line)
    // when a field is missing or wrong.
    QString locator();
    QString password() const;

    bool isBusy() const;
    QString statusText() const;
    // The preview's rows (null before a preview succeeded).
    const Table *previewTable() const;

public Q_SLOTS:
    // Connects and lists the tables (worker thread); the outcome in the status line.
    void testConnection();
    // Reads the first kPreviewRows rows of the chosen table or query (worker thread).
    void preview();

Q_SIGNALS:
    // After a Test or a preview: ok, and the message shown in the status line.
    void testFinished(bool ok, const QString &message);
    void previewFinished(bool ok, const QString &message);

private:
    // The connection the fields describe; std::nullopt (reason in the status line) when incomplete.
    std::optional<DatabaseConnection> connection();
    std::optional<DatabaseSource> source();
    void chooseFile();
    void showFieldsOf(int driver);
    void updateControls();
    void showStatus(const QString &text, bool error);

    CsvOptions m_options;
    // A Test or a preview asked for while the worker thread was busy: run when it is done.
    bool m_testPending = false;
    bool m_previewPending = false;
    QComboBox *m_driver;
    QStackedWidget *m_fields;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_odbc;
    QLineEdit *m_password;
    QLabel *m_passwordLabel;
    QPushButton *m_test;
    QRadioButton *m_fromTable;
    QRadioButton *m_fromQuery;
    QListWidget *m_tables;
    QPlainTextEdit *m_query;
    QPushButton *m_previewButton;
    QTableView *m_preview;
    DataTableModel *m_previewModel;
    QLabel *m_status;
    QPushButton *m_open;
    WorkerThread *m_thread;
};

} // namespace cmtl::ui
