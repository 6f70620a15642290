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

void RegressionTaskPanel::setTask(const TaskEvaluation &evaluation, const TaskScores *scores, const QString &run)
{
    for (ChartView *chart : std::initializer_list<ChartView *>{m_predicted, m_residuals}) {
        chart->setSubject(QString::fromStdString(evaluation.task), run);
        if (!scores)
            chart->showMessage(ChartView::noScoresMessage());
    }
    if (scores) {
        m_predicted->setValues(scores->predicted, scores->actual);
        m_residuals->setValues(scores->predicted, scores->actual);
    }
}

} // namespace cmtl::ui
