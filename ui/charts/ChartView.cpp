#include "charts/ChartView.h"

#include "charts/ChartToolBar.h"

#include <QAction>
#include <QChart>
#include <QContextMenuEvent>
#include <QGraphicsLayout>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace cmtl::ui {

ChartView::ChartView(const QString &title, QWidget *parent) : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(true);
    chart->legend()->setShowToolTips(true);
    // A line's entry is a stroke in its pen (solid, dashed), a scatter's its dot: entries that
    // share a colour (a task's training and validation loss) stay apart.
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_legendFont = chart->legend()->font();
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
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(24);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #333; background: transparent; }"));
    m_message->hide();
    m_toolBar = new ChartToolBar(this, [this] { return picture(); });
}

void ChartView::setTitle(const QString &title)
{
    chart()->setTitle(title);
    setAccessibleName(title);
}

QString ChartView::chartTitle() const
{
    return chart()->title();
}

void ChartView::setSubject(const QString &task, const QString &run)
{
    m_task = task;
    m_run = run;
}

QString ChartView::exportTitle() const
{
    return chartExportTitle(chartTitle(), m_task, m_run);
}

ChartPicture ChartView::picture()
{
    return {exportTitle(), viewport()->size(), [this](QPainter &painter, const QRect &area) {
                // The band above carries the title: the chart is drawn without its own, laid out
                // again at once so that the plot takes the title's room.
                const QString title = chart()->title();
                chart()->setTitle(QString());
                chart()->layout()->activate();
                scene()->render(&painter, QRectF(area), sceneRect());
                chart()->setTitle(title);
                chart()->layout()->activate();
            }};
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
    // Ten colours that read apart on white and in print, the first six as the workbench always
    // used them.
    static const QColor palette[] = {
        QColor(31, 95, 168),  QColor(192, 57, 43), QColor(46, 139, 87),  QColor(142, 68, 173),  QColor(211, 145, 0),
        QColor(22, 160, 133), QColor(140, 86, 75), QColor(214, 96, 168), QColor(110, 110, 110), QColor(150, 150, 20)};
    constexpr int paletteSize = static_cast<int>(std::size(palette));
    index = std::max(0, index);
    if (index < paletteSize)
        return palette[index];
    // Beyond the palette: the golden angle never brings a hue back, and three saturation and
    // brightness levels keep neighbouring hues apart.
    const int k = index - paletteSize;
    constexpr double goldenRatioConjugate = 0.6180339887498949;
    const double hue = std::fmod(0.11 + k * goldenRatioConjugate, 1.0);
    static const double saturation[] = {0.80, 0.55, 0.95};
    static const double value[] = {0.75, 0.60, 0.50};
    return QColor::fromHsvF(static_cast<float>(hue), static_cast<float>(saturation[k % 3]),
                            static_cast<float>(value[k % 3]));
}

QStringList ChartView::legendTexts() const
{
    QStringList texts;
    std::vector<QGraphicsItem *> pending = {chart()->legend()};
    while (!pending.empty()) {
        QGraphicsItem *item = pending.back();
        pending.pop_back();
        if (!item->isVisible())
            continue;
        if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item))
            texts << text->toPlainText();
        const QList<QGraphicsItem *> children = item->childItems();
        pending.insert(pending.end(), children.begin(), children.end());
    }
    return texts;
}

bool ChartView::saveImage(const QString &path)
{
    return saveChartPicture(picture(), path);
}

void ChartView::saveInteractively()
{
    saveChartPictureInteractively(this, picture());
}

void ChartView::showMessage(const QString &text)
{
    clearSeries();
    m_x->setVisible(false);
    m_y->setVisible(false);
    chart()->legend()->setVisible(false);
    m_toolBar->hide();
    m_message->setText(text);
    m_message->setGeometry(rect());
    m_message->show();
    m_message->raise();
}

QString ChartView::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QString ChartView::noScoresMessage()
{
    return tr("Nothing to draw: a model opened from a file keeps its metrics, not the per-row scores this chart "
              "is drawn from.\n\nTo see it, score a labelled file (one with this task's column) on the Scoring "
              "page: the model's metrics and charts on that file appear here as a run of their own.");
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

void ChartView::hideFromLegend(QAbstractSeries *series)
{
    m_unlisted.insert(series);
    for (QLegendMarker *marker : chart()->legend()->markers(series))
        marker->setVisible(false);
}

void ChartView::clearSeries()
{
    chart()->removeAllSeries();
    m_unlisted.clear();
    forgetSeries();
    if (m_message->isVisibleTo(this)) {
        m_message->hide();
        m_message->clear();
        m_x->setVisible(true);
        m_y->setVisible(true);
        chart()->legend()->setVisible(true);
        m_toolBar->show();
    }
}

void ChartView::fitLegend()
{
    QLegend *legend = chart()->legend();
    QFont font = m_legendFont;
    QFontMetricsF metrics(font);
    // An entry: its marker, the label and the spacing around them.
    const qreal entryExtra = 2.5 * metrics.height() + 12;
    qreal inOneLine = 0, widest = 0;
    for (QLegendMarker *marker : legend->markers()) {
        // (A marker's own visibility is false until the legend is first laid out.)
        if (m_unlisted.contains(marker->series()))
            continue;
        const qreal width = metrics.horizontalAdvance(marker->label()) + entryExtra;
        inOneLine += width;
        widest = std::max(widest, width);
    }
    const qreal available = viewport()->width() - 24;
    const Qt::Alignment wanted = inOneLine <= available ? Qt::AlignBottom : Qt::AlignRight;
    // Qt Charts gives a legend on the right at most 40% of the chart's width: a smaller font (not
    // below three quarters of the usual) keeps the longest label whole there.
    if (wanted == Qt::AlignRight && widest > 0.4 * available)
        font.setPointSizeF(font.pointSizeF() * std::max(0.75, 0.4 * available / widest));
    if (legend->font() != font)
        legend->setFont(font);
    if (legend->alignment() != wanted)
        legend->setAlignment(wanted);
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_message->setGeometry(rect());
    fitLegend();
}

} // namespace cmtl::ui
