#pragma once

#include "RunRecord.h"
#include "train/Comparison.h"
#include "workers/DataLoader.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUndoStack>

#include <map>

namespace cmtl::ui {

class RunListModel;

// One "Compare methods" result, kept with the project.
struct ComparisonRecord {
    QDateTime finished;
    ComparisonResult result;
    // The data file it was made on (the report's multi-task evidence must be of the model's
    // data); empty when not known.
    QString dataPath;
};

// The state the pages share: the loaded data set, every run of the session, the run being
// looked at, the comparisons, the project file it belongs to and whether it changed since it was
// last saved. Pages observe it through its signals; only the host wires them together.
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);

    const LoadedTablePtr &data() const { return m_data; }
    RunListModel *runs() const { return m_runs; }
    const RunPtr &currentRun() const { return m_currentRun; }
    const std::vector<ComparisonRecord> &comparisons() const { return m_comparisons; }

    void setData(LoadedTablePtr data);
    // Adds a finished run (or an opened model) and makes it current.
    void addRun(RunPtr run);
    void setCurrentRun(RunPtr run);
    int nextRunId() const;
    void addComparison(ComparisonRecord comparison);
    // Forgets every run and comparison (a new project, or before another is restored).
    void clearWork();

    // The decision thresholds the user chose on the Results page, per run id and binary task.
    const std::map<std::string, double> &thresholdsOf(int runId) const;
    void setThreshold(int runId, const std::string &task, double threshold);

    // The project file the work is saved in (empty: never saved).
    const QString &projectPath() const { return m_projectPath; }
    void setProjectPath(const QString &path);
    // Whether the project differs from its file: an edit of the inputs (roles, lambdas, settings,
    // reloads) that the undo stack holds past its clean point, or a change of the work itself
    // (runs, chosen thresholds, comparisons, another data file) since it was last saved or opened.
    bool isModified() const;
    // The undo stack of the inputs' edits: its clean state is the inputs' part of isModified().
    void setUndoStack(QUndoStack *stack);
    // true: the work changed. false: the project now equals its file (saved, or opened as saved),
    // which makes the undo stack's present state its clean state too.
    void setModified(bool modified);

Q_SIGNALS:
    void dataChanged(const cmtl::ui::LoadedTablePtr &data);
    void runAdded(const cmtl::ui::RunPtr &run);
    void currentRunChanged(const cmtl::ui::RunPtr &run);
    void comparisonAdded(const cmtl::ui::ComparisonRecord &comparison);
    void modifiedChanged(bool modified);
    void projectPathChanged(const QString &path);

private:
    // Emits modifiedChanged when isModified() differs from what it said last.
    void reportModified();

    LoadedTablePtr m_data;
    RunListModel *m_runs;
    RunPtr m_currentRun;
    std::vector<ComparisonRecord> m_comparisons;
    std::map<int, std::map<std::string, double>> m_thresholds;
    QString m_projectPath;
    QPointer<QUndoStack> m_undoStack;
    bool m_workChanged = false;
    bool m_reportedModified = false; // what modifiedChanged last said
};

} // namespace cmtl::ui
