#include "pages/RolesPage.h"

#include "common/Error.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cmtl::ui {

namespace {

enum Field { NameField, TypeField, RoleField, TaskTypeField, PositiveField, FieldCount };

QString typeName(TaskType type)
{
    switch (type) {
    case TaskType::Binary:
        return RolesPage::tr("binary");
    case TaskType::Multiclass:
        return RolesPage::tr("multi-class");
    case TaskType::Regression:
        return RolesPage::tr("regression");
    }
    return {};
}

} // namespace

RolesPage::RolesPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("rolesPage"));
    auto *intro = new QLabel(tr("Choose what the model predicts (tasks) and what it learns from (features). A binary "
                                "task needs its positive class, e.g. \"bad\" for a default flag."),
                             this);
    intro->setWordWrap(true);

    auto *bulk = new QHBoxLayout;
    auto *allNumeric = new QPushButton(tr("All &numeric columns as features"), this);
    allNumeric->setObjectName(QStringLiteral("allNumericButton"));
    auto *clear = new QPushButton(tr("&Clear all roles"), this);
    clear->setObjectName(QStringLiteral("clearRolesButton"));
    bulk->addWidget(allNumeric);
    bulk->addWidget(clear);
    bulk->addStretch();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("rolesSummary"));
    bulk->addWidget(m_summary);

    m_table = new QTableWidget(0, FieldCount, this);
    m_table->setObjectName(QStringLiteral("rolesTable"));
    m_table->setAccessibleName(tr("Column roles"));
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Role"), tr("Task type"), tr("Positive class")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("rolesProblem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; background: #fdecea; padding: 6px; "
                                                 "border-radius: 4px; }"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(bulk);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_table, 1);

    connect(allNumeric, &QPushButton::clicked, this, &RolesPage::allNumericAsFeatures);
    connect(clear, &QPushButton::clicked, this, &RolesPage::clearRoles);
    validate();
}

void RolesPage::setData(const LoadedTablePtr &data)
{
    m_data = data;
    m_updating = true;
    m_table->setRowCount(0);
    if (data) {
        const Table &table = data->table;
        m_table->setRowCount(static_cast<int>(table.columnCount()));
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const Column &column = table.column(static_cast<std::size_t>(row));
            const QString name = QString::fromStdString(column.name);
            auto *nameItem = new QTableWidgetItem(name);
            nameItem->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(row, NameField, nameItem);
            const qint64 distinct = column.stats ? column.stats->distinct : 0;
            auto *typeItem = new QTableWidgetItem(
                (column.type == ColumnType::Numeric ? tr("numeric") : tr("categorical")) +
                tr(", %n distinct", nullptr, static_cast<int>(std::min<qint64>(distinct, 1 << 30))));
            typeItem->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(row, TypeField, typeItem);

            auto *role = new QComboBox(m_table);
            role->setObjectName(QStringLiteral("roleCombo_") + name);
            role->setAccessibleName(tr("Role of %1").arg(name));
            role->addItem(tr("Feature"), int(Role::Feature));
            role->addItem(tr("Task"), int(Role::Task));
            role->addItem(tr("Ignore"), int(Role::Ignore));
            m_table->setCellWidget(row, RoleField, role);
            auto *taskType = new QComboBox(m_table);
            taskType->setObjectName(QStringLiteral("taskTypeCombo_") + name);
            taskType->setAccessibleName(tr("Task type of %1").arg(name));
            for (const TaskType type : {TaskType::Binary, TaskType::Multiclass, TaskType::Regression})
                taskType->addItem(typeName(type), int(type));
            m_table->setCellWidget(row, TaskTypeField, taskType);
            auto *positive = new QComboBox(m_table);
            positive->setObjectName(QStringLiteral("positiveCombo_") + name);
            positive->setAccessibleName(tr("Positive class of %1").arg(name));
            const ColumnHistogram &histogram = data->histograms[static_cast<std::size_t>(row)];
            if (column.type == ColumnType::Categorical) {
                for (const std::string &level : column.levels)
                    positive->addItem(QString::fromStdString(level));
            } else {
                for (const std::string &value : histogram.values)
                    positive->addItem(QString::fromStdString(value));
            }
            // Default positive class: the rarer of two values (in credit data, the "bad" outcome).
            if (histogram.labels.size() == 2 && column.type == ColumnType::Categorical)
                positive->setCurrentIndex(positive->findText(QString::fromStdString(histogram.labels.back())));
            m_table->setCellWidget(row, PositiveField, positive);

            connect(role, &QComboBox::currentIndexChanged, this, [this, row] {
                guessTaskType(row);
                fillTaskControls(row);
                validate();
            });
            connect(taskType, &QComboBox::currentIndexChanged, this, [this, row] {
                fillTaskControls(row);
                validate();
            });
            connect(positive, &QComboBox::currentIndexChanged, this, [this] { validate(); });
            fillTaskControls(row);
        }
    }
    m_updating = false;
    validate();
}

void RolesPage::setTasks(const std::vector<TaskSpec> &tasks)
{
    m_updating = true;
    for (int row = 0; row < m_table->rowCount(); ++row)
        comboAt(row, RoleField)->setCurrentIndex(int(Role::Feature));
    for (const TaskSpec &task : tasks) {
        const QString column = QString::fromStdString(task.column);
        setRole(column, Role::Task);
        setTaskType(column, task.type);
        if (task.type == TaskType::Binary)
            setPositiveClass(column, QString::fromStdString(task.positiveClass));
    }
    m_updating = false;
    validate();
}

int RolesPage::rowOf(const QString &column) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameField)->text() == column)
            return row;
    }
    return -1;
}

QComboBox *RolesPage::comboAt(int row, int field) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, field));
}

void RolesPage::setRole(const QString &column, Role role)
{
    const int row = rowOf(column);
    if (row >= 0)
        comboAt(row, RoleField)->setCurrentIndex(comboAt(row, RoleField)->findData(int(role)));
}

void RolesPage::setTaskType(const QString &column, TaskType type)
{
    const int row = rowOf(column);
    if (row >= 0)
        comboAt(row, TaskTypeField)->setCurrentIndex(comboAt(row, TaskTypeField)->findData(int(type)));
}

void RolesPage::setPositiveClass(const QString &column, const QString &value)
{
    const int row = rowOf(column);
    if (row >= 0)
        comboAt(row, PositiveField)->setCurrentIndex(comboAt(row, PositiveField)->findText(value));
}

void RolesPage::fillTaskControls(int row)
{
    const bool isTask = comboAt(row, RoleField)->currentData().toInt() == int(Role::Task);
    QComboBox *taskType = comboAt(row, TaskTypeField);
    QComboBox *positive = comboAt(row, PositiveField);
    taskType->setEnabled(isTask);
    const bool binary = isTask && taskType->currentData().toInt() == int(TaskType::Binary);
    positive->setEnabled(binary);
}

void RolesPage::guessTaskType(int row)
{
    // When a column becomes a task, a first guess of its type: two values = binary, text =
    // multi-class, numbers = regression. Explicit choices (setTasks, the combo) win afterwards.
    if (m_updating || !m_data || comboAt(row, RoleField)->currentData().toInt() != int(Role::Task))
        return;
    const Column &column = m_data->table.column(static_cast<std::size_t>(row));
    const qint64 distinct = column.stats ? column.stats->distinct : 0;
    TaskType guess = column.type == ColumnType::Numeric ? TaskType::Regression : TaskType::Multiclass;
    if (distinct == 2)
        guess = TaskType::Binary;
    QComboBox *taskType = comboAt(row, TaskTypeField);
    taskType->setCurrentIndex(taskType->findData(int(guess)));
}

RoleAssignment RolesPage::roles() const
{
    RoleAssignment roles;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const std::string name = m_table->item(row, NameField)->text().toStdString();
        switch (Role(comboAt(row, RoleField)->currentData().toInt())) {
        case Role::Feature:
            roles.features.push_back(name);
            break;
        case Role::Task: {
            TaskSpec task;
            task.column = name;
            task.type = TaskType(comboAt(row, TaskTypeField)->currentData().toInt());
            if (task.type == TaskType::Binary)
                task.positiveClass = comboAt(row, PositiveField)->currentText().toStdString();
            roles.tasks.push_back(task);
            break;
        }
        case Role::Ignore:
            break;
        }
    }
    return roles;
}

QStringList RolesPage::taskNames() const
{
    QStringList names;
    for (const TaskSpec &task : roles().tasks)
        names << QString::fromStdString(task.column);
    return names;
}

void RolesPage::allNumericAsFeatures()
{
    if (!m_data)
        return;
    m_updating = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QComboBox *role = comboAt(row, RoleField);
        if (role->currentData().toInt() == int(Role::Task))
            continue;
        const bool numeric = m_data->table.column(static_cast<std::size_t>(row)).type == ColumnType::Numeric;
        role->setCurrentIndex(role->findData(int(numeric ? Role::Feature : Role::Ignore)));
    }
    m_updating = false;
    validate();
}

void RolesPage::clearRoles()
{
    m_updating = true;
    for (int row = 0; row < m_table->rowCount(); ++row)
        comboAt(row, RoleField)->setCurrentIndex(comboAt(row, RoleField)->findData(int(Role::Ignore)));
    m_updating = false;
    validate();
}

void RolesPage::validate()
{
    if (m_updating)
        return;
    QString problem;
    int problemRow = -1;
    const RoleAssignment chosen = roles();
    if (!m_data) {
        problem = tr("Open a data file first.");
    } else if (chosen.tasks.empty()) {
        problem = tr("No task: set the role of at least one column to Task.");
    } else if (chosen.features.empty()) {
        problem = tr("No feature: every column is a task or ignored. Make some columns features.");
    } else {
        for (const TaskSpec &task : chosen.tasks) {
            const QString name = QString::fromStdString(task.column);
            const int row = rowOf(name);
            const Column &column = m_data->table.column(static_cast<std::size_t>(row));
            const qint64 distinct = column.stats ? column.stats->distinct : 0;
            if (task.type != TaskType::Regression && distinct < 2) {
                problem = tr("Task %1 has only one class: a classifier needs at least two.").arg(name);
            } else if (task.type == TaskType::Binary && distinct > 2 && column.type == ColumnType::Numeric) {
                problem = tr("Task %1 holds %2 different numbers: use regression, or multi-class for a few codes.")
                              .arg(name)
                              .arg(distinct);
            } else if (task.type == TaskType::Binary && task.positiveClass.empty()) {
                problem = tr("Binary task %1: pick the positive class among its values.").arg(name);
            } else if (task.type == TaskType::Regression && column.type != ColumnType::Numeric) {
                problem = tr("Task %1 holds text: a regression task needs a numeric column. Choose binary or "
                             "multi-class.")
                              .arg(name);
            } else if (task.type == TaskType::Multiclass && distinct > 200) {
                problem =
                    tr("Task %1 has %2 classes: that is too many for a multi-class task.").arg(name).arg(distinct);
            }
            if (!problem.isEmpty()) {
                problemRow = row;
                break;
            }
        }
        if (problem.isEmpty()) {
            try {
                validateRoles(m_data->table, chosen);
            } catch (const std::exception &error) {
                problem = QString::fromStdString(error.what());
            }
        }
    }
    m_problem = problem;
    // The row at fault is marked in place, next to the message above the table.
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (const int field : {NameField, TypeField})
            m_table->item(row, field)->setBackground(row == problemRow ? QBrush(QColor(253, 236, 234)) : QBrush());
        m_table->item(row, NameField)->setToolTip(row == problemRow ? problem : QString());
    }
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    m_summary->setText(tr("%n task(s)", nullptr, static_cast<int>(chosen.tasks.size())) + QStringLiteral(", ") +
                       tr("%n feature(s)", nullptr, static_cast<int>(chosen.features.size())));
    const QStringList tasks = taskNames();
    if (tasks != m_lastTasks) {
        m_lastTasks = tasks;
        Q_EMIT tasksChanged(tasks);
    }
    Q_EMIT validityChanged(problem.isEmpty(), problem);
}

} // namespace cmtl::ui
