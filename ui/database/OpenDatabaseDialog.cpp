#include "database/OpenDatabaseDialog.h"

#include "ErrorMessages.h"
#include "FormRows.h"
#include "HelpTexts.h"
#include "common/Error.h"
#include "database/DatabaseWorkers.h"
#include "models/DataTableModel.h"
#include "workers/WorkerThread.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace cmtl::ui {

namespace {

QLineEdit *lineEdit(const char *objectName)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(objectName));
    return edit;
}

QWidget *formPage(QFormLayout *form)
{
    auto *page = new QWidget;
    page->setLayout(form);
    form->setContentsMargins(0, 0, 0, 0);
    return page;
}

} // namespace

OpenDatabaseDialog::OpenDatabaseDialog(CsvOptions options, QWidget *parent)
    : QDialog(parent), m_options(std::move(options)), m_thread(new WorkerThread(this))
{
    setObjectName(QStringLiteral("openDatabaseDialog"));
    setWindowTitle(tr("Open Database"));

    m_driver = new QComboBox;
    m_driver->setObjectName(QStringLiteral("dbDriverCombo"));
    // In the order of DatabaseKind.
    m_driver->addItem(tr("SQLite file"));
    m_driver->addItem(QStringLiteral("PostgreSQL"));
    m_driver->addItem(tr("ODBC data source"));

    m_file = lineEdit("dbFileEdit");
    m_browse = new QPushButton(tr("&Browse…"));
    m_browse->setObjectName(QStringLiteral("dbBrowseButton"));
    m_browse->setAccessibleName(tr("Choose the SQLite file"));
    auto *sqliteForm = new QFormLayout;
    addFormRow(sqliteForm, tr("&File:"), m_file, tr("SQLite database file"), fieldWithButton(m_file, m_browse));

    m_host = lineEdit("dbHostEdit");
    m_host->setText(QStringLiteral("localhost"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("dbPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = lineEdit("dbNameEdit");
    m_user = lineEdit("dbUserEdit");
    auto *postgresForm = new QFormLayout;
    addFormRow(postgresForm, tr("&Host:"), m_host, tr("Server host"));
    addFormRow(postgresForm, tr("Por&t:"), m_port, tr("Server port"));
    addFormRow(postgresForm, tr("&Database:"), m_database, tr("Database name"));
    addFormRow(postgresForm, tr("&User:"), m_user, tr("User name"));

    m_odbc = lineEdit("dbOdbcEdit");
    m_odbc->setPlaceholderText(tr("a DSN, or DRIVER={…};SERVER=…;DATABASE=…"));
    auto *odbcForm = new QFormLayout;
    addFormRow(odbcForm, tr("&Data source:"), m_odbc, tr("ODBC data source or connection string"));

    m_fields = new QStackedWidget;
    m_fields->addWidget(formPage(sqliteForm));
    m_fields->addWidget(formPage(postgresForm));
    m_fields->addWidget(formPage(odbcForm));

    m_password = lineEdit("dbPasswordEdit");
    m_password->setEchoMode(QLineEdit::Password);
    m_test = new QPushButton(tr("Test &Connection"));
    m_test->setObjectName(QStringLiteral("dbTestButton"));
    m_test->setAccessibleName(tr("Test the connection and list the tables"));

    auto *connectionForm = new QFormLayout;
    addFormRow(connectionForm, tr("D&river:"), m_driver, tr("Database driver"));
    connectionForm->addRow(m_fields);
    m_passwordLabel = new QLabel(tr("&Password:"));
    m_passwordLabel->setBuddy(m_password);
    m_password->setAccessibleName(tr("Password (never saved)"));
    connectionForm->addRow(m_passwordLabel, m_password);
    connectionForm->addRow(QString(), m_test);
    auto *connectionBox = new QGroupBox(tr("Connection"));
    connectionBox->setLayout(connectionForm);

    m_fromTable = new QRadioButton(tr("T&able or view:"));
    m_fromTable->setObjectName(QStringLiteral("dbTableRadio"));
    m_fromTable->setAccessibleName(tr("Read a table or view"));
    m_fromTable->setChecked(true);
    m_tables = new QListWidget;
    m_tables->setObjectName(QStringLiteral("dbTableList"));
    m_tables->setAccessibleName(tr("Tables and views"));
    m_fromQuery = new QRadioButton(tr("&Query:"));
    m_fromQuery->setObjectName(QStringLiteral("dbQueryRadio"));
    m_fromQuery->setAccessibleName(tr("Read the rows of a query"));
    m_query = new QPlainTextEdit;
    m_query->setObjectName(QStringLiteral("dbQueryEdit"));
    m_query->setAccessibleName(tr("SELECT query"));
    m_query->setPlaceholderText(tr("SELECT * FROM loans WHERE issue_d < '2018-01-01'"));
    m_previewButton = new QPushButton(tr("Pre&view"));
    m_previewButton->setObjectName(QStringLiteral("dbPreviewButton"));
    m_previewButton->setAccessibleName(tr("Preview the first rows"));
    auto *sourceLayout = new QGridLayout;
    sourceLayout->addWidget(m_fromTable, 0, 0);
    sourceLayout->addWidget(m_fromQuery, 0, 1);
    sourceLayout->addWidget(m_tables, 1, 0);
    sourceLayout->addWidget(m_query, 1, 1);
    sourceLayout->addWidget(m_previewButton, 2, 1, Qt::AlignRight);
    sourceLayout->setColumnStretch(1, 2);
    auto *sourceBox = new QGroupBox(tr("Rows to read"));
    sourceBox->setLayout(sourceLayout);

    m_previewModel = new DataTableModel(this);
    m_preview = new QTableView;
    m_preview->setObjectName(QStringLiteral("dbPreviewTable"));
    m_preview->setAccessibleName(tr("Preview of the first rows"));
    m_preview->setModel(m_previewModel);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 6);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("dbStatusLabel"));
    m_status->setAccessibleName(tr("Connection status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("dbOpenButton"));
    m_open->setAccessibleName(tr("Open the rows in the workbench"));
    m_open->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!locator().isEmpty())
            accept();
    });
    connect(m_browse, &QPushButton::clicked, this, &OpenDatabaseDialog::chooseFile);
    connect(m_test, &QPushButton::clicked, this, &OpenDatabaseDialog::testConnection);
    connect(m_previewButton, &QPushButton::clicked, this, &OpenDatabaseDialog::preview);
    connect(m_driver, &QComboBox::currentIndexChanged, this, [this](int index) {
        showFieldsOf(index);
        m_tables->clear();
        updateControls();
    });
    connect(m_fromTable, &QRadioButton::toggled, this, &OpenDatabaseDialog::updateControls);
    connect(m_tables, &QListWidget::currentRowChanged, this, [this] {
        m_fromTable->setChecked(true);
        preview();
    });
    connect(m_thread, &WorkerThread::finished, this, [this] {
        updateControls();
        if (std::exchange(m_testPending, false))
            testConnection();
        else if (std::exchange(m_previewPending, false))
            preview();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(connectionBox);
    layout->addWidget(sourceBox, 1);
    layout->addWidget(new QLabel(tr("First rows:")));
    layout->addWidget(m_preview, 2);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    installHelp(this);
    showFieldsOf(0);
    resize(760, 640);
    updateControls();
}

void OpenDatabaseDialog::showFieldsOf(int driver)
{
    // Only the driver's own fields take room: the other pages of the stack are ignored by the layout.
    for (int page = 0; page < m_fields->count(); ++page)
        m_fields->widget(page)->setSizePolicy(QSizePolicy::Preferred,
                                              page == driver ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_fields->setCurrentIndex(driver);
    m_fields->adjustSize();
}

OpenDatabaseDialog::~OpenDatabaseDialog()
{
    m_thread->stop();
}

bool OpenDatabaseDialog::isBusy() const
{
    return m_thread->isRunning();
}

QString OpenDatabaseDialog::statusText() const
{
    return m_status->text();
}

const Table *OpenDatabaseDialog::previewTable() const
{
    return m_previewModel->table();
}

QString OpenDatabaseDialog::password() const
{
    return m_password->text();
}

void OpenDatabaseDialog::updateControls()
{
    const bool busy = isBusy();
    const auto kind = static_cast<DatabaseKind>(m_driver->currentIndex());
    m_passwordLabel->setVisible(kind != DatabaseKind::Sqlite);
    m_password->setVisible(kind != DatabaseKind::Sqlite);
    m_tables->setEnabled(m_fromTable->isChecked());
    m_query->setEnabled(m_fromQuery->isChecked());
    for (QWidget *control : {static_cast<QWidget *>(m_test), static_cast<QWidget *>(m_previewButton),
                             static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_driver)})
        control->setEnabled(!busy);
}

void OpenDatabaseDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(text); // read out by screen readers with the label's name
    m_status->setStyleSheet(error ? QStringLiteral("color: #b03a2e;") : QString());
}

void OpenDatabaseDialog::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("SQLite database file"), QFileInfo(m_file->text()).absolutePath(),
                                     tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

std::optional<DatabaseConnection> OpenDatabaseDialog::connection()
{
    DatabaseConnection connection;
    connection.kind = static_cast<DatabaseKind>(m_driver->currentIndex());
    QString missing;
    switch (connection.kind) {
    case DatabaseKind::Sqlite:
        connection.database = QDir::cleanPath(QFileInfo(m_file->text().trimmed()).absoluteFilePath()).toStdString();
        if (m_file->text().trimmed().isEmpty())
            missing = tr("Choose the SQLite database file (Browse…).");
        break;
    case DatabaseKind::PostgreSql:
        connection.host = m_host->text().trimmed().toStdString();
        connection.port = m_port->value();
        connection.database = m_database->text().trimmed().toStdString();
        connection.user = m_user->text().trimmed().toStdString();
        if (connection.host.empty())
            missing = tr("Enter the server's host: its name, its address, or localhost for this machine.");
        else if (connection.database.empty())
            missing = tr("Enter the name of the database on the server.");
        break;
    case DatabaseKind::Odbc:
        connection.database = m_odbc->text().trimmed().toStdString();
        if (connection.database.empty())
            missing = tr("Enter an ODBC data source name (from odbc.ini) or a connection string.");
        break;
    }
    if (!missing.isEmpty()) {
        showStatus(missing, true);
        return std::nullopt;
    }
    // Read back as the command line reads a URL, so that the dialog refuses what --db refuses
    // (an ODBC string holding PWD=, say) with the same words.
    try {
        return parseDatabaseUrl(connection.url());
    } catch (...) {
        const UserMessage message = describeCurrentException();
        showStatus(message.details.isEmpty() ? message.text : message.details, true);
        return std::nullopt;
    }
}

std::optional<DatabaseSource> OpenDatabaseDialog::source()
{
    std::optional<DatabaseConnection> chosen = connection();
    if (!chosen)
        return std::nullopt;
    DatabaseSource source;
    source.connection = *chosen;
    source.password = m_password->text().toStdString();
    if (m_fromTable->isChecked()) {
        if (!m_tables->currentItem()) {
            showStatus(m_tables->count() == 0 ? tr("Press Test Connection to list the tables, then choose one.")
                                              : tr("Choose a table or view in the list."),
                       true);
            return std::nullopt;
        }
        source.table = m_tables->currentItem()->text().toStdString();
    } else {
        source.query = m_query->toPlainText().trimmed().toStdString();
        if (source.query.empty()) {
            showStatus(tr("Write a SELECT query, or choose a table."), true);
            return std::nullopt;
        }
    }
    return source;
}

QString OpenDatabaseDialog::locator()
{
    const std::optional<DatabaseSource> chosen = source();
    return chosen ? QString::fromStdString(databaseSourceLocator(*chosen)) : QString();
}

void OpenDatabaseDialog::setLocator(const QString &locator)
{
    DatabaseSource source;
    try {
        source = parseDatabaseSourceLocator(locator.toStdString());
    } catch (...) {
        const UserMessage message = describeCurrentException();
        showStatus(message.details, true);
        return;
    }
    const DatabaseConnection &connection = source.connection;
    m_driver->setCurrentIndex(static_cast<int>(connection.kind));
    switch (connection.kind) {
    case DatabaseKind::Sqlite:
        m_file->setText(QString::fromStdString(connection.database));
        break;
    case DatabaseKind::PostgreSql:
        m_host->setText(QString::fromStdString(connection.host));
        m_port->setValue(connection.port > 0 ? connection.port : 5432);
        m_database->setText(QString::fromStdString(connection.database));
        m_user->setText(QString::fromStdString(connection.user));
        break;
    case DatabaseKind::Odbc:
        m_odbc->setText(QString::fromStdString(connection.database));
        break;
    }
    m_tables->clear();
    if (!source.table.empty()) {
        // Listed alone until Test lists them all: Open reads it as it was.
        m_tables->addItem(QString::fromStdString(source.table));
        const QSignalBlocker noPreview(m_tables); // no connection before the password is typed
        m_tables->setCurrentRow(0);
        m_fromTable->setChecked(true);
    } else {
        m_query->setPlainText(QString::fromStdString(source.query));
        m_fromQuery->setChecked(true);
    }
    if (connection.kind != DatabaseKind::Sqlite) {
        m_password->setFocus();
        showStatus(tr("Enter the password again (it is never saved), then Open."), false);
    }
    updateControls();
}

void OpenDatabaseDialog::testConnection()
{
    if (isBusy()) {
        m_testPending = true; // run when the worker thread is done
        return;
    }
    const std::optional<DatabaseConnection> chosen = connection();
    if (!chosen) {
        Q_EMIT testFinished(false, m_status->text());
        return;
    }
    const QString wanted = m_tables->currentItem() ? m_tables->currentItem()->text() : QString();
    auto *worker = new DatabaseTablesWorker(*chosen, m_password->text());
    connect(worker, &DatabaseTablesWorker::succeeded, this, [this, wanted](const QStringList &tables) {
        const QSignalBlocker noPreview(m_tables);
        m_tables->clear();
        m_tables->addItems(tables);
        const QList<QListWidgetItem *> found = m_tables->findItems(wanted, Qt::MatchExactly);
        if (!found.isEmpty())
            m_tables->setCurrentItem(found.front());
        const QString text = tables.isEmpty() ? tr("Connected. The database has no tables or views: write a query.")
                                              : tr("Connected; tables and views: %1.").arg(tables.size());
        showStatus(text, false);
        Q_EMIT testFinished(true, text);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        const QString text = tr("The connection failed: %1").arg(details.isEmpty() ? message : details);
        showStatus(text, true);
        Q_EMIT testFinished(false, text);
    });
    showStatus(tr("Connecting…"), false);
    m_thread->start(worker);
    updateControls();
}

void OpenDatabaseDialog::preview()
{
    if (isBusy()) {
        // A table chosen while Test or another preview runs: previewed when that is done.
        m_previewPending = true;
        return;
    }
    std::optional<DatabaseSource> chosen = source();
    if (!chosen) {
        Q_EMIT previewFinished(false, m_status->text());
        return;
    }
    chosen->maxRows = kPreviewRows;
    auto *worker = new DatabasePreviewWorker(*chosen, m_options);
    connect(worker, &DatabasePreviewWorker::succeeded, this, [this](const std::shared_ptr<const Table> &rows) {
        m_previewModel->setTable(rows);
        const QString text = tr("The first rows (%1), read as Open will read them; %2 columns.")
                                 .arg(rows->rowCount())
                                 .arg(rows->columnCount());
        showStatus(text, false);
        Q_EMIT previewFinished(true, text);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_previewModel->setTable({});
        const QString text = tr("The rows could not be read: %1").arg(details.isEmpty() ? message : details);
        showStatus(text, true);
        Q_EMIT previewFinished(false, text);
    });
    showStatus(tr("Reading the first rows…"), false);
    m_thread->start(worker);
    updateControls();
}

} // namespace cmtl::ui
