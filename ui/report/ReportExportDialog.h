#pragma once

#include <QDialog>

#include <memory>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTemporaryDir;

#include "report/ComparisonJson.h"

#include <optional>

namespace cmtl {
class MultiTaskModel;
struct ModelFileContents;
} // namespace cmtl

namespace cmtl::ui {

class WorkerThread;
struct ComparisonRecord;
struct LoadedTable;

// The latest of `comparisons` made on the loaded data file `data` for exactly the model's tasks,
// as `compare --out-json` would have stored it (the file's SHA-256 left for the report to
// take); nullopt when there is none. `description` receives which one it is ("Compare Methods
// of <time>").
std::optional<StoredComparison> comparisonForReport(const std::vector<ComparisonRecord> &comparisons,
                                                    const MultiTaskModel &model, const LoadedTable &data,
                                                    QString *description);

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

    // A model of the workbench that has no file yet (a run not saved): saved into a temporary
    // folder that lives as long as the dialog, and that file is the Model field's path, so that
    // the report (which names its model file and gives its SHA-256) is the one `creditmtl-cli
    // report` writes for that file. A note under the field says so. False, with the reason in
    // the status line, when it could not be written.
    bool offerUnsavedModel(const QString &runName, const ModelFileContents &contents);

    // The Evaluated data field holds the file the run was trained on (no held-out file was
    // given): a note under it says its metrics there are optimistic, while the field keeps it.
    void noteTrainingData(const QString &runName);

    // The project's comparison (Run ▸ Compare Methods) made for the model's tasks on its data:
    // a check box, on, includes it as the report's multi-task evidence. `description` says which.
    void offerComparison(const StoredComparison &comparison, const QString &description);

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
    QCheckBox *m_comparisonBox = nullptr; // shown when a comparison is offered
    std::optional<StoredComparison> m_comparison;
    QString m_comparisonName;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_modelNote = nullptr; // shown when the model is a temporary copy of an unsaved run
    QLabel *m_dataNote = nullptr;  // shown while the evaluated data is the run's training file
    QString m_trainingDataPath;
    std::unique_ptr<QTemporaryDir> m_temporary;
    QPushButton *m_export = nullptr, *m_cancel = nullptr, *m_close = nullptr;
    WorkerThread *m_thread = nullptr;
};

} // namespace cmtl::ui
