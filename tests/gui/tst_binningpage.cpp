// The workbench's Binning page: screening on a worker thread, the bins of a feature, merge /
// split / reset as the core computes them, undo and redo, the refusals of a bad boundary, help
// and accessible names, the wheel, and the edited binning through a project's save and reopen.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "binning/BinningEdit.h"
#include "charts/BinningChart.h"
#include "models/BinningModels.h"
#include "pages/BinningPage.h"
#include "pages/RolesPage.h"
#include "workers/BinningWorker.h"

#include <QAccessible>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

#include <bit>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

namespace {

// x: ten rows of each value 1..4 and five missing, with 2, 3, 5, 6 and 1 bad loans: its optimal
// (ascending) bins are (-inf, 1], (1, 2], (2, 3], (3, +inf) and missing. grade: A or B.
QByteArray binningCsv()
{
    QByteArray csv = "x,grade,Class\n";
    int row = 0;
    const auto add = [&](const QByteArray &x, int bad, int good) {
        for (int i = 0; i < bad + good; ++i, ++row) {
            csv += x;
            csv += row % 3 == 0 ? ",A," : ",B,";
            csv += i < bad ? "bad\n" : "good\n";
        }
    };
    add("1", 2, 8);
    add("2", 3, 7);
    add("3", 5, 5);
    add("4", 6, 4);
    add("", 1, 4);
    return csv;
}

TaskSpec classTask()
{
    TaskSpec task;
    task.column = "Class";
    task.type = TaskType::Binary;
    task.positiveClass = "bad";
    return task;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

std::vector<std::int64_t> eventsOf(const FeatureBinning &binning)
{
    std::vector<std::int64_t> events;
    for (const Bin &bin : binning.bins)
        events.push_back(bin.events);
    return events;
}

bool screened(BinningPage *page)
{
    return page->screen() && QTest::qWaitFor([&] { return page->screening() && !page->isRunning(); }, 20000);
}

} // namespace

class TestBinningPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
        m_csv = writeFile(m_temp, QStringLiteral("bins.csv"), binningCsv());
        QVERIFY(!m_csv.isEmpty());
    }

    void screensMergesSplitsResetsAndUndoes()
    {
        MainWindow window;
        window.show();
        QVERIFY(openDataAndWait(&window, m_csv));
        BinningPage *page = window.binningPage();
        window.rolesPage()->setTasks({classTask()});
        window.showPage(MainWindow::Binning);
        QCOMPARE(findNamed<QComboBox>(page, QStringLiteral("binningTaskCombo"))->count(), 1);
        QVERIFY(screened(page));
        ScreeningTableModel *table = page->screeningModel();
        QCOMPARE(table->rowCount(), 2);
        // Sorted by IV, as the core screened them.
        const ScreeningResult &result = page->screening()->result;
        QCOMPARE(table->featureAt(0).feature, result.features[0].feature);
        QVERIFY(result.features[0].iv >= result.features[1].iv);
        QVERIFY(page->selectFeature(QStringLiteral("x")));
        const FeatureBinning optimal = *page->shownBinning();
        QCOMPARE(eventsOf(optimal), (std::vector<std::int64_t>{2, 3, 5, 6, 1}));
        QCOMPARE(page->binsModel()->rowCount(), 5);
        QVERIFY(page->trendText().contains(QLatin1String("ascending")));
        QCOMPARE(page->chart()->binAxis()->count(), 5);
        QCOMPARE(page->chart()->badRateSeries()->count(), 5);
        QCOMPARE(page->chart()->badRateSeries()->at(2).y(), 50.0);

        // Merge bins 2 and 3: (1, 3] with 8 bad loans of 20, IV as the core computes it.
        page->selectBins(1, 2);
        QVERIFY(page->mergeSelectedBins());
        const FeatureBinning expectedMerge = mergeBins(optimal, 1, 2);
        QCOMPARE(eventsOf(*page->shownBinning()), (std::vector<std::int64_t>{2, 8, 6, 1}));
        QVERIFY(sameBits(page->shownBinning()->iv, expectedMerge.iv));
        QVERIFY(expectedMerge.iv < optimal.iv);
        QCOMPARE(page->binsModel()->rowCount(), 4);
        QCOMPARE(page->binsModel()->data(page->binsModel()->index(1, BinsTableModel::Range)).toString(),
                 QStringLiteral("(1, 3]"));
        const int row = table->rowOf("x");
        QCOMPARE(table->data(table->index(row, ScreeningTableModel::Iv)).toString(),
                 QLocale().toString(expectedMerge.iv, 'f', 4));
        QCOMPARE(table->data(table->index(row, ScreeningTableModel::Edited)).toString(), QStringLiteral("by hand"));
        QVERIFY(findNamed<QLabel>(page, QStringLiteral("binningSummary"))
                    ->text()
                    .contains(QLocale().toString(expectedMerge.iv, 'f', 4)));
        // The task is the edits': it cannot change under them.
        QVERIFY(!findNamed<QComboBox>(page, QStringLiteral("binningTaskCombo"))->isEnabled());

        // Undo and redo: one step each way.
        QUndoStack *stack = window.undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("Merge bins 2–3 of x"));
        stack->undo();
        QCOMPARE(eventsOf(*page->shownBinning()), eventsOf(optimal));
        QVERIFY(sameBits(page->shownBinning()->iv, optimal.iv));
        QVERIFY(table->data(table->index(row, ScreeningTableModel::Edited)).toString().isEmpty());
        stack->redo();
        QCOMPARE(eventsOf(*page->shownBinning()), (std::vector<std::int64_t>{2, 8, 6, 1}));

        // Bad boundaries are refused with a message saying what is wrong; nothing changes.
        const int steps = stack->count();
        page->selectBins(1, 1);
        QVERIFY(!page->splitSelectedBin(QStringLiteral("abc")));
        QVERIFY2(page->message().contains(QLatin1String("\"abc\" is not a number")), qPrintable(page->message()));
        QVERIFY(page->message().contains(QLatin1String("type the boundary as a number above 1 and below 3.")));
        QVERIFY(!page->splitSelectedBin(QStringLiteral("3.5")));
        QVERIFY2(page->message().contains(QLatin1String("3.5 is not inside the bin (1, 3]")),
                 qPrintable(page->message()));
        // The first bin is open below: only its upper end is a limit.
        page->selectBins(0, 0);
        QVERIFY(!page->splitSelectedBin(QStringLiteral("1")));
        QCOMPARE(page->message(), QStringLiteral("1 is not inside the bin (-inf, 1]: type a number below 1."));
        QVERIFY(!page->splitSelectedBin(QString()));
        QCOMPARE(page->message(), QStringLiteral("Type the boundary to split (-inf, 1] at: a number below 1."));
        page->selectBins(2, 2);
        QVERIFY(!page->splitSelectedBin(QStringLiteral("-1e999")));
        QCOMPARE(page->message(), QStringLiteral("\"-1e999\" is not a number: type the boundary as a number above 3."));
        page->selectBins(1, 1);
        // No value of the bin lies in (1, 1.5]: one side would be empty.
        QVERIFY(!page->splitSelectedBin(QStringLiteral("1.5")));
        QVERIFY2(page->message().contains(QLatin1String("cannot be split at 1.5")), qPrintable(page->message()));
        page->selectBins(3, 3);
        QVERIFY(!page->splitSelectedBin(QStringLiteral("1")));
        QVERIFY(page->message().contains(QLatin1String("missing is not one")));
        page->selectBins(0, 3);
        QVERIFY(!page->mergeSelectedBins());
        QVERIFY(page->message().contains(QLatin1String("keep a bin of their own")));
        QCOMPARE(stack->count(), steps);
        QCOMPARE(eventsOf(*page->shownBinning()), (std::vector<std::int64_t>{2, 8, 6, 1}));

        // Split (1, 3] at 2: the optimal bins again, as the core splits them.
        page->selectBins(1, 1);
        const FeatureBinning merged = *page->shownBinning();
        QVERIFY(page->splitSelectedBin(QStringLiteral("2")));
        QVERIFY(page->message().isEmpty());
        const FeatureBinning expectedSplit =
            splitBin(merged, 1, 2, page->screening()->result.valueCounts[std::size_t(table->rowOf("x"))]);
        QCOMPARE(eventsOf(*page->shownBinning()), eventsOf(expectedSplit));
        QVERIFY(sameBits(page->shownBinning()->iv, expectedSplit.iv));
        QCOMPARE(eventsOf(expectedSplit), (std::vector<std::int64_t>{2, 3, 5, 6, 1}));
        QCOMPARE(stack->undoText(), QStringLiteral("Split bin 2 of x at 2"));

        // Merge everything to one range bin: no trend; reset: the optimal bins; undo the reset.
        page->selectBins(0, 3);
        QVERIFY(page->mergeSelectedBins());
        QCOMPARE(page->shownBinning()->bins.size(), std::size_t(2));
        QVERIFY(page->trendText().contains(QLatin1String("no trend")));
        QVERIFY(page->resetFeature());
        QCOMPARE(eventsOf(*page->shownBinning()), eventsOf(optimal));
        QVERIFY(page->projectBinning().edited.empty());
        QVERIFY(!page->resetFeature());
        QVERIFY(page->message().contains(QLatin1String("already has its optimal bins")));
        stack->undo();
        QCOMPARE(page->shownBinning()->bins.size(), std::size_t(2));
        QVERIFY(window.workspace()->isModified());
    }

    void workerReportsProgressAndStopsWhenCancelled()
    {
        MainWindow window;
        QVERIFY(openDataAndWait(&window, m_csv));
        const LoadedTablePtr data = window.workspace()->data();
        // Run on this thread: what the page's thread runs, with every signal in order.
        BinningWorker finishing({data, classTask()});
        QSignalSpy progress(&finishing, &Worker::progress);
        QSignalSpy succeeded(&finishing, &BinningWorker::succeeded);
        finishing.run();
        QCOMPARE(succeeded.count(), 1);
        QList<double> fractions;
        for (const QList<QVariant> &signal : progress)
            fractions << signal.at(0).toDouble();
        QCOMPARE(fractions, (QList<double>{0.0, 0.5, 1.0})); // two features, then done
        const auto screening = succeeded.front().at(0).value<BinningScreeningPtr>();
        QCOMPARE(screening->result.features.size(), std::size_t(2));
        QCOMPARE(screening->result.valueCounts.size(), std::size_t(2));

        BinningWorker cancelled({data, classTask()});
        QSignalSpy cancelledSpy(&cancelled, &Worker::cancelled);
        QSignalSpy notSucceeded(&cancelled, &BinningWorker::succeeded);
        cancelled.cancel();
        cancelled.run();
        QCOMPARE(cancelledSpy.count(), 1);
        QCOMPARE(notSucceeded.count(), 0);

        // On the page: while a screening runs, Cancel is the one button on; after it, Screen.
        window.rolesPage()->setTasks({classTask()});
        BinningPage *page = window.binningPage();
        auto *cancelButton = findNamed<QPushButton>(page, QStringLiteral("cancelScreeningButton"));
        auto *screenButton = findNamed<QPushButton>(page, QStringLiteral("screenFeaturesButton"));
        QVERIFY(!cancelButton->isEnabled());
        QVERIFY(page->screen());
        QVERIFY(page->isRunning());
        QVERIFY(cancelButton->isEnabled());
        QVERIFY(!screenButton->isEnabled());
        QVERIFY(!page->screen()); // one at a time
        QVERIFY(QTest::qWaitFor([&] { return !page->isRunning(); }, 10000));
        QVERIFY(!cancelButton->isEnabled());
        QVERIFY(screenButton->isEnabled());
    }

    void controlsHaveNamesAndHelpAndIgnoreTheWheel()
    {
        MainWindow window;
        QVERIFY(showActive(&window, QSize(1200, 800)));
        QVERIFY(openDataAndWait(&window, m_csv));
        const TaskSpec grade{"grade", TaskType::Binary, std::string(1, 'B')};
        window.rolesPage()->setTasks({classTask(), grade});
        window.showPage(MainWindow::Binning);
        BinningPage *page = window.binningPage();
        QTest::qWait(50);
        for (const char *name :
             {"binningTaskCombo", "screenFeaturesButton", "cancelScreeningButton", "screeningTable", "binsTable",
              "mergeBinsButton", "splitBoundaryEdit", "splitBinButton", "resetBinningButton"}) {
            QWidget *widget = findNamed<QWidget>(page, QLatin1String(name));
            QVERIFY2(widget, name);
            QVERIFY2(!widget->whatsThis().isEmpty(), name);
            // What a screen reader reads: the accessible name, else a button's text.
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY2(accessible && !accessible->text(QAccessible::Name).isEmpty(), name);
        }
        // The wheel over the task combo (without focus) leaves the task as it is.
        auto *combo = findNamed<QComboBox>(page, QStringLiteral("binningTaskCombo"));
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentIndex(), 0);
        window.activateWindow();
        findNamed<QWidget>(page, QStringLiteral("screeningTable"))->setFocus();
        const QPoint centre = combo->rect().center();
        QWheelEvent wheel(centre, combo->mapToGlobal(centre), {}, QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(combo, &wheel);
        QCOMPARE(combo->currentIndex(), 0);
    }

    void editedBinningSurvivesSaveAndReopen()
    {
        const QString project = m_temp.filePath(QStringLiteral("bins.cmtlproj"));
        std::vector<std::int64_t> savedEvents;
        double savedIv = 0;
        {
            MainWindow window;
            window.show();
            QVERIFY(openDataAndWait(&window, m_csv));
            window.rolesPage()->setTasks({classTask()});
            BinningPage *page = window.binningPage();
            QVERIFY(screened(page));
            QVERIFY(page->selectFeature(QStringLiteral("x")));
            page->selectBins(0, 1);
            QVERIFY(page->mergeSelectedBins());
            savedEvents = eventsOf(*page->shownBinning());
            savedIv = page->shownBinning()->iv;
            QCOMPARE(savedEvents, (std::vector<std::int64_t>{5, 5, 6, 1}));
            QVERIFY(window.saveProject(project));
        }
        MainWindow window;
        window.show();
        QVERIFY(openProjectAndWait(&window, project));
        BinningPage *page = window.binningPage();
        const ProjectBinning restored = page->projectBinning();
        QCOMPARE(restored.taskColumn, std::string("Class"));
        QCOMPARE(restored.positiveClass, std::string("bad"));
        QCOMPARE(restored.edited.size(), std::size_t(1));
        QCOMPARE(eventsOf(restored.edited[0]), savedEvents);
        QVERIFY(!window.workspace()->isModified());
        // Screening the reopened project's data shows the edited bins, not the optimal ones.
        QVERIFY(screened(page));
        QVERIFY(page->message().isEmpty());
        QVERIFY(page->selectFeature(QStringLiteral("x")));
        QCOMPARE(eventsOf(*page->shownBinning()), savedEvents);
        QVERIFY(sameBits(page->shownBinning()->iv, savedIv));
        // Reset is one undo step on the reopened project, and makes it differ from its file.
        QVERIFY(page->resetFeature());
        QCOMPARE(page->shownBinning()->bins.size(), std::size_t(5));
        QVERIFY(window.workspace()->isModified());
        window.undoStack()->undo();
        QCOMPARE(eventsOf(*page->shownBinning()), savedEvents);
        QVERIFY(!window.workspace()->isModified());
        // Without their task on the Roles page, the grouped bins are not screened against another.
        const TaskSpec grade{"grade", TaskType::Binary, std::string(1, 'B')};
        window.rolesPage()->setTasks({grade});
        QVERIFY(!page->screen());
        QCOMPARE(page->message(), QStringLiteral("The bins grouped by hand belong to the task Class: define it on the "
                                                 "Roles page to screen them again."));
        // A new project forgets the edits.
        window.workspace()->setModified(false);
        window.newProject();
        QVERIFY(window.binningPage()->projectBinning().empty());
    }

private:
    QTemporaryDir m_temp;
    QString m_csv;
};

QTEST_MAIN(TestBinningPage)
#include "tst_binningpage.moc"
