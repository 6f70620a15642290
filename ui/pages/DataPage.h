#pragma once

#include "workers/DataLoader.h"

#include <QVariantMap>
#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace cmtl::ui {

class ColumnListModel;
class DataTableModel;
class WorkerThread;

// Step 1: the import options with a live preview of the file's first lines, the whole table
// (read on a worker thread with a progress bar) and the column panel with a search box.
class DataPage : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(QWidget *parent = nullptr);
    ~DataPage() override;

    // "Reload with these options" is pushed on `stack` as an undoable command once the file is
    // read again (undo reads it with the previous options). Opening another file clears the stack.
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }

    // Reads the preview, then the whole file on a worker thread with the current options. Until
    // it is read, the page shows the file's name as loading and the previous table disabled; if
    // reading fails or is cancelled, the previous file, its name and its table stay.
    // `path` may be a database source locator (File ▸ Open Database…): read with the password
    // given to setDatabasePassword.
    void openFile(const QString &path);
    // The password of the database sources opened from now on; in memory only, never saved.
    void setDatabasePassword(const QString &password) { m_databasePassword = password; }
    bool isLoading() const;
    void stop();
    CsvOptions options() const;
    // The file whose table is shown (not one still loading).
    // Project state: shows `options` in the import fields (used by the next openFile).
    void setOptions(const CsvOptions &options);
    QString currentPath() const { return m_path; }
    // The import options' fields, by object name (what a reload's undo restores).
    using State = QVariantMap;
    State state() const;
    // Sets the import options from `state` and reads the file again with them.
    void applyState(const State &state);

    // Data preparation, each one step on the undo stack once the file is read again with it:
    // a column's type forced (ColumnType) or, with std::nullopt, left to the cells; and the
    // values of a column that keep it from being numeric treated as missing, the column then read
    // as numbers (what the "Treat as missing" button under a warning does).
    void setColumnType(const QString &column, std::optional<ColumnType> type);
    void treatAsMissing(const QString &column, const QStringList &values);
    // The type forced on `column`, if any.
    std::optional<ColumnType> columnType(const QString &column) const;

Q_SIGNALS:
    void loaded(const cmtl::ui::LoadedTablePtr &table);
    void loadingChanged(bool loading);
    void statusMessage(const QString &text);
    void loadFailed(const QString &message, const QString &details);

public Q_SLOTS:
    void cancelLoading();

private:
    void updatePreview();
    void startLoading();
    void setLoading(bool loading);
    // Reading `m_loadingPath` ended: shows it when `succeeded`, else goes back to the file shown.
    void finishLoading(bool succeeded);
    void showFileName();
    // Enables the CSV-only import options (delimiter, header, encoding, separators) when
    // `notApplying` is empty; else disables them with `notApplying` as their tooltip (a database
    // or a statistical file declares its columns, types and encoding).
    void showCsvOptionsApply(const QString &notApplying);
    // Reads the file again with the import options and the column choices, as one undo step
    // called `undoText`.
    void reloadAs(const QString &undoText);
    // A file is shown and none is being read: a column choice can be made (and read) now.
    bool canReload() const;
    // The column list's context menu: the type of the column under the cursor.
    void addColumnTypeActions();
    // Buttons "Treat as missing" for the nearly numeric columns of the file shown.
    void showMissingActions(const std::vector<CsvWarning> &warnings);

    QString m_path;             // the file shown
    QString m_databasePassword; // for a database source: see setDatabasePassword
    QByteArray m_head;          // the first bytes of the file shown, for the preview
    QString m_loadingPath;      // the file being read (m_path for a reload)
    QByteArray m_loadingHead;   // its first bytes
    State m_loadedOptions;      // the import options the shown table was read with
    State m_loadingOptions;     // those of the reading under way
    bool m_loadingForUndo = false;
    QString m_reloadText; // the undo step's name of the reload under way, if not the default
    // The column choices, part of the State (keys kColumnTypes, kColumnMissing): column name ->
    // "numeric" / "categorical", and column name -> the values treated as missing there.
    QVariantMap m_columnTypes;
    QVariantMap m_columnMissing;
    bool m_columnChoicesForNextFile = false; // set by setOptions: a project's choices for its file
    quint64 m_loadGeneration = 0;            // tells a superseded reading's late signals apart
    QUndoStack *m_undoStack = nullptr;
    QWidget *m_optionsBox;
    std::vector<QWidget *> m_csvOnlyOptions; // with their labels
    QLabel *m_fileLabel;
    QLabel *m_readWarnings; // the reader's warnings on the file shown
    QComboBox *m_delimiter;
    QCheckBox *m_header;
    QComboBox *m_encoding;
    QCheckBox *m_decimalComma;
    QComboBox *m_thousands;
    QWidget *m_missingActions; // under the warnings: one "Treat as missing" button per column
    QLineEdit *m_missing;
    QPushButton *m_reload;
    QLabel *m_previewStatus;
    QTableView *m_preview;
    DataTableModel *m_previewModel;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTableView *m_table;
    DataTableModel *m_tableModel;
    QLineEdit *m_search;
    QTableView *m_columns;
    ColumnListModel *m_columnModel;
    QSortFilterProxyModel *m_columnProxy;
    WorkerThread *m_worker;
};

} // namespace cmtl::ui
