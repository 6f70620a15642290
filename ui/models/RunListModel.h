#pragma once

#include "RunRecord.h"

#include <QAbstractTableModel>

namespace cmtl::ui {

// Every run of the session, newest last: name, the method (architecture, task weighting,
// network), tasks with their lambdas, epochs, the data file and the part the charts are on, and
// the headline test metric of each task -- so that two runs can be told apart at a glance.
class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Field {
        Name,
        Architecture,
        Weighting,
        Network,
        Lambdas,
        Epochs,
        DataFile,
        EvaluatedPart,
        Headline,
        Finished,
        FieldCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void addRun(RunPtr run);
    // Removes every run (a new or another project); ids start again at 1.
    void clear();
    RunPtr runAt(int row) const;
    int rowOf(int runId) const;
    int nextId() const { return m_nextId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Class AUC 0.712 · grade acc 0.41 · int_rate RMSE 3.1" on the test part (else validation).
    static QString headline(const RunRecord &run);
    // "128-64", with ", head 32" when the heads have a hidden layer.
    static QString networkSummary(const RunRecord &run);
    // "test part", "validation part", "all rows of oot.csv", or "none (model file)".
    static QString evaluatedPart(const RunRecord &run);

private:
    std::vector<RunPtr> m_runs;
    int m_nextId = 1;
};

// "Run 3 (MMoE, uncertainty)": a run's name with its architecture and task weighting as the runs
// list shows them; how chart exports name their run.
QString runWithMethod(const QString &name, const ExperimentConfig &config);

} // namespace cmtl::ui
