#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"

#include "explain/IntegratedGradients.h"

namespace cmtl {

namespace {

// --reasons K: reason codes of a network model's binary tasks (integrated gradients).
constexpr limits::IntegerRange kReasons{"reasons", "predict.reasons", 1, 100};

void addReasonOptions(QCommandLineParser &parser)
{
    parser.addOption(option("reasons",
                            "Add <task>.reason1..K per binary task: the input columns that pushed the row's score "
                            "towards the positive class most (integrated gradients of the log-odds from a baseline "
                            "applicant at the training means with no category, summed over each column's inputs; "
                            "only columns with a positive attribution, largest first).",
                            "k"));
}

// The number of reasons asked for (0 for none), checked against the model.
int reasonCount(const QCommandLineParser &parser, const MultiTaskModel &model)
{
    if (!parser.isSet(QStringLiteral("reasons")))
        return 0;
    const int count = static_cast<int>(integerOption(parser, kReasons));
    bool anyBinary = false;
    for (const TargetEncoding &task : model.tasks())
        anyBinary = anyBinary || task.spec.type == TaskType::Binary;
    if (!anyBinary)
        throw UsageError("predict: --reasons explains binary tasks, and the model has none (its tasks are " + [&] {
            std::string names;
            for (const TargetEncoding &task : model.tasks())
                names += (names.empty() ? "" : ", ") + task.spec.name() + " (" + toString(task.spec.type) + ")";
            return names;
        }() + ")");
    return count;
}

// The predictions CSV with `count` reason columns per binary task after the prediction columns.
QByteArray predictionsWithReasons(const MultiTaskModel &model, const Table &table,
                                  const std::vector<Eigen::MatrixXf> &predictions,
                                  const std::vector<const Column *> &kept, int count, int threads)
{
    const InputMatrix inputs = model.preprocessor().transform(table, threads);
    std::vector<std::string> header;
    for (const Column *column : kept)
        header.push_back(column->name);
    for (const std::string &name : predictionColumnNames(model))
        header.push_back(name);
    std::vector<IntegratedGradients> explained;
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        if (model.tasks()[t].spec.type != TaskType::Binary)
            continue;
        explained.push_back(integratedGradients(model, inputs, t, kIntegratedGradientSteps, threads));
        for (int k = 1; k <= count; ++k)
            header.push_back(model.tasks()[t].spec.name() + ".reason" + std::to_string(k));
    }
    std::string csv;
    const auto appendRow = [&](const std::vector<std::string> &cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0)
                csv += ',';
            csv += csvField(cells[c]);
        }
        csv += '\n';
    };
    appendRow(header);
    for (Eigen::Index row = 0; row < inputs.cols(); ++row) {
        std::vector<std::string> cells;
        for (const Column *column : kept)
            cells.push_back(column->cellText(static_cast<std::size_t>(row)));
        for (std::string &cell : predictionCells(model, predictions, row))
            cells.push_back(std::move(cell));
        for (const IntegratedGradients &attributions : explained) {
            const std::vector<std::size_t> reasons = topReasons(attributions.columns.col(row), count);
            for (int k = 0; k < count; ++k)
                cells.push_back(static_cast<std::size_t>(k) < reasons.size()
                                    ? attributions.columnNames[reasons[static_cast<std::size_t>(k)]]
                                    : std::string());
        }
        appendRow(cells);
    }
    return QByteArray::fromStdString(csv);
}

} // namespace

int commandPredict(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Score a CSV file with a saved model."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "A CSV file with the model's feature columns.", "file"));
    parser.addOption(option("out", "Where to write the predictions CSV.", "file"));
    parser.addOption(option("keep",
                            "A column of --data copied, first and as written, into the predictions, such as an ID "
                            "(repeatable, or a comma-separated list).",
                            "column"));
    addReasonOptions(parser);
    bool help = false;
    parseOrThrow(parser, arguments, "predict", out, help);
    if (help)
        return 0;
    required(parser, "data", "predict");
    const QString outPath = required(parser, "out", "predict");
    required(parser, "model", "predict");
    refuseOutputsOverInputs(parser, {"data", "model"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "predict")));
    const int reasons = reasonCount(parser, contents.model);
    std::vector<std::string> kept;
    for (const QString &given : parser.values(QStringLiteral("keep"))) {
        for (const QString &column : given.split(QLatin1Char(','), Qt::SkipEmptyParts))
            kept.push_back(str(column.trimmed()));
    }
    const Table table = readForModel(parser, contents.model, false, kept);
    std::vector<const Column *> keptColumns;
    for (const std::string &column : kept)
        keptColumns.push_back(&table.column(column));
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));
    TransformNotes notes;
    const std::vector<Eigen::MatrixXf> predictions = contents.model.predict(table, threads, &notes);
    writeFileAtomically(str(outPath), reasons > 0 ? predictionsWithReasons(contents.model, table, predictions,
                                                                           keptColumns, reasons, threads)
                                                  : predictionsToCsv(contents.model, predictions, 0, keptColumns));
    out << "Scored " << table.rowCount() << " rows of " << table.source() << " into " << str(outPath) << '\n';
    for (const std::string &note : notes.messages())
        out << "note: " << note << '\n';
    return 0;
}

} // namespace cmtl
