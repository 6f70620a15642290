#pragma once

#include "RunRecord.h"
#include "workers/DataLoader.h"

#include "project/ProjectFile.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QUndoStack;
class QTimer;

namespace cmtl::ui {

class BinningPage;
class ClusterCommandDialog;
class DataPage;
class ComparisonDialog;
class RejectInferenceDialog;
class ResultsPage;
class RolesPage;
class RunsPage;
class ScoringPage;
class SettingsPage;
class StartPage;
class TrainingPage;
class UserGuideDialog;
class Workspace;

// The host: menus, toolbar, status bar, the page navigation, drag and drop, and settings
// persistence. The pages do the work; the window only wires them together.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { Start, Data, Roles, Settings, Training, Results, Runs, Scoring, Binning, PageCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;

    // Reads a CSV file on a worker thread; the pages follow when it is loaded.
    void openDataFile(const QString &path);
    // File ▸ Open Database…: the dialog, filled in from `locator` when given (a recent entry, a
    // project's source; the password is asked again). Open reads the source on the Data page, or
    // calls `opened` with it; `cancelled` is called when the dialog is closed without opening.
    void openDatabase(const QString &locator = {}, std::function<void(const QString &)> opened = {},
                      std::function<void()> cancelled = {});
    // A recent entry (File > Open Recent, the Start page): a project, a model, a database source
    // (through the dialog, which asks for the password) or a data file.
    void openRecent(const QString &path);
    // Opens the sample and, once loaded, sets its three demo tasks.
    void openSample();
    bool openModelFile(const QString &path);
    bool saveModelFile(const QString &path, const RunPtr &run);
    void startTraining();
    void cancelTraining();
    // Opens the "Compare methods" dialog on the current data, roles and settings.
    void compareMethods();
    // The settings and the roles with the Settings page's lambdas, for a dialog that trains on the
    // current data (one thread left to the interface); nullopt, with the reason in the status bar,
    // when training is not possible.
    std::optional<ExperimentConfig> dialogRunSetup(RoleAssignment &roles);
    // Opens the "Tune settings" dialog (pages/TuneDialog.h) on the current data, roles and settings.
    void tuneSettings();
    // Opens Run ▸ Reject Inference (pages/RejectInferenceDialog.h) on the loaded data (the accepts)
    // and the project's binary tasks.
    RejectInferenceDialog *openRejectInference();
    // Opens Run ▸ Command Line for a Cluster (pages/ClusterCommandDialog.h) on the current data,
    // roles and settings; nullptr, with the reason in the status bar, when they cannot train.
    ClusterCommandDialog *openClusterCommand();
    bool canTrain(QString *reason = nullptr) const;
    bool isBusy() const;

    // Projects. openProject reads the file (a refusal is shown and returns false), asks to keep
    // unsaved work, then restores it; the data file, when it was moved or changed, is asked for.
    bool openProject(const QString &path);
    bool saveProject(const QString &path);
    // Asks to keep unsaved work, then starts an empty project.
    void newProject();
    // What would be saved now.
    ProjectContents projectContents() const;
    // The autosaved copy of unsaved work, in the application's data folder.
    static QString recoveryFilePath();
    // Writes the recovery file now (when there is unsaved work); false when writing failed.
    bool writeRecoveryFile();
    void setAutosaveInterval(int milliseconds);
    // Asks to keep unsaved work (Save / Discard / Cancel, window-modal) and calls `proceed` unless
    // the user cancels or a save fails. Without unsaved work, calls it at once.
    void askToKeepWork(const std::function<void()> &proceed);
    ComparisonDialog *comparisonDialog() const;
    // At start-up: when a recovery file of unsaved work exists, offers to restore it.
    void offerRecovery();
    // Shows the latest comparison kept in the project.
    void showLastComparison();

    Workspace *workspace() const { return m_workspace; }
    StartPage *startPage() const { return m_start; }
    DataPage *dataPage() const { return m_data; }
    RolesPage *rolesPage() const { return m_roles; }
    SettingsPage *settingsPage() const { return m_settings; }
    TrainingPage *trainingPage() const { return m_training; }
    ResultsPage *resultsPage() const { return m_results; }
    RunsPage *runsPage() const { return m_runs; }
    ScoringPage *scoringPage() const { return m_scoring; }
    BinningPage *binningPage() const { return m_binning; }
    QAction *trainAction() const { return m_trainAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *newProjectAction() const { return m_newProjectAction; }
    QAction *openProjectAction() const { return m_openProjectAction; }
    QAction *saveProjectAction() const { return m_saveProjectAction; }
    QAction *saveProjectAsAction() const { return m_saveProjectAsAction; }
    QAction *quitAction() const { return m_quitAction; }
    QWidget *pageWidget(Page page) const;
    // The edits of the Data, Roles and Settings pages (Edit ▸ Undo / Redo).
    QUndoStack *undoStack() const { return m_undoStack; }

Q_SIGNALS:
    void dataLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void chooseDataFile();
    void chooseModelFile();
    void chooseModelSavePath(const RunPtr &run);
    void showAbout();
    // Help ▸ User Guide (F1): the guide in the interface's language.
    void showUserGuide();
    void readSettings();
    void writeSettings();
    void chooseProjectFile();
    // Asks for a project file name; saves; then calls `afterSave` (not when cancelled or failed).
    void chooseProjectSavePath(const std::function<void()> &afterSave = {});
    // Saves to the project's file, or asks for one; then calls `afterSave`.
    void saveProjectThen(const std::function<void()> &afterSave);
    // Checks that the project's data file is the one it was made on; asks to locate it or to
    // continue with the new content when it is not; then restores the project.
    void resolveProjectData(std::shared_ptr<const ProjectContents> project, const QString &projectPath,
                            const QString &dataPath, bool dataMoved);
    void restoreProject(const ProjectContents &project, const QString &projectPath, const QString &dataPath,
                        bool modified);
    void applyPendingConfiguration();
    void requestClose();
    bool workerRunning() const;
    void closeWhenWorkersFinished();
    void updateTitle();
    void rememberValidSettings();
    void watchThresholds();

    Workspace *m_workspace;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    StartPage *m_start;
    DataPage *m_data;
    RolesPage *m_roles;
    SettingsPage *m_settings;
    TrainingPage *m_training;
    ResultsPage *m_results;
    RunsPage *m_runs;
    ScoringPage *m_scoring;
    BinningPage *m_binning;

    QAction *m_openAction = nullptr;
    QAction *m_openSampleAction = nullptr;
    QAction *m_openModelAction = nullptr;
    QAction *m_saveModelAction = nullptr;
    QAction *m_exportModelAction = nullptr; // File > Export Model… (ExportModelDialog)
    QAction *m_scoreAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_trainAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_tuneAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QPointer<UserGuideDialog> m_userGuide;
    QAction *m_newProjectAction = nullptr;
    QAction *m_openProjectAction = nullptr;
    QAction *m_saveProjectAction = nullptr;
    QAction *m_saveProjectAsAction = nullptr;
    QAction *m_showComparisonAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QUndoStack *m_undoStack;
    QLabel *m_trainStatus;
    QStringList m_recentFiles;
    QString m_pendingSamplePath;
    bool m_loading = false;
    // A restored project's roles and settings, applied once its data file is loaded.
    std::optional<ProjectContents> m_pendingProject;
    bool m_pendingModified = false;
    // The last settings that were valid (a project saved while a field is being edited keeps
    // these).
    std::optional<ExperimentConfig> m_lastValidConfig;
    QPointer<ComparisonDialog> m_comparisonDialog;
    QTimer *m_autosave;
    bool m_closeApproved = false;
    bool m_closePending = false;
};

} // namespace cmtl::ui
