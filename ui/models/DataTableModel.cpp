#include "models/DataTableModel.h"

#include <QBrush>
#include <QColor>

#include <limits>

namespace cmtl::ui {

void DataTableModel::setTable(std::shared_ptr<const Table> table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int DataTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return static_cast<int>(std::min<std::size_t>(m_table->rowCount(), std::numeric_limits<int>::max()));
}

int DataTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return static_cast<int>(m_table->columnCount());
}

QVariant DataTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_table || !index.isValid())
        return {};
    const Column &column = m_table->column(static_cast<std::size_t>(index.column()));
    const auto row = static_cast<std::size_t>(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return QString::fromStdString(column.cellText(row));
    case Qt::TextAlignmentRole:
        return column.type == ColumnType::Numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (column.isMissing(row))
            return QBrush(QColor(255, 243, 205));
        return {};
    default:
        return {};
    }
}

QVariant DataTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return QString::fromStdString(m_table->column(static_cast<std::size_t>(section)).name);
    return section + 1;
}

} // namespace cmtl::ui
