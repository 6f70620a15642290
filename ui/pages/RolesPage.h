#pragma once

#include "tasks/TaskSpec.h"
#include "workers/DataLoader.h"

#include <QWidget>

#include <map>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QUndoStack;

namespace cmtl::ui {

// Step 2: the role of every column (feature, task, ignored, ID / keep) and, for a task, its type and the
// positive class of a binary task, picked from the column's values. Problems are explained in
// place and reported with validityChanged so the host can disable Train with the reason.
//
// The columns are rows of ordinary widgets in a scroll area (not cell widgets of a table view,
// which the accessibility tree leaves out): each editor is named "Role of <column>", "Task type of
// <column>", "Positive class of <column>". An editor changes only through an explicit edit: its
// list opened by click, Space, F4 or Alt+Down. The arrow keys move between rows and the wheel
// scrolls the page. Every change, single or bulk, is one step on the undo stack.
class RolesPage : public QWidget {
    Q_OBJECT
public:
    // Keep: "ID / keep", neither input nor task, copied first into the predictions.
    enum class Role { Feature, Task, Ignore, Keep };

    // The choice made for one column.
    struct Choice {
        Role role = Role::Feature;
        TaskType type = TaskType::Binary;
        QString positive;
        bool operator==(const Choice &) const = default;
    };
    // The choices by column name: what undo restores and what a reload keeps.
    using State = std::map<QString, Choice>;

    explicit RolesPage(QWidget *parent = nullptr);

    // Changes are pushed on `stack` as undoable commands (none when null, the default).
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }

    // Shows the columns of `data`. Reading the same file again (other import options) keeps the
    // choices of the columns that still exist; another file starts afresh.
    void setData(const LoadedTablePtr &data);
    // Applies tasks by column name (the others become features) once the data is there.
    void setTasks(const std::vector<TaskSpec> &tasks);

    void setRole(const QString &column, Role role);
    void setTaskType(const QString &column, TaskType type);
    void setPositiveClass(const QString &column, const QString &value);

    State state() const;
    // Sets the columns named in `state` that exist; records no undo step.
    void applyState(const State &state);

    // The roles as chosen (lambdas 1; the settings page sets them).
    RoleAssignment roles() const;
    QStringList taskNames() const;
    bool isValid() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }
    QComboBox *roleEditor(const QString &column) const;
    QComboBox *taskTypeEditor(const QString &column) const;
    QComboBox *positiveEditor(const QString &column) const;

public Q_SLOTS:
    void allNumericAsFeatures();
    void clearRoles();

Q_SIGNALS:
    void tasksChanged(const QStringList &tasks);
    void validityChanged(bool valid, const QString &problem);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row {
        QString column;
        QLabel *name;
        QLabel *type;
        QComboBox *role;
        QComboBox *taskType;
        QComboBox *positive;
    };
    int rowOf(const QString &column) const;
    void addRow(int index, const Column &column, const ColumnHistogram &histogram);
    void clearRows();
    void fillTaskControls(int row);
    void guessTaskType(int row);
    // Records the change from the last recorded state as one undo step called `text`.
    void recordChange(const QString &text, const QString &mergeKey = {});
    void validate();

    LoadedTablePtr m_data;
    QString m_dataPath;
    std::vector<Row> m_rows;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QLabel *m_problemLabel;
    QLabel *m_summary;
    QString m_problem;
    QStringList m_lastTasks;
    QUndoStack *m_undoStack = nullptr;
    State m_recorded;     // the state the last undo step left
    State m_remembered;   // every column's last choice in this file, kept across reloads
    int m_markedRow = -1; // the row marked as the problem's
    bool m_updating = false;
};

} // namespace cmtl::ui
