#include "pages/RolesPage.h"

#include "common/Error.h"

#include "UndoSupport.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace cmtl::ui {

namespace {

enum Field { NameField, TypeField, RoleField, TaskTypeField, PositiveField, FieldCount };

const QString kProblemStyle = QStringLiteral("QLabel { background: #fdecea; }");

// The default positive class of a two-valued column: its rarer value (in credit data the "bad"
// outcome, whether it is written "bad" or 1); the larger value on a tie. Empty otherwise.
QString rarerOfTwoValues(const Column &column, const ColumnHistogram &histogram)
{
    if (column.type == ColumnType::Categorical)
        return histogram.labels.size() == 2 ? QString::fromStdString(histogram.labels.back()) : QString();
    if (histogram.values.size() != 2 || !column.stats)
        return {};
    const auto lower = static_cast<float>(column.stats->min);
    const auto lowerCount = std::count(column.values.begin(), column.values.end(), lower);
    const auto upperCount =
        std::count(column.values.begin(), column.values.end(), static_cast<float>(column.stats->max));
    return QString::fromStdString(histogram.values[lowerCount < upperCount ? 0 : 1]);
}

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
    clear->setToolTip(tr("Sets every column to Ignore; Edit ▸ Undo brings the roles back."));
    bulk->addWidget(allNumeric);
    bulk->addWidget(clear);
    bulk->addStretch();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("rolesSummary"));
    bulk->addWidget(m_summary);

    m_grid = new QWidget;
    m_grid->setObjectName(QStringLiteral("rolesGrid"));
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setVerticalSpacing(2);
    const QString headers[FieldCount] = {tr("Column"), tr("Type"), tr("Role"), tr("Task type"), tr("Positive class")};
    for (int field = 0; field < FieldCount; ++field) {
        auto *header = new QLabel(QStringLiteral("<b>%1</b>").arg(headers[field].toHtmlEscaped()), m_grid);
        m_gridLayout->addWidget(header, 0, field);
        m_gridLayout->setColumnStretch(field, 1);
    }
    m_gridLayout->setRowStretch(1, 1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("rolesScroll"));
    m_scroll->setAccessibleName(tr("Column roles"));
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The scroll area itself takes no focus: Tab goes from editor to editor.
    m_scroll->setFocusPolicy(Qt::NoFocus);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("rolesProblem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; background: #fdecea; padding: 6px; "
                                                 "border-radius: 4px; }"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(bulk);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_scroll, 1);

    connect(allNumeric, &QPushButton::clicked, this, &RolesPage::allNumericAsFeatures);
    connect(clear, &QPushButton::clicked, this, &RolesPage::clearRoles);
    validate();
}

void RolesPage::clearRows()
{
    for (const Row &row : m_rows) {
        for (QWidget *widget :
             std::initializer_list<QWidget *>{row.name, row.type, row.role, row.taskType, row.positive})
            delete widget;
    }
    m_rows.clear();
    m_markedRow = -1;
}

void RolesPage::addRow(int index, const Column &column, const ColumnHistogram &histogram)
{
    const QString name = QString::fromStdString(column.name);
    Row row;
    row.column = name;
    row.name = new QLabel(name, m_grid);
    row.name->setObjectName(QStringLiteral("roleName_") + name);
    const qint64 distinct = column.stats ? column.stats->distinct : 0;
    row.type = new QLabel((column.type == ColumnType::Numeric ? tr("numeric") : tr("categorical")) +
                              tr(", %n distinct", nullptr, static_cast<int>(std::min<qint64>(distinct, 1 << 30))),
                          m_grid);

    row.role = new QComboBox(m_grid);
    row.role->setObjectName(QStringLiteral("roleCombo_") + name);
    row.role->setAccessibleName(tr("Role of %1").arg(name));
    row.role->addItem(tr("Feature"), int(Role::Feature));
    row.role->addItem(tr("Task"), int(Role::Task));
    row.role->addItem(tr("Ignore"), int(Role::Ignore));
    row.role->addItem(tr("ID / keep"), int(Role::Keep));
    row.role->setItemData(row.role->count() - 1,
                          tr("Not an input: copied, first, into the predictions, to join them back to the rows"),
                          Qt::ToolTipRole);
    row.taskType = new QComboBox(m_grid);
    row.taskType->setObjectName(QStringLiteral("taskTypeCombo_") + name);
    row.taskType->setAccessibleName(tr("Task type of %1").arg(name));
    for (const TaskType type : {TaskType::Binary, TaskType::Multiclass, TaskType::Regression})
        row.taskType->addItem(typeName(type), int(type));
    row.positive = new QComboBox(m_grid);
    for (QComboBox *editor : {row.taskType, row.positive}) {
        // Hidden editors keep their cell: the rows do not shift as roles change.
        QSizePolicy policy = editor->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        editor->setSizePolicy(policy);
    }
    row.positive->setObjectName(QStringLiteral("positiveCombo_") + name);
    row.positive->setAccessibleName(tr("Positive class of %1").arg(name));
    if (column.type == ColumnType::Categorical) {
        for (const std::string &level : column.levels)
            row.positive->addItem(QString::fromStdString(level));
    } else {
        for (const std::string &value : histogram.values)
            row.positive->addItem(QString::fromStdString(value));
    }
    if (const QString rarer = rarerOfTwoValues(column, histogram); !rarer.isEmpty())
        row.positive->setCurrentIndex(row.positive->findText(rarer));

    const int gridRow = index + 1; // below the headers
    m_gridLayout->addWidget(row.name, gridRow, NameField);
    m_gridLayout->addWidget(row.type, gridRow, TypeField);
    m_gridLayout->addWidget(row.role, gridRow, RoleField);
    m_gridLayout->addWidget(row.taskType, gridRow, TaskTypeField);
    m_gridLayout->addWidget(row.positive, gridRow, PositiveField);
    for (QComboBox *editor : {row.role, row.taskType, row.positive})
        editor->installEventFilter(this);

    connect(row.role, &QComboBox::currentIndexChanged, this, [this, index, name] {
        if (!m_updating)
            guessTaskType(index);
        fillTaskControls(index);
        if (!m_updating) {
            validate();
            recordChange(tr("Set the role of %1").arg(name));
        }
    });
    connect(row.taskType, &QComboBox::currentIndexChanged, this, [this, index, name] {
        fillTaskControls(index);
        if (!m_updating) {
            validate();
            recordChange(tr("Set the task type of %1").arg(name));
        }
    });
    connect(row.positive, &QComboBox::currentIndexChanged, this, [this, name] {
        if (!m_updating) {
            validate();
            recordChange(tr("Set the positive class of %1").arg(name));
        }
    });
    m_rows.push_back(row);
    fillTaskControls(index);
}

void RolesPage::setData(const LoadedTablePtr &data)
{
    // Reading the same file with other options keeps the choices made; another file does not.
    const bool sameFile = data && !m_dataPath.isEmpty() && data->path == m_dataPath;
    if (!sameFile)
        m_remembered.clear();
    m_data = data;
    m_dataPath = data ? data->path : QString();
    m_updating = true;
    m_grid->setUpdatesEnabled(false);
    clearRows();
    if (data) {
        const Table &table = data->table;
        for (std::size_t index = 0; index < table.columnCount(); ++index)
            addRow(static_cast<int>(index), table.column(index), data->histograms[index]);
        m_gridLayout->setRowStretch(1, 0);
        m_gridLayout->setRowStretch(static_cast<int>(table.columnCount()) + 1, 1);
        // New editors join the end of the window's Tab chain: put them after the buttons above.
        QWidget *previous = findChild<QPushButton *>(QStringLiteral("clearRolesButton"));
        for (const Row &row : m_rows) {
            for (QWidget *editor : {row.role, row.taskType, row.positive})
                setTabOrder(std::exchange(previous, editor), editor);
        }
    }
    m_grid->setUpdatesEnabled(true);
    m_updating = false;
    if (sameFile)
        applyState(m_remembered);
    m_recorded = state();
    for (const auto &[column, choice] : m_recorded)
        m_remembered[column] = choice;
    validate();
}

void RolesPage::setTasks(const std::vector<TaskSpec> &tasks)
{
    m_updating = true;
    for (const Row &row : m_rows)
        row.role->setCurrentIndex(row.role->findData(int(Role::Feature)));
    for (const TaskSpec &task : tasks) {
        const QString column = QString::fromStdString(task.column);
        setRole(column, Role::Task);
        setTaskType(column, task.type);
        if (task.type == TaskType::Binary)
            setPositiveClass(column, QString::fromStdString(task.positiveClass));
    }
    m_updating = false;
    validate();
    recordChange(tr("Set the tasks"));
}

int RolesPage::rowOf(const QString &column) const
{
    const auto found =
        std::find_if(m_rows.begin(), m_rows.end(), [&column](const Row &row) { return row.column == column; });
    return found == m_rows.end() ? -1 : static_cast<int>(found - m_rows.begin());
}

QComboBox *RolesPage::roleEditor(const QString &column) const
{
    const int row = rowOf(column);
    return row >= 0 ? m_rows[static_cast<std::size_t>(row)].role : nullptr;
}

QComboBox *RolesPage::taskTypeEditor(const QString &column) const
{
    const int row = rowOf(column);
    return row >= 0 ? m_rows[static_cast<std::size_t>(row)].taskType : nullptr;
}

QComboBox *RolesPage::positiveEditor(const QString &column) const
{
    const int row = rowOf(column);
    return row >= 0 ? m_rows[static_cast<std::size_t>(row)].positive : nullptr;
}

void RolesPage::setRole(const QString &column, Role role)
{
    if (QComboBox *editor = roleEditor(column))
        editor->setCurrentIndex(editor->findData(int(role)));
}

void RolesPage::setTaskType(const QString &column, TaskType type)
{
    if (QComboBox *editor = taskTypeEditor(column))
        editor->setCurrentIndex(editor->findData(int(type)));
}

void RolesPage::setPositiveClass(const QString &column, const QString &value)
{
    if (QComboBox *editor = positiveEditor(column))
        editor->setCurrentIndex(editor->findText(value));
}

RolesPage::State RolesPage::state() const
{
    State state;
    for (const Row &row : m_rows)
        state[row.column] = {Role(row.role->currentData().toInt()), TaskType(row.taskType->currentData().toInt()),
                             row.positive->currentText()};
    return state;
}

void RolesPage::applyState(const State &state)
{
    m_updating = true;
    for (int index = 0; index < static_cast<int>(m_rows.size()); ++index) {
        const Row &row = m_rows[static_cast<std::size_t>(index)];
        const auto choice = state.find(row.column);
        if (choice == state.end())
            continue;
        row.role->setCurrentIndex(row.role->findData(int(choice->second.role)));
        row.taskType->setCurrentIndex(row.taskType->findData(int(choice->second.type)));
        if (const int positive = row.positive->findText(choice->second.positive); positive >= 0)
            row.positive->setCurrentIndex(positive);
        fillTaskControls(index);
    }
    m_updating = false;
    m_recorded = this->state();
    for (const auto &[column, choice] : m_recorded)
        m_remembered[column] = choice;
    validate();
}

void RolesPage::recordChange(const QString &text, const QString &mergeKey)
{
    State now = state();
    if (now == m_recorded)
        return;
    for (const auto &[column, choice] : now)
        m_remembered[column] = choice;
    State before = std::exchange(m_recorded, now);
    pushOrApply(m_undoStack,
                new SnapshotCommand<RolesPage, State>(this, std::move(before), std::move(now), text, mergeKey));
}

void RolesPage::fillTaskControls(int row)
{
    const Row &controls = m_rows[static_cast<std::size_t>(row)];
    const bool isTask = controls.role->currentData().toInt() == int(Role::Task);
    controls.taskType->setEnabled(isTask);
    const bool binary = isTask && controls.taskType->currentData().toInt() == int(TaskType::Binary);
    controls.positive->setEnabled(binary);
    // Shown only where they apply: a feature has no task type, a regression no positive class
    // (a greyed "CT" under Positive class of addr_state reads like a choice that was made).
    controls.taskType->setVisible(isTask);
    controls.positive->setVisible(binary);
}

void RolesPage::guessTaskType(int row)
{
    // When a column becomes a task, a first guess of its type: two values = binary, text =
    // multi-class, numbers = regression. Explicit choices (setTasks, the combo) win afterwards.
    const Row &controls = m_rows[static_cast<std::size_t>(row)];
    if (!m_data || controls.role->currentData().toInt() != int(Role::Task))
        return;
    const Column &column = m_data->table.column(static_cast<std::size_t>(row));
    const qint64 distinct = column.stats ? column.stats->distinct : 0;
    TaskType guess = column.type == ColumnType::Numeric ? TaskType::Regression : TaskType::Multiclass;
    if (distinct == 2)
        guess = TaskType::Binary;
    const bool updating = std::exchange(m_updating, true);
    controls.taskType->setCurrentIndex(controls.taskType->findData(int(guess)));
    m_updating = updating;
}

RoleAssignment RolesPage::roles() const
{
    RoleAssignment roles;
    for (const Row &row : m_rows) {
        const std::string name = row.column.toStdString();
        switch (Role(row.role->currentData().toInt())) {
        case Role::Feature:
            roles.features.push_back(name);
            break;
        case Role::Task: {
            TaskSpec task;
            task.column = name;
            task.type = TaskType(row.taskType->currentData().toInt());
            if (task.type == TaskType::Binary)
                task.positiveClass = row.positive->currentText().toStdString();
            roles.tasks.push_back(task);
            break;
        }
        case Role::Ignore:
            break;
        case Role::Keep:
            roles.kept.push_back(name);
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
    for (std::size_t index = 0; index < m_rows.size(); ++index) {
        QComboBox *role = m_rows[index].role;
        if (role->currentData().toInt() == int(Role::Task) || role->currentData().toInt() == int(Role::Keep))
            continue;
        const bool numeric = m_data->table.column(index).type == ColumnType::Numeric;
        role->setCurrentIndex(role->findData(int(numeric ? Role::Feature : Role::Ignore)));
    }
    m_updating = false;
    validate();
    recordChange(tr("All numeric columns as features"));
}

void RolesPage::clearRoles()
{
    m_updating = true;
    for (const Row &row : m_rows)
        row.role->setCurrentIndex(row.role->findData(int(Role::Ignore)));
    m_updating = false;
    validate();
    recordChange(tr("Clear all roles"));
}

bool RolesPage::eventFilter(QObject *watched, QEvent *event)
{
    // An editor that merely has the focus does not change: the arrow keys move to the same editor
    // of the row above or below, and typing does not pick a value. Click, Space, F4 or Alt+Down
    // open the list, where the arrows and Enter choose.
    auto *editor = qobject_cast<QComboBox *>(watched);
    if (!editor || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & Qt::AltModifier)
        return false;
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        int row = -1, field = -1, span = 0;
        m_gridLayout->getItemPosition(m_gridLayout->indexOf(editor), &row, &field, &span, &span);
        const int target = (row - 1) + (key->key() == Qt::Key_Up ? -1 : 1);
        if (target >= 0 && target < static_cast<int>(m_rows.size())) {
            const Row &next = m_rows[static_cast<std::size_t>(target)];
            QWidget *widget = field == RoleField ? next.role : field == TaskTypeField ? next.taskType : next.positive;
            widget->setFocus(Qt::TabFocusReason);
            m_scroll->ensureWidgetVisible(widget);
        }
        return true;
    }
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        return true;
    default:
        // Keyboard search: a letter would select the first value starting with it.
        return !key->text().isEmpty() && key->text().at(0).isPrint() && key->key() != Qt::Key_Space;
    }
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
    // Only the rows whose mark changes are restyled: a style sheet per label is not free on a
    // file of a thousand columns.
    const auto mark = [this](int row, const QString &why) {
        if (row < 0)
            return;
        const Row &controls = m_rows[static_cast<std::size_t>(row)];
        for (QLabel *label : {controls.name, controls.type})
            label->setStyleSheet(why.isEmpty() ? QString() : kProblemStyle);
        controls.name->setToolTip(why);
    };
    if (m_markedRow != problemRow)
        mark(m_markedRow, {});
    mark(problemRow, problem);
    m_markedRow = problemRow;
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    m_summary->setText(tr("%1, %2", "the Roles summary: tasks, features")
                           .arg(tr("%n task(s)", nullptr, static_cast<int>(chosen.tasks.size())),
                                tr("%n feature(s)", nullptr, static_cast<int>(chosen.features.size()))));
    const QStringList tasks = taskNames();
    if (tasks != m_lastTasks) {
        m_lastTasks = tasks;
        Q_EMIT tasksChanged(tasks);
    }
    Q_EMIT validityChanged(problem.isEmpty(), problem);
}

} // namespace cmtl::ui
