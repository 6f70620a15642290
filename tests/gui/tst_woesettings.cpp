// The Settings page's weight-of-evidence inputs: which features, against which binary task, each
// change an undo step; kept through a project's save and reopen and through a configuration the
// command line wrote (--woe, --save-config); and a workbench run whose WoE inputs use the Binning
// page's edited bins gives the same model file as `creditmtl-cli train --binning PROJECT`; the
// Binning page's scorecard (points table, scaling, warnings) saves the files `creditmtl-cli
// scorecard --binning PROJECT` writes.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ProgramRun.h"
#include "io/ConfigJson.h"
#include "io/ModelFile.h"
#include "pages/BinningPage.h"
#include "pages/RolesPage.h"
#include "pages/ScorecardDialog.h"
#include "pages/SettingsPage.h"
#include "scorecard/ScorecardFile.h"

#include <QAccessible>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

namespace {

// x: ten rows of each value 1..4 and five missing, with 2, 3, 5, 6 and 1 bad loans (optimal bins
// (-inf, 1], (1, 2], (2, 3], (3, +inf) and missing); y: the row number's last digit; grade: A or B.
QByteArray woeCsv()
{
    QByteArray csv = "x,y,grade,Class\n";
    int row = 0;
    const auto add = [&](const QByteArray &x, int bad, int good) {
        for (int i = 0; i < bad + good; ++i, ++row) {
            csv += x + ',' + QByteArray::number(row % 10);
            csv += row % 3 == 0 ? ",A," : ",B,";
            csv += i < bad ? "bad\n" : "good\n";
        }
    };
    for (int copy = 0; copy < 4; ++copy) {
        add("1", 2, 8);
        add("2", 3, 7);
        add("3", 5, 5);
        add("4", 6, 4);
        add("", 1, 4);
    }
    return csv;
}

const TaskSpec kClass{"Class", TaskType::Binary, "bad"};
const TaskSpec kGrade{"grade", TaskType::Binary, "B"};

using CliRun = cmtl::testing::ProgramRun;
using cmtl::testing::runCli;

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()
                                          : QByteArray();
}

QStringList checkedColumns(QListWidget *list)
{
    QStringList checked;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            checked << list->item(row)->data(Qt::UserRole).toString();
    }
    return checked;
}

void chooseTask(QComboBox *combo, const QString &column)
{
    combo->setCurrentIndex(combo->findData(column));
}

// Screens the features on the Binning page and merges x's first two bins, (-inf, 1] and (1, 2].
// Leaves the window with nothing to save, so that closing it asks nothing.
void forgetWork(MainWindow &window)
{
    window.undoStack()->clear();
    window.workspace()->setModified(false);
}

bool mergeFirstBinsOfX(BinningPage *binning)
{
    if (!binning->screen() || !QTest::qWaitFor([&] { return binning->screening() && !binning->isRunning(); }, 20000) ||
        !binning->selectFeature(QStringLiteral("x")))
        return false;
    binning->selectBins(0, 1);
    return binning->mergeSelectedBins();
}

QListWidgetItem *itemOf(QListWidget *list, const QString &column)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == column)
            return list->item(row);
    }
    return nullptr;
}

} // namespace

class TestWoeSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
        m_csv = writeFile(m_temp, QStringLiteral("woe.csv"), woeCsv());
        QVERIFY(!m_csv.isEmpty());
    }

    void choicesReachTheConfigurationAndUndo()
    {
        MainWindow window;
        QVERIFY(showActive(&window, QSize(1400, 900)));
        QVERIFY(openDataAndWait(&window, m_csv));
        window.rolesPage()->setTasks({kClass, kGrade});
        window.showPage(MainWindow::Settings);
        SettingsPage *settings = window.settingsPage();
        auto *mode = findNamed<QComboBox>(settings, QStringLiteral("woeModeCombo"));
        auto *columns = findNamed<QListWidget>(settings, QStringLiteral("woeColumnsList"));
        auto *task = findNamed<QComboBox>(settings, QStringLiteral("woeTaskCombo"));
        QVERIFY(mode && columns && task);
        // Named for a screen reader, with help, and deaf to the wheel without focus.
        for (QWidget *widget :
             {static_cast<QWidget *>(mode), static_cast<QWidget *>(columns), static_cast<QWidget *>(task)}) {
            QVERIFY2(!widget->whatsThis().isEmpty(), qPrintable(widget->objectName()));
            QVERIFY2(!QAccessible::queryAccessibleInterface(widget)->text(QAccessible::Name).isEmpty(),
                     qPrintable(widget->objectName()));
        }
        const QPoint centre = mode->rect().center();
        QWheelEvent wheel(centre, mode->mapToGlobal(centre), {}, QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(mode, &wheel);
        QCOMPARE(mode->currentIndex(), 0);

        // By default no WoE input; the features and the binary tasks are offered.
        QVERIFY(!settings->config()->woe.used());
        QCOMPARE(columns->count(), 2); // x and y; grade is a task here
        QVERIFY(!columns->isEnabled());
        QCOMPARE(task->count(), 2);
        QVERIFY(settings->woeNote().isEmpty());

        QUndoStack *undo = window.undoStack();
        undo->clear();
        mode->setCurrentIndex(2);
        // Chosen columns, none checked: Train is refused with the reason.
        QVERIFY(columns->isEnabled());
        QVERIFY2(settings->problem().contains(QStringLiteral("check the columns")), qPrintable(settings->problem()));
        itemOf(columns, QStringLiteral("x"))->setCheckState(Qt::Checked);
        std::optional<ExperimentConfig> config = settings->config();
        QVERIFY(config);
        QCOMPARE(config->woe.columns, std::vector<std::string>{"x"});
        QVERIFY(!config->woe.allColumns);
        // Unchosen, the task is the first binary task (as --woe without --woe-task), and shown.
        QCOMPARE(task->currentIndex(), 0);
        QCOMPARE(config->woe.task, task->currentData().toString().toStdString());
        QVERIFY(config->woe.givenBins.empty());
        QCOMPARE(settings->woeNote(),
                 QStringLiteral("Each WoE input uses its optimal binning, counted on the training rows."));
        chooseTask(task, QStringLiteral("Class"));
        QCOMPARE(settings->config()->woe.task, std::string("Class"));
        QCOMPARE(settings->config()->woe.positiveClass, std::string("bad"));
        chooseTask(task, QStringLiteral("grade"));
        QCOMPARE(settings->config()->woe.task, std::string("grade"));
        QCOMPARE(settings->config()->woe.positiveClass, std::string("B"));
        QCOMPARE(undo->count(), 3); // mode, column, task (one field's changes merge into one step)

        undo->undo();
        QCOMPARE(task->currentIndex(), 0);
        QCOMPARE(settings->config()->woe.task, task->itemData(0).toString().toStdString());
        undo->undo();
        QVERIFY(checkedColumns(columns).isEmpty());
        undo->undo();
        QCOMPARE(mode->currentIndex(), 0);
        QVERIFY(!settings->config()->woe.used());
        undo->redo();
        undo->redo();
        QCOMPARE(checkedColumns(columns), QStringList{QStringLiteral("x")});
        QCOMPARE(settings->config()->woe.columns, std::vector<std::string>{"x"});

        // A chosen column the Roles page then ignores is named, not dropped in silence.
        window.rolesPage()->setRole(QStringLiteral("x"), RolesPage::Role::Ignore);
        QVERIFY2(settings->problem().contains(QStringLiteral("x is not a feature")), qPrintable(settings->problem()));
        QVERIFY(itemOf(columns, QStringLiteral("x"))->text().contains(QStringLiteral("not a feature")));
        window.rolesPage()->setRole(QStringLiteral("x"), RolesPage::Role::Feature);
        QVERIFY(settings->problem().isEmpty());
        // Every feature; then a task the Roles page no longer has is refused by name.
        mode->setCurrentIndex(1);
        QVERIFY(settings->config()->woe.allColumns);
        window.rolesPage()->setTasks({kGrade});
        QCOMPARE(settings->config()->woe.task, std::string("grade"));
        window.rolesPage()->setTasks({TaskSpec{"Class", TaskType::Multiclass, {}}});
        QVERIFY2(settings->problem().contains(QStringLiteral("define one on the Roles page")),
                 qPrintable(settings->problem()));
        forgetWork(window);
    }

    // A project with WoE settings gives them back; so does one whose configuration the command
    // line wrote with --woe (which the workbench used to drop).
    void projectRoundTripKeepsTheWoeSettings()
    {
        const QString project = m_temp.filePath(QStringLiteral("woe.cmtlproj"));
        {
            MainWindow window;
            window.show();
            QVERIFY(openDataAndWait(&window, m_csv));
            window.rolesPage()->setTasks({kClass, kGrade});
            SettingsPage *settings = window.settingsPage();
            findNamed<QComboBox>(settings, QStringLiteral("woeModeCombo"))->setCurrentIndex(2);
            auto *columns = findNamed<QListWidget>(settings, QStringLiteral("woeColumnsList"));
            itemOf(columns, QStringLiteral("y"))->setCheckState(Qt::Checked);
            itemOf(columns, QStringLiteral("x"))->setCheckState(Qt::Checked);
            chooseTask(findNamed<QComboBox>(settings, QStringLiteral("woeTaskCombo")), QStringLiteral("grade"));
            QVERIFY(window.saveProject(project));
        }
        const WoeOptions saved = loadProjectFile(project.toStdString()).configuration.config.woe;
        QCOMPARE(saved.columns, (std::vector<std::string>{"y", "x"}));
        QCOMPARE(saved.task, std::string("grade"));
        QCOMPARE(saved.positiveClass, std::string("B"));
        {
            MainWindow window;
            window.show();
            QVERIFY(openProjectAndWait(&window, project));
            SettingsPage *settings = window.settingsPage();
            QCOMPARE(findNamed<QComboBox>(settings, QStringLiteral("woeModeCombo"))->currentIndex(), 2);
            QCOMPARE(checkedColumns(findNamed<QListWidget>(settings, QStringLiteral("woeColumnsList"))),
                     (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
            const WoeOptions restored = settings->config()->woe;
            QCOMPARE(restored.task, std::string("grade"));
            QCOMPARE(restored.columns, saved.columns);
            QVERIFY(!window.workspace()->isModified());
        }

        // The command line's configuration, --woe all against Class, in a project made from it.
        const QString configPath = m_temp.filePath(QStringLiteral("cli.json"));
        const CliRun trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), m_csv, QStringLiteral("--task"),
                    QStringLiteral("Class:binary:bad"), QStringLiteral("--task"), QStringLiteral("grade:binary:B"),
                    QStringLiteral("--woe"), QStringLiteral("all"), QStringLiteral("--woe-task"),
                    QStringLiteral("Class"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--out"),
                    m_temp.filePath(QStringLiteral("cli.cmtl")), QStringLiteral("--save-config"), configPath});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        ProjectContents fromCli;
        fromCli.data.path = m_csv.toStdString();
        fromCli.data.fingerprint = fingerprintFile(fromCli.data.path);
        fromCli.configuration = loadRunConfiguration(configPath.toStdString());
        QVERIFY(fromCli.configuration.config.woe.allColumns);
        const QString cliProject = m_temp.filePath(QStringLiteral("cli.cmtlproj"));
        saveProjectFile(cliProject.toStdString(), fromCli);
        MainWindow window;
        window.show();
        QVERIFY(openProjectAndWait(&window, cliProject));
        SettingsPage *settings = window.settingsPage();
        QCOMPARE(findNamed<QComboBox>(settings, QStringLiteral("woeModeCombo"))->currentIndex(), 1);
        QCOMPARE(findNamed<QComboBox>(settings, QStringLiteral("woeTaskCombo"))->currentData().toString(),
                 QStringLiteral("Class"));
        const QString resaved = m_temp.filePath(QStringLiteral("cli_resaved.cmtlproj"));
        QVERIFY(window.saveProject(resaved));
        const WoeOptions kept = loadProjectFile(resaved.toStdString()).configuration.config.woe;
        QVERIFY(kept.allColumns);
        QCOMPARE(kept.task, std::string("Class"));
        QCOMPARE(kept.positiveClass, std::string("bad"));
    }

    // The Binning page's merge of x's first two bins is what the run's WoE input uses, exactly as
    // `creditmtl-cli train --config (the project's settings) --binning PROJECT` uses it.
    void editedBinsAreUsedAsTheCommandLinesBinning()
    {
        const QString project = m_temp.filePath(QStringLiteral("edited.cmtlproj"));
        const QString workbenchModel = m_temp.filePath(QStringLiteral("workbench.cmtl"));
        MainWindow window;
        window.show();
        QVERIFY(openDataAndWait(&window, m_csv));
        window.rolesPage()->setTasks({kClass});
        SettingsPage *settings = window.settingsPage();
        settings->setEpochs(3);
        settings->setHiddenLayers(QStringLiteral("8"));
        findNamed<QComboBox>(settings, QStringLiteral("woeModeCombo"))->setCurrentIndex(2);
        itemOf(findNamed<QListWidget>(settings, QStringLiteral("woeColumnsList")), QStringLiteral("x"))
            ->setCheckState(Qt::Checked);

        BinningPage *binning = window.binningPage();
        QVERIFY(mergeFirstBinsOfX(binning));
        // The Settings page says the edited bins are used, and the run gets them.
        QCOMPARE(settings->woeNote(), QStringLiteral("Bins grouped by hand on the Binning page are used for x "
                                                     "(recounted on the training rows); the other WoE inputs use "
                                                     "their optimal binning."));
        QCOMPARE(settings->config()->woe.givenBins.size(), std::size_t(1));
        const RunPtr run = trainAndWait(&window);
        QVERIFY(run);
        QCOMPARE(run->config.woe.givenBins.size(), std::size_t(1));
        const auto &woe = run->result.model.preprocessor().woe;
        QCOMPARE(woe.size(), std::size_t(1));
        QCOMPARE(woe[0].bins.size(), std::size_t(4)); // (-inf, 2], (2, 3], (3, +inf), missing
        QCOMPARE(woe[0].bins[0].upper, 2.0);
        QVERIFY(window.saveModelFile(workbenchModel, run));
        QVERIFY(window.saveProject(project));

        // The same settings, from the project, on the command line with its bins.
        const QString configPath = m_temp.filePath(QStringLiteral("edited.json"));
        saveRunConfiguration(configPath.toStdString(), loadProjectFile(project.toStdString()).configuration);
        const QString cliModel = m_temp.filePath(QStringLiteral("cli_edited.cmtl"));
        const CliRun cli =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), m_csv, QStringLiteral("--config"), configPath,
                    QStringLiteral("--binning"), project, QStringLiteral("--out"), cliModel});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QCOMPARE(sha256Of(workbenchModel), sha256Of(cliModel));
        QVERIFY(!sha256Of(cliModel).isEmpty());

        // Bins of another task are not used, and the page says so.
        window.rolesPage()->setTasks({kClass, kGrade});
        chooseTask(findNamed<QComboBox>(settings, QStringLiteral("woeTaskCombo")), QStringLiteral("grade"));
        QVERIFY(settings->config()->woe.givenBins.empty());
        QCOMPARE(settings->woeNote(), QStringLiteral("The bins grouped by hand on the Binning page belong to Class = "
                                                     "bad, not to grade = B: they are not used, and each WoE input "
                                                     "uses its optimal binning."));
        forgetWork(window);
    }

    void scorecardEqualsTheCommandLines()
    {
        const QString project = m_temp.filePath(QStringLiteral("card.cmtlproj"));
        MainWindow window;
        window.show();
        QVERIFY(openDataAndWait(&window, m_csv));
        window.rolesPage()->setTasks({kClass});
        BinningPage *binning = window.binningPage();
        QVERIFY(mergeFirstBinsOfX(binning));
        QVERIFY(window.saveProject(project));

        auto *button = findNamed<QPushButton>(binning, QStringLiteral("buildScorecardButton"));
        QVERIFY(button && button->isEnabled() && !button->whatsThis().isEmpty());
        ScorecardDialog *dialog = binning->openScorecard();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([&] { return dialog->card() && !dialog->isRunning(); }, 20000));
        const Scorecard &card = *dialog->card();
        // The default scaling, 600 points at 50:1 and 20 points to double the odds.
        QCOMPARE(card.scaling.basePoints, 600.0);
        QCOMPARE(card.scaling.baseOdds, 50.0);
        QCOMPARE(card.scaling.pdo, 20.0);
        // The points table: the intercept, then every bin, with the card's numbers.
        const QStandardItemModel *points = dialog->pointsModel();
        int rows = 1;
        for (const ScorecardFeature &feature : card.features)
            rows += static_cast<int>(feature.binning.bins.size());
        QCOMPARE(points->rowCount(), rows);
        QCOMPARE(points->item(0, 4)->data(Qt::UserRole).toDouble(), card.interceptPoints());
        const ScorecardFeature *x = nullptr;
        int firstRowOfX = 1;
        for (const ScorecardFeature &feature : card.features) {
            if (feature.binning.feature == "x") {
                x = &feature;
                break;
            }
            firstRowOfX += static_cast<int>(feature.binning.bins.size());
        }
        QVERIFY(x);
        // The merged bins: (-inf, 2] first.
        QCOMPARE(x->binning.bins[0].upper, 2.0);
        QCOMPARE(points->item(firstRowOfX, 0)->text(), QStringLiteral("x"));
        QCOMPARE(points->item(firstRowOfX, 2)->data(Qt::UserRole).toDouble(), x->binning.bins[0].woe);
        QCOMPARE(points->item(firstRowOfX, 3)->data(Qt::UserRole).toDouble(), x->coefficient);
        QCOMPARE(points->item(firstRowOfX, 4)->data(Qt::UserRole).toDouble(), x->points[0]);
        // The engine's warnings are shown (here: features left out for their IV, named).
        auto *warnings = findNamed<QLabel>(dialog, QStringLiteral("scorecardWarnings"));
        QCOMPARE(findNamed<QWidget>(dialog, QStringLiteral("scorecardWarningsArea"))->isVisibleTo(dialog),
                 !card.warnings.empty());
        for (const std::string &warning : card.warnings)
            QVERIFY(warnings->text().contains(QString::fromStdString(warning)));

        // Saved, the files are the command line's.
        const auto compareWithCli = [&](const QStringList &scaling) {
            const QString csv = m_temp.filePath(QStringLiteral("dialog.csv"));
            const QString json = m_temp.filePath(QStringLiteral("dialog.json"));
            QVERIFY(dialog->saveCsv(csv));
            QVERIFY(dialog->saveJson(json));
            const QString cliCsv = m_temp.filePath(QStringLiteral("cli_card.csv"));
            const QString cliJson = m_temp.filePath(QStringLiteral("cli_card.json"));
            const CliRun cli = runCli(QStringList{QStringLiteral("scorecard"), QStringLiteral("--data"), m_csv,
                                                  QStringLiteral("--task"), QStringLiteral("Class:binary:bad"),
                                                  QStringLiteral("--binning"), project, QStringLiteral("--out"), cliCsv,
                                                  QStringLiteral("--json"), cliJson} +
                                      scaling);
            QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
            QCOMPARE(sha256Of(csv), sha256Of(cliCsv));
            QCOMPARE(sha256Of(json), sha256Of(cliJson));
            QVERIFY(!sha256Of(cliCsv).isEmpty());
        };
        compareWithCli({});
        findNamed<QDoubleSpinBox>(dialog, QStringLiteral("scorecardBasePointsSpin"))->setValue(500);
        findNamed<QDoubleSpinBox>(dialog, QStringLiteral("scorecardBaseOddsSpin"))->setValue(20);
        findNamed<QDoubleSpinBox>(dialog, QStringLiteral("scorecardPdoSpin"))->setValue(40);
        QVERIFY(dialog->build());
        QVERIFY(QTest::qWaitFor([&] { return dialog->card()->scaling.pdo == 40.0 && !dialog->isRunning(); }, 20000));
        compareWithCli({QStringLiteral("--base-points"), QStringLiteral("500"), QStringLiteral("--base-odds"),
                        QStringLiteral("20"), QStringLiteral("--pdo"), QStringLiteral("40")});

        // The data file is never overwritten.
        const QByteArray before = sha256Of(m_csv);
        QVERIFY(!dialog->saveCsv(m_csv));
        QVERIFY2(dialog->message().contains(QStringLiteral("is the data file")), qPrintable(dialog->message()));
        QCOMPARE(sha256Of(m_csv), before);
        forgetWork(window);
    }

private:
    QTemporaryDir m_temp;
    QString m_csv;
};

QTEST_MAIN(TestWoeSettings)
#include "tst_woesettings.moc"
