#include "charts/TaskWeightChart.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cmtl::ui {

TaskWeightChart::TaskWeightChart(QWidget *parent) : ChartView(tr("Task weights (effective lambda)"), parent)
{
    setObjectName(QStringLiteral("taskWeightChart"));
    setAxes(tr("Epoch"), 1, 2, tr("Weight"), 0, 1);
    xAxis()->setLabelFormat(QStringLiteral("%d"));
}

void TaskWeightChart::reset(const QStringList &tasks, int epochs)
{
    clearSeries();
    m_highest = 0;
    for (int t = 0; t < tasks.size(); ++t) {
        auto *series = new QLineSeries;
        series->setName(tasks[t]);
        series->setPen(QPen(seriesColor(t), 2));
        attach(series);
        m_weights << series;
    }
    xAxis()->setRange(1, std::max(2, epochs));
    xAxis()->setTickCount(std::min(std::max(2, epochs), 11));
    yAxis()->setRange(0, 1);
    fitLegend();
}

void TaskWeightChart::appendEpoch(const EpochRecord &record)
{
    for (std::size_t t = 0; t < record.lambdas.size() && t < static_cast<std::size_t>(m_weights.size()); ++t) {
        if (!std::isfinite(record.lambdas[t]))
            continue;
        m_weights[static_cast<int>(t)]->append(record.epoch, record.lambdas[t]);
        m_highest = std::max(m_highest, record.lambdas[t]);
    }
    if (record.epoch > xAxis()->max())
        xAxis()->setMax(record.epoch);
    yAxis()->setRange(0, m_highest > 0 ? m_highest * 1.1 : 1);
}

} // namespace cmtl::ui
