#include "pages/RunsPage.h"

#include "HelpTexts.h"
#include "charts/RocChart.h"
#include "models/MetricsTableModel.h"
#include "models/RunListModel.h"

#include "models/TableExport.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <map>
#include <set>

namespace cmtl::ui {

RunsPage::RunsPage(RunListModel *runs, QWidget *parent) : QWidget(parent), m_runs(runs)
{
    setObjectName(QStringLiteral("runsPage"));
    auto *intro = new QLabel(tr("Every run of this session. Select two or more (Ctrl+click) to compare them."), this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setAccessibleName(tr("Runs"));
    m_table->setModel(runs);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(RunListModel::Headline, QHeaderView::Stretch);
    // The name is edited in place: a double click on it, or F2 or Rename anywhere in the row.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked);
    auto *rename = new QPushButton(tr("Re&name"), this);
    rename->setObjectName(QStringLiteral("renameRunButton"));
    rename->setToolTip(tr("Rename the selected run (F2); Edit ▸ Undo brings the old name back."));
    auto *show = new QPushButton(tr("Show &results"), this);
    show->setObjectName(QStringLiteral("showRunButton"));
    auto *save = new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save model…"), this);
    save->setObjectName(QStringLiteral("saveRunModelButton"));
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("runsTaskCombo"));
    auto *taskLabel = new QLabel(tr("ROC of &task:"), this);
    taskLabel->setBuddy(m_task);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(show);
    buttons->addWidget(rename);
    buttons->addWidget(save);
    // Tab follows the row of buttons as laid out, not the order they were made in.
    setTabOrder(show, rename);
    setTabOrder(rename, save);
    buttons->addStretch();
    buttons->addWidget(taskLabel);
    buttons->addWidget(m_task);

    m_roc = new RocChart(this);
    m_roc->setObjectName(QStringLiteral("runsRocChart"));
    m_roc->chart()->setTitle(tr("ROC curves of the selected runs (test part)"));
    m_comparison = new QTableWidget(this);
    m_comparison->setObjectName(QStringLiteral("runsComparison"));
    m_comparison->setAccessibleName(tr("Metrics of the selected runs"));
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    addTableExportActions(m_comparison, tr("run comparison"));
    addTableExportActions(m_table, tr("runs"));
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_roc);
    bottom->addWidget(m_comparison);
    bottom->setSizes({620, 700});
    m_comparison->verticalHeader()->hide();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(intro);
    topLayout->addWidget(m_table);
    topLayout->addLayout(buttons);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::selectionChanged);
    connect(m_task, &QComboBox::currentIndexChanged, this, &RunsPage::updateRoc);
    connect(show, &QPushButton::clicked, this, [this] {
        const auto runs = selectedRuns();
        if (!runs.empty())
            Q_EMIT showRunRequested(runs.front());
    });
    // A double click on the name edits it; anywhere else in the row it shows the run.
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RunListModel::Name)
            Q_EMIT showRunRequested(m_runs->runAt(index.row()));
    });
    connect(rename, &QPushButton::clicked, this, &RunsPage::renameSelectedRun);
    auto *renameAction = new QAction(tr("Rename run"), m_table);
    renameAction->setObjectName(QStringLiteral("renameRunAction"));
    renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    renameAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(renameAction, &QAction::triggered, this, &RunsPage::renameSelectedRun);
    m_table->addAction(renameAction);
    // Renaming changes the headers of the side-by-side table and the ROC legend.
    connect(runs, &QAbstractItemModel::dataChanged, this, &RunsPage::selectionChanged);
    connect(save, &QPushButton::clicked, this, [this] {
        const auto runs = selectedRuns();
        if (!runs.empty())
            Q_EMIT saveModelRequested(runs.front());
    });
    connect(runs, &QAbstractItemModel::rowsInserted, this, [this] { m_table->resizeColumnsToContents(); });
}

std::vector<RunPtr> RunsPage::selectedRuns() const
{
    std::vector<RunPtr> runs;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        runs.push_back(m_runs->runAt(index.row()));
    return runs;
}

void RunsPage::renameSelectedRun()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex name = m_runs->index(rows.front().row(), RunListModel::Name);
    m_table->setCurrentIndex(name);
    m_table->edit(name);
}

void RunsPage::selectRows(const QList<int> &rows)
{
    QItemSelection selection;
    for (const int row : rows)
        selection.select(m_runs->index(row, 0), m_runs->index(row, RunListModel::FieldCount - 1));
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void RunsPage::selectionChanged()
{
    const std::vector<RunPtr> runs = selectedRuns();
    // Binary tasks of the selected runs, for the ROC overlay.
    {
        const QString current = m_task->currentText();
        const QSignalBlocker blocker(m_task);
        m_task->clear();
        std::set<QString> seen;
        for (const RunPtr &run : runs) {
            for (const TaskSpec &task : run->roles.tasks) {
                const QString name = QString::fromStdString(task.column);
                if (task.type == TaskType::Binary && seen.insert(name).second)
                    m_task->addItem(name);
            }
        }
        m_task->setCurrentIndex(std::max(0, m_task->findText(current)));
    }
    updateRoc();

    // Side by side: one row per task and metric, one column per run (test part, else validation).
    std::vector<std::pair<QString, QString>> keys;
    std::vector<std::map<std::pair<QString, QString>, double>> values(runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const EvaluationReport *report = runs[r]->result.report("test");
        if (!report)
            report = runs[r]->result.report("validation");
        if (!report)
            continue;
        for (const TaskEvaluation &task : report->tasks) {
            for (const auto &[metric, value] : MetricsTableModel::metricsOf(task)) {
                const auto key = std::make_pair(QString::fromStdString(task.task), metric);
                if (std::find(keys.begin(), keys.end(), key) == keys.end())
                    keys.push_back(key);
                values[r][key] = value;
            }
        }
    }
    m_comparison->clear();
    m_comparison->setColumnCount(static_cast<int>(runs.size()) + 2);
    m_comparison->setRowCount(static_cast<int>(keys.size()));
    QStringList headers = {tr("Task"), tr("Metric")};
    for (const RunPtr &run : runs)
        headers << run->name + QLatin1Char('\n') + run->lambdaSummary();
    m_comparison->setHorizontalHeaderLabels(headers);
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const int row = static_cast<int>(k);
        m_comparison->setItem(row, 0, new QTableWidgetItem(keys[k].first));
        auto *metric = new QTableWidgetItem(metricDisplayName(keys[k].second));
        setHelp(metric, metricHelp(keys[k].second));
        m_comparison->setItem(row, 1, metric);
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const auto found = values[r].find(keys[k]);
            const double value = found == values[r].end() ? NAN : found->second;
            // On screen in the locale's form; exported plainly.
            auto *item = new QTableWidgetItem(std::isnan(value) ? QStringLiteral("—")
                                              : keys[k].second == QLatin1String("rows")
                                                  ? QLocale().toString(static_cast<qlonglong>(value))
                                                  : QLocale().toString(value, 'f', 4));
            item->setData(Qt::UserRole, value);
            item->setData(kExportRole, plainNumber(value));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_comparison->setItem(row, static_cast<int>(r) + 2, item);
        }
    }
    m_comparison->resizeColumnsToContents();
}

void RunsPage::updateRoc()
{
    const std::string task = m_task->currentText().toStdString();
    std::vector<RocChart::Curve> curves;
    for (const RunPtr &run : selectedRuns()) {
        const EvaluationReport *report = run->result.report("test");
        if (!report)
            continue;
        for (const TaskEvaluation &evaluation : report->tasks) {
            if (evaluation.task == task && evaluation.binary && !evaluation.roc.empty())
                curves.push_back({run->name, evaluation.roc, evaluation.binary->auc});
        }
    }
    m_roc->setCurves(std::move(curves));
}

} // namespace cmtl::ui
