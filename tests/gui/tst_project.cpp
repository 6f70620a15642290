// Projects in the real workbench window (offscreen): save, close and reopen give the same runs and
// metrics bit for bit; the close prompt appears with unsaved changes and only then; closing during
// training asks, cancels the worker and closes once it has finished; autosaved work is offered
// back at the next start; a moved data file is asked for.
#include "AppSupport.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "SampleFile.h"
#include "Workspace.h"
#include "models/RunListModel.h"
#include "pages/BinaryTaskPanel.h"
#include "pages/ComparisonDialog.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/SettingsPage.h"
#include "pages/TrainingPage.h"
#include "project/ProjectFile.h"
#include "train/Comparison.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cmtl;
using namespace cmtl::ui;

using namespace cmtl::ui::testing;

namespace {

// Opens the sample and trains a small model; returns once the run is there.
bool openSampleAndTrain(MainWindow *window, int epochs)
{
    if (!openSampleAndWait(window))
        return false;
    window->settingsPage()->setEpochs(epochs);
    window->settingsPage()->setHiddenLayers(QStringLiteral("8"));
    window->settingsPage()->setLambda(QStringLiteral("Class"), 2.5);
    return trainAndWait(window) != nullptr;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QFile::remove(MainWindow::recoveryFilePath());
        QVERIFY(m_temp.isValid());
    }

    void saveCloseReopenGivesTheSameRunsBitForBit()
    {
        const QString path = m_temp.filePath(QStringLiteral("work.cmtlproj"));
        QByteArray savedRuns;
        std::vector<std::string> savedTasks;
        {
            MainWindow window;
            window.show();
            QVERIFY(openSampleAndTrain(&window, 2));
            QVERIFY(window.isWindowModified());
            QVERIFY(window.windowTitle().contains(QLatin1String("[*]")));
            // A threshold the user sets on the Results page is kept with the run.
            window.showPage(MainWindow::Results);
            auto *spin =
                window.resultsPage()->binaryPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("thresholdSpin"));
            QVERIFY(spin && spin->isEnabled());
            QApplication::setActiveWindow(&window);
            spin->setFocus();
            QTRY_VERIFY(spin->hasFocus());
            const int runId = window.workspace()->currentRun()->id;
            // What the panel set itself when it showed the task is not a choice.
            QVERIFY(window.workspace()->thresholdsOf(runId).empty());
            spin->setValue(0.137);
            QCOMPARE(window.workspace()->thresholdsOf(runId).at("Class"), 0.137);
            spin->clearFocus();
            QVERIFY(window.saveProject(path));
            QVERIFY(!window.workspace()->isModified());
            QVERIFY(!window.isWindowModified());
            QVERIFY(window.windowTitle().contains(QLatin1String("work.cmtlproj")));
            // Saved: the close does not ask.
            QVERIFY(window.close());
            QVERIFY(!messageBox(&window, "unsavedChangesBox"));
            const ProjectContents contents = window.projectContents();
            savedRuns = serializeProject({{}, {}, {}, contents.runs, {}, {}, {}, {}});
            for (const TaskSpec &task : contents.configuration.tasks)
                savedTasks.push_back(task.column);
        }
        MainWindow window;
        window.show();
        QVERIFY(openProjectAndWait(&window, path));
        QCOMPARE(window.workspace()->runs()->rowCount(), 1);
        QCOMPARE(window.workspace()->projectPath(), QFileInfo(path).absoluteFilePath());
        // Runs, with their models, metrics, histories and scores, bit for bit.
        const ProjectContents reopened = window.projectContents();
        QCOMPARE(serializeProject({{}, {}, {}, reopened.runs, {}, {}, {}, {}}), savedRuns);
        // Roles, lambdas and settings as they were, and nothing to save.
        std::vector<std::string> tasks;
        for (const TaskSpec &task : reopened.configuration.tasks)
            tasks.push_back(task.column);
        QVERIFY(tasks == savedTasks);
        QCOMPARE(window.settingsPage()->lambda(QStringLiteral("Class")), 2.5);
        QCOMPARE(window.settingsPage()->config()->train.epochs, 2);
        QCOMPARE(window.settingsPage()->config()->train.hiddenLayers, std::vector<int>{8});
        QVERIFY(!window.workspace()->isModified());
        // Restoring is not an edit: there is nothing to undo in the reopened project.
        QCOMPARE(window.undoStack()->count(), 0);
        QVERIFY(window.workspace()->currentRun());
        QVERIFY(!window.workspace()->currentRun()->charts.empty());
        // The chosen threshold is back, on the explorer too.
        QCOMPARE(window.workspace()->thresholdsOf(window.workspace()->currentRun()->id).at("Class"), 0.137);
        QCOMPARE(window.resultsPage()->binaryPanel()->threshold(), 0.137);
        QVERIFY(window.close());
    }

    void modifiedFollowsTheUndoStackAndTheRuns()
    {
        const QString path = m_temp.filePath(QStringLiteral("undone.cmtlproj"));
        MainWindow window;
        window.show();
        // Opening the sample with its demo tasks is nothing to save.
        QVERIFY(openSampleAndWait(&window));
        QVERIFY(!window.workspace()->isModified());
        QVERIFY(window.saveProject(path));
        // An edit is unsaved work; undone back to the saved state, it is not (the undo stack's
        // clean state), and redone it is again.
        window.settingsPage()->setEpochs(13);
        QVERIFY(window.workspace()->isModified());
        QVERIFY(window.isWindowModified());
        window.undoStack()->undo();
        QVERIFY(!window.workspace()->isModified());
        QVERIFY(!window.isWindowModified());
        window.undoStack()->redo();
        QVERIFY(window.workspace()->isModified());
        window.rolesPage()->setRole(QStringLiteral("annual_inc"), RolesPage::Role::Ignore);
        window.undoStack()->undo();
        window.undoStack()->undo();
        QVERIFY(!window.workspace()->isModified());
        // Saved, then undone: the project differs from its file.
        window.undoStack()->redo();
        QVERIFY(window.saveProject(path));
        QVERIFY(!window.workspace()->isModified());
        window.undoStack()->undo();
        QVERIFY(window.workspace()->isModified());
        window.undoStack()->redo();
        QVERIFY(!window.workspace()->isModified());
        // A run is work the undo stack does not hold: undoing the inputs leaves it to be saved.
        QVERIFY(openSampleAndTrain(&window, 1));
        QVERIFY(window.workspace()->isModified());
        while (window.undoStack()->canUndo())
            window.undoStack()->undo();
        QVERIFY(window.workspace()->isModified());
        QVERIFY(window.saveProject(path));
        QVERIFY(!window.workspace()->isModified());
        QVERIFY(window.close());
        QVERIFY(!messageBox(&window, "unsavedChangesBox"));
    }

    void closePromptOnlyWithUnsavedChanges()
    {
        {
            // Nothing done: the window closes at once.
            MainWindow window;
            window.show();
            QVERIFY(window.close());
            QVERIFY(!messageBox(&window, "unsavedChangesBox"));
        }
        MainWindow window;
        window.show();
        QVERIFY(!window.workspace()->isModified());
        window.settingsPage()->setEpochs(7); // a changed setting is unsaved work
        QVERIFY(window.workspace()->isModified());
        QVERIFY(!window.close());
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        QVERIFY(window.isVisible());
        QCOMPARE(messageBox(&window, "unsavedChangesBox")->windowModality(), Qt::WindowModal);
        // Cancel keeps the window and the work.
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!messageBox(&window, "unsavedChangesBox"));
        QVERIFY(window.isVisible());
        QVERIFY(window.workspace()->isModified());
        // Ctrl+Q asks the same; Discard closes.
        window.quitAction()->trigger();
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(!window.isVisible());
    }

    void saveFromThePromptThenClose()
    {
        const QString path = m_temp.filePath(QStringLiteral("prompted.cmtlproj"));
        MainWindow window;
        window.show();
        QVERIFY(window.saveProject(path)); // gives the project its file
        window.settingsPage()->setEpochs(9);
        QVERIFY(!window.close());
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Save)->click();
        QTRY_VERIFY(!window.isVisible());
        QCOMPARE(loadProjectFile(path.toStdString()).configuration.config.train.epochs, 9);
    }

    void closingDuringTrainingAsksThenCancelsTheWorker()
    {
        MainWindow window;
        window.show();
        QVERIFY(openSampleAndWait(&window));
        window.settingsPage()->setEpochs(1000);
        window.findChild<QSpinBox *>(QStringLiteral("patienceSpin"))->setValue(0);
        window.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(window.trainingPage()->epochsSeen() >= 1, 60000);
        QVERIFY(!window.close());
        QTRY_VERIFY(messageBox(&window, "busyCloseBox"));
        // Cancel: training goes on.
        messageBox(&window, "busyCloseBox")->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!messageBox(&window, "busyCloseBox"));
        QVERIFY(window.trainingPage()->isRunning());
        QVERIFY(window.isVisible());
        // Stop and quit, then discard the unsaved settings: the worker is cancelled and the
        // window closes after it finished.
        QVERIFY(!window.close());
        QTRY_VERIFY(messageBox(&window, "busyCloseBox"));
        messageBox(&window, "busyCloseBox")->findChild<QAbstractButton *>(QStringLiteral("stopAndQuitButton"))->click();
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        QVERIFY(window.trainingPage()->isRunning()); // nothing is stopped before the user decides
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Discard)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
        QVERIFY(!window.trainingPage()->isRunning());
        QCOMPARE(window.workspace()->runs()->rowCount(), 0);
    }

    void autosavedWorkIsOfferedAtTheNextStart()
    {
        QByteArray savedRuns;
        {
            MainWindow window;
            window.show();
            QVERIFY(openSampleAndTrain(&window, 1));
            // Each finished run is autosaved.
            QVERIFY(QFileInfo::exists(MainWindow::recoveryFilePath()));
            QVERIFY(window.writeRecoveryFile());
            savedRuns = serializeProject({{}, {}, {}, window.projectContents().runs, {}, {}, {}, {}});
            // A crash: the window goes without a clean close.
        }
        QVERIFY(QFileInfo::exists(MainWindow::recoveryFilePath()));
        MainWindow window;
        window.show();
        window.offerRecovery();
        QTRY_VERIFY(messageBox(&window, "recoveryBox"));
        QSignalSpy loaded(&window, &MainWindow::dataLoaded);
        messageBox(&window, "recoveryBox")->findChild<QAbstractButton *>(QStringLiteral("restoreButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QTRY_VERIFY(!window.isBusy());
        QCOMPARE(serializeProject({{}, {}, {}, window.projectContents().runs, {}, {}, {}, {}}), savedRuns);
        // Restored work is still unsaved work.
        QVERIFY(window.workspace()->isModified());
        QCOMPARE(window.settingsPage()->lambda(QStringLiteral("Class")), 2.5);
        // Discarding it on the way out is a clean exit: no recovery file is left.
        QVERIFY(!window.close());
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(!window.isVisible());
        QVERIFY(!QFileInfo::exists(MainWindow::recoveryFilePath()));

        // Discard at the offer removes the file.
        {
            MainWindow crashed;
            crashed.settingsPage()->setEpochs(4);
            QVERIFY(crashed.writeRecoveryFile());
        }
        MainWindow next;
        next.show();
        next.offerRecovery();
        QTRY_VERIFY(messageBox(&next, "recoveryBox"));
        messageBox(&next, "recoveryBox")->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(!QFileInfo::exists(MainWindow::recoveryFilePath()));
        QVERIFY(next.close());
    }

    void openingAProjectAsksToKeepWork()
    {
        const QString path = m_temp.filePath(QStringLiteral("other.cmtlproj"));
        ProjectContents other;
        other.configuration.config.train.epochs = 21;
        saveProjectFile(path.toStdString(), other);
        MainWindow window;
        window.show();
        window.settingsPage()->setEpochs(5);
        QVERIFY(window.openProject(path));
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        // Cancel: the work stays, the other project is not opened.
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!messageBox(&window, "unsavedChangesBox"));
        QCOMPARE(window.settingsPage()->config()->train.epochs, 5);
        QVERIFY(window.workspace()->projectPath().isEmpty());
        // Discard: the other project is opened, unmodified.
        QVERIFY(window.openProject(path));
        QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
        messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Discard)->click();
        QTRY_COMPARE(window.workspace()->projectPath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(window.settingsPage()->config()->train.epochs, 21);
        QVERIFY(!window.workspace()->isModified());
        // A damaged project is refused with the file named, and nothing changes.
        QFile damaged(m_temp.filePath(QStringLiteral("damaged.cmtlproj")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("CreditMTL-project 1 5\n{}");
        damaged.close();
        QVERIFY(!window.openProject(damaged.fileName()));
        QTRY_VERIFY(messageBox(&window, "errorDialog"));
        QVERIFY(messageBox(&window, "errorDialog")->informativeText().contains(QLatin1String("damaged.cmtlproj")));
        QVERIFY(messageBox(&window, "errorDialog")->informativeText().contains(QLatin1String("truncated")));
        messageBox(&window, "errorDialog")->close();
        QCOMPARE(window.workspace()->projectPath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(window.close());
    }

    void autosaveWritesTheRecoveryFileOnATimer()
    {
        QFile::remove(MainWindow::recoveryFilePath());
        MainWindow window;
        window.show();
        window.setAutosaveInterval(50);
        QTest::qWait(200);
        // Nothing unsaved: nothing written.
        QVERIFY(!QFileInfo::exists(MainWindow::recoveryFilePath()));
        window.settingsPage()->setEpochs(13);
        QTRY_VERIFY(QFileInfo::exists(MainWindow::recoveryFilePath()));
        QCOMPARE(loadProjectFile(MainWindow::recoveryFilePath().toStdString()).configuration.config.train.epochs, 13);
        // Saved work needs no recovery copy.
        QVERIFY(window.saveProject(m_temp.filePath(QStringLiteral("autosaved.cmtlproj"))));
        QVERIFY(!QFileInfo::exists(MainWindow::recoveryFilePath()));
        QVERIFY(window.close());
    }

    void movedDataFileIsAskedFor()
    {
        // A project whose data file was moved: the user is asked; "without data" restores the runs
        // and keeps the data source and roles for the next save.
        const QString projectPath = m_temp.filePath(QStringLiteral("moved.cmtlproj"));
        ProjectContents contents;
        contents.data.path = m_temp.filePath(QStringLiteral("gone.csv")).toStdString();
        contents.data.fingerprint.size = 123;
        contents.configuration.tasks = {{"Class", TaskType::Binary, "bad", 3.0}};
        contents.configuration.config.train.epochs = 11;
        saveProjectFile(projectPath.toStdString(), contents);

        MainWindow window;
        window.show();
        QVERIFY(window.openProject(projectPath));
        QTRY_VERIFY(messageBox(&window, "projectDataBox"));
        QMessageBox *question = messageBox(&window, "projectDataBox");
        QVERIFY(question->text().contains(QLatin1String("gone.csv")));
        QVERIFY(question->findChild<QAbstractButton *>(QStringLiteral("locateDataButton")));
        // The file is missing: continuing with its new content is not offered.
        QVERIFY(!question->findChild<QAbstractButton *>(QStringLiteral("continueWithNewContentButton")));
        question->findChild<QAbstractButton *>(QStringLiteral("openWithoutDataButton"))->click();
        QTRY_COMPARE(window.workspace()->projectPath(), QFileInfo(projectPath).absoluteFilePath());
        QCOMPARE(window.settingsPage()->config()->train.epochs, 11);
        const ProjectContents kept = window.projectContents();
        QCOMPARE(kept.data.path, contents.data.path);
        QCOMPARE(kept.configuration.tasks.size(), std::size_t{1});
        QCOMPARE(kept.configuration.tasks[0].lambda, 3.0);
        QVERIFY(window.close());

        // The file is there but changed: continuing with it is offered.
        QFile data(QString::fromStdString(contents.data.path));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write("Class,x\nbad,1\ngood,2\n");
        data.close();
        MainWindow second;
        second.show();
        QVERIFY(second.openProject(projectPath));
        QTRY_VERIFY(messageBox(&second, "projectDataBox"));
        QVERIFY(messageBox(&second, "projectDataBox")->text().contains(QLatin1String("has changed")));
        QVERIFY(messageBox(&second, "projectDataBox")
                    ->findChild<QAbstractButton *>(QStringLiteral("continueWithNewContentButton")));
        messageBox(&second, "projectDataBox")->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!messageBox(&second, "projectDataBox"));
        // Cancelled: nothing was opened.
        QVERIFY(second.workspace()->projectPath().isEmpty());
        QVERIFY(second.close());
    }

    void aComparisonIsKeptAndClosingDuringOneCancelsIt()
    {
        const QString path = m_temp.filePath(QStringLiteral("comparison-run.cmtlproj"));
        QStringList shown;
        {
            // The sample's first 2,000 loans: the comparison trains every candidate on every fold
            // (with inner cross-validations), and on the whole sample that took two minutes under
            // the sanitizers; what is checked here is keeping and cancelling, not the figures.
            const QString data = m_temp.filePath(QStringLiteral("comparison-loans.csv"));
            QVERIFY(cmtl::testing::writeAll(data, cmtl::testing::sampleHead(2000)));
            MainWindow window;
            window.show();
            QVERIFY(openDataAndWait(&window, data));
            window.rolesPage()->setTasks(sampleTasks());
            window.settingsPage()->setEpochs(2);
            window.settingsPage()->setHiddenLayers(QStringLiteral("16"));
            // Short runs: the logistic baseline trains with at least the teacher's patience, and
            // the default patience (30) would make its inner search too slow under the sanitizers.
            window.findChild<QSpinBox *>(QStringLiteral("patienceSpin"))->setValue(0);
            QVERIFY(window.saveProject(path));
            window.compareMethods();
            ComparisonDialog *dialog = window.comparisonDialog();
            QVERIFY(dialog);
            dialog->findChild<QSpinBox *>(QStringLiteral("foldsSpin"))->setValue(2);
            QSignalSpy finished(dialog, &ComparisonDialog::comparisonFinished);
            dialog->start();
            // Its inner cross-validations make it minutes of work under the sanitizers or a
            // loaded machine: the bound is for a hang, not for speed.
            QVERIFY(finished.wait(600000));
            // A row per candidate, task and fold: 3 tasks, 2 folds.
            QCOMPARE(dialog->results()->rowCount(), static_cast<int>(6 * standardCandidates({}).size()));
            for (int row = 0; row < dialog->results()->rowCount(); ++row)
                shown << dialog->results()->index(row, 3).data().toString();
            // The result is the project's now.
            QCOMPARE(window.workspace()->comparisons().size(), std::size_t{1});
            QVERIFY(window.workspace()->isModified());

            // Closing while another comparison runs: asked, cancelled, closed once it stopped.
            window.settingsPage()->setEpochs(200);
            dialog->start();
            QTRY_VERIFY(dialog->isRunning());
            QVERIFY(!window.close());
            QTRY_VERIFY(messageBox(&window, "busyCloseBox"));
            QVERIFY(messageBox(&window, "busyCloseBox")->text().contains(QLatin1String("comparison")));
            messageBox(&window, "busyCloseBox")
                ->findChild<QAbstractButton *>(QStringLiteral("stopAndQuitButton"))
                ->click();
            QTRY_VERIFY(messageBox(&window, "unsavedChangesBox"));
            messageBox(&window, "unsavedChangesBox")->button(QMessageBox::Save)->click();
            QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 30000);
            QVERIFY(!window.comparisonDialog() || !window.comparisonDialog()->isRunning());
        }
        // Reopened, the comparison is shown again as it was.
        MainWindow window;
        window.show();
        QVERIFY(openProjectAndWait(&window, path));
        QCOMPARE(window.workspace()->comparisons().size(), std::size_t{1});
        window.showLastComparison();
        QStringList reshown;
        for (int row = 0; row < window.comparisonDialog()->results()->rowCount(); ++row)
            reshown << window.comparisonDialog()->results()->index(row, 3).data().toString();
        QCOMPARE(reshown, shown);
        QVERIFY(window.close());
    }

    void comparisonResultsAreKeptAndExported()
    {
        const QString path = m_temp.filePath(QStringLiteral("compared.cmtlproj"));
        ProjectContents contents;
        ProjectComparison comparison;
        comparison.finished = "2026-11-30T10:05:00.000";
        comparison.result.candidates = {"logistic", "single-task net", "shared-bottom"};
        comparison.result.scheme = "2-fold cross-validation";
        comparison.result.metrics.push_back({"Class", "auc", true, {{0.60, 0.62}, {0.64, 0.66}, {0.70, 0.72}}});
        contents.comparisons.push_back(comparison);
        saveProjectFile(path.toStdString(), contents);

        MainWindow window;
        window.show();
        QVERIFY(window.openProject(path));
        QTRY_COMPARE(window.workspace()->comparisons().size(), std::size_t{1});
        window.showLastComparison();
        ComparisonDialog *dialog = window.comparisonDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->results()->rowCount(), 3);
        QCOMPARE(dialog->results()->index(2, 3).data().toString(), QStringLiteral("0.7100 ± 0.0141"));
        auto *copy = dialog->findChild<QAbstractButton *>(QStringLiteral("copyComparisonButton"));
        QVERIFY(copy && copy->isEnabled() && !copy->accessibleName().isEmpty());
        copy->click();
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("shared-bottom\t0.7100 ± 0.0141")), qPrintable(copied));
        auto *save = dialog->findChild<QAbstractButton *>(QStringLiteral("saveComparisonButton"));
        QVERIFY(save && save->isEnabled() && !save->accessibleName().isEmpty());
        // Saved again, the project keeps the comparison.
        const QString again = m_temp.filePath(QStringLiteral("compared-again.cmtlproj"));
        QVERIFY(window.saveProject(again));
        const ProjectContents reread = loadProjectFile(again.toStdString());
        QCOMPARE(reread.comparisons.size(), std::size_t{1});
        QVERIFY(reread.comparisons[0].result.metrics[0].values == comparison.result.metrics[0].values);
        QVERIFY(window.close());
    }

private:
    QTemporaryDir m_temp;
};

QTEST_MAIN(TestProject)
#include "tst_project.moc"
