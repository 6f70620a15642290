#include "charts/ConfusionHeatmap.h"

#include "charts/ImageExport.h"

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
}

void ConfusionHeatmap::setMatrix(const QStringList &classes, const Matrix &matrix)
{
    m_classes = classes;
    m_matrix = matrix;
    update();
}

bool ConfusionHeatmap::saveImage(const QString &path)
{
    return saveWidgetImage(this, path, tr("Confusion matrix"));
}

void ConfusionHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), Qt::white);
    const int k = static_cast<int>(m_matrix.rows());
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.drawText(QRect(0, 4, width(), 20), Qt::AlignCenter,
                     tr("Confusion matrix (rows: actual, columns: predicted)"));
    painter.setFont(font());
    if (k == 0 || m_matrix.cols() != k)
        return;
    const int left = 70, top = 50, right = 10, bottom = 10;
    const double cell = std::min((width() - left - right) / double(k), (height() - top - bottom) / double(k));
    if (cell <= 4)
        return;
    for (int j = 0; j < k; ++j) {
        const QRectF header(left + j * cell, top - 22, cell, 20);
        painter.drawText(header, Qt::AlignCenter, m_classes.value(j));
    }
    for (int i = 0; i < k; ++i) {
        const std::int64_t rowTotal = std::max<std::int64_t>(1, m_matrix.row(i).sum());
        painter.setPen(palette().color(QPalette::WindowText));
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
}

void ConfusionHeatmap::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Save Chart As…"), this, [this] { saveWidgetImageInteractively(this, tr("Confusion matrix")); });
    menu.exec(event->globalPos());
}

} // namespace cmtl::ui
