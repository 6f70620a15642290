// Runs, task order, help and the Simplified Chinese interface (issue 17, items 8, 9 and 12):
// the user's task order trains the same model as the command line's --task order; run names are
// edited in place, undone and saved; every input and every metrics header explains itself; the
// user guide opens in the interface's language; and the translation leaves nothing in English.
#include "AppSupport.h"
#include "GuiTestSupport.h"
#include "HelpTexts.h"
#include "MainWindow.h"
#include "ResourcesInit.h"
#include "UndoSupport.h"
#include "UserGuide.h"
#include "Workspace.h"
#include "io/MetricsJson.h"
#include "models/MetricsTableModel.h"
#include "models/RunListModel.h"
#include "pages/ComparisonDialog.h"
#include "pages/DataPage.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/RunsPage.h"
#include "pages/ScoringPage.h"
#include "pages/SettingsPage.h"
#include "pages/StartPage.h"
#include "pages/TrainingPage.h"
#include "train/Comparison.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QUndoStack>

#include <cmath>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

// The order the test chooses; the sample's columns hold the tasks as int_rate, grade, Class.
const QStringList kChosenOrder = {QStringLiteral("int_rate"), QStringLiteral("Class"), QStringLiteral("grade")};

// The run's report of `part` as the command line writes it (--metrics-json), read back.
EvaluationReport cliReport(const QStringList &taskOptions, const QString &jsonPath)
{
    QStringList arguments = {QStringLiteral("train"),
                             QStringLiteral("--data"),
                             QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"),
                             QStringLiteral("--epochs"),
                             QStringLiteral("3"),
                             QStringLiteral("--hidden"),
                             QStringLiteral("16"),
                             QStringLiteral("--seed"),
                             QStringLiteral("7"),
                             QStringLiteral("--threads"),
                             QString::number(std::max(1, QThread::idealThreadCount() - 1)),
                             QStringLiteral("--out"),
                             jsonPath + QStringLiteral(".cmtl"),
                             QStringLiteral("--metrics-json"),
                             jsonPath};
    for (const QString &task : taskOptions)
        arguments << QStringLiteral("--task") << task;
    QProcess cli;
    cli.start(QStringLiteral(CMTL_CLI_PATH), arguments);
    if (!cli.waitForFinished(300000) || cli.exitCode() != 0) {
        qWarning("%s", cli.readAllStandardError().constData());
        return {};
    }
    QFile file(jsonPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return reportFromJson(QJsonDocument::fromJson(file.readAll()).object(), jsonPath.toStdString());
}

const TaskEvaluation *taskOf(const EvaluationReport &report, const std::string &task)
{
    for (const TaskEvaluation &evaluation : report.tasks) {
        if (evaluation.task == task)
            return &evaluation;
    }
    return nullptr;
}

// The engine's own figures of a task (not the table's view of them, which needs the confusion
// counts a metrics file does not hold for binary tasks).
std::vector<std::pair<const char *, double>> engineMetrics(const TaskEvaluation &task)
{
    if (task.binary) {
        const BinaryMetrics &m = *task.binary;
        return {{"AUC", m.auc},
                {"KS", m.ks},
                {"Gini", m.gini},
                {"log loss", m.logLoss},
                {"Brier", m.brier},
                {"accuracy", m.accuracy},
                {"precision", m.precision},
                {"recall", m.recall},
                {"F1", m.f1}};
    }
    if (task.multiclass) {
        const MulticlassMetrics &m = *task.multiclass;
        return {{"accuracy", m.accuracy}, {"macro-F1", m.macroF1}, {"log loss", m.logLoss}};
    }
    if (task.regression) {
        const RegressionMetrics &m = *task.regression;
        return {{"RMSE", m.rmse}, {"MAE", m.mae}, {"R2", m.r2}};
    }
    return {};
}

bool sameWithin(double a, double b, double tolerance)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= tolerance;
}

// The input widgets of a page: what the user types, picks, ticks or drags. A spin box's or a
// combo box's own line edit is part of it.
QList<QWidget *> inputWidgets(QWidget *page)
{
    QList<QWidget *> inputs;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        const bool inner = qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                           qobject_cast<QComboBox *>(widget->parentWidget());
        if (inner)
            continue;
        if (qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QComboBox *>(widget) ||
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QCheckBox *>(widget) ||
            qobject_cast<QRadioButton *>(widget) || qobject_cast<QSlider *>(widget) ||
            qobject_cast<QListWidget *>(widget))
            inputs << widget;
    }
    return inputs;
}

QString describe(const QWidget *widget)
{
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), controlName(widget), widget->objectName());
}

// Texts of a page a user reads: labels, buttons, group titles, tab and header texts.
QStringList visibleTexts(QWidget *page)
{
    QStringList texts;
    for (const QLabel *label : page->findChildren<QLabel *>())
        texts << label->text();
    for (const QAbstractButton *button : page->findChildren<QAbstractButton *>())
        texts << button->text();
    for (const QGroupBox *group : page->findChildren<QGroupBox *>())
        texts << group->title();
    for (const QProgressBar *bar : page->findChildren<QProgressBar *>())
        texts << bar->text();
    for (const QPlainTextEdit *log : page->findChildren<QPlainTextEdit *>())
        texts << log->toPlainText().split(QLatin1Char('\n'));
    for (const QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
        const QAbstractItemModel *model = view->model();
        if (!model)
            continue;
        for (int c = 0; c < model->columnCount(); ++c)
            texts << model->headerData(c, Qt::Horizontal).toString();
    }
    return texts;
}

} // namespace

using namespace cmtl::ui::testing;

class TestRunsHelp : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;
    QTemporaryDir m_temp;

    SettingsPage *settings() const { return m_window->settingsPage(); }
    QListWidget *orderList() const { return settings()->findChild<QListWidget *>(QStringLiteral("taskOrderList")); }
    QStringList listedOrder() const
    {
        QStringList order;
        for (int row = 0; row < orderList()->count(); ++row)
            order << orderList()->item(row)->text();
        return order;
    }

    // The open editor of a run's name, if any.
    static QLineEdit *nameEditor(const RunsPage *runs)
    {
        for (QLineEdit *editor : runs->table()->viewport()->findChildren<QLineEdit *>()) {
            if (editor->isVisible())
                return editor;
        }
        return nullptr;
    }

    void chooseOrder(const QStringList &order)
    {
        for (int target = 0; target < order.size(); ++target) {
            while (settings()->tasks().indexOf(order[target]) > target)
                settings()->moveTask(order[target], -1);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
        m_window = new MainWindow;
        QVERIFY(showActive(m_window, QSize(1400, 900)));
        QVERIFY(openSampleAndWait(m_window));
    }

    void cleanupTestCase()
    {
        m_window->workspace()->setModified(false);
        m_window->close();
        delete m_window;
    }

    // The settings page lists the tasks in the file's column order until the user moves one.
    void taskOrderFollowsTheRolesAndTheUser()
    {
        QStringList columnOrder;
        for (const TaskSpec &task : m_window->rolesPage()->roles().tasks)
            columnOrder << QString::fromStdString(task.column);
        QCOMPARE(columnOrder.size(), 3);
        QCOMPARE(settings()->tasks(), columnOrder);
        QCOMPARE(listedOrder(), columnOrder);
        QVERIFY(columnOrder != kChosenOrder);

        QUndoStack *undo = m_window->undoStack();
        const int steps = undo->count();
        // Move up / Move down act on the selected task.
        auto *up = settings()->findChild<QPushButton *>(QStringLiteral("moveTaskUpButton"));
        auto *down = settings()->findChild<QPushButton *>(QStringLiteral("moveTaskDownButton"));
        QVERIFY(up && down);
        orderList()->setCurrentRow(0);
        QVERIFY(!up->isEnabled());
        QVERIFY(down->isEnabled());
        m_window->workspace()->setModified(false);
        down->click();
        QVERIFY(m_window->workspace()->isModified()); // the project has changed
        QStringList moved = columnOrder;
        moved.move(0, 1);
        QCOMPARE(settings()->tasks(), moved);
        QCOMPARE(listedOrder(), moved);
        QCOMPARE(orderList()->currentRow(), 1);
        QCOMPARE(undo->count(), steps + 1);
        up->click();
        QCOMPARE(settings()->tasks(), columnOrder);
        QCOMPARE(undo->count(), steps + 2); // each move is its own step
        undo->undo();
        QCOMPARE(settings()->tasks(), moved);
        QCOMPARE(listedOrder(), moved);
        undo->undo();
        QCOMPARE(settings()->tasks(), columnOrder);
        undo->redo();
        QCOMPARE(settings()->tasks(), moved);
        undo->undo();

        // A drop rearranges the list's rows; the tasks follow, as one undoable step.
        QVERIFY(orderList()->model()->moveRow({}, 2, {}, 0));
        QStringList dropped = columnOrder;
        dropped.move(2, 0);
        QTRY_COMPARE(settings()->tasks(), dropped);
        QCOMPARE(undo->count(), steps + 1);
        undo->undo();
        QCOMPARE(settings()->tasks(), columnOrder);
        QCOMPARE(listedOrder(), columnOrder);

        // Lambdas stay with their tasks when the order changes.
        settings()->setLambda(QStringLiteral("grade"), 1.5);
        chooseOrder(kChosenOrder);
        QCOMPARE(settings()->tasks(), kChosenOrder);
        QCOMPARE(settings()->lambda(QStringLiteral("grade")), 1.5);
        settings()->setLambda(QStringLiteral("grade"), 1.0);

        // Tasks chosen later on the Roles page take their column's place among the tasks nobody
        // moved; a task the user moved keeps its place.
        settings()->setTasks({QStringLiteral("Class")});
        settings()->setTasks({QStringLiteral("grade"), QStringLiteral("Class")});
        settings()->setTasks(columnOrder);
        QCOMPARE(settings()->tasks(), columnOrder);
        chooseOrder(kChosenOrder);
        settings()->setTasks({QStringLiteral("int_rate"), QStringLiteral("Class")});
        settings()->setTasks(columnOrder); // grade comes back before Class, where the columns have it
        QCOMPARE(settings()->tasks(),
                 (QStringList{QStringLiteral("int_rate"), QStringLiteral("grade"), QStringLiteral("Class")}));
        chooseOrder(kChosenOrder);

        // The roles the workbench trains on come in the chosen order, with their lambdas.
        RoleAssignment roles = m_window->rolesPage()->roles();
        settings()->applyTo(roles);
        QStringList trained;
        for (const TaskSpec &task : roles.tasks)
            trained << QString::fromStdString(task.column);
        QCOMPARE(trained, kChosenOrder);
    }

    // A run configured in the workbench with a task order other than the columns' gives the
    // command line's figures for --task options in that order, and not those of the column order.
    void guiRunMatchesTheCliInTheChosenOrder()
    {
        QCOMPARE(settings()->tasks(), kChosenOrder);
        settings()->setEpochs(3);
        settings()->setHiddenLayers(QStringLiteral("16"));
        settings()->findChild<QSpinBox *>(QStringLiteral("seedSpin"))->setValue(7);
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        m_window->trainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 300000);
        QTRY_VERIFY(!m_window->trainingPage()->isRunning());
        const RunPtr run = m_window->workspace()->currentRun();
        QVERIFY(run);
        QStringList trained;
        for (const TaskSpec &task : run->roles.tasks)
            trained << QString::fromStdString(task.column);
        QCOMPARE(trained, kChosenOrder);
        // The results table lists the tasks in that order too.
        const MetricsTableModel *metrics = m_window->resultsPage()->metricsModel();
        QCOMPARE(metrics->index(0, MetricsTableModel::Task).data().toString(), kChosenOrder[0]);

        const QStringList chosen = {QStringLiteral("int_rate:regression"), QStringLiteral("Class:binary:bad"),
                                    QStringLiteral("grade:multiclass")};
        const EvaluationReport cli = cliReport(chosen, m_temp.filePath(QStringLiteral("chosen.json")));
        QCOMPARE(cli.tasks.size(), std::size_t{3});
        const EvaluationReport *gui = run->result.report("test");
        QVERIFY(gui);
        double largest = 0;
        for (const QString &task : kChosenOrder) {
            const TaskEvaluation *ours = taskOf(*gui, task.toStdString());
            const TaskEvaluation *theirs = taskOf(cli, task.toStdString());
            QVERIFY(ours && theirs);
            QCOMPARE(ours->count, theirs->count);
            const auto a = engineMetrics(*ours);
            const auto b = engineMetrics(*theirs);
            QCOMPARE(a.size(), b.size());
            QVERIFY(!a.empty());
            for (std::size_t m = 0; m < a.size(); ++m) {
                if (!std::isnan(a[m].second))
                    largest = std::max(largest, std::abs(a[m].second - b[m].second));
                QVERIFY2(sameWithin(a[m].second, b[m].second, 1e-12),
                         qPrintable(QStringLiteral("%1 %2: workbench %3, command line %4")
                                        .arg(task, QString::fromLatin1(a[m].first))
                                        .arg(a[m].second, 0, 'g', 17)
                                        .arg(b[m].second, 0, 'g', 17)));
            }
        }

        qInfo("largest difference between the workbench's and the command line's test metrics: %g", largest);

        // The order matters: the column order trains another model (so the match above is the
        // chosen order's, not a coincidence of any order).
        QStringList columnOrder;
        for (const TaskSpec &task : m_window->rolesPage()->roles().tasks) {
            const QString name = QString::fromStdString(task.column);
            columnOrder << chosen[kChosenOrder.indexOf(name)];
        }
        const EvaluationReport byColumn = cliReport(columnOrder, m_temp.filePath(QStringLiteral("columns.json")));
        const TaskEvaluation *regression = taskOf(byColumn, "int_rate");
        QVERIFY(regression && regression->regression);
        QVERIFY(regression->regression->rmse != taskOf(*gui, "int_rate")->regression->rmse);
    }

    // The task order is part of the project: saved, and restored on opening it.
    void taskOrderIsSavedInTheProject()
    {
        const QString path = m_temp.filePath(QStringLiteral("order.cmtlproj"));
        QVERIFY(m_window->saveProject(path));
        std::vector<std::string> saved;
        for (const TaskSpec &task : m_window->projectContents().configuration.tasks)
            saved.push_back(task.column);
        QCOMPARE(saved, (std::vector<std::string>{"int_rate", "Class", "grade"}));

        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::dataLoaded);
        QVERIFY(window.openProject(path));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QTRY_VERIFY(!window.isBusy());
        QCOMPARE(window.settingsPage()->tasks(), kChosenOrder);
        RoleAssignment roles = window.rolesPage()->roles();
        window.settingsPage()->applyTo(roles);
        QCOMPARE(QString::fromStdString(roles.tasks.front().column), kChosenOrder.front());
        QVERIFY(!window.workspace()->isModified());
        window.close();
    }

    // A run's name is edited in place (F2, a double click on it, Rename), undone, and saved.
    void runsAreRenamedInPlace()
    {
        RunsPage *runs = m_window->runsPage();
        RunListModel *model = m_window->workspace()->runs();
        QCOMPARE(model->rowCount(), 1);
        const int runId = model->runAt(0)->id;
        const QString original = model->runAt(0)->name;
        const QModelIndex name = model->index(0, RunListModel::Name);
        QVERIFY(model->flags(name) & Qt::ItemIsEditable);
        QVERIFY(!(model->flags(model->index(0, RunListModel::Headline)) & Qt::ItemIsEditable));

        // F2 opens the editor on the name; Enter commits what was typed.
        m_window->showPage(MainWindow::Runs);
        runs->selectRows({0});
        // F2 renames the selected run wherever the current cell of its row is.
        runs->table()->setCurrentIndex(model->index(0, RunListModel::Headline));
        QApplication::setActiveWindow(m_window);
        runs->table()->setFocus();
        QTRY_VERIFY(runs->table()->hasFocus());
        QTest::keyClick(runs->table(), Qt::Key_F2);
        QTRY_VERIFY(nameEditor(runs));
        QLineEdit *editor = nameEditor(runs);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("MMoE trial"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(model->runAt(0)->name, QStringLiteral("MMoE trial"));
        // The renamed run is the current one, under its new name, and the project has changed.
        QCOMPARE(m_window->workspace()->currentRun()->name, QStringLiteral("MMoE trial"));
        QCOMPARE(m_window->workspace()->currentRun()->id, runId);
        QVERIFY(m_window->workspace()->isModified());
        QVERIFY(runs->comparison()->horizontalHeaderItem(2)->text().startsWith(QStringLiteral("MMoE trial")));

        // Undo and redo.
        m_window->undoStack()->undo();
        QCOMPARE(model->runAt(0)->name, original);
        m_window->undoStack()->redo();
        QCOMPARE(model->runAt(0)->name, QStringLiteral("MMoE trial"));
        // A blank name is refused: the run keeps its name.
        QVERIFY(!model->setData(name, QStringLiteral("   ")));
        QCOMPARE(model->runAt(0)->name, QStringLiteral("MMoE trial"));

        // The Rename button opens the same editor.
        runs->selectRows({0});
        runs->findChild<QPushButton *>(QStringLiteral("renameRunButton"))->click();
        QTRY_VERIFY(nameEditor(runs));
        QCOMPARE(nameEditor(runs)->text(), QStringLiteral("MMoE trial"));
        QTest::keyClick(nameEditor(runs), Qt::Key_Escape);
        QCOMPARE(model->runAt(0)->name, QStringLiteral("MMoE trial"));

        // Saved with the project and read back.
        const QString path = m_temp.filePath(QStringLiteral("renamed.cmtlproj"));
        QVERIFY(m_window->saveProject(path));
        MainWindow window;
        QVERIFY(window.openProject(path));
        QTRY_VERIFY(!window.isBusy());
        QCOMPARE(window.workspace()->runs()->rowCount(), 1);
        QCOMPARE(window.workspace()->runs()->runAt(0)->name, QStringLiteral("MMoE trial"));
        window.close();
    }

    // The Runs table tells runs apart by their method, data and part, and when they finished.
    void runsTableHasTheMethodColumns()
    {
        const RunListModel *model = m_window->workspace()->runs();
        const RunPtr run = model->runAt(0);
        const auto cell = [model](RunListModel::Field field) { return model->index(0, field).data().toString(); };
        QCOMPARE(cell(RunListModel::Architecture), QStringLiteral("shared bottom"));
        QCOMPARE(cell(RunListModel::Weighting), QStringLiteral("fixed"));
        QCOMPARE(cell(RunListModel::Network), QStringLiteral("16"));
        QCOMPARE(cell(RunListModel::DataFile), QStringLiteral("lending_club.csv"));
        QCOMPARE(cell(RunListModel::EvaluatedPart), QStringLiteral("test part"));
        QCOMPARE(cell(RunListModel::Finished), QLocale().toString(run->finished, QLocale::ShortFormat));
    }

    // Compare Methods runs the candidates the user ticks, and remembers the choice.
    void compareMethodsRunsTheChosenCandidates()
    {
        // The logistic reference trains with at least the teacher's patience: the default 30
        // makes its inner search minutes of work under the sanitizers; and two epochs: what is
        // checked is which candidates ran, not their figures. Both restored at the end.
        auto *patience = settings()->findChild<QSpinBox *>(QStringLiteral("patienceSpin"));
        auto *epochs = settings()->findChild<QSpinBox *>(QStringLiteral("epochsSpin"));
        const int defaultPatience = patience->value();
        const int defaultEpochs = epochs->value();
        patience->setValue(0);
        epochs->setValue(2);
        m_window->compareMethods();
        auto *dialog = m_window->findChild<ComparisonDialog *>();
        QVERIFY(dialog);
        // Every standard candidate at first (boosted trees among them when the build has XGBoost).
        QCOMPARE(dialog->chosenCandidates().size(), static_cast<qsizetype>(standardCandidates({}).size()));
        dialog->setChosenCandidates({QStringLiteral("logistic"), QStringLiteral("shared-bottom fixed")});
        dialog->findChild<QSpinBox *>(QStringLiteral("foldsSpin"))->setValue(2);
        QSignalSpy ready(dialog, &ComparisonDialog::resultReady);
        dialog->start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 300000);
        const auto result = ready.front().front().value<ComparisonResult>();
        QCOMPARE(result.candidates, (std::vector<std::string>{"logistic", "shared-bottom fixed"}));
        QCOMPARE(result.scheme, std::string("2-fold cross-validation"));
        // No single-task net was trained: its difference column stays empty; the one to the
        // logistic model is filled for the network and empty for the logistic model itself.
        const QStandardItemModel *table = dialog->results();
        QCOMPARE(table->rowCount(), static_cast<int>(result.metrics.size() * 2));
        QVERIFY(table->item(0, 4)->text().isEmpty());
        QVERIFY(table->item(1, 4)->text().isEmpty());
        QVERIFY(table->item(0, 5)->text().isEmpty());
        QVERIFY(!table->item(1, 5)->text().isEmpty());
        const Summary difference = summariseDifference(result.metrics[0].values[1], result.metrics[0].values[0]);
        QVERIFY(table->item(1, 5)->text().contains(QLocale().toString(difference.mean, 'f', 4)));
        QTRY_VERIFY(!dialog->isRunning());
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<ComparisonDialog *>());
        // The next dialog starts from the same choice.
        m_window->compareMethods();
        dialog = m_window->findChild<ComparisonDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->chosenCandidates(),
                 (QStringList{QStringLiteral("logistic"), QStringLiteral("shared-bottom fixed")}));
        QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("foldsSpin"))->value(), 2);
        // Nothing ticked: nothing runs, and the dialog says why.
        dialog->setChosenCandidates({});
        dialog->start();
        QVERIFY(!dialog->isRunning());
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("comparisonStatus"))->text().isEmpty());
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<ComparisonDialog *>());
        patience->setValue(defaultPatience);
        epochs->setValue(defaultEpochs);
    }

    // Every input of every page has a tooltip and a What's This text, and so has every header and
    // metric name of the metrics tables.
    void everyInputAndMetricExplainsItself()
    {
        QStringList missing;
        const QList<QWidget *> pages = {m_window->dataPage(),     m_window->rolesPage(),   m_window->settingsPage(),
                                        m_window->trainingPage(), m_window->resultsPage(), m_window->runsPage(),
                                        m_window->scoringPage()};
        int inputs = 0;
        for (QWidget *page : pages) {
            // Help is given as a control is first shown: show each page as the user would.
            m_window->showPage(static_cast<MainWindow::Page>(pages.indexOf(page) + MainWindow::Data));
            QCOMPARE(m_window->currentPage(), static_cast<MainWindow::Page>(pages.indexOf(page) + MainWindow::Data));
            QCoreApplication::processEvents();
            for (QWidget *widget : inputWidgets(page)) {
                if (!widget->isVisibleTo(m_window))
                    continue;
                ++inputs;
                if (widget->toolTip().isEmpty() || widget->whatsThis().isEmpty())
                    missing << describe(widget);
            }
        }
        QVERIFY(inputs > 40);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("without help: ") + missing.join(QStringLiteral("; "))));

        // The results table: every column header and every metric of every task.
        const MetricsTableModel *metrics = m_window->resultsPage()->metricsModel();
        for (int c = 0; c < metrics->columnCount(); ++c) {
            QVERIFY(!metrics->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
            QVERIFY(!metrics->headerData(c, Qt::Horizontal, Qt::WhatsThisRole).toString().isEmpty());
        }
        QVERIFY(metrics->rowCount() >= 3 + 4 + 10);
        for (int r = 0; r < metrics->rowCount(); ++r) {
            const QModelIndex metric = metrics->index(r, MetricsTableModel::Metric);
            QVERIFY2(!metric.data(Qt::ToolTipRole).toString().isEmpty(), qPrintable(metric.data().toString()));
            QVERIFY2(!metric.data(Qt::WhatsThisRole).toString().isEmpty(), qPrintable(metric.data().toString()));
        }
        // Every metric the engine reports has a text, in both languages' catalogue.
        for (const char *name : {"AUC", "KS", "Gini", "log loss", "Brier", "accuracy", "precision@0.5", "recall@0.5",
                                 "F1@0.5", "macro-F1", "RMSE", "MAE", "rows"})
            QVERIFY2(!metricHelp(QString::fromLatin1(name)).isEmpty(), name);
        QVERIFY(!metricHelp(QStringLiteral("R²")).isEmpty());
        // The side-by-side table of the Runs page explains its metric names too.
        m_window->runsPage()->selectRows({0});
        const QTableWidget *comparison = m_window->runsPage()->comparison();
        QVERIFY(comparison->rowCount() > 0);
        for (int r = 0; r < comparison->rowCount(); ++r)
            QVERIFY(!comparison->item(r, 1)->whatsThis().isEmpty());
    }

    // Help ▸ User Guide (F1) opens the guide shipped in the resources.
    void userGuideOpensWithF1()
    {
        QApplication::setActiveWindow(m_window);
        m_window->activateWindow();
        QTRY_VERIFY(m_window->isActiveWindow());
        QTest::keyClick(m_window, Qt::Key_F1);
        auto *dialog = m_window->findChild<UserGuideDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString text = dialog->browser()->toPlainText();
        for (const char *heading : {"Open the data", "Roles", "Settings", "Train", "Results", "Scoring", "Projects",
                                    "KS", "Brier", "calibration", "multi-task"})
            QVERIFY2(text.contains(QString::fromLatin1(heading), Qt::CaseInsensitive), heading);
        dialog->close();
    }

    // The Simplified Chinese translation: complete, and no page left in English.
    void translationHasNoUnfinishedEntries()
    {
        QFile ts(QStringLiteral(CMTL_SOURCE_DIR "/resources/translations/creditmtl_zh_CN.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(!text.contains(QLatin1String("type=\"unfinished\"")));
        QVERIFY(!text.contains(QLatin1String("<translation></translation>")));
        QVERIFY(!text.contains(QLatin1String("<translation/>")));
    }

    void chinesePagesShowNoEnglish()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        {
            MainWindow window;
            window.resize(1400, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QSignalSpy loaded(&window, &MainWindow::dataLoaded);
            window.openSample();
            QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
            QTRY_VERIFY(!window.isBusy());
            window.settingsPage()->setEpochs(1);
            window.settingsPage()->setHiddenLayers(QStringLiteral("8"));
            QSignalSpy added(window.workspace(), &Workspace::runAdded);
            window.trainAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 300000);
            QTRY_VERIFY(!window.trainingPage()->isRunning());
            window.runsPage()->selectRows({0});

            // Words of English prose: two or more words of letters in a row. Column names of the
            // data (annual_inc), metric abbreviations (AUC, KS) and file names are not prose.
            const QRegularExpression prose(QStringLiteral("\\b[A-Za-z]{3,}\\s+[A-Za-z]{2,}\\b"));
            QStringList english;
            const QList<QWidget *> pages = {window.startPage(),    window.dataPage(),     window.rolesPage(),
                                            window.settingsPage(), window.trainingPage(), window.resultsPage(),
                                            window.runsPage(),     window.scoringPage()};
            for (QWidget *page : pages) {
                for (const QString &shown : visibleTexts(page)) {
                    QString plain = shown;
                    plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
                    plain.remove(QStringLiteral("CreditMTL"));
                    plain.remove(QStringLiteral("Lending Club")); // the sample's source, a name
                    if (prose.match(plain).hasMatch())
                        english << QStringLiteral("%1: %2").arg(page->objectName(), plain);
                }
            }
            // The metric names in the results table are Chinese too.
            const MetricsTableModel *metrics = window.resultsPage()->metricsModel();
            for (int r = 0; r < metrics->rowCount(); ++r) {
                const QString name = metrics->index(r, MetricsTableModel::Metric).data().toString();
                if (prose.match(name).hasMatch() || name == QLatin1String("accuracy") || name == QLatin1String("rows"))
                    english << QStringLiteral("metrics: ") + name;
            }
            QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
            QCOMPARE(UserGuideDialog::guidePath(), QStringLiteral(":/guide/guide_zh_CN.html"));
            window.workspace()->setModified(false);
            window.close();
        }
        QCOMPARE(installTranslations(*app, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(UserGuideDialog::guidePath(), QStringLiteral(":/guide/guide_en.html"));
    }
};

QTEST_MAIN(TestRunsHelp)
#include "tst_runs_help.moc"
