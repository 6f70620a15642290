#include "models/BinningModels.h"

#include <QLocale>

#include <cmath>

namespace cmtl::ui {

namespace {

QString fixed(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString percent(double share)
{
    return QLocale().toString(100.0 * share, 'f', 1) + QLatin1Char('%');
}

} // namespace

// ---- ScreeningTableModel ----

void ScreeningTableModel::setFeatures(std::vector<FeatureBinning> features, std::set<std::string> edited)
{
    beginResetModel();
    m_features = std::move(features);
    m_edited = std::move(edited);
    endResetModel();
}

void ScreeningTableModel::updateFeature(const FeatureBinning &binning, bool edited)
{
    const int row = rowOf(binning.feature);
    if (row < 0)
        return;
    m_features[static_cast<std::size_t>(row)] = binning;
    if (edited)
        m_edited.insert(binning.feature);
    else
        m_edited.erase(binning.feature);
    Q_EMIT dataChanged(index(row, 0), index(row, FieldCount - 1));
}

int ScreeningTableModel::rowOf(const std::string &feature) const
{
    for (std::size_t i = 0; i < m_features.size(); ++i) {
        if (m_features[i].feature == feature)
            return static_cast<int>(i);
    }
    return -1;
}

QString ScreeningTableModel::strengthName(const std::string &strength)
{
    if (strength == "useless")
        return tr("useless");
    if (strength == "weak")
        return tr("weak");
    if (strength == "medium")
        return tr("medium");
    if (strength == "strong")
        return tr("strong");
    if (strength == "suspicious")
        return tr("suspicious");
    return QString::fromStdString(strength);
}

int ScreeningTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_features.size());
}

int ScreeningTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QVariant ScreeningTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FeatureBinning &feature = m_features[static_cast<std::size_t>(index.row())];
    const bool edited = m_edited.count(feature.feature) > 0;
    if (role == Qt::TextAlignmentRole && index.column() != Feature && index.column() != Strength &&
        index.column() != Edited)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Strength)
        return tr("IV below 0.02: useless; below 0.1: weak; below 0.3: medium; up to 0.5: strong; above 0.5: "
                  "suspicious (too good to be true: check for a leak of the outcome).");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Feature:
        return QString::fromStdString(feature.feature);
    case Iv:
        return fixed(feature.iv, 4);
    case Strength:
        return strengthName(feature.strength);
    case Auc:
        return fixed(feature.auc, 3);
    case Gini:
        return fixed(feature.gini, 3);
    case MissingRate:
        return percent(feature.missingRate);
    case Bins:
        return static_cast<int>(feature.bins.size());
    case Edited:
        return edited ? tr("by hand") : QString();
    }
    return {};
}

QVariant ScreeningTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Feature:
        return tr("Feature");
    case Iv:
        return tr("IV");
    case Strength:
        return tr("Strength");
    case Auc:
        return tr("AUC");
    case Gini:
        return tr("Gini");
    case MissingRate:
        return tr("Missing");
    case Bins:
        return tr("Bins");
    case Edited:
        return tr("Grouping");
    }
    return {};
}

// ---- BinsTableModel ----

void BinsTableModel::setBinning(const FeatureBinning &binning)
{
    beginResetModel();
    m_binning = binning;
    m_rows = 0;
    for (const Bin &bin : m_binning.bins)
        m_rows += bin.count();
    endResetModel();
}

void BinsTableModel::clear()
{
    setBinning({});
}

QString BinsTableModel::binLabel(const Bin &bin)
{
    if (bin.kind == BinKind::Missing)
        return tr("missing");
    return QString::fromStdString(bin.label());
}

int BinsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_binning.bins.size());
}

int BinsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QVariant BinsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Bin &bin = m_binning.bins[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Range)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Woe && (bin.events == 0 || bin.nonEvents == 0))
        return tr("This bin has no %1: 0.5 was added to both of its counts so that its WoE is finite.")
            .arg(bin.events == 0 ? tr("events") : tr("non-events"));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Range:
        return binLabel(bin);
    case Count:
        return QLocale().toString(static_cast<qlonglong>(bin.count()));
    case Share:
        return percent(m_rows > 0 ? double(bin.count()) / double(m_rows) : 0.0);
    case Events:
        return QLocale().toString(static_cast<qlonglong>(bin.events));
    case BadRate:
        return percent(bin.eventRate);
    case Woe:
        return fixed(bin.woe, 4);
    case Iv:
        return fixed(bin.iv, 4);
    }
    return {};
}

QVariant BinsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Range:
        return tr("Range or levels");
    case Count:
        return tr("Count");
    case Share:
        return tr("Share");
    case Events:
        return tr("Events");
    case BadRate:
        return tr("Bad rate");
    case Woe:
        return tr("WoE");
    case Iv:
        return tr("IV");
    }
    return {};
}

} // namespace cmtl::ui
