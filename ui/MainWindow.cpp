#include "MainWindow.h"

#include "database/Database.h"
#include "database/OpenDatabaseDialog.h"

#include "pages/BinaryTaskPanel.h"
#include "pages/ComparisonDialog.h"

#include "AccessibleComboBox.h"
#include "AppSupport.h"
#include "ErrorMessages.h"
#include "HelpTexts.h"
#include "UnsavedResult.h"
#include "UserGuide.h"
#include "WheelGuard.h"
#include "Workspace.h"
#include "export/ExportModelDialog.h"
#include "io/ModelFile.h"
#include "models/PredictionsTableModel.h"
#include "models/RunListModel.h"
#include "models/TableExport.h"
#include "pages/BinningPage.h"
#include "pages/ClusterCommandDialog.h"
#include "pages/DataPage.h"
#include "pages/ImportanceDialog.h"
#include "pages/RejectInferenceDialog.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/RunsPage.h"
#include "pages/ScoringPage.h"
#include "pages/SettingsPage.h"
#include "pages/StartPage.h"
#include "pages/TrainingPage.h"
#include "pages/TuneDialog.h"
#include "report/ReportExportDialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QWhatsThis>

namespace cmtl::ui {

namespace {

constexpr int kMaxRecentFiles = 8;
constexpr int kAutosaveMilliseconds = 3 * 60 * 1000;

bool isProjectFile(const QString &path)
{
    return path.endsWith(QLatin1String(".cmtlproj"), Qt::CaseInsensitive);
}

bool isModelFile(const QString &path)
{
    return path.endsWith(QLatin1String(".cmtl"), Qt::CaseInsensitive);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_workspace(new Workspace(this)), m_autosave(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    setAcceptDrops(true);
    // Controls get their help texts (HelpTexts) as they are first polished, those made later
    // (the Roles page's per-column editors) included.
    installHelpOnPolish(this);

    m_start = new StartPage(this);
    m_data = new DataPage(this);
    m_roles = new RolesPage(this);
    m_settings = new SettingsPage(this);
    m_training = new TrainingPage(this);
    m_results = new ResultsPage(this);
    m_runs = new RunsPage(m_workspace->runs(), this);
    m_scoring = new ScoringPage(this);
    m_binning = new BinningPage(this);
    // Edit ▸ Undo / Redo over the inputs; the wheel changes no control that lacks the focus.
    m_undoStack = new QUndoStack(this);
    m_data->setUndoStack(m_undoStack);
    m_roles->setUndoStack(m_undoStack);
    m_settings->setUndoStack(m_undoStack);
    m_binning->setUndoStack(m_undoStack);
    // The project is modified while an edit of the inputs is past the stack's clean point, or the
    // work (runs, thresholds, comparisons, the data file) changed: no page flags it by itself.
    m_workspace->setUndoStack(m_undoStack);
    m_workspace->runs()->setUndoStack(m_undoStack);
    WheelGuard::install();
    AccessibleComboBox::install();
    // Tab leaves a table for the next control (arrow keys move between its cells): a table that
    // took Tab for its cells kept a keyboard user in it.
    for (QAbstractItemView *view : findChildren<QAbstractItemView *>())
        view->setTabKeyNavigation(false);

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
                 {m_scoring, tr("Scoring"), "scoring"},
                 {m_binning, tr("Binning"), "binning"}};
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
    connect(m_start, &StartPage::openFileRequested, this, [this] { askToKeepWork([this] { chooseDataFile(); }); });
    connect(m_start, &StartPage::openSampleRequested, this, [this] { askToKeepWork([this] { openSample(); }); });
    connect(m_start, &StartPage::openModelRequested, this, &MainWindow::chooseModelFile);
    connect(m_start, &StartPage::recentFileChosen, this, &MainWindow::openRecent);
    connect(m_data, &DataPage::loaded, m_workspace, &Workspace::setData);
    connect(m_data, &DataPage::loadingChanged, this, [this](bool loading) {
        m_loading = loading;
        updateActions();
    });
    connect(m_data, &DataPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_data, &DataPage::loadFailed, this, [this](const QString &message, const QString &details) {
        m_pendingSamplePath.clear();
        if (m_pendingProject)
            statusBar()->showMessage(tr("The project's roles wait for its data file: open it to apply them."), 8000);
        showError(this, tr("Open data"), message, details);
    });
    connect(m_workspace, &Workspace::dataChanged, this, [this](const LoadedTablePtr &data) {
        m_roles->setData(data);
        // New files are scored with the conventions the data was read with (missing-value
        // tokens, encoding, delimiter, header).
        if (data)
            m_scoring->setImportOptions(data->options);
        m_scoring->setBaseData(data); // what scored files are compared with for stability
        if (data && !m_pendingSamplePath.isEmpty() && data->path == m_pendingSamplePath) {
            // The sample's demo tasks come with opening it (an undo step, but not an edit to save).
            const bool wasClean = m_undoStack->isClean();
            m_roles->setTasks(sampleTasks());
            if (wasClean)
                m_undoStack->setClean();
        }
        m_pendingSamplePath.clear();
        if (m_pendingProject && data)
            applyPendingConfiguration();
        else if (data && (!m_workspace->projectPath().isEmpty() || m_workspace->runs()->rowCount() > 0))
            // Another data file makes a saved project (or a session with runs) differ from its file.
            m_workspace->setModified(true);
        updateTitle();
        updateActions();
        Q_EMIT dataLoaded();
    });
    connect(m_roles, &RolesPage::tasksChanged, m_settings, &SettingsPage::setTasks);
    // The WoE inputs are chosen among the features and binary tasks, with the Binning page's bins.
    connect(m_roles, &RolesPage::validityChanged, m_settings, [this] { m_settings->setRoles(m_roles->roles()); });
    connect(m_binning, &BinningPage::editedBinsChanged, m_settings,
            [this] { m_settings->setEditedBinning(m_binning->projectBinning()); });
    connect(m_roles, &RolesPage::tasksChanged, this, [this] { m_binning->setTasks(m_roles->roles().tasks); });
    connect(m_workspace, &Workspace::dataChanged, m_binning, &BinningPage::setData);
    connect(m_binning, &BinningPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_roles, &RolesPage::validityChanged, this, &MainWindow::updateActions);
    connect(m_settings, &SettingsPage::validityChanged, this, &MainWindow::updateActions);
    // Every edit of a setting is an undo step (or changes its validity).
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::rememberValidSettings);
    connect(m_settings, &SettingsPage::validityChanged, this, &MainWindow::rememberValidSettings);
    connect(m_workspace, &Workspace::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_workspace, &Workspace::projectPathChanged, this, &MainWindow::updateTitle);
    connect(m_settings, &SettingsPage::languageChanged, this, [this](const QString &language) {
        QSettings().setValue(QStringLiteral("language"), language);
        auto *box =
            new QMessageBox(QMessageBox::Information, tr("Language"),
                            tr("The language changes the next time the workbench starts."), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_training, &TrainingPage::runningChanged, this, &MainWindow::updateActions);
    connect(m_training, &TrainingPage::runningChanged, this, [this](bool running) {
        if (!running && m_closePending)
            closeWhenWorkersFinished();
    });
    connect(m_training, &TrainingPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_training, &TrainingPage::runFinished, m_workspace, &Workspace::addRun);
    connect(m_training, &TrainingPage::runFinished, this, [this] {
        if (m_closePending)
            return;
        showPage(Results);
        // A crash now costs nothing of this run.
        writeRecoveryFile();
    });
    connect(m_training, &TrainingPage::runFailed, this, [this](const QString &message, const QString &details) {
        showError(this, tr("Training"), message, details);
    });
    connect(m_workspace, &Workspace::currentRunChanged, m_results, &ResultsPage::setRun);
    watchThresholds();
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
    if (const auto config = m_settings->config())
        m_lastValidConfig = config;
    showPage(Start);
    updateActions();
    // The pages' changes while the window is built are not the user's.
    m_undoStack->clear();
    updateTitle();
    statusBar()->showMessage(tr("Ready"));

    m_autosave->setObjectName(QStringLiteral("autosaveTimer"));
    m_autosave->setInterval(kAutosaveMilliseconds);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::writeRecoveryFile);
    m_autosave->start();
}

MainWindow::~MainWindow()
{
    // Deleted without a close (a test, or the application quitting): the workers still stop.
    m_training->stop();
    m_data->stop();
    m_scoring->stop();
    // The undo stack, a child, is deleted after this class's part of the object is gone, and its
    // clear() then signals indexChanged: nothing of this window may be called by then.
    disconnect(m_undoStack, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Data…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a CSV file of loans"));
    connect(m_openAction, &QAction::triggered, this, [this] { askToKeepWork([this] { chooseDataFile(); }); });

    m_openSampleAction = new QAction(QIcon(QStringLiteral(":/icons/data.svg")), tr("Open &Sample"), this);
    m_openSampleAction->setObjectName(QStringLiteral("openSampleAction"));
    m_openSampleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_openSampleAction, &QAction::triggered, this, [this] { askToKeepWork([this] { openSample(); }); });

    m_openModelAction = new QAction(QIcon(QStringLiteral(":/icons/model.svg")), tr("Open &Model…"), this);
    m_openModelAction->setObjectName(QStringLiteral("openModelAction"));
    m_openModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openModelAction, &QAction::triggered, this, &MainWindow::chooseModelFile);

    m_saveModelAction = new QAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("Save Mo&del…"), this);
    m_saveModelAction->setObjectName(QStringLiteral("saveModelAction"));
    m_saveModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(m_saveModelAction, &QAction::triggered, this, [this] { chooseModelSavePath(m_workspace->currentRun()); });

    m_exportModelAction = new QAction(tr("E&xport Model…"), this);
    m_exportModelAction->setObjectName(QStringLiteral("exportModelAction"));
    m_exportModelAction->setStatusTip(tr("Write the current model as an ONNX graph or a SQL scoring query"));
    connect(m_exportModelAction, &QAction::triggered, this, [this] {
        const RunPtr run = m_workspace->currentRun();
        auto *dialog = new ExportModelDialog(
            run, {run ? run->modelPath : QString(), m_workspace->data() ? m_workspace->data()->path : QString()}, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    m_scoreAction = new QAction(QIcon(QStringLiteral(":/icons/scoring.svg")), tr("Score a F&ile…"), this);
    m_scoreAction->setObjectName(QStringLiteral("scoreAction"));
    m_scoreAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_scoreAction, &QAction::triggered, this, [this] {
        showPage(Scoring);
        m_scoring->chooseAndScore();
    });

    m_newProjectAction = new QAction(tr("&New Project"), this);
    m_newProjectAction->setObjectName(QStringLiteral("newProjectAction"));
    m_newProjectAction->setShortcut(QKeySequence::New);
    m_newProjectAction->setStatusTip(tr("Start again: no data, no runs, default settings"));
    connect(m_newProjectAction, &QAction::triggered, this, &MainWindow::newProject);

    m_openProjectAction = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open &Project…"), this);
    m_openProjectAction->setObjectName(QStringLiteral("openProjectAction"));
    m_openProjectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_openProjectAction->setStatusTip(tr("Open a CreditMTL project: its data, roles, settings, runs and comparisons"));
    connect(m_openProjectAction, &QAction::triggered, this, &MainWindow::chooseProjectFile);

    m_saveProjectAction = new QAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("Sa&ve Project"), this);
    m_saveProjectAction->setObjectName(QStringLiteral("saveProjectAction"));
    m_saveProjectAction->setShortcut(QKeySequence::Save);
    m_saveProjectAction->setStatusTip(tr("Save the data source, roles, settings, runs and comparisons"));
    connect(m_saveProjectAction, &QAction::triggered, this, [this] { saveProjectThen({}); });

    m_saveProjectAsAction = new QAction(tr("Save Project &As…"), this);
    m_saveProjectAsAction->setObjectName(QStringLiteral("saveProjectAsAction"));
    m_saveProjectAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveProjectAsAction, &QAction::triggered, this, [this] { chooseProjectSavePath(); });

    m_showComparisonAction = new QAction(tr("Show &Last Comparison"), this);
    m_showComparisonAction->setObjectName(QStringLiteral("showComparisonAction"));
    m_showComparisonAction->setStatusTip(tr("The latest Compare Methods results kept in the project"));
    connect(m_showComparisonAction, &QAction::triggered, this, &MainWindow::showLastComparison);
    connect(m_workspace, &Workspace::comparisonAdded, this, &MainWindow::updateActions);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
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

    m_tuneAction = new QAction(tr("T&une Settings…"), this);
    m_tuneAction->setObjectName(QStringLiteral("tuneAction"));
    m_tuneAction->setToolTip(tr("Search the settings by cross-validation on the training rows"));
    connect(m_tuneAction, &QAction::triggered, this, &MainWindow::tuneSettings);

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
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newProjectAction);
    file->addAction(m_openProjectAction);
    file->addAction(m_saveProjectAction);
    file->addAction(m_saveProjectAsAction);
    file->addSeparator();
    file->addAction(m_openAction);
    file->addAction(m_openSampleAction);
    QAction *openDatabaseAction =
        file->addAction(tr("Open Data&base…"), this, [this] { askToKeepWork([this] { openDatabase(); }); });
    openDatabaseAction->setObjectName(QStringLiteral("openDatabaseAction"));
    openDatabaseAction->setStatusTip(tr("Read a table or a query from SQLite, PostgreSQL or an ODBC data source"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_openModelAction);
    file->addAction(m_saveModelAction);
    file->addAction(m_exportModelAction);
    file->addAction(m_scoreAction);
    // The model report (ui/report): a dialog of its own, deleted when closed, starting with the
    // current run's model (an unsaved one as a temporary copy) and the file it was evaluated on,
    // else the loaded data file.
    QAction *exportReport = file->addAction(tr("Export Repor&t…"), this, [this] {
        const RunPtr run = m_workspace->currentRun();
        QString dataPath = run ? run->evaluatedFile : QString();
        if (dataPath.isEmpty() && m_workspace->data() && QFileInfo(m_workspace->data()->path).isFile())
            dataPath = m_workspace->data()->path;
        auto *dialog = new ReportExportDialog(run ? run->modelPath : QString(), dataPath, this);
        if (run && run->modelPath.isEmpty())
            dialog->offerUnsavedModel(
                run->name, {run->result.model, run->result.reports, run->result.history, run->result.warnings});
        if (run && run->evaluatedFile.isEmpty() && !dataPath.isEmpty() && run->dataSource == dataPath)
            dialog->noteTrainingData(run->name);
        QString comparisonName;
        if (run && m_workspace->data())
            if (const auto comparison = comparisonForReport(m_workspace->comparisons(), run->result.model,
                                                            *m_workspace->data(), &comparisonName))
                dialog->offerComparison(*comparison, comparisonName);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    exportReport->setObjectName(QStringLiteral("exportReportAction"));
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
    run->addAction(m_tuneAction);
    run->addAction(m_showComparisonAction);
    // Permutation importance of the current model, on the loaded data or the last scored file.
    QAction *importance = run->addAction(tr("Permutation &Importance…"));
    importance->setObjectName(QStringLiteral("importanceAction"));
    importance->setStatusTip(tr("How much each task's metric worsens when one input column is shuffled"));
    connect(importance, &QAction::triggered, this, [this] {
        std::vector<ImportanceDialog::DataSource> sources;
        if (const LoadedTablePtr data = m_workspace->data())
            sources.push_back({tr("Loaded data: %1").arg(QFileInfo(data->path).fileName()),
                               std::shared_ptr<const Table>(data, &data->table)});
        if (const ScoredTablePtr scored = m_scoring->predictions()->scoredTable())
            sources.push_back({tr("Scored file: %1").arg(QFileInfo(scored->path).fileName()),
                               std::shared_ptr<const Table>(scored, &scored->table)});
        auto *dialog = new ImportanceDialog(m_workspace->currentRun(), std::move(sources), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    // Reject inference for a binary task, the loaded data as the accepts (a scorecard, like the
    // Binning page's, with its bins grouped by hand).
    QAction *rejectInference = run->addAction(tr("Re&ject Inference…"));
    rejectInference->setObjectName(QStringLiteral("rejectInferenceAction"));
    rejectInference->setStatusTip(tr(
        "Refit a scorecard with the declined applicants' inferred outcomes and compare it with the accepts-only card"));
    connect(rejectInference, &QAction::triggered, this, [this] { openRejectInference(); });
    // The creditmtl-cli command lines (mpirun and one process) that train this configuration.
    QAction *clusterCommand = run->addAction(tr("Command &Line for a Cluster…"));
    clusterCommand->setObjectName(QStringLiteral("clusterCommandAction"));
    clusterCommand->setStatusTip(
        tr("Save this configuration and show the mpirun command that trains it on a cluster, ready to copy"));
    connect(clusterCommand, &QAction::triggered, this, [this] { openClusterCommand(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int page = 0; page < PageCount; ++page) {
        auto *action = view->addAction(m_navigation->item(page)->icon(), m_navigation->item(page)->text());
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
        connect(action, &QAction::triggered, this, [this, page] { showPage(static_cast<Page>(page)); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide…"), this, &MainWindow::showUserGuide);
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setText(tr("What's &This?"));
    help->addAction(whatsThis);
    help->addSeparator();
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

void MainWindow::openRecent(const QString &path)
{
    if (isProjectFile(path))
        openProject(path);
    else if (isModelFile(path))
        openModelFile(path);
    else if (isDatabaseSourceLocator(path.toStdString()))
        askToKeepWork([this, path] { openDatabase(path); });
    else
        askToKeepWork([this, path] { openDataFile(path); });
}

void MainWindow::openDatabase(const QString &locator, std::function<void(const QString &)> opened,
                              std::function<void()> cancelled)
{
    auto *dialog = new OpenDatabaseDialog(m_data->options(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!locator.isEmpty())
        dialog->setLocator(locator);
    connect(dialog, &QDialog::accepted, this, [this, dialog, opened] {
        const QString chosen = dialog->locator();
        m_data->setDatabasePassword(dialog->password());
        if (opened)
            opened(chosen);
        else
            openDataFile(chosen);
    });
    if (cancelled)
        connect(dialog, &QDialog::rejected, this, cancelled);
    dialog->open();
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
    m_settings->applyTo(params.roles);
    params.config = *config;
    params.config.train.threads = threadsBesideTheUi();
    params.testPath = m_settings->testFile();
    params.csvOptions = m_workspace->data()->options;
    params.csvOptions.categoricalColumns.clear();
    params.runId = m_workspace->nextRunId();
    params.runName = tr("Run %1").arg(params.runId);
    m_training->start(std::move(params));
    showPage(Training);
}

std::optional<ExperimentConfig> MainWindow::dialogRunSetup(RoleAssignment &roles)
{
    QString reason;
    std::optional<ExperimentConfig> config = m_settings->config(&reason);
    if (!canTrain(&reason) || !config) {
        statusBar()->showMessage(reason, 8000);
        return std::nullopt;
    }
    roles = m_roles->roles();
    m_settings->applyTo(roles);
    config->train.threads = threadsBesideTheUi();
    return config;
}

void MainWindow::compareMethods()
{
    RoleAssignment roles;
    const std::optional<ExperimentConfig> config = dialogRunSetup(roles);
    if (!config)
        return;
    auto *dialog = new ComparisonDialog(m_workspace->data(), std::move(roles), *config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString dataPath = m_workspace->data() ? m_workspace->data()->path : QString();
    connect(dialog, &ComparisonDialog::resultReady, this, [this, dataPath](const ComparisonResult &result) {
        m_workspace->addComparison({QDateTime::currentDateTime(), result, dataPath});
        writeRecoveryFile();
    });
    connect(dialog, &ComparisonDialog::comparisonFinished, this, [this] {
        if (m_closePending)
            closeWhenWorkersFinished();
    });
    m_comparisonDialog = dialog;
    dialog->show();
}

RejectInferenceDialog *MainWindow::openRejectInference()
{
    std::vector<TaskSpec> binaryTasks;
    for (const TaskSpec &task : m_roles->roles().tasks) {
        if (task.type == TaskType::Binary)
            binaryTasks.push_back(task);
    }
    auto *dialog = new RejectInferenceDialog(
        m_workspace->data(), std::move(binaryTasks),
        [binning = QPointer<BinningPage>(m_binning)](const TaskSpec &task) {
            return binning ? binning->editedBinsFor(task) : std::vector<FeatureBinning>{};
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

ClusterCommandDialog *MainWindow::openClusterCommand()
{
    RoleAssignment roles;
    if (!dialogRunSetup(roles))
        return nullptr;
    // The configuration a project saves: the one Train uses, without this machine's thread count.
    // Its settings hold the Binning page's bins of the WoE inputs when they use them (the workbench
    // trains with them): the dialog saves them with the configuration, and says which others are
    // not used.
    auto *dialog =
        new ClusterCommandDialog(projectContents().configuration, m_workspace->data()->path, m_settings->testFile(),
                                 m_workspace->projectPath(), m_settings->unusedBinsNote(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::tuneSettings()
{
    RoleAssignment roles;
    const std::optional<ExperimentConfig> config = dialogRunSetup(roles);
    if (!config)
        return;
    auto *dialog = new TuneDialog(m_workspace->data(), std::move(roles), *config, !m_settings->testFile().isEmpty(),
                                  m_settings, m_undoStack, this);
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
    m_tuneAction->setEnabled(trainable);
    m_trainAction->setToolTip(trainable ? tr("Train a model with these roles and settings (F5)")
                                        : tr("Cannot train: %1").arg(reason));
    m_trainStatus->setText(trainable || m_training->isRunning() ? QString() : tr("Train disabled: %1").arg(reason));
    m_cancelAction->setEnabled(m_training->isRunning());
    const bool hasRun = m_workspace->currentRun() != nullptr;
    m_saveModelAction->setEnabled(hasRun);
    m_exportModelAction->setEnabled(hasRun);
    m_scoreAction->setEnabled(hasRun);
    m_openAction->setEnabled(!m_training->isRunning());
    m_openSampleAction->setEnabled(!m_training->isRunning() && !sampleFilePath().isEmpty());
    m_openProjectAction->setEnabled(!m_training->isRunning());
    m_newProjectAction->setEnabled(!m_training->isRunning());
    m_showComparisonAction->setEnabled(!m_workspace->comparisons().empty());
}

void MainWindow::addRecentFile(const QString &path)
{
    // A database source is kept as its locator (without the password), not as a file's path.
    const QString absolute = isDatabaseSourceLocator(path.toStdString()) ? path : QFileInfo(path).absoluteFilePath();
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
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(dataSourceName(path)), this,
                                                  [this, path] { openRecent(path); });
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
                                     tr("Data files (*.csv *.txt *.tsv *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files "
                                        "(*.csv *.txt *.tsv);;All files (*)"));
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

void MainWindow::showUserGuide()
{
    if (!m_userGuide)
        m_userGuide = new UserGuideDialog(this);
    m_userGuide->show();
    m_userGuide->raise();
    m_userGuide->activateWindow();
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
    // A dialog's unsaved result (a card with reject inference) is asked about in that dialog first;
    // the user quits again once it is saved or discarded.
    if (!closeDialogsWithUnsavedResults(this)) {
        event->ignore();
        return;
    }
    // Nothing to lose and nothing running: close at once.
    if (!m_closeApproved && !m_workspace->isModified() && !workerRunning())
        m_closeApproved = true;
    if (!m_closeApproved) {
        // Ask first (window-modal, no nested event loop): the close is repeated once approved.
        event->ignore();
        if (!m_closePending)
            requestClose();
        return;
    }
    if (workerRunning()) {
        event->ignore();
        closeWhenWorkersFinished();
        return;
    }
    // Stop the remaining workers cleanly: cancel, quit the thread's loop, wait for it.
    m_training->stop();
    m_data->stop();
    m_scoring->stop();
    m_binning->stop();
    m_autosave->stop();
    writeSettings();
    // A clean exit: the work was saved or discarded by the user.
    QFile::remove(recoveryFilePath());
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
    if (isProjectFile(path))
        openProject(path);
    else if (isModelFile(path))
        openModelFile(path);
    else
        askToKeepWork([this, path] { openDataFile(path); });
}

// ---- Projects ----

void MainWindow::rememberValidSettings()
{
    if (const auto config = m_settings->config())
        m_lastValidConfig = config;
}

void MainWindow::updateTitle()
{
    QString name = tr("Untitled project");
    if (!m_workspace->projectPath().isEmpty())
        name = QFileInfo(m_workspace->projectPath()).fileName();
    else if (m_workspace->data())
        name = dataSourceName(m_workspace->data()->path);
    setWindowTitle(tr("%1[*] — CreditMTL workbench").arg(name));
    setWindowModified(m_workspace->isModified());
}

ProjectContents MainWindow::projectContents() const
{
    ProjectContents contents;
    if (m_pendingProject) {
        // Its data is not loaded yet (or could not be): what the project had stays as it was.
        contents.data = m_pendingProject->data;
        contents.configuration = m_pendingProject->configuration;
        contents.keptColumns = m_pendingProject->keptColumns;
        contents.testFile = m_pendingProject->testFile;
    } else {
        if (const LoadedTablePtr &data = m_workspace->data()) {
            contents.data.path = data->path.toStdString();
            contents.data.options = data->options;
            try {
                contents.data.fingerprint = fingerprintFile(contents.data.path);
            } catch (const DataError &) {
                // The file went away since it was read: the project keeps what was read.
                contents.data.fingerprint.size = 0;
            }
            contents.data.fingerprint.rows = static_cast<std::int64_t>(data->table.rowCount());
            RoleAssignment roles = m_roles->roles();
            m_settings->applyTo(roles);
            contents.configuration.tasks = roles.tasks;
            for (const Column &column : data->table.columns()) {
                const auto isNamed = [&](const auto &names) {
                    return std::find(names.begin(), names.end(), column.name) != names.end();
                };
                const bool isTask = std::any_of(roles.tasks.begin(), roles.tasks.end(),
                                                [&](const TaskSpec &task) { return task.column == column.name; });
                if (isNamed(roles.kept))
                    contents.keptColumns.push_back(column.name);
                else if (!isTask && !isNamed(roles.features))
                    contents.configuration.ignored.push_back(column.name);
            }
        }
        // While a field is being edited into shape, the last valid settings are kept.
        if (const auto config = m_settings->config())
            contents.configuration.config = *config;
        else if (m_lastValidConfig)
            contents.configuration.config = *m_lastValidConfig;
        contents.testFile = m_settings->testFile().toStdString();
    }
    const RunListModel *runs = m_workspace->runs();
    for (int row = 0; row < runs->rowCount(); ++row) {
        contents.runs.push_back(toProjectRun(*runs->runAt(row)));
        contents.runs.back().thresholds = m_workspace->thresholdsOf(runs->runAt(row)->id);
    }
    for (const ComparisonRecord &comparison : m_workspace->comparisons())
        contents.comparisons.push_back(
            {comparison.finished.toString(Qt::ISODateWithMs).toStdString(), comparison.result});
    contents.binning = m_binning->projectBinning();
    return contents;
}

bool MainWindow::saveProject(const QString &path)
{
    try {
        saveProjectFile(path.toStdString(), projectContents());
    } catch (...) {
        const UserMessage message = describeCurrentException();
        showError(this, tr("Save project"), tr("The project could not be saved."), message.details);
        return false;
    }
    m_workspace->setProjectPath(QFileInfo(path).absoluteFilePath());
    m_workspace->setModified(false);
    addRecentFile(path);
    // The work is in the project now; an older recovery copy would only confuse the next start.
    QFile::remove(recoveryFilePath());
    statusBar()->showMessage(tr("Project saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

void MainWindow::saveProjectThen(const std::function<void()> &afterSave)
{
    if (m_workspace->projectPath().isEmpty()) {
        chooseProjectSavePath(afterSave);
        return;
    }
    if (saveProject(m_workspace->projectPath()) && afterSave)
        afterSave();
}

void MainWindow::chooseProjectSavePath(const std::function<void()> &afterSave)
{
    QSettings settings;
    QString suggested = m_workspace->projectPath();
    if (suggested.isEmpty()) {
        const QString base =
            m_workspace->data() ? QFileInfo(m_workspace->data()->path).completeBaseName() : tr("untitled");
        suggested = settings.value(QStringLiteral("lastDirectory"), QDir::homePath()).toString() + QLatin1Char('/') +
                    base + QStringLiteral(".cmtlproj");
    }
    // Window-modal and asynchronous: no nested event loop while the window waits for a name.
    auto *dialog = new QFileDialog(this, tr("Save project"), suggested, tr("CreditMTL projects (*.cmtlproj)"));
    dialog->setObjectName(QStringLiteral("saveProjectDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("cmtlproj"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, [this, afterSave](const QString &path) {
        QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
        if (saveProject(path) && afterSave)
            afterSave();
    });
    dialog->open();
}

void MainWindow::chooseProjectFile()
{
    auto *dialog =
        new QFileDialog(this, tr("Open project"), QSettings().value(QStringLiteral("lastDirectory")).toString(),
                        tr("CreditMTL projects (*.cmtlproj);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openProjectDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
        openProject(path);
    });
    dialog->open();
}

void MainWindow::askToKeepWork(const std::function<void()> &proceed)
{
    if (!m_workspace->isModified()) {
        proceed();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Unsaved changes"),
                                tr("The project has unsaved changes (runs, roles, settings or bins)."),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesBox"));
    box->setInformativeText(tr("Save them before going on? Discarded changes cannot be recovered."));
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, proceed] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            saveProjectThen(proceed);
            break;
        case QMessageBox::Discard:
            proceed();
            break;
        default:
            break;
        }
    });
    box->open();
}

void MainWindow::newProject()
{
    askToKeepWork([this] {
        m_pendingProject.reset();
        m_data->stop();
        m_workspace->clearWork();
        m_workspace->setData({});
        m_settings->resetDefaults();
        m_settings->setTestFile({});
        m_binning->setProjectBinning({});
        m_workspace->setProjectPath({});
        // A new project starts a new undo history, with nothing to save.
        m_undoStack->clear();
        m_workspace->setModified(false);
        updateActions();
        showPage(Start);
    });
}

bool MainWindow::openProject(const QString &path)
{
    if (m_training->isRunning()) {
        showError(this, tr("Open project"), tr("Training is running. Cancel it before opening a project."));
        return false;
    }
    std::shared_ptr<const ProjectContents> project;
    try {
        project = std::make_shared<const ProjectContents>(loadProjectFile(path.toStdString()));
    } catch (...) {
        const UserMessage message = describeCurrentException();
        showError(this, tr("Open project"), tr("The project file could not be opened."), message.details);
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    askToKeepWork([this, project, absolute] {
        addRecentFile(absolute);
        resolveProjectData(project, absolute, QString::fromStdString(project->data.path), false);
    });
    return true;
}

void MainWindow::resolveProjectData(std::shared_ptr<const ProjectContents> project, const QString &projectPath,
                                    const QString &dataPath, bool dataMoved)
{
    if (dataPath.isEmpty()) {
        restoreProject(*project, projectPath, dataPath, dataMoved);
        return;
    }
    if (isDatabaseSourceLocator(dataPath.toStdString())) {
        // The project keeps the connection without the password: the dialog asks for it. Cancel
        // opens the project without its data, as for a file that cannot be found.
        openDatabase(
            dataPath,
            [=, this](const QString &locator) {
                restoreProject(*project, projectPath, locator, dataMoved || locator != dataPath);
            },
            [=, this] { restoreProject(*project, projectPath, QString(), false); });
        return;
    }
    const DataFingerprint &saved = project->data.fingerprint;
    QString problem;
    bool exists = QFileInfo(dataPath).isFile();
    if (!exists) {
        problem = tr("The data file of this project, %1, is not there any more (moved, renamed or deleted).")
                      .arg(QDir::toNativeSeparators(dataPath));
    } else {
        try {
            const DataFingerprint current = fingerprintFile(dataPath.toStdString());
            if (!sameContent(saved, current))
                problem = tr("The data file %1 has changed since the project was saved: %2 bytes then, %3 now, "
                             "last modified %4.")
                              .arg(QDir::toNativeSeparators(dataPath))
                              .arg(saved.size)
                              .arg(current.size)
                              .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(current.modifiedMs),
                                                      QLocale::ShortFormat));
        } catch (const DataError &error) {
            exists = false;
            problem = QString::fromStdString(error.what());
        }
    }
    if (problem.isEmpty()) {
        restoreProject(*project, projectPath, dataPath, dataMoved);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Project data"), problem, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("projectDataBox"));
    box->setInformativeText(exists ? tr("Locate the file the project was made on, or continue with the file as it is "
                                        "now (the runs keep the metrics they had).")
                                   : tr("Locate the file, or open the project without its data (the runs and "
                                        "settings are restored; the roles wait for the data)."));
    QPushButton *locate = box->addButton(tr("&Locate…"), QMessageBox::ActionRole);
    locate->setObjectName(QStringLiteral("locateDataButton"));
    QPushButton *useNew = nullptr;
    if (exists) {
        useNew = box->addButton(tr("&Continue with the New Content"), QMessageBox::AcceptRole);
        useNew->setObjectName(QStringLiteral("continueWithNewContentButton"));
    }
    QPushButton *withoutData = box->addButton(tr("Open &Without Data"), QMessageBox::DestructiveRole);
    withoutData->setObjectName(QStringLiteral("openWithoutDataButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [=, this] {
        QAbstractButton *clicked = box->clickedButton();
        if (clicked == locate) {
            auto *dialog = new QFileDialog(this, tr("Locate the data file"), QFileInfo(dataPath).absolutePath(),
                                           tr("Data files (*.csv *.txt *.tsv *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV "
                                              "files (*.csv *.txt *.tsv);;All files (*)"));
            dialog->setObjectName(QStringLiteral("locateDataDialog"));
            dialog->setFileMode(QFileDialog::ExistingFile);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            connect(dialog, &QFileDialog::fileSelected, this,
                    [=, this](const QString &located) { resolveProjectData(project, projectPath, located, true); });
            dialog->open();
        } else if (useNew && clicked == useNew) {
            restoreProject(*project, projectPath, dataPath, true);
        } else if (clicked == withoutData) {
            restoreProject(*project, projectPath, QString(), false);
        }
    });
    box->open();
}

void MainWindow::restoreProject(const ProjectContents &project, const QString &projectPath, const QString &dataPath,
                                bool modified)
{
    m_data->stop();
    m_workspace->clearWork();
    for (const ProjectRun &stored : project.runs) {
        // Before the run is shown, so that its chosen thresholds are.
        for (const auto &[task, threshold] : stored.thresholds)
            m_workspace->setThreshold(stored.id, task, threshold);
        m_workspace->addRun(runFromProject(stored));
    }
    for (const ProjectComparison &comparison : project.comparisons)
        m_workspace->addComparison(
            {QDateTime::fromString(QString::fromStdString(comparison.finished), Qt::ISODateWithMs), comparison.result,
             dataPath});
    m_workspace->setCurrentRun(m_workspace->runs()->runAt(m_workspace->runs()->rowCount() - 1));
    m_pendingProject = project;
    m_pendingModified = modified;
    if (!dataPath.isEmpty())
        m_pendingProject->data.path = dataPath.toStdString();
    m_settings->setConfig(project.configuration.config);
    m_settings->setTestFile(QString::fromStdString(project.testFile));
    m_lastValidConfig = project.configuration.config;
    m_binning->setProjectBinning(project.binning);
    m_workspace->setProjectPath(projectPath);
    // Restoring is not a user's edit: undo starts from the project as opened.
    m_undoStack->clear();
    m_workspace->setModified(modified);
    updateActions();
    if (dataPath.isEmpty()) {
        // Without data the roles cannot be shown; the project keeps them until its data is opened.
        m_workspace->setData({});
        showPage(Runs);
        statusBar()->showMessage(tr("Project opened without its data: the roles wait for the data file."), 8000);
        return;
    }
    m_data->setOptions(project.data.options);
    if (m_training->isRunning())
        return;
    addRecentFile(dataPath);
    showPage(Data);
    m_data->openFile(dataPath);
}

void MainWindow::applyPendingConfiguration()
{
    const ProjectContents project = std::move(*m_pendingProject);
    m_pendingProject.reset();
    const RunConfiguration &configuration = project.configuration;
    m_roles->setTasks(configuration.tasks);
    for (const std::string &column : configuration.ignored)
        m_roles->setRole(QString::fromStdString(column), RolesPage::Role::Ignore);
    for (const std::string &column : project.keptColumns)
        m_roles->setRole(QString::fromStdString(column), RolesPage::Role::Keep);
    QStringList taskOrder;
    for (const TaskSpec &task : configuration.tasks) {
        m_settings->setLambda(QString::fromStdString(task.column), task.lambda);
        taskOrder << QString::fromStdString(task.column);
    }
    m_settings->setTaskOrder(taskOrder);
    m_settings->setConfig(configuration.config);
    m_settings->setTestFile(QString::fromStdString(project.testFile));
    bool modified = m_pendingModified;
    const std::int64_t rows = static_cast<std::int64_t>(m_workspace->data()->table.rowCount());
    if (project.data.fingerprint.rows != 0 && project.data.fingerprint.rows != rows) {
        modified = true;
        statusBar()->showMessage(tr("The data file now has %1 rows; the project was made on %2.")
                                     .arg(rows)
                                     .arg(project.data.fingerprint.rows),
                                 15000);
    } else {
        statusBar()->showMessage(tr("Project %1 opened").arg(QFileInfo(m_workspace->projectPath()).fileName()), 8000);
    }
    // Restoring is not a user's edit: undo starts from the project as opened.
    m_undoStack->clear();
    m_workspace->setModified(modified);
    showPage(m_workspace->runs()->rowCount() > 0 ? Runs : Roles);
}

QString MainWindow::recoveryFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery.cmtlproj");
}

bool MainWindow::writeRecoveryFile()
{
    if (!m_workspace->isModified())
        return true;
    try {
        ProjectContents contents = projectContents();
        contents.recoveredFrom = m_workspace->projectPath().toStdString();
        QDir().mkpath(QFileInfo(recoveryFilePath()).absolutePath());
        saveProjectFile(recoveryFilePath().toStdString(), contents);
        return true;
    } catch (...) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(describeCurrentException().details), 15000);
        return false;
    }
}

void MainWindow::setAutosaveInterval(int milliseconds)
{
    m_autosave->setInterval(milliseconds);
}

void MainWindow::offerRecovery()
{
    const QString path = recoveryFilePath();
    if (!QFileInfo::exists(path))
        return;
    std::shared_ptr<const ProjectContents> project;
    try {
        project = std::make_shared<const ProjectContents>(loadProjectFile(path.toStdString()));
    } catch (...) {
        // A recovery file cut short by the crash itself: say so and set it aside, never delete work.
        const QString aside = path + QStringLiteral(".damaged");
        QFile::remove(aside);
        QFile::rename(path, aside);
        showError(this, tr("Recover unsaved work"),
                  tr("The autosaved work could not be read; it was kept as %1.").arg(QDir::toNativeSeparators(aside)),
                  describeCurrentException().details);
        return;
    }
    const QString saved = QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Recover unsaved work"),
                                tr("The workbench did not close normally. The work autosaved at %1 can be restored "
                                   "(runs: %2).")
                                    .arg(saved)
                                    .arg(project->runs.size()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("recoveryBox"));
    if (!project->recoveredFrom.empty())
        box->setInformativeText(tr("It belongs to the project %1.")
                                    .arg(QDir::toNativeSeparators(QString::fromStdString(project->recoveredFrom))));
    QPushButton *restore = box->addButton(tr("&Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    QPushButton *discard = box->addButton(QMessageBox::Discard);
    box->setDefaultButton(restore);
    box->setEscapeButton(discard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, restore, project, path] {
        if (box->clickedButton() == restore) {
            // Restored work is unsaved work until the user saves it.
            resolveProjectData(project, QString::fromStdString(project->recoveredFrom),
                               QString::fromStdString(project->data.path), true);
        } else {
            QFile::remove(path);
        }
    });
    box->open();
}

void MainWindow::showLastComparison()
{
    if (m_workspace->comparisons().empty())
        return;
    const ComparisonRecord &latest = m_workspace->comparisons().back();
    if (!m_comparisonDialog) {
        QString reason;
        const std::optional<ExperimentConfig> config = m_settings->config(&reason);
        RoleAssignment roles = m_roles->roles();
        m_settings->applyTo(roles);
        const bool canRun = canTrain() && config && m_settings->testFile().isEmpty();
        auto *dialog = new ComparisonDialog(canRun ? m_workspace->data() : LoadedTablePtr(), std::move(roles),
                                            config.value_or(ExperimentConfig{}), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString dataPath = canRun && m_workspace->data() ? m_workspace->data()->path : QString();
        connect(dialog, &ComparisonDialog::resultReady, this, [this, dataPath](const ComparisonResult &result) {
            m_workspace->addComparison({QDateTime::currentDateTime(), result, dataPath});
        });
        m_comparisonDialog = dialog;
    }
    m_comparisonDialog->showStoredResult(latest.result, latest.finished);
    m_comparisonDialog->show();
    m_comparisonDialog->raise();
}

void MainWindow::watchThresholds()
{
    // The threshold explorer is the user's: a value they set (dragged, clicked, typed, stepped) is
    // their choice and is kept per run and task. Values the panel sets itself when it shows a task
    // are not announced as choices.
    BinaryTaskPanel *panel = m_results->binaryPanel();
    auto *task = m_results->findChild<QComboBox *>(QStringLiteral("taskCombo"));
    if (!task)
        return;
    connect(panel, &BinaryTaskPanel::thresholdChosen, this, [this](const QString &chosenTask, double threshold) {
        if (m_results->run())
            m_workspace->setThreshold(m_results->run()->id, chosenTask.toStdString(), threshold);
    });
    // After the page has shown a run or a task (these connections come after the page's own),
    // the threshold chosen for it comes back.
    const auto restore = [this, panel, task] {
        if (!m_results->run())
            return;
        const auto &chosen = m_workspace->thresholdsOf(m_results->run()->id);
        if (const auto found = chosen.find(task->currentText().toStdString()); found != chosen.end())
            panel->setThreshold(found->second);
    };
    connect(m_workspace, &Workspace::currentRunChanged, this, restore);
    connect(task, &QComboBox::currentIndexChanged, this, restore);
}

ComparisonDialog *MainWindow::comparisonDialog() const
{
    return m_comparisonDialog;
}

// ---- Closing ----

bool MainWindow::workerRunning() const
{
    return m_training->isRunning() || (m_comparisonDialog && m_comparisonDialog->isRunning()) || m_scoring->isRunning();
}

void MainWindow::requestClose()
{
    const auto approve = [this] {
        m_closeApproved = true;
        if (workerRunning())
            closeWhenWorkersFinished();
        else
            close();
    };
    if (!workerRunning()) {
        askToKeepWork(approve);
        return;
    }
    const QString what = m_training->isRunning() ? tr("A model is being trained.")
                         : (m_comparisonDialog && m_comparisonDialog->isRunning())
                             ? tr("A comparison of methods is running.")
                             : tr("A file is being scored.");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Work in progress"), what, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("busyCloseBox"));
    box->setInformativeText(tr("Quitting stops it; what it has not finished is lost."));
    QPushButton *stop = box->addButton(tr("&Stop and Quit"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopAndQuitButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, stop, approve] {
        if (box->clickedButton() == stop)
            askToKeepWork(approve);
    });
    box->open();
}

void MainWindow::closeWhenWorkersFinished()
{
    m_closePending = true;
    if (!workerRunning()) {
        // After the worker's finished signal has been handled everywhere.
        QTimer::singleShot(0, this, &QWidget::close);
        return;
    }
    m_training->cancel();
    if (m_comparisonDialog)
        m_comparisonDialog->cancel();
    if (m_scoring->isRunning())
        m_scoring->stop();
    statusBar()->showMessage(tr("Stopping… the window closes when the work in progress has stopped."));
    // The training page's runningChanged(false) and the dialog's comparisonFinished call this
    // again; the scoring worker was stopped above.
    if (!workerRunning())
        QTimer::singleShot(0, this, &QWidget::close);
}

} // namespace cmtl::ui
