#include "workers/ScoringWorker.h"

#include "common/Error.h"
#include "csv/CsvReader.h"
#include "metrics/TaskScores.h"
#include "statfile/DataFileReader.h"
#include "train/Experiment.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <unordered_set>

namespace cmtl::ui {

void ScoringWorker::work()
{
    if (!m_params.source)
        throw ConfigError("no model to score with");
    const std::shared_ptr<const MultiTaskModel> model(m_params.source, &m_params.source->result.model);
    const QString name = QFileInfo(m_params.path).fileName();
    // Check the schema on the first lines (a statistical file: its header) before reading the whole
    // file: a missing column is explained by name rather than by the reader's refusal.
    const std::string path = m_params.path.toStdString();
    std::vector<std::string> names;
    if (detectStatFileFormat(path) != StatFileFormat::None) {
        names = statFileColumnNames(path);
    } else {
        QFile file(m_params.path);
        if (!file.open(QIODevice::ReadOnly))
            throw DataError({path, 0, {}}, "cannot open the file: " + file.errorString().toStdString());
        QByteArray head = file.read(64 * 1024);
        if (!file.atEnd() && head.lastIndexOf('\n') > 0)
            head.truncate(head.lastIndexOf('\n') + 1);
        file.close();
        CsvOptions headOptions = m_params.options;
        headOptions.threads = 1;
        // The column choices may name columns this file lacks: they are applied below to those it has.
        headOptions.numericColumns.clear();
        headOptions.categoricalColumns.clear();
        headOptions.columnMissingValues.clear();
        const Table columns = readCsv(std::span<const char>(head.constData(), static_cast<std::size_t>(head.size())),
                                      name.toStdString(), headOptions)
                                  .table;
        for (const Column &column : columns.columns())
            names.push_back(column.name);
    }
    // Looked up once per column of the model and of the options: a set, for files of 100,000 columns.
    const std::unordered_set<std::string> namesInFile(names.begin(), names.end());
    const auto inFile = [&](const std::string &column) { return namesInFile.count(column) > 0; };
    QStringList missing;
    for (const std::string &column : model->requiredColumns()) {
        if (!inFile(column))
            missing << QString::fromStdString(column);
    }
    if (!missing.isEmpty()) {
        Q_EMIT schemaMismatch(missing, m_params.path);
        return;
    }
    // The file is read as the training file was (types forced, values treated as missing, on the
    // columns it has), the model's categorical columns as text, and so are the kept (ID) columns
    // that are not inputs, so that they are copied into the predictions exactly as written.
    CsvOptions options = inheritedOptionsFor(path, m_params.options);
    addColumnMissingValues(options, model->inputMissingValues());
    std::erase_if(options.numericColumns, [&](const std::string &column) { return !inFile(column); });
    std::erase_if(options.categoricalColumns, [&](const std::string &column) { return !inFile(column); });
    std::erase_if(options.columnMissingValues, [&](const auto &entry) { return !inFile(entry.first); });
    // The model's inputs (all in the file: checked above) are numeric unless categorical below, so
    // that a text cell in one is refused at its line with the fix, not read as a text column.
    for (const std::string &column : model->requiredColumns())
        options.numericColumns.push_back(column);
    for (const std::string &column : model->categoricalColumns())
        options.categoricalColumns.push_back(column);
    std::sort(options.categoricalColumns.begin(), options.categoricalColumns.end());
    options.categoricalColumns.erase(std::unique(options.categoricalColumns.begin(), options.categoricalColumns.end()),
                                     options.categoricalColumns.end());
    std::erase_if(options.numericColumns, [&](const std::string &column) {
        return std::binary_search(options.categoricalColumns.begin(), options.categoricalColumns.end(), column);
    });
    DataFileReadResult read = readDataFile(
        path, options, token(), [&](double fraction) { Q_EMIT progress(0.8 * fraction, tr("Reading %1").arg(name)); });
    Q_EMIT progress(0.8, tr("Scoring %1 rows").arg(read.table.rowCount()));
    auto scored = std::make_shared<ScoredTable>();
    scored->path = m_params.path;
    scored->model = model;
    TransformNotes transformNotes;
    scored->predictions = model->predict(read.table, m_params.options.threads, &transformNotes);
    for (const std::string &note : transformNotes.messages())
        scored->notes << QString::fromStdString(note);
    scored->table = std::move(read.table);
    if (m_params.reasons > 0 || m_params.points) {
        Q_EMIT progress(0.85, m_params.reasons > 0 ? tr("Finding the reasons of %1 rows").arg(scored->table.rowCount())
                                                   : tr("Scaling the scores to points"));
        scored->extras = predictionExtraColumns(
            *model, scored->table, scored->predictions, m_params.reasons,
            m_params.points ? std::optional<ScoreScaling>(ScoreScaling{}) : std::nullopt, m_params.options.threads);
        if (isCancelled())
            throw Cancelled();
    }
    // Each task whose column the file holds is evaluated; the others are named.
    std::vector<std::size_t> present;
    for (std::size_t t = 0; t < model->tasks().size(); ++t) {
        const std::string &column = model->tasks()[t].spec.column;
        if (scored->table.indexOf(column) >= 0)
            present.push_back(t);
        else
            scored->tasksNotEvaluated << QString::fromStdString(column);
    }
    if (!present.empty()) {
        Q_EMIT progress(0.9, tr("Evaluating the model on %1").arg(name));
        try {
            // The rows paired with their labels once: the report's metrics and the charts both
            // come from them.
            std::vector<TaskScores> scores;
            for (const std::size_t t : present)
                scores.push_back(pairTaskWithLabels(model->tasks()[t], scored->predictions[t], scored->table));
            EvaluationReport report{"test", scored->table.source(), {}, {}};
            for (const TaskScores &task : scores)
                report.tasks.push_back(evaluateScores(task));
            noteUnseenLabels(report);
            for (const std::string &note : report.notes)
                scored->notes << QString::fromStdString(note);
            scored->evaluation = evaluationRun(*m_params.source, m_params.path, std::move(report), std::move(scores));
            scored->evaluation->evaluatedFile = m_params.path;
        } catch (const std::exception &error) {
            // The predictions stand; only the evaluation is not possible.
            scored->evaluation.reset();
            scored->evaluationProblem = QString::fromStdString(error.what());
        }
    }
    // The model's own training file: its training and validation rows were fitted.
    const RunRecord &source = *m_params.source;
    const QString trainingFile =
        source.evaluatedFile.isEmpty() && source.modelPath.isEmpty() ? source.dataSource : QString();
    if (!trainingFile.isEmpty() && fileFingerprint(trainingFile) == fileFingerprint(m_params.path) &&
        !fileFingerprint(m_params.path).isEmpty()) {
        const std::size_t fitted = source.result.split.train.size() + source.result.split.validation.size();
        scored->trainingOverlap =
            tr("%1 is the file this model was trained on: %2 of its %3 rows were used to fit it, so the metrics "
               "on this file are optimistic. Judge the model on its test part or on another file.")
                .arg(name)
                .arg(fitted)
                .arg(scored->table.rowCount());
        if (scored->evaluation)
            scored->evaluation->result.warnings.push_back(scored->trainingOverlap.toStdString());
    }
    Q_EMIT progress(1.0, tr("Scored %1").arg(name));
    Q_EMIT succeeded(scored);
}

QByteArray ScoringWorker::fileFingerprint(const QString &path)
{
    constexpr qint64 kEnd = 1 << 20;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 size = file.size();
    hash.addData(QByteArray::number(size));
    hash.addData(file.read(kEnd));
    if (size > 2 * kEnd && file.seek(size - kEnd))
        hash.addData(file.read(kEnd));
    else
        hash.addData(file.readAll());
    return hash.result();
}

} // namespace cmtl::ui
