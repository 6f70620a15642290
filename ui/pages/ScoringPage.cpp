#include "pages/ScoringPage.h"

#include "ErrorMessages.h"
#include "HelpTexts.h"
#include "models/PredictionsTableModel.h"
#include "workers/PredictionsWriter.h"
#include "workers/WorkerThread.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
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
    m_compare = new QPushButton(tr("Compare with the &loaded data (PSI/CSI)"), this);
    m_compare->setObjectName(QStringLiteral("stabilityButton"));
    m_compare->setEnabled(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelScoringButton"));
    m_cancel->setAccessibleName(tr("Cancel scoring"));
    m_cancel->hide();
    m_points = new QCheckBox(tr("P&oints"), this);
    m_points->setObjectName(QStringLiteral("pointsCheck"));
    m_points->setAccessibleName(tr("Points"));
    m_reasons = new QCheckBox(tr("&Reasons (top K)"), this);
    m_reasons->setObjectName(QStringLiteral("reasonsCheck"));
    m_reasons->setAccessibleName(tr("Reasons (top K)"));
    m_reasonCount = new QSpinBox(this);
    m_reasonCount->setObjectName(QStringLiteral("reasonCountSpin"));
    m_reasonCount->setAccessibleName(tr("Number of reasons"));
    m_reasonCount->setRange(1, 100); // predict --reasons' range
    m_reasonCount->setValue(3);
    m_reasonCount->setEnabled(false);
    connect(m_reasons, &QCheckBox::toggled, m_reasonCount, &QSpinBox::setEnabled);
    auto *extras = new QHBoxLayout;
    extras->addWidget(new QLabel(tr("Binary tasks:"), this));
    extras->addWidget(m_points);
    extras->addWidget(m_reasons);
    extras->addWidget(m_reasonCount);
    extras->addStretch(1);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scoringProgress"));
    m_progress->setAccessibleName(tr("Scoring progress"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_score);
    buttons->addWidget(m_save);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);

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

    // The stability of the scored file against the loaded data, on a tab of its own.
    m_stabilityInfo = new QLabel(tr("Score a file, then compare it with the loaded data set (normally the file the "
                                    "model was trained on)."),
                                 this);
    m_stabilityInfo->setObjectName(QStringLiteral("stabilityInfo"));
    m_stabilityInfo->setWordWrap(true);
    m_stabilityTable = new QTableWidget(0, 5, this);
    m_stabilityTable->setObjectName(QStringLiteral("stabilityTable"));
    m_stabilityTable->setAccessibleName(tr("Stability"));
    m_stabilityTable->setHorizontalHeaderLabels({tr("Variable"), tr("Kind"), tr("Index"), tr("Verdict"), tr("Bands")});
    m_stabilityTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stabilityTable->verticalHeader()->hide();
    m_stabilityTable->verticalHeader()->setDefaultSectionSize(m_stabilityTable->fontMetrics().height() + 6);
    auto *stabilityTab = new QWidget(this);
    auto *stabilityLayout = new QVBoxLayout(stabilityTab);
    stabilityLayout->addWidget(m_stabilityInfo);
    stabilityLayout->addWidget(m_stabilityTable, 1);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("scoringTabs"));
    m_tabs->setAccessibleName(tr("Scoring results"));
    m_tabs->addTab(m_table, tr("Predictions"));
    m_tabs->addTab(stabilityTab, tr("Stability"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_modelInfo);
    layout->addLayout(extras);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);
    layout->addWidget(m_notes);
    layout->addWidget(m_tabs, 1);

    connect(m_score, &QPushButton::clicked, this, &ScoringPage::chooseAndScore);
    connect(m_save, &QPushButton::clicked, this, &ScoringPage::chooseAndSave);
    connect(m_compare, &QPushButton::clicked, this, &ScoringPage::computeStability);
    connect(m_cancel, &QPushButton::clicked, this, &ScoringPage::cancel);
    // The buttons come back when the worker's thread has ended, so that a click never meets a
    // busy page.
    connect(m_worker, &WorkerThread::finished, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        updateControls();
    });
    // Keyboard focus follows the layout: the options row, the buttons, the tabs, then their tables.
    const QList<QWidget *> focusOrder = {m_points,  m_reasons, m_reasonCount, m_score, m_save,
                                         m_compare, m_cancel,  m_tabs,        m_table, m_stabilityTable};
    for (qsizetype i = 1; i < focusOrder.size(); ++i)
        QWidget::setTabOrder(focusOrder[i - 1], focusOrder[i]);
    installHelp(this);
    updateControls();
}

void ScoringPage::updateControls()
{
    const bool busy = isRunning();
    m_score->setEnabled(!busy && m_run != nullptr);
    m_save->setEnabled(!busy && m_model->scored() != nullptr);
    m_compare->setEnabled(!busy && m_model->scored() != nullptr && m_base != nullptr);
    m_compare->setToolTip(m_base ? tr("PSI of each task's score and CSI of each input column between %1 and the "
                                      "scored file.")
                                       .arg(QFileInfo(m_base->path).fileName())
                                 : tr("Load the data set to compare with (normally the model's training file) on the "
                                      "Data page."));
    bool binary = false;
    if (m_run) {
        for (const TargetEncoding &task : m_run->result.model.tasks())
            binary = binary || task.spec.type == TaskType::Binary;
    }
    m_points->setEnabled(!busy && binary);
    m_reasons->setEnabled(!busy && binary);
    m_reasonCount->setEnabled(!busy && binary && m_reasons->isChecked());
}

void ScoringPage::setBaseData(const LoadedTablePtr &base)
{
    m_base = base;
    updateControls();
}

void ScoringPage::setExtras(bool points, int reasons)
{
    m_points->setChecked(points);
    m_reasons->setChecked(reasons > 0);
    if (reasons > 0)
        m_reasonCount->setValue(reasons);
}

void ScoringPage::cancel()
{
    m_worker->cancel();
}

bool ScoringPage::computeStability()
{
    const ScoredTablePtr scored = m_model->scoredTable();
    if (!scored || !m_base || isRunning())
        return false;
    auto *worker = new StabilityWorker({m_base, scored, threadsBesideTheUi()});
    connect(worker, &StabilityWorker::succeeded, this, [this](const StabilityResultPtr &result) {
        showStability(result);
        m_tabs->setCurrentIndex(1);
        Q_EMIT stabilityComputed(result);
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        showError(this, tr("Stability"), message, details);
    });
    startWorker(worker);
    return true;
}

void ScoringPage::showStability(const StabilityResultPtr &result)
{
    m_stability = result;
    m_stabilityTable->setRowCount(0);
    if (!result) {
        m_stabilityInfo->setText(tr("Score a file, then compare it with the loaded data set (normally the file the "
                                    "model was trained on)."));
        return;
    }
    const QLocale locale;
    m_stabilityInfo->setText(
        tr("Stability of %1 (%2 rows) against %3 (%4 rows). Bands: the base data's deciles (numeric) or levels "
           "(categorical), plus missing; 0.5 added to every band's count. Below 0.1 stable, 0.1 to 0.25 watch, above "
           "0.25 shift.")
            .arg(QFileInfo(result->scoredSource).fileName(), locale.toString(result->scoredRows),
                 QFileInfo(result->baseSource).fileName(), locale.toString(result->baseRows)));
    m_stabilityTable->setRowCount(static_cast<int>(result->indices.size()));
    for (int row = 0; row < m_stabilityTable->rowCount(); ++row) {
        const auto &[kind, index] = result->indices[static_cast<std::size_t>(row)];
        auto *value = new QTableWidgetItem(locale.toString(index.index, 'f', 4));
        value->setData(Qt::UserRole, index.index); // the exact index, for copying and tests
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QString verdict;
        QColor background;
        switch (index.verdict) {
        case StabilityVerdict::Stable:
            verdict = tr("stable");
            background = QColor(0xe6, 0xf4, 0xea);
            break;
        case StabilityVerdict::Watch:
            verdict = tr("watch");
            background = QColor(0xff, 0xf4, 0xd6);
            break;
        case StabilityVerdict::Shift:
            verdict = tr("shift");
            background = QColor(0xfd, 0xe2, 0xe0);
            break;
        }
        auto *verdictItem = new QTableWidgetItem(verdict);
        verdictItem->setBackground(background);
        verdictItem->setForeground(QColor(0x20, 0x20, 0x20));
        auto *bands = new QTableWidgetItem(locale.toString(static_cast<qulonglong>(index.bands.size())));
        bands->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_stabilityTable->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(index.name)));
        m_stabilityTable->setItem(
            row, 1,
            new QTableWidgetItem(kind == ModelStabilityIndex::Kind::Score ? tr("PSI (score)") : tr("CSI (feature)")));
        m_stabilityTable->setItem(row, 2, value);
        m_stabilityTable->setItem(row, 3, verdictItem);
        m_stabilityTable->setItem(row, 4, bands);
    }
    m_stabilityTable->resizeColumnsToContents();
}

ScoringPage::~ScoringPage()
{
    stop();
}

void ScoringPage::setRun(const RunPtr &run)
{
    m_run = run;
    updateControls();
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
    options.threads = threadsBesideTheUi();
    auto *worker = new ScoringWorker({path, m_run, options,
                                      m_reasons->isEnabled() && m_reasons->isChecked() ? m_reasonCount->value() : 0,
                                      m_points->isEnabled() && m_points->isChecked()});
    connect(worker, &ScoringWorker::succeeded, this, [this](const ScoredTablePtr &result) {
        m_model->setScored(result);
        showStability({}); // of the file scored before
        m_tabs->setCurrentIndex(0);
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
        showStability({});
        Q_EMIT scoringFailed(m_problem->text(), {});
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_problem->setText(message + QLatin1Char(' ') + details);
        m_problem->show();
        m_model->setScored({});
        showStability({});
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
    m_cancel->show();
    m_worker->start(worker);
    // The controls come back in the WorkerThread::finished handler.
    updateControls();
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
    const int threads = threadsBesideTheUi();
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
