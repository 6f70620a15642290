#include "pages/DataPage.h"

#include "database/Database.h"
#include "models/ColumnListModel.h"
#include "models/DataTableModel.h"
#include "models/HistogramDelegate.h"
#include "workers/WorkerThread.h"

#include "models/TableExport.h"
#include "statfile/DataFileReader.h"

#include "HelpTexts.h"
#include "UndoSupport.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cmtl::ui {

namespace {
// Keys of the column choices in DataPage::State, and the types as stored there.
const QString kColumnTypes = QStringLiteral("columnTypes");
const QString kColumnMissing = QStringLiteral("columnMissingValues");
const QString kNumeric = QStringLiteral("numeric");
const QString kCategorical = QStringLiteral("categorical");
} // namespace

namespace {

constexpr qint64 kPreviewBytes = 64 * 1024;
// The kind of statistical file whose first bytes are `head`, if one (None for a CSV file).
StatFileFormat formatOf(const QByteArray &head)
{
    return detectStatFileFormat(std::span<const char>(head.constData(), static_cast<std::size_t>(head.size())));
}

// The property keeping a CSV-only option's own tooltip while another explains it is disabled.
constexpr const char *kCsvToolTip = "csvToolTip";

QTableView *makeTableView(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    // Fixed row heights: the view never measures a million rows.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setDefaultSectionSize(100);
    return view;
}

} // namespace

DataPage::DataPage(QWidget *parent) : QWidget(parent), m_worker(new WorkerThread(this))
{
    setObjectName(QStringLiteral("dataPage"));

    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setWordWrap(true);
    showFileName();
    m_readWarnings = new QLabel(this);
    m_readWarnings->setObjectName(QStringLiteral("readWarnings"));
    m_readWarnings->setAccessibleName(tr("Warnings on the file read"));
    m_readWarnings->setWordWrap(true);
    m_readWarnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readWarnings->setStyleSheet(QStringLiteral("QLabel { color: #7a5a00; background: #fff8e1; padding: 6px; }"));
    m_readWarnings->hide();
    m_missingActions = new QWidget(this);
    m_missingActions->setObjectName(QStringLiteral("missingActions"));
    new QHBoxLayout(m_missingActions);
    m_missingActions->layout()->setContentsMargins(0, 0, 0, 0);
    m_missingActions->hide();

    auto *options = new QGroupBox(tr("Import options"), this);
    options->setObjectName(QStringLiteral("importOptions"));
    m_optionsBox = options;
    auto *form = new QFormLayout(options);
    m_delimiter = new QComboBox(options);
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_delimiter->addItem(tr("Detect"), QVariant::fromValue(0));
    m_delimiter->addItem(tr("Comma ( , )"), QVariant::fromValue(int(',')));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QVariant::fromValue(int(';')));
    m_delimiter->addItem(tr("Tab"), QVariant::fromValue(int('\t')));
    m_delimiter->addItem(tr("Pipe ( | )"), QVariant::fromValue(int('|')));
    auto *delimiterLabel = new QLabel(tr("&Delimiter:"), options);
    delimiterLabel->setBuddy(m_delimiter);
    form->addRow(delimiterLabel, m_delimiter);
    m_header = new QCheckBox(tr("First line holds the column &names"), options);
    m_header->setObjectName(QStringLiteral("headerCheck"));
    m_header->setChecked(true);
    form->addRow(m_header);
    m_encoding = new QComboBox(options);
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    m_encoding->addItem(tr("Detect"), QStringLiteral("auto"));
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    m_encoding->addItem(QStringLiteral("GB18030"), QStringLiteral("GB18030"));
    m_encoding->addItem(tr("Windows-1252 (Western European)"), QStringLiteral("windows-1252"));
    m_encoding->addItem(tr("ISO-8859-1 (Latin-1)"), QStringLiteral("latin-1"));
    m_encoding->addItem(QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16LE"));
    m_encoding->addItem(QStringLiteral("UTF-16BE"), QStringLiteral("UTF-16BE"));
    auto *encodingLabel = new QLabel(tr("&Encoding:"), options);
    encodingLabel->setBuddy(m_encoding);
    form->addRow(encodingLabel, m_encoding);
    m_decimalComma = new QCheckBox(tr("Decimal &comma (13,99 is 13.99)"), options);
    m_decimalComma->setObjectName(QStringLiteral("decimalCommaCheck"));
    m_decimalComma->setToolTip(tr("Numbers are written with a decimal comma. Unchecked, a decimal comma is still "
                                  "detected when the delimiter is a semicolon."));
    form->addRow(m_decimalComma);
    m_thousands = new QComboBox(options);
    m_thousands->setObjectName(QStringLiteral("thousandsCombo"));
    m_thousands->addItem(tr("None"), QVariant::fromValue(0));
    m_thousands->addItem(tr("Comma (1,234,567)"), QVariant::fromValue(int(',')));
    m_thousands->addItem(tr("Point (1.234.567)"), QVariant::fromValue(int('.')));
    m_thousands->addItem(tr("Space (1 234 567)"), QVariant::fromValue(int(' ')));
    m_thousands->addItem(tr("Apostrophe (1'234'567)"), QVariant::fromValue(int('\'')));
    m_thousands->setToolTip(tr("A separator between groups of three digits in numbers. With a decimal comma, the "
                               "thousands separator is usually a point or a space."));
    auto *thousandsLabel = new QLabel(tr("&Thousands separator:"), options);
    thousandsLabel->setBuddy(m_thousands);
    form->addRow(thousandsLabel, m_thousands);
    m_missing = new QLineEdit(QStringLiteral("NA, NaN, null, ?"), options);
    m_missing->setObjectName(QStringLiteral("missingTokensEdit"));
    m_missing->setToolTip(
        tr("Cells equal to one of these comma-separated tokens are missing; an empty cell always is."));
    auto *missingLabel = new QLabel(tr("&Missing values:"), options);
    missingLabel->setBuddy(m_missing);
    form->addRow(missingLabel, m_missing);
    for (QWidget *control :
         std::initializer_list<QWidget *>{m_delimiter, m_header, m_encoding, m_decimalComma, m_thousands}) {
        m_csvOnlyOptions.push_back(control);
        if (QWidget *label = form->labelForField(control))
            m_csvOnlyOptions.push_back(label);
    }
    // Their help now: a tooltip saying they do not apply may replace it before they are shown.
    for (QWidget *control : m_csvOnlyOptions)
        installOwnHelp(control);
    // Named for screen readers (a combo box is otherwise announced by its current item).
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_encoding->setAccessibleName(tr("Encoding"));
    m_thousands->setAccessibleName(tr("Thousands separator"));
    m_reload = new QPushButton(tr("&Reload with these options"), options);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setEnabled(false);
    form->addRow(m_reload);

    auto *previewBox = new QGroupBox(tr("Preview of the first lines"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_previewStatus = new QLabel(previewBox);
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    m_preview = makeTableView(QStringLiteral("previewTable"), tr("Preview"), previewBox);
    m_previewModel = new DataTableModel(this);
    m_preview->setModel(m_previewModel);
    previewLayout->addWidget(m_previewStatus);
    previewLayout->addWidget(m_preview);

    auto *top = new QHBoxLayout;
    top->addWidget(options, 0);
    top->addWidget(previewBox, 1);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelLoadButton"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();

    m_table = makeTableView(QStringLiteral("dataTable"), tr("Data table"), this);
    m_tableModel = new DataTableModel(this);
    m_table->setModel(m_tableModel);

    auto *columnPanel = new QWidget(this);
    auto *columnLayout = new QVBoxLayout(columnPanel);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(columnPanel);
    m_search->setObjectName(QStringLiteral("columnSearch"));
    m_search->setAccessibleName(tr("Search columns"));
    m_search->setPlaceholderText(tr("Search columns…"));
    m_search->setClearButtonEnabled(true);
    m_columns = makeTableView(QStringLiteral("columnList"), tr("Columns"), columnPanel);
    m_columnModel = new ColumnListModel(this);
    m_columnProxy = new QSortFilterProxyModel(this);
    m_columnProxy->setSourceModel(m_columnModel);
    m_columnProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_columnProxy->setFilterKeyColumn(ColumnListModel::Name);
    m_columnProxy->setSortRole(Qt::UserRole);
    m_columns->setModel(m_columnProxy);
    m_columns->setSortingEnabled(true);
    m_columns->sortByColumn(-1, Qt::AscendingOrder);
    m_columns->setItemDelegateForColumn(ColumnListModel::Distribution, new HistogramDelegate(m_columns));
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setStretchLastSection(true);
    m_columns->setColumnWidth(ColumnListModel::Name, 150);
    addTableExportActions(m_columns, tr("columns"));
    addColumnTypeActions();
    columnLayout->addWidget(m_search);
    columnLayout->addWidget(m_columns);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("dataSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(columnPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fileLabel);
    layout->addWidget(m_readWarnings);
    layout->addWidget(m_missingActions);
    layout->addLayout(top, 2);
    layout->addLayout(progressRow);
    layout->addWidget(splitter, 5);

    connect(m_search, &QLineEdit::textChanged, m_columnProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &DataPage::updatePreview);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &DataPage::updatePreview);
    connect(m_header, &QCheckBox::toggled, this, &DataPage::updatePreview);
    connect(m_decimalComma, &QCheckBox::toggled, this, &DataPage::updatePreview);
    connect(m_thousands, &QComboBox::currentIndexChanged, this, &DataPage::updatePreview);
    connect(m_missing, &QLineEdit::editingFinished, this, &DataPage::updatePreview);
    connect(m_reload, &QPushButton::clicked, this, &DataPage::startLoading);
    connect(m_cancel, &QPushButton::clicked, this, &DataPage::cancelLoading);
    connect(m_worker, &WorkerThread::finished, this, [this] { setLoading(false); });
}

DataPage::~DataPage()
{
    stop();
}

CsvOptions DataPage::options() const
{
    CsvOptions options;
    options.delimiter = static_cast<char>(m_delimiter->currentData().toInt());
    options.hasHeader = m_header->isChecked();
    options.encoding = m_encoding->currentData().toString().toStdString();
    options.decimalSeparator = m_decimalComma->isChecked() ? ',' : 0; // 0: detected
    options.thousandsSeparator = static_cast<char>(m_thousands->currentData().toInt());
    for (auto type = m_columnTypes.cbegin(); type != m_columnTypes.cend(); ++type) {
        auto &columns = type.value().toString() == kNumeric ? options.numericColumns : options.categoricalColumns;
        columns.push_back(type.key().toStdString());
    }
    for (auto missing = m_columnMissing.cbegin(); missing != m_columnMissing.cend(); ++missing) {
        for (const QString &value : missing.value().toStringList())
            options.columnMissingValues[missing.key().toStdString()].push_back(value.toStdString());
    }
    options.missingTokens.clear();
    for (const QString &token : m_missing->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!token.trimmed().isEmpty())
            options.missingTokens.push_back(token.trimmed().toStdString());
    }
    return options;
}

void DataPage::openFile(const QString &path)
{
    // A database source (File ▸ Open Database…) has no bytes to preview: DataLoader reads it.
    const bool database = isDatabaseSourceLocator(path.toStdString());
    QFile file(path);
    if (!database && !file.open(QIODevice::ReadOnly)) {
        Q_EMIT loadFailed(tr("The file %1 cannot be opened.").arg(QDir::toNativeSeparators(path)), file.errorString());
        return;
    }
    QByteArray head = database ? QByteArray() : file.read(kPreviewBytes);
    // Preview whole lines only.
    if (!database && !file.atEnd()) {
        const qsizetype lastNewline = head.lastIndexOf('\n');
        if (lastNewline > 0)
            head.truncate(lastNewline + 1);
    }
    // Another file, another history: a reload's undo would read the wrong file.
    if (m_undoStack && path != m_path)
        m_undoStack->clear();
    // The column choices belong to the file shown (or, set by a project, to the file it opens).
    if (path != m_path && !m_columnChoicesForNextFile) {
        m_columnTypes.clear();
        m_columnMissing.clear();
    }
    m_columnChoicesForNextFile = false;
    m_loadingPath = path;
    m_loadingHead = head;
    updatePreview();
    startLoading();
}

void DataPage::showFileName()
{
    if (!m_loadingPath.isEmpty()) {
        m_fileLabel->setText(tr("<b>%1</b> — loading…").arg(dataSourceName(m_loadingPath).toHtmlEscaped()));
    } else if (isDatabaseSourceLocator(m_path.toStdString())) {
        m_fileLabel->setText(QStringLiteral("<b>%1</b>").arg(dataSourceName(m_path).toHtmlEscaped()));
    } else if (!m_path.isEmpty()) {
        m_fileLabel->setText(
            tr("<b>%1</b> — %2")
                .arg(dataSourceName(m_path).toHtmlEscaped(), QDir::toNativeSeparators(m_path).toHtmlEscaped()));
    } else {
        m_fileLabel->setText(tr("No file open. Open a CSV file with File ▸ Open, drop one on the window, or start "
                                "with the sample."));
    }
}

DataPage::State DataPage::state() const
{
    State state = captureValues(m_optionsBox);
    state.insert(kColumnTypes, m_columnTypes);
    state.insert(kColumnMissing, m_columnMissing);
    return state;
}

void DataPage::applyState(const State &state)
{
    applyValues(m_optionsBox, state);
    m_columnTypes = state.value(kColumnTypes).toMap();
    m_columnMissing = state.value(kColumnMissing).toMap();
    m_loadingForUndo = true;
    updatePreview();
    startLoading();
}

void DataPage::updatePreview()
{
    // The file being opened, else the file shown.
    const bool opening = !m_loadingPath.isEmpty();
    const QByteArray &head = opening ? m_loadingHead : m_head;
    const QString path = opening ? m_loadingPath : m_path;
    // A database, or a SAS, Stata or SPSS file, declares its columns, types and encoding: the CSV
    // options neither preview nor change anything, so they are disabled (kept as set, for the next
    // CSV file; not used to read it); the missing values apply. Told by the first bytes already
    // read for the preview: no file is opened on the UI thread.
    const StatFileFormat statFormat = formatOf(head);
    const bool database = isDatabaseSourceLocator(path.toStdString());
    showCsvOptionsApply(database ? tr("Applies to CSV files only: a database gives its columns and their types.")
                        : statFormat != StatFileFormat::None
                            ? tr("Applies to CSV files only: a SAS, Stata or SPSS file declares its columns, types "
                                 "and encoding.")
                            : QString());
    if (database) {
        m_previewStatus->setText(tr("%1: the columns and their types are the database's; the missing values and "
                                    "column types chosen here apply, the delimiter, header, encoding and separators "
                                    "do not.")
                                     .arg(dataSourceName(path)));
        m_previewStatus->setToolTip({});
        m_previewStatus->setStyleSheet({});
        m_previewModel->setTable({});
        return;
    }
    if (head.isEmpty()) {
        m_previewModel->setTable({});
        return;
    }
    if (statFormat != StatFileFormat::None) {
        const QString kind = statFormat == StatFileFormat::Sas7bdat       ? tr("A SAS dataset (sas7bdat)")
                             : statFormat == StatFileFormat::SasTransport ? tr("A SAS transport file (XPORT)")
                             : statFormat == StatFileFormat::Stata        ? tr("A Stata file")
                                                                          : tr("An SPSS file");
        m_previewStatus->setText(tr("%1: its columns, types and encoding are read as the file declares them; the "
                                    "missing values and column types chosen here apply, the delimiter, header, "
                                    "encoding and separators do not.")
                                     .arg(kind));
        m_previewStatus->setToolTip({});
        m_previewStatus->setStyleSheet({});
        m_previewModel->setTable({});
        return;
    }
    CsvOptions previewOptions = options();
    previewOptions.threads = 1;
    try {
        CsvReadResult read = readCsv(std::span<const char>(head.constData(), static_cast<std::size_t>(head.size())),
                                     QFileInfo(path).fileName().toStdString(), previewOptions);
        const char delimiter = read.dialect.delimiter;
        const QString delimiterName =
            delimiter == '\t' ? tr("tab") : QStringLiteral("“%1”").arg(QLatin1Char(delimiter));
        m_previewStatus->setText(tr("Delimiter %1, encoding %2%3; %4 columns in the first %5 lines.")
                                     .arg(delimiterName, QString::fromStdString(read.dialect.encoding),
                                          read.dialect.crlf ? tr(", CRLF line ends") : QString())
                                     .arg(read.table.columnCount())
                                     .arg(read.table.rowCount()));
        m_previewStatus->setToolTip(QString::fromStdString(read.dialect.encodingReason));
        m_previewStatus->setStyleSheet({});
        m_previewModel->setTable(std::make_shared<Table>(std::move(read.table)));
    } catch (const std::exception &error) {
        m_previewStatus->setText(
            tr("These options do not read the file: %1").arg(QString::fromStdString(error.what())));
        m_previewStatus->setStyleSheet(QStringLiteral("color: #b03a2e;"));
        m_previewModel->setTable({});
    }
}

void DataPage::showCsvOptionsApply(const QString &notApplying)
{
    for (QWidget *control : m_csvOnlyOptions) {
        // The control's own tooltip is kept in kCsvToolTip while another explains it is disabled.
        const QVariant own = control->property(kCsvToolTip);
        if (notApplying.isEmpty() && own.isValid()) {
            control->setToolTip(own.toString());
            control->setProperty(kCsvToolTip, QVariant());
        } else if (!notApplying.isEmpty()) {
            if (!own.isValid())
                control->setProperty(kCsvToolTip, control->toolTip());
            control->setToolTip(notApplying);
        }
        control->setEnabled(notApplying.isEmpty());
    }
}

void DataPage::startLoading()
{
    if (m_loadingPath.isEmpty()) {
        if (m_path.isEmpty())
            return;
        // "Reload with these options": the file shown, read again.
        m_loadingPath = m_path;
        m_loadingHead = m_head;
    }
    CsvOptions readOptions = options();
    // The CSV-only options, disabled for a statistical file, are not its reader's to refuse.
    if (formatOf(m_loadingHead) != StatFileFormat::None)
        readOptions = withoutCsvOnlyOptions(std::move(readOptions));
    readOptions.threads = threadsForAWaitedRead();
    m_loadingOptions = state();
    auto *loader = new DataLoader({m_loadingPath, readOptions, m_databasePassword});
    const quint64 generation = ++m_loadGeneration;
    connect(loader, &Worker::progress, this, [this](double fraction, const QString &text) {
        m_progress->setValue(static_cast<int>(fraction * 1000));
        m_progress->setFormat(text + QStringLiteral(" — %p%"));
    });
    connect(loader, &DataLoader::succeeded, this, [this, generation](const LoadedTablePtr &result) {
        if (generation != m_loadGeneration)
            return;
        auto table = std::shared_ptr<const Table>(result, &result->table);
        m_tableModel->setTable(table);
        std::map<std::string, std::string> labels; // a SAS, Stata or SPSS file's variable labels
        if (result->statFile) {
            for (const StatVariable &variable : result->statFile->variables)
                labels[variable.name] = variable.label;
        }
        m_columnModel->setTable(table, result->histograms, std::move(labels));
        m_columns->setColumnHidden(ColumnListModel::Label, !m_columnModel->hasLabels());
        m_columns->resizeColumnToContents(ColumnListModel::Type);
        // Said where the table is, not only in a status line: a column read as text because of a
        // few cells changes the model (hundreds of one-hot levels instead of one number).
        QStringList warnings;
        for (const CsvWarning &warning : result->warnings)
            warnings << QString::fromStdString(warning.message);
        if (result->statFile) { // dates read as numbers, special missing values read as missing
            for (const std::string &note : result->statFile->notes)
                warnings << QString::fromStdString(note);
        }
        for (const std::string &note : result->databaseNotes) // booleans and dates read as numbers
            warnings << QString::fromStdString(note);
        m_readWarnings->setText(tr("Read with warnings:") + QStringLiteral("\n• ") +
                                warnings.join(QStringLiteral("\n• ")));
        m_readWarnings->setVisible(!warnings.isEmpty());
        showMissingActions(result->warnings);
        Q_EMIT statusMessage(tr("%1: %2 rows, %3 columns")
                                 .arg(dataSourceName(result->path))
                                 .arg(QLocale().toString(static_cast<qulonglong>(result->table.rowCount())))
                                 .arg(result->table.columnCount()));
        finishLoading(true);
        Q_EMIT loaded(result);
    });
    connect(loader, &Worker::failed, this, [this, generation](const QString &message, const QString &details) {
        if (generation != m_loadGeneration)
            return;
        const QString failed = dataSourceName(m_loadingPath);
        finishLoading(false);
        // The status bar sits under the table still shown: it says which file failed, and that
        // the one on screen is still open, so that the two are not taken for one another.
        Q_EMIT statusMessage(m_path.isEmpty()
                                 ? tr("Reading %1 failed").arg(failed)
                                 : tr("Reading %1 failed; %2 stays open").arg(failed, dataSourceName(m_path)));
        Q_EMIT loadFailed(message, details);
    });
    connect(loader, &Worker::cancelled, this, [this, generation] {
        if (generation != m_loadGeneration)
            return;
        const QString cancelled = dataSourceName(m_loadingPath);
        finishLoading(false);
        Q_EMIT statusMessage(m_path.isEmpty()
                                 ? tr("Reading %1 cancelled").arg(cancelled)
                                 : tr("Reading %1 cancelled; %2 stays open").arg(cancelled, dataSourceName(m_path)));
    });
    setLoading(true);
    m_progress->setValue(0);
    m_worker->start(loader);
}

void DataPage::finishLoading(bool succeeded)
{
    const bool reload = m_loadingPath == m_path;
    const State before = m_loadedOptions;
    if (succeeded) {
        m_path = m_loadingPath;
        m_head = m_loadingHead;
        m_loadedOptions = m_loadingOptions;
        // A reload by the user is one undo step; undoing reads the file with the options before.
        if (reload && !m_loadingForUndo && before != m_loadedOptions)
            pushOrApply(m_undoStack, new SnapshotCommand<DataPage, State>(this, before, m_loadedOptions,
                                                                          m_reloadText.isEmpty()
                                                                              ? tr("Reload with other import options")
                                                                              : m_reloadText));
    } else {
        // The table shown was read with the options before: show them again (the column choices
        // always, as they name the columns of the file shown).
        if (reload)
            applyValues(m_optionsBox, m_loadedOptions);
        m_columnTypes = m_loadedOptions.value(kColumnTypes).toMap();
        m_columnMissing = m_loadedOptions.value(kColumnMissing).toMap();
    }
    m_loadingForUndo = false;
    m_reloadText.clear();
    m_loadingPath.clear();
    m_loadingHead.clear();
    showFileName();
    updatePreview();
}

void DataPage::cancelLoading()
{
    m_worker->cancel();
}

bool DataPage::isLoading() const
{
    return m_worker->isRunning();
}

void DataPage::stop()
{
    m_worker->stop();
}

void DataPage::setLoading(bool loading)
{
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    m_reload->setEnabled(!loading && !m_path.isEmpty());
    // The table shown is the previous file's until the new one is read: disabled meanwhile.
    m_table->setEnabled(!loading);
    m_columns->setEnabled(!loading);
    if (loading)
        showFileName();
    Q_EMIT loadingChanged(loading);
}

// Project state: the inverse of options().
void DataPage::setOptions(const CsvOptions &options)
{
    if (const int index = m_delimiter->findData(int(options.delimiter)); index >= 0)
        m_delimiter->setCurrentIndex(index);
    m_header->setChecked(options.hasHeader);
    if (const int index = m_encoding->findData(QString::fromStdString(options.encoding)); index >= 0)
        m_encoding->setCurrentIndex(index);
    QStringList tokens;
    for (const std::string &token : options.missingTokens)
        tokens << QString::fromStdString(token);
    m_missing->setText(tokens.join(QStringLiteral(", ")));
    m_decimalComma->setChecked(options.decimalSeparator == ',');
    if (const int index = m_thousands->findData(int(options.thousandsSeparator)); index >= 0)
        m_thousands->setCurrentIndex(index);
    m_columnTypes.clear();
    for (const std::string &column : options.numericColumns)
        m_columnTypes.insert(QString::fromStdString(column), kNumeric);
    for (const std::string &column : options.categoricalColumns)
        m_columnTypes.insert(QString::fromStdString(column), kCategorical);
    m_columnMissing.clear();
    for (const auto &[column, values] : options.columnMissingValues) {
        QStringList list;
        for (const std::string &value : values)
            list << QString::fromStdString(value);
        m_columnMissing.insert(QString::fromStdString(column), list);
    }
    m_columnChoicesForNextFile = true;
}

std::optional<ColumnType> DataPage::columnType(const QString &column) const
{
    const QString type = m_columnTypes.value(column).toString();
    if (type.isEmpty())
        return std::nullopt;
    return type == kNumeric ? ColumnType::Numeric : ColumnType::Categorical;
}

void DataPage::setColumnType(const QString &column, std::optional<ColumnType> type)
{
    if (columnType(column) == type || !canReload())
        return;
    if (type)
        m_columnTypes.insert(column, *type == ColumnType::Numeric ? kNumeric : kCategorical);
    else
        m_columnTypes.remove(column);
    reloadAs(!type                          ? tr("Read %1 automatically").arg(column)
             : *type == ColumnType::Numeric ? tr("Read %1 as numeric").arg(column)
                                            : tr("Read %1 as categorical").arg(column));
}

void DataPage::treatAsMissing(const QString &column, const QStringList &values)
{
    if (!canReload())
        return;
    QStringList missing = m_columnMissing.value(column).toStringList();
    for (const QString &value : values) {
        if (!missing.contains(value))
            missing << value;
    }
    m_columnMissing.insert(column, missing);
    m_columnTypes.insert(column, kNumeric);
    reloadAs(tr("Treat cells of %1 as missing").arg(column));
}

bool DataPage::canReload() const
{
    return !m_path.isEmpty() && !isLoading();
}

void DataPage::reloadAs(const QString &undoText)
{
    m_reloadText = undoText;
    updatePreview();
    startLoading();
}

void DataPage::addColumnTypeActions()
{
    const auto currentColumn = [this] {
        return m_columns->currentIndex().siblingAtColumn(ColumnListModel::Name).data().toString();
    };
    auto *separator = new QAction(m_columns);
    separator->setSeparator(true);
    m_columns->addAction(separator);
    const struct {
        QString text;
        QString name;
        std::optional<ColumnType> type;
    } choices[] = {
        {tr("Read as &numeric"), QStringLiteral("readAsNumericAction"), ColumnType::Numeric},
        {tr("Read as &categorical (text)"), QStringLiteral("readAsCategoricalAction"), ColumnType::Categorical},
        {tr("Read &automatically (numeric when every cell is a number)"), QStringLiteral("readAutomaticallyAction"),
         std::nullopt},
    };
    for (const auto &choice : choices) {
        auto *action = new QAction(choice.text, m_columns);
        action->setObjectName(choice.name);
        const std::optional<ColumnType> type = choice.type;
        connect(action, &QAction::triggered, this, [this, currentColumn, type] {
            const QString column = currentColumn();
            if (!column.isEmpty())
                setColumnType(column, type);
        });
        m_columns->addAction(action);
    }
}

void DataPage::showMissingActions(const std::vector<CsvWarning> &warnings)
{
    QLayout *layout = m_missingActions->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const CsvWarning &warning : warnings) {
        if (warning.kind != CsvWarning::Kind::NearlyNumeric || warning.textValues.empty())
            continue;
        const QString column = QString::fromStdString(warning.column);
        QStringList values;
        for (const std::string &value : warning.textValues)
            values << QString::fromStdString(value);
        // The button names the values (the first five: the warning above names their lines).
        constexpr int kValuesNamed = 5;
        QString named =
            QStringLiteral("“") + values.mid(0, kValuesNamed).join(QStringLiteral("”, “")) + QStringLiteral("”");
        if (values.size() > kValuesNamed)
            named += QStringLiteral(", …");
        auto *button = new QPushButton(tr("Treat %1 as missing in %2").arg(named, column), m_missingActions);
        button->setObjectName(QStringLiteral("treatAsMissing_") + column);
        button->setToolTip(tr("Reads the file again with these values of %1 declared missing and the column read "
                              "as numbers (undo with Edit ▸ Undo).")
                               .arg(column));
        connect(button, &QPushButton::clicked, this, [this, column, values] { treatAsMissing(column, values); });
        layout->addWidget(button);
    }
    static_cast<QHBoxLayout *>(layout)->addStretch();
    m_missingActions->setVisible(layout->count() > 1);
}

} // namespace cmtl::ui
