#pragma once

#include "workers/DataLoader.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

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

    // Reads the preview, then the whole file on a worker thread with the current options.
    void openFile(const QString &path);
    bool isLoading() const;
    void stop();
    CsvOptions options() const;
    // Project state: shows `options` in the import fields (used by the next openFile).
    void setOptions(const CsvOptions &options);
    QString currentPath() const { return m_path; }

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

    QString m_path;
    QByteArray m_head; // the first bytes of the file, for the preview
    QLabel *m_fileLabel;
    QComboBox *m_delimiter;
    QCheckBox *m_header;
    QComboBox *m_encoding;
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
