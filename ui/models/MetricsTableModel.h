#pragma once

#include "RunRecord.h"

#include <QAbstractTableModel>

namespace cmtl::ui {

// Every metric of the engine for every task of a run: one row per (task, metric), one column per
// evaluated part (train, validation, test). Qt::UserRole gives the exact double.
class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field { Task, Metric, Train, Validation, Test, FieldCount };

    struct MetricRow {
        QString task;
        QString metric;
        double values[3]; // train, validation, test (NaN where the part is absent)
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Shows `run`'s metrics; `task` non-empty keeps only that task's rows.
    void setRun(RunPtr run, const QString &task = {});
    const std::vector<MetricRow> &rows() const { return m_rows; }

    // The metrics the engine computes for one task, in display order.
    static std::vector<std::pair<QString, double>> metricsOf(const TaskEvaluation &evaluation);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<MetricRow> m_rows;
};

} // namespace cmtl::ui
