// The multi-task method controls of the settings page reach the engine's configuration.

#include "pages/SettingsPage.h"

#include <QApplication>
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
    void defaultsAreSharedBottomWithFixedWeights();
    void choicesReachTheConfiguration();
    void settingsApplyOnlyWhereTheyMatter();
};

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

QTEST_MAIN(TestMethodPanel)
#include "tst_methodpanel.moc"
