#pragma once

#include "metrics/Gains.h"

#include <QAbstractTableModel>

namespace cmtl::ui {

// A binary task's gains table as the engine computes it (cmtl::gainsTable, the same function as
// `creditmtl-cli evaluate --gains N`): one row per score band, riskiest first. Qt::UserRole gives
// the exact number of a cell, kExportRole its plain text for Copy and Save as CSV.
class GainsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field {
        Band,
        Scores,
        Rows,
        Bads,
        BadRate,
        CumulativeBadShare,
        CumulativeGoodShare,
        Ks,
        Lift,
        CumulativeLift,
        FieldCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setTable(GainsTable table);
    const GainsTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    GainsTable m_table;
};

} // namespace cmtl::ui
