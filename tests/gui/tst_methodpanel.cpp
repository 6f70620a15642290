// The multi-task method controls of the settings page reach the engine's configuration.

#include "SampleFile.h"
#include "csv/CsvReader.h"
#include "pages/ComparisonDialog.h"
#include "pages/SettingsPage.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTest>

using namespace cmtl;
using namespace cmtl::ui;

class TestMethodPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The dialogs remember their choices in QSettings: the test's own, empty, not the user's.
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void defaultsAreSharedBottomWithFixedWeights();
    void choicesReachTheConfiguration();
    void settingsApplyOnlyWhereTheyMatter();
    void compareMethodsFillsTheTable();
    void wideAndDeepIsShownAndKept();
};

// A configuration with the wide & deep path (from a project or Tune) shows it on the page and keeps
// it in the configuration the page gives back: the page never drops a setting it was given.
void TestMethodPanel::wideAndDeepIsShownAndKept()
{
    SettingsPage page;
    page.resetDefaults();
    auto *wide = page.findChild<QCheckBox *>(QStringLiteral("wideCheck"));
    QVERIFY(wide);
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(wide);
    QVERIFY(accessible && accessible->text(QAccessible::Name).contains(QLatin1String("Wide")));
    // On by default (README, "Longer training for the wide path").
    QVERIFY(wide->isChecked());
    QCOMPARE(page.config()->train.wide, true);
    ExperimentConfig given = *page.config();
    given.train.wide = false;
    page.setConfig(given);
    QVERIFY(!wide->isChecked());
    QCOMPARE(page.config()->train.wide, false);
    given.train.wide = true;
    page.setConfig(given);
    QVERIFY(wide->isChecked());
    QCOMPARE(page.config()->train.wide, true);
    wide->click();
    QCOMPARE(page.config()->train.wide, false);
    page.resetDefaults();
    QCOMPARE(page.config()->train.wide, ExperimentConfig{}.train.wide);
}

void TestMethodPanel::defaultsAreSharedBottomWithFixedWeights()
{
    SettingsPage page;
    const std::optional<ExperimentConfig> config = page.config();
    QVERIFY(config);
    QCOMPARE(config->train.architecture, Architecture::SharedBottom);
    QCOMPARE(config->train.weighting.method, WeightingMethod::Fixed);
}

void TestMethodPanel::choicesReachTheConfiguration()
{
    SettingsPage page;
    auto *architecture = page.findChild<QComboBox *>(QStringLiteral("architectureCombo"));
    auto *weighting = page.findChild<QComboBox *>(QStringLiteral("weightingCombo"));
    auto *experts = page.findChild<QSpinBox *>(QStringLiteral("expertsSpin"));
    auto *temperature = page.findChild<QDoubleSpinBox *>(QStringLiteral("dwaTemperatureSpin"));
    QVERIFY(architecture && weighting && experts && temperature);
    architecture->setCurrentIndex(architecture->findData(QStringLiteral("mmoe")));
    experts->setValue(6);
    weighting->setCurrentIndex(weighting->findData(QStringLiteral("dwa")));
    temperature->setValue(3.5);
    std::optional<ExperimentConfig> config = page.config();
    QVERIFY(config);
    QCOMPARE(config->train.architecture, Architecture::MMoE);
    QCOMPARE(config->train.experts, 6);
    QCOMPARE(config->train.weighting.method, WeightingMethod::DWA);
    QCOMPARE(config->train.weighting.dwaTemperature, 3.5);
    page.resetDefaults();
    config = page.config();
    QCOMPARE(config->train.architecture, Architecture::SharedBottom);
}

void TestMethodPanel::settingsApplyOnlyWhereTheyMatter()
{
    SettingsPage page;
    auto *architecture = page.findChild<QComboBox *>(QStringLiteral("architectureCombo"));
    auto *experts = page.findChild<QSpinBox *>(QStringLiteral("expertsSpin"));
    auto *taskExperts = page.findChild<QSpinBox *>(QStringLiteral("taskExpertsSpin"));
    QVERIFY(!experts->isEnabled());
    architecture->setCurrentIndex(architecture->findData(QStringLiteral("ple")));
    QVERIFY(experts->isEnabled() && taskExperts->isEnabled());
    // Every control is labelled for screen readers.
    for (QWidget *control : {static_cast<QWidget *>(architecture), static_cast<QWidget *>(experts)}) {
        bool labelled = false;
        for (const QLabel *label : page.findChildren<QLabel *>())
            labelled = labelled || label->buddy() == control;
        QVERIFY(labelled);
    }
}

void TestMethodPanel::compareMethodsFillsTheTable()
{
    // The sample's first 2,000 loans: seven candidates, each on two folds with inner searches,
    // took a minute and a half on the whole sample under the sanitizers.
    const QString path = QStringLiteral("lending_club_head.csv");
    const QByteArray head = cmtl::testing::sampleHead(2000);
    CsvReadResult read = readCsv(std::span<const char>(head.constData(), head.size()), path.toStdString());
    auto data =
        std::make_shared<LoadedTable>(LoadedTable{path, {}, read.dialect, std::move(read.table), {}, {}, {}, {}});
    const RoleAssignment roles = defaultRoles(data->table,
                                              {{"Class", TaskType::Binary, "bad", 1.0},
                                               {"grade", TaskType::Multiclass, "", 1.0},
                                               {"int_rate", TaskType::Regression, "", 1.0}},
                                              {});
    ExperimentConfig config;
    config.train.epochs = 2;
    // The logistic reference trains with at least this patience (10 when off): the default 30
    // makes its inner search minutes of work under the sanitizers.
    config.train.patience = 0;
    config.train.hiddenLayers = {16};
    ComparisonDialog dialog(data, roles, config);
    dialog.findChild<QSpinBox *>(QStringLiteral("foldsSpin"))->setValue(2);
    // The seven network and logistic candidates. The boosted trees (there when XGBoost is built in)
    // are left out: their inner search takes minutes under the sanitizers, and tst_boosting and
    // tst_report's compare cover them.
    QStringList chosen = dialog.chosenCandidates();
    chosen.removeAll(QString::fromStdString(kBoostedTreesLabel));
    dialog.setChosenCandidates(chosen);
    QCOMPARE(dialog.chosenCandidates().size(), 7);
    QSignalSpy finished(&dialog, &ComparisonDialog::comparisonFinished);
    dialog.start();
    QVERIFY(finished.wait(240000));
    // 3 tasks x 2 headline metrics, each for the 7 standard candidates.
    QCOMPARE(dialog.results()->rowCount(), 42);
    QCOMPARE(dialog.results()->item(0, 0)->text(), QStringLiteral("Class"));
    QCOMPARE(dialog.results()->item(0, 1)->text(), QStringLiteral("AUC"));
    QCOMPARE(dialog.results()->item(0, 2)->text(), QStringLiteral("logistic"));
    const double auc = dialog.results()->item(0, 3)->text().section(QLatin1Char(' '), 0, 0).toDouble();
    QVERIFY2(auc > 0.55 && auc < 0.85, qPrintable(dialog.results()->item(0, 3)->text()));
    // The sharing column shows the interval the engine attached: none on the two references'
    // rows, an interval and a verdict on a multi-task model's.
    QCOMPARE(dialog.results()->item(0, 6)->text(), QString());
    QCOMPARE(dialog.results()->item(1, 2)->text(), QStringLiteral("single-task net"));
    QCOMPARE(dialog.results()->item(1, 6)->text(), QString());
    QCOMPARE(dialog.results()->item(2, 2)->text(), QStringLiteral("shared-bottom fixed"));
    const QString sharing = dialog.results()->item(2, 6)->text();
    QVERIFY2(QRegularExpression(QStringLiteral("^-?\\d\\.\\d{4} \\[-?\\d\\.\\d{4}, -?\\d\\.\\d{4}\\]: "
                                               "(sharing helped|sharing hurt|no detectable difference)$"))
                 .match(sharing)
                 .hasMatch(),
             qPrintable(sharing));
}

QTEST_MAIN(TestMethodPanel)
#include "tst_methodpanel.moc"
