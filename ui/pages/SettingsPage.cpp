#include "pages/SettingsPage.h"

#include "pages/MethodPanel.h"

#include "HelpTexts.h"
#include "UndoSupport.h"
#include "common/Error.h"
#include "preprocess/WoeEncoder.h"
#include "tasks/TaskSpec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>
#include <map>

namespace cmtl::ui {

namespace {

constexpr int kSliderSteps = 10; // slider units per lambda unit
constexpr double kLambdaMax = 10.0;

template <typename Box> Box *named(Box *box, const QString &objectName)
{
    box->setObjectName(objectName);
    return box;
}

// The tasks of `tasks` in the order they have in `order`. A task `order` lacks (one just chosen on
// the Roles page) takes its place from `tasks`: before the first task that follows it there, so
// that tasks nobody reordered stay in the order given (the columns' order).
QStringList inOrderOf(const QStringList &order, const QStringList &tasks)
{
    QStringList arranged;
    for (const QString &task : order) {
        if (tasks.contains(task) && !arranged.contains(task))
            arranged << task;
    }
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (arranged.contains(tasks[i]))
            continue;
        qsizetype before = arranged.size();
        for (qsizetype next = i + 1; next < tasks.size(); ++next) {
            if (const qsizetype at = arranged.indexOf(tasks[next]); at >= 0) {
                before = at;
                break;
            }
        }
        arranged.insert(before, tasks[i]);
    }
    return arranged;
}

QLabel *buddy(const QString &text, QWidget *widget)
{
    auto *label = new QLabel(text, widget->parentWidget());
    label->setBuddy(widget);
    return label;
}

} // namespace

SettingsPage::SettingsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *content = new QWidget;
    m_content = content;
    auto *grid = new QGridLayout(content);

    m_lambdaBox = new QGroupBox(tr("Task weights (lambda)"), content);
    m_lambdaLayout = new QGridLayout(m_lambdaBox);
    m_noTasks = new QLabel(tr("Choose tasks on the Roles page; each gets a weight here."), m_lambdaBox);
    m_lambdaLayout->addWidget(m_noTasks, 0, 0, 1, 4);

    // The order of the tasks: of the model's heads, and so of its reports, charts and files. The
    // command line takes it from the order of its --task options; here the user drags or moves.
    auto *order = new QGroupBox(tr("Task order"), content);
    auto *orderLayout = new QGridLayout(order);
    m_taskOrder = named(new QListWidget(order), QStringLiteral("taskOrderList"));
    m_taskOrder->setAccessibleName(tr("Task order"));
    m_taskOrder->setDragDropMode(QAbstractItemView::InternalMove);
    m_taskOrder->setDefaultDropAction(Qt::MoveAction);
    m_taskOrder->setSelectionMode(QAbstractItemView::SingleSelection);
    m_taskOrder->setMaximumHeight(120);
    m_moveUp = named(new QPushButton(tr("Move &up"), order), QStringLiteral("moveTaskUpButton"));
    m_moveUp->setAccessibleName(tr("Move the task up"));
    m_moveDown = named(new QPushButton(tr("Move d&own"), order), QStringLiteral("moveTaskDownButton"));
    m_moveDown->setAccessibleName(tr("Move the task down"));
    orderLayout->addWidget(m_taskOrder, 0, 0, 3, 1);
    orderLayout->addWidget(m_moveUp, 0, 1);
    orderLayout->addWidget(m_moveDown, 1, 1);
    orderLayout->setRowStretch(2, 1);

    auto *network = new QGroupBox(tr("Network"), content);
    auto *networkForm = new QFormLayout(network);
    m_hidden = named(new QLineEdit(network), QStringLiteral("hiddenLayersEdit"));
    networkForm->addRow(buddy(tr("Shared &layers:"), m_hidden), m_hidden);
    m_headHidden = named(new QSpinBox(network), QStringLiteral("headHiddenSpin"));
    m_headHidden->setRange(0, 4096);
    m_headHidden->setSpecialValueText(tr("none"));
    networkForm->addRow(buddy(tr("&Head hidden layer:"), m_headHidden), m_headHidden);
    m_dropout = named(new QDoubleSpinBox(network), QStringLiteral("dropoutSpin"));
    m_dropout->setRange(0, 0.9);
    m_dropout->setSingleStep(0.05);
    networkForm->addRow(buddy(tr("&Dropout:"), m_dropout), m_dropout);
    m_wide = named(new QCheckBox(tr("Wide && deep: a linear path beside the network"), network),
                   QStringLiteral("wideCheck"));
    networkForm->addRow(QString(), m_wide);

    auto *optimiser = new QGroupBox(tr("Optimiser (Adam)"), content);
    auto *optimiserForm = new QFormLayout(optimiser);
    m_learningRate = named(new QDoubleSpinBox(optimiser), QStringLiteral("learningRateSpin"));
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 1);
    m_learningRate->setSingleStep(0.0005);
    optimiserForm->addRow(buddy(tr("Learning &rate:"), m_learningRate), m_learningRate);
    m_batch = named(new QSpinBox(optimiser), QStringLiteral("batchSizeSpin"));
    m_batch->setRange(1, 65536);
    optimiserForm->addRow(buddy(tr("&Batch size:"), m_batch), m_batch);
    m_epochs = named(new QSpinBox(optimiser), QStringLiteral("epochsSpin"));
    m_epochs->setRange(1, 10000);
    optimiserForm->addRow(buddy(tr("&Epochs:"), m_epochs), m_epochs);
    m_patience = named(new QSpinBox(optimiser), QStringLiteral("patienceSpin"));
    m_patience->setRange(0, 1000);
    m_patience->setSpecialValueText(tr("off"));
    optimiserForm->addRow(buddy(tr("Early-stopping &patience:"), m_patience), m_patience);
    m_l2 = named(new QDoubleSpinBox(optimiser), QStringLiteral("l2Spin"));
    m_l2->setDecimals(6);
    m_l2->setRange(0, 10);
    m_l2->setSingleStep(0.00001);
    optimiserForm->addRow(buddy(tr("L&2 penalty:"), m_l2), m_l2);
    m_earlyStopOn = named(new QLineEdit(optimiser), QStringLiteral("earlyStopOnEdit"));
    m_earlyStopOn->setPlaceholderText(tr("objective"));
    optimiserForm->addRow(buddy(tr("Early stopping &watches:"), m_earlyStopOn), m_earlyStopOn);
    m_refit = named(new QCheckBox(tr("Re&fit on all training rows"), optimiser), QStringLiteral("refitCheck"));
    optimiserForm->addRow(QString(), m_refit);

    auto *split = new QGroupBox(tr("Split and preprocessing"), content);
    auto *splitForm = new QFormLayout(split);
    m_trainFraction = named(new QDoubleSpinBox(split), QStringLiteral("trainFractionSpin"));
    m_trainFraction->setRange(0.05, 1.0);
    m_trainFraction->setSingleStep(0.05);
    splitForm->addRow(buddy(tr("&Training share:"), m_trainFraction), m_trainFraction);
    m_validationFraction = named(new QDoubleSpinBox(split), QStringLiteral("validationFractionSpin"));
    m_validationFraction->setRange(0.0, 0.9);
    m_validationFraction->setSingleStep(0.05);
    splitForm->addRow(buddy(tr("&Validation share:"), m_validationFraction), m_validationFraction);
    m_seed = named(new QSpinBox(split), QStringLiteral("seedSpin"));
    m_seed->setRange(0, 2147483647);
    splitForm->addRow(buddy(tr("&Seed:"), m_seed), m_seed);
    auto *testRow = new QWidget(split);
    auto *testLayout = new QHBoxLayout(testRow);
    testLayout->setContentsMargins(0, 0, 0, 0);
    m_testFile = named(new QLineEdit(testRow), QStringLiteral("testFileEdit"));
    m_testFile->setPlaceholderText(tr("none: a held-out share of the rows"));
    m_testFile->setAccessibleName(tr("Separate test file"));
    auto *browse = new QPushButton(tr("Browse…"), testRow);
    browse->setObjectName(QStringLiteral("browseTestButton"));
    browse->setAccessibleName(tr("Browse for a test file"));
    testLayout->addWidget(m_testFile);
    testLayout->addWidget(browse);
    splitForm->addRow(tr("Test &file:"), testRow);
    m_maxLevels = named(new QSpinBox(split), QStringLiteral("maxLevelsSpin"));
    m_maxLevels->setRange(1, 1000);
    splitForm->addRow(buddy(tr("Levels kept per text column:"), m_maxLevels), m_maxLevels);
    m_minLevelCount = named(new QSpinBox(split), QStringLiteral("minLevelCountSpin"));
    m_minLevelCount->setRange(1, 100000);
    splitForm->addRow(buddy(tr("Rows a level needs:"), m_minLevelCount), m_minLevelCount);
    m_missingIndicators =
        named(new QCheckBox(tr("Add &missing-value indicators"), split), QStringLiteral("missingIndicatorsCheck"));
    splitForm->addRow(m_missingIndicators);

    // Weight-of-evidence inputs: features replaced by the WoE of their bin against one binary task
    // (the command line's --woe and --woe-task), with the Binning page's edited bins where it has
    // them for that task (--binning).
    auto *woe = new QGroupBox(tr("Weight of evidence (WoE) inputs"), content);
    auto *woeForm = new QFormLayout(woe);
    m_woeMode = named(new QComboBox(woe), QStringLiteral("woeModeCombo"));
    m_woeMode->addItem(tr("None: scaled and one-hot inputs"));
    m_woeMode->addItem(tr("Every feature"));
    m_woeMode->addItem(tr("Chosen columns"));
    m_woeMode->setAccessibleName(tr("WoE inputs"));
    woeForm->addRow(buddy(tr("WoE &inputs:"), m_woeMode), m_woeMode);
    m_woeColumns = named(new QListWidget(woe), QStringLiteral("woeColumnsList"));
    m_woeColumns->setAccessibleName(tr("WoE columns"));
    m_woeColumns->setMaximumHeight(110);
    woeForm->addRow(buddy(tr("&Columns:"), m_woeColumns), m_woeColumns);
    m_woeTask = named(new QComboBox(woe), QStringLiteral("woeTaskCombo"));
    m_woeTask->setAccessibleName(tr("WoE task"));
    m_woeTask->setMinimumContentsLength(12);
    woeForm->addRow(buddy(tr("Binned a&gainst:"), m_woeTask), m_woeTask);
    m_woeNote = named(new QLabel(woe), QStringLiteral("woeBinsNote"));
    m_woeNote->setWordWrap(true);
    m_woeNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    woeForm->addRow(m_woeNote);
    // The chosen task and columns are members (they outlive the roles' lists); these come before
    // watchField's connections, so that an undo step records the new choice.
    connect(m_woeTask, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_woeTaskName = m_woeTask->itemData(index).toString();
    });
    connect(m_woeColumns, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_applying)
            return;
        const QString column = item->data(Qt::UserRole).toString();
        m_woeChosen.removeAll(column);
        if (item->checkState() == Qt::Checked)
            m_woeChosen << column;
        recordChange(m_woeColumns);
        validate();
    });
    connect(m_woeMode, &QComboBox::currentIndexChanged, this, &SettingsPage::validate);
    connect(m_woeTask, &QComboBox::currentIndexChanged, this, &SettingsPage::validate);

    auto *application = new QGroupBox(tr("Application"), content);
    auto *applicationForm = new QFormLayout(application);
    m_language = named(new QComboBox(application), QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(QSettings().value(QStringLiteral("language"), QStringLiteral("system")))));
    applicationForm->addRow(buddy(tr("&Language:"), m_language), m_language);

    m_problemLabel = named(new QLabel(content), QStringLiteral("settingsProblem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; }"));
    auto *reset = named(new QPushButton(tr("Reset to &defaults"), content), QStringLiteral("resetSettingsButton"));

    m_methods = new MethodPanel(content);
    connect(m_methods, &MethodPanel::changed, this, [this] { validate(); });

    grid->addWidget(m_lambdaBox, 0, 0, 1, 2);
    grid->addWidget(network, 1, 0);
    grid->addWidget(optimiser, 1, 1);
    grid->addWidget(m_methods, 2, 0);
    grid->addWidget(split, 2, 1);
    grid->addWidget(order, 3, 0, Qt::AlignTop);
    grid->addWidget(woe, 3, 1, Qt::AlignTop);
    grid->addWidget(application, 4, 0, Qt::AlignTop);
    grid->addWidget(m_problemLabel, 5, 0, 1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(reset);
    grid->addLayout(buttons, 5, 0, 1, 2);
    grid->setRowStretch(6, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    // The fields take the focus, not the area around them.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_reset = reset;
    m_groups = {m_lambdaBox, network, optimiser, m_methods, split, order, woe, application};

    // What each setting does, as a tooltip and as What's This (Shift+F1); the texts are in HelpTexts.
    installHelp(content);

    resetDefaults();
    for (QWidget *field : content->findChildren<QWidget *>())
        watchField(field);
    updateTabOrder();

    connect(reset, &QPushButton::clicked, this, &SettingsPage::resetDefaults);
    const auto moveCurrent = [this](int offset) {
        if (const QListWidgetItem *item = m_taskOrder->currentItem())
            moveTask(item->text(), offset);
    };
    connect(m_moveUp, &QPushButton::clicked, this, [moveCurrent] { moveCurrent(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [moveCurrent] { moveCurrent(+1); });
    connect(m_taskOrder, &QListWidget::currentRowChanged, this, &SettingsPage::updateMoveButtons);
    // A drop rearranges the list's rows (a move, or a removal and an insertion); the tasks follow
    // once the drop is complete.
    connect(m_taskOrder->model(), &QAbstractItemModel::rowsMoved, this, &SettingsPage::takeOrderFromList,
            Qt::QueuedConnection);
    connect(m_taskOrder->model(), &QAbstractItemModel::rowsInserted, this, &SettingsPage::takeOrderFromList,
            Qt::QueuedConnection);
    updateMoveButtons();
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a test file"), {},
            tr("Data files (*.csv *.txt *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            m_testFile->setText(path);
    });
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT languageChanged(m_language->currentData().toString()); });
    for (QLineEdit *edit : {m_hidden, m_testFile})
        connect(edit, &QLineEdit::textChanged, this, &SettingsPage::validate);
    for (QDoubleSpinBox *box : {m_trainFraction, m_validationFraction})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SettingsPage::validate);
}

void SettingsPage::resetDefaults()
{
    // One undo step for the whole reset, which asks nothing: Edit ▸ Undo brings the values back.
    m_applying = true;
    m_methods->resetDefaults();
    const ExperimentConfig defaults;
    QStringList hidden;
    for (const int size : defaults.train.hiddenLayers)
        hidden << QString::number(size);
    m_hidden->setText(hidden.join(QLatin1Char(',')));
    m_headHidden->setValue(defaults.train.headHidden);
    m_dropout->setValue(defaults.train.dropout);
    m_wide->setChecked(defaults.train.wide);
    m_learningRate->setValue(defaults.train.learningRate);
    m_batch->setValue(defaults.train.batchSize);
    m_epochs->setValue(defaults.train.epochs);
    m_patience->setValue(defaults.train.patience);
    m_l2->setValue(defaults.train.l2);
    m_earlyStopOn->setText(QString::fromStdString(defaults.train.earlyStopOn));
    m_refit->setChecked(defaults.train.refit == RefitMode::All);
    m_trainFraction->setValue(defaults.split.trainFraction);
    m_validationFraction->setValue(defaults.split.validationFraction);
    m_seed->setValue(static_cast<int>(defaults.train.seed));
    m_testFile->clear();
    m_maxLevels->setValue(defaults.preprocess.maxLevels);
    m_minLevelCount->setValue(defaults.preprocess.minLevelCount);
    m_missingIndicators->setChecked(defaults.preprocess.missingIndicators);
    m_woeMode->setCurrentIndex(0);
    m_woeChosen.clear();
    m_woeTaskName.clear();
    m_woePositive.clear();
    showWoeChoices();
    for (const QString &task : m_tasks)
        setLambda(task, 1.0);
    m_applying = false;
    validate();
    recordChange(nullptr);
}

void SettingsPage::setTasks(const QStringList &tasks)
{
    showTasksWithoutStep(inOrderOf(m_tasks, tasks));
}

void SettingsPage::setTaskOrder(const QStringList &order)
{
    const QStringList arranged = inOrderOf(order, m_tasks);
    if (arranged != m_tasks)
        showTasksWithoutStep(arranged);
}

void SettingsPage::showTasksWithoutStep(const QStringList &tasks)
{
    // Follows the Roles page or a project (whose own steps cover it): no undo step of its own.
    const bool applying = std::exchange(m_applying, true);
    showTasks(tasks);
    m_applying = applying;
    if (!m_applying)
        m_recorded = state();
}

void SettingsPage::moveTask(const QString &task, int offset)
{
    const qsizetype from = m_tasks.indexOf(task);
    const qsizetype to = from + offset;
    if (from < 0 || to < 0 || to >= m_tasks.size())
        return;
    QStringList ordered = m_tasks;
    ordered.move(from, to);
    const bool applying = std::exchange(m_applying, true);
    showTasks(ordered);
    m_applying = applying;
    m_taskOrder->setCurrentRow(static_cast<int>(to));
    recordChange(m_taskOrder);
}

void SettingsPage::takeOrderFromList()
{
    QStringList ordered;
    for (int row = 0; row < m_taskOrder->count(); ++row)
        ordered << m_taskOrder->item(row)->text();
    if (ordered == m_tasks || ordered.size() != m_tasks.size())
        return;
    const QString current = m_taskOrder->currentItem() ? m_taskOrder->currentItem()->text() : QString();
    const bool applying = std::exchange(m_applying, true);
    showTasks(ordered);
    m_applying = applying;
    m_taskOrder->setCurrentRow(static_cast<int>(ordered.indexOf(current)));
    recordChange(m_taskOrder);
}

void SettingsPage::updateMoveButtons()
{
    const int row = m_taskOrder->currentRow();
    m_moveUp->setEnabled(row > 0);
    m_moveDown->setEnabled(row >= 0 && row + 1 < m_taskOrder->count());
}

void SettingsPage::applyTo(RoleAssignment &roles) const
{
    for (TaskSpec &task : roles.tasks)
        task.lambda = lambda(QString::fromStdString(task.column));
    // Tasks this page does not list (none, normally) keep their place after the listed ones.
    const auto rank = [this](const TaskSpec &task) {
        const qsizetype index = m_tasks.indexOf(QString::fromStdString(task.column));
        return index < 0 ? m_tasks.size() : index;
    };
    std::stable_sort(roles.tasks.begin(), roles.tasks.end(),
                     [&rank](const TaskSpec &a, const TaskSpec &b) { return rank(a) < rank(b); });
}

void SettingsPage::showTasks(const QStringList &tasks)
{
    // Keep the lambdas of tasks that stay.
    std::map<QString, double> previous;
    for (const QString &task : m_tasks)
        previous[task] = lambda(task);
    for (const LambdaRow &row : m_lambdaRows) {
        delete row.slider;
        delete row.spin;
        delete row.share;
    }
    for (QLabel *label : m_lambdaBox->findChildren<QLabel *>(QStringLiteral("lambdaLabel"), Qt::FindDirectChildrenOnly))
        delete label;
    m_lambdaRows.clear();
    m_tasks.clear(); // grows with m_lambdaRows below, so that both always match
    m_noTasks->setVisible(tasks.isEmpty());
    for (int i = 0; i < tasks.size(); ++i) {
        const QString &task = tasks[i];
        auto *label = new QLabel(task, m_lambdaBox);
        label->setObjectName(QStringLiteral("lambdaLabel"));
        auto *slider = new QSlider(Qt::Horizontal, m_lambdaBox);
        slider->setObjectName(QStringLiteral("lambdaSlider_") + task);
        slider->setAccessibleName(tr("Weight of %1").arg(task));
        slider->setRange(0, static_cast<int>(kLambdaMax * kSliderSteps));
        slider->setMinimumWidth(200);
        auto *spin = new QDoubleSpinBox(m_lambdaBox);
        spin->setObjectName(QStringLiteral("lambdaSpin_") + task);
        spin->setAccessibleName(tr("Lambda of %1").arg(task));
        setHelp(spin, lambdaHelp(task));
        setHelp(slider, lambdaHelp(task));
        spin->setRange(0, kLambdaMax);
        spin->setSingleStep(0.1);
        spin->setDecimals(2);
        label->setBuddy(spin);
        auto *share = new QLabel(m_lambdaBox);
        share->setObjectName(QStringLiteral("lambdaShare_") + task);
        share->setMinimumWidth(120);
        m_lambdaLayout->addWidget(label, i + 1, 0);
        m_lambdaLayout->addWidget(slider, i + 1, 1);
        m_lambdaLayout->addWidget(spin, i + 1, 2);
        m_lambdaLayout->addWidget(share, i + 1, 3);
        connect(slider, &QSlider::valueChanged, spin, [spin](int value) {
            if (std::lround(spin->value() * kSliderSteps) != value)
                spin->setValue(static_cast<double>(value) / kSliderSteps);
        });
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, slider](double value) {
            const QSignalBlocker blocker(slider);
            slider->setValue(static_cast<int>(std::lround(value * kSliderSteps)));
            updateShares();
            validate();
        });
        m_lambdaRows.push_back({slider, spin, share});
        watchField(spin);
        m_tasks << task;
        const auto kept = previous.find(task);
        spin->setValue(kept != previous.end() ? kept->second : 1.0);
        slider->setValue(static_cast<int>(std::lround(spin->value() * kSliderSteps)));
    }
    m_taskOrder->clear();
    m_taskOrder->addItems(m_tasks);
    updateMoveButtons();
    updateTabOrder();
    updateShares();
    validate();
}

void SettingsPage::setLambda(const QString &task, double lambda)
{
    const int index = static_cast<int>(m_tasks.indexOf(task));
    if (index >= 0)
        m_lambdaRows[static_cast<std::size_t>(index)].spin->setValue(lambda);
}

double SettingsPage::lambda(const QString &task) const
{
    const int index = static_cast<int>(m_tasks.indexOf(task));
    return index >= 0 ? m_lambdaRows[static_cast<std::size_t>(index)].spin->value() : 1.0;
}

double SettingsPage::share(const QString &task) const
{
    double total = 0;
    for (const LambdaRow &row : m_lambdaRows)
        total += row.spin->value();
    return total > 0 ? lambda(task) / total : 0.0;
}

void SettingsPage::updateShares()
{
    for (int i = 0; i < m_tasks.size(); ++i)
        m_lambdaRows[static_cast<std::size_t>(i)].share->setText(
            tr("%1% of the objective").arg(100.0 * share(m_tasks[i]), 0, 'f', 1));
}

std::optional<ExperimentConfig> SettingsPage::config(QString *problem) const
{
    const auto fail = [&](const QString &text) -> std::optional<ExperimentConfig> {
        if (problem)
            *problem = text;
        return std::nullopt;
    };
    ExperimentConfig config;
    config.train.hiddenLayers.clear();
    // "none", as on the command line (--hidden none): a linear model per task, which Tune can find.
    const bool linear = m_hidden->text().trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
    for (const QString &part : m_hidden->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (linear)
            break;
        bool ok = false;
        const int size = part.trimmed().toInt(&ok);
        if (!ok || size < 1 || size > 100000)
            return fail(tr("Shared layers: expected positive sizes separated by commas, such as 128,64."));
        config.train.hiddenLayers.push_back(size);
    }
    if (config.train.hiddenLayers.empty() && !linear)
        return fail(tr("Shared layers: give at least one layer size, such as 64."));
    m_methods->applyTo(config.train);
    config.train.headHidden = m_headHidden->value();
    config.train.dropout = m_dropout->value();
    config.train.wide = m_wide->isChecked();
    config.train.learningRate = m_learningRate->value();
    config.train.batchSize = m_batch->value();
    config.train.epochs = m_epochs->value();
    config.train.patience = m_patience->value();
    config.train.l2 = m_l2->value();
    config.train.earlyStopOn = m_earlyStopOn->text().trimmed().toStdString();
    config.train.refit = m_refit->isChecked() ? RefitMode::All : RefitMode::None;
    config.train.seed = static_cast<std::uint64_t>(m_seed->value());
    config.split.seed = config.train.seed;
    config.split.trainFraction = m_trainFraction->value();
    config.split.validationFraction = m_validationFraction->value();
    config.preprocess.maxLevels = m_maxLevels->value();
    config.preprocess.minLevelCount = m_minLevelCount->value();
    config.preprocess.missingIndicators = m_missingIndicators->isChecked();
    if (const QString woeProblem = applyWoe(config); !woeProblem.isEmpty())
        return fail(woeProblem);
    if (m_testFile->text().trimmed().isEmpty() && config.split.trainFraction + config.split.validationFraction >= 1.0)
        return fail(tr("The training and validation shares add up to 100% or more: leave some rows for the test, or "
                       "choose a separate test file."));
    if (config.split.trainFraction + config.split.validationFraction > 1.0)
        return fail(tr("The training and validation shares add up to more than 100%."));
    double total = 0;
    for (const QString &task : m_tasks)
        total += lambda(task);
    if (!m_tasks.isEmpty() && total <= 0)
        return fail(tr("Every task weight is 0: give at least one task a positive lambda."));
    if (problem)
        problem->clear();
    return config;
}

QString SettingsPage::testFile() const
{
    return m_testFile->text().trimmed();
}

QString SettingsPage::problem() const
{
    QString text;
    config(&text);
    return text;
}

void SettingsPage::validate()
{
    m_woeColumns->setEnabled(m_woeMode->currentIndex() == 2);
    m_woeTask->setEnabled(m_woeMode->currentIndex() != 0 && m_woeTask->count() > 0);
    updateWoeNote();
    const QString text = problem();
    m_problemLabel->setText(text);
    m_problemLabel->setVisible(!text.isEmpty());
    Q_EMIT validityChanged(text.isEmpty(), text);
}

void SettingsPage::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("training"));
    settings.setValue(QStringLiteral("hiddenLayers"), m_hidden->text());
    settings.setValue(QStringLiteral("headHidden"), m_headHidden->value());
    settings.setValue(QStringLiteral("dropout"), m_dropout->value());
    settings.setValue(QStringLiteral("learningRate"), m_learningRate->value());
    settings.setValue(QStringLiteral("batchSize"), m_batch->value());
    settings.setValue(QStringLiteral("epochs"), m_epochs->value());
    settings.setValue(QStringLiteral("patience"), m_patience->value());
    settings.setValue(QStringLiteral("l2"), m_l2->value());
    settings.setValue(QStringLiteral("earlyStopOn"), m_earlyStopOn->text());
    settings.setValue(QStringLiteral("refit"), m_refit->isChecked());
    settings.setValue(QStringLiteral("wide"), m_wide->isChecked());
    settings.setValue(QStringLiteral("trainFraction"), m_trainFraction->value());
    settings.setValue(QStringLiteral("validationFraction"), m_validationFraction->value());
    settings.setValue(QStringLiteral("seed"), m_seed->value());
    settings.setValue(QStringLiteral("maxLevels"), m_maxLevels->value());
    settings.setValue(QStringLiteral("minLevelCount"), m_minLevelCount->value());
    settings.setValue(QStringLiteral("missingIndicators"), m_missingIndicators->isChecked());
    settings.endGroup();
}

void SettingsPage::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("training"));
    m_applying = true;
    const auto restore = [&](const char *key, auto apply) {
        const QVariant value = settings.value(QString::fromLatin1(key));
        if (value.isValid())
            apply(value);
    };
    restore("hiddenLayers", [this](const QVariant &v) { m_hidden->setText(v.toString()); });
    restore("headHidden", [this](const QVariant &v) { m_headHidden->setValue(v.toInt()); });
    restore("dropout", [this](const QVariant &v) { m_dropout->setValue(v.toDouble()); });
    restore("learningRate", [this](const QVariant &v) { m_learningRate->setValue(v.toDouble()); });
    restore("batchSize", [this](const QVariant &v) { m_batch->setValue(v.toInt()); });
    restore("epochs", [this](const QVariant &v) { m_epochs->setValue(v.toInt()); });
    restore("patience", [this](const QVariant &v) { m_patience->setValue(v.toInt()); });
    restore("l2", [this](const QVariant &v) { m_l2->setValue(v.toDouble()); });
    restore("earlyStopOn", [this](const QVariant &v) { m_earlyStopOn->setText(v.toString()); });
    restore("refit", [this](const QVariant &v) { m_refit->setChecked(v.toBool()); });
    restore("wide", [this](const QVariant &v) { m_wide->setChecked(v.toBool()); });
    restore("trainFraction", [this](const QVariant &v) { m_trainFraction->setValue(v.toDouble()); });
    restore("validationFraction", [this](const QVariant &v) { m_validationFraction->setValue(v.toDouble()); });
    restore("seed", [this](const QVariant &v) { m_seed->setValue(v.toInt()); });
    restore("maxLevels", [this](const QVariant &v) { m_maxLevels->setValue(v.toInt()); });
    restore("minLevelCount", [this](const QVariant &v) { m_minLevelCount->setValue(v.toInt()); });
    restore("missingIndicators", [this](const QVariant &v) { m_missingIndicators->setChecked(v.toBool()); });
    settings.endGroup();
    m_applying = false;
    m_recorded = state();
    validate();
}

void SettingsPage::setEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}

void SettingsPage::setBatchSize(int batchSize)
{
    m_batch->setValue(batchSize);
}

void SettingsPage::setHiddenLayers(const QString &sizes)
{
    m_hidden->setText(sizes);
}

SettingsPage::State SettingsPage::state() const
{
    State state = captureValues(m_content, {m_language->objectName(), m_woeTask->objectName()});
    state.insert(m_taskOrder->objectName(), m_tasks);
    // By name, not by place in a list that follows the roles.
    state.insert(m_woeColumns->objectName(), m_woeChosen);
    state.insert(m_woeTask->objectName(), m_woeTaskName);
    return state;
}

void SettingsPage::applyState(const State &state)
{
    m_applying = true;
    if (const auto order = state.constFind(m_taskOrder->objectName()); order != state.constEnd())
        setTaskOrder(order->toStringList());
    m_woeChosen = state.value(m_woeColumns->objectName()).toStringList();
    m_woeTaskName = state.value(m_woeTask->objectName()).toString();
    showWoeChoices();
    // The WoE task is a column's name, not the index applyValues would set.
    State values = state;
    values.remove(m_woeTask->objectName());
    applyValues(m_content, values);
    m_applying = false;
    m_recorded = this->state();
    updateShares();
    validate();
}

void SettingsPage::watchField(QWidget *field)
{
    if (field == m_language || field->objectName().isEmpty())
        return;
    const auto changed = [this, field] { recordChange(field); };
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        if (!qobject_cast<QAbstractSpinBox *>(edit->parentWidget()) && !qobject_cast<QComboBox *>(edit->parentWidget()))
            connect(edit, &QLineEdit::textChanged, this, changed);
    } else if (auto *check = qobject_cast<QCheckBox *>(field)) {
        connect(check, &QCheckBox::toggled, this, changed);
    } else if (auto *combo = qobject_cast<QComboBox *>(field)) {
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    } else if (auto *spin = qobject_cast<QSpinBox *>(field)) {
        connect(spin, &QSpinBox::valueChanged, this, changed);
    } else if (auto *real = qobject_cast<QDoubleSpinBox *>(field)) {
        connect(real, &QDoubleSpinBox::valueChanged, this, changed);
    }
}

void SettingsPage::recordChange(QWidget *field)
{
    if (m_applying)
        return;
    State now = state();
    if (now == m_recorded)
        return;
    State before = std::exchange(m_recorded, now);
    // One field's successive changes (typing 250, dragging a slider) merge into one step; each
    // move of a task is a step of its own.
    const QString text = field ? tr("Change %1").arg(controlName(field)) : tr("Reset settings to defaults");
    const QString mergeKey = field && field != m_taskOrder ? field->objectName() : QString();
    pushOrApply(m_undoStack,
                new SnapshotCommand<SettingsPage, State>(this, std::move(before), std::move(now), text, mergeKey));
}

void SettingsPage::updateTabOrder()
{
    QWidget *previous = nullptr;
    const auto chain = [&previous](QWidget *widget) {
        if (previous)
            setTabOrder(previous, widget);
        previous = widget;
    };
    for (QWidget *group : m_groups) {
        for (QWidget *widget : group->findChildren<QWidget *>()) {
            const bool inner = qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                               qobject_cast<QComboBox *>(widget->parentWidget());
            // A combo box's list is a window of its own (created once it is asked for).
            if ((widget->focusPolicy() & Qt::TabFocus) && !inner && widget->window() == group->window())
                chain(widget);
        }
    }
    chain(m_reset);
}

// Project state: the inverse of config().
void SettingsPage::setConfig(const ExperimentConfig &config)
{
    QStringList layers;
    for (const int size : config.train.hiddenLayers)
        layers << QString::number(size);
    m_hidden->setText(layers.isEmpty() ? QStringLiteral("none") : layers.join(QLatin1Char(',')));
    m_methods->setFrom(config.train);
    m_headHidden->setValue(config.train.headHidden);
    m_dropout->setValue(config.train.dropout);
    m_wide->setChecked(config.train.wide);
    m_learningRate->setValue(config.train.learningRate);
    m_batch->setValue(config.train.batchSize);
    m_epochs->setValue(config.train.epochs);
    m_patience->setValue(config.train.patience);
    m_l2->setValue(config.train.l2);
    m_earlyStopOn->setText(QString::fromStdString(config.train.earlyStopOn));
    m_refit->setChecked(config.train.refit == RefitMode::All);
    m_seed->setValue(static_cast<int>(config.train.seed));
    m_trainFraction->setValue(config.split.trainFraction);
    m_validationFraction->setValue(config.split.validationFraction);
    m_maxLevels->setValue(config.preprocess.maxLevels);
    m_minLevelCount->setValue(config.preprocess.minLevelCount);
    m_missingIndicators->setChecked(config.preprocess.missingIndicators);
    m_woeChosen.clear();
    for (const std::string &column : config.woe.columns)
        m_woeChosen << QString::fromStdString(column);
    m_woeTaskName = QString::fromStdString(config.woe.task);
    m_woePositive = QString::fromStdString(config.woe.positiveClass);
    showWoeChoices();
    m_woeMode->setCurrentIndex(config.woe.allColumns ? 1 : config.woe.columns.empty() ? 0 : 2);
    // The columns and task are no widget's value: recorded with the mode, or on their own.
    recordChange(m_woeColumns);
    validate();
}

void SettingsPage::setRoles(const RoleAssignment &roles)
{
    QStringList features;
    for (const std::string &feature : roles.features)
        features << QString::fromStdString(feature);
    std::vector<TaskSpec> binary;
    for (const TaskSpec &task : roles.tasks) {
        if (task.type == TaskType::Binary)
            binary.push_back(task);
    }
    const bool sameTasks = std::equal(binary.begin(), binary.end(), m_binaryTasks.begin(), m_binaryTasks.end(),
                                      [](const TaskSpec &a, const TaskSpec &b) {
                                          return a.column == b.column && a.positiveClass == b.positiveClass;
                                      });
    // No data, no roles: the WoE settings wait for them (a project opened before its data).
    const bool known = !roles.features.empty() || !roles.tasks.empty();
    if (known == m_rolesKnown && features == m_features && sameTasks)
        return;
    m_features = features;
    m_binaryTasks = std::move(binary);
    m_rolesKnown = known;
    showWoeChoices();
    validate();
}

void SettingsPage::setEditedBinning(const ProjectBinning &binning)
{
    m_editedBinning = binning;
    validate();
}

void SettingsPage::showWoeChoices()
{
    {
        const QSignalBlocker blockList(m_woeColumns);
        m_woeColumns->clear();
        QStringList shown = m_features;
        for (const QString &column : m_woeChosen) {
            if (!shown.contains(column))
                shown << column;
        }
        for (const QString &column : shown) {
            // A chosen column the roles no longer make a feature stays, marked, so it can be unchecked.
            auto *item = new QListWidgetItem(
                m_features.contains(column) || !m_rolesKnown ? column : tr("%1 (not a feature)").arg(column),
                m_woeColumns);
            item->setData(Qt::UserRole, column);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(m_woeChosen.contains(column) ? Qt::Checked : Qt::Unchecked);
        }
    }
    const QSignalBlocker blockTask(m_woeTask);
    m_woeTask->clear();
    for (const TaskSpec &task : m_binaryTasks) {
        const QString column = QString::fromStdString(task.column);
        m_woeTask->addItem(tr("%1 (event: %2)").arg(column, QString::fromStdString(task.positiveClass)), column);
    }
    // A task chosen that the roles do not have (yet) is shown as it was given.
    if (!m_woeTaskName.isEmpty() && m_woeTask->findData(m_woeTaskName) < 0)
        m_woeTask->addItem(m_rolesKnown ? tr("%1 (not a binary task)").arg(m_woeTaskName) : m_woeTaskName,
                           m_woeTaskName);
    m_woeTask->setCurrentIndex(m_woeTaskName.isEmpty() ? (m_woeTask->count() > 0 ? 0 : -1)
                                                       : m_woeTask->findData(m_woeTaskName));
}

std::optional<TaskSpec> SettingsPage::woeTask() const
{
    for (const TaskSpec &task : m_binaryTasks) {
        if (m_woeTaskName.isEmpty() || task.column == m_woeTaskName.toStdString())
            return task;
    }
    return std::nullopt;
}

QString SettingsPage::applyWoe(ExperimentConfig &config) const
{
    const int mode = m_woeMode->currentIndex();
    if (mode == 0)
        return {};
    WoeOptions &woe = config.woe;
    woe.allColumns = mode == 1;
    if (mode == 2) {
        if (m_woeChosen.isEmpty())
            return tr("WoE inputs: check the columns to replace by their weight of evidence, or choose Every feature "
                      "or None.");
        for (const QString &column : m_woeChosen) {
            if (m_rolesKnown && !m_features.contains(column))
                return tr("WoE inputs: %1 is not a feature on the Roles page; uncheck it, or make it a feature.")
                    .arg(column);
            woe.columns.push_back(column.toStdString());
        }
    }
    if (!m_rolesKnown) {
        // A project opened before its data: its WoE task is kept as it was given.
        woe.task = m_woeTaskName.toStdString();
        woe.positiveClass = m_woePositive.toStdString();
        return {};
    }
    const std::optional<TaskSpec> task = woeTask();
    if (!task)
        return m_woeTaskName.isEmpty()
                   ? tr("WoE inputs are binned against a binary task: define one on the Roles page, or choose None.")
                   : tr("WoE inputs: %1 is not a binary task on the Roles page; choose the task they are binned "
                        "against.")
                         .arg(m_woeTaskName);
    woe.task = task->column;
    woe.positiveClass = task->positiveClass;
    // The Binning page's edits for this task, as --binning gives them, of the WoE inputs alone (a
    // project's other task's bins and those of other columns are not used: the note says so).
    if (!m_editedBinning.edited.empty()) {
        try {
            woe.givenBins = givenBinsUse(woeColumns(featureNames(), woe),
                                         givenBinsFor(m_editedBinning, "the Binning page", woe.task, woe.positiveClass))
                                .used;
        } catch (const DataError &) {
        }
    }
    return {};
}

std::vector<std::string> SettingsPage::featureNames() const
{
    std::vector<std::string> features;
    for (const QString &feature : m_features)
        features.push_back(feature.toStdString());
    return features;
}

bool SettingsPage::editedForAnotherTask(const WoeOptions &woe) const
{
    return woe.used() && (m_editedBinning.taskColumn != woe.task || m_editedBinning.positiveClass != woe.positiveClass);
}

QString SettingsPage::unusedBinsNote() const
{
    ExperimentConfig config;
    if (m_editedBinning.edited.empty() || !m_rolesKnown || !applyWoe(config).isEmpty())
        return {};
    return unusedBinsNote(config.woe);
}

QString SettingsPage::unusedBinsNote(const WoeOptions &woe) const
{
    if (editedForAnotherTask(woe))
        return tr("The bins grouped by hand on the Binning page belong to %1 = %2, not to %3 = %4: they are not "
                  "used, and each WoE input uses its optimal binning.")
            .arg(QString::fromStdString(m_editedBinning.taskColumn),
                 QString::fromStdString(m_editedBinning.positiveClass), QString::fromStdString(woe.task),
                 QString::fromStdString(woe.positiveClass));
    QStringList unused;
    for (const std::string &feature : givenBinsUse(woeColumns(featureNames(), woe), m_editedBinning.edited).unused)
        unused << QString::fromStdString(feature);
    if (unused.isEmpty())
        return {};
    return tr("The bins grouped by hand for columns that are not WoE inputs of this run are not used: %1.")
        .arg(unused.join(QStringLiteral(", ")));
}

void SettingsPage::updateWoeNote()
{
    m_woeNote->setText(woeNote());
    m_woeNote->setVisible(!m_woeNote->text().isEmpty());
}

QString SettingsPage::woeNote() const
{
    ExperimentConfig config;
    if (m_woeMode->currentIndex() == 0 || !m_rolesKnown || !applyWoe(config).isEmpty())
        return {};
    const QString unused = m_editedBinning.edited.empty() ? QString() : unusedBinsNote(config.woe);
    if (!m_editedBinning.edited.empty() && editedForAnotherTask(config.woe))
        return unused;
    QStringList used;
    for (const FeatureBinning &edited : config.woe.givenBins)
        used << QString::fromStdString(edited.feature);
    QString note = used.isEmpty() ? tr("Each WoE input uses its optimal binning, counted on the training rows.")
                                  : tr("Bins grouped by hand on the Binning page are used for %1 (recounted on the "
                                       "training rows); the other WoE inputs use their optimal binning.")
                                        .arg(used.join(QStringLiteral(", ")));
    if (!unused.isEmpty())
        note += QLatin1Char(' ') + unused;
    return note;
}

void SettingsPage::setTestFile(const QString &path)
{
    m_testFile->setText(path);
    validate();
}

} // namespace cmtl::ui
