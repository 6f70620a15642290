#include "models/PredictionsTableModel.h"

#include "io/PredictionsCsv.h"

namespace cmtl::ui {

void PredictionsTableModel::setScored(ScoredTablePtr scored)
{
    beginResetModel();
    m_scored = std::move(scored);
    m_columns.clear();
    m_cachedRow = -1;
    if (m_scored) {
        for (const std::string &name : predictionColumnNames(*m_scored->model))
            m_columns << QString::fromStdString(name);
        m_predictionColumns = static_cast<int>(m_columns.size());
        for (const std::string &name : m_scored->extras.names)
            m_columns << QString::fromStdString(name);
    }
    endResetModel();
}

int PredictionsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_scored ? 0 : static_cast<int>(m_scored->table.rowCount());
}

int PredictionsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant PredictionsTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_scored || !index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole) // numbers to the right; reason codes (column names) to the left
        return index.column() >= m_predictionColumns && m_columns[index.column()].contains(QLatin1String(".reason"))
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() >= m_predictionColumns) {
        const auto extra = static_cast<std::size_t>(index.column() - m_predictionColumns);
        return extra < m_scored->extras.cells.size()
                   ? QString::fromStdString(m_scored->extras.cells[extra][static_cast<std::size_t>(index.row())])
                   : QString();
    }
    if (index.row() != m_cachedRow) {
        m_cachedCells = predictionCells(*m_scored->model, m_scored->predictions, index.row());
        m_cachedRow = index.row();
    }
    const auto column = static_cast<std::size_t>(index.column());
    return column < m_cachedCells.size() ? QString::fromStdString(m_cachedCells[column]) : QString();
}

QVariant PredictionsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section < m_columns.size() ? m_columns[section] : QString();
    return section + 1;
}

} // namespace cmtl::ui
