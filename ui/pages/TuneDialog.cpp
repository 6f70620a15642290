#include "pages/TuneDialog.h"

#include "UndoSupport.h"
#include "pages/SettingsPage.h"
#include "workers/TuneWorker.h"
#include "workers/WorkerThread.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace cmtl::ui {

namespace {

enum Column { Number, Configuration, Score, Folds, Rung, State, Seconds, ColumnCount };

QString meanAndSpread(const Trial &trial)
{
    if (trial.scores.empty())
        return QStringLiteral("–");
    const Summary summary = trial.summary();
    return QString::number(summary.mean, 'f', 4) + QStringLiteral(" ± ") +
           QString::number(summary.standardDeviation, 'f', 4);
}

QString stateText(TrialState state)
{
    switch (state) {
    case TrialState::Running:
        return TuneDialog::tr("running");
    case TrialState::Complete:
        return TuneDialog::tr("complete");
    case TrialState::Pruned:
        return TuneDialog::tr("pruned");
    case TrialState::Stopped:
        return TuneDialog::tr("stopped");
    case TrialState::Failed:
        return TuneDialog::tr("failed");
    }
    return {};
}

// The metrics a task can be tuned for: (the engine's name, what the user reads).
std::vector<std::pair<const char *, QString>> metricsOf(TaskType type)
{
    switch (type) {
    case TaskType::Binary:
        return {{"auc", QStringLiteral("AUC")},
                {"ks", QStringLiteral("KS")},
                {"gini", QStringLiteral("Gini")},
                {"logloss", TuneDialog::tr("log loss")},
                {"brier", TuneDialog::tr("Brier score")}};
    case TaskType::Multiclass:
        return {{"accuracy", TuneDialog::tr("accuracy")},
                {"macro-f1", TuneDialog::tr("macro-F1")},
                {"logloss", TuneDialog::tr("log loss")}};
    case TaskType::Regression:
        return {{"rmse", QStringLiteral("RMSE")}, {"mae", QStringLiteral("MAE")}, {"r2", QStringLiteral("R²")}};
    }
    return {};
}

} // namespace

TuneDialog::TuneDialog(LoadedTablePtr data, RoleAssignment roles, ExperimentConfig config, bool separateTestFile,
                       SettingsPage *settings, QUndoStack *undoStack, QWidget *parent)
    : QDialog(parent), m_data(std::move(data)), m_roles(std::move(roles)), m_config(std::move(config)),
      m_separateTestFile(separateTestFile), m_settings(settings), m_undoStack(undoStack),
      m_unused(this, tr("The best configuration the search found has not been used."),
               tr("Close and discard the trials? Only a new search gives them back.")),
      m_thread(new WorkerThread(this))
{
    setObjectName(QStringLiteral("tuneDialog"));
    setWindowTitle(tr("Tune settings"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Searches L2, dropout, layers, learning rate, epochs, batch size, early stopping, the "
                                "lambdas, the architecture and the task weighting (random search with successive "
                                "halving). Each candidate is scored by repeated cross-validation on the training rows; "
                                "the test rows are never used. The current settings are the first candidate."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_budget = new QSpinBox(this);
    m_budget->setObjectName(QStringLiteral("tuneBudgetSpin"));
    m_budget->setRange(5, 24 * 3600);
    m_budget->setValue(60);
    m_budget->setSuffix(tr(" s"));
    m_budget->setAccessibleName(tr("Time budget in seconds"));
    m_budget->setToolTip(tr("The search stops when this time is used; the best trial so far is kept"));
    auto *budgetLabel = new QLabel(tr("&Budget:"), this);
    budgetLabel->setBuddy(m_budget);
    form->addRow(budgetLabel, m_budget);

    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("tuneMetricCombo"));
    m_metric->setAccessibleName(tr("Metric to optimise"));
    m_metric->setToolTip(tr("The task and metric the search maximises (or minimises, for losses and errors), "
                            "measured on the held-out folds"));
    for (const TaskSpec &task : m_roles.tasks) {
        for (const auto &[name, shown] : metricsOf(task.type))
            m_metric->addItem(QStringLiteral("%1: %2").arg(QString::fromStdString(task.name()), shown),
                              QString::fromStdString(task.name() + ":" + name));
    }
    if (!m_roles.tasks.empty())
        m_metric->setCurrentIndex(
            std::max(0, m_metric->findData(QString::fromStdString(parseTuneMetric("", m_roles.tasks).label()))));
    auto *metricLabel = new QLabel(tr("&Metric:"), this);
    metricLabel->setBuddy(m_metric);
    form->addRow(metricLabel, m_metric);

    m_folds = new QSpinBox(this);
    m_folds->setObjectName(QStringLiteral("tuneFoldsSpin"));
    m_folds->setRange(2, 20);
    m_folds->setValue(3);
    m_folds->setAccessibleName(tr("Cross-validation folds"));
    m_folds->setToolTip(tr("Each candidate is trained on all folds but one and scored on the one left out"));
    auto *foldsLabel = new QLabel(tr("&Folds:"), this);
    foldsLabel->setBuddy(m_folds);
    form->addRow(foldsLabel, m_folds);

    m_repeats = new QSpinBox(this);
    m_repeats->setObjectName(QStringLiteral("tuneRepeatsSpin"));
    m_repeats->setRange(1, 10);
    m_repeats->setValue(3);
    m_repeats->setAccessibleName(tr("Cross-validation repeats"));
    m_repeats->setToolTip(tr("The best candidates are scored again on new folds, up to this many times"));
    auto *repeatsLabel = new QLabel(tr("&Repeats:"), this);
    repeatsLabel->setBuddy(m_repeats);
    form->addRow(repeatsLabel, m_repeats);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("tuneProgress"));
    m_progress->setAccessibleName(tr("Tuning progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("tuneStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_trials = new QStandardItemModel(0, ColumnCount, this);
    m_trials->setHorizontalHeaderLabels(
        {tr("#"), tr("Configuration"), tr("Mean ± sd"), tr("Folds"), tr("Rung"), tr("State"), tr("Seconds")});
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("tuneTrialsTable"));
    m_view->setAccessibleName(tr("Tuning trials"));
    m_view->setModel(m_trials);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(Configuration, QHeaderView::Stretch);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view, 1);
    m_best = new QLabel(this);
    m_best->setObjectName(QStringLiteral("tuneBestLabel"));
    m_best->setWordWrap(true);
    m_best->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_best);

    auto *buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Start tuning"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("startTuneButton"));
    m_startButton->setToolTip(tr("Search the settings within the time budget"));
    m_cancelButton = buttons->addButton(tr("&Cancel"), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelTuneButton"));
    m_cancelButton->setToolTip(tr("Stop the search; the trials scored so far are kept"));
    m_cancelButton->setEnabled(false);
    m_useBestButton = buttons->addButton(tr("&Use best configuration"), QDialogButtonBox::ActionRole);
    m_useBestButton->setObjectName(QStringLiteral("useBestTuneButton"));
    m_useBestButton->setToolTip(
        tr("Put the best trial's settings and lambdas on the Settings page (Edit ▸ Undo brings the old ones back)"));
    m_useBestButton->setEnabled(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(m_startButton, &QPushButton::clicked, this, &TuneDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &TuneDialog::cancel);
    connect(m_useBestButton, &QPushButton::clicked, this, &TuneDialog::useBest);
    connect(close, &QPushButton::clicked, this, &TuneDialog::reject);
    // Once the worker's thread has stopped, so that whoever waits for the end can act at once.
    connect(m_thread, &WorkerThread::finished, this, [this] {
        m_startButton->setEnabled(m_data != nullptr);
        m_cancelButton->setEnabled(false);
        Q_EMIT tuningFinished();
    });
    m_startButton->setEnabled(m_data != nullptr && m_metric->count() > 0);
    resize(960, 620);
}

TuneDialog::~TuneDialog()
{
    m_thread->stop();
}

bool TuneDialog::isRunning() const
{
    return m_thread->isRunning();
}

void TuneDialog::start()
{
    if (isRunning() || !m_data || m_metric->count() == 0)
        return;
    TuneWorker::Params params;
    params.data = m_data;
    params.roles = m_roles;
    params.config = m_config;
    params.separateTestFile = m_separateTestFile;
    params.spec.metric = parseTuneMetric(m_metric->currentData().toString().toStdString(), m_roles.tasks);
    params.spec.budgetSeconds = m_budget->value();
    params.spec.crossValidation = {m_folds->value(), m_repeats->value(), m_config.train.seed};
    auto *worker = new TuneWorker(std::move(params));
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        if (!text.isEmpty())
            m_status->setText(text);
    });
    connect(worker, &TuneWorker::trialUpdated, this, &TuneDialog::showTrial);
    connect(worker, &TuneWorker::succeeded, this, &TuneDialog::showResult);
    connect(worker, &Worker::failed, this, [this](const QString &message) { m_status->setText(message); });
    m_trials->removeRows(0, m_trials->rowCount());
    m_rowOfTrial.clear();
    m_result = {};
    m_best->clear();
    m_useBestButton->setEnabled(false);
    m_startButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Tuning…"));
    m_thread->start(worker);
}

void TuneDialog::cancel()
{
    m_thread->cancel();
}

void TuneDialog::showTrial(const Trial &trial)
{
    auto found = m_rowOfTrial.find(trial.number);
    if (found == m_rowOfTrial.end()) {
        // Rows in the order of the trials' numbers: the search scores several folds at once, so
        // a later trial can report before an earlier one.
        QList<QStandardItem *> row;
        for (int column = 0; column < ColumnCount; ++column)
            row << new QStandardItem;
        const auto after = m_rowOfTrial.upper_bound(trial.number);
        const int position = static_cast<int>(std::distance(m_rowOfTrial.begin(), after));
        m_trials->insertRow(position, row);
        for (auto later = after; later != m_rowOfTrial.end(); ++later)
            ++later->second;
        found = m_rowOfTrial.emplace(trial.number, position).first;
    }
    const int row = found->second;
    const auto set = [&](int column, const QString &text) { m_trials->item(row, column)->setText(text); };
    set(Number, QString::number(trial.number));
    set(Configuration, QString::fromStdString(trial.description));
    set(Score, meanAndSpread(trial));
    set(Folds, QString::number(trial.scores.size()));
    set(Rung, QString::number(trial.rung));
    set(State, stateText(trial.state));
    set(Seconds, QString::number(trial.seconds, 'f', 1));
    m_trials->item(row, State)->setToolTip(QString::fromStdString(trial.error));
}

void TuneDialog::showResult(const TuneResult &result)
{
    m_result = result;
    for (const Trial &trial : result.trials)
        showTrial(trial);
    const QString stopped =
        result.cancelled ? tr("Tuning cancelled after %1 trials (%2 s).") : tr("Tuning finished: %1 trials in %2 s.");
    m_status->setText(stopped.arg(result.trials.size()).arg(result.seconds, 0, 'f', 0));
    const Trial *best = result.bestTrial();
    if (best == nullptr) {
        m_best->setText(tr("No trial was scored: give the search a larger budget."));
        return;
    }
    const int row = m_rowOfTrial.at(best->number);
    for (int column = 0; column < ColumnCount; ++column) {
        QFont font = m_trials->item(row, column)->font();
        font.setBold(true);
        m_trials->item(row, column)->setFont(font);
    }
    m_view->scrollTo(m_trials->index(row, 0));
    m_best->setText(tr("Best: trial %1, %2 over %3 folds: %4")
                        .arg(best->number)
                        .arg(meanAndSpread(*best))
                        .arg(best->scores.size())
                        .arg(QString::fromStdString(best->description)));
    m_useBestButton->setEnabled(m_settings != nullptr);
    if (m_settings)
        m_unused.produced();
}

void TuneDialog::useBest()
{
    const Trial *best = m_result.bestTrial();
    if (best == nullptr || !m_settings)
        return;
    // The page records each field it sets as an undo step of its own; with the stack detached
    // while the configuration is put on it, the whole change becomes one step.
    const SettingsPage::State before = m_settings->state();
    m_settings->setUndoStack(nullptr);
    m_settings->setConfig(best->candidate.config);
    for (std::size_t t = 0; t < m_roles.tasks.size() && t < best->candidate.lambdas.size(); ++t)
        m_settings->setLambda(QString::fromStdString(m_roles.tasks[t].column), best->candidate.lambdas[t]);
    m_settings->setUndoStack(m_undoStack);
    SettingsPage::State after = m_settings->state();
    if (after != before)
        pushOrApply(m_undoStack, new SnapshotCommand<SettingsPage, SettingsPage::State>(
                                     m_settings, before, std::move(after), tr("Use tuned configuration")));
    m_status->setText(tr("The best configuration is on the Settings page."));
    m_unused.saved();
}

void TuneDialog::reject()
{
    if (m_unused.mayClose())
        QDialog::reject();
}

} // namespace cmtl::ui
