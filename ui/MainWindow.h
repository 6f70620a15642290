#pragma once

#include "RunRecord.h"
#include "workers/DataLoader.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QUndoStack;

namespace cmtl::ui {

class DataPage;
class ResultsPage;
class RolesPage;
class RunsPage;
class ScoringPage;
class SettingsPage;
class StartPage;
class TrainingPage;
class Workspace;

// The host: menus, toolbar, status bar, the page navigation, drag and drop, and settings
// persistence. The pages do the work; the window only wires them together.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { Start, Data, Roles, Settings, Training, Results, Runs, Scoring, PageCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;

    // Reads a CSV file on a worker thread; the pages follow when it is loaded.
    void openDataFile(const QString &path);
    // Opens the sample and, once loaded, sets its three demo tasks.
    void openSample();
    bool openModelFile(const QString &path);
    bool saveModelFile(const QString &path, const RunPtr &run);
    void startTraining();
    void cancelTraining();
    // Opens the "Compare methods" dialog on the current data, roles and settings.
    void compareMethods();
    bool canTrain(QString *reason = nullptr) const;
    bool isBusy() const;

    Workspace *workspace() const { return m_workspace; }
    StartPage *startPage() const { return m_start; }
    DataPage *dataPage() const { return m_data; }
    RolesPage *rolesPage() const { return m_roles; }
    SettingsPage *settingsPage() const { return m_settings; }
    TrainingPage *trainingPage() const { return m_training; }
    ResultsPage *resultsPage() const { return m_results; }
    RunsPage *runsPage() const { return m_runs; }
    ScoringPage *scoringPage() const { return m_scoring; }
    QAction *trainAction() const { return m_trainAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *compareAction() const { return m_compareAction; }
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
    void readSettings();
    void writeSettings();

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

    QAction *m_openAction = nullptr;
    QAction *m_openSampleAction = nullptr;
    QAction *m_openModelAction = nullptr;
    QAction *m_saveModelAction = nullptr;
    QAction *m_scoreAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_trainAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QUndoStack *m_undoStack;
    QLabel *m_trainStatus;
    QStringList m_recentFiles;
    QString m_pendingSamplePath;
    bool m_loading = false;
};

} // namespace cmtl::ui
