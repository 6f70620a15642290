// The charts and the pages that show them (issue 17, item 10): every legend names its entries in
// colours of their own, exports carry the chart, task and run in their title, each chart has its
// own Save and Copy buttons and no shortcut of its own, the training page labels the epoch log and
// marks the kept epoch, a model opened from a file says why its charts are empty, and the
// threshold explorer announces the user's choices.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ResourcesInit.h"
#include "Workspace.h"
#include "charts/CalibrationChart.h"
#include "charts/ChartToolBar.h"
#include "charts/ChartView.h"
#include "charts/ConfusionHeatmap.h"
#include "charts/KsChart.h"
#include "charts/LossChart.h"
#include "charts/RocChart.h"
#include "charts/ScatterChart.h"
#include "charts/ScoreDistributionChart.h"
#include "models/RunListModel.h"
#include "pages/BinaryTaskPanel.h"
#include "pages/MulticlassTaskPanel.h"
#include "pages/RegressionTaskPanel.h"
#include "pages/ResultsPage.h"
#include "pages/TrainingPage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMimeData>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QXmlStreamReader>

#include <cmath>
#include <random>
#include <set>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

// Scores of a `classes`-class task where each row's own class gets a higher probability more
// often than not: every one-vs-rest curve is defined and better than chance.
TaskScores multiclassScores(const QStringList &classes, int rows)
{
    TaskScores scores;
    scores.task = "loan_status";
    scores.type = TaskType::Multiclass;
    for (const QString &name : classes)
        scores.classes.push_back(name.toStdString());
    const auto k = static_cast<Eigen::Index>(classes.size());
    scores.probabilities.resize(k, rows);
    std::mt19937 random(7);
    std::uniform_real_distribution<float> uniform(0.05f, 1.0f);
    for (int row = 0; row < rows; ++row) {
        const auto label = static_cast<std::int32_t>(row % k);
        scores.classLabels.push_back(label);
        float sum = 0;
        for (Eigen::Index c = 0; c < k; ++c) {
            const float p = uniform(random) + (c == label ? 0.3f : 0.0f);
            scores.probabilities(c, row) = p;
            sum += p;
        }
        scores.probabilities.col(row) /= sum;
    }
    return scores;
}

TaskScores binaryScores(int rows)
{
    TaskScores scores;
    scores.task = "default_flag";
    scores.type = TaskType::Binary;
    scores.classes = {"good", "bad"};
    std::mt19937 random(11);
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    for (int row = 0; row < rows; ++row) {
        const bool bad = row % 5 == 0;
        scores.labels.push_back(bad ? 1 : 0);
        scores.scores.push_back(std::min(1.0f, uniform(random) * 0.6f + (bad ? 0.35f : 0.0f)));
    }
    return scores;
}

// Every text an SVG shows, in document order, each <text> element's content trimmed.
QStringList svgTexts(const QByteArray &svg)
{
    QStringList texts;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == QLatin1String("text"))
            texts << reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    return texts;
}

// Lets deferred layouts (legends are QGraphicsLayouts) run.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// Closes the next modal dialog (a file dialog: after choosing `path` in it, when given).
void answerNextDialog(const QString &path)
{
    QTimer::singleShot(0, [path] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal) {
            answerNextDialog(path); // not open yet
            return;
        }
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        if (dialog && !path.isEmpty()) {
            dialog->selectFile(path);
            QMetaObject::invokeMethod(dialog, "accept");
        } else {
            modal->close();
        }
    });
}

} // namespace

using namespace cmtl::ui::testing;

class TestCharts : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;
    QTemporaryDir m_temp;
    RunPtr m_trained;

    // Every chart of the window: the chart views and the heat map.
    QList<QWidget *> allCharts() const
    {
        QList<QWidget *> charts;
        for (ChartView *view : m_window->findChildren<ChartView *>())
            charts << view;
        for (ConfusionHeatmap *heatmap : m_window->findChildren<ConfusionHeatmap *>())
            charts << heatmap;
        return charts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
    }

    void cleanupTestCase()
    {
        if (m_window) {
            m_window->workspace()->setModified(false);
            m_window->close();
            delete m_window;
        }
    }

    void seriesColoursStayDistinct()
    {
        // A fixed palette, then generated hues: no two of the first 60 indices share a colour, and
        // the first 16 differ clearly (a distance in RGB a reader sees).
        std::set<QRgb> seen;
        for (int i = 0; i < 60; ++i)
            QVERIFY2(seen.insert(ChartView::seriesColor(i).rgb()).second, qPrintable(QString::number(i)));
        for (int i = 0; i < 16; ++i) {
            for (int j = 0; j < i; ++j) {
                const QColor a = ChartView::seriesColor(i), b = ChartView::seriesColor(j);
                const double distance =
                    std::hypot(a.red() - b.red(), a.green() - b.green()) + std::abs(a.blue() - b.blue());
                QVERIFY2(distance > 40, qPrintable(QStringLiteral("%1 and %2: %3").arg(i).arg(j).arg(distance)));
            }
        }
    }

    void sevenClassLegendNamesEveryClassInItsOwnColour()
    {
        const QStringList classes = {QStringLiteral("Current"),
                                     QStringLiteral("Fully Paid"),
                                     QStringLiteral("Charged Off"),
                                     QStringLiteral("In Grace Period"),
                                     QStringLiteral("Late (16-30 days)"),
                                     QStringLiteral("Late (31-120 days)"),
                                     QStringLiteral("Default")};
        const TaskScores scores = multiclassScores(classes, 700);
        const TaskEvaluation evaluation = evaluateScores(scores);
        const std::vector<TaskCharts> charts = computeTaskCharts({scores});
        QVERIFY(evaluation.multiclass);

        MulticlassTaskPanel panel;
        panel.resize(1100, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setTask(evaluation, &charts.front(), QStringLiteral("Run 3 (MMoE, uncertainty)"));
        settle();
        RocChart *roc = panel.rocChart();
        QCOMPARE(roc->curveCount(), 7);
        std::set<QRgb> colours;
        for (int k = 0; k < 7; ++k) {
            const QString expected =
                QStringLiteral("%1 (AUC %2)")
                    .arg(classes[k])
                    .arg(evaluation.multiclass->oneVsRestAuc[static_cast<std::size_t>(k)], 0, 'f', 3);
            QCOMPARE(roc->curveSeries(k)->name(), expected);
            colours.insert(roc->curveSeries(k)->pen().color().rgb());
            // ...and the legend draws the whole label, not a shortened one.
            QVERIFY2(roc->legendTexts().contains(expected), qPrintable(roc->legendTexts().join(QLatin1Char('|'))));
        }
        QCOMPARE(colours.size(), std::size_t{7});
        // The threshold marker (black) shares no curve's colour.
        QVERIFY(!colours.count(roc->markerSeries()->color().rgb()));
        // Seven labels do not fit in one line below the chart: the legend stands on the right.
        QCOMPARE(roc->chart()->legend()->alignment(), Qt::AlignRight);
        for (const QString &text : roc->legendTexts())
            QVERIFY2(!text.endsWith(QLatin1String("...")), qPrintable(text));
    }

    void bestEpochMarkerOnAHistory()
    {
        TrainingHistory history;
        for (int epoch = 1; epoch <= 6; ++epoch) {
            EpochRecord record;
            record.epoch = epoch;
            record.tasks.resize(1);
            record.tasks[0].trainLoss = 1.0 / epoch;
            record.tasks[0].validationLoss = epoch == 3 ? 0.2 : 0.3 + 0.01 * epoch;
            history.epochs.push_back(record);
        }
        history.bestEpoch = 3;
        LossChart chart;
        chart.resize(700, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setHistory({QStringLiteral("Class")}, history);
        settle();
        QCOMPARE(chart.bestEpoch(), 3);
        QLineSeries *line = chart.bestEpochLine();
        QVERIFY(line);
        QCOMPARE(line->count(), 2);
        QCOMPARE(line->at(0).x(), 3.0);
        QCOMPARE(line->at(1).x(), 3.0);
        QCOMPARE(line->at(0).y(), 0.0);
        QCOMPARE(line->at(1).y(), chart.chart()->axes(Qt::Vertical).first()->property("max").toDouble());
        // Labelled on the chart and named in the legend.
        QScatterSeries *label = chart.bestEpochLabel();
        QCOMPARE(label->count(), 1);
        QCOMPARE(label->at(0).x(), 3.0);
        QVERIFY(label->pointLabelsVisible());
        QCOMPARE(label->pointLabelsFormat(), QStringLiteral("best epoch 3"));
        QVERIFY(chart.legendTexts().contains(QStringLiteral("epoch 3: weights kept")));
        QCOMPARE(LossChart::outcome(history, 6),
                 QStringLiteral("Completed all 6 epochs; the weights of epoch 3 were kept."));
        QCOMPARE(LossChart::outcome(history, 30),
                 QStringLiteral("Stopped early at epoch 6 of 30; the weights of epoch 3 were kept."));
        // A new history moves the marker; none (0) removes it.
        history.bestEpoch = 5;
        chart.setHistory({QStringLiteral("Class")}, history);
        QCOMPARE(chart.bestEpochLine()->at(0).x(), 5.0);
        chart.setBestEpoch(0);
        QVERIFY(!chart.bestEpochLine());
        QVERIFY(!chart.legendTexts().contains(QStringLiteral("epoch 5: weights kept")));
    }

    void thresholdSignalOnlyForTheUser()
    {
        const TaskScores scores = binaryScores(500);
        const TaskEvaluation evaluation = evaluateScores(scores);
        const std::vector<TaskCharts> charts = computeTaskCharts({scores});
        BinaryTaskPanel panel;
        panel.resize(1100, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy chosen(&panel, &BinaryTaskPanel::thresholdChosen);
        panel.setTask(evaluation, &scores, &charts.front());
        panel.setThreshold(0.3);
        QCOMPARE(chosen.count(), 0); // the panel's own settings are no choice
        QCOMPARE(panel.threshold(), 0.3);

        // The slider moved by the keyboard: one choice, for this task, at the new value.
        auto *slider = panel.findChild<QSlider *>(QStringLiteral("thresholdSlider"));
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Right);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("default_flag"));
        QCOMPARE(chosen.at(0).at(1).toDouble(), 0.301);
        QCOMPARE(panel.threshold(), 0.301);

        // A value typed into the spin box.
        auto *spin = panel.findChild<QDoubleSpinBox *>(QStringLiteral("thresholdSpin"));
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QLocale().toString(0.25, 'f', 2));
        QTest::keyClick(spin, Qt::Key_Return);
        QVERIFY(chosen.count() >= 2);
        QCOMPARE(chosen.last().at(1).toDouble(), 0.25);
        QCOMPARE(panel.counts().truePositive + panel.counts().falsePositive,
                 std::count_if(scores.scores.begin(), scores.scores.end(), [](float s) { return s >= 0.25; }));
    }

    void trainingLabelsTheLogAndMarksTheKeptEpoch()
    {
        m_window = new MainWindow;
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QSignalSpy loaded(m_window, &MainWindow::dataLoaded);
        m_window->openSample(); // int_rate (regression), grade (multi-class), Class (binary)
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QTRY_VERIFY(!m_window->isBusy());
        // Many epochs, patience 1: the run stops early and keeps an earlier epoch.
        m_window->findChild<QSpinBox *>(QStringLiteral("epochsSpin"))->setValue(40);
        m_window->findChild<QSpinBox *>(QStringLiteral("patienceSpin"))->setValue(1);
        m_window->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"))->setValue(256);
        m_window->findChild<QLineEdit *>(QStringLiteral("hiddenLayersEdit"))->setText(QStringLiteral("16"));
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        QVERIFY(m_window->trainAction()->isEnabled());
        m_window->trainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 180000);
        QTRY_VERIFY(!m_window->trainingPage()->isRunning());
        m_trained = m_window->workspace()->currentRun();
        const TrainingHistory &history = m_trained->result.history;
        const int ran = static_cast<int>(history.epochs.size());
        QVERIFY2(ran < 40, "patience 1 stops the run early");
        QVERIFY(history.bestEpoch >= 1 && history.bestEpoch < ran);

        TrainingPage *page = m_window->trainingPage();
        QCOMPARE(page->outcome(), QStringLiteral("Stopped early at epoch %1 of 40; the weights of epoch %2 were kept.")
                                      .arg(ran)
                                      .arg(history.bestEpoch));
        QCOMPARE(page->lossChart()->bestEpoch(), history.bestEpoch);
        QCOMPARE(page->lossChart()->bestEpochLine()->at(0).x(), double(history.bestEpoch));
        // The Results page's history tab: the same marker and sentence, for the run shown.
        QCOMPARE(m_window->resultsPage()->historyChart()->bestEpoch(), history.bestEpoch);
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("historyOutcomeLabel"))->text(), page->outcome());

        // The epoch log: a header for every value, one row per epoch, the engine's numbers.
        QTableWidget *log = page->epochLog();
        QStringList headers;
        for (int c = 0; c < log->columnCount(); ++c)
            headers << log->horizontalHeaderItem(c)->text();
        QCOMPARE(headers,
                 QStringList({QStringLiteral("Epoch"), QStringLiteral("Train objective"),
                              QStringLiteral("Validation objective"), QStringLiteral("int_rate validation RMSE"),
                              QStringLiteral("grade validation accuracy"), QStringLiteral("Class validation AUC"),
                              QStringLiteral("Seconds")}));
        QCOMPARE(log->rowCount(), ran);
        const QLocale locale;
        for (int row = 0; row < ran; ++row) {
            const EpochRecord &record = history.epochs[static_cast<std::size_t>(row)];
            QCOMPARE(log->item(row, 0)->text(), locale.toString(record.epoch));
            QCOMPARE(log->item(row, 1)->text(), locale.toString(record.trainObjective, 'f', 4));
            QCOMPARE(log->item(row, 2)->text(), locale.toString(record.validationObjective, 'f', 4));
            for (int t = 0; t < 3; ++t)
                QCOMPARE(log->item(row, 3 + t)->text(),
                         locale.toString(record.tasks[static_cast<std::size_t>(t)].validationMetric, 'f', 4));
            // The kept epoch stands out.
            QCOMPARE(log->item(row, 1)->font().bold(), record.epoch == history.bestEpoch);
        }
    }

    void noLegendLabelIsCutShort()
    {
        // Every chart of every task of the trained run, and the training page's.
        QVERIFY(m_trained);
        ResultsPage *results = m_window->resultsPage();
        m_window->showPage(MainWindow::Results);
        QStringList problems;
        for (const QString &task : {QStringLiteral("Class"), QStringLiteral("grade"), QStringLiteral("int_rate")}) {
            results->showTask(task);
            settle();
            for (ChartView *chart : results->findChildren<ChartView *>()) {
                if (!chart->isVisibleTo(m_window))
                    continue;
                for (const QString &text : chart->legendTexts()) {
                    if (text.endsWith(QLatin1String("...")))
                        problems << chart->objectName() + QLatin1Char(':') + text;
                }
                // Every visible legend entry is drawn with its full label.
                for (const QLegendMarker *marker : chart->chart()->legend()->markers()) {
                    if (marker->isVisible() && chart->chart()->legend()->isVisible() &&
                        !chart->legendTexts().contains(marker->label()))
                        problems << chart->objectName() + QStringLiteral(": missing ") + marker->label();
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));
        // The one-vs-rest curves of grade: one colour per class.
        results->showTask(QStringLiteral("grade"));
        RocChart *roc = results->multiclassPanel()->rocChart();
        std::set<QRgb> colours;
        for (int k = 0; k < roc->curveCount(); ++k)
            colours.insert(roc->curveSeries(k)->pen().color().rgb());
        QVERIFY(roc->curveCount() >= 5);
        QCOMPARE(colours.size(), static_cast<std::size_t>(roc->curveCount()));
    }

    void exportTitleNamesChartTaskAndRun()
    {
        ResultsPage *results = m_window->resultsPage();
        results->showTask(QStringLiteral("Class"));
        settle();
        RocChart *roc = results->binaryPanel()->rocChart();
        const QString run = runWithMethod(m_trained->name, m_trained->config);
        QCOMPARE(run, QStringLiteral("%1 (shared bottom, fixed)").arg(m_trained->name));
        const QString title = QStringLiteral("ROC curve — Class — %1").arg(run);
        QCOMPARE(roc->exportTitle(), title);

        // The SVG shows the title as text (not only as metadata), and still the chart's legend.
        const QString svgPath = m_temp.filePath(QStringLiteral("roc.svg"));
        QVERIFY(roc->saveImage(svgPath));
        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray document = svg.readAll();
        const QStringList texts = svgTexts(document);
        QVERIFY2(texts.contains(title), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(roc->curveSeries(0)->name()));
        // The chart's own title is not drawn twice under the band.
        QCOMPARE(texts.count(QStringLiteral("ROC curve")), 0);
        QVERIFY(document.contains("<title>" + title.toUtf8().replace("—", "&#8212;")) ||
                document.contains("<title>" + title.toUtf8()));
        // The chart on screen keeps its short title afterwards.
        QCOMPARE(roc->chartTitle(), QStringLiteral("ROC curve"));

        // The PNG: the chart at twice its size, with the title band above.
        const QString pngPath = m_temp.filePath(QStringLiteral("roc.png"));
        QVERIFY(roc->saveImage(pngPath));
        const QImage png(pngPath);
        QCOMPARE(png.width(), roc->viewport()->width() * 2);
        QVERIFY(png.height() > roc->viewport()->height() * 2);

        // The KS chart, the heat map and the loss history name theirs.
        QCOMPARE(results->binaryPanel()->ksChart()->exportTitle(), QStringLiteral("KS curve — Class — %1").arg(run));
        results->showTask(QStringLiteral("grade"));
        ConfusionHeatmap *heatmap = results->multiclassPanel()->heatmap();
        QCOMPARE(heatmap->exportTitle(), QStringLiteral("Confusion matrix — grade — %1").arg(run));
        const QString heatmapPath = m_temp.filePath(QStringLiteral("heatmap.svg"));
        QVERIFY(heatmap->saveImage(heatmapPath));
        QFile heatmapSvg(heatmapPath);
        QVERIFY(heatmapSvg.open(QIODevice::ReadOnly));
        // Narrower than its title: the band wraps it over two lines, every word shown.
        const QStringList heatmapTexts = svgTexts(heatmapSvg.readAll());
        QVERIFY2(heatmapTexts.join(QLatin1Char(' ')).contains(heatmap->exportTitle()),
                 qPrintable(heatmapTexts.join(QLatin1Char('|'))));
        QVERIFY(!heatmapTexts.contains(heatmap->exportTitle()));
        QCOMPARE(results->historyChart()->exportTitle(), QStringLiteral("Loss per task — %1").arg(run));
        QCOMPARE(m_window->trainingPage()->lossChart()->exportTitle(), QStringLiteral("Loss per task — %1").arg(run));
    }

    void everyChartHasSaveAndCopyButtons()
    {
        ResultsPage *results = m_window->resultsPage();
        results->showTask(QStringLiteral("Class"));
        settle();
        const QList<QWidget *> charts = allCharts();
        QVERIFY(charts.size() >= 12);
        for (QWidget *chart : charts) {
            auto *save = chart->findChild<QToolButton *>(QStringLiteral("saveChartButton"));
            auto *copy = chart->findChild<QToolButton *>(QStringLiteral("copyChartButton"));
            QVERIFY2(save && copy, qPrintable(chart->objectName()));
            for (QToolButton *button : {save, copy}) {
                QVERIFY(!button->accessibleName().isEmpty());
                QVERIFY(!button->toolTip().isEmpty());
                QVERIFY(!button->icon().isNull());
                QVERIFY(button->focusPolicy() & Qt::TabFocus);
            }
            QCOMPARE(save->accessibleName(), QStringLiteral("Save chart…"));
            QCOMPARE(copy->accessibleName(), QStringLiteral("Copy chart"));
            // The context menu offers the same two actions.
            QVERIFY(chart->actions().contains(save->defaultAction()));
            QVERIFY(chart->actions().contains(copy->defaultAction()));
        }

        // In the chart's top-right corner, and reached from the chart with Tab.
        RocChart *roc = results->binaryPanel()->rocChart();
        ChartToolBar *bar = roc->toolBar();
        QVERIFY(bar->isVisible());
        QVERIFY(bar->geometry().right() <= roc->width() && bar->geometry().right() > roc->width() - 10);
        QVERIFY(bar->geometry().top() < 10);
        roc->setFocus();
        bool reached = false;
        for (int i = 0; i < 6 && !reached; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            reached = QApplication::focusWidget() == bar->saveButton();
        }
        QVERIFY2(reached, qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                                 : QStringLiteral("none")));

        // Copy: the image (and the SVG with its title) on the clipboard.
        QApplication::clipboard()->clear();
        QTest::mouseClick(bar->copyButton(), Qt::LeftButton);
        const QImage copied = QApplication::clipboard()->image();
        QVERIFY(!copied.isNull());
        QCOMPARE(copied.width(), roc->viewport()->width() * 2);
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        QVERIFY(mime->hasFormat(QStringLiteral("image/svg+xml")));
        QVERIFY(svgTexts(mime->data(QStringLiteral("image/svg+xml"))).contains(roc->exportTitle()));

        // Save: the dialog suggests a name from the title; the chosen file is written.
        const QString path = m_temp.filePath(QStringLiteral("saved-by-button.svg"));
        answerNextDialog(path);
        QTest::mouseClick(bar->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(QFileInfo::exists(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(svgTexts(saved.readAll()).contains(roc->exportTitle()));
        QCOMPARE(imageFileStem(QStringLiteral("ROC curve — Class — Run 1 (a/b: c)")),
                 QStringLiteral("ROC curve — Class — Run 1 (a-b- c)"));

        // The heat map's buttons work the same way.
        results->showTask(QStringLiteral("grade"));
        ConfusionHeatmap *heatmap = results->multiclassPanel()->heatmap();
        QApplication::clipboard()->clear();
        QTest::mouseClick(heatmap->toolBar()->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->image().width(), heatmap->width() * 2);
    }

    void noChartShortcutCollidesWithSaveProject()
    {
        for (QWidget *chart : allCharts()) {
            for (const QAction *action : chart->findChildren<QAction *>()) {
                QVERIFY2(action->shortcut().isEmpty(), qPrintable(action->text()));
            }
            for (const QAction *action : chart->actions())
                QVERIFY2(action->shortcut().isEmpty(), qPrintable(action->text()));
        }
        // With a chart focused, Ctrl+S is File ▸ Save Project (its dialog answered with Cancel).
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        RocChart *roc = m_window->resultsPage()->binaryPanel()->rocChart();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        roc->setFocus();
        QSignalSpy saved(m_window->saveProjectAction(), &QAction::triggered);
        answerNextDialog(QString());
        QTest::keyClick(roc, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(saved.count(), 1);
        QTRY_VERIFY(!QApplication::activeModalWidget());
    }

    void theWindowKeepsTheUsersThreshold()
    {
        ResultsPage *results = m_window->resultsPage();
        m_window->workspace()->setCurrentRun(m_trained);
        results->showTask(QStringLiteral("Class"));
        BinaryTaskPanel *panel = results->binaryPanel();
        panel->setThreshold(0.2);
        QVERIFY(!m_window->workspace()->thresholdsOf(m_trained->id).count("Class"));
        auto *slider = panel->findChild<QSlider *>(QStringLiteral("thresholdSlider"));
        slider->setFocus();
        QTest::keyClick(slider, Qt::Key_Right);
        QCOMPARE(m_window->workspace()->thresholdsOf(m_trained->id).at("Class"), 0.201);
        // Shown again, the run's task comes back at the user's threshold.
        results->showTask(QStringLiteral("grade"));
        results->showTask(QStringLiteral("Class"));
        QCOMPARE(panel->threshold(), 0.201);
    }

    void reopenedModelChartsSayWhyTheyAreEmpty()
    {
        const QString path = m_temp.filePath(QStringLiteral("three-tasks.cmtl"));
        QVERIFY(m_window->saveModelFile(path, m_trained));
        QVERIFY(m_window->openModelFile(path));
        const RunPtr opened = m_window->workspace()->currentRun();
        QVERIFY(opened != m_trained);
        QVERIFY(opened->scores.empty()); // a model file keeps no per-row scores
        ResultsPage *results = m_window->resultsPage();
        settle();

        const auto explains = [](ChartView *chart) {
            const QString message = chart->message();
            return message.contains(QStringLiteral("Scoring page")) &&
                   message.contains(QStringLiteral("model opened"
                                                   " from a file")) &&
                   !chart->chart()->legend()->isVisible() && chart->chart()->series().isEmpty() &&
                   !chart->toolBar()->isVisibleTo(chart) &&
                   chart->findChild<QLabel *>(QStringLiteral("chartMessage"))->isVisibleTo(chart);
        };
        results->showTask(QStringLiteral("Class"));
        BinaryTaskPanel *binary = results->binaryPanel();
        QVERIFY(explains(binary->rocChart()));
        QCOMPARE(binary->rocChart()->curveCount(), 0); // no legend claiming an AUC
        QVERIFY(explains(binary->ksChart()));
        QVERIFY(explains(binary->distributionChart()));
        QVERIFY(explains(binary->calibrationChart()));
        results->showTask(QStringLiteral("grade"));
        QVERIFY(explains(results->multiclassPanel()->rocChart()));
        // The confusion matrix is among the stored metrics: still drawn. The per-class figures are
        // not: their cells say so (they read past the end of empty vectors before).
        QVERIFY(results->multiclassPanel()->heatmap()->matrix().sum() > 0);
        auto *perClass = results->multiclassPanel()->findChild<QTableWidget *>(QStringLiteral("perClassTable"));
        QVERIFY(perClass->rowCount() >= 5);
        QCOMPARE(perClass->item(0, 1)->text(), QStringLiteral("—"));
        QVERIFY(perClass->item(0, 1)->toolTip().contains(QStringLiteral("Scoring page")));
        results->showTask(QStringLiteral("int_rate"));
        QVERIFY(explains(results->regressionPanel()->predictedChart()));
        QVERIFY(explains(results->regressionPanel()->residualChart()));
        // The training history is stored: drawn, with its kept epoch.
        QCOMPARE(results->historyChart()->bestEpoch(), m_trained->result.history.bestEpoch);
        QVERIFY(results->historyChart()->message().isEmpty());

        // Back on a trained run the charts are drawn again, legend and buttons back.
        m_window->workspace()->setCurrentRun(m_trained);
        results->showTask(QStringLiteral("Class"));
        QVERIFY(binary->rocChart()->message().isEmpty());
        QCOMPARE(binary->rocChart()->curveCount(), 1);
        QVERIFY(binary->rocChart()->chart()->legend()->isVisible());
        QVERIFY(binary->rocChart()->toolBar()->isVisibleTo(binary->rocChart()));
        QVERIFY(binary->ksChart()->message().isEmpty());
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
