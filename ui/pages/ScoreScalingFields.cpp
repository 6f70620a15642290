#include "pages/ScoreScalingFields.h"

#include "HelpTexts.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

namespace cmtl::ui {

namespace {

// The words are the Scorecard dialog's, translated in its context (QT_TRANSLATE_NOOP marks them for lupdate).
constexpr const char *kContext = "cmtl::ui::ScorecardDialog";
QString text(const char *source)
{
    return QCoreApplication::translate(kContext, source);
}

QDoubleSpinBox *scalingSpin(QFormLayout *form, QWidget *parent, const QString &prefix, const QString &suffix,
                            const QString &label, const QString &accessibleName, double lowest, double highest,
                            int decimals, double value)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(prefix + suffix);
    spin->setAccessibleName(accessibleName);
    spin->setRange(lowest, highest);
    spin->setDecimals(decimals);
    spin->setValue(value);
    // The help of the Scorecard dialog's field (HelpTexts' "scorecard…" entries), whatever the prefix.
    setHelp(spin, settingHelp(QStringLiteral("scorecard") + suffix));
    auto *buddy = new QLabel(label, parent);
    buddy->setBuddy(spin);
    form->addRow(buddy, spin);
    return spin;
}

} // namespace

ScoreScalingFields ScoreScalingFields::addTo(QFormLayout *form, QWidget *parent, const QString &objectPrefix)
{
    const ScoreScaling defaults;
    ScoreScalingFields fields;
    fields.basePoints = scalingSpin(form, parent, objectPrefix, QStringLiteral("BasePointsSpin"),
                                    text(QT_TRANSLATE_NOOP("cmtl::ui::ScorecardDialog", "Base &points:")),
                                    text(QT_TRANSLATE_NOOP("cmtl::ui::ScorecardDialog", "Base points")), -1e9, 1e9, 2,
                                    defaults.basePoints);
    fields.baseOdds = scalingSpin(form, parent, objectPrefix, QStringLiteral("BaseOddsSpin"),
                                  text(QT_TRANSLATE_NOOP("cmtl::ui::ScorecardDialog", "Base &odds (good:bad):")),
                                  text(QT_TRANSLATE_NOOP("cmtl::ui::ScorecardDialog", "Base odds")), 0.0001, 1e9, 4,
                                  defaults.baseOdds);
    fields.pdo = scalingSpin(form, parent, objectPrefix, QStringLiteral("PdoSpin"),
                             text(QT_TRANSLATE_NOOP("cmtl::ui::ScorecardDialog", "Points to &double the odds:")),
                             text(QT_TRANSLATE_NOOP("cmtl::ui::ScorecardDialog", "Points to double the odds")), 0.01,
                             1e6, 2, defaults.pdo);
    return fields;
}

ScoreScaling ScoreScalingFields::value() const
{
    return {basePoints->value(), baseOdds->value(), pdo->value()};
}

} // namespace cmtl::ui
