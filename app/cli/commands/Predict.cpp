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
    parser.addOption(option("data", "A CSV file with the model's feature columns.", "file"));
    parser.addOption(option("out", "Where to write the predictions CSV.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "predict", out, help);
    if (help)
        return 0;
    required(parser, "data", "predict");
    const QString outPath = required(parser, "out", "predict");
    required(parser, "model", "predict");
    refuseOutputsOverInputs(parser, {"data", "model"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "predict")));
    const Table table = readForModel(parser, contents.model, false);
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));
    TransformNotes notes;
    const std::vector<Eigen::MatrixXf> predictions = contents.model.predict(table, threads, &notes);
    writeFileAtomically(str(outPath), predictionsToCsv(contents.model, predictions));
    out << "Scored " << table.rowCount() << " rows of " << table.source() << " into " << str(outPath) << '\n';
    for (const std::string &note : notes.messages())
        out << "note: " << note << '\n';
    return 0;
}

} // namespace cmtl
