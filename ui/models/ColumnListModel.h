#pragma once

#include "data/ColumnHistogram.h"
#include "data/Table.h"

#include <QAbstractTableModel>

#include <map>
#include <memory>
#include <string>

namespace cmtl::ui {

// One row per column of the table: name, inferred type, missing %, distinct values, a small
// distribution (drawn by HistogramDelegate from the counts under HistogramRole) and the variable
// label a SAS, Stata or SPSS file gives (also in the name's tooltip: "annual_inc — Annual income").
class ColumnListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field { Name, Type, MissingPercent, Distinct, Distribution, Label, FieldCount };
    // Qt::UserRole: the sortable raw value. HistogramRole: QVariantList of bar counts.
    static constexpr int HistogramRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    // `labels`: column name -> variable label (a statistical file's; empty for CSV and databases).
    void setTable(std::shared_ptr<const Table> table, std::vector<ColumnHistogram> histograms,
                  std::map<std::string, std::string> labels = {});
    // Whether any column has a variable label (the Label column is worth showing).
    bool hasLabels() const { return !m_labels.empty(); }
    const ColumnHistogram *histogram(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Table> m_table;
    std::vector<ColumnHistogram> m_histograms;
    std::map<std::string, std::string> m_labels; // only the non-empty ones
    QString labelOf(const Column &column) const;
};

} // namespace cmtl::ui
