#include "charts/ChartView.h"

#include <algorithm>
#include <iterator>

#include "charts/ImageExport.h"

#include <QAction>
#include <QChart>
#include <QContextMenuEvent>
#include <QLegend>
#include <QMenu>
#include <QValueAxis>

namespace cmtl::ui {

ChartView::ChartView(const QString &title, QWidget *parent) : QChartView(parent), m_title(title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(true);
    chart->legend()->setShowToolTips(true);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 200);
    setAccessibleName(title);
    // The viewport takes the focus for the view, yet is listed on the accessibility bus as a
    // focusable object of its own: named like the view, it is not read as an empty filler.
    viewport()->setAccessibleName(title);
    m_x = new QValueAxis(this);
    m_y = new QValueAxis(this);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    auto *save = new QAction(tr("Save Chart As…"), this);
    save->setShortcut(QKeySequence::Save);
    save->setShortcutContext(Qt::WidgetShortcut);
    connect(save, &QAction::triggered, this, &ChartView::saveInteractively);
    addAction(save);
}

std::vector<std::size_t> ChartView::drawnPoints(std::size_t count)
{
    const std::size_t stride = std::max<std::size_t>(1, (count + kMaxDrawnPoints - 1) / kMaxDrawnPoints);
    std::vector<std::size_t> indices;
    indices.reserve(count / stride + 2);
    for (std::size_t k = 0; k < count; k += stride)
        indices.push_back(k);
    if (count > 0 && indices.back() != count - 1)
        indices.push_back(count - 1);
    return indices;
}

QColor ChartView::seriesColor(int index)
{
    static const QColor palette[] = {QColor(31, 95, 168),  QColor(192, 57, 43), QColor(46, 139, 87),
                                     QColor(142, 68, 173), QColor(211, 145, 0), QColor(22, 160, 133)};
    return palette[index % static_cast<int>(std::size(palette))];
}

bool ChartView::saveImage(const QString &path)
{
    return saveWidgetImage(this, path, m_title);
}

void ChartView::saveInteractively()
{
    saveWidgetImageInteractively(this, m_title);
}

void ChartView::setAxes(const QString &xTitle, double xMin, double xMax, const QString &yTitle, double yMin,
                        double yMax)
{
    m_x->setTitleText(xTitle);
    m_y->setTitleText(yTitle);
    if (!(xMax > xMin))
        xMax = xMin + 1;
    if (!(yMax > yMin))
        yMax = yMin + 1;
    m_x->setRange(xMin, xMax);
    m_y->setRange(yMin, yMax);
}

void ChartView::attach(QAbstractSeries *series)
{
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
}

void ChartView::clearSeries()
{
    chart()->removeAllSeries();
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

} // namespace cmtl::ui
