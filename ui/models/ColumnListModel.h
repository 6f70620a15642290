#pragma once

#include "data/ColumnHistogram.h"
#include "data/Table.h"

#include <QAbstractTableModel>

#include <memory>

namespace cmtl::ui {

// One row per column of the table: name, inferred type, missing %, distinct values and a small
// distribution (drawn by HistogramDelegate from the counts under HistogramRole).
class ColumnListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field { Name, Type, MissingPercent, Distinct, Distribution, FieldCount };
    // Qt::UserRole: the sortable raw value. HistogramRole: QVariantList of bar counts.
    static constexpr int HistogramRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setTable(std::shared_ptr<const Table> table, std::vector<ColumnHistogram> histograms);
    const ColumnHistogram *histogram(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Table> m_table;
    std::vector<ColumnHistogram> m_histograms;
};

} // namespace cmtl::ui
