// The Results page's credit analytics for a binary task: the gains table and the cut-off chosen by
// cost, approval rate or bad rate. Their numbers are the engine's and equal to what
// `creditmtl-cli evaluate --gains N` and `--cost-fn/--cost-fp` (--target-approval, --max-bad-rate)
// print for the same model and data; the cut-off sits on the ROC curve with a true iso-cost line;
// the controls are named, explained and translated. A small model on 2,000 loans of the sample.

#include "AppSupport.h"
#include "HelpTexts.h"
#include "ProgramRun.h"
#include "ResourcesInit.h"
#include "RunRecord.h"
#include "SampleFile.h"
#include "WheelGuard.h"
#include "charts/GainsCharts.h"
#include "charts/RocChart.h"
#include "io/ModelFile.h"
#include "metrics/CostCutoff.h"
#include "metrics/Gains.h"
#include "metrics/TaskScores.h"
#include "models/GainsTableModel.h"
#include "models/TableExport.h"
#include "pages/BinaryTaskPanel.h"
#include "report/ModelData.h"
#include "statfile/DataFileReader.h"
#include "workers/BinaryAnalytics.h"

#include <QAbstractSeries>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <random>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

using CliRun = cmtl::testing::ProgramRun;
using cmtl::testing::runCli;

// The cut-off row `evaluate` prints: "0.077053  3713 of 4857  0.7645  0.0712  0.4321".
struct PrintedCutoff {
    double cutoff = NAN;
    int approved = -1, rows = -1;
    double approvalRate = NAN, badRateApproved = NAN, expectedCost = NAN;
};

PrintedCutoff printedCutoff(const QString &out)
{
    const QRegularExpressionMatch match =
        QRegularExpression(arg(R"(\n([0-9.]+)\s+([0-9]+) of ([0-9]+)\s+([0-9.]+)\s+([0-9.-]+)\s+([0-9.-]+)\s*\n)"))
            .match(out);
    if (!match.hasMatch())
        return {};
    const auto number = [](const QString &text) { return text == QLatin1String("-") ? NAN : text.toDouble(); };
    return {match.captured(1).toDouble(), match.captured(2).toInt(), match.captured(3).toInt(),
            match.captured(4).toDouble(), number(match.captured(5)), number(match.captured(6))};
}

// Expected cost per applicant at a point of the ROC curve (bads approved cost costFN, goods
// declined costFP), from the rates alone: independent of the engine's cut-off search.
double costAt(double fpr, double tpr, double costFN, double costFP, double bads, double goods)
{
    return (costFN * bads * (1 - tpr) + costFP * goods * fpr) / (bads + goods);
}

} // namespace

class TestResultsAnalytics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initResources();
        QVERIFY(m_directory.isValid());
        // The sample's first 2,000 loans and a small network: a few seconds.
        m_data = m_directory.filePath(arg("part.csv"));
        QVERIFY(cmtl::testing::writeAll(m_data, cmtl::testing::sampleHead(2000)));
        m_model = m_directory.filePath(arg("m.cmtl"));
        const CliRun train =
            runCli({arg("train"), arg("--data"), m_data, arg("--task"), arg("Class:binary:bad"), arg("--epochs"),
                    arg("8"), arg("--hidden"), arg("8"), arg("--seed"), arg("3"), arg("--out"), m_model});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        // The workbench's scores of that model on that file, read as `evaluate` reads it.
        const MultiTaskModel model = loadModelFile(m_model.toStdString()).model;
        const Table table = readDataFile(m_data.toStdString(), csvOptionsForModel(model, true, {})).table;
        std::vector<TaskScores> scores = scoreTasks(model, table);
        QCOMPARE(scores.size(), std::size_t(1));
        m_scores = scores.front();
        QVERIFY(m_scores.size() > 1500);
        m_evaluation = evaluateScores(m_scores);
        m_charts = computeTaskCharts({m_scores}).front();
        m_panel = std::make_unique<BinaryTaskPanel>();
        m_panel->resize(1100, 800);
        m_panel->setTask(m_evaluation, &m_scores, &m_charts, arg("Run 1"));
    }

    void gainsTableEqualsTheCommandLine_data()
    {
        QTest::addColumn<int>("bands");
        QTest::newRow("deciles (the default)") << 10;
        QTest::newRow("7 bands") << 7;
        QTest::newRow("one band") << 1;
    }

    void gainsTableEqualsTheCommandLine()
    {
        QFETCH(int, bands);
        if (bands == 10)
            QCOMPARE(m_panel->gainsBandsSpin()->value(), 10); // the default, untouched
        m_panel->gainsBandsSpin()->setValue(bands);
        const QString json = m_directory.filePath(QStringLiteral("gains%1.json").arg(bands));
        const CliRun run = runCli({arg("evaluate"), arg("--model"), m_model, arg("--data"), m_data, arg("--gains"),
                                   QString::number(bands), arg("--metrics-json"), json});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject gains = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(arg("tasks"))
                                      .toObject()
                                      .value(arg("Class"))
                                      .toObject()
                                      .value(arg("gains"))
                                      .toObject();
        const QJsonArray expected = gains.value(arg("bands")).toArray();
        const GainsTableModel &model = *m_panel->gainsModel();
        QCOMPARE(model.rowCount(), static_cast<int>(expected.size()));
        QVERIFY(model.rowCount() >= 1);
        const std::pair<GainsTableModel::Field, const char *> fields[] = {
            {GainsTableModel::Rows, "count"},
            {GainsTableModel::Bads, "bads"},
            {GainsTableModel::BadRate, "bad_rate"},
            {GainsTableModel::CumulativeBadShare, "cumulative_bad_share"},
            {GainsTableModel::CumulativeGoodShare, "cumulative_good_share"},
            {GainsTableModel::Ks, "ks"},
            {GainsTableModel::Lift, "lift"},
            {GainsTableModel::CumulativeLift, "cumulative_lift"}};
        for (int row = 0; row < model.rowCount(); ++row) {
            const QJsonObject band = expected[row].toObject();
            // JSON keeps every digit of a double: the same numbers, not merely close ones.
            for (const auto &[field, key] : fields)
                QCOMPARE(model.index(row, field).data(Qt::UserRole).toDouble(), band.value(arg(key)).toDouble());
            const GainsBand &own = model.table().bands[static_cast<std::size_t>(row)];
            QCOMPARE(own.highestScore, band.value(arg("highest_score")).toDouble());
            QCOMPARE(own.lowestScore, band.value(arg("lowest_score")).toDouble());
        }
        QCOMPARE(model.table().ks, gains.value(arg("ks")).toDouble());
        // The summary states the KS over the bands, as the command line's last line does.
        const QRegularExpressionMatch ks =
            QRegularExpression(arg(R"(KS over the bands ([0-9.]+); over every threshold ([0-9.]+))")).match(run.out);
        QVERIFY2(ks.hasMatch(), qPrintable(run.out));
        const QString summary = m_panel->findChild<QLabel *>(arg("gainsSummaryLabel"))->text();
        QVERIFY2(summary.contains(QLocale().toString(ks.captured(1).toDouble(), 'f', 4)), qPrintable(summary));
        QVERIFY2(summary.contains(QLocale().toString(ks.captured(2).toDouble(), 'f', 4)), qPrintable(summary));
    }

    void gainsTableExportsPlainNumbers()
    {
        m_panel->gainsBandsSpin()->setValue(5);
        const QStringList lines = modelToText(*m_panel->gainsModel(), QLatin1Char(',')).split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), arg("Band,Scores,Rows,Bads,Bad rate,Cum. bad share,Cum. good share,KS,Lift,Cum. lift"));
        const GainsBand &first = m_panel->gainsModel()->table().bands.front();
        const QStringList cells = lines.at(1).split(QLatin1Char(','));
        QCOMPARE(cells.size(), 10);
        QCOMPARE(cells[0], arg("1"));
        QCOMPARE(cells[2], QString::number(first.count));
        QCOMPARE(cells[4].toDouble(), first.badRate);
        QCOMPARE(cells[8].toDouble(), first.lift);
    }

    void costCutoffEqualsTheCommandLine_data()
    {
        QTest::addColumn<double>("costBad");
        QTest::addColumn<double>("costGood");
        QTest::newRow("10 to 1") << 10.0 << 1.0;
        QTest::newRow("3 to 2") << 3.0 << 2.0;
        QTest::newRow("only a good declined costs") << 0.0 << 1.0;
    }

    void costCutoffEqualsTheCommandLine()
    {
        QFETCH(double, costBad);
        QFETCH(double, costGood);
        m_panel->cutoffCriterionCombo()->setCurrentIndex(int(BinaryTaskPanel::CutoffBy::Cost));
        m_panel->costBadSpin()->setValue(costBad);
        m_panel->costGoodSpin()->setValue(costGood);
        const CliRun run = runCli({arg("evaluate"), arg("--model"), m_model, arg("--data"), m_data, arg("--cost-fn"),
                                   QString::number(costBad), arg("--cost-fp"), QString::number(costGood)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const PrintedCutoff printed = printedCutoff(run.out);
        const std::optional<CutoffDecision> &decision = m_panel->cutoffDecision();
        QVERIFY(decision);
        if (std::isinf(decision->cutoff)) {
            QVERIFY2(run.out.contains(arg("none (approve all)")), qPrintable(run.out));
            QCOMPARE(decision->approved, decision->rows);
        } else {
            QVERIFY2(printed.approved >= 0, qPrintable(run.out));
            // The command line prints 6 decimals for the cut-off, 4 for the rates and the cost.
            QCOMPARE(std::round(decision->cutoff * 1e6), std::round(printed.cutoff * 1e6));
            QCOMPARE(static_cast<int>(decision->approved), printed.approved);
            QCOMPARE(static_cast<int>(decision->rows), printed.rows);
            QVERIFY(std::abs(decision->approvalRate - printed.approvalRate) <= 0.5e-4);
            QVERIFY(std::abs(decision->badRateApproved - printed.badRateApproved) <= 0.5e-4);
            QVERIFY(std::abs(decision->expectedCost - printed.expectedCost) <= 0.5e-4);
        }
        // The panel shows the decision, in the user's locale.
        const QLocale locale;
        QCOMPARE(m_panel->findChild<QLabel *>(arg("cutoffCostLabel"))->text(),
                 locale.toString(decision->expectedCost, 'f', 4));
        QVERIFY(m_panel->findChild<QLabel *>(arg("cutoffApprovedLabel"))
                    ->text()
                    .startsWith(locale.toString(static_cast<qlonglong>(decision->approved))));
    }

    void cutoffByRateEqualsTheCommandLine_data()
    {
        QTest::addColumn<int>("criterion");
        QTest::addColumn<double>("rate");
        QTest::newRow("approve at most 70%") << int(BinaryTaskPanel::CutoffBy::ApprovalRate) << 0.7;
        QTest::newRow("bad rate at most 0.04") << int(BinaryTaskPanel::CutoffBy::BadRate) << 0.04;
        QTest::newRow("bad rate at most 0.001") << int(BinaryTaskPanel::CutoffBy::BadRate) << 0.001;
    }

    void cutoffByRateEqualsTheCommandLine()
    {
        QFETCH(int, criterion);
        QFETCH(double, rate);
        m_panel->cutoffCriterionCombo()->setCurrentIndex(criterion);
        const bool approval = criterion == int(BinaryTaskPanel::CutoffBy::ApprovalRate);
        (approval ? m_panel->approvalRateSpin() : m_panel->maxBadRateSpin())->setValue(rate);
        const CliRun run = runCli({arg("evaluate"), arg("--model"), m_model, arg("--data"), m_data,
                                   approval ? arg("--target-approval") : arg("--max-bad-rate"), QString::number(rate)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const PrintedCutoff printed = printedCutoff(run.out);
        QVERIFY2(printed.approved >= 0, qPrintable(run.out));
        const std::optional<CutoffDecision> &decision = m_panel->cutoffDecision();
        QVERIFY(decision);
        QCOMPARE(std::round(decision->cutoff * 1e6), std::round(printed.cutoff * 1e6));
        QCOMPARE(static_cast<int>(decision->approved), printed.approved);
        QVERIFY(std::abs(decision->badRateApproved - printed.badRateApproved) <= 0.5e-4);
        // Not priced: the command line prints "-", the panel "—".
        QVERIFY(std::isnan(printed.expectedCost));
        QCOMPARE(m_panel->findChild<QLabel *>(arg("cutoffCostLabel"))->text(), QStringLiteral("—"));
        // No iso-cost line without costs; the cut-off is still marked.
        QVERIFY(m_panel->rocChart()->cutoffSeries());
        QVERIFY(!m_panel->rocChart()->isoCostSeries());
        // Only the chosen criterion's input is shown.
        QVERIFY(m_panel->costBadSpin()->isHidden());
        QVERIFY((approval ? m_panel->maxBadRateSpin() : m_panel->approvalRateSpin())->isHidden());
        QVERIFY(!(approval ? m_panel->approvalRateSpin() : m_panel->maxBadRateSpin())->isHidden());
    }

    void cutoffSitsOnTheRocCurveWithAnIsoCostLine()
    {
        const double costBad = 6, costGood = 1;
        m_panel->cutoffCriterionCombo()->setCurrentIndex(int(BinaryTaskPanel::CutoffBy::Cost));
        m_panel->costBadSpin()->setValue(costBad);
        m_panel->costGoodSpin()->setValue(costGood);
        const CutoffDecision &decision = m_panel->cutoffDecision().value();
        const RocChart *roc = m_panel->rocChart();
        QVERIFY(roc->cutoffSeries() && roc->isoCostSeries());
        QCOMPARE(roc->cutoffSeries()->count(), 1);
        const QPointF mark = roc->cutoffSeries()->at(0);
        const double bads = std::count(m_scores.labels.begin(), m_scores.labels.end(), std::uint8_t(1));
        const double goods = static_cast<double>(m_scores.labels.size()) - bads;
        // The mark is the cut-off's own rates: bads declined of all bads, goods declined of all goods.
        QCOMPARE(mark.y(), (bads - static_cast<double>(decision.approvedBads)) / bads);
        QCOMPARE(mark.x(), static_cast<double>(decision.declinedGoods) / goods);
        // Its cost from the rates is the engine's expected cost, and so is every point of the line.
        const double cost = costAt(mark.x(), mark.y(), costBad, costGood, bads, goods);
        QVERIFY(std::abs(cost - decision.expectedCost) < 1e-9);
        const QLineSeries *line = roc->isoCostSeries();
        QCOMPARE(line->count(), 2);
        for (int k = 0; k < 2; ++k) {
            const QPointF end = line->at(k);
            QVERIFY(end.x() >= 0 && end.x() <= 1 && end.y() >= 0 && end.y() <= 1);
            QVERIFY2(std::abs(costAt(end.x(), end.y(), costBad, costGood, bads, goods) - cost) < 1e-9,
                     qPrintable(QStringLiteral("(%1, %2)").arg(end.x()).arg(end.y())));
        }
        // The cheapest cut-off: no point of the ROC curve lies above the line (costs less).
        for (const RocPoint &point : m_evaluation.roc)
            QVERIFY(costAt(point.falsePositiveRate, point.truePositiveRate, costBad, costGood, bads, goods) >=
                    cost - 1e-12);
        // Re-showing the task keeps the user's costs and redraws the mark (setCurves clears it).
        m_panel->setTask(m_evaluation, &m_scores, &m_charts, arg("Run 1"));
        QCOMPARE(m_panel->costBadSpin()->value(), costBad);
        QVERIFY(m_panel->rocChart()->cutoffSeries());
        QCOMPARE(m_panel->cutoffDecision()->cutoff, decision.cutoff);
    }

    void unitSquareSegmentByHand()
    {
        using Segment = std::pair<QPointF, QPointF>;
        QCOMPARE(RocChart::unitSquareSegment({0.2, 0.5}, 1), Segment(QPointF(0, 0.3), QPointF(0.7, 1)));
        QCOMPARE(RocChart::unitSquareSegment({0.2, 0.5}, 0.5), Segment(QPointF(0, 0.4), QPointF(1, 0.9)));
        QCOMPARE(RocChart::unitSquareSegment({0.25, 0.5}, INFINITY), Segment(QPointF(0.25, 0), QPointF(0.25, 1)));
        QCOMPARE(RocChart::unitSquareSegment({0.25, 0.5}, 0), Segment(QPointF(0, 0.5), QPointF(1, 0.5)));
        // 100 bads costing 5 each against 900 goods costing 1: 900 / 500.
        QCOMPARE(RocChart::isoCostSlope(5, 1, 100, 900), 1.8);
        QVERIFY(std::isinf(RocChart::isoCostSlope(0, 1, 100, 900)));
        QVERIFY(std::isnan(RocChart::isoCostSlope(0, 0, 100, 900)));
        QVERIFY(std::isnan(RocChart::isoCostSlope(5, 1, 0, 900)));
    }

    void bothCostsZeroIsRefusedWithTheReason()
    {
        m_panel->cutoffCriterionCombo()->setCurrentIndex(int(BinaryTaskPanel::CutoffBy::Cost));
        m_panel->costBadSpin()->setValue(0);
        m_panel->costGoodSpin()->setValue(0);
        QVERIFY(!m_panel->cutoffDecision());
        QVERIFY(!m_panel->rocChart()->cutoffSeries());
        QVERIFY(m_panel->findChild<QLabel *>(arg("cutoffNoteLabel"))->text().contains(arg("Both costs are 0")));
        m_panel->costBadSpin()->setValue(5);
        QVERIFY(m_panel->cutoffDecision());
    }

    void rankingChartsDrawTheEngineCurves()
    {
        const std::vector<PrecisionRecallPoint> precisionRecall =
            precisionRecallCurve(m_scores.scores, m_scores.labels);
        const std::vector<CumulativeGainsPoint> gains = cumulativeGainsCurve(m_scores.scores, m_scores.labels);
        QVERIFY(!precisionRecall.empty() && !gains.empty());
        const double bads = std::count(m_scores.labels.begin(), m_scores.labels.end(), std::uint8_t(1));
        const double rate = bads / static_cast<double>(m_scores.labels.size());
        const auto series = [](ChartView *chart) {
            QList<QLineSeries *> lines;
            for (QAbstractSeries *each : chart->chart()->series())
                lines << qobject_cast<QLineSeries *>(each);
            return lines;
        };
        // Precision-recall: the engine's first and last points, AP in the legend, no skill at the bad rate.
        const QList<QLineSeries *> pr = series(m_panel->precisionRecallChart());
        QCOMPARE(pr.size(), 2);
        QCOMPARE(pr[0]->at(0), QPointF(precisionRecall.front().recall, precisionRecall.front().precision));
        QCOMPARE(pr[0]->at(pr[0]->count() - 1),
                 QPointF(precisionRecall.back().recall, precisionRecall.back().precision));
        QCOMPARE(pr[0]->name(),
                 QStringLiteral("Class (AP %1)").arg(averagePrecision(m_scores.scores, m_scores.labels), 0, 'f', 3));
        QCOMPARE(pr[1]->at(0).y(), rate);
        // Cumulative gains: from (0, 0) to (1, 1); the perfect model has caught every bad at the bad rate.
        const QList<QLineSeries *> cap = series(m_panel->cumulativeGainsChart());
        QCOMPARE(cap.size(), 3);
        QCOMPARE(cap[0]->at(0), QPointF(0, 0));
        QCOMPARE(cap[0]->at(cap[0]->count() - 1), QPointF(1, 1));
        QCOMPARE(cap[1]->at(1), QPointF(rate, 1));
        // Lift: the whole population's lift is 1; each point is caught share over population share.
        const QList<QLineSeries *> lift = series(m_panel->liftChart());
        QCOMPARE(lift.size(), 2);
        QCOMPARE(lift[0]->at(lift[0]->count() - 1), QPointF(1, 1));
        for (int k = 0; k < lift[0]->count(); ++k) {
            const QPointF drawn = lift[0]->at(k);
            const auto point = std::find_if(gains.begin(), gains.end(), [&](const CumulativeGainsPoint &each) {
                return each.populationShare == drawn.x();
            });
            QVERIFY(point != gains.end());
            QCOMPARE(drawn.y(), point->positiveShare / point->populationShare);
        }
    }

    // A large test part is computed off the UI thread: the panel says so until the engine's numbers
    // are back, and only the latest costs' cut-off is shown however many were typed meanwhile.
    void largeSetsAreComputedInTheBackground()
    {
        TaskScores large;
        large.task = "Class";
        large.classes = {"good", "bad"};
        std::mt19937 random(7);
        std::uniform_real_distribution<float> uniform(0, 1);
        const std::size_t rows = BinaryAnalytics::kSynchronousRows * 3;
        for (std::size_t i = 0; i < rows; ++i) {
            const float score = uniform(random);
            large.scores.push_back(score);
            large.labels.push_back(uniform(random) < 0.3f * score ? 1 : 0);
        }
        const TaskEvaluation evaluation = evaluateScores(large);
        BinaryTaskPanel panel;
        panel.costBadSpin()->setValue(4);
        panel.costGoodSpin()->setValue(1);
        panel.gainsBandsSpin()->setValue(20);
        // Every cut-off the panel shows after a result comes back (its own slot runs first).
        std::vector<double> shown;
        connect(panel.findChild<BinaryAnalytics *>(), &BinaryAnalytics::ready, this, [&panel, &shown] {
            if (panel.cutoffDecision())
                shown.push_back(panel.cutoffDecision()->cutoff);
        });
        panel.setTask(evaluation, &large, nullptr);
        QVERIFY(!panel.cutoffDecision());
        QCOMPARE(panel.findChild<QLabel *>(arg("cutoffNoteLabel"))->text(), QStringLiteral("Computing…"));
        // Typed while the first computation runs: 7, then 9.
        panel.costBadSpin()->setValue(7);
        panel.costBadSpin()->setValue(9);
        QTRY_VERIFY_WITH_TIMEOUT(panel.cutoffDecision() && panel.gainsModel()->rowCount() > 0 &&
                                     panel.liftChart()->message().isEmpty(),
                                 30000);
        CutoffCriterion criterion;
        criterion.costFalseNegative = 9;
        criterion.costFalsePositive = 1;
        const CutoffDecision expected = chooseCutoff(large.scores, large.labels, criterion);
        // The first result (costs 4 and 1) may have come back first and been dropped; wait for the last.
        QTRY_COMPARE_WITH_TIMEOUT(panel.cutoffDecision()->cutoff, expected.cutoff, 30000);
        QCOMPARE(panel.cutoffDecision()->approved, expected.approved);
        // The cut-off of costs 4 and 1, asked for first, was never shown once 9 had been typed.
        QVERIFY(!shown.empty());
        for (const double cutoff : shown)
            QCOMPARE(cutoff, expected.cutoff);
        QCOMPARE(panel.cutoffDecision()->expectedCost, expected.expectedCost);
        const GainsTable gains = gainsTable(large.scores, large.labels, 20);
        QCOMPARE(panel.gainsModel()->rowCount(), static_cast<int>(gains.bands.size()));
        for (std::size_t b = 0; b < gains.bands.size(); ++b) {
            QCOMPARE(panel.gainsModel()->table().bands[b].count, gains.bands[b].count);
            QCOMPARE(panel.gainsModel()->table().bands[b].lift, gains.bands[b].lift);
        }
        QVERIFY(panel.rocChart()->isoCostSeries());
    }

    // Without a bad row there is nothing to rank: the charts say so, and the lifts are undefined ("—").
    void withoutAnyBadTheChartsSayWhy()
    {
        TaskScores good = m_scores;
        std::fill(good.labels.begin(), good.labels.end(), std::uint8_t(0));
        BinaryTaskPanel panel;
        panel.setTask(evaluateScores(good), &good, nullptr);
        for (ChartView *chart : std::initializer_list<ChartView *>{panel.precisionRecallChart(),
                                                                   panel.cumulativeGainsChart(), panel.liftChart()})
            QVERIFY2(chart->message().contains(arg("no row of this task is positive")), qPrintable(chart->message()));
        QVERIFY(panel.gainsModel()->rowCount() > 0);
        QCOMPARE(panel.gainsModel()->index(0, GainsTableModel::Lift).data().toString(), QStringLiteral("—"));
        QVERIFY(!panel.gainsModel()->index(0, GainsTableModel::Lift).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void withoutScoresTheTablesSaySo()
    {
        BinaryTaskPanel panel;
        panel.setTask(m_evaluation, nullptr, nullptr);
        QCOMPARE(panel.gainsModel()->rowCount(), 0);
        QVERIFY(!panel.cutoffDecision());
        QVERIFY(!panel.rocChart()->cutoffSeries());
        QVERIFY(panel.findChild<QLabel *>(arg("gainsSummaryLabel"))->text().contains(arg("Scoring page")));
        QVERIFY(panel.findChild<QLabel *>(arg("cutoffNoteLabel"))->text().contains(arg("Scoring page")));
        for (ChartView *chart : std::initializer_list<ChartView *>{panel.precisionRecallChart(),
                                                                   panel.cumulativeGainsChart(), panel.liftChart()})
            QCOMPARE(chart->message(), ChartView::noScoresMessage());
    }

    // The settings change only by the user's hand: the wheel turned over an unfocused spin box or the
    // criterion box (as when scrolling) changes nothing, as on every page (WheelGuard).
    void theWheelDoesNotChangeTheSettings()
    {
        WheelGuard::install();
        BinaryTaskPanel panel;
        panel.setTask(m_evaluation, &m_scores, &m_charts);
        panel.resize(1100, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const double cutoff = panel.cutoffDecision().value().cutoff;
        const int bands = panel.gainsModel()->rowCount();
        for (const char *name : {"gainsBandsSpin", "cutoffCriterionCombo", "costBadSpin", "costGoodSpin"}) {
            QWidget *control = panel.findChild<QWidget *>(QLatin1String(name));
            panel.tabs()->setCurrentWidget(control->parentWidget());
            panel.tabs()->tabBar()->setFocus();
            QApplication::processEvents();
            QVERIFY2(!control->hasFocus(), name);
            const QPointF centre(control->width() / 2.0, control->height() / 2.0);
            QWheelEvent wheel(centre, control->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QSpontaneKeyEvent::setSpontaneous(&wheel);
            qApp->notify(control, &wheel);
        }
        QCOMPARE(panel.gainsBandsSpin()->value(), 10);
        QCOMPARE(panel.cutoffCriterionCombo()->currentIndex(), 0);
        QCOMPARE(panel.cutoffDecision().value().cutoff, cutoff);
        QCOMPARE(panel.gainsModel()->rowCount(), bands);
    }

    void everyControlIsNamedAndExplained()
    {
        for (const char *name :
             {"gainsBandsSpin", "gainsTable", "copyGainsButton", "saveGainsButton", "cutoffCriterionCombo",
              "costBadSpin", "costGoodSpin", "approvalRateSpin", "maxBadRateSpin"}) {
            QWidget *widget = m_panel->findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
            QVERIFY2(!settingHelp(QLatin1String(name)).isEmpty(), name);
        }
        for (const char *name : {"cutoffLabel", "cutoffApprovedLabel", "cutoffBadRateLabel", "cutoffCostLabel"})
            QVERIFY2(!m_panel->findChild<QWidget *>(QLatin1String(name))->accessibleName().isEmpty(), name);
        for (int column = 0; column < GainsTableModel::FieldCount; ++column)
            QVERIFY(!m_panel->gainsModel()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }

    void chineseTextsArePresent()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, arg("zh_CN")), arg("zh_CN"));
        {
            BinaryTaskPanel panel;
            panel.setTask(m_evaluation, &m_scores, &m_charts);
            const auto tabText = [&panel](const char *name) {
                return panel.tabs()->tabText(panel.tabs()->indexOf(panel.findChild<QWidget *>(QLatin1String(name))));
            };
            QCOMPARE(tabText("gainsTab"), QStringLiteral("收益表"));
            QCOMPARE(tabText("cutoffTab"), QStringLiteral("成本截断点"));
            QCOMPARE(tabText("precisionRecallChart"), QStringLiteral("精确率-召回率"));
            QCOMPARE(tabText("cumulativeGainsChart"), QStringLiteral("累计收益"));
            QCOMPARE(tabText("liftChart"), QStringLiteral("提升度"));
            QCOMPARE(panel.cumulativeGainsChart()->chartTitle(), QStringLiteral("累计收益（CAP）"));
            QCOMPARE(panel.gainsModel()->headerData(GainsTableModel::Lift, Qt::Horizontal).toString(),
                     QStringLiteral("提升度"));
            QCOMPARE(panel.cutoffCriterionCombo()->itemText(0), QStringLiteral("最低预期成本"));
            QCOMPARE(panel.costBadSpin()->accessibleName(), QStringLiteral("批准坏贷款的成本"));
            QCOMPARE(panel.rocChart()->isoCostSeries()->name(), QStringLiteral("等成本线"));
            QVERIFY(settingHelp(arg("costGoodSpin")).contains(QStringLiteral("拒绝")));
        }
        QCOMPARE(installTranslations(*app, arg("en")), arg("en"));
    }

    void cleanupTestCase() { m_panel.reset(); }

private:
    QTemporaryDir m_directory;
    QString m_data, m_model;
    TaskScores m_scores;
    TaskEvaluation m_evaluation;
    TaskCharts m_charts;
    std::unique_ptr<BinaryTaskPanel> m_panel;
};

QTEST_MAIN(TestResultsAnalytics)
#include "tst_resultsanalytics.moc"
