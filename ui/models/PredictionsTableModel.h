#pragma once

#include "workers/ScoringWorker.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace cmtl::ui {

// The predictions of a scored file, columns as the predictions CSV names them; cells are
// formatted by the engine (io/PredictionsCsv) on demand, one row at a time. The reason and points
// columns asked for (ScoredTable::extras) follow, as predict --reasons K --points writes them.
class PredictionsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setScored(ScoredTablePtr scored);
    const ScoredTable *scored() const { return m_scored.get(); }
    ScoredTablePtr scoredTable() const { return m_scored; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ScoredTablePtr m_scored;
    QStringList m_columns;
    int m_predictionColumns = 0; // the model's prediction columns come first, then the extras
    mutable int m_cachedRow = -1;
    mutable std::vector<std::string> m_cachedCells;
};

} // namespace cmtl::ui
