#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"

namespace cmtl {

int commandPredict(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Score a CSV file with a saved model."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "A data file (CSV, SAS, Stata or SPSS) with the model's feature columns.", "file"));
    parser.addOption(option("out", "Where to write the predictions CSV.", "file"));
    parser.addOption(option("keep",
                            "A column of --data copied, first and as written, into the predictions, such as an ID "
                            "(repeatable, or a comma-separated list).",
                            "column"));
    bool help = false;
    parseOrThrow(parser, arguments, "predict", out, help);
    if (help)
        return 0;
    required(parser, "data", "predict");
    const QString outPath = required(parser, "out", "predict");
    required(parser, "model", "predict");
    refuseOutputsOverInputs(parser, {"data", "model"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "predict")));
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
    writeFileAtomically(str(outPath), predictionsToCsv(contents.model, predictions, 0, keptColumns));
    out << "Scored " << table.rowCount() << " rows of " << table.source() << " into " << str(outPath) << '\n';
    for (const std::string &note : notes.messages())
        out << "note: " << note << '\n';
    return 0;
}

} // namespace cmtl
