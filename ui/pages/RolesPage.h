#pragma once

#include "tasks/TaskSpec.h"
#include "workers/DataLoader.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace cmtl::ui {

// Step 2: the role of every column (feature, task, ignored) and, for a task, its type and the
// positive class of a binary task, picked from the column's values. Problems are explained in
// place and reported with validityChanged so the host can disable Train with the reason.
class RolesPage : public QWidget {
    Q_OBJECT
public:
    enum class Role { Feature, Task, Ignore };

    explicit RolesPage(QWidget *parent = nullptr);

    void setData(const LoadedTablePtr &data);
    // Applies tasks by column name (the others become features) once the data is there.
    void setTasks(const std::vector<TaskSpec> &tasks);

    void setRole(const QString &column, Role role);
    void setTaskType(const QString &column, TaskType type);
    void setPositiveClass(const QString &column, const QString &value);

    // The roles as chosen (lambdas 1; the settings page sets them).
    RoleAssignment roles() const;
    QStringList taskNames() const;
    bool isValid() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }

public Q_SLOTS:
    void allNumericAsFeatures();
    void clearRoles();

Q_SIGNALS:
    void tasksChanged(const QStringList &tasks);
    void validityChanged(bool valid, const QString &problem);

private:
    int rowOf(const QString &column) const;
    QComboBox *comboAt(int row, int field) const;
    void fillTaskControls(int row);
    void guessTaskType(int row);
    void validate();

    LoadedTablePtr m_data;
    QTableWidget *m_table;
    QLabel *m_problemLabel;
    QLabel *m_summary;
    QString m_problem;
    QStringList m_lastTasks;
    bool m_updating = false;
};

} // namespace cmtl::ui
