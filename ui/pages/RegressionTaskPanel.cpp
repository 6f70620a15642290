#include "pages/RegressionTaskPanel.h"

#include "charts/ScatterChart.h"

#include <QHBoxLayout>

namespace cmtl::ui {

RegressionTaskPanel::RegressionTaskPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("regressionPanel"));
    m_predicted = new PredictedVsActualChart(this);
    m_residuals = new ResidualChart(this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_predicted);
    layout->addWidget(m_residuals);
}

void RegressionTaskPanel::setTask(const TaskEvaluation &, const TaskScores *scores)
{
    if (scores) {
        m_predicted->setValues(scores->predicted, scores->actual);
        m_residuals->setValues(scores->predicted, scores->actual);
    } else {
        m_predicted->setValues({}, {});
        m_residuals->setValues({}, {});
    }
}

} // namespace cmtl::ui
