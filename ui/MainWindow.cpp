#include "MainWindow.h"

#include "pages/ComparisonDialog.h"

#include "AccessibleComboBox.h"
#include "AppSupport.h"
#include "ErrorMessages.h"
#include "WheelGuard.h"
#include "Workspace.h"
#include "io/ModelFile.h"
#include "models/RunListModel.h"
#include "pages/DataPage.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/RunsPage.h"
#include "pages/ScoringPage.h"
#include "pages/SettingsPage.h"
#include "pages/StartPage.h"
#include "pages/TrainingPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QUndoStack>

namespace cmtl::ui {

namespace {

constexpr int kMaxRecentFiles = 8;

bool isModelFile(const QString &path)
{
    return path.endsWith(QLatin1String(".cmtl"), Qt::CaseInsensitive);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_workspace(new Workspace(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CreditMTL workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    setAcceptDrops(true);

    m_start = new StartPage(this);
    m_data = new DataPage(this);
    m_roles = new RolesPage(this);
    m_settings = new SettingsPage(this);
    m_training = new TrainingPage(this);
    m_results = new ResultsPage(this);
    m_runs = new RunsPage(m_workspace->runs(), this);
    m_scoring = new ScoringPage(this);
    // Edit ▸ Undo / Redo over the inputs; the wheel changes no control that lacks the focus.
    m_undoStack = new QUndoStack(this);
    m_data->setUndoStack(m_undoStack);
    m_roles->setUndoStack(m_undoStack);
    m_settings->setUndoStack(m_undoStack);
    WheelGuard::install();
    AccessibleComboBox::install();

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pageStack"));
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    const struct {
        QWidget *page;
        QString title;
        const char *icon;
    } pages[] = {{m_start, tr("Start"), "home"},
                 {m_data, tr("Data"), "data"},
                 {m_roles, tr("Roles"), "roles"},
                 {m_settings, tr("Settings"), "settings"},
                 {m_training, tr("Training"), "training"},
                 {m_results, tr("Results"), "results"},
                 {m_runs, tr("Runs"), "runs"},
                 {m_scoring, tr("Scoring"), "scoring"}};
    for (const auto &page : pages) {
        m_stack->addWidget(page.page);
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(page.icon))),
                                         page.title, m_navigation);
        item->setSizeHint(QSize(120, 34));
    }
    m_navigation->setFixedWidth(140);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // Selecting a page through the accessibility bus (a screen reader's "activate") changes the
    // selection, not the current item: follow it.
    connect(m_navigation, &QListWidget::itemSelectionChanged, this, [this] {
        const QList<QListWidgetItem *> selected = m_navigation->selectedItems();
        if (!selected.isEmpty() && selected.front() != m_navigation->currentItem())
            m_navigation->setCurrentItem(selected.front());
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_trainStatus = new QLabel(this);
    m_trainStatus->setObjectName(QStringLiteral("trainStatus"));
    statusBar()->addPermanentWidget(m_trainStatus);

    createActions();
    createMenus();
    m_start->setSampleAvailable(!sampleFilePath().isEmpty());

    // Wiring between the pages.
    connect(m_start, &StartPage::openFileRequested, this, &MainWindow::chooseDataFile);
    connect(m_start, &StartPage::openSampleRequested, this, &MainWindow::openSample);
    connect(m_start, &StartPage::openModelRequested, this, &MainWindow::chooseModelFile);
    connect(m_start, &StartPage::recentFileChosen, this, [this](const QString &path) {
        if (isModelFile(path))
            openModelFile(path);
        else
            openDataFile(path);
    });
    connect(m_data, &DataPage::loaded, m_workspace, &Workspace::setData);
    connect(m_data, &DataPage::loadingChanged, this, [this](bool loading) {
        m_loading = loading;
        updateActions();
    });
    connect(m_data, &DataPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_data, &DataPage::loadFailed, this, [this](const QString &message, const QString &details) {
        m_pendingSamplePath.clear();
        showError(this, tr("Open data"), message, details);
    });
    connect(m_workspace, &Workspace::dataChanged, this, [this](const LoadedTablePtr &data) {
        m_roles->setData(data);
        // New files are scored with the conventions the data was read with (missing-value
        // tokens, encoding, delimiter, header).
        if (data)
            m_scoring->setImportOptions(data->options);
        if (data && !m_pendingSamplePath.isEmpty() && data->path == m_pendingSamplePath) {
            std::vector<TaskSpec> tasks;
            for (const SampleTask &sample : kSampleTasks)
                tasks.push_back({sample.column, taskTypeFromString(sample.type), sample.positive, 1.0});
            m_roles->setTasks(tasks);
        }
        m_pendingSamplePath.clear();
        if (data)
            setWindowTitle(tr("%1 — CreditMTL workbench").arg(QFileInfo(data->path).fileName()));
        updateActions();
        Q_EMIT dataLoaded();
    });
    connect(m_roles, &RolesPage::tasksChanged, m_settings, &SettingsPage::setTasks);
    connect(m_roles, &RolesPage::validityChanged, this, &MainWindow::updateActions);
    connect(m_settings, &SettingsPage::validityChanged, this, &MainWindow::updateActions);
    connect(m_settings, &SettingsPage::languageChanged, this, [this](const QString &language) {
        QSettings().setValue(QStringLiteral("language"), language);
        auto *box =
            new QMessageBox(QMessageBox::Information, tr("Language"),
                            tr("The language changes the next time the workbench starts."), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_training, &TrainingPage::runningChanged, this, &MainWindow::updateActions);
    connect(m_training, &TrainingPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_training, &TrainingPage::runFinished, m_workspace, &Workspace::addRun);
    connect(m_training, &TrainingPage::runFinished, this, [this] { showPage(Results); });
    connect(m_training, &TrainingPage::runFailed, this, [this](const QString &message, const QString &details) {
        showError(this, tr("Training"), message, details);
    });
    connect(m_workspace, &Workspace::currentRunChanged, m_results, &ResultsPage::setRun);
    connect(m_workspace, &Workspace::currentRunChanged, m_scoring, &ScoringPage::setRun);
    connect(m_workspace, &Workspace::currentRunChanged, this, &MainWindow::updateActions);
    connect(m_runs, &RunsPage::showRunRequested, this, [this](const RunPtr &run) {
        m_workspace->setCurrentRun(run);
        showPage(Results);
    });
    connect(m_runs, &RunsPage::saveModelRequested, this, &MainWindow::chooseModelSavePath);
    connect(m_scoring, &ScoringPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    // A scored file with the outcomes becomes a run of its own: the model's metrics and charts on
    // that file, next to the training runs (an out-of-time check, or the charts of a model file).
    connect(m_scoring, &ScoringPage::evaluated, this, [this](const ScoredTablePtr &scored) {
        const std::shared_ptr<RunRecord> run = scored->evaluation;
        run->id = m_workspace->nextRunId();
        m_workspace->addRun(run);
        statusBar()->showMessage(tr("Evaluated on %1: see its metrics and charts on the Results page")
                                     .arg(QFileInfo(scored->path).fileName()),
                                 8000);
    });

    readSettings();
    showPage(Start);
    updateActions();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Data…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a CSV file of loans"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseDataFile);

    m_openSampleAction = new QAction(QIcon(QStringLiteral(":/icons/data.svg")), tr("Open &Sample"), this);
    m_openSampleAction->setObjectName(QStringLiteral("openSampleAction"));
    m_openSampleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_openSampleAction, &QAction::triggered, this, &MainWindow::openSample);

    m_openModelAction = new QAction(QIcon(QStringLiteral(":/icons/model.svg")), tr("Open &Model…"), this);
    m_openModelAction->setObjectName(QStringLiteral("openModelAction"));
    m_openModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openModelAction, &QAction::triggered, this, &MainWindow::chooseModelFile);

    m_saveModelAction = new QAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save Model…"), this);
    m_saveModelAction->setObjectName(QStringLiteral("saveModelAction"));
    m_saveModelAction->setShortcut(QKeySequence::Save);
    connect(m_saveModelAction, &QAction::triggered, this, [this] { chooseModelSavePath(m_workspace->currentRun()); });

    m_scoreAction = new QAction(QIcon(QStringLiteral(":/icons/scoring.svg")), tr("Sco&re a File…"), this);
    m_scoreAction->setObjectName(QStringLiteral("scoreAction"));
    m_scoreAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_scoreAction, &QAction::triggered, this, [this] {
        showPage(Scoring);
        m_scoring->chooseAndScore();
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_trainAction = new QAction(QIcon(QStringLiteral(":/icons/train.svg")), tr("&Train"), this);
    m_trainAction->setObjectName(QStringLiteral("trainAction"));
    m_trainAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    connect(m_trainAction, &QAction::triggered, this, &MainWindow::startTraining);

    m_compareAction = new QAction(tr("Co&mpare Methods…"), this);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_compareAction->setToolTip(tr("Baselines and multi-task architectures on the same folds"));
    connect(m_compareAction, &QAction::triggered, this, &MainWindow::compareMethods);

    m_cancelAction = new QAction(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("&Cancel Training"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelTraining);

    m_aboutAction = new QAction(tr("&About CreditMTL"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openSampleAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_openModelAction);
    file->addAction(m_saveModelAction);
    file->addAction(m_scoreAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_trainAction);
    run->addAction(m_cancelAction);
    run->addSeparator();
    run->addAction(m_compareAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int page = 0; page < PageCount; ++page) {
        auto *action = view->addAction(m_navigation->item(page)->icon(), m_navigation->item(page)->text());
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
        connect(action, &QAction::triggered, this, [this, page] { showPage(static_cast<Page>(page)); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(22, 22));
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_openModelAction);
    toolbar->addAction(m_saveModelAction);
    toolbar->addSeparator();
    toolbar->addAction(m_trainAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addSeparator();
    toolbar->addAction(m_scoreAction);
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

QWidget *MainWindow::pageWidget(Page page) const
{
    return m_stack->widget(page);
}

void MainWindow::openDataFile(const QString &path)
{
    if (m_training->isRunning()) {
        showError(this, tr("Open data"), tr("Training is running. Cancel it before opening another file."));
        return;
    }
    addRecentFile(path);
    showPage(Data);
    m_data->openFile(path);
}

void MainWindow::openSample()
{
    const QString path = sampleFilePath();
    if (path.isEmpty()) {
        showError(this, tr("Open sample"),
                  tr("The sample file samples/lending_club.csv was not found beside the "
                     "program nor in its source folder."));
        return;
    }
    m_pendingSamplePath = path;
    openDataFile(path);
}

bool MainWindow::openModelFile(const QString &path)
{
    try {
        ModelFileContents contents = loadModelFile(path.toStdString());
        auto run = std::make_shared<RunRecord>();
        run->id = m_workspace->nextRunId();
        run->name = tr("Model %1").arg(QFileInfo(path).fileName());
        run->modelPath = path;
        run->finished = QFileInfo(path).lastModified();
        run->config = contents.model.config();
        for (const TargetEncoding &task : contents.model.tasks())
            run->roles.tasks.push_back(task.spec);
        run->roles.features = contents.model.requiredColumns();
        run->dataSource = path;
        run->result.model = std::move(contents.model);
        run->result.history = std::move(contents.history);
        run->result.reports = std::move(contents.reports);
        run->result.warnings = std::move(contents.warnings);
        addRecentFile(path);
        m_workspace->addRun(run);
        showPage(Results);
        statusBar()->showMessage(tr("Opened model %1").arg(QDir::toNativeSeparators(path)), 8000);
        return true;
    } catch (...) {
        const UserMessage message = describeCurrentException();
        showError(this, tr("Open model"), tr("The model file could not be opened."), message.details);
        return false;
    }
}

bool MainWindow::saveModelFile(const QString &path, const RunPtr &run)
{
    if (!run)
        return false;
    try {
        cmtl::saveModelFile(path.toStdString(),
                            {run->result.model, run->result.reports, run->result.history, run->result.warnings});
        statusBar()->showMessage(tr("Model saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
        addRecentFile(path);
        return true;
    } catch (...) {
        const UserMessage message = describeCurrentException();
        showError(this, tr("Save model"), tr("The model could not be saved."), message.details);
        return false;
    }
}

bool MainWindow::canTrain(QString *reason) const
{
    QString why;
    if (m_training->isRunning())
        why = tr("Training is running.");
    else if (m_loading)
        why = tr("The data file is still being read.");
    else if (!m_workspace->data())
        why = tr("Open a data file first.");
    else if (!m_roles->isValid())
        why = tr("Roles: %1").arg(m_roles->problem());
    else if (const QString problem = m_settings->problem(); !problem.isEmpty())
        why = tr("Settings: %1").arg(problem);
    if (reason)
        *reason = why;
    return why.isEmpty();
}

bool MainWindow::isBusy() const
{
    return m_training->isRunning() || m_loading || m_scoring->isRunning();
}

void MainWindow::startTraining()
{
    QString reason;
    if (!canTrain(&reason)) {
        statusBar()->showMessage(reason, 8000);
        return;
    }
    QString problem;
    const std::optional<ExperimentConfig> config = m_settings->config(&problem);
    if (!config)
        return;
    TrainingWorker::Params params;
    params.data = m_workspace->data();
    params.roles = m_roles->roles();
    for (TaskSpec &task : params.roles.tasks)
        task.lambda = m_settings->lambda(QString::fromStdString(task.column));
    params.config = *config;
    // Leave one core to the UI thread so that the window stays responsive while training.
    params.config.train.threads = std::max(1, QThread::idealThreadCount() - 1);
    params.testPath = m_settings->testFile();
    params.csvOptions = m_workspace->data()->options;
    params.csvOptions.categoricalColumns.clear();
    params.runId = m_workspace->nextRunId();
    params.runName = tr("Run %1").arg(params.runId);
    m_training->start(std::move(params));
    showPage(Training);
}

void MainWindow::compareMethods()
{
    QString reason;
    std::optional<ExperimentConfig> config = m_settings->config(&reason);
    if (!canTrain(&reason) || !config) {
        statusBar()->showMessage(reason, 8000);
        return;
    }
    RoleAssignment roles = m_roles->roles();
    for (TaskSpec &task : roles.tasks)
        task.lambda = m_settings->lambda(QString::fromStdString(task.column));
    config->train.threads = std::max(1, QThread::idealThreadCount() - 1);
    auto *dialog = new ComparisonDialog(m_workspace->data(), std::move(roles), *config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::cancelTraining()
{
    m_training->cancel();
}

void MainWindow::updateActions()
{
    QString reason;
    const bool trainable = canTrain(&reason);
    m_trainAction->setEnabled(trainable);
    m_compareAction->setEnabled(trainable && m_settings->testFile().isEmpty());
    m_trainAction->setToolTip(trainable ? tr("Train a model with these roles and settings (F5)")
                                        : tr("Cannot train: %1").arg(reason));
    m_trainStatus->setText(trainable || m_training->isRunning() ? QString() : tr("Train disabled: %1").arg(reason));
    m_cancelAction->setEnabled(m_training->isRunning());
    const bool hasRun = m_workspace->currentRun() != nullptr;
    m_saveModelAction->setEnabled(hasRun);
    m_scoreAction->setEnabled(hasRun);
    m_openAction->setEnabled(!m_training->isRunning());
    m_openSampleAction->setEnabled(!m_training->isRunning() && !sampleFilePath().isEmpty());
}

void MainWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recentFiles.removeAll(absolute);
    m_recentFiles.prepend(absolute);
    while (m_recentFiles.size() > kMaxRecentFiles)
        m_recentFiles.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), m_recentFiles);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    for (int i = 0; i < m_recentFiles.size(); ++i) {
        const QString path = m_recentFiles[i];
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                                                  this, [this, path] {
                                                      if (isModelFile(path))
                                                          openModelFile(path);
                                                      else
                                                          openDataFile(path);
                                                  });
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
    m_start->setRecentFiles(m_recentFiles);
}

void MainWindow::chooseDataFile()
{
    QSettings settings;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open data"), settings.value(QStringLiteral("lastDirectory")).toString(),
                                     tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    openDataFile(path);
}

void MainWindow::chooseModelFile()
{
    QSettings settings;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open model"), settings.value(QStringLiteral("lastDirectory")).toString(),
                                     tr("CreditMTL models (*.cmtl);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    openModelFile(path);
}

void MainWindow::chooseModelSavePath(const RunPtr &run)
{
    if (!run)
        return;
    QSettings settings;
    const QString suggested = settings.value(QStringLiteral("lastDirectory"), QDir::homePath()).toString() +
                              QLatin1Char('/') + run->name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                              QStringLiteral(".cmtl");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save model"), suggested, tr("CreditMTL models (*.cmtl)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    saveModelFile(path, run);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About CreditMTL"),
        tr("<h3>CreditMTL workbench %1</h3>"
           "<p>Multi-task neural networks for credit risk: one shared trunk, one head per task, each task weighted "
           "by its lambda.</p>"
           "<p><b>Sample data</b>: Lending Club loans issued in the first quarter of 2016, as published in the R "
           "package <i>modeldata</i> 1.1.0 (data set <code>lending_club</code>, MIT licence). The column "
           "<code>sub_grade</code> is reduced to its letter, <code>grade</code>.</p>"
           "<p>Built with Qt %2, Qt Charts and Eigen; instruction set %3.</p>")
            .arg(QStringLiteral(CREDITMTL_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(CREDITMTL_ISA)));
}

void MainWindow::readSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1280, 820);
    m_recentFiles = settings.value(QStringLiteral("recentFiles")).toStringList();
    updateRecentMenu();
    m_settings->restoreSettings();
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("recentFiles"), m_recentFiles);
    m_settings->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Stop every worker cleanly: cancel, quit the thread's loop, wait for it.
    m_training->stop();
    m_data->stop();
    m_scoring->stop();
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().size() == 1 &&
        event->mimeData()->urls().front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().front().toLocalFile();
    event->acceptProposedAction();
    if (isModelFile(path))
        openModelFile(path);
    else
        openDataFile(path);
}

} // namespace cmtl::ui
