#pragma once

#include "scorecard/Scorecard.h"

#include <QString>

class QDoubleSpinBox;
class QFormLayout;
class QWidget;

namespace cmtl::ui {

// The scaling of a scorecard's points as the Scorecard dialog asks for it (base points at base odds,
// points to double the odds), shared by every dialog that fits a scorecard: three spin boxes at the
// defaults, added with their labels to a form.
struct ScoreScalingFields {
    QDoubleSpinBox *basePoints = nullptr;
    QDoubleSpinBox *baseOdds = nullptr;
    QDoubleSpinBox *pdo = nullptr;

    // The spin boxes are named objectPrefix + "BasePointsSpin", "BaseOddsSpin" and "PdoSpin".
    static ScoreScalingFields addTo(QFormLayout *form, QWidget *parent, const QString &objectPrefix);
    ScoreScaling value() const;
};

} // namespace cmtl::ui
