#include "models/ColumnListModel.h"

#include <QLocale>

namespace cmtl::ui {

void ColumnListModel::setTable(std::shared_ptr<const Table> table, std::vector<ColumnHistogram> histograms,
                               std::map<std::string, std::string> labels)
{
    beginResetModel();
    m_table = std::move(table);
    m_histograms = std::move(histograms);
    std::erase_if(labels, [](const auto &entry) { return entry.second.empty(); });
    m_labels = std::move(labels);
    endResetModel();
}

QString ColumnListModel::labelOf(const Column &column) const
{
    const auto found = m_labels.find(column.name);
    return found == m_labels.end() ? QString() : QString::fromStdString(found->second);
}

const ColumnHistogram *ColumnListModel::histogram(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_histograms.size())
        return nullptr;
    return &m_histograms[static_cast<std::size_t>(row)];
}

int ColumnListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->columnCount());
}

int ColumnListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QVariant ColumnListModel::data(const QModelIndex &index, int role) const
{
    if (!m_table || !index.isValid())
        return {};
    const Column &column = m_table->column(static_cast<std::size_t>(index.row()));
    const std::int64_t missing = column.stats ? column.stats->missing : 0;
    const std::int64_t distinct = column.stats ? column.stats->distinct : 0;
    const double rows = static_cast<double>(m_table->rowCount());
    const double missingPercent = rows > 0 ? 100.0 * static_cast<double>(missing) / rows : 0.0;
    const bool numeric = column.type == ColumnType::Numeric;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(column.name);
        case Type:
            return numeric ? tr("numeric") : tr("categorical");
        case MissingPercent:
            return QLocale().toString(missingPercent, 'f', 1) + QLatin1Char('%');
        case Distinct:
            // Past the exact cap the count is a HyperLogLog estimate (see ColumnStats).
            if (column.stats && column.stats->distinctApproximate)
                return tr("about %1").arg(QLocale().toString(static_cast<qlonglong>(distinct)));
            return QLocale().toString(static_cast<qlonglong>(distinct));
        case Label:
            return labelOf(column);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(column.name);
        case Type:
            return numeric ? 0 : 1;
        case MissingPercent:
            return missingPercent;
        case Distinct:
            return static_cast<qlonglong>(distinct);
        case Label:
            return labelOf(column);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == MissingPercent || index.column() == Distinct))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == HistogramRole && index.column() == Distribution) {
        QVariantList counts;
        if (const ColumnHistogram *h = histogram(index.row())) {
            for (const std::int64_t count : h->counts)
                counts << static_cast<qlonglong>(count);
        }
        return counts;
    }
    if (role == Qt::ToolTipRole) {
        // The name with its variable label, as the statistical file gives it.
        QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(column.name).toHtmlEscaped());
        if (const QString label = labelOf(column); !label.isEmpty())
            text += QStringLiteral(" — ") + label.toHtmlEscaped();
        const ColumnHistogram *h = histogram(index.row());
        if (!h)
            return text;
        if (numeric && column.stats)
            text += tr("<br>min %1, mean %2, max %3")
                        .arg(column.stats->min, 0, 'g', 5)
                        .arg(column.stats->mean, 0, 'g', 5)
                        .arg(column.stats->max, 0, 'g', 5);
        for (std::size_t i = 0; i < h->counts.size() && i < 12; ++i)
            text += QStringLiteral("<br>%1: %2")
                        .arg(QString::fromStdString(h->labels[i]).toHtmlEscaped())
                        .arg(h->counts[i]);
        return text;
    }
    return {};
}

QVariant ColumnListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Column");
    case Type:
        return tr("Type");
    case MissingPercent:
        return tr("Missing");
    case Distinct:
        return tr("Distinct");
    case Distribution:
        return tr("Distribution");
    case Label:
        return tr("Label");
    default:
        return {};
    }
}

} // namespace cmtl::ui
