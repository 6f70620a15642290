#pragma once

#include "binning/Binning.h"

#include <QAbstractTableModel>

#include <set>
#include <string>
#include <vector>

namespace cmtl::ui {

// The screening table: one row per feature, in the screening's order (by IV, highest first), with
// the statistics of the binning in use (the user's grouping where they edited one).
class ScreeningTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field { Feature, Iv, Strength, Auc, Gini, MissingRate, Bins, Edited, FieldCount };

    using QAbstractTableModel::QAbstractTableModel;

    // `edited` names the features whose binning the user changed.
    void setFeatures(std::vector<FeatureBinning> features, std::set<std::string> edited);
    // Replaces the row of `binning.feature` (after an edit, an undo or a reset).
    void updateFeature(const FeatureBinning &binning, bool edited);
    int rowOf(const std::string &feature) const;
    const FeatureBinning &featureAt(int row) const { return m_features[static_cast<std::size_t>(row)]; }

    // The strength band in the interface's language ("useless" → "无用").
    static QString strengthName(const std::string &strength);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<FeatureBinning> m_features;
    std::set<std::string> m_edited;
};

// The bins of one feature: range or levels, count, share of rows, events, bad rate, WoE and IV.
class BinsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field { Range, Count, Share, Events, BadRate, Woe, Iv, FieldCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setBinning(const FeatureBinning &binning);
    void clear();
    const FeatureBinning &binning() const { return m_binning; }

    // A bin as the tables and the chart name it: its range or levels, "missing" translated.
    static QString binLabel(const Bin &bin);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    FeatureBinning m_binning;
    std::int64_t m_rows = 0;
};

} // namespace cmtl::ui
