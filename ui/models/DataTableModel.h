#pragma once

#include "data/Table.h"

#include <QAbstractTableModel>

#include <memory>

namespace cmtl::ui {

// The engine's table as a Qt model: cells are produced on demand from the column-major data, so
// a million-row file scrolls without a widget or a string per cell being created up front.
class DataTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(std::shared_ptr<const Table> table);
    const Table *table() const { return m_table.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Table> m_table;
};

} // namespace cmtl::ui
