#include "models/GainsTableModel.h"

#include "models/TableExport.h"

#include <QLocale>

#include <cmath>

namespace cmtl::ui {

void GainsTableModel::setTable(GainsTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int GainsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.bands.size());
}

int GainsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QVariant GainsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const GainsBand &band = m_table.bands[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    if (index.column() == Band) {
        if (role == Qt::DisplayRole || role == Qt::UserRole || role == kExportRole)
            return index.row() + 1;
        return role == Qt::TextAlignmentRole ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    if (index.column() == Scores) {
        // The span as the command line prints it: lowest - highest.
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1 – %2").arg(locale.toString(band.lowestScore, 'f', 4),
                                                 locale.toString(band.highestScore, 'f', 4));
        if (role == kExportRole)
            return QStringLiteral("%1 - %2").arg(plainNumber(band.lowestScore), plainNumber(band.highestScore));
        return {};
    }
    if (index.column() == Rows || index.column() == Bads) {
        const qlonglong count = index.column() == Rows ? band.count : band.bads;
        if (role == Qt::DisplayRole)
            return locale.toString(count);
        if (role == Qt::UserRole || role == kExportRole)
            return count;
        return role == Qt::TextAlignmentRole ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    double value = NAN;
    switch (index.column()) {
    case BadRate:
        value = band.badRate;
        break;
    case CumulativeBadShare:
        value = band.cumulativeBadShare;
        break;
    case CumulativeGoodShare:
        value = band.cumulativeGoodShare;
        break;
    case Ks:
        value = band.ks;
        break;
    case Lift:
        value = band.lift;
        break;
    case CumulativeLift:
        value = band.cumulativeLift;
        break;
    default:
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        if (std::isnan(value))
            return QStringLiteral("—");
        return locale.toString(value, 'f', index.column() == Lift || index.column() == CumulativeLift ? 3 : 4);
    case Qt::UserRole:
        return value;
    case kExportRole:
        return plainNumber(value);
    case Qt::ToolTipRole:
        // Lifts need a bad, the good share a good: undefined, not zero, without them.
        return std::isnan(value) ? tr("Undefined here (no bad or no good row), not zero.") : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant GainsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole || role == Qt::WhatsThisRole) {
        switch (section) {
        case Band:
            return tr("The score band: rows ranked by score, riskiest first, cut into N bands of equal size (tied "
                      "scores stay in one band).");
        case Scores:
            return tr("The lowest and the highest score in the band.");
        case Rows:
            return tr("The rows in the band.");
        case Bads:
            return tr("The positive (bad) rows in the band.");
        case BadRate:
            return tr("Bads divided by rows in the band.");
        case CumulativeBadShare:
            return tr("The share of all bads in this band and the riskier ones above it: the bads caught by "
                      "declining down to this band.");
        case CumulativeGoodShare:
            return tr("The share of all goods in this band and the ones above it: the goods lost by declining down "
                      "to this band.");
        case Ks:
            return tr("Cumulative bad share minus cumulative good share; its largest value is the KS over the "
                      "band boundaries.");
        case Lift:
            return tr("The band's bad rate divided by the overall bad rate: how many times riskier than average.");
        case CumulativeLift:
            return tr("The bad rate of this band and those above it divided by the overall bad rate.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Band:
        return tr("Band");
    case Scores:
        return tr("Scores");
    case Rows:
        return tr("Rows");
    case Bads:
        return tr("Bads");
    case BadRate:
        return tr("Bad rate");
    case CumulativeBadShare:
        return tr("Cum. bad share");
    case CumulativeGoodShare:
        return tr("Cum. good share");
    case Ks:
        return tr("KS");
    case Lift:
        return tr("Lift");
    case CumulativeLift:
        return tr("Cum. lift");
    default:
        return {};
    }
}

} // namespace cmtl::ui
