#pragma once

#include "RunRecord.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cmtl::ui {

class WorkerThread;

// File ▸ Export Model…: writes the current run's model as an ONNX graph or a SQL query
// (SQLite or PostgreSQL, a table name, kept ID columns), on a worker thread with progress, through
// the same engine functions as `creditmtl-cli export`, so the file equals the command line's byte
// for byte. The target may not be one of the files the model came from (its model file, the data
// file); an existing file is replaced only after the user confirms.
class ExportModelDialog : public QDialog {
    Q_OBJECT
public:
    // `inputs`: the files the target may not be (the model file, the data file); empty ones skipped.
    ExportModelDialog(RunPtr run, QStringList inputs, QWidget *parent = nullptr);
    ~ExportModelDialog() override;

    bool isRunning() const;
    // Asked before an existing file is replaced (default: a Yes/No question); for tests.
    void setReplaceConfirmation(std::function<bool(const QString &path)> confirm);
    QString statusText() const;

public Q_SLOTS:
    // Checks the target and starts the export (or says in the status line why not).
    void exportModel();

Q_SIGNALS:
    // After every export attempt that started: `ok` false with the message shown.
    void exportFinished(bool ok, const QString &message);

private:
    void chooseFile();
    void updateControls();
    void showFailure(const QString &message);

    RunPtr m_run;
    QStringList m_inputs;
    std::function<bool(const QString &)> m_confirmReplace;

    QLabel *m_subject;
    QComboBox *m_format;
    QComboBox *m_dialect;
    QLineEdit *m_table;
    QLineEdit *m_keep;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_exportButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    WorkerThread *m_thread;
};

} // namespace cmtl::ui
