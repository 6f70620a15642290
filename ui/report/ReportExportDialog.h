#pragma once

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cmtl::ui {

class WorkerThread;

// File ▸ Export Report…: the model report of a saved model on a data file (and, optionally, its
// stability against a base file) as one HTML file, and a PDF of it when asked, written by a
// ReportWorker on its own thread with progress and Cancel.
class ReportExportDialog : public QDialog {
    Q_OBJECT

public:
    // The fields start with the given paths (the workbench's model and data files, when known).
    ReportExportDialog(const QString &modelPath, const QString &dataPath, QWidget *parent = nullptr);
    ~ReportExportDialog() override;

    bool isRunning() const;

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void exportFinished(bool succeeded);

private:
    QLineEdit *addPathRow(QFormLayout *form, const QString &label, const QString &accessibleName, const QString &filter,
                          bool save);
    void setRunning(bool running);

    QLineEdit *m_model = nullptr, *m_data = nullptr, *m_base = nullptr, *m_html = nullptr;
    QCheckBox *m_pdf = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_export = nullptr, *m_cancel = nullptr, *m_close = nullptr;
    WorkerThread *m_thread = nullptr;
};

} // namespace cmtl::ui
