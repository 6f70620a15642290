#include "models/HistogramDelegate.h"

#include "models/ColumnListModel.h"

#include <QPainter>

#include <algorithm>

namespace cmtl::ui {

void HistogramDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QVariantList counts = index.data(ColumnListModel::HistogramRole).toList();
    if (counts.isEmpty())
        return;
    qlonglong highest = 1;
    for (const QVariant &count : counts)
        highest = std::max(highest, count.toLongLong());
    const QRectF area = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const double width = area.width() / counts.size();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.state & QStyle::State_Selected ? option.palette.highlightedText()
                                                            : QBrush(QColor(31, 95, 168)));
    for (int i = 0; i < counts.size(); ++i) {
        const double height = area.height() * static_cast<double>(counts[i].toLongLong()) / highest;
        painter->drawRect(
            QRectF(area.left() + i * width + 0.5, area.bottom() - height, std::max(1.0, width - 1), height));
    }
    painter->restore();
}

QSize HistogramDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(90, 22));
}

} // namespace cmtl::ui
