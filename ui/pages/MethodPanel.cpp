#include "pages/MethodPanel.h"

#include "HelpTexts.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace cmtl::ui {

namespace {

QLabel *buddy(const QString &text, QWidget *widget, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(widget);
    return label;
}

} // namespace

MethodPanel::MethodPanel(QWidget *parent) : QGroupBox(tr("Multi-task method"), parent)
{
    setObjectName(QStringLiteral("methodPanel"));
    auto *form = new QFormLayout(this);

    m_architecture = new QComboBox(this);
    m_architecture->setObjectName(QStringLiteral("architectureCombo"));
    m_architecture->addItem(tr("Shared bottom (hard sharing)"),
                            QString::fromLatin1(toString(Architecture::SharedBottom)));
    m_architecture->addItem(tr("MMoE (mixture of experts)"), QString::fromLatin1(toString(Architecture::MMoE)));
    m_architecture->addItem(tr("PLE (shared and task experts)"), QString::fromLatin1(toString(Architecture::PLE)));
    m_architecture->addItem(tr("Task feature attention"), QString::fromLatin1(toString(Architecture::Attention)));
    form->addRow(buddy(tr("&Architecture:"), m_architecture, this), m_architecture);

    m_experts = new QSpinBox(this);
    m_experts->setObjectName(QStringLiteral("expertsSpin"));
    m_experts->setRange(1, 32);
    form->addRow(buddy(tr("Shared e&xperts:"), m_experts, this), m_experts);
    m_taskExperts = new QSpinBox(this);
    m_taskExperts->setObjectName(QStringLiteral("taskExpertsSpin"));
    m_taskExperts->setRange(1, 16);
    form->addRow(buddy(tr("Experts per &task:"), m_taskExperts, this), m_taskExperts);

    m_weighting = new QComboBox(this);
    m_weighting->setObjectName(QStringLiteral("weightingCombo"));
    m_weighting->addItem(tr("Fixed (the lambdas above)"), QString::fromLatin1(toString(WeightingMethod::Fixed)));
    m_weighting->addItem(tr("Uncertainty (learned)"), QString::fromLatin1(toString(WeightingMethod::Uncertainty)));
    m_weighting->addItem(tr("GradNorm"), QString::fromLatin1(toString(WeightingMethod::GradNorm)));
    m_weighting->addItem(tr("Dynamic weight average"), QString::fromLatin1(toString(WeightingMethod::DWA)));
    m_weighting->addItem(tr("PCGrad (project conflicts)"), QString::fromLatin1(toString(WeightingMethod::PCGrad)));
    form->addRow(buddy(tr("Task &weighting:"), m_weighting, this), m_weighting);

    m_gradNormAlpha = new QDoubleSpinBox(this);
    m_gradNormAlpha->setObjectName(QStringLiteral("gradNormAlphaSpin"));
    m_gradNormAlpha->setRange(0.0, 5.0);
    m_gradNormAlpha->setSingleStep(0.1);
    form->addRow(buddy(tr("GradNorm &alpha:"), m_gradNormAlpha, this), m_gradNormAlpha);
    m_dwaTemperature = new QDoubleSpinBox(this);
    m_dwaTemperature->setObjectName(QStringLiteral("dwaTemperatureSpin"));
    m_dwaTemperature->setRange(0.1, 100.0);
    m_dwaTemperature->setSingleStep(0.5);
    form->addRow(buddy(tr("DWA te&mperature:"), m_dwaTemperature, this), m_dwaTemperature);

    installHelp(this);
    resetDefaults();
    connect(m_architecture, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_weighting, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
}

void MethodPanel::resetDefaults()
{
    const TrainConfig defaults;
    m_architecture->setCurrentIndex(m_architecture->findData(QString::fromLatin1(toString(defaults.architecture))));
    m_experts->setValue(defaults.experts);
    m_taskExperts->setValue(defaults.taskExperts);
    m_weighting->setCurrentIndex(m_weighting->findData(QString::fromLatin1(toString(defaults.weighting.method))));
    m_gradNormAlpha->setValue(defaults.weighting.gradNormAlpha);
    m_dwaTemperature->setValue(defaults.weighting.dwaTemperature);
    updateEnabled();
}

void MethodPanel::updateEnabled()
{
    const QString architecture = m_architecture->currentData().toString();
    const bool mixture = architecture == QLatin1String(toString(Architecture::MMoE)) ||
                         architecture == QLatin1String(toString(Architecture::PLE));
    m_experts->setEnabled(mixture);
    m_taskExperts->setEnabled(architecture == QLatin1String(toString(Architecture::PLE)));
    const QString weighting = m_weighting->currentData().toString();
    m_gradNormAlpha->setEnabled(weighting == QLatin1String(toString(WeightingMethod::GradNorm)));
    m_dwaTemperature->setEnabled(weighting == QLatin1String(toString(WeightingMethod::DWA)));
}

void MethodPanel::applyTo(TrainConfig &train) const
{
    train.architecture = architectureFromString(m_architecture->currentData().toString().toStdString());
    train.experts = m_experts->value();
    train.taskExperts = m_taskExperts->value();
    train.weighting.method = weightingFromString(m_weighting->currentData().toString().toStdString());
    train.weighting.gradNormAlpha = m_gradNormAlpha->value();
    train.weighting.dwaTemperature = m_dwaTemperature->value();
}

// Project state: the inverse of applyTo.
void MethodPanel::setFrom(const TrainConfig &train)
{
    const auto choose = [](QComboBox *box, const char *value) {
        if (const int index = box->findData(QString::fromLatin1(value)); index >= 0)
            box->setCurrentIndex(index);
    };
    choose(m_architecture, toString(train.architecture));
    m_experts->setValue(train.experts);
    m_taskExperts->setValue(train.taskExperts);
    choose(m_weighting, toString(train.weighting.method));
    m_gradNormAlpha->setValue(train.weighting.gradNormAlpha);
    m_dwaTemperature->setValue(train.weighting.dwaTemperature);
}

} // namespace cmtl::ui
