#include "pages/ImportanceDialog.h"

#include "ErrorMessages.h"
#include "HelpTexts.h"
#include "workers/WorkerThread.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cmtl::ui {

ImportanceDialog::ImportanceDialog(RunPtr run, std::vector<DataSource> sources, QWidget *parent)
    : QDialog(parent), m_run(std::move(run)), m_sources(std::move(sources)), m_thread(new WorkerThread(this))
{
    setObjectName(QStringLiteral("importanceDialog"));
    setWindowTitle(tr("Permutation Importance"));
    auto *layout = new QVBoxLayout(this);
    m_modelInfo = new QLabel(m_run ? tr("Model of <b>%1</b>: how much each task's metric worsens when one input "
                                        "column's values are shuffled across the rows (AUC or accuracy: baseline "
                                        "minus shuffled; RMSE: shuffled minus baseline). Larger is more important.")
                                         .arg(m_run->name.toHtmlEscaped())
                                   : tr("No model: train one or open a model file (File ▸ Open Model)."),
                             this);
    m_modelInfo->setObjectName(QStringLiteral("importanceModelInfo"));
    m_modelInfo->setWordWrap(true);
    layout->addWidget(m_modelInfo);

    auto *form = new QFormLayout;
    m_data = new QComboBox(this);
    m_data->setObjectName(QStringLiteral("importanceDataCombo"));
    m_data->setAccessibleName(tr("Data to measure on"));
    for (const DataSource &source : m_sources)
        m_data->addItem(source.name);
    auto *dataLabel = new QLabel(tr("&Data:"), this);
    dataLabel->setBuddy(m_data);
    form->addRow(dataLabel, m_data);
    m_repeats = new QSpinBox(this);
    m_repeats->setObjectName(QStringLiteral("importanceRepeatsSpin"));
    m_repeats->setAccessibleName(tr("Repeats"));
    m_repeats->setRange(1, 1000); // importance --repeats' range
    m_repeats->setValue(5);
    auto *repeatsLabel = new QLabel(tr("&Repeats:"), this);
    repeatsLabel->setBuddy(m_repeats);
    form->addRow(repeatsLabel, m_repeats);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("importanceSeedSpin"));
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    auto *seedLabel = new QLabel(tr("S&eed:"), this);
    seedLabel->setBuddy(m_seed);
    form->addRow(seedLabel, m_seed);
    layout->addLayout(form);

    auto *controls = new QHBoxLayout;
    m_startButton = new QPushButton(tr("&Compute"), this);
    m_startButton->setObjectName(QStringLiteral("computeImportanceButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportanceButton"));
    m_cancelButton->setAccessibleName(tr("Cancel importance"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importanceProgress"));
    m_progress->setAccessibleName(tr("Importance progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    controls->addWidget(m_startButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_progress, 1);
    layout->addLayout(controls);
    m_status = new QLabel(m_sources.empty() ? tr("No labelled data: load the data set on the Data page or score a "
                                                 "file that holds the task columns.")
                                            : QString(),
                          this);
    m_status->setObjectName(QStringLiteral("importanceStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *taskRow = new QHBoxLayout;
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("importanceTaskCombo"));
    m_task->setAccessibleName(tr("Task"));
    auto *taskLabel = new QLabel(tr("&Task:"), this);
    taskLabel->setBuddy(m_task);
    m_baseline = new QLabel(this);
    m_baseline->setObjectName(QStringLiteral("importanceBaseline"));
    taskRow->addWidget(taskLabel);
    taskRow->addWidget(m_task);
    taskRow->addWidget(m_baseline, 1);
    layout->addLayout(taskRow);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("importanceTable"));
    m_table->setAccessibleName(tr("Permutation importance"));
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Mean drop"), tr("SD"), tr("Min"), tr("Max")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_startButton, &QPushButton::clicked, this, &ImportanceDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportanceDialog::cancel);
    connect(m_task, &QComboBox::currentIndexChanged, this, &ImportanceDialog::showTask);
    connect(m_thread, &WorkerThread::finished, this, [this] {
        m_startButton->setEnabled(m_run && !m_sources.empty());
        m_cancelButton->setEnabled(false);
        Q_EMIT importanceFinished();
    });
    m_startButton->setEnabled(m_run && !m_sources.empty());
    installHelp(this);
    resize(760, 600);
}

ImportanceDialog::~ImportanceDialog()
{
    m_thread->stop();
}

bool ImportanceDialog::isRunning() const
{
    return m_thread->isRunning();
}

void ImportanceDialog::setRepeats(int repeats)
{
    m_repeats->setValue(repeats);
}

void ImportanceDialog::setSeed(int seed)
{
    m_seed->setValue(seed);
}

void ImportanceDialog::cancel()
{
    m_thread->cancel();
}

void ImportanceDialog::start()
{
    if (isRunning() || !m_run || m_sources.empty())
        return;
    const DataSource &source = m_sources[static_cast<std::size_t>(std::max(0, m_data->currentIndex()))];
    ImportanceWorker::Params params;
    params.model = std::shared_ptr<const MultiTaskModel>(m_run, &m_run->result.model);
    params.table = source.table;
    params.repeats = m_repeats->value();
    params.seed = static_cast<std::uint64_t>(m_seed->value());
    params.threads = threadsBesideTheUi();
    auto *worker = new ImportanceWorker(std::move(params));
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_status->setText(text);
    });
    connect(worker, &ImportanceWorker::succeeded, this, [this, name = source.name](const ImportanceResult &result) {
        m_result = result;
        m_status->setText(tr("Permutation importance on %1 (%2 repeats, seed %3).")
                              .arg(name)
                              .arg(m_repeats->value())
                              .arg(m_seed->value()));
        const QString current = m_task->currentText();
        m_task->blockSignals(true);
        m_task->clear();
        for (const TaskImportance &task : *result)
            m_task->addItem(QString::fromStdString(task.task));
        m_task->setCurrentIndex(std::max(0, m_task->findText(current)));
        m_task->blockSignals(false);
        showTask(m_task->currentIndex());
    });
    connect(worker, &Worker::cancelled, this, [this] { m_status->setText(tr("Cancelled; nothing was changed.")); });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        m_status->setText(message);
        showError(this, tr("Permutation importance"), message, details);
    });
    m_progress->setValue(0);
    m_startButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_thread->start(worker);
}

void ImportanceDialog::showTask(int index)
{
    m_table->setRowCount(0);
    m_baseline->clear();
    if (!m_result || index < 0 || index >= static_cast<int>(m_result->size()))
        return;
    const TaskImportance &task = (*m_result)[static_cast<std::size_t>(index)];
    const QLocale locale;
    m_baseline->setText(tr("%1 on the unshuffled data: %2")
                            .arg(QString::fromStdString(task.metric), locale.toString(task.baseline, 'f', 4)));
    m_table->setRowCount(static_cast<int>(task.features.size()));
    const auto number = [&](double value) {
        auto *item = new QTableWidgetItem(std::isnan(value) ? tr("n/a") : locale.toString(value, 'f', 5));
        item->setData(Qt::UserRole, value); // the exact figure, for copying and tests
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const FeatureImportance &feature = task.features[static_cast<std::size_t>(row)];
        const auto [low, high] = std::minmax_element(feature.drops.begin(), feature.drops.end());
        m_table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(feature.column)));
        m_table->setItem(row, 1, number(feature.mean));
        m_table->setItem(row, 2, number(feature.sd));
        m_table->setItem(row, 3, number(*low));
        m_table->setItem(row, 4, number(*high));
    }
    m_table->resizeColumnsToContents();
}

} // namespace cmtl::ui
