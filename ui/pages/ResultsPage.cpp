#include "pages/ResultsPage.h"

#include "charts/LossChart.h"
#include "models/MetricsTableModel.h"
#include "models/RunListModel.h"
#include "models/TableExport.h"
#include "pages/BinaryTaskPanel.h"
#include "pages/MulticlassTaskPanel.h"
#include "pages/RegressionTaskPanel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cmtl::ui {

namespace {

// The engine's part names ("test", "validation") in the user's language.
QString partName(const QString &part)
{
    if (part == QLatin1String("test"))
        return ResultsPage::tr("test");
    if (part == QLatin1String("validation"))
        return ResultsPage::tr("validation");
    if (part == QLatin1String("train"))
        return ResultsPage::tr("training");
    return part;
}

} // namespace

ResultsPage::ResultsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("resultsPage"));
    m_title = new QLabel(tr("No results yet: train a model, or open a model file."), this);
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("taskCombo"));
    auto *taskLabel = new QLabel(tr("&Task:"), this);
    taskLabel->setBuddy(m_task);
    m_task->setMinimumContentsLength(16);
    auto *copy = new QPushButton(tr("Cop&y table"), this);
    copy->setObjectName(QStringLiteral("copyMetricsButton"));
    auto *save = new QPushButton(tr("Save table as CS&V…"), this);
    save->setObjectName(QStringLiteral("saveMetricsButton"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(taskLabel);
    header->addWidget(m_task);

    m_metrics = new MetricsTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_table->setAccessibleName(tr("Metrics"));
    m_table->setModel(m_metrics);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    addTableExportActions(m_table, tr("metrics"));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(copy);
    tableButtons->addWidget(save);
    tableButtons->addStretch();
    leftLayout->addLayout(tableButtons);
    // The table, then the buttons under it (they were made first), then the charts' tabs on the
    // right, above the task's charts (made before them).
    setTabOrder(m_table, copy);
    setTabOrder(copy, save);

    m_binary = new BinaryTaskPanel(this);
    m_multiclass = new MulticlassTaskPanel(this);
    m_regression = new RegressionTaskPanel(this);
    m_empty = new QLabel(tr("Choose a task."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_panels = new QStackedWidget(this);
    m_panels->setObjectName(QStringLiteral("taskPanels"));
    m_panels->addWidget(m_empty);
    m_panels->addWidget(m_binary);
    m_panels->addWidget(m_multiclass);
    m_panels->addWidget(m_regression);
    m_history = new LossChart(this);
    m_history->setObjectName(QStringLiteral("historyChart"));
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("historyOutcomeLabel"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *history = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_history, 1);
    historyLayout->addWidget(m_outcome);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->setAccessibleName(tr("Result charts"));
    m_tabs->addTab(m_panels, tr("Task charts"));
    m_tabs->addTab(history, tr("Training history"));

    setTabOrder(save, m_tabs->tabBar());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({340, 1060});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_task, &QComboBox::currentIndexChanged, this, &ResultsPage::taskChosen);
    connect(copy, &QPushButton::clicked, this, [this] { copyModelToClipboard(*m_metrics); });
    connect(save, &QPushButton::clicked, this, [this] {
        saveModelAsCsvInteractively(*m_metrics, this, m_run ? m_run->name + QStringLiteral(" metrics") : QString());
    });
}

void ResultsPage::setRun(const RunPtr &run)
{
    m_run = run;
    m_metrics->setRun(run);
    m_table->resizeColumnsToContents();
    {
        const QSignalBlocker blocker(m_task);
        m_task->clear();
        if (run) {
            for (const TaskSpec &task : run->roles.tasks)
                m_task->addItem(QString::fromStdString(task.column));
            // Open on the first binary task (the default flag, usually): its ROC is the headline.
            for (int i = 0; i < m_task->count(); ++i) {
                if (run->roles.tasks[static_cast<std::size_t>(i)].type == TaskType::Binary) {
                    m_task->setCurrentIndex(i);
                    break;
                }
            }
        }
    }
    if (!run) {
        m_title->setText(tr("No results yet: train a model, or open a model file."));
        m_history->reset({}, 1);
        m_history->setSubject({}, {});
        m_outcome->clear();
    } else {
        const QString part = run->scoresPart.isEmpty() ? tr("metrics only (model file)")
                             : !run->evaluatedFile.isEmpty()
                                 ? tr("charts on every row of %1").arg(QFileInfo(run->evaluatedFile).fileName())
                                 : tr("charts on the %1 part").arg(partName(run->scoresPart));
        m_title->setText(tr("%1 — %2 — %3").arg(run->name, run->lambdaSummary(), part));
        m_history->setHistory(
            [&] {
                QStringList names;
                for (const TaskSpec &task : run->roles.tasks)
                    names << QString::fromStdString(task.column);
                return names;
            }(),
            run->result.history);
        m_history->setSubject({}, runWithMethod(run->name, run->config));
        m_outcome->setText(LossChart::outcome(run->result.history, run->config.train.epochs));
    }
    taskChosen();
}

void ResultsPage::showTask(const QString &task)
{
    m_task->setCurrentIndex(m_task->findText(task));
}

void ResultsPage::taskChosen()
{
    if (!m_run || m_task->currentIndex() < 0) {
        m_panels->setCurrentWidget(m_empty);
        return;
    }
    const std::string task = m_task->currentText().toStdString();
    // The charts show the part the per-row scores are for (test, else validation).
    const std::string part = m_run->scoresPart.isEmpty() ? std::string("test") : m_run->scoresPart.toStdString();
    const EvaluationReport *report = m_run->result.report(part);
    if (!report && !m_run->result.reports.empty())
        report = &m_run->result.reports.back();
    const TaskEvaluation *evaluation = nullptr;
    if (report) {
        for (const TaskEvaluation &candidate : report->tasks) {
            if (candidate.task == task)
                evaluation = &candidate;
        }
    }
    if (!evaluation) {
        m_panels->setCurrentWidget(m_empty);
        return;
    }
    const TaskScores *scores = m_run->scoresOf(task);
    const QString run = runWithMethod(m_run->name, m_run->config);
    switch (evaluation->type) {
    case TaskType::Binary:
        m_binary->setTask(*evaluation, scores, m_run->chartsOf(task), run);
        m_panels->setCurrentWidget(m_binary);
        break;
    case TaskType::Multiclass:
        m_multiclass->setTask(*evaluation, m_run->chartsOf(task), run);
        m_panels->setCurrentWidget(m_multiclass);
        break;
    case TaskType::Regression:
        m_regression->setTask(*evaluation, scores, run);
        m_panels->setCurrentWidget(m_regression);
        break;
    }
}

} // namespace cmtl::ui
