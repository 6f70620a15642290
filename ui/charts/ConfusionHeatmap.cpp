#include "charts/ConfusionHeatmap.h"

#include "charts/ChartToolBar.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>

#include <algorithm>

namespace cmtl::ui {

ConfusionHeatmap::ConfusionHeatmap(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("confusionHeatmap"));
    setAccessibleName(tr("Confusion matrix heat map"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_toolBar = new ChartToolBar(this, [this] { return picture(); });
}

void ConfusionHeatmap::setMatrix(const QStringList &classes, const Matrix &matrix)
{
    m_classes = classes;
    m_matrix = matrix;
    update();
}

bool ConfusionHeatmap::saveImage(const QString &path)
{
    return saveChartPicture(picture(), path);
}

void ConfusionHeatmap::setSubject(const QString &task, const QString &run)
{
    m_task = task;
    m_run = run;
}

QString ConfusionHeatmap::exportTitle() const
{
    return chartExportTitle(tr("Confusion matrix"), m_task, m_run);
}

ChartPicture ConfusionHeatmap::picture() const
{
    // The band names the chart, task and run; the matrix keeps its reading direction.
    return {exportTitle(), size(), [this](QPainter &painter, const QRect &area) {
                paint(painter, area, tr("rows: actual, columns: predicted"));
            }};
}

void ConfusionHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, rect(), tr("Confusion matrix (rows: actual, columns: predicted)"));
}

void ConfusionHeatmap::paint(QPainter &painter, const QRect &area, const QString &title) const
{
    painter.save();
    painter.translate(area.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    const int width = area.width(), height = area.height();
    painter.fillRect(QRect(0, 0, width, height), Qt::white);
    const int k = static_cast<int>(m_matrix.rows());
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    // Left of the corner buttons' room, over two lines when the map is narrow.
    const QRect titleRect = painter.fontMetrics().boundingRect(QRect(4, 4, std::max(40, width - 64), 200),
                                                               Qt::AlignHCenter | Qt::TextWordWrap, title);
    painter.drawText(QRect(4, 4, std::max(40, width - 64), titleRect.height()), Qt::AlignHCenter | Qt::TextWordWrap,
                     title);
    painter.setFont(font());
    if (k == 0 || m_matrix.cols() != k) {
        painter.restore();
        return;
    }
    const int left = 70, top = 30 + std::max(20, titleRect.height()), right = 10, bottom = 10;
    const double cell = std::min((width - left - right) / double(k), (height - top - bottom) / double(k));
    if (cell <= 4) {
        painter.restore();
        return;
    }
    for (int j = 0; j < k; ++j) {
        const QRectF header(left + j * cell, top - 22, cell, 20);
        painter.drawText(header, Qt::AlignCenter, m_classes.value(j));
    }
    for (int i = 0; i < k; ++i) {
        const std::int64_t rowTotal = std::max<std::int64_t>(1, m_matrix.row(i).sum());
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, top + i * cell, left - 6, cell), Qt::AlignRight | Qt::AlignVCenter,
                         m_classes.value(i));
        for (int j = 0; j < k; ++j) {
            const double share = static_cast<double>(m_matrix(i, j)) / static_cast<double>(rowTotal);
            const QColor fill = QColor::fromRgbF(1.0 - 0.88 * share, 1.0 - 0.63 * share, 1.0 - 0.34 * share);
            const QRectF box(left + j * cell, top + i * cell, cell, cell);
            painter.fillRect(box.adjusted(1, 1, -1, -1), fill);
            painter.setPen(share > 0.55 ? Qt::white : Qt::black);
            const QString text = cell > 44 ? QStringLiteral("%1\n%2%").arg(m_matrix(i, j)).arg(100 * share, 0, 'f', 0)
                                           : QString::number(m_matrix(i, j));
            painter.drawText(box, Qt::AlignCenter, text);
        }
    }
    painter.restore();
}

void ConfusionHeatmap::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

} // namespace cmtl::ui
