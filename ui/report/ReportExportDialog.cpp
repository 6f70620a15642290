#include "report/ReportExportDialog.h"

#include "ErrorMessages.h"
#include "FormRows.h"
#include "Workspace.h"
#include "common/Error.h"
#include "io/ModelFile.h"
#include "model/MultiTaskModel.h"
#include "report/ReportWorker.h"
#include "workers/DataLoader.h"
#include "workers/WorkerThread.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <set>

namespace cmtl::ui {

std::optional<StoredComparison> comparisonForReport(const std::vector<ComparisonRecord> &comparisons,
                                                    const MultiTaskModel &model, const LoadedTable &data,
                                                    QString *description)
{
    std::set<std::string> modelTasks;
    for (const TargetEncoding &task : model.tasks())
        modelTasks.insert(task.spec.name());
    for (auto record = comparisons.rbegin(); record != comparisons.rend(); ++record) {
        std::set<std::string> compared;
        for (const MetricSamples &metric : record->result.metrics)
            compared.insert(metric.task);
        if (record->dataPath.isEmpty() || record->dataPath != data.path || compared != modelTasks)
            continue;
        StoredComparison stored{{data.path.toStdString(), {}, static_cast<std::int64_t>(data.table.rowCount()), {}},
                                record->result};
        for (const TargetEncoding &task : model.tasks())
            stored.provenance.tasks.push_back({task.spec.name(), task.spec.type});
        if (description)
            *description = ReportExportDialog::tr("Compare Methods of %1")
                               .arg(QLocale().toString(record->finished, QLocale::ShortFormat));
        return stored;
    }
    return std::nullopt;
}

ReportExportDialog::ReportExportDialog(const QString &modelPath, const QString &dataPath, QWidget *parent)
    : QDialog(parent), m_thread(new WorkerThread(this))
{
    setWindowTitle(tr("Export Report"));
    setObjectName(QStringLiteral("reportExportDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The model documentation report: one HTML file with its charts inside, readable "
                                "in any browser without a network. The PDF is printed by Qt's PDF writer, with "
                                "simpler styling than the HTML."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    const QString data = tr("Data files (*.csv *.txt *.sas7bdat *.dta *.sav);;All files (*)");
    m_model = addPathRow(form, tr("&Model:"), tr("Model file"), tr("Models (*.cmtl)"), false);
    m_data = addPathRow(form, tr("&Evaluated data:"), tr("Evaluated data file"), data, false);
    m_base = addPathRow(form, tr("&Base data (optional):"), tr("Base data file for PSI and CSI"), data, false);
    m_html = addPathRow(form, tr("&Report:"), tr("Report file (HTML)"), tr("HTML (*.html)"), true);
    m_model->setText(modelPath);
    m_modelNote = new QLabel(this);
    m_modelNote->setWordWrap(true);
    m_modelNote->setObjectName(QStringLiteral("reportModelNote"));
    m_modelNote->setVisible(false);
    form->insertRow(1, QString(), m_modelNote); // under the Model field it speaks of
    m_data->setText(dataPath);
    m_dataNote = new QLabel(this);
    m_dataNote->setWordWrap(true);
    m_dataNote->setObjectName(QStringLiteral("reportDataNote"));
    m_dataNote->setVisible(false);
    form->insertRow(3, QString(), m_dataNote); // under the Evaluated data field it speaks of
    // The note speaks of the file it was given for: another file chosen, it no longer applies.
    connect(m_data, &QLineEdit::textChanged, m_dataNote, [this](const QString &text) {
        m_dataNote->setVisible(!m_trainingDataPath.isEmpty() && text.trimmed() == m_trainingDataPath);
    });
    m_pdf = new QCheckBox(tr("Also print to &PDF (next to the report)"), this);
    m_pdf->setAccessibleName(tr("Also print to PDF"));
    form->addRow(QString(), m_pdf);
    m_comparisonBox = new QCheckBox(this);
    m_comparisonBox->setAccessibleName(tr("Include the multi-task evidence"));
    m_comparisonBox->setVisible(false);
    form->addRow(QString(), m_comparisonBox);
    layout->addLayout(form);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setAccessibleName(tr("Report progress"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("E&xport"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportReportButton"));
    m_cancel = buttons->addButton(tr("&Cancel Export"), QDialogButtonBox::RejectRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    // The fields open again once the thread has ended, when start() can run another export.
    connect(m_thread, &WorkerThread::finished, this, [this] { setRunning(false); });
    layout->addWidget(buttons);
    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ReportExportDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    setRunning(false);
}

ReportExportDialog::~ReportExportDialog()
{
    m_thread->stop();
}

QLineEdit *ReportExportDialog::addPathRow(QFormLayout *form, const QString &label, const QString &accessibleName,
                                          const QString &filter, bool save)
{
    auto *edit = new QLineEdit(this);
    edit->setAccessibleName(accessibleName);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setAccessibleName(tr("Browse: %1").arg(accessibleName));
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, save, accessibleName] {
        const QString path = save ? QFileDialog::getSaveFileName(this, accessibleName, edit->text(), filter)
                                  : QFileDialog::getOpenFileName(this, accessibleName, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    addFormRow(form, label, edit, {}, fieldWithButton(edit, browse));
    return edit;
}

bool ReportExportDialog::offerUnsavedModel(const QString &runName, const ModelFileContents &contents)
{
    try {
        m_temporary = std::make_unique<QTemporaryDir>();
        if (!m_temporary->isValid())
            throw ConfigError("no temporary folder could be made: " + m_temporary->errorString().toStdString());
        // The run's name (in any script), with what a file name cannot hold on any system
        // replaced, so that the report names the run.
        QString fileName = runName;
        fileName.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]")), QStringLiteral("_"));
        const QString path = m_temporary->filePath(
            fileName.trimmed().isEmpty() ? QStringLiteral("model.cmtl") : fileName.trimmed() + QStringLiteral(".cmtl"));
        saveModelFile(path.toStdString(), contents);
        m_model->setText(path);
        m_modelNote->setText(tr("%1 is not saved: the report documents this temporary copy, deleted when the dialog "
                                "closes. Save the model (File ▸ Save Model…) to keep the file whose checksum the "
                                "report gives.")
                                 .arg(runName));
        m_modelNote->setVisible(true);
        return true;
    } catch (...) {
        m_status->setText(
            tr("The unsaved model could not be copied for the report: %1").arg(describeCurrentException().text));
        return false;
    }
}

void ReportExportDialog::noteTrainingData(const QString &runName)
{
    m_trainingDataPath = m_data->text().trimmed();
    m_dataNote->setText(tr("%1 was trained on rows of this file: its metrics here mix training and held-out rows "
                           "and look better than they will on new loans. For a model review, choose a file the "
                           "run did not learn from, such as an out-of-time sample.")
                            .arg(runName));
    m_dataNote->setVisible(!m_trainingDataPath.isEmpty());
}

void ReportExportDialog::offerComparison(const StoredComparison &comparison, const QString &description)
{
    m_comparison = comparison;
    m_comparisonName = description;
    m_comparisonBox->setText(tr("Include the multi-task evidence (%1)").arg(description));
    m_comparisonBox->setChecked(true);
    m_comparisonBox->setVisible(true);
}

bool ReportExportDialog::isRunning() const
{
    return m_thread->isRunning();
}

void ReportExportDialog::setRunning(bool running)
{
    m_export->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget *field :
         {static_cast<QWidget *>(m_model), static_cast<QWidget *>(m_data), static_cast<QWidget *>(m_base),
          static_cast<QWidget *>(m_html), static_cast<QWidget *>(m_pdf), static_cast<QWidget *>(m_comparisonBox)})
        field->setEnabled(!running);
}

void ReportExportDialog::start()
{
    if (isRunning())
        return;
    ReportWorker::Params params;
    params.modelPath = m_model->text().trimmed();
    params.dataPath = m_data->text().trimmed();
    params.basePath = m_base->text().trimmed();
    params.htmlPath = m_html->text().trimmed();
    if (m_pdf->isChecked()) {
        const QFileInfo html(params.htmlPath);
        params.pdfPath = html.dir().filePath(html.completeBaseName() + QStringLiteral(".pdf"));
    }
    if (m_comparison && m_comparisonBox->isChecked()) {
        params.comparison = m_comparison;
        params.comparisonName = m_comparisonName;
    }
    auto *worker = new ReportWorker(params);
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_status->setText(text);
    });
    connect(worker, &ReportWorker::succeeded, this, [this](const QString &html, const QString &pdf) {
        m_status->setText(pdf.isEmpty() ? tr("Saved %1").arg(html) : tr("Saved %1 and %2").arg(html, pdf));
        Q_EMIT exportFinished(true);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_status->setText(tr("The report was not written: %1 %2").arg(message, details));
        Q_EMIT exportFinished(false);
    });
    connect(worker, &Worker::cancelled, this, [this] {
        m_status->setText(tr("Cancelled; no report was written."));
        Q_EMIT exportFinished(false);
    });
    setRunning(true);
    m_progress->setValue(0);
    m_thread->start(worker);
}

void ReportExportDialog::cancel()
{
    m_thread->cancel();
}

} // namespace cmtl::ui
