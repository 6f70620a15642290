#include "export/ExportModelDialog.h"

#include "FormRows.h"
#include "HelpTexts.h"
#include "common/Error.h"
#include "export/ExportModelWorker.h"
#include "io/FileIdentity.h"
#include "workers/WorkerThread.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace cmtl::ui {

namespace {} // namespace

ExportModelDialog::ExportModelDialog(RunPtr run, QStringList inputs, QWidget *parent)
    : QDialog(parent), m_run(std::move(run)), m_inputs(std::move(inputs)), m_thread(new WorkerThread(this))
{
    setObjectName(QStringLiteral("exportModelDialog"));
    setWindowTitle(tr("Export Model"));
    m_confirmReplace = [this](const QString &path) {
        return QMessageBox::question(this, tr("Export Model"),
                                     tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path))) ==
               QMessageBox::Yes;
    };

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormatCombo"));
    m_format->addItem(tr("ONNX graph (.onnx)"), QStringLiteral("onnx"));
    m_format->addItem(tr("SQL query (.sql)"), QStringLiteral("sql"));
    m_dialect = new QComboBox;
    m_dialect->setObjectName(QStringLiteral("exportDialectCombo"));
    m_dialect->addItem(QStringLiteral("SQLite"), QString::fromLatin1(toString(SqlDialect::SQLite)));
    m_dialect->addItem(QStringLiteral("PostgreSQL"), QString::fromLatin1(toString(SqlDialect::PostgreSQL)));
    m_table = new QLineEdit(QStringLiteral("data"));
    m_table->setObjectName(QStringLiteral("exportTableEdit"));
    m_keep = new QLineEdit;
    m_keep->setObjectName(QStringLiteral("exportKeepEdit"));
    m_keep->setPlaceholderText(tr("e.g. loan_id"));
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_browse = new QPushButton(tr("&Browse…"));
    m_browse->setObjectName(QStringLiteral("exportBrowseButton"));
    m_browse->setAccessibleName(tr("Choose the file to write"));

    // What is exported, in the run's own name: a user with several runs sees which model the file
    // will hold before choosing anything.
    m_subject = new QLabel(m_run ? tr("Model: %1").arg(m_run->name)
                                 : tr("There is no model to export yet: train one, or open a model file "
                                      "(File ▸ Open Model…)."));
    m_subject->setObjectName(QStringLiteral("exportSubjectLabel"));
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject->setAccessibleName(tr("Model to export"));

    auto *form = new QFormLayout;
    addFormRow(form, tr("&Format:"), m_format, tr("Export format"));
    addFormRow(form, tr("SQL &dialect:"), m_dialect, tr("SQL dialect"));
    addFormRow(form, tr("SQL &table:"), m_table, tr("SQL table"));
    addFormRow(form, tr("&Keep columns:"), m_keep, tr("Keep columns"));
    addFormRow(form, tr("&File:"), m_path, tr("File to write"), fieldWithButton(m_path, m_browse));

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("Export progress"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("exportStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Export status"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportModelDialog::exportModel);
    connect(m_browse, &QPushButton::clicked, this, &ExportModelDialog::chooseFile);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // The extension follows the format when the file name has the other one.
        const QString path = m_path->text();
        const bool sql = m_format->currentData().toString() == QLatin1String("sql");
        const QString from = sql ? QStringLiteral(".onnx") : QStringLiteral(".sql");
        if (path.endsWith(from))
            m_path->setText(path.chopped(from.size()) + (sql ? QStringLiteral(".sql") : QStringLiteral(".onnx")));
        updateControls();
    });
    connect(m_thread, &WorkerThread::finished, this, &ExportModelDialog::updateControls);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_subject);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    installHelp(this);
    if (!ExportModelWorker::onnxAvailable())
        m_format->setCurrentIndex(1);
    updateControls();
}

ExportModelDialog::~ExportModelDialog()
{
    m_thread->stop();
}

bool ExportModelDialog::isRunning() const
{
    return m_thread->isRunning();
}

void ExportModelDialog::setReplaceConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmReplace = std::move(confirm);
}

QString ExportModelDialog::statusText() const
{
    return m_status->text();
}

void ExportModelDialog::updateControls()
{
    const bool sql = m_format->currentData().toString() == QLatin1String("sql");
    const bool running = isRunning();
    for (QWidget *control :
         {static_cast<QWidget *>(m_dialect), static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_keep)})
        control->setEnabled(sql && !running);
    for (QWidget *control : {static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_path),
                             static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_exportButton)})
        control->setEnabled(!running && m_run);
}

void ExportModelDialog::chooseFile()
{
    const bool sql = m_format->currentData().toString() == QLatin1String("sql");
    // The overwrite question is the dialog's own (asked on Export), not the file dialog's.
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Model"), m_path->text(),
                                                      sql ? tr("SQL files (*.sql);;All files (*)")
                                                          : tr("ONNX files (*.onnx);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportModelDialog::showFailure(const QString &message)
{
    m_status->setText(message);
    m_progress->setValue(0);
    Q_EMIT exportFinished(false, message);
}

void ExportModelDialog::exportModel()
{
    if (isRunning() || !m_run)
        return;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        showFailure(tr("Choose the file to write (File)."));
        return;
    }
    // Never over the model file or the data file (compared as files, not spellings).
    std::vector<NamedPath> inputs;
    for (const QString &input : m_inputs) {
        if (!input.isEmpty())
            inputs.push_back({"input", input.toStdString()});
    }
    try {
        refuseOutputsOverInputs(inputs, {{"the export", path.toStdString()}});
    } catch (const std::exception &) {
        showFailure(tr("%1 is a file the model was read from; choose another file to write, so that it is not "
                       "overwritten.")
                        .arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (QFileInfo(path).isDir()) {
        showFailure(tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (QFileInfo::exists(path) && !m_confirmReplace(path)) {
        showFailure(tr("Not exported: %1 was kept as it is.").arg(QDir::toNativeSeparators(path)));
        return;
    }

    ExportModelWorker::Params params;
    params.run = m_run;
    params.path = path;
    params.format = m_format->currentData().toString() == QLatin1String("sql") ? ExportModelWorker::Format::Sql
                                                                               : ExportModelWorker::Format::Onnx;
    params.sql.dialect = sqlDialectFromString(m_dialect->currentData().toString().toStdString());
    params.sql.table = m_table->text().trimmed().toStdString();
    for (const QString &column : m_keep->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        params.sql.keep.push_back(column.trimmed().toStdString());
    auto *worker = new ExportModelWorker(std::move(params));
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        if (!text.isEmpty())
            m_status->setText(text);
    });
    connect(worker, &ExportModelWorker::succeeded, this, [this](const QString &written, qint64 bytes) {
        const QString message = tr("Exported to %1 (%2 bytes).").arg(QDir::toNativeSeparators(written)).arg(bytes);
        m_status->setText(message);
        Q_EMIT exportFinished(true, message);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        showFailure(details.isEmpty() ? tr("The model could not be exported: %1").arg(message)
                                      : tr("The model could not be exported: %1\n%2").arg(message, details));
    });
    m_progress->setValue(0);
    m_status->setText(tr("Exporting…"));
    m_thread->start(worker);
    updateControls();
}

} // namespace cmtl::ui
