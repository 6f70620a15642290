// The workbench never changes a modeller's inputs behind their back: the wheel and the arrow keys
// change no control that is not being edited, every edit can be undone, the defaults are the
// honest ones, a failed open keeps what was there, scoring says what it did not evaluate, and
// every control is reachable and named for assistive technology. Offscreen, with real events.
#include "GuiTestSupport.h"
#include "HelpTexts.h"
#include "MainWindow.h"
#include "Workspace.h"
#include "charts/CalibrationChart.h"
#include "charts/ScoreDistributionChart.h"
#include "metrics/BinaryMetrics.h"
#include "models/MetricsTableModel.h"
#include "models/RunListModel.h"
#include "pages/BinaryTaskPanel.h"
#include "pages/DataPage.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/ScoringPage.h"
#include "pages/SettingsPage.h"
#include "pages/TrainingPage.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QValueAxis>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

class TestWorkbenchSafety : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;
    QTemporaryDir m_temp;

    template <typename T> T *find(const QString &name) const { return findNamed<T>(m_window, name); }
    QString writeFile(const QString &name, const QByteArray &content) const
    {
        return testing::writeFile(m_temp, name, content);
    }

    // One notch of the wheel down over the middle of `widget`, as the mouse sends it.
    static void turnWheel(QWidget *widget)
    {
        const QPointF centre(widget->width() / 2.0, widget->height() / 2.0);
        QWheelEvent event(centre, widget->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        // Spontaneous, as from the window system (only such wheel events travel on to the parent),
        // and delivered as QTest delivers its key events (sendEvent would clear the flag).
        QSpontaneKeyEvent::setSpontaneous(&event);
        qApp->notify(widget, &event);
    }

    // Opens `path` on the Data page and waits until it is read (or refused).
    bool openAndWait(const QString &path) { return openDataAndWait(m_window, path); }

    // A focus elsewhere than on the controls under test, as when the user just scrolls.
    void focusNavigation()
    {
        m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->setFocus();
        QApplication::processEvents();
    }

    RunPtr trainQuickly()
    {
        m_window->rolesPage()->setTasks({{"int_rate", TaskType::Regression, "", 1.0},
                                         {"grade", TaskType::Multiclass, "", 1.0},
                                         {"Class", TaskType::Binary, "bad", 1.0}});
        m_window->settingsPage()->setEpochs(3);
        m_window->settingsPage()->setBatchSize(256);
        m_window->settingsPage()->setHiddenLayers(QStringLiteral("16"));
        return trainAndWait(m_window);
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
        m_window = new MainWindow;
        QVERIFY(showActive(m_window, QSize(1200, 700)));
        QVERIFY(openAndWait(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv")));
        m_window->rolesPage()->setTasks({{"Class", TaskType::Binary, "bad", 1.0}});
        m_window->undoStack()->clear();
    }

    // A numeric column spoiled by one cell is read as text; the Data page says which cell, on the
    // page itself, and says nothing for a clean file.
    void readWarningsAreShownOnTheDataPage()
    {
        QByteArray csv = "income,flag\n";
        for (int i = 0; i < 30; ++i)
            csv += (i == 7 ? QByteArray("twelve thousand") : QByteArray::number(1000 + i)) + ',' +
                   QByteArray::number(i % 2) + '\n';
        QVERIFY(openAndWait(writeFile(QStringLiteral("spoiled.csv"), csv)));
        auto *warnings = find<QLabel>(QStringLiteral("readWarnings"));
        QVERIFY(warnings->isVisible());
        QVERIFY2(warnings->text().contains(QStringLiteral("income")) &&
                     warnings->text().contains(QStringLiteral("twelve thousand")) &&
                     warnings->text().contains(QStringLiteral("9")), // line 9: the header is line 1
                 qPrintable(warnings->text()));
        QVERIFY(openAndWait(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv")));
        QVERIFY(!warnings->isVisible());
        m_window->rolesPage()->setTasks({{"Class", TaskType::Binary, "bad", 1.0}});
        m_window->undoStack()->clear();
    }

    void cleanupTestCase()
    {
        m_window->close();
        delete m_window;
    }

    // --- Controls change only when the user means it -------------------------------------------

    void wheelOverAnUnfocusedSettingScrollsThePage()
    {
        // Three tasks: their lambda rows make the page taller than the window.
        m_window->rolesPage()->setTasks({{"int_rate", TaskType::Regression, "", 1.0},
                                         {"grade", TaskType::Multiclass, "", 1.0},
                                         {"Class", TaskType::Binary, "bad", 1.0}});
        m_window->undoStack()->clear();
        m_window->showPage(MainWindow::Settings);
        QTest::qWait(50);
        auto *rate = find<QDoubleSpinBox>(QStringLiteral("learningRateSpin"));
        auto *epochs = find<QSpinBox>(QStringLiteral("epochsSpin"));
        QCOMPARE(rate->focusPolicy(), Qt::StrongFocus); // the wheel gives it no focus either
        auto *scroll = m_window->settingsPage()->findChild<QScrollArea *>();
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0); // the page scrolls at this size
        focusNavigation();
        scroll->verticalScrollBar()->setValue(0);
        const double rateBefore = rate->value();
        const int epochsBefore = epochs->value();
        turnWheel(rate);
        QCOMPARE(rate->value(), rateBefore);
        const int scrolled = scroll->verticalScrollBar()->value();
        QVERIFY2(scrolled > 0, "the wheel over the spin box did not scroll the page");
        turnWheel(epochs);
        QCOMPARE(epochs->value(), epochsBefore);
        QVERIFY(scroll->verticalScrollBar()->value() > scrolled ||
                scroll->verticalScrollBar()->value() == scroll->verticalScrollBar()->maximum());
        QVERIFY(!rate->hasFocus() && !epochs->hasFocus());
        QCOMPARE(m_window->undoStack()->count(), 0);

        // Focused by the user (click or Tab), the wheel does change it.
        epochs->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(epochs->hasFocus());
        turnWheel(epochs);
        QCOMPARE(epochs->value(), epochsBefore - 1);
        m_window->undoStack()->undo();
        QCOMPARE(epochs->value(), epochsBefore);
        m_window->rolesPage()->setTasks({{"Class", TaskType::Binary, "bad", 1.0}});
        m_window->undoStack()->clear();
    }

    void wheelOverARoleEditorScrollsTheRoles()
    {
        m_window->showPage(MainWindow::Roles);
        QApplication::processEvents();
        auto *scroll = find<QScrollArea>(QStringLiteral("rolesScroll"));
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
        scroll->verticalScrollBar()->setValue(0);
        focusNavigation();
        QComboBox *role = m_window->rolesPage()->roleEditor(QStringLiteral("annual_inc"));
        QComboBox *positive = m_window->rolesPage()->positiveEditor(QStringLiteral("Class"));
        const int roleBefore = role->currentIndex();
        turnWheel(role);
        turnWheel(role);
        QCOMPARE(role->currentIndex(), roleBefore);
        QVERIFY(scroll->verticalScrollBar()->value() > 0);
        scroll->ensureWidgetVisible(positive);
        const QString positiveBefore = positive->currentText();
        turnWheel(positive);
        QCOMPARE(positive->currentText(), positiveBefore);
        QCOMPARE(m_window->rolesPage()->roles().features.size(), std::size_t{22});
        QCOMPARE(m_window->undoStack()->count(), 0);
    }

    void arrowKeysOnARoleEditorMoveInsteadOfChanging()
    {
        RolesPage *roles = m_window->rolesPage();
        QComboBox *first = roles->roleEditor(QStringLiteral("funded_amnt"));
        QComboBox *second = roles->roleEditor(QStringLiteral("term"));
        first->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(first->hasFocus());
        const int before = first->currentIndex();
        QTest::keyClick(first, Qt::Key_Down);
        QCOMPARE(first->currentIndex(), before);
        QTRY_VERIFY(second->hasFocus()); // the arrow moved to the row below
        QCOMPARE(second->currentIndex(), before);
        QTest::keyClick(second, Qt::Key_Up);
        QTRY_VERIFY(first->hasFocus());
        // Typing does not pick a value either ("i" would select Ignore), nor do Home / End.
        QTest::keyClick(first, Qt::Key_I);
        QTest::keyClick(first, Qt::Key_End);
        QCOMPARE(first->currentIndex(), before);
        QCOMPARE(m_window->undoStack()->count(), 0);
        // The explicit edit: open the list, go down, choose.
        QTest::keyClick(first, Qt::Key_Space);
        QTRY_VERIFY(first->view()->isVisible());
        QTest::keyClick(first->view(), Qt::Key_Down);
        QTest::keyClick(first->view(), Qt::Key_Return);
        QTRY_COMPARE(first->currentData().toInt(), int(RolesPage::Role::Task));
        QCOMPARE(m_window->undoStack()->count(), 1);
        m_window->undoStack()->undo();
        QCOMPARE(first->currentData().toInt(), int(RolesPage::Role::Feature));
        m_window->undoStack()->clear();
    }

    // --- Honest defaults ---------------------------------------------------------------------------

    void positiveClassIsTheRarerValue()
    {
        // Text: the sample's Class is "good" for most loans, "bad" for the rest.
        QCOMPARE(m_window->rolesPage()->positiveEditor(QStringLiteral("Class"))->currentText(), QStringLiteral("bad"));
        // Numbers: a 0/1 default flag with 1 for 2 rows of 20 gets 1, not the majority 0; and a
        // flag whose 0 is the rarer value gets 0.
        QByteArray csv = "income,default,paid\n";
        for (int i = 0; i < 20; ++i)
            csv +=
                QByteArray::number(1000 + i * 37) + ',' + (i % 10 == 3 ? "1" : "0") + ',' + (i < 3 ? "0" : "1") + '\n';
        QVERIFY(openAndWait(writeFile(QStringLiteral("flags.csv"), csv)));
        QCOMPARE(m_window->rolesPage()->positiveEditor(QStringLiteral("default"))->currentText(), QStringLiteral("1"));
        QCOMPARE(m_window->rolesPage()->positiveEditor(QStringLiteral("paid"))->currentText(), QStringLiteral("0"));
        QComboBox *role = m_window->rolesPage()->roleEditor(QStringLiteral("default"));
        role->setCurrentIndex(role->findData(int(RolesPage::Role::Task)));
        QCOMPARE(m_window->rolesPage()->roles().tasks.at(0).positiveClass, std::string("1"));
        QVERIFY(openAndWait(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv")));
        m_window->rolesPage()->setTasks({{"Class", TaskType::Binary, "bad", 1.0}});
        m_window->undoStack()->clear();
    }

    // --- Undo and redo ---------------------------------------------------------------------------

    void undoRedoARoleChange()
    {
        QUndoStack *stack = m_window->undoStack();
        RolesPage *roles = m_window->rolesPage();
        QComboBox *grade = roles->roleEditor(QStringLiteral("grade"));
        grade->setCurrentIndex(grade->findData(int(RolesPage::Role::Task)));
        QCOMPARE(roles->taskNames(), QStringList({QStringLiteral("grade"), QStringLiteral("Class")}));
        QCOMPARE(stack->count(), 1);
        QVERIFY(stack->undoText().contains(QStringLiteral("grade")));
        m_window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(roles->taskNames(), QStringList({QStringLiteral("Class")}));
        QCOMPARE(m_window->settingsPage()->tasks(), QStringList({QStringLiteral("Class")}));
        m_window->findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
        QCOMPARE(roles->taskNames(), QStringList({QStringLiteral("grade"), QStringLiteral("Class")}));
        QCOMPARE(roles->taskTypeEditor(QStringLiteral("grade"))->currentData().toInt(), int(TaskType::Multiclass));
        // The shortcuts are the usual ones.
        QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("undoAction"))->shortcut(), QKeySequence::Undo);
        QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("redoAction"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    }

    void undoClearAllRoles()
    {
        QUndoStack *stack = m_window->undoStack();
        RolesPage *roles = m_window->rolesPage();
        const RolesPage::State before = roles->state();
        find<QPushButton>(QStringLiteral("clearRolesButton"))->click();
        QVERIFY(roles->roles().tasks.empty() && roles->roles().features.empty());
        QVERIFY(QApplication::activeModalWidget() == nullptr); // asks nothing: it is undoable
        stack->undo();
        QVERIFY(roles->state() == before);
        stack->redo();
        QVERIFY(roles->roles().features.empty());
        stack->undo();
        QCOMPARE(roles->taskNames(), QStringList({QStringLiteral("grade"), QStringLiteral("Class")}));
    }

    void undoSettingsAndLambdas()
    {
        QUndoStack *stack = m_window->undoStack();
        stack->clear();
        auto *rate = find<QDoubleSpinBox>(QStringLiteral("learningRateSpin"));
        const double rateBefore = rate->value();
        // Typing 0.01 digit by digit is one step.
        rate->setValue(0.002);
        rate->setValue(0.01);
        QCOMPARE(stack->count(), 1);
        QVERIFY2(stack->undoText().contains(QStringLiteral("Learning rate")), qPrintable(stack->undoText()));
        stack->undo();
        QCOMPARE(rate->value(), rateBefore);
        stack->redo();
        QCOMPARE(rate->value(), 0.01);

        auto *lambda = find<QDoubleSpinBox>(QStringLiteral("lambdaSpin_grade"));
        find<QSlider>(QStringLiteral("lambdaSlider_grade"))->setValue(35);
        QCOMPARE(lambda->value(), 3.5);
        QCOMPARE(stack->count(), 2);
        stack->undo();
        QCOMPARE(lambda->value(), 1.0);
        QCOMPARE(find<QSlider>(QStringLiteral("lambdaSlider_grade"))->value(), 10);
        QCOMPARE(m_window->settingsPage()->share(QStringLiteral("grade")), 0.5);
        stack->redo();
        QCOMPARE(m_window->settingsPage()->lambda(QStringLiteral("grade")), 3.5);

        // Reset to defaults asks nothing and is one step.
        find<QSpinBox>(QStringLiteral("epochsSpin"))->setValue(77);
        find<QLineEdit>(QStringLiteral("hiddenLayersEdit"))->setText(QStringLiteral("8,4"));
        const SettingsPage::State changed = m_window->settingsPage()->state();
        const int steps = stack->count();
        find<QPushButton>(QStringLiteral("resetSettingsButton"))->click();
        QCOMPARE(stack->count(), steps + 1);
        QCOMPARE(find<QSpinBox>(QStringLiteral("epochsSpin"))->value(), ExperimentConfig().train.epochs);
        QCOMPARE(m_window->settingsPage()->lambda(QStringLiteral("grade")), 1.0);
        stack->undo();
        QCOMPARE(m_window->settingsPage()->state(), changed);
        QCOMPARE(find<QSpinBox>(QStringLiteral("epochsSpin"))->value(), 77);
        QCOMPARE(m_window->settingsPage()->lambda(QStringLiteral("grade")), 3.5);
        stack->redo();
        QCOMPARE(find<QLineEdit>(QStringLiteral("hiddenLayersEdit"))->text().isEmpty(), false);
        QCOMPARE(find<QSpinBox>(QStringLiteral("epochsSpin"))->value(), ExperimentConfig().train.epochs);
        // The language is an application preference, not an undoable setting.
        QVERIFY(!m_window->settingsPage()->state().contains(QStringLiteral("languageCombo")));
    }

    void reloadKeepsRolesAndIsUndoable()
    {
        QUndoStack *stack = m_window->undoStack();
        RolesPage *roles = m_window->rolesPage();
        roles->setTasks({{"Class", TaskType::Binary, "bad", 1.0}, {"grade", TaskType::Multiclass, "", 1.0}});
        roles->setRole(QStringLiteral("emp_length"), RolesPage::Role::Ignore);
        const RolesPage::State chosen = roles->state();
        stack->clear();
        // Declaring "n/a" missing changes the file's reading, not the choices made.
        auto *missing = find<QLineEdit>(QStringLiteral("missingTokensEdit"));
        const QString tokensBefore = missing->text();
        missing->setText(tokensBefore + QStringLiteral(", n/a"));
        QSignalSpy loaded(m_window, &MainWindow::dataLoaded);
        find<QPushButton>(QStringLiteral("reloadButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QTRY_VERIFY(!m_window->isBusy());
        QVERIFY(roles->state() == chosen);
        QCOMPARE(roles->taskNames(), QStringList({QStringLiteral("grade"), QStringLiteral("Class")}));
        QCOMPARE(roles->roleEditor(QStringLiteral("emp_length"))->currentData().toInt(), int(RolesPage::Role::Ignore));
        QCOMPARE(stack->count(), 1);
        // Undo reads the file again with the options before.
        stack->undo();
        QCOMPARE(missing->text(), tokensBefore);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
        QTRY_VERIFY(!m_window->isBusy());
        QCOMPARE(m_window->workspace()->data()->options.missingTokens.size(), std::size_t(4));
        QVERIFY(roles->state() == chosen);
        stack->redo();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 30000);
        QTRY_VERIFY(!m_window->isBusy());
        QCOMPARE(m_window->workspace()->data()->options.missingTokens.size(), std::size_t(5));
        QVERIFY(roles->state() == chosen);
    }

    // --- Consistent state ---------------------------------------------------------------------------

    void failedOpenKeepsThePreviousFile()
    {
        const LoadedTablePtr before = m_window->workspace()->data();
        auto *label = find<QLabel>(QStringLiteral("fileLabel"));
        const QString shown = label->text();
        QVERIFY(shown.contains(QStringLiteral("lending_club.csv")));
        const QString ragged = writeFile(QStringLiteral("ragged.csv"), "a,b,c\n1,2,3\n4,5\n6,7,8\n");
        m_window->openDataFile(ragged);
        // While it loads: its name as loading, the previous table disabled.
        QVERIFY2(label->text().contains(QStringLiteral("ragged.csv")) &&
                     label->text().contains(QStringLiteral("loading")),
                 qPrintable(label->text()));
        QVERIFY(!find<QTableView>(QStringLiteral("dataTable"))->isEnabled());
        QVERIFY(!m_window->trainAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), 20000);
        QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("errorDialog")));
        m_window->findChild<QWidget *>(QStringLiteral("errorDialog"))->close();
        // The previous file, its name and its table stay, and can still be trained.
        QCOMPARE(label->text(), shown);
        QCOMPARE(m_window->workspace()->data(), before);
        QCOMPARE(m_window->dataPage()->currentPath(), before->path);
        QVERIFY(find<QTableView>(QStringLiteral("dataTable"))->isEnabled());
        QCOMPARE(find<QTableView>(QStringLiteral("dataTable"))->model()->rowCount(), 9857);
        QVERIFY(m_window->trainAction()->isEnabled());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("lending_club.csv")));
        // The status bar under that table names the file that failed and the one still open.
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Reading ragged.csv failed; lending_club.csv stays open"));
    }

    void thresholdStartsAtTheKsCutOff()
    {
        const RunPtr run = trainQuickly();
        QVERIFY(run);
        m_window->showPage(MainWindow::Results);
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        BinaryTaskPanel *panel = m_window->resultsPage()->binaryPanel();
        const TaskCharts *charts = run->chartsOf("Class");
        const std::optional<std::size_t> peak = ksPeak(charts->ks);
        QVERIFY(peak);
        QCOMPARE(panel->threshold(), std::round(charts->ks[*peak].threshold * 1000) / 1000);
        QVERIFY2(find<QLabel>(QStringLiteral("thresholdStartLabel"))->text().contains(QStringLiteral("KS-optimal")),
                 qPrintable(find<QLabel>(QStringLiteral("thresholdStartLabel"))->text()));
        // Without the KS curve, the base rate.
        QString why;
        const TaskScores *scores = run->scoresOf("Class");
        const double positives = std::count(scores->labels.begin(), scores->labels.end(), std::uint8_t(1));
        QCOMPARE(BinaryTaskPanel::startingThreshold(scores, nullptr, &why), positives / scores->labels.size());
        QVERIFY(why.contains(QStringLiteral("base rate")));

        // Above every score nothing is flagged: precision is 0/0, shown as undefined.
        panel->setThreshold(1.0);
        QCOMPARE(panel->counts().truePositive + panel->counts().falsePositive, std::int64_t(0));
        QCOMPARE(find<QLabel>(QStringLiteral("precisionLabel"))->text(), QStringLiteral("—"));
        QVERIFY(!find<QLabel>(QStringLiteral("precisionLabel"))->toolTip().isEmpty());
        QCOMPARE(find<QLabel>(QStringLiteral("recallLabel"))->text(), QLocale().toString(0.0, 'f', 4));

        // Calibration: equal-count bins with their counts in the legend; the score histogram over
        // the scores' own range when they are crowded.
        QVERIFY(charts->calibration.size() >= 5);
        std::int64_t fewest = charts->calibration.front().count, most = fewest;
        for (const CalibrationBin &bin : charts->calibration) {
            fewest = std::min(fewest, bin.count);
            most = std::max(most, bin.count);
        }
        QVERIFY2(most - fewest <= most / 10 + 1, "the calibration bins do not hold equal counts");
        QVERIFY(panel->calibrationChart()->binsLegend().contains(QLocale().toString(qlonglong(most))));
        const ScoreSpan span = scoreSpan(scores->scores);
        QCOMPARE(charts->distribution.edges.front(), span.lower);
        QCOMPARE(charts->distribution.edges.back(), span.upper);
    }

    void metricsTableShowsUndefinedRatesAsUndefined()
    {
        // Nothing scored 0.5 or more (a 5% default rate): precision and F1 at 0.5 are 0/0.
        const std::vector<float> scores = {0.1f, 0.2f, 0.05f, 0.3f};
        const std::vector<std::uint8_t> labels = {0, 1, 0, 0};
        TaskEvaluation evaluation;
        evaluation.task = "flag";
        evaluation.type = TaskType::Binary;
        evaluation.binary = binaryMetrics(scores, labels, 0.5);
        evaluation.count = 4;
        const auto metrics = MetricsTableModel::metricsOf(evaluation);
        const auto value = [&](const char *name) {
            for (const auto &[metric, figure] : metrics) {
                if (metric == QLatin1String(name))
                    return figure;
            }
            return -1.0;
        };
        QVERIFY(std::isnan(value("precision@0.5")));
        QCOMPARE(value("recall@0.5"), 0.0); // 0 of 1 positive found: defined, and 0
        QCOMPARE(value("F1@0.5"), 0.0);     // 2TP + FP + FN = 1
        QCOMPARE(value("accuracy@0.5"), 0.75);
    }

    void scoringEvaluatesThePresentTasksAndWarnsOfOverlap()
    {
        // The sample without its int_rate column: Class and grade are evaluated, int_rate named.
        QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = sample.readAll().split('\n');
        const int rateColumn = static_cast<int>(lines.front().split(',').indexOf("\"int_rate\""));
        QVERIFY(rateColumn >= 0);
        QByteArray withoutRate;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QList<QByteArray> cells = line.split(',');
            cells.removeAt(rateColumn);
            withoutRate += cells.join(',') + '\n';
        }
        const QString path = writeFile(QStringLiteral("no-rate.csv"), withoutRate);
        const RunPtr source = m_window->workspace()->currentRun();
        ScoringPage *page = m_window->scoringPage();
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        page->scoreFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 60000);
        QTRY_VERIFY(!page->isRunning());
        const RunPtr evaluated = m_window->workspace()->currentRun();
        QVERIFY(evaluated != source);
        const EvaluationReport *report = evaluated->result.report("test");
        QVERIFY(report);
        QCOMPARE(report->tasks.size(), std::size_t(2));
        QVERIFY(evaluated->scoresOf("Class") && evaluated->scoresOf("grade") && !evaluated->scoresOf("int_rate"));
        const QString notes = find<QLabel>(QStringLiteral("schemaProblem"))->text();
        QVERIFY2(notes.contains(QStringLiteral("int_rate")) && notes.contains(QStringLiteral("no-rate.csv")),
                 qPrintable(notes));
        QVERIFY(!notes.contains(QStringLiteral("trained on"))); // another file's content
        // Titled with its file, not as a "test part".
        m_window->resultsPage()->setRun(evaluated);
        const QString title = find<QLabel>(QStringLiteral("resultsTitle"))->text();
        QVERIFY2(title.contains(QStringLiteral("no-rate.csv")) && !title.contains(QStringLiteral("test part")),
                 qPrintable(title));

        // Scoring the training file itself says that its rows were fitted.
        m_window->workspace()->setCurrentRun(source);
        page->scoreFile(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 2, 60000);
        QTRY_VERIFY(!page->isRunning());
        const QString overlap = find<QLabel>(QStringLiteral("schemaProblem"))->text();
        const std::size_t fitted = source->result.split.train.size() + source->result.split.validation.size();
        QVERIFY2(overlap.contains(QStringLiteral("trained on")) && overlap.contains(QString::number(fitted)),
                 qPrintable(overlap));
        QVERIFY(find<QLabel>(QStringLiteral("schemaProblem"))->isVisibleTo(page));
        QCOMPARE(m_window->workspace()->currentRun()->result.warnings.back(), overlap.toStdString());
        m_window->workspace()->setCurrentRun(source);

        // The runs list tells them apart: method, network, data file, the part the charts are on.
        const RunListModel *runs = m_window->workspace()->runs();
        const int trained = runs->rowOf(source->id), outside = runs->rowOf(evaluated->id);
        const auto cell = [runs](int row, int field) { return runs->index(row, field).data().toString(); };
        QCOMPARE(cell(trained, RunListModel::Architecture), QStringLiteral("shared bottom"));
        QCOMPARE(cell(trained, RunListModel::Weighting), QStringLiteral("fixed"));
        QCOMPARE(cell(trained, RunListModel::Network), QStringLiteral("16"));
        QCOMPARE(cell(trained, RunListModel::DataFile), QStringLiteral("lending_club.csv"));
        QCOMPARE(cell(trained, RunListModel::EvaluatedPart), QStringLiteral("test part"));
        QCOMPARE(cell(outside, RunListModel::DataFile), QStringLiteral("no-rate.csv"));
        QCOMPARE(cell(outside, RunListModel::EvaluatedPart), QStringLiteral("all rows of no-rate.csv"));
        QCOMPARE(runs->headerData(RunListModel::Architecture, Qt::Horizontal).toString(),
                 QStringLiteral("Architecture"));
    }

    // --- Accessibility ---------------------------------------------------------------------------

    void everyFocusableControlIsNamed()
    {
        QStringList unnamed;
        for (int page = 0; page < MainWindow::PageCount; ++page) {
            m_window->showPage(static_cast<MainWindow::Page>(page));
            QApplication::processEvents();
            QWidget *root = m_window->pageWidget(static_cast<MainWindow::Page>(page));
            for (QWidget *widget : root->findChildren<QWidget *>()) {
                if (!(widget->focusPolicy() & Qt::TabFocus) || !widget->isVisibleTo(m_window) || widget->focusProxy())
                    continue;
                // A spin box's or combo box's own line edit speaks through its owner.
                if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                    qobject_cast<QComboBox *>(widget->parentWidget()))
                    continue;
                QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
                if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QStringLiteral("%1: %2 (%3)")
                                   .arg(page)
                                   .arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()));
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        // The Roles editors carry the column's name, as a screen reader reads them.
        QAccessibleInterface *role =
            QAccessible::queryAccessibleInterface(m_window->rolesPage()->roleEditor(QStringLiteral("annual_inc")));
        QCOMPARE(role->text(QAccessible::Name), QStringLiteral("Role of annual_inc"));
        // ...and are in the accessibility tree: their parents list them as children.
        QAccessibleInterface *parent = role->parent();
        QVERIFY(parent);
        QVERIFY(parent->indexOfChild(role) >= 0);
    }

    void sideListSwitchesPagesThroughAccessibility()
    {
        m_window->showPage(MainWindow::Start);
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(navigation);
        QAccessibleInterface *settings = nullptr;
        for (int i = 0; i < list->childCount(); ++i) {
            QAccessibleInterface *child = list->child(i);
            if (child && child->text(QAccessible::Name) == QStringLiteral("Settings"))
                settings = child;
        }
        QVERIFY(settings);
        QVERIFY(settings->actionInterface());
        const QStringList actions = settings->actionInterface()->actionNames();
        QVERIFY(!actions.isEmpty());
        // What AT-SPI's first action (a screen reader's "activate") does.
        settings->actionInterface()->doAction(actions.front());
        QTRY_COMPARE(m_window->currentPage(), MainWindow::Settings);
    }

    void everySettingAndMetricExplainsItself()
    {
        QStringList silent;
        const SettingsPage::State fields = m_window->settingsPage()->state();
        for (auto field = fields.cbegin(); field != fields.cend(); ++field) {
            auto *widget = m_window->settingsPage()->findChild<QWidget *>(field.key());
            if (widget->toolTip().isEmpty() || widget->whatsThis().isEmpty())
                silent << field.key();
        }
        QVERIFY2(fields.size() >= 20, qPrintable(QString::number(fields.size())));
        QVERIFY2(silent.isEmpty(), qPrintable(silent.join(QStringLiteral(", "))));
        for (const char *metric : {"AUC", "KS", "Gini", "log loss", "Brier", "accuracy@0.5", "precision@0.5",
                                   "recall@0.5", "F1@0.5", "accuracy", "macro-F1", "RMSE", "MAE", "R²", "rows"})
            QVERIFY2(!metricHelp(QString::fromUtf8(metric)).isEmpty(), metric);
        // The results table shows them on its metric names.
        const QAbstractItemModel *table = find<QTableView>(QStringLiteral("metricsTable"))->model();
        QVERIFY(table->rowCount() > 0);
        for (int row = 0; row < table->rowCount(); ++row)
            QCOMPARE(table->index(row, 1).data(Qt::ToolTipRole).toString(),
                     metricHelp(table->index(row, 1).data().toString()));
    }

    void settingsTabOrderFollowsTheLayout()
    {
        m_window->showPage(MainWindow::Settings);
        QApplication::processEvents();
        const QStringList tasks = m_window->settingsPage()->tasks();
        QVERIFY(!tasks.isEmpty());
        QWidget *first = find<QWidget>(QStringLiteral("lambdaSlider_") + tasks.front());
        QStringList order;
        QWidget *widget = first;
        do {
            const bool inner = qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                               qobject_cast<QComboBox *>(widget->parentWidget());
            if (m_window->settingsPage()->isAncestorOf(widget) && (widget->focusPolicy() & Qt::TabFocus) &&
                widget->isVisibleTo(m_window) && !widget->objectName().isEmpty() && !inner)
                order << widget->objectName();
            widget = widget->nextInFocusChain();
        } while (widget != first && order.size() < 60);
        QStringList expected;
        for (const QString &task : tasks)
            expected << QStringLiteral("lambdaSlider_") + task << QStringLiteral("lambdaSpin_") + task;
        expected += {QStringLiteral("hiddenLayersEdit"),
                     QStringLiteral("headHiddenSpin"),
                     QStringLiteral("dropoutSpin"),
                     QStringLiteral("wideCheck"),
                     QStringLiteral("learningRateSpin"),
                     QStringLiteral("batchSizeSpin"),
                     QStringLiteral("epochsSpin"),
                     QStringLiteral("patienceSpin"),
                     QStringLiteral("l2Spin"),
                     QStringLiteral("earlyStopOnEdit"),
                     QStringLiteral("refitCheck"),
                     QStringLiteral("architectureCombo"),
                     QStringLiteral("expertsSpin"),
                     QStringLiteral("taskExpertsSpin"),
                     QStringLiteral("weightingCombo"),
                     QStringLiteral("gradNormAlphaSpin"),
                     QStringLiteral("dwaTemperatureSpin"),
                     QStringLiteral("trainFractionSpin"),
                     QStringLiteral("validationFractionSpin"),
                     QStringLiteral("seedSpin"),
                     QStringLiteral("testFileEdit"),
                     QStringLiteral("browseTestButton"),
                     QStringLiteral("maxLevelsSpin"),
                     QStringLiteral("minLevelCountSpin"),
                     QStringLiteral("missingIndicatorsCheck"),
                     QStringLiteral("taskOrderList"),
                     QStringLiteral("moveTaskUpButton"),
                     QStringLiteral("moveTaskDownButton"),
                     QStringLiteral("woeModeCombo"),
                     QStringLiteral("woeColumnsList"),
                     QStringLiteral("woeTaskCombo"),
                     QStringLiteral("languageCombo"),
                     QStringLiteral("resetSettingsButton")};
        QCOMPARE(order.mid(0, expected.size()), expected);
    }
};

QTEST_MAIN(TestWorkbenchSafety)
#include "tst_workbench_safety.moc"
