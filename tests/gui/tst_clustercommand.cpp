// Run ▸ Command Line for a Cluster: for the workbench's configuration (a lambda, an architecture, a
// weighting, an ignored column, epochs) the dialog saves the configuration the workbench trains
// with and shows commands that, run as shown (paths with a space and a quote), train a model with
// that configuration; it refuses a configuration file over the data file, puts a separate test
// file into both commands, and no longer refuses weight-of-evidence inputs (their bins are fitted
// over all ranks' rows): the 2-rank command trains a model with WoE inputs. With bins grouped by
// hand on the Binning page that the WoE inputs use, the bins are saved beside the configuration
// and both commands read them (--binning): the one-process command writes the workbench's model
// byte for byte; without WoE inputs, or with bins of another class, the commands carry none and the
// dialog says they are not used. Bins of columns that are no WoE inputs (a task, an ignored column,
// a feature left out of them) are neither trained with, nor listed, nor saved: the dialog says so.

#include "../catalogue/Catalogue.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "io/BinningJson.h"
#include "io/ModelFile.h"
#include "pages/BinningPage.h"
#include "pages/ClusterCommandDialog.h"
#include "pages/RolesPage.h"
#include "pages/SettingsPage.h"
#include "project/ProjectFile.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <unistd.h>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

namespace {

// The words a POSIX shell makes of `line`: blanks separate words; '…' quotes everything up to the
// next '; "…" quotes with \ escaping " \ $ `; outside quotes \ escapes the next character.
QStringList shellWords(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\'')) {
            const qsizetype end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return {}; // unterminated: no command
            word += line.mid(i + 1, end - i - 1);
            i = end;
        } else if (c == QLatin1Char('"')) {
            for (++i; i < line.size() && line[i] != QLatin1Char('"'); ++i) {
                if (line[i] == QLatin1Char('\\') && i + 1 < line.size() &&
                    QStringLiteral("\"\\$`").contains(line[i + 1]))
                    ++i;
                word += line[i];
            }
            if (i >= line.size())
                return {};
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            word += line[++i];
        } else {
            word += c;
        }
    }
    if (inWord)
        words << word;
    return words;
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The WoE bins `path`'s model gives `feature`, as the model file writes them (empty when none).
QJsonObject woeBinsOf(const QString &path, const std::string &feature)
{
    const ModelFileContents model = loadModelFile(path.toStdString());
    for (const FeatureBinning &binning : model.model.preprocessor().woe) {
        if (binning.feature == feature)
            return binningToJson(binning);
    }
    return {};
}

// The lambda of the task on `column` (-1 when there is none).
double lambdaOf(const std::vector<TaskSpec> &tasks, const std::string &column)
{
    const auto task = std::find_if(tasks.begin(), tasks.end(), [&](const TaskSpec &t) { return t.column == column; });
    return task != tasks.end() ? task->lambda : -1;
}

} // namespace

class TestClusterCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;
    QString m_data;

    ClusterCommandDialog *openDialog()
    {
        return dialogOpenedBy<ClusterCommandDialog>(m_window, QStringLiteral("clusterCommandAction"));
    }

    // The workbench's configuration as a project saves it (what Train uses).
    RunConfiguration workbenchConfiguration() const { return m_window->projectContents().configuration; }
    // The model `path` holds has the workbench's configuration.
    static void checkModel(const QString &path)
    {
        const ModelFileContents trained = loadModelFile(path.toStdString());
        const ExperimentConfig &recorded = trained.model.config();
        QCOMPARE(recorded.train.architecture, Architecture::MMoE);
        QCOMPARE(recorded.train.weighting.method, WeightingMethod::Uncertainty);
        QVERIFY(recorded.train.hiddenLayers == std::vector<int>{8});
        QCOMPARE(recorded.train.epochs, 2);
        QCOMPARE(trained.model.tasks().size(), std::size_t{2});
        std::vector<TaskSpec> trainedTasks;
        for (const TargetEncoding &task : trained.model.tasks())
            trainedTasks.push_back(task.spec);
        QCOMPARE(lambdaOf(trainedTasks, "Class"), 2.5);
        QCOMPARE(lambdaOf(trainedTasks, "int_rate"), 1.0);
        const std::vector<std::string> features = trained.model.preprocessor().featureColumns();
        QVERIFY(std::find(features.begin(), features.end(), "addr_state") == features.end());
        QVERIFY(std::find(features.begin(), features.end(), "grade") != features.end());
    }

    // Runs the shown mpirun command `cluster` (its words; 2 ranks) on this machine only
    // (tests/mpi/run_mpi_test.sh's options), in an MPI build with mpirun installed, and checks the
    // model it writes.
    static void runClusterCommand(const QStringList &cluster, const QString &model)
    {
#ifdef CMTL_HAVE_MPI
        const QString mpirun = QStandardPaths::findExecutable(QStringLiteral("mpirun"));
        if (mpirun.isEmpty()) {
            qInfo("mpirun not found: the data-parallel command is not run");
            return;
        }
        QStringList options{QStringLiteral("--oversubscribe"),
                            QStringLiteral("--mca"),
                            QStringLiteral("btl"),
                            QStringLiteral("self,vader"),
                            QStringLiteral("--mca"),
                            QStringLiteral("oob_tcp_if_include"),
                            QStringLiteral("lo")};
        if (geteuid() == 0)
            options.prepend(QStringLiteral("--allow-run-as-root"));
        cmtl::testing::ProgramOptions limits;
        limits.timeoutMs = 300000;
        const cmtl::testing::ProgramRun job = cmtl::testing::runProgram(
            mpirun, options + cluster.mid(1, 2) + QStringList{QStringLiteral(CMTL_CLI_PATH)} + cluster.mid(4), limits);
        QVERIFY2(job.succeeded(), qPrintable(job.shown()));
        checkModel(model);
#else
        Q_UNUSED(cluster);
        Q_UNUSED(model);
#endif
    }

    // Runs the shown mpirun command `cluster` as runClusterCommand does, in place of its `model`:
    // grade's WoE bins and counts are those of `workbenchModel`.
    static void runClusterCommandOverGrade(const QStringList &cluster, const QString &model,
                                           const QString &workbenchModel)
    {
        QVERIFY(QFile::remove(model));
        runClusterCommand(cluster, model);
#ifdef CMTL_HAVE_MPI
        if (!QTest::currentTestFailed() && !QStandardPaths::findExecutable(QStringLiteral("mpirun")).isEmpty())
            QCOMPARE(woeBinsOf(model, "grade"), woeBinsOf(workbenchModel, "grade"));
#else
        Q_UNUSED(workbenchModel);
#endif
    }

    // The source of the test metrics of the model a cluster command wrote (when mpirun ran it).
    static void checkTestSource(const QString &model, const QString &source)
    {
#ifdef CMTL_HAVE_MPI
        if (QStandardPaths::findExecutable(QStringLiteral("mpirun")).isEmpty())
            return;
        const ModelFileContents trained = loadModelFile(model.toStdString());
        const auto testReport = std::find_if(trained.reports.begin(), trained.reports.end(),
                                             [](const EvaluationReport &report) { return report.part == "test"; });
        QVERIFY(testReport != trained.reports.end());
        QCOMPARE(QString::fromStdString(testReport->source), source);
#else
        Q_UNUSED(model);
        Q_UNUSED(source);
#endif
    }

    // Opens the dialog with `test` as the separate test source (the ranks read it in parts, as they
    // read the data) and sets 2 ranks.
    ClusterCommandDialog *openWithTest(const QString &test)
    {
        m_window->settingsPage()->setTestFile(test);
        ClusterCommandDialog *dialog = openDialog();
        if (!dialog)
            return nullptr;
        auto *ranks = findByAccessibleName<QSpinBox>(dialog, QStringLiteral("Ranks (processes) of mpirun"));
        if (!ranks) {
            QTest::qFail("no Ranks spin box", __FILE__, __LINE__);
            return nullptr;
        }
        ranks->setValue(2);
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_dir.isValid());
        // A folder and a file name a shell would split or end a quote at.
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("loan books")));
        m_data = m_dir.filePath(QStringLiteral("loan books/o'brien loans.csv"));
        QVERIFY(QFile::copy(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"), m_data));
        m_window = new MainWindow;
        QVERIFY(openDataAndWait(m_window, m_data));
        m_window->rolesPage()->setTasks(
            {{"Class", TaskType::Binary, "bad", 1.0}, {"int_rate", TaskType::Regression, "", 1.0}});
        m_window->rolesPage()->setRole(QStringLiteral("addr_state"), RolesPage::Role::Ignore);
        SettingsPage *settings = m_window->settingsPage();
        // The Settings page shows the tasks' lambdas once the roles are applied.
        QTRY_COMPARE(settings->share(QStringLiteral("Class")), 0.5);
        settings->setLambda(QStringLiteral("Class"), 2.5);
        QCOMPARE(settings->lambda(QStringLiteral("Class")), 2.5);
        QCOMPARE(lambdaOf(workbenchConfiguration().tasks, "Class"), 2.5);
        std::optional<ExperimentConfig> config = settings->config();
        QVERIFY(config);
        config->train.architecture = Architecture::MMoE;
        config->train.weighting.method = WeightingMethod::Uncertainty;
        config->train.hiddenLayers = {8};
        config->train.epochs = 2;
        settings->setConfig(*config);
        QVERIFY(m_window->canTrain());
    }

    void cleanupTestCase()
    {
        delete m_window;
    }

    void commandTrainsTheWorkbenchConfiguration()
    {
        ClusterCommandDialog *dialog = openDialog();
        QVERIFY(dialog);
        const RunConfiguration expected = workbenchConfiguration();
        QCOMPARE(expected.config.train.architecture, Architecture::MMoE);
        QCOMPARE(expected.config.train.epochs, 2);
        QVERIFY(std::find(expected.ignored.begin(), expected.ignored.end(), "addr_state") != expected.ignored.end());

        // Defaults: 4 ranks, the configuration next to the data file; nothing written yet.
        auto *ranks = findByAccessibleName<QSpinBox>(dialog, QStringLiteral("Ranks (processes) of mpirun"));
        QVERIFY(ranks);
        QCOMPARE(ranks->value(), 4);
        QCOMPARE(dialog->configPath(), m_data + QStringLiteral(".run.json"));
        QVERIFY(!QFile::exists(dialog->configPath()));
        for (const char *name :
             {"Configuration file", "Model file the command writes", "Data-parallel command", "One-process command",
              "Copy: Data-parallel command", "Copy: One-process command", "Save configuration"})
            QVERIFY2(findByAccessibleName<QWidget>(dialog, QLatin1String(name)), name);

        // Never over the data file: refused, nothing written.
        const QByteArray dataBytes = bytesOf(m_data);
        QVERIFY(!dialog->saveConfigurationTo(m_data).isEmpty());
        QVERIFY(dialog->message().contains(m_data));
        QCOMPARE(bytesOf(m_data), dataBytes);
        // No bins grouped by hand: none saved, none read.
        QVERIFY(dialog->binsPath().isEmpty());
        QVERIFY(!findByAccessibleName<QLineEdit>(dialog, QStringLiteral("File of the bins grouped by hand")));

        const QString configPath = m_dir.filePath(QStringLiteral("loan books/run config.json"));
        QCOMPARE(dialog->saveConfigurationTo(configPath), QString());
        QCOMPARE(bytesOf(configPath), serializeRunConfiguration(expected));

        ranks->setValue(2);
        const QStringList cluster = shellWords(dialog->clusterCommand());
        const QStringList single = shellWords(dialog->singleProcessCommand());
        const QString model = m_dir.filePath(QStringLiteral("loan books/o'brien loans.cmtl"));
        const auto word = [](const char *text) { return QString::fromLatin1(text); };
        QCOMPARE(cluster, (QStringList{word("mpirun"), word("-np"), word("2"), word("creditmtl-cli"), word("train"),
                                       word("--data"), m_data, word("--config"), configPath, word("--out"), model}));
        QCOMPARE(single, cluster.mid(3));

        // Copy puts the command on the clipboard as shown.
        auto *copy = findByAccessibleName<QPushButton>(dialog, QStringLiteral("Copy: One-process command"));
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->singleProcessCommand());

        // Run the one-process command as shown (the program is this build's creditmtl-cli).
        const catalogue::CliRun run = catalogue::runCli(single.mid(1), 300000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        checkModel(model);
        if (QTest::currentTestFailed())
            return;

        // And the mpirun command with 2 ranks.
        QVERIFY(QFile::remove(model));
        runClusterCommand(cluster, model);
        dialog->close();
    }

    void aSeparateTestFileGoesIntoTheCommands()
    {
        const QString test = m_dir.filePath(QStringLiteral("later loans.csv"));
        QVERIFY(QFile::copy(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"), test));
        ClusterCommandDialog *dialog = openWithTest(test);
        QVERIFY(dialog);
        const QStringList cluster = shellWords(dialog->clusterCommand());
        const QStringList single = shellWords(dialog->singleProcessCommand());
        QCOMPARE(cluster.mid(5, 4), (QStringList{QStringLiteral("--data"), m_data, QStringLiteral("--test"), test}));
        QCOMPARE(single, cluster.mid(3));
        // Run with 2 ranks (after saving the configuration the command reads), its test metrics
        // are those of the test file.
        QCOMPARE(dialog->saveConfigurationTo(cluster.at(10)), QString());
        QFile::remove(cluster.at(12));
        runClusterCommand(cluster, cluster.at(12));
        checkTestSource(cluster.at(12), test);
        // Nor over the test file.
        QVERIFY(!dialog->saveConfigurationTo(test).isEmpty());
        dialog->close();
        m_window->settingsPage()->setTestFile({});
    }

    // A database as the test data (a URL#table= locator, as a project keeps it): each rank reads its
    // range of the table's rows; the commands name it, and the 2-rank run tests on it.
    void aDatabaseTestSourceGoesIntoTheCommands()
    {
        const QString database = m_dir.filePath(QStringLiteral("later.db"));
        const cmtl::testing::ProgramRun made = cmtl::testing::runProgram(
            QStringLiteral("sqlite3"),
            {database, QStringLiteral(".import --csv " CMTL_SOURCE_DIR "/samples/lending_club.csv later")});
        QVERIFY2(made.succeeded(), qPrintable(made.shown()));
        const QString test = QStringLiteral("sqlite:") + database + QStringLiteral("#table=later");
        ClusterCommandDialog *dialog = openWithTest(test);
        QVERIFY(dialog);
        const QStringList cluster = shellWords(dialog->clusterCommand());
        QCOMPARE(cluster.mid(5, 4), (QStringList{QStringLiteral("--data"), m_data, QStringLiteral("--test"), test}));
        QCOMPARE(dialog->saveConfigurationTo(cluster.at(10)), QString());
        QFile::remove(cluster.at(12));
        runClusterCommand(cluster, cluster.at(12));
        if (QTest::currentTestFailed())
            return;
        checkTestSource(cluster.at(12), QStringLiteral("sqlite:") + database + QStringLiteral(", table later"));
        dialog->close();
        m_window->settingsPage()->setTestFile({});
    }

    // Weight-of-evidence inputs are binned over all ranks' rows: the cluster command shown and run.
    void sharesWeightOfEvidenceInputs()
    {
        SettingsPage *settings = m_window->settingsPage();
        std::optional<ExperimentConfig> config = settings->config();
        QVERIFY(config);
        const ExperimentConfig before = *config;
        config->woe.allColumns = true;
        settings->setConfig(*config);
        ClusterCommandDialog *dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->singleProcessCommand().startsWith(QStringLiteral("creditmtl-cli train --data ")));
        // Run with 2 ranks as shown: the model's inputs are WoE inputs.
        auto *ranks = findByAccessibleName<QSpinBox>(dialog, QStringLiteral("Ranks (processes) of mpirun"));
        QVERIFY(ranks);
        ranks->setValue(2);
        const QStringList cluster = shellWords(dialog->clusterCommand());
        QCOMPARE(cluster.mid(0, 3),
                 (QStringList{QStringLiteral("mpirun"), QStringLiteral("-np"), QStringLiteral("2")}));
        QCOMPARE(dialog->saveConfigurationTo(m_dir.filePath(QStringLiteral("woe config.json"))), QString());
        const QStringList saved = shellWords(dialog->clusterCommand());
        QFile::remove(saved.at(10));
        runClusterCommand(saved, saved.at(10));
#ifdef CMTL_HAVE_MPI
        if (!QStandardPaths::findExecutable(QStringLiteral("mpirun")).isEmpty())
            QVERIFY(!loadModelFile(saved.at(10).toStdString()).model.preprocessor().woe.empty());
#endif
        dialog->close();
        settings->setConfig(before);
    }

    void carriesTheBinsGroupedByHand()
    {
        // grade's first two bins merged on the Binning page, against Class = bad.
        BinningPage *binning = m_window->binningPage();
        QVERIFY(binning->screen());
        QVERIFY(QTest::qWaitFor([&] { return binning->screening() && !binning->isRunning(); }, 60000));
        QVERIFY(binning->selectFeature(QStringLiteral("grade")));
        const std::size_t optimalBins = binning->shownBinning()->bins.size();
        QVERIFY(optimalBins >= 3);
        binning->selectBins(0, 1);
        QVERIFY2(binning->mergeSelectedBins(), qPrintable(binning->message()));
        const ProjectBinning edited = binning->projectBinning();
        QCOMPARE(edited.edited.size(), std::size_t(1));
        QCOMPARE(edited.edited[0].bins.size(), optimalBins - 1);

        // Without WoE inputs the workbench does not use them, nor do the commands.
        SettingsPage *settings = m_window->settingsPage();
        QVERIFY(settings->config()->woe.givenBins.empty());
        ClusterCommandDialog *dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->binsPath().isEmpty());
        QVERIFY(!dialog->singleProcessCommand().contains(QLatin1String("--binning")));
        QCOMPARE(dialog->message(),
                 QStringLiteral("The commands read the configuration file: save it before running them."));
        // And the dialog says so.
        QCOMPARE(dialog->unusedBins(), QStringLiteral("The bins grouped by hand for columns that are not WoE inputs "
                                                      "of this run are not used: grade."));
        QVERIFY(findByAccessibleName<QLabel>(dialog, QStringLiteral("Bins grouped by hand that are not used"))
                    ->isVisibleTo(dialog));
        dialog->close();

        // Every feature a WoE input: the workbench trains with the edited bins of grade.
        std::optional<ExperimentConfig> config = settings->config();
        QVERIFY(config);
        const ExperimentConfig before = *config;
        config->woe.allColumns = true;
        settings->setConfig(*config);
        QCOMPARE(settings->config()->woe.givenBins.size(), std::size_t(1));
        // The workbench's project, named where the bins of a configuration "mine.json" would go.
        const QString project = m_dir.filePath(QStringLiteral("loan books/mine.bins.cmtlproj"));
        {
            QFile file(project);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("the user's project");
        }
        m_window->workspace()->setProjectPath(project);
        dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->binsPath(), m_data + QStringLiteral(".run.bins.cmtlproj"));
        auto *binsPath = findByAccessibleName<QLineEdit>(dialog, QStringLiteral("File of the bins grouped by hand"));
        QVERIFY(binsPath);
        QCOMPARE(binsPath->text(), dialog->binsPath());
        QVERIFY2(dialog->message().contains(QLatin1String("for the WoE inputs grade,")), qPrintable(dialog->message()));
        QCOMPARE(dialog->unusedBins(), QString());
        QVERIFY(!findByAccessibleName<QLabel>(dialog, QStringLiteral("Bins grouped by hand that are not used"))
                     ->isVisibleTo(dialog));

        // Never over an input or the model file: a model file where the bins would go is refused,
        // nothing written.
        auto *modelPath = findByAccessibleName<QLineEdit>(dialog, QStringLiteral("Model file the command writes"));
        QVERIFY(modelPath);
        const QString model = modelPath->text();
        modelPath->setText(m_dir.filePath(QStringLiteral("loan books/clash.bins.cmtlproj")));
        QVERIFY(!dialog->saveConfigurationTo(m_dir.filePath(QStringLiteral("loan books/clash.json"))).isEmpty());
        QVERIFY2(dialog->message().contains(QLatin1String("clash.bins.cmtlproj")), qPrintable(dialog->message()));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("loan books/clash.json"))));
        QVERIFY(!QFile::exists(modelPath->text()));
        modelPath->setText(model);
        // Nor over the project.
        QVERIFY(!dialog->saveConfigurationTo(m_dir.filePath(QStringLiteral("loan books/mine.json"))).isEmpty());
        QVERIFY2(dialog->message().contains(project), qPrintable(dialog->message()));
        QCOMPARE(bytesOf(project), QByteArray("the user's project"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("loan books/mine.json"))));
        m_window->workspace()->setProjectPath({});

        // Saved beside the configuration: exactly the workbench's bins, for its WoE task.
        const QString configPath = m_dir.filePath(QStringLiteral("loan books/binned run.json"));
        const QString binsFile = m_dir.filePath(QStringLiteral("loan books/binned run.bins.cmtlproj"));
        QCOMPARE(dialog->saveConfigurationTo(configPath), QString());
        QCOMPARE(dialog->binsPath(), binsFile);
        QVERIFY(dialog->message().contains(binsFile));
        const ProjectBinning saved = loadProjectFile(binsFile.toStdString()).binning;
        QCOMPARE(saved.taskColumn, std::string("Class"));
        QCOMPARE(saved.positiveClass, std::string("bad"));
        QCOMPARE(saved.edited.size(), std::size_t(1));
        QCOMPARE(binningToJson(saved.edited[0]), binningToJson(edited.edited[0]));

        auto *ranks = findByAccessibleName<QSpinBox>(dialog, QStringLiteral("Ranks (processes) of mpirun"));
        QVERIFY(ranks);
        ranks->setValue(2);
        const QStringList cluster = shellWords(dialog->clusterCommand());
        const QStringList single = shellWords(dialog->singleProcessCommand());
        const auto word = [](const char *text) { return QString::fromLatin1(text); };
        QCOMPARE(cluster, (QStringList{word("mpirun"), word("-np"), word("2"), word("creditmtl-cli"), word("train"),
                                       word("--data"), m_data, word("--config"), configPath, word("--binning"),
                                       binsFile, word("--out"), model}));
        QCOMPARE(single, cluster.mid(3));
        dialog->close();

        // The workbench's model, and the one the shown one-process command writes: the same bytes.
        const RunPtr run = trainAndWait(m_window);
        QVERIFY(run);
        QCOMPARE(run->config.woe.givenBins.size(), std::size_t(1));
        const QString workbenchModel = m_dir.filePath(QStringLiteral("workbench.cmtl"));
        QVERIFY(m_window->saveModelFile(workbenchModel, run));
        QFile::remove(model);
        const catalogue::CliRun trained = catalogue::runCli(single.mid(1), 300000);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QJsonObject grade = woeBinsOf(model, "grade");
        QCOMPARE(grade.value(QStringLiteral("bins")).toArray().size(), qsizetype(optimalBins - 1));
        QCOMPARE(grade, woeBinsOf(workbenchModel, "grade"));
        QCOMPARE(bytesOf(model), bytesOf(workbenchModel));
        QVERIFY(!bytesOf(model).isEmpty());
        // Without --binning the command trains another model: grade with its optimal bins.
        QStringList unbinned = single.mid(1);
        unbinned.remove(unbinned.indexOf(QStringLiteral("--binning")), 2);
        const QString unbinnedModel = m_dir.filePath(QStringLiteral("unbinned.cmtl"));
        unbinned.last() = unbinnedModel;
        const catalogue::CliRun plain = catalogue::runCli(unbinned, 300000);
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QCOMPARE(woeBinsOf(unbinnedModel, "grade").value(QStringLiteral("bins")).toArray().size(),
                 qsizetype(optimalBins));
        QVERIFY(bytesOf(unbinnedModel) != bytesOf(workbenchModel));

        // And the mpirun command with 2 ranks: grade's bins and counts those of one process.
        runClusterCommandOverGrade(cluster, model, workbenchModel);

        // Bins grouped against another class are not used by the workbench: nor by the commands.
        binning->setProjectBinning({"Class", "good", edited.edited});
        QVERIFY(settings->config()->woe.givenBins.empty());
        dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->binsPath().isEmpty());
        QVERIFY(!dialog->singleProcessCommand().contains(QLatin1String("--binning")));
        QCOMPARE(dialog->unusedBins(), settings->unusedBinsNote());
        QVERIFY2(dialog->unusedBins().startsWith(QLatin1String("The bins grouped by hand on the Binning page belong "
                                                               "to Class = good, not to Class = bad")),
                 qPrintable(dialog->unusedBins()));
        dialog->close();
        binning->setProjectBinning({});
        settings->setConfig(before);
    }

    // Bins grouped by hand of a task (int_rate), of an ignored column (verification_status) and of a feature
    // that is no WoE input (annual_inc), beside those of a WoE input (grade): the workbench trains
    // with grade's alone, and so do the commands. The dialog lists and saves grade's only, says the
    // others are not used, and the one-process command writes the workbench's model byte for byte.
    void carriesOnlyTheBinsOfWoeInputs()
    {
        BinningPage *binning = m_window->binningPage();
        binning->setProjectBinning({});
        QVERIFY(binning->screen());
        QVERIFY(QTest::qWaitFor([&] { return binning->screening() && !binning->isRunning(); }, 60000));
        for (const char *feature : {"verification_status", "grade", "int_rate", "annual_inc"}) {
            QVERIFY2(binning->selectFeature(QLatin1String(feature)), feature);
            binning->selectBins(0, 1);
            QVERIFY2(binning->mergeSelectedBins(), qPrintable(binning->message()));
        }
        const ProjectBinning edited = binning->projectBinning();
        QCOMPARE(edited.edited.size(), std::size_t(4));
        const auto editedGrade = std::find_if(edited.edited.begin(), edited.edited.end(),
                                              [](const FeatureBinning &bins) { return bins.feature == "grade"; });
        QVERIFY(editedGrade != edited.edited.end());

        // verification_status ignored; WoE inputs grade and funded_amnt.
        m_window->rolesPage()->setRole(QStringLiteral("verification_status"), RolesPage::Role::Ignore);
        SettingsPage *settings = m_window->settingsPage();
        std::optional<ExperimentConfig> config = settings->config();
        QVERIFY(config);
        const ExperimentConfig before = *config;
        config->woe.columns = {"grade", "funded_amnt"};
        settings->setConfig(*config);

        ClusterCommandDialog *dialog = openDialog();
        QVERIFY(dialog);
        for (const char *unused : {"verification_status", "int_rate", "annual_inc"})
            QVERIFY2(!dialog->message().contains(QLatin1String(unused)), qPrintable(dialog->message()));
        QVERIFY2(dialog->message().contains(QLatin1String("grade")), qPrintable(dialog->message()));
        // The others are said not to be used, here and on the Settings page.
        const QString unused = QStringLiteral("The bins grouped by hand for columns that are not WoE inputs of this "
                                              "run are not used: annual_inc, int_rate, verification_status.");
        QCOMPARE(dialog->unusedBins(), unused);
        auto *unusedLabel =
            findByAccessibleName<QLabel>(dialog, QStringLiteral("Bins grouped by hand that are not used"));
        QVERIFY(unusedLabel && unusedLabel->isVisibleTo(dialog));
        QVERIFY2(settings->woeNote().endsWith(QLatin1Char(' ') + unused), qPrintable(settings->woeNote()));
        QCOMPARE(settings->config()->woe.givenBins.size(), std::size_t(1));
        QCOMPARE(settings->config()->woe.givenBins[0].feature, std::string("grade"));

        // Saved: grade's bins alone.
        const QString configPath = m_dir.filePath(QStringLiteral("loan books/inputs only.json"));
        const QString binsFile = m_dir.filePath(QStringLiteral("loan books/inputs only.bins.cmtlproj"));
        QCOMPARE(dialog->saveConfigurationTo(configPath), QString());
        QCOMPARE(dialog->binsPath(), binsFile);
        QCOMPARE(dialog->unusedBins(), unused);
        const ProjectBinning saved = loadProjectFile(binsFile.toStdString()).binning;
        QCOMPARE(saved.edited.size(), std::size_t(1));
        QCOMPARE(binningToJson(saved.edited[0]), binningToJson(*editedGrade));

        auto *ranks = findByAccessibleName<QSpinBox>(dialog, QStringLiteral("Ranks (processes) of mpirun"));
        QVERIFY(ranks);
        ranks->setValue(2);
        const QStringList cluster = shellWords(dialog->clusterCommand());
        const QStringList single = shellWords(dialog->singleProcessCommand());
        QCOMPARE(single.mid(6, 2), (QStringList{QStringLiteral("--binning"), binsFile}));
        QCOMPARE(single, cluster.mid(3));
        const QString model = single.last();
        dialog->close();

        // The workbench's model and the one-process command's: the same bytes, grade's bins merged,
        // and no word of bins not used.
        const RunPtr run = trainAndWait(m_window);
        QVERIFY(run);
        const QString workbenchModel = m_dir.filePath(QStringLiteral("workbench inputs only.cmtl"));
        QVERIFY(m_window->saveModelFile(workbenchModel, run));
        QFile::remove(model);
        const catalogue::CliRun trained = catalogue::runCli(single.mid(1), 300000);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QCOMPARE(bytesOf(model), bytesOf(workbenchModel));
        QVERIFY(!bytesOf(model).isEmpty());
        QCOMPARE(woeBinsOf(model, "grade").value(QStringLiteral("bins")).toArray().size(),
                 qsizetype(editedGrade->bins.size()));
        for (const std::string &warning : loadModelFile(model.toStdString()).warnings)
            QVERIFY2(warning.find("not used") == std::string::npos, warning.c_str());

        // The mpirun command with 2 ranks: grade's bins and counts those of one process.
        runClusterCommandOverGrade(cluster, model, workbenchModel);
        binning->setProjectBinning({});
        settings->setConfig(before);
        m_window->rolesPage()->setRole(QStringLiteral("verification_status"), RolesPage::Role::Feature);
    }
};

QTEST_MAIN(TestClusterCommand)
#include "tst_clustercommand.moc"
