#pragma once

#include "RunRecord.h"

#include <QAbstractTableModel>

class QUndoStack;

namespace cmtl::ui {

// Every run of the session, newest last: name, the method (architecture, task weighting,
// network), tasks with their lambdas, epochs, the data file and the part the charts are on, and
// the headline test metric of each task -- so that two runs can be told apart at a glance. The
// name is the user's to edit (an undoable step when an undo stack is set).
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

    // Renames through setData() become undoable steps on `stack`; none when null, the default.
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    // Gives the run `runId` the name `name` (no undo step). A run is shared read-only with the
    // pages and workers, so the renamed run is a copy that takes its place: runReplaced tells
    // holders of the old one. False when no run has that id.
    bool renameRun(int runId, const QString &name);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // "Class AUC 0.712 · grade acc 0.41 · int_rate RMSE 3.1" on the test part (else validation).
    static QString headline(const RunRecord &run);
    // "128-64", with ", head 32" when the heads have a hidden layer.
    static QString networkSummary(const RunRecord &run);
    // "test part", "validation part", "all rows of oot.csv", or "none (model file)".
    static QString evaluatedPart(const RunRecord &run);

Q_SIGNALS:
    void runReplaced(const cmtl::ui::RunPtr &before, const cmtl::ui::RunPtr &after);

private:
    std::vector<RunPtr> m_runs;
    QUndoStack *m_undoStack = nullptr;
    int m_nextId = 1;
};

// "Run 3 (MMoE, uncertainty)": a run's name with its architecture and task weighting as the runs
// list shows them; how chart exports name their run.
QString runWithMethod(const QString &name, const ExperimentConfig &config);

} // namespace cmtl::ui
