#pragma once

#include <QStyledItemDelegate>

namespace cmtl::ui {

// Draws the bar counts under ColumnListModel::HistogramRole as a small bar chart in the cell.
class HistogramDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cmtl::ui
