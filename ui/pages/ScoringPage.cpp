#include "pages/ScoringPage.h"

#include "ErrorMessages.h"
#include "models/PredictionsTableModel.h"
#include "workers/PredictionsWriter.h"
#include "workers/WorkerThread.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace cmtl::ui {

ScoringPage::ScoringPage(QWidget *parent) : QWidget(parent), m_worker(new WorkerThread(this))
{
    setObjectName(QStringLiteral("scoringPage"));
    m_modelInfo = new QLabel(tr("No model: train one or open a model file (File ▸ Open Model)."), this);
    m_modelInfo->setObjectName(QStringLiteral("modelInfo"));
    m_modelInfo->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("schemaProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; background: #fdecea; padding: 6px; }"));
    m_problem->hide();
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("scoringNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setStyleSheet(QStringLiteral("QLabel { color: #7a5a00; background: #fff8e1; padding: 6px; }"));
    m_notes->hide();
    m_score = new QPushButton(QIcon(QStringLiteral(":/icons/scoring.svg")), tr("&Score a CSV file…"), this);
    m_score->setObjectName(QStringLiteral("scoreButton"));
    m_score->setEnabled(false);
    m_save = new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("Save &predictions as CSV…"), this);
    m_save->setObjectName(QStringLiteral("savePredictionsButton"));
    m_save->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scoringProgress"));
    m_progress->setAccessibleName(tr("Scoring progress"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_score);
    buttons->addWidget(m_save);
    buttons->addWidget(m_progress, 1);

    m_model = new PredictionsTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("predictionsTable"));
    m_table->setAccessibleName(tr("Predictions"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setAlternatingRowColors(true);
    // Column widths from the first rows only: a scored file can have millions.
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    // No generic "Save Table as CSV" here: a scored file can have millions of rows, which the
    // Save Predictions button writes on a worker thread.

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_modelInfo);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);
    layout->addWidget(m_notes);
    layout->addWidget(m_table, 1);

    connect(m_score, &QPushButton::clicked, this, &ScoringPage::chooseAndScore);
    connect(m_save, &QPushButton::clicked, this, &ScoringPage::chooseAndSave);
    // The buttons come back when the worker's thread has ended, so that a click never meets a
    // busy page.
    connect(m_worker, &WorkerThread::finished, this, [this] {
        m_progress->hide();
        m_score->setEnabled(m_run != nullptr);
        m_save->setEnabled(m_model->scored() != nullptr);
    });
}

ScoringPage::~ScoringPage()
{
    stop();
}

void ScoringPage::setRun(const RunPtr &run)
{
    m_run = run;
    m_score->setEnabled(run != nullptr);
    if (!run) {
        m_modelInfo->setText(tr("No model: train one or open a model file (File ▸ Open Model)."));
        return;
    }
    QStringList tasks;
    for (const TargetEncoding &task : run->result.model.tasks())
        tasks << QString::fromStdString(task.spec.column);
    m_modelInfo->setText(tr("Model of <b>%1</b>: tasks %2; needs %n feature column(s).", nullptr,
                            static_cast<int>(run->result.model.requiredColumns().size()))
                             .arg(run->name.toHtmlEscaped(), tasks.join(QStringLiteral(", ")).toHtmlEscaped()));
}

void ScoringPage::setImportOptions(const CsvOptions &options)
{
    m_importOptions = options;
}

void ScoringPage::chooseAndScore()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Score a CSV file"), {},
        tr("Data files (*.csv *.txt *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        scoreFile(path);
}

void ScoringPage::scoreFile(const QString &path)
{
    if (!m_run || isRunning())
        return;
    m_problem->hide();
    m_notes->hide();
    CsvOptions options = m_importOptions;
    // The worker adds the model's categorical columns; the kept (ID) columns that are not inputs
    // are read as text, to be copied into the predictions exactly as written.
    const std::vector<std::string> inputs = m_run->result.model.requiredColumns();
    for (const std::string &column : m_run->roles.kept) {
        if (std::find(inputs.begin(), inputs.end(), column) == inputs.end())
            options.categoricalColumns.push_back(column);
    }
    options.threads = std::max(1, QThread::idealThreadCount() - 1); // one core stays with the UI
    auto *worker = new ScoringWorker({path, m_run, options});
    connect(worker, &ScoringWorker::succeeded, this, [this](const ScoredTablePtr &result) {
        m_model->setScored(result);
        m_table->resizeColumnsToContents();
        m_table->setToolTip(tr("Predictions for %1").arg(QDir::toNativeSeparators(result->path)));
        Q_EMIT statusMessage(tr("Scored %1 rows of %2")
                                 .arg(QLocale().toString(static_cast<qulonglong>(result->table.rowCount())),
                                      QFileInfo(result->path).fileName()));
        Q_EMIT scored(result->path, result->table.rowCount());
        // The engine's notes on the scores: inputs clipped to their training range, labels that
        // are none of a task's classes.
        m_notes->setVisible(!result->notes.isEmpty());
        if (!result->notes.isEmpty())
            m_notes->setText(tr("Notes on %1:").arg(QFileInfo(result->path).fileName()) + QLatin1Char('\n') +
                             QStringLiteral("• ") + result->notes.join(QStringLiteral("\n• ")));
        // What was not evaluated, and why the figures may flatter the model, said in place.
        QStringList notes;
        if (!result->evaluationProblem.isEmpty())
            notes << tr("Scored, but not evaluated on this file: %1").arg(result->evaluationProblem);
        if (!result->tasksNotEvaluated.isEmpty()) {
            const QString missing = result->tasksNotEvaluated.join(QStringLiteral(", "));
            notes << (result->evaluation ? tr("Not evaluated: %1 (no such column in %2); the other tasks were.")
                                               .arg(missing, QFileInfo(result->path).fileName())
                                         : tr("Not evaluated: %1 (no such column in %2); predictions only.")
                                               .arg(missing, QFileInfo(result->path).fileName()));
        }
        if (!result->trainingOverlap.isEmpty())
            notes << result->trainingOverlap;
        m_problem->setText(notes.join(QLatin1Char('\n')));
        m_problem->setVisible(!notes.isEmpty());
        if (result->evaluation)
            Q_EMIT evaluated(result);
    });
    connect(worker, &ScoringWorker::schemaMismatch, this, [this](const QStringList &missing, const QString &file) {
        m_problem->setText(tr("%1 cannot be scored with this model: it lacks the column(s) %2, which the model was "
                              "trained on. Score a file with the same columns as the training data.")
                               .arg(QFileInfo(file).fileName(), missing.join(QStringLiteral(", "))));
        m_problem->show();
        m_model->setScored({});
        Q_EMIT scoringFailed(m_problem->text(), {});
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_problem->setText(message + QLatin1Char(' ') + details);
        m_problem->show();
        m_model->setScored({});
        Q_EMIT scoringFailed(message, details);
    });
    startWorker(worker);
}

void ScoringPage::startWorker(Worker *worker)
{
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_progress->setFormat(text);
    });
    m_progress->setValue(0);
    m_progress->show();
    // Both buttons come back in the WorkerThread::finished handler.
    m_score->setEnabled(false);
    m_save->setEnabled(false);
    m_worker->start(worker);
}

QString ScoringPage::schemaProblem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString ScoringPage::scoringNotes() const
{
    return m_notes->isHidden() ? QString() : m_notes->text();
}

bool ScoringPage::savePredictions(const QString &path)
{
    const ScoredTablePtr scored = m_model->scoredTable();
    if (!scored || isRunning())
        return false;
    const int threads = std::max(1, QThread::idealThreadCount() - 1); // one core stays with the UI
    auto *writer =
        new PredictionsWriter({path, scored, threads, m_run ? m_run->roles.kept : std::vector<std::string>{}});
    connect(writer, &PredictionsWriter::succeeded, this, [this](const QString &saved) {
        Q_EMIT statusMessage(tr("Predictions saved to %1").arg(QDir::toNativeSeparators(saved)));
        Q_EMIT predictionsSaved(saved);
    });
    connect(writer, &Worker::failed, this, [this](const QString &message, const QString &details) {
        showError(this, tr("Save predictions"), message, details);
    });
    startWorker(writer);
    return true;
}

void ScoringPage::chooseAndSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save predictions"), QStringLiteral("predictions.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        savePredictions(path);
}

bool ScoringPage::isRunning() const
{
    return m_worker->isRunning();
}

void ScoringPage::stop()
{
    m_worker->stop();
}

} // namespace cmtl::ui
