// Drives the real workbench widgets under the offscreen platform: open the sample, choose three
// tasks and their lambdas, train, and check that what the pages show is the engine's numbers.
#include "AppSupport.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Workspace.h"
#include "charts/ChartView.h"
#include "charts/ConfusionHeatmap.h"
#include "charts/LossChart.h"
#include "charts/RocChart.h"
#include "charts/TaskWeightChart.h"
#include "csv/CsvReader.h"
#include "io/PredictionsCsv.h"
#include "models/MetricsTableModel.h"
#include "models/PredictionsTableModel.h"
#include "models/RunListModel.h"
#include "pages/BinaryTaskPanel.h"
#include "pages/DataPage.h"
#include "pages/MulticlassTaskPanel.h"
#include "pages/RegressionTaskPanel.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/RunsPage.h"
#include "pages/ScoringPage.h"
#include "pages/SettingsPage.h"
#include "pages/TrainingPage.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

class TestWorkbench : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;
    QTemporaryDir m_temp;

    template <typename T> T *find(const QString &name) const { return findNamed<T>(m_window, name); }

    RunPtr currentRun() const { return m_window->workspace()->currentRun(); }

    static const TaskEvaluation *evaluation(const RunRecord &run, const char *part, const std::string &task)
    {
        const EvaluationReport *report = run.result.report(part);
        if (!report)
            return nullptr;
        for (const TaskEvaluation &candidate : report->tasks) {
            if (candidate.task == task)
                return &candidate;
        }
        return nullptr;
    }

    // Lets deferred layouts (chart legends are QGraphicsLayouts) run before a picture is taken.
    static QPixmap settledGrab(QWidget *widget)
    {
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents();
        return widget->grab();
    }

    static bool sameNumber(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_temp.isValid());
        m_window = new MainWindow;
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase()
    {
        m_window->close();
        delete m_window;
    }

    void trainIsDisabledWithoutData()
    {
        QString reason;
        QVERIFY(!m_window->canTrain(&reason));
        QVERIFY(!m_window->trainAction()->isEnabled());
        QVERIFY(!reason.isEmpty());
        QVERIFY(m_window->trainAction()->toolTip().contains(reason));
    }

    void openSample()
    {
        QSignalSpy loaded(m_window, &MainWindow::dataLoaded);
        m_window->openSample();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QTRY_VERIFY(!m_window->isBusy()); // the reader's thread has stopped
        QVERIFY(m_window->workspace()->data());
        const Table &table = m_window->workspace()->data()->table;
        QCOMPARE(table.rowCount(), std::size_t{9857});
        QCOMPARE(table.columnCount(), std::size_t{23});

        auto *view = find<QTableView>(QStringLiteral("dataTable"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 9857);
        QCOMPARE(view->model()->columnCount(), 23);
        // Cells come from the engine's table.
        QCOMPARE(view->model()->index(0, 0).data().toString(), QString::fromStdString(table.column(0).cellText(0)));
        QCOMPARE(view->model()->headerData(22, Qt::Horizontal).toString(), QStringLiteral("Class"));

        auto *preview = find<QTableView>(QStringLiteral("previewTable"));
        QVERIFY(preview->model()->rowCount() > 10);
        QCOMPARE(preview->model()->columnCount(), 23);

        auto *columns = find<QTableView>(QStringLiteral("columnList"));
        QCOMPARE(columns->model()->rowCount(), 23);
        find<QLineEdit>(QStringLiteral("columnSearch"))->setText(QStringLiteral("il_"));
        QCOMPARE(columns->model()->rowCount(), 5); // open_il_6m/12m/24m, num_il_tl, total_il_high_credit_limit
        find<QLineEdit>(QStringLiteral("columnSearch"))->clear();
        QCOMPARE(columns->model()->rowCount(), 23);
    }

    void sampleSetsThreeTasks()
    {
        // "Open sample" sets the demo's tasks; start again from features only to drive the widgets.
        QCOMPARE(m_window->rolesPage()->taskNames(),
                 QStringList({QStringLiteral("int_rate"), QStringLiteral("grade"), QStringLiteral("Class")}));
        m_window->rolesPage()->setTasks({});
        QVERIFY(!m_window->trainAction()->isEnabled());
        QVERIFY(find<QLabel>(QStringLiteral("rolesProblem"))->text().contains(QStringLiteral("No task")));
    }

    void chooseRolesWithTheWidgets()
    {
        auto *classRole = find<QComboBox>(QStringLiteral("roleCombo_Class"));
        classRole->setCurrentIndex(classRole->findData(int(RolesPage::Role::Task)));
        auto *classType = find<QComboBox>(QStringLiteral("taskTypeCombo_Class"));
        QCOMPARE(classType->currentData().toInt(), int(TaskType::Binary)); // two values: guessed binary
        auto *positive = find<QComboBox>(QStringLiteral("positiveCombo_Class"));
        QVERIFY(positive->isEnabled());
        QCOMPARE(positive->count(), 2); // picked from the column's values
        positive->setCurrentIndex(positive->findText(QStringLiteral("bad")));
        QVERIFY(m_window->trainAction()->isEnabled());

        // An invalid choice is explained in place and disables Train with the reason.
        classType->setCurrentIndex(classType->findData(int(TaskType::Regression)));
        QVERIFY(!m_window->trainAction()->isEnabled());
        const QString problem = find<QLabel>(QStringLiteral("rolesProblem"))->text();
        QVERIFY2(problem.contains(QStringLiteral("Class")), qPrintable(problem));
        QVERIFY(m_window->trainAction()->toolTip().contains(problem));
        QVERIFY(find<QLabel>(QStringLiteral("trainStatus"))->text().contains(problem));
        QCOMPARE(find<QLabel>(QStringLiteral("roleName_Class"))->toolTip(), problem); // the Class row is marked
        QVERIFY(find<QLabel>(QStringLiteral("roleName_int_rate"))->toolTip().isEmpty());
        classType->setCurrentIndex(classType->findData(int(TaskType::Binary)));
        QVERIFY(m_window->trainAction()->isEnabled());

        auto *gradeRole = find<QComboBox>(QStringLiteral("roleCombo_grade"));
        gradeRole->setCurrentIndex(gradeRole->findData(int(RolesPage::Role::Task)));
        QCOMPARE(find<QComboBox>(QStringLiteral("taskTypeCombo_grade"))->currentData().toInt(),
                 int(TaskType::Multiclass));
        auto *rateRole = find<QComboBox>(QStringLiteral("roleCombo_int_rate"));
        rateRole->setCurrentIndex(rateRole->findData(int(RolesPage::Role::Task)));
        QCOMPARE(find<QComboBox>(QStringLiteral("taskTypeCombo_int_rate"))->currentData().toInt(),
                 int(TaskType::Regression));

        const RoleAssignment roles = m_window->rolesPage()->roles();
        QCOMPARE(roles.tasks.size(), std::size_t{3});
        QCOMPARE(roles.features.size(), std::size_t{20});
        QCOMPARE(roles.tasks[2].positiveClass, std::string("bad"));
        QVERIFY(m_window->trainAction()->isEnabled());
    }

    void setLambdas()
    {
        QCOMPARE(m_window->settingsPage()->tasks().size(), 3);
        auto *classSpin = find<QDoubleSpinBox>(QStringLiteral("lambdaSpin_Class"));
        auto *gradeSlider = find<QSlider>(QStringLiteral("lambdaSlider_grade"));
        auto *rateSpin = find<QDoubleSpinBox>(QStringLiteral("lambdaSpin_int_rate"));
        QVERIFY(classSpin && gradeSlider && rateSpin);
        classSpin->setValue(2.0);
        QCOMPARE(find<QSlider>(QStringLiteral("lambdaSlider_Class"))->value(), 20);
        gradeSlider->setValue(10); // 1.0
        QCOMPARE(find<QDoubleSpinBox>(QStringLiteral("lambdaSpin_grade"))->value(), 1.0);
        rateSpin->setValue(1.0);
        QCOMPARE(m_window->settingsPage()->share(QStringLiteral("Class")), 0.5);
        QVERIFY(find<QLabel>(QStringLiteral("lambdaShare_Class"))->text().contains(QStringLiteral("50.0")));
        QVERIFY(find<QLabel>(QStringLiteral("lambdaShare_grade"))->text().contains(QStringLiteral("25.0")));

        // Small and quick: a few epochs of a small trunk.
        find<QSpinBox>(QStringLiteral("epochsSpin"))->setValue(4);
        find<QSpinBox>(QStringLiteral("batchSizeSpin"))->setValue(128);
        find<QLineEdit>(QStringLiteral("hiddenLayersEdit"))->setText(QStringLiteral("32,16"));
        QVERIFY(m_window->trainAction()->isEnabled());
        find<QLineEdit>(QStringLiteral("hiddenLayersEdit"))->setText(QStringLiteral("32,x"));
        QVERIFY(!m_window->trainAction()->isEnabled());
        QVERIFY(!find<QLabel>(QStringLiteral("settingsProblem"))->text().isEmpty());
        find<QLineEdit>(QStringLiteral("hiddenLayersEdit"))->setText(QStringLiteral("32,16"));
        QVERIFY(m_window->trainAction()->isEnabled());
    }

    void train()
    {
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        m_window->trainAction()->trigger();
        QCOMPARE(m_window->currentPage(), MainWindow::Training);
        QVERIFY(m_window->trainingPage()->isRunning());
        QVERIFY(!m_window->trainAction()->isEnabled());
        QVERIFY(m_window->cancelAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 120000);
        const RunPtr run = currentRun();
        QVERIFY(run);
        QCOMPARE(run->roles.tasks[2].lambda, 2.0);
        QCOMPARE(run->config.train.epochs, 4);
        QCOMPARE(run->config.train.hiddenLayers, (std::vector<int>{32, 16}));
        // The live loss chart got one point per epoch.
        const int epochs = static_cast<int>(run->result.history.epochs.size());
        QVERIFY(epochs >= 1);
        QCOMPARE(m_window->trainingPage()->lossChart()->pointCount(), epochs);
        QCOMPARE(m_window->trainingPage()->lossChart()->trainSeries(0)->at(0).y(),
                 run->result.history.epochs[0].tasks[0].trainLoss);
        // ...and the task-weight chart the effective lambda of each task (fixed weighting: 2 for int_rate).
        QCOMPARE(m_window->trainingPage()->weightChart()->weightSeries(2)->count(), epochs);
        QCOMPARE(m_window->trainingPage()->weightChart()->weightSeries(2)->at(0).y(),
                 run->result.history.epochs[0].lambdas[2]);
        QCOMPARE(run->result.history.epochs[0].lambdas[2], 2.0);
        QCOMPARE(m_window->currentPage(), MainWindow::Results);
        QTRY_VERIFY(!m_window->trainingPage()->isRunning());
        QVERIFY(m_window->trainAction()->isEnabled());
    }

    void metricsTableHoldsTheEngineNumbers()
    {
        const RunPtr run = currentRun();
        const MetricsTableModel *model = m_window->resultsPage()->metricsModel();
        int row = 0;
        for (const TaskSpec &task : run->roles.tasks) {
            const auto expected = MetricsTableModel::metricsOf(*evaluation(*run, "test", task.column));
            const auto train = MetricsTableModel::metricsOf(*evaluation(*run, "train", task.column));
            for (std::size_t m = 0; m < expected.size(); ++m, ++row) {
                QCOMPARE(model->index(row, MetricsTableModel::Task).data().toString(),
                         QString::fromStdString(task.column));
                QCOMPARE(model->index(row, MetricsTableModel::Metric).data().toString(), expected[m].first);
                QVERIFY(sameNumber(model->index(row, MetricsTableModel::Test).data(Qt::UserRole).toDouble(),
                                   expected[m].second));
                QVERIFY(sameNumber(model->index(row, MetricsTableModel::Train).data(Qt::UserRole).toDouble(),
                                   train[m].second));
            }
        }
        QCOMPARE(model->rowCount(), row);
        // The AUC as the engine computed it.
        QCOMPARE(model->index(0, MetricsTableModel::Metric).data().toString(), QStringLiteral("RMSE"));
        const TaskEvaluation *defaults = evaluation(*run, "test", "Class");
        QVERIFY(defaults && defaults->binary);
        bool foundAuc = false;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data().toString() == QLatin1String("Class") &&
                model->index(r, 1).data().toString() == QLatin1String("AUC")) {
                QCOMPARE(model->index(r, MetricsTableModel::Test).data(Qt::UserRole).toDouble(), defaults->binary->auc);
                QCOMPARE(model->index(r, MetricsTableModel::Test).data().toString(),
                         QLocale().toString(defaults->binary->auc, 'f', 4));
                foundAuc = true;
            }
        }
        QVERIFY(foundAuc);
    }

    void rocSeriesHoldsTheEngineCurve()
    {
        const RunPtr run = currentRun();
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        BinaryTaskPanel *panel = m_window->resultsPage()->binaryPanel();
        QVERIFY(panel->isVisible());
        const TaskEvaluation *test = evaluation(*run, "test", "Class");
        QCOMPARE(panel->rocChart()->curveCount(), 1);
        QLineSeries *series = panel->rocChart()->curveSeries(0);
        // The series draws the engine's points, thinned evenly to at most kMaxDrawnPoints with
        // both ends kept.
        const std::vector<std::size_t> drawn = ChartView::drawnPoints(test->roc.size());
        QVERIFY(test->roc.size() > ChartView::kMaxDrawnPoints); // the thinning is exercised
        QVERIFY(drawn.size() <= ChartView::kMaxDrawnPoints + 1);
        QCOMPARE(drawn.front(), std::size_t{0});
        QCOMPARE(drawn.back(), test->roc.size() - 1);
        QCOMPARE(series->count(), static_cast<qsizetype>(drawn.size()));
        for (qsizetype i = 0; i < series->count(); ++i) {
            const std::size_t k = drawn[static_cast<std::size_t>(i)];
            QCOMPARE(series->at(i).x(), test->roc[k].falsePositiveRate);
            QCOMPARE(series->at(i).y(), test->roc[k].truePositiveRate);
        }
        const TaskScores *scores = run->scoresOf("Class");
        QVERIFY(scores);
        const std::vector<RocPoint> fromScores = rocCurve(scores->scores, scores->labels);
        QCOMPARE(fromScores.size(), test->roc.size());
        for (std::size_t k = 0; k < fromScores.size(); ++k)
            QCOMPARE(fromScores[k].truePositiveRate, test->roc[k].truePositiveRate);
        QVERIFY(series->name().contains(QString::number(test->binary->auc, 'f', 3)));
        // Hovering names threshold, TPR and FPR.
        const QString hover = panel->rocChart()->hoverText(0, series->at(series->count() / 2));
        QVERIFY2(hover.contains(QStringLiteral("threshold")) && hover.contains(QStringLiteral("TPR")) &&
                     hover.contains(QStringLiteral("FPR")),
                 qPrintable(hover));
    }

    void thresholdDrivesTheConfusionMatrix()
    {
        const RunPtr run = currentRun();
        BinaryTaskPanel *panel = m_window->resultsPage()->binaryPanel();
        const TaskScores *scores = run->scoresOf("Class");
        auto *slider = find<QSlider>(QStringLiteral("thresholdSlider"));
        for (const int value : {500, 100, 37}) {
            slider->setValue(value);
            const double threshold = value / 1000.0;
            QCOMPARE(find<QDoubleSpinBox>(QStringLiteral("thresholdSpin"))->value(), threshold);
            const ConfusionCounts expected = confusionAt(scores->scores, scores->labels, threshold);
            QCOMPARE(panel->counts().truePositive, expected.truePositive);
            QCOMPARE(panel->counts().falsePositive, expected.falsePositive);
            QCOMPARE(panel->counts().trueNegative, expected.trueNegative);
            QCOMPARE(panel->counts().falseNegative, expected.falseNegative);
            const QLocale locale;
            QCOMPARE(find<QLabel>(QStringLiteral("tpLabel"))->text(),
                     locale.toString(qlonglong(expected.truePositive)));
            QCOMPARE(find<QLabel>(QStringLiteral("fpLabel"))->text(),
                     locale.toString(qlonglong(expected.falsePositive)));
            QCOMPARE(find<QLabel>(QStringLiteral("tnLabel"))->text(),
                     locale.toString(qlonglong(expected.trueNegative)));
            QCOMPARE(find<QLabel>(QStringLiteral("fnLabel"))->text(),
                     locale.toString(qlonglong(expected.falseNegative)));
            // A threshold that flags no row leaves precision undefined: "—", not 0.
            const bool flagsRows = expected.truePositive + expected.falsePositive > 0;
            QCOMPARE(find<QLabel>(QStringLiteral("precisionLabel"))->text(),
                     flagsRows ? locale.toString(precision(expected), 'f', 4) : QStringLiteral("—"));
            QCOMPARE(find<QLabel>(QStringLiteral("recallLabel"))->text(), locale.toString(recall(expected), 'f', 4));
            QCOMPARE(find<QLabel>(QStringLiteral("f1Label"))->text(), locale.toString(f1Score(expected), 'f', 4));
            // The marker sits on the curve at that threshold.
            QScatterSeries *marker = panel->rocChart()->markerSeries();
            QCOMPARE(marker->count(), 1);
            QCOMPARE(marker->at(0).y(), recall(expected));
        }
        // At 0.5 the counts are the engine's report.
        slider->setValue(500);
        const TaskEvaluation *test = evaluation(*run, "test", "Class");
        QCOMPARE(panel->counts().truePositive, test->binary->confusion.truePositive);
        QCOMPARE(panel->counts().falsePositive, test->binary->confusion.falsePositive);
    }

    void multiclassHeatmapIsTheEngineMatrix()
    {
        const RunPtr run = currentRun();
        m_window->resultsPage()->showTask(QStringLiteral("grade"));
        MulticlassTaskPanel *panel = m_window->resultsPage()->multiclassPanel();
        QVERIFY(panel->isVisible());
        const TaskEvaluation *test = evaluation(*run, "test", "grade");
        QVERIFY(panel->heatmap()->matrix() == test->multiclass->confusion);
        QVERIFY(panel->rocChart()->curveCount() >= 2);
        m_window->resultsPage()->showTask(QStringLiteral("int_rate"));
        QVERIFY(m_window->resultsPage()->regressionPanel()->isVisible());
    }

    void chartsSaveAsPngAndSvg()
    {
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        RocChart *roc = m_window->resultsPage()->binaryPanel()->rocChart();
        const QString png = m_temp.filePath(QStringLiteral("roc.png"));
        const QString svg = m_temp.filePath(QStringLiteral("roc.svg"));
        QVERIFY(roc->saveImage(png));
        QVERIFY(roc->saveImage(svg));
        QVERIFY(QFileInfo(png).size() > 1000);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
        m_window->resultsPage()->showTask(QStringLiteral("grade"));
        QVERIFY(
            m_window->resultsPage()->multiclassPanel()->heatmap()->saveImage(m_temp.filePath(QStringLiteral("h.svg"))));
    }

    void cancelKeepsThePreviousResults()
    {
        const RunPtr before = currentRun();
        const int runs = m_window->workspace()->runs()->rowCount();
        find<QSpinBox>(QStringLiteral("epochsSpin"))->setValue(500);
        find<QSpinBox>(QStringLiteral("patienceSpin"))->setValue(0);
        QSignalSpy cancelled(m_window->trainingPage(), &TrainingPage::runCancelled);
        m_window->startTraining();
        QVERIFY(m_window->trainingPage()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->trainingPage()->epochsSeen() >= 1, 60000);
        QElapsedTimer clock;
        clock.start();
        m_window->cancelAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->trainingPage()->isRunning(), 5000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(m_window->workspace()->runs()->rowCount(), runs);
        QCOMPARE(currentRun(), before);
        QVERIFY(m_window->trainAction()->isEnabled());
        find<QSpinBox>(QStringLiteral("epochsSpin"))->setValue(4);
        find<QSpinBox>(QStringLiteral("patienceSpin"))->setValue(5);
    }

    void saveAndReopenModel()
    {
        const RunPtr trained = currentRun();
        const QString path = m_temp.filePath(QStringLiteral("three-tasks.cmtl"));
        QVERIFY(m_window->saveModelFile(path, trained));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(m_window->openModelFile(path));
        const RunPtr opened = currentRun();
        QVERIFY(opened != trained);
        QCOMPARE(m_window->workspace()->runs()->rowCount(), 2);
        QCOMPARE(opened->roles.tasks.size(), std::size_t{3});
        // The reopened model predicts exactly as the trained one.
        const Table &table = m_window->workspace()->data()->table;
        const auto a = trained->result.model.predict(table);
        const auto b = opened->result.model.predict(table);
        QCOMPARE(a.size(), b.size());
        for (std::size_t t = 0; t < a.size(); ++t)
            QVERIFY(a[t] == b[t]);
        // Its metrics table shows the saved reports.
        m_window->resultsPage()->setRun(opened);
        const TaskEvaluation *test = evaluation(*opened, "test", "Class");
        QVERIFY(test && test->binary);
        QCOMPARE(test->binary->auc, evaluation(*trained, "test", "Class")->binary->auc);
        // A broken file is refused with a dialog, not a crash.
        const QString broken = m_temp.filePath(QStringLiteral("broken.cmtl"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        QVERIFY(!m_window->openModelFile(broken));
        QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("errorDialog")));
        m_window->findChild<QWidget *>(QStringLiteral("errorDialog"))->close();
        m_window->workspace()->setCurrentRun(trained);
    }

    void scoreAFile()
    {
        ScoringPage *page = m_window->scoringPage();
        QSignalSpy scored(page, &ScoringPage::scored);
        page->scoreFile(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 60000);
        const PredictionsTableModel *model = page->predictions();
        QCOMPARE(model->rowCount(), 9857);
        const MultiTaskModel &engine = currentRun()->result.model;
        const auto names = predictionColumnNames(engine);
        QCOMPARE(model->columnCount(), static_cast<int>(names.size()));
        const auto predictions = engine.predict(m_window->workspace()->data()->table);
        const auto cells = predictionCells(engine, predictions, 5);
        for (std::size_t c = 0; c < cells.size(); ++c)
            QCOMPARE(model->index(5, static_cast<int>(c)).data().toString(), QString::fromStdString(cells[c]));
        const QString out = m_temp.filePath(QStringLiteral("predictions.csv"));
        QSignalSpy saved(page, &ScoringPage::predictionsSaved);
        QTRY_VERIFY(!page->isRunning()); // as the Save button, enabled when the scoring has ended
        QVERIFY(find<QPushButton>(QStringLiteral("savePredictionsButton"))->isEnabled());
        QVERIFY(page->savePredictions(out));
        QVERIFY(!find<QPushButton>(QStringLiteral("savePredictionsButton"))->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
        QTRY_VERIFY(!page->isRunning());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), predictionsToCsv(engine, predictions));
        QTRY_VERIFY(!page->isRunning());
    }

    void scoringALabelledFileEvaluatesTheModel()
    {
        // The sample holds the three task columns: scoring it also evaluates the model on it, as a
        // run of its own with the engine's report, per-row scores and charts.
        const RunPtr source = currentRun();
        ScoringPage *page = m_window->scoringPage();
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        page->scoreFile(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 60000);
        QTRY_VERIFY(!page->isRunning());
        const RunPtr evaluated = currentRun();
        QVERIFY(evaluated != source);
        QVERIFY2(evaluated->name.endsWith(QStringLiteral(" on lending_club.csv")), qPrintable(evaluated->name));
        const Table &table = m_window->workspace()->data()->table;
        const EvaluationReport expected = evaluateModel(source->result.model, table, "test");
        for (const char *task : {"Class", "grade", "int_rate"}) {
            const TaskEvaluation *shown = evaluation(*evaluated, "test", task);
            QVERIFY(shown);
            const auto wanted = std::find_if(expected.tasks.begin(), expected.tasks.end(),
                                             [&](const TaskEvaluation &e) { return e.task == task; });
            QCOMPARE(shown->count, wanted->count);
            if (shown->binary)
                QCOMPARE(shown->binary->auc, wanted->binary->auc);
            if (shown->regression)
                QCOMPARE(shown->regression->rmse, wanted->regression->rmse);
            QVERIFY(evaluated->scoresOf(task) && evaluated->chartsOf(task));
            QCOMPARE(evaluated->scoresOf(task)->size(), static_cast<std::size_t>(wanted->count));
        }
        // The threshold explorer works on the file's rows.
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        QVERIFY(find<QSlider>(QStringLiteral("thresholdSlider"))->isEnabled());
        const TaskScores *scores = evaluated->scoresOf("Class");
        const ConfusionCounts atHalf = confusionAt(scores->scores, scores->labels, 0.5);
        QCOMPARE(atHalf.truePositive, evaluation(*evaluated, "test", "Class")->binary->confusion.truePositive);
    }

    void aModelFileGetsItsChartsFromALabelledFile()
    {
        // A model opened from a file has metrics only; scoring a labelled file gives it charts.
        QVERIFY(m_window->openModelFile(m_temp.filePath(QStringLiteral("three-tasks.cmtl"))));
        const RunPtr opened = currentRun();
        QVERIFY(opened->scores.empty());
        QVERIFY(!find<QSlider>(QStringLiteral("thresholdSlider"))->isEnabled());
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        m_window->scoringPage()->scoreFile(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 60000);
        QTRY_VERIFY(!m_window->scoringPage()->isRunning());
        QVERIFY(!currentRun()->scores.empty());
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        QVERIFY(find<QSlider>(QStringLiteral("thresholdSlider"))->isEnabled());
        QVERIFY(m_window->resultsPage()->binaryPanel()->rocChart()->markerSeries()->count() == 1);
    }

    void scoringExplainsAMissingColumn()
    {
        const QString path = m_temp.filePath(QStringLiteral("two-columns.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("funded_amnt,term\n1000,term_36\n2000,term_60\n");
        file.close();
        ScoringPage *page = m_window->scoringPage();
        page->scoreFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(!page->schemaProblem().isEmpty(), 20000);
        QVERIFY2(page->schemaProblem().contains(QStringLiteral("annual_inc")), qPrintable(page->schemaProblem()));
        QTRY_VERIFY(!page->isRunning());
    }

    void scoringUsesTheImportOptions()
    {
        // "n/a" for a missing income: text to the default options, a missing value to a user who
        // declared it on the Data page (the Scoring page reads new files the same way).
        QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray text = sample.readLine();
        for (int i = 0; i < 3; ++i) {
            QList<QByteArray> cells = sample.readLine().split(',');
            if (i == 1)
                cells[6] = "n/a"; // annual_inc
            text += cells.join(',');
        }
        const QString path = m_temp.filePath(QStringLiteral("declared-missing.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();

        ScoringPage *page = m_window->scoringPage();
        QSignalSpy failed(page, &ScoringPage::scoringFailed);
        page->scoreFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        const QString explanation =
            failed.first().at(0).toString() + QLatin1Char('\n') + failed.first().at(1).toString();
        QVERIFY2(explanation.contains(QStringLiteral("annual_inc")), qPrintable(explanation));
        QTRY_VERIFY(!page->isRunning());
        if (auto *dialog = m_window->findChild<QWidget *>(QStringLiteral("errorDialog")))
            dialog->close();

        CsvOptions options;
        options.missingTokens = {"NA", "n/a"};
        page->setImportOptions(options);
        QSignalSpy scored(page, &ScoringPage::scored);
        page->scoreFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(scored.count(), 1, 20000);
        QTRY_VERIFY(!page->isRunning());
        QCOMPARE(page->predictions()->rowCount(), 3);
        page->setImportOptions(m_window->workspace()->data()->options);
    }

    void compareRuns()
    {
        // "Three tasks with lambda 2:1:1" against "default alone".
        m_window->rolesPage()->setTasks({{"Class", TaskType::Binary, "bad", 1.0}});
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        QVERIFY(m_window->trainAction()->isEnabled());
        const int before = m_window->workspace()->runs()->rowCount();
        m_window->trainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 120000);
        QTRY_VERIFY(m_window->trainAction()->isEnabled());
        RunsPage *page = m_window->runsPage();
        QCOMPARE(m_window->workspace()->runs()->rowCount(), before + 1);
        page->selectRows({0, before});
        QCOMPARE(page->selectedRuns().size(), std::size_t{2});
        QCOMPARE(page->comparison()->columnCount(), 4);
        QVERIFY(page->comparison()->rowCount() > 10);
        QCOMPARE(page->rocChart()->curveCount(), 2);
        const RunPtr alone = m_window->workspace()->runs()->runAt(before);
        QCOMPARE(
            page->rocChart()->curveSeries(1)->count(),
            static_cast<qsizetype>(ChartView::drawnPoints(evaluation(*alone, "test", "Class")->roc.size()).size()));
    }

    void separateTestFile()
    {
        // Out-of-time validation: the test part is another file (here the sample itself).
        find<QLineEdit>(QStringLiteral("testFileEdit"))
            ->setText(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QSignalSpy added(m_window->workspace(), &Workspace::runAdded);
        QVERIFY(m_window->trainAction()->isEnabled());
        m_window->trainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 120000);
        QTRY_VERIFY(!m_window->isBusy());
        const RunPtr run = currentRun();
        const TaskEvaluation *test = evaluation(*run, "test", "Class");
        QVERIFY(test);
        QCOMPARE(test->count, std::int64_t{9857});
        QCOMPARE(run->scoresPart, QStringLiteral("test"));
        QCOMPARE(run->scoresOf("Class")->scores.size(), std::size_t{9857});
        find<QLineEdit>(QStringLiteral("testFileEdit"))->clear();
    }

    void everyControlHasAnAccessibleName()
    {
        QSet<QWidget *> withBuddy;
        for (QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->buddy())
                withBuddy.insert(label->buddy());
        }
        QStringList unnamed;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            const bool input =
                qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
                qobject_cast<QSlider *>(widget) ||
                (qobject_cast<QLineEdit *>(widget) && !qobject_cast<QAbstractSpinBox *>(widget->parent()) &&
                 !qobject_cast<QComboBox *>(widget->parent()));
            const auto *button = qobject_cast<QAbstractButton *>(widget);
            if (button && button->text().isEmpty() && button->accessibleName().isEmpty() &&
                button->isVisibleTo(m_window) && !button->objectName().isEmpty())
                unnamed << button->objectName();
            if (input && widget->accessibleName().isEmpty() && !withBuddy.contains(widget))
                unnamed << widget->objectName() + QLatin1Char('/') +
                               QString::fromLatin1(widget->metaObject()->className());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void renderEveryPage()
    {
        const QString folder = QStringLiteral(CMTL_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(folder));
        // Back to the three-task setup of the first run for the pictures.
        m_window->rolesPage()->setTasks({{"int_rate", TaskType::Regression, "", 1.0},
                                         {"grade", TaskType::Multiclass, "", 1.0},
                                         {"Class", TaskType::Binary, "bad", 1.0}});
        m_window->settingsPage()->setLambda(QStringLiteral("Class"), 2.0);
        m_window->workspace()->setCurrentRun(m_window->workspace()->runs()->runAt(0));
        m_window->resultsPage()->showTask(QStringLiteral("Class"));
        m_window->resultsPage()->binaryPanel()->setThreshold(0.1);
        m_window->runsPage()->selectRows({0, 2});
        const char *names[] = {"start",   "data", "roles",   "settings", "training",
                               "results", "runs", "scoring", "binning"};
        for (int page = 0; page < MainWindow::PageCount; ++page) {
            m_window->showPage(static_cast<MainWindow::Page>(page));
            const QString path = folder + QStringLiteral("/%1-%2.png").arg(page + 1).arg(QLatin1String(names[page]));
            QVERIFY(settledGrab(m_window).save(path));
        }
        const char *tasks[] = {"grade", "int_rate"};
        m_window->showPage(MainWindow::Results);
        for (const char *task : tasks) {
            m_window->resultsPage()->showTask(QString::fromLatin1(task));
            QVERIFY(settledGrab(m_window).save(folder + QStringLiteral("/6-results-%1.png").arg(QLatin1String(task))));
        }
    }

    void chineseDataDroppedOnTheWindow()
    {
        // Column names and category values in Chinese, opened by dropping the file on the window.
        const QString path = m_temp.filePath(QStringLiteral("中文.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray text = QStringLiteral("金额,等级,违约\n").toUtf8();
        for (int i = 0; i < 60; ++i)
            text += QStringLiteral("%1,%2,%3\n")
                        .arg(1000 + 37 * i)
                        .arg(i % 3 == 0 ? QStringLiteral("甲") : QStringLiteral("乙"))
                        .arg(i % 4 == 0 ? QStringLiteral("是") : QStringLiteral("否"))
                        .toUtf8();
        file.write(text);
        file.close();

        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(path)});
        QSignalSpy loaded(m_window, &MainWindow::dataLoaded);
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window, &drop);
        // The earlier runs are unsaved work: the window asks before opening another file.
        QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("unsavedChangesBox")));
        m_window->findChild<QMessageBox *>(QStringLiteral("unsavedChangesBox"))->button(QMessageBox::Discard)->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            loaded.count() == 1 || m_window->findChild<QMessageBox *>(QStringLiteral("errorDialog")), 20000);
        if (auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorDialog")))
            QFAIL(qPrintable(box->text() + QLatin1Char(' ') + box->informativeText()));
        QTRY_VERIFY(!m_window->isBusy());
        delete mime;
        auto *view = find<QTableView>(QStringLiteral("dataTable"));
        QCOMPARE(view->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("等级"));
        QCOMPARE(view->model()->index(0, 2).data().toString(), QStringLiteral("是"));
        auto *positive = find<QComboBox>(QStringLiteral("positiveCombo_违约"));
        QVERIFY(positive);
        QCOMPARE(positive->currentText(), QStringLiteral("是")); // the rarer value
        auto *role = find<QComboBox>(QStringLiteral("roleCombo_违约"));
        role->setCurrentIndex(role->findData(int(RolesPage::Role::Task)));
        QVERIFY(m_window->trainAction()->isEnabled());
    }

    void closingDuringTrainingStopsTheWorker()
    {
        // A second window, closed while it trains: close() cancels, quits and waits for the thread.
        auto *window = new MainWindow;
        window->show();
        QVERIFY(openSampleAndWait(window));
        window->settingsPage()->setEpochs(1000);
        window->settingsPage()->setHiddenLayers(QStringLiteral("16"));
        window->findChild<QSpinBox *>(QStringLiteral("patienceSpin"))->setValue(0);
        window->startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(window->trainingPage()->epochsSeen() >= 1, 60000);
        // The close asks first (tst_project covers the prompts); approved, it cancels the worker
        // and closes once the worker has finished, without blocking the event loop.
        QVERIFY(!window->close());
        QTRY_VERIFY(window->findChild<QMessageBox *>(QStringLiteral("busyCloseBox")));
        QElapsedTimer clock;
        clock.start();
        window->findChild<QMessageBox *>(QStringLiteral("busyCloseBox"))
            ->findChild<QAbstractButton *>(QStringLiteral("stopAndQuitButton"))
            ->click();
        QTRY_VERIFY(window->findChild<QMessageBox *>(QStringLiteral("unsavedChangesBox")));
        window->findChild<QMessageBox *>(QStringLiteral("unsavedChangesBox"))->button(QMessageBox::Discard)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 5000);
        QVERIFY(!window->trainingPage()->isRunning());
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        delete window;
    }

    void simplifiedChinese()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("cmtl::ui::MainWindow", "&Train"), QStringLiteral("训练(&T)"));
        {
            MainWindow window;
            window.resize(1400, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.windowTitle(), QStringLiteral("未命名项目[*] — CreditMTL 工作台"));
            QCOMPARE(window.findChild<QListWidget *>(QStringLiteral("navigation"))->item(MainWindow::Roles)->text(),
                     QStringLiteral("角色"));
            QVERIFY(window.trainAction()->toolTip().startsWith(QStringLiteral("无法训练")));
            QVERIFY(QDir().mkpath(QStringLiteral(CMTL_BINARY_DIR "/screenshots")));
            QVERIFY(settledGrab(&window).save(QStringLiteral(CMTL_BINARY_DIR "/screenshots/zh-start.png")));
            window.close();
        }
        QCOMPARE(installTranslations(*app, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("cmtl::ui::MainWindow", "&Train"), QStringLiteral("&Train"));
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
