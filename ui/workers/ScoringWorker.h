#pragma once

#include "RunRecord.h"
#include "csv/CsvReader.h"
#include "explain/PredictionExtras.h"
#include "io/ModelFile.h"
#include "workers/Worker.h"

#include <QMetaType>
#include <QStringList>

#include <memory>

namespace cmtl::ui {

// New data scored by a model: the table read for it and one prediction matrix per task. When the
// file also holds every task's column (a hold-out or out-of-time sample with its outcomes), the
// model is evaluated on it as on a test part: report, per-row scores and charts.
struct ScoredTable {
    QString path;
    std::shared_ptr<const MultiTaskModel> model;
    Table table;
    std::vector<Eigen::MatrixXf> predictions;
    // The binary tasks' reason and points columns asked for (predictionExtraColumns), shown and
    // saved after the prediction columns; empty when none were asked for.
    CsvColumns extras;
    // Not const: the workspace gives it its id when it adds it (on the UI thread, which does
    // nothing else with it: the scores and charts of a million rows are not copied there).
    std::shared_ptr<RunRecord> evaluation;
    // Why a file with the task columns could not be evaluated (e.g. text in a regression target).
    QString evaluationProblem;
    // The tasks whose column the file lacks: not evaluated (the others are).
    QStringList tasksNotEvaluated;
    // Set when the file is the one the model was trained on: most of its rows were fitted, so
    // the metrics on it are optimistic. Says so in a sentence; empty otherwise.
    QString trainingOverlap;
    // What the user should know about the scores (the engine's English sentences): inputs clipped
    // to their training range, labels left out of the evaluation as none of a task's classes.
    QStringList notes;
};
using ScoredTablePtr = std::shared_ptr<const ScoredTable>;

// Reads a CSV file for a model (its text columns read as text), checks that every column the
// model needs is there, and scores every row; evaluates the tasks whose columns the file holds,
// and warns when the file is the model's own training data (same fingerprint).
class ScoringWorker : public Worker {
    Q_OBJECT
public:
    struct Params {
        QString path;
        RunPtr source; // the run whose model scores
        CsvOptions options;
        // Reason codes per binary task (0: none) and points at the default scaling (600 points
        // at odds of 50:1, 20 points to double the odds: predict --points' defaults).
        int reasons = 0;
        bool points = false;
    };
    explicit ScoringWorker(Params params) : m_params(std::move(params)) {}

    // Size and SHA-256 of a file's first and last MiB (the whole file when smaller): the same for
    // the same content, read in milliseconds whatever the size. Empty when it cannot be read.
    static QByteArray fileFingerprint(const QString &path);

Q_SIGNALS:
    void succeeded(const cmtl::ui::ScoredTablePtr &scored);
    // The file lacks columns the model needs (listed); nothing was scored.
    void schemaMismatch(const QStringList &missingColumns, const QString &path);

protected:
    void work() override;

private:
    Params m_params;
};

} // namespace cmtl::ui

Q_DECLARE_METATYPE(cmtl::ui::ScoredTablePtr)
