#include "pages/BinningPage.h"

#include "UndoSupport.h"
#include "charts/BinningChart.h"
#include "models/BinningModels.h"
#include "pages/ScorecardDialog.h"
#include "workers/WorkerThread.h"

#include "common/Error.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QUndoCommand>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cmtl::ui {

namespace {

// One hand edit of one feature's bins: redo gives it `after`, undo `before` (nullopt: the
// optimal binning). The first redo, when the command is pushed, makes the edit.
class BinningEditCommand : public QUndoCommand {
public:
    BinningEditCommand(BinningPage *page, std::string feature, std::optional<FeatureBinning> before,
                       std::optional<FeatureBinning> after, const QString &text)
        : QUndoCommand(text), m_page(page), m_feature(std::move(feature)), m_before(std::move(before)),
          m_after(std::move(after))
    {}
    void undo() override { m_page->applyEdit(m_feature, m_before); }
    void redo() override { m_page->applyEdit(m_feature, m_after); }

private:
    BinningPage *m_page;
    std::string m_feature;
    std::optional<FeatureBinning> m_before, m_after;
};

std::int64_t rowsOf(const FeatureBinning &binning)
{
    std::int64_t rows = 0;
    for (const Bin &bin : binning.bins)
        rows += bin.count();
    return rows;
}

QTableView *makeTable(QWidget *parent, const char *objectName, const QString &accessibleName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(objectName));
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    return view;
}

} // namespace

BinningPage::BinningPage(QWidget *parent) : QWidget(parent), m_worker(new WorkerThread(this))
{
    setObjectName(QStringLiteral("binningPage"));
    qRegisterMetaType<BinningScreeningPtr>();

    m_taskCombo = new QComboBox(this);
    m_taskCombo->setObjectName(QStringLiteral("binningTaskCombo"));
    m_taskCombo->setAccessibleName(tr("Binary task"));
    m_taskCombo->setMinimumContentsLength(12);
    auto *taskLabel = new QLabel(tr("&Binary task:"), this);
    taskLabel->setBuddy(m_taskCombo);
    m_screenButton = new QPushButton(tr("&Screen features"), this);
    m_screenButton->setObjectName(QStringLiteral("screenFeaturesButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelScreeningButton"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("screeningProgress"));
    m_progress->setAccessibleName(tr("Screening progress"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_scorecardButton = new QPushButton(tr("Score&card…"), this);
    m_scorecardButton->setObjectName(QStringLiteral("buildScorecardButton"));
    m_scorecardButton->setAccessibleName(tr("Build scorecard"));
    auto *top = new QHBoxLayout;
    top->addWidget(taskLabel);
    top->addWidget(m_taskCombo);
    top->addWidget(m_screenButton);
    top->addWidget(m_cancelButton);
    top->addWidget(m_progress, 1);
    top->addStretch();
    top->addWidget(m_scorecardButton);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("binningMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; background: #fdecea; padding: 6px; }"));
    m_message->hide();

    m_screeningModel = new ScreeningTableModel(this);
    m_screeningView = makeTable(this, "screeningTable", tr("Screening table"));
    m_screeningView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_screeningView->setModel(m_screeningModel);

    m_featureSummary = new QLabel(tr("Screen the features, then select one to see and group its bins."), this);
    m_featureSummary->setObjectName(QStringLiteral("binningSummary"));
    m_featureSummary->setWordWrap(true);
    m_featureSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_binsModel = new BinsTableModel(this);
    m_binsView = makeTable(this, "binsTable", tr("Bins"));
    m_binsView->setSelectionMode(QAbstractItemView::ContiguousSelection);
    m_binsView->setModel(m_binsModel);

    m_mergeButton = new QPushButton(tr("&Merge selected bins"), this);
    m_mergeButton->setObjectName(QStringLiteral("mergeBinsButton"));
    m_boundaryEdit = new QLineEdit(this);
    m_boundaryEdit->setObjectName(QStringLiteral("splitBoundaryEdit"));
    m_boundaryEdit->setAccessibleName(tr("Split boundary"));
    m_boundaryEdit->setPlaceholderText(tr("a number inside the bin"));
    auto *boundaryLabel = new QLabel(tr("Split &at:"), this);
    boundaryLabel->setBuddy(m_boundaryEdit);
    m_splitButton = new QPushButton(tr("S&plit bin"), this);
    m_splitButton->setObjectName(QStringLiteral("splitBinButton"));
    m_resetButton = new QPushButton(tr("Reset to &optimal"), this);
    m_resetButton->setObjectName(QStringLiteral("resetBinningButton"));
    auto *edits = new QHBoxLayout;
    edits->addWidget(m_mergeButton);
    edits->addSpacing(12);
    edits->addWidget(boundaryLabel);
    edits->addWidget(m_boundaryEdit);
    edits->addWidget(m_splitButton);
    edits->addSpacing(12);
    edits->addWidget(m_resetButton);
    edits->addStretch();

    m_chart = new BinningChart(this);
    m_chart->setMinimumHeight(280);

    // The screening table beside the selected feature's bins; the chart below both, as wide as
    // the page, so that the bins' names along its bottom have room.
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_featureSummary);
    detailLayout->addWidget(m_binsView, 1);
    detailLayout->addLayout(edits);
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->setObjectName(QStringLiteral("binningTablesSplitter"));
    tables->addWidget(m_screeningView);
    tables->addWidget(detail);
    // The screening table has more columns than the bins table.
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);
    tables->setChildrenCollapsible(false);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("binningSplitter"));
    splitter->addWidget(tables);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_screenButton, &QPushButton::clicked, this, &BinningPage::screen);
    connect(m_cancelButton, &QPushButton::clicked, this, &BinningPage::cancel);
    connect(m_scorecardButton, &QPushButton::clicked, this, &BinningPage::openScorecard);
    connect(m_mergeButton, &QPushButton::clicked, this, &BinningPage::mergeSelectedBins);
    connect(m_splitButton, &QPushButton::clicked, this, [this] { splitSelectedBin(m_boundaryEdit->text()); });
    connect(m_boundaryEdit, &QLineEdit::returnPressed, this, [this] { splitSelectedBin(m_boundaryEdit->text()); });
    connect(m_resetButton, &QPushButton::clicked, this, &BinningPage::resetFeature);
    connect(m_screeningView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showFeature(m_screeningModel->featureAt(current.row()).feature);
            });
    connect(m_worker, &WorkerThread::finished, this, [this] {
        m_progress->hide();
        updateControls();
        Q_EMIT runningChanged(false);
    });
    updateControls();
}

BinningPage::~BinningPage()
{
    stop();
}

void BinningPage::setData(const LoadedTablePtr &data)
{
    if (data == m_data)
        return;
    m_data = data;
    // The screening was of the previous data; a running one is dropped when it ends.
    m_worker->cancel();
    m_screening.reset();
    m_screeningModel->setFeatures({}, {});
    m_shown.clear();
    showFeature({});
    showMessage({});
    updateControls();
}

void BinningPage::setTasks(const std::vector<TaskSpec> &tasks)
{
    const QString previous = m_taskCombo->currentData().toString();
    m_tasks.clear();
    for (const TaskSpec &task : tasks) {
        if (task.type == TaskType::Binary)
            m_tasks.push_back(task);
    }
    const QSignalBlocker blocker(m_taskCombo);
    m_taskCombo->clear();
    for (const TaskSpec &task : m_tasks) {
        const QString column = QString::fromStdString(task.column);
        m_taskCombo->addItem(tr("%1 (event: %2)").arg(column, QString::fromStdString(task.positiveClass)), column);
    }
    // The task the edits belong to, else the one chosen before.
    int index = m_taskCombo->findData(QString::fromStdString(m_editTask));
    if (index < 0 || m_edited.empty())
        index = std::max(m_taskCombo->findData(previous), index);
    m_taskCombo->setCurrentIndex(index < 0 && m_taskCombo->count() > 0 ? 0 : index);
    updateControls();
}

std::optional<TaskSpec> BinningPage::chosenTask() const
{
    const int index = m_taskCombo->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_tasks.size()))
        return std::nullopt;
    return m_tasks[static_cast<std::size_t>(index)];
}

bool BinningPage::screen()
{
    if (isRunning())
        return false;
    if (!m_data) {
        showMessage(tr("Open a data file first (the Data page): the features are binned on its rows."));
        return false;
    }
    const std::optional<TaskSpec> task = chosenTask();
    if (!task) {
        showMessage(tr("Define a binary task on the Roles page first: the bins are grouped by its bad rate."));
        return false;
    }
    // The grouped features' counts are of their own task: another task's bins would not be theirs.
    if (!m_edited.empty() && task->column != m_editTask) {
        showMessage(tr("The bins grouped by hand belong to the task %1: define it on the Roles page to screen them "
                       "again.")
                        .arg(QString::fromStdString(m_editTask)));
        return false;
    }
    showMessage({});
    auto *worker = new BinningWorker({m_data, *task});
    const LoadedTablePtr data = m_data;
    connect(worker, &BinningWorker::succeeded, this, [this, data](const BinningScreeningPtr &screening) {
        if (data != m_data)
            return; // screened the data of before
        m_screening = screening;
        if (m_edited.empty()) {
            m_editTask = screening->task.column;
            m_editPositive = screening->task.positiveClass;
            Q_EMIT editedBinsChanged();
        }
        std::vector<FeatureBinning> features;
        std::set<std::string> edited;
        QStringList otherData;
        for (const FeatureBinning &optimal : screening->result.features) {
            const auto found = m_edited.find(optimal.feature);
            if (found == m_edited.end()) {
                features.push_back(optimal);
                continue;
            }
            features.push_back(found->second);
            edited.insert(optimal.feature);
            if (rowsOf(found->second) != rowsOf(optimal))
                otherData << tr("%1 (%2 rows then, %3 now)")
                                 .arg(QString::fromStdString(optimal.feature))
                                 .arg(rowsOf(found->second))
                                 .arg(rowsOf(optimal));
        }
        m_screeningModel->setFeatures(std::move(features), std::move(edited));
        m_screeningView->resizeColumnsToContents();
        if (!otherData.isEmpty())
            showMessage(tr("The bins grouped by hand of %1 were made on other data: reset them to group the bins of "
                           "this data.")
                            .arg(otherData.join(QStringLiteral(", "))));
        const std::string shown =
            m_shown.empty() && m_screeningModel->rowCount() > 0 ? m_screeningModel->featureAt(0).feature : m_shown;
        selectFeature(QString::fromStdString(shown));
        Q_EMIT statusMessage(tr("Screened %n feature(s) against %1", nullptr, m_screeningModel->rowCount())
                                 .arg(QString::fromStdString(screening->task.column)));
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        showMessage(details.isEmpty() ? message : message + QLatin1Char(' ') + details);
    });
    connect(worker, &Worker::cancelled, this, [this] { Q_EMIT statusMessage(tr("Screening cancelled")); });
    connect(worker, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_progress->setFormat(text);
    });
    m_progress->setValue(0);
    m_progress->show();
    m_worker->start(worker);
    updateControls();
    Q_EMIT runningChanged(true);
    return true;
}

void BinningPage::cancel()
{
    m_worker->cancel();
}

bool BinningPage::isRunning() const
{
    return m_worker->isRunning();
}

void BinningPage::stop()
{
    m_worker->stop();
}

ScorecardDialog *BinningPage::openScorecard()
{
    const std::optional<TaskSpec> task = chosenTask();
    if (!m_data || !task) {
        showMessage(tr("A scorecard is fitted on the data against a binary task: open a data file and define the task "
                       "on the Roles page."));
        return nullptr;
    }
    showMessage({});
    auto *dialog = new ScorecardDialog(m_data, *task, editedBinsFor(*task), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->build();
    return dialog;
}

std::vector<FeatureBinning> BinningPage::editedBinsFor(const TaskSpec &task) const
{
    // The bins grouped by hand for this task, as `creditmtl-cli scorecard --binning` takes them
    // from a saved project (bins of another task are not theirs: the task combo is locked to them).
    if (m_edited.empty() || m_editTask != task.column || m_editPositive != task.positiveClass)
        return {};
    return givenBinsFor(projectBinning(), "the Binning page", task.column, task.positiveClass);
}

const FeatureBinning *BinningPage::binningOf(const std::string &feature) const
{
    if (const auto found = m_edited.find(feature); found != m_edited.end())
        return &found->second;
    if (!m_screening)
        return nullptr;
    for (const FeatureBinning &optimal : m_screening->result.features) {
        if (optimal.feature == feature)
            return &optimal;
    }
    return nullptr;
}

const FeatureBinning *BinningPage::shownBinning() const
{
    return m_shown.empty() ? nullptr : binningOf(m_shown);
}

const FeatureValueCounts *BinningPage::valueCountsOf(const std::string &feature) const
{
    if (!m_screening)
        return nullptr;
    const ScreeningResult &result = m_screening->result;
    for (std::size_t i = 0; i < result.features.size() && i < result.valueCounts.size(); ++i) {
        if (result.features[i].feature == feature)
            return &result.valueCounts[i];
    }
    return nullptr;
}

bool BinningPage::selectFeature(const QString &feature)
{
    const int row = m_screeningModel->rowOf(feature.toStdString());
    if (row < 0)
        return false;
    m_screeningView->selectionModel()->setCurrentIndex(m_screeningModel->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_screeningView->scrollTo(m_screeningModel->index(row, 0));
    showFeature(feature.toStdString());
    return true;
}

void BinningPage::selectBins(int first, int last)
{
    const QItemSelection selection(m_binsModel->index(first, 0),
                                   m_binsModel->index(last, BinsTableModel::FieldCount - 1));
    m_binsView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

std::vector<int> BinningPage::selectedBinRows() const
{
    std::vector<int> rows;
    for (const QModelIndex &index : m_binsView->selectionModel()->selectedRows())
        rows.push_back(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString BinningPage::trendText() const
{
    const FeatureBinning *binning = shownBinning();
    if (!binning)
        return {};
    switch (binShape(*binning)) {
    case BinShape::Single:
        return tr("one bin: no trend");
    case BinShape::Ascending:
        return tr("monotone, ascending: the bad rate rises from bin to bin");
    case BinShape::Descending:
        return tr("monotone, descending: the bad rate falls from bin to bin");
    case BinShape::Peak:
        return tr("not monotone: the bad rate rises, then falls (a peak)");
    case BinShape::Valley:
        return tr("not monotone: the bad rate falls, then rises (a valley)");
    case BinShape::Irregular:
        return tr("not monotone: the bad rate changes direction more than once, or two neighbouring bins have the "
                  "same bad rate");
    }
    return {};
}

void BinningPage::showFeature(const std::string &feature)
{
    m_shown = feature;
    const FeatureBinning *binning = shownBinning();
    if (!binning) {
        m_binsModel->clear();
        m_chart->clear();
        m_featureSummary->setText(tr("Screen the features, then select one to see and group its bins."));
        updateControls();
        return;
    }
    m_binsModel->setBinning(*binning);
    m_binsView->resizeColumnsToContents();
    m_chart->setBinning(*binning);
    const bool edited = m_edited.count(feature) > 0;
    m_featureSummary->setText(
        tr("<b>%1</b> — IV %2 (%3), %n bin(s), %4. Trend: %5.", nullptr, static_cast<int>(binning->bins.size()))
            .arg(QString::fromStdString(feature).toHtmlEscaped(), QLocale().toString(binning->iv, 'f', 4),
                 ScreeningTableModel::strengthName(binning->strength),
                 edited ? tr("grouped by hand") : tr("optimal binning"), trendText()));
    updateControls();
}

void BinningPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString BinningPage::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void BinningPage::updateControls()
{
    const bool running = isRunning();
    const bool locked = !m_edited.empty();
    m_taskCombo->setEnabled(!running && !locked && m_taskCombo->count() > 0);
    m_taskCombo->setToolTip(locked ? tr("The bins grouped by hand belong to this task: reset them (Reset to optimal) "
                                        "to screen another task.")
                                   : QString());
    m_screenButton->setEnabled(!running && m_data && m_taskCombo->count() > 0);
    m_cancelButton->setEnabled(running);
    m_scorecardButton->setEnabled(!running && m_data && m_taskCombo->count() > 0);
    const FeatureBinning *binning = shownBinning();
    const bool canEdit = !running && binning && m_screening;
    m_mergeButton->setEnabled(canEdit);
    m_splitButton->setEnabled(canEdit && !binning->categorical);
    m_boundaryEdit->setEnabled(canEdit && !binning->categorical);
    m_resetButton->setEnabled(!running && binning && m_edited.count(m_shown) > 0);
}

bool BinningPage::mergeSelectedBins()
{
    const FeatureBinning *binning = shownBinning();
    if (!binning || !m_screening)
        return false;
    const std::vector<int> rows = selectedBinRows();
    if (rows.size() < 2 || rows.back() - rows.front() + 1 != static_cast<int>(rows.size())) {
        showMessage(tr("Select two or more adjacent bins to merge (Shift+click, or Shift+arrow keys, in the bins "
                       "table)."));
        return false;
    }
    for (const int row : rows) {
        const BinKind kind = binning->bins[static_cast<std::size_t>(row)].kind;
        if (kind == BinKind::Missing || kind == BinKind::Special) {
            showMessage(tr("Missing and special-value bins keep a bin of their own: select range bins or level groups "
                           "to merge."));
            return false;
        }
    }
    FeatureBinning merged;
    try {
        merged = mergeBins(*binning, static_cast<std::size_t>(rows.front()), static_cast<std::size_t>(rows.back()));
    } catch (const ConfigError &error) {
        showMessage(tr("The bins cannot be merged: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    pushEdit(m_shown, std::move(merged),
             tr("Merge bins %1–%2 of %3").arg(rows.front() + 1).arg(rows.back() + 1).arg(shownFeature()));
    return true;
}

bool BinningPage::splitSelectedBin(const QString &boundaryText)
{
    const FeatureBinning *binning = shownBinning();
    if (!binning || !m_screening)
        return false;
    const std::vector<int> rows = selectedBinRows();
    if (rows.size() != 1) {
        showMessage(tr("Select the one bin to split in the bins table, then type the boundary."));
        return false;
    }
    const std::size_t index = static_cast<std::size_t>(rows.front());
    const Bin &bin = binning->bins[index];
    const QString label = BinsTableModel::binLabel(bin);
    if (bin.kind != BinKind::Range) {
        showMessage(tr("Only a range bin of a numeric feature can be split at a boundary; %1 is not one.").arg(label));
        return false;
    }
    const QString text = boundaryText.trimmed();
    bool ok = false;
    double boundary = QLocale().toDouble(text, &ok);
    if (!ok)
        boundary = QLocale::c().toDouble(text, &ok);
    // What a valid boundary is, in words: an open end of the first or last bin is not mentioned.
    const QString lower = QString::fromStdString(numberText(bin.lower));
    const QString upper = QString::fromStdString(numberText(bin.upper));
    const QString valid = std::isinf(bin.lower)   ? tr("a number below %1").arg(upper)
                          : std::isinf(bin.upper) ? tr("a number above %1").arg(lower)
                                                  : tr("a number above %1 and below %2").arg(lower, upper);
    if (!ok || !std::isfinite(boundary)) {
        showMessage(text.isEmpty() ? tr("Type the boundary to split %1 at: %2.").arg(label, valid)
                                   : tr("\"%1\" is not a number: type the boundary as %2.").arg(text, valid));
        return false;
    }
    if (!(boundary > bin.lower && boundary < bin.upper)) {
        showMessage(tr("%1 is not inside the bin %2: type %3.").arg(text, label, valid));
        return false;
    }
    const FeatureValueCounts *counts = valueCountsOf(m_shown);
    if (!counts)
        return false;
    FeatureBinning split;
    try {
        split = splitBin(*binning, index, boundary, *counts);
    } catch (const ConfigError &error) {
        showMessage(tr("The bin cannot be split at %1: %2").arg(text, QString::fromUtf8(error.what())));
        return false;
    }
    pushEdit(m_shown, std::move(split),
             tr("Split bin %1 of %2 at %3").arg(static_cast<int>(index) + 1).arg(shownFeature(), text));
    m_boundaryEdit->clear();
    return true;
}

bool BinningPage::resetFeature()
{
    if (m_shown.empty())
        return false;
    if (m_edited.count(m_shown) == 0) {
        showMessage(tr("%1 already has its optimal bins.").arg(shownFeature()));
        return false;
    }
    pushEdit(m_shown, std::nullopt, tr("Reset the bins of %1").arg(shownFeature()));
    return true;
}

void BinningPage::pushEdit(const std::string &feature, std::optional<FeatureBinning> after, const QString &text)
{
    showMessage({});
    std::optional<FeatureBinning> before;
    if (const auto found = m_edited.find(feature); found != m_edited.end())
        before = found->second;
    pushOrApply(m_undoStack, new BinningEditCommand(this, feature, std::move(before), std::move(after), text));
}

void BinningPage::applyEdit(const std::string &feature, const std::optional<FeatureBinning> &binning)
{
    if (binning)
        m_edited[feature] = *binning;
    else
        m_edited.erase(feature);
    if (const FeatureBinning *current = binningOf(feature)) {
        m_screeningModel->updateFeature(*current, binning.has_value());
        m_screeningView->resizeColumnToContents(ScreeningTableModel::Edited);
    }
    if (!selectFeature(QString::fromStdString(feature)))
        showFeature(feature);
    updateControls();
    Q_EMIT editedBinsChanged();
}

ProjectBinning BinningPage::projectBinning() const
{
    ProjectBinning binning;
    binning.taskColumn = m_editTask;
    binning.positiveClass = m_editPositive;
    for (const auto &[feature, edited] : m_edited)
        binning.edited.push_back(edited);
    return binning;
}

void BinningPage::setProjectBinning(const ProjectBinning &binning)
{
    m_editTask = binning.taskColumn;
    m_editPositive = binning.positiveClass;
    m_edited.clear();
    for (const FeatureBinning &feature : binning.edited)
        m_edited[feature.feature] = feature;
    // A screening of another task (or of no project) does not show these edits: screen again.
    m_screening.reset();
    m_screeningModel->setFeatures({}, {});
    showFeature({});
    showMessage({});
    if (const int index = m_taskCombo->findData(QString::fromStdString(m_editTask)); index >= 0)
        m_taskCombo->setCurrentIndex(index);
    updateControls();
    Q_EMIT editedBinsChanged();
}

} // namespace cmtl::ui
