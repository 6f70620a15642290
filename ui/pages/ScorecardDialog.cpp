#include "pages/ScorecardDialog.h"

#include "HelpTexts.h"
#include "models/BinningModels.h"
#include "pages/ScoreScalingFields.h"
#include "workers/WorkerThread.h"

#include "io/AtomicFile.h"
#include "scorecard/ScorecardFile.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cmtl::ui {

ScorecardDialog::ScorecardDialog(LoadedTablePtr data, TaskSpec task, std::vector<FeatureBinning> givenBins,
                                 QWidget *parent)
    : QDialog(parent), m_data(std::move(data)), m_task(std::move(task)), m_givenBins(std::move(givenBins)),
      m_worker(new WorkerThread(this))
{
    setObjectName(QStringLiteral("scorecardDialog"));
    qRegisterMetaType<ScorecardPtr>();
    setWindowTitle(tr("Scorecard of %1").arg(QString::fromStdString(m_task.column)));
    auto *form = new QFormLayout;
    m_scaling = ScoreScalingFields::addTo(form, this, QStringLiteral("scorecard"));
    m_buildButton = new QPushButton(tr("&Build scorecard"), this);
    m_buildButton->setObjectName(QStringLiteral("fitScorecardButton"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scorecardProgress"));
    m_progress->setAccessibleName(tr("Scorecard progress"));
    // The fit reports no fraction: a busy bar while it runs.
    m_progress->setRange(0, 0);
    m_progress->hide();
    auto *buildRow = new QHBoxLayout;
    buildRow->addWidget(m_buildButton);
    buildRow->addWidget(m_progress, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("scorecardMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b03a2e; background: #fdecea; padding: 6px; }"));
    m_message->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("scorecardSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("scorecardWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { color: #7d5a00; background: #fff4d6; padding: 6px; }"));
    m_warnings->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // Many features give many warnings: they scroll, and the points table keeps its room.
    auto *warningsArea = new QScrollArea(this);
    warningsArea->setObjectName(QStringLiteral("scorecardWarningsArea"));
    warningsArea->setWidget(m_warnings);
    warningsArea->setWidgetResizable(true);
    warningsArea->setMaximumHeight(130);
    warningsArea->setFrameShape(QFrame::NoFrame);
    warningsArea->hide();
    m_warningsArea = warningsArea;

    m_points = new QStandardItemModel(0, 5, this);
    m_points->setHorizontalHeaderLabels({tr("Feature"), tr("Bin"), tr("WoE"), tr("Coefficient"), tr("Points")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("pointsTable"));
    m_table->setAccessibleName(tr("Points table"));
    m_table->setModel(m_points);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_saveCsvButton = new QPushButton(tr("Save as &CSV…"), this);
    m_saveCsvButton->setObjectName(QStringLiteral("saveScorecardCsvButton"));
    m_saveJsonButton = new QPushButton(tr("Save as &JSON…"), this);
    m_saveJsonButton->setObjectName(QStringLiteral("saveScorecardJsonButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveCsvButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveJsonButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buildRow);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_warningsArea);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 680);
    installHelp(this);

    connect(m_buildButton, &QPushButton::clicked, this, &ScorecardDialog::build);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto saveAs = [this](bool json) {
        const QString path = askScorecardPath(this, m_task, json);
        if (!path.isEmpty())
            json ? saveJson(path) : saveCsv(path);
    };
    connect(m_saveCsvButton, &QPushButton::clicked, this, [saveAs] { saveAs(false); });
    connect(m_saveJsonButton, &QPushButton::clicked, this, [saveAs] { saveAs(true); });
    connect(m_worker, &WorkerThread::finished, this, [this] {
        m_progress->hide();
        updateControls();
    });
    showCard();
    updateControls();
}

ScorecardDialog::~ScorecardDialog()
{
    m_worker->stop();
}

bool ScorecardDialog::isRunning() const
{
    return m_worker->isRunning();
}

bool ScorecardDialog::build()
{
    if (isRunning())
        return false;
    ScorecardWorker::Params params;
    params.data = m_data;
    params.task = m_task;
    params.options.givenBins = m_givenBins;
    params.options.scaling = m_scaling.value();
    showMessage({});
    auto *worker = new ScorecardWorker(std::move(params));
    connect(worker, &ScorecardWorker::succeeded, this, [this](const ScorecardPtr &card) {
        m_card = card;
        showCard();
        Q_EMIT built();
    });
    connect(worker, &Worker::failed, this, [this](const QString &message, const QString &details) {
        showMessage(details.isEmpty() ? message : message + QLatin1Char(' ') + details);
    });
    connect(worker, &Worker::progress, this, [this](double, const QString &text) { m_progress->setFormat(text); });
    m_progress->show();
    m_worker->start(worker);
    updateControls();
    return true;
}

void ScorecardDialog::showCard()
{
    m_points->removeRows(0, m_points->rowCount());
    m_warningsArea->hide();
    if (!m_card) {
        m_summary->setText(tr("Build the scorecard: a logistic regression on the weight of evidence of every feature's "
                              "bins (the bins grouped by hand on the Binning page where there are some), scaled to "
                              "points."));
        return;
    }
    const Scorecard &card = *m_card;
    const QLocale locale;
    QStringList grouped;
    for (const FeatureBinning &given : m_givenBins)
        grouped << QString::fromStdString(given.feature);
    QString summary = tr("%1 = %2: %n feature(s); %3 points at odds %4:1, %5 points to double the odds (factor %6, "
                         "offset %7). The intercept gives %8 points to every applicant.",
                         nullptr, static_cast<int>(card.features.size()))
                          .arg(QString::fromStdString(card.taskColumn), QString::fromStdString(card.positiveClass),
                               locale.toString(card.scaling.basePoints), locale.toString(card.scaling.baseOdds),
                               locale.toString(card.scaling.pdo), locale.toString(card.scaling.factor(), 'f', 4),
                               locale.toString(card.scaling.offset(), 'f', 4))
                          .arg(locale.toString(card.interceptPoints(), 'f', 2));
    if (!grouped.isEmpty())
        summary += QLatin1Char(' ') + tr("Bins grouped by hand: %1.").arg(grouped.join(QStringLiteral(", ")));
    m_summary->setText(summary);
    m_points->appendRow({new QStandardItem(tr("(intercept)")), new QStandardItem, new QStandardItem,
                         numberItem(card.intercept, 4), numberItem(card.interceptPoints(), 2)});
    for (const ScorecardFeature &feature : card.features) {
        const QString name = QString::fromStdString(feature.binning.feature);
        for (std::size_t b = 0; b < feature.binning.bins.size(); ++b) {
            const Bin &bin = feature.binning.bins[b];
            m_points->appendRow({new QStandardItem(name), new QStandardItem(BinsTableModel::binLabel(bin)),
                                 numberItem(bin.woe, 4), numberItem(feature.coefficient, 4),
                                 numberItem(feature.points[b], 2)});
        }
    }
    m_table->resizeColumnsToContents();
    // A long list of levels stays readable in its tooltip-free cell without pushing the points away.
    m_table->setColumnWidth(1, std::min(m_table->columnWidth(1), 280));
    // The engine's warnings (wrong-sign coefficients, features left out, correlated pairs) are in
    // English, as on the command line; they name the features. One per line.
    QStringList warnings;
    for (const std::string &warning : card.warnings)
        warnings << QStringLiteral("• ") + QString::fromStdString(warning);
    m_warnings->setText(tr("Warnings:") + QLatin1Char('\n') + warnings.join(QLatin1Char('\n')));
    m_warningsArea->setVisible(!warnings.isEmpty());
}

bool ScorecardDialog::saveCsv(const QString &path)
{
    return m_card && save(path, scorecardToCsv(*m_card));
}

bool ScorecardDialog::saveJson(const QString &path)
{
    return m_card && save(path, scorecardToJson(*m_card));
}

bool ScorecardDialog::save(const QString &path, const QByteArray &bytes)
{
    const QString failure = saveScorecardFile(path, bytes, m_data ? QStringList{m_data->path} : QStringList{});
    showMessage(failure);
    return failure.isEmpty();
}

QStandardItem *numberItem(double value, int decimals)
{
    auto *item = new QStandardItem(QLocale().toString(value, 'f', decimals));
    item->setData(value, Qt::UserRole); // the exact value, for tests and copying
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString askScorecardPath(QWidget *parent, const TaskSpec &task, bool json)
{
    return QFileDialog::getSaveFileName(
        parent,
        json ? ScorecardDialog::tr("Save the scorecard as JSON") : ScorecardDialog::tr("Save the points table as CSV"),
        QString::fromStdString(task.column) +
            (json ? QStringLiteral("_scorecard.json") : QStringLiteral("_scorecard.csv")),
        json ? ScorecardDialog::tr("JSON files (*.json)") : ScorecardDialog::tr("CSV files (*.csv)"));
}

QString saveScorecardFile(const QString &path, const QByteArray &bytes, const QStringList &inputs)
{
    // No output over an input: an input file is never the target (compared as files, not spellings).
    const QFileInfo target(path);
    for (const QString &input : inputs) {
        if (target.exists() && target.canonicalFilePath() == QFileInfo(input).canonicalFilePath())
            return ScorecardDialog::tr("%1 is the data file: choose another file for the scorecard.").arg(path);
    }
    try {
        writeFileAtomically(path.toStdString(), bytes);
    } catch (const std::exception &error) {
        return ScorecardDialog::tr("The scorecard could not be saved: %1").arg(QString::fromUtf8(error.what()));
    }
    return {};
}

void ScorecardDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString ScorecardDialog::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void ScorecardDialog::updateControls()
{
    const bool running = isRunning();
    m_buildButton->setEnabled(!running && m_data);
    m_saveCsvButton->setEnabled(!running && m_card);
    m_saveJsonButton->setEnabled(!running && m_card);
}

} // namespace cmtl::ui
