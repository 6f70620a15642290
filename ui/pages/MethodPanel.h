#pragma once

#include "train/Trainer.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace cmtl::ui {

// The multi-task method of a run: how the tasks share the network (shared-bottom, MMoE, PLE,
// attention) and how their weights evolve (fixed, uncertainty, GradNorm, DWA, PCGrad), each
// with its own settings, enabled only when it applies.
class MethodPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit MethodPanel(QWidget *parent = nullptr);

    // Writes the chosen method into `train`, leaving its other fields alone.
    void applyTo(TrainConfig &train) const;
    // Shows the method of `train` (a restored project).
    void setFrom(const TrainConfig &train);
    void resetDefaults();

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QComboBox *m_architecture;
    QSpinBox *m_experts;
    QSpinBox *m_taskExperts;
    QComboBox *m_weighting;
    QDoubleSpinBox *m_gradNormAlpha;
    QDoubleSpinBox *m_dwaTemperature;
};

} // namespace cmtl::ui
