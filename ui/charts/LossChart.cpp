#include "charts/LossChart.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cmtl::ui {

LossChart::LossChart(QWidget *parent) : ChartView(tr("Loss per task"), parent)
{
    setObjectName(QStringLiteral("lossChart"));
    setAxes(tr("Epoch"), 1, 2, tr("Loss"), 0, 1);
    xAxis()->setLabelFormat(QStringLiteral("%d"));
}

void LossChart::reset(const QStringList &tasks, int epochs)
{
    clearSeries();
    m_train.clear();
    m_validation.clear();
    m_highest = 0;
    for (int t = 0; t < tasks.size(); ++t) {
        const QColor color = seriesColor(t);
        auto *train = new QLineSeries;
        train->setName(tr("%1 train").arg(tasks[t]));
        train->setPen(QPen(color, 2));
        auto *validation = new QLineSeries;
        validation->setName(tr("%1 validation").arg(tasks[t]));
        validation->setPen(QPen(color, 2, Qt::DashLine));
        attach(train);
        attach(validation);
        m_train << train;
        m_validation << validation;
    }
    xAxis()->setRange(1, std::max(2, epochs));
    xAxis()->setTickCount(std::min(std::max(2, epochs), 11));
    yAxis()->setRange(0, 1);
}

void LossChart::appendEpoch(const EpochRecord &record)
{
    for (std::size_t t = 0; t < record.tasks.size() && t < static_cast<std::size_t>(m_train.size()); ++t) {
        const TaskEpochStats &stats = record.tasks[t];
        if (std::isfinite(stats.trainLoss)) {
            m_train[static_cast<int>(t)]->append(record.epoch, stats.trainLoss);
            m_highest = std::max(m_highest, stats.trainLoss);
        }
        if (std::isfinite(stats.validationLoss)) {
            m_validation[static_cast<int>(t)]->append(record.epoch, stats.validationLoss);
            m_highest = std::max(m_highest, stats.validationLoss);
        }
    }
    if (record.epoch > xAxis()->max())
        xAxis()->setMax(record.epoch);
    yAxis()->setRange(0, m_highest > 0 ? m_highest * 1.08 : 1);
}

void LossChart::setHistory(const QStringList &tasks, const TrainingHistory &history)
{
    reset(tasks, static_cast<int>(history.epochs.size()));
    for (const EpochRecord &record : history.epochs)
        appendEpoch(record);
}

int LossChart::pointCount() const
{
    return m_train.isEmpty() ? 0 : static_cast<int>(m_train.front()->count());
}

} // namespace cmtl::ui
