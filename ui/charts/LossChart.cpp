#include "charts/LossChart.h"

#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
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

void LossChart::forgetSeries()
{
    m_train.clear();
    m_validation.clear();
    m_bestLine = nullptr;
    m_bestLabel = nullptr;
    m_bestEpoch = 0;
}

void LossChart::reset(const QStringList &tasks, int epochs)
{
    clearSeries();
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
    fitLegend();
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
    placeBestMarker();
}

void LossChart::setHistory(const QStringList &tasks, const TrainingHistory &history)
{
    reset(tasks, static_cast<int>(history.epochs.size()));
    for (const EpochRecord &record : history.epochs)
        appendEpoch(record);
    setBestEpoch(history.bestEpoch);
}

void LossChart::setBestEpoch(int epoch)
{
    if (m_bestLine) {
        chart()->removeSeries(m_bestLine);
        chart()->removeSeries(m_bestLabel);
        forgetLegendEntry(m_bestLabel);
        delete m_bestLine;
        delete m_bestLabel;
        m_bestLine = nullptr;
        m_bestLabel = nullptr;
    }
    m_bestEpoch = epoch;
    if (epoch > 0) {
        const QColor ink(40, 40, 40);
        m_bestLine = new QLineSeries;
        m_bestLine->setObjectName(QStringLiteral("bestEpochLine"));
        m_bestLine->setName(tr("epoch %1: weights kept").arg(epoch));
        m_bestLine->setPen(QPen(ink, 1.5, Qt::DashDotLine));
        // The label on the chart: one point at the line's top, its text the label.
        m_bestLabel = new QScatterSeries;
        m_bestLabel->setObjectName(QStringLiteral("bestEpochLabel"));
        m_bestLabel->setName(tr("best epoch %1").arg(epoch));
        m_bestLabel->setMarkerSize(7);
        m_bestLabel->setColor(ink);
        m_bestLabel->setBorderColor(ink);
        m_bestLabel->setPointLabelsFormat(tr("best epoch %1").arg(epoch));
        m_bestLabel->setPointLabelsVisible(true);
        m_bestLabel->setPointLabelsClipping(false);
        m_bestLabel->setPointLabelsColor(ink);
        attach(m_bestLine);
        attach(m_bestLabel);
        hideFromLegend(m_bestLabel);
        placeBestMarker();
    }
    fitLegend();
}

void LossChart::placeBestMarker()
{
    if (!m_bestLine)
        return;
    const double top = yAxis()->max();
    m_bestLine->replace(QList<QPointF>{QPointF(m_bestEpoch, 0), QPointF(m_bestEpoch, top)});
    m_bestLabel->replace(QList<QPointF>{QPointF(m_bestEpoch, top * 0.9)});
}

QString LossChart::outcome(const TrainingHistory &history, int plannedEpochs)
{
    if (history.epochs.empty())
        return {};
    const int last = history.epochs.back().epoch;
    if (last < plannedEpochs)
        return tr("Stopped early at epoch %1 of %2; the weights of epoch %3 were kept.")
            .arg(last)
            .arg(plannedEpochs)
            .arg(history.bestEpoch);
    return tr("Completed all %1 epochs; the weights of epoch %2 were kept.").arg(last).arg(history.bestEpoch);
}

int LossChart::pointCount() const
{
    return m_train.isEmpty() ? 0 : static_cast<int>(m_train.front()->count());
}

} // namespace cmtl::ui
