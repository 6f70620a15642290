#include "Commands.h"

#include "CliSupport.h"
#include "ExportSql.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "scorecard/ScorecardFile.h"

#ifdef CREDITMTL_HAVE_ONNX
#include "export/OnnxExport.h"
#endif

namespace cmtl {

namespace {

// --onnx: the whole scoring pipeline as one ONNX graph (core/export/OnnxExport.h), checked by the
// ONNX checker before it is written.
void exportOnnxFile(const ModelFileContents &contents, const QString &path, std::ostream &out)
{
#ifdef CREDITMTL_HAVE_ONNX
    const QByteArray bytes = exportOnnx(contents.model);
    writeFileAtomically(str(path), bytes);
    out << "Wrote the ONNX graph (opset " << kOnnxOpset << ", ai.onnx.ml " << kOnnxMlOpset << ") to " << str(path)
        << ": " << contents.model.requiredColumns().size() << " inputs, " << contents.model.tasks().size() << " tasks, "
        << bytes.size() << " bytes\n";
#else
    (void)contents;
    (void)out;
    throw UsageError("--onnx " + str(path) +
                     ": this build of creditmtl-cli has no ONNX support (the ONNX library was not found when it "
                     "was configured); install libonnx-dev, libprotobuf-dev and protobuf-compiler "
                     "(scripts/install-deps.sh) and rebuild");
#endif
}

// --scorecard: the card's points as one SQL query (core/export/SqlExport.h).
int exportScorecard(const QCommandLineParser &parser, std::ostream &out)
{
    if (parser.isSet(QStringLiteral("model")))
        throw UsageError("export: give --model or --scorecard, not both");
    if (parser.isSet(QStringLiteral("onnx")))
        throw UsageError("export: --onnx applies to a model; a scorecard exports as SQL (--sql FILE), and its "
                         "points table is the CSV and JSON of creditmtl-cli scorecard");
    if (!wantsSqlExport(parser))
        throw UsageError("export: nothing to export; give --sql FILE to write the scorecard's query");
    refuseOutputsOverInputs(parser, {"scorecard"}, {"sql"});
    const Scorecard card = loadScorecardFile(str(parser.value(QStringLiteral("scorecard"))));
    exportScorecardSqlFromCommandLine(parser, card, out);
    return 0;
}

} // namespace

int commandExport(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a saved model for scoring outside CreditMTL."));
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("onnx",
                            "Write the model (preprocessing, network and output transforms) as one ONNX graph to "
                            "this file.",
                            "file"));
    parser.addOption(option("scorecard",
                            "Export this points scorecard (JSON from creditmtl-cli scorecard --json) as SQL "
                            "instead of a model: give --sql.",
                            "file"));
    addSqlExportOptions(parser);
    bool help = false;
    parseOrThrow(parser, arguments, "export", out, help);
    if (help)
        return 0;
    if (parser.isSet(QStringLiteral("scorecard")))
        return exportScorecard(parser, out);
    const QString modelPath = required(parser, "model", "export");
    const bool onnx = parser.isSet(QStringLiteral("onnx"));
    if (!onnx && !wantsSqlExport(parser))
        throw UsageError("export: nothing to export; give --onnx FILE or --sql FILE (or both)");
    refuseOutputsOverInputs(parser, {"model"}, {"onnx", "sql"});
    const ModelFileContents contents = loadModelFile(str(modelPath));
    if (onnx)
        exportOnnxFile(contents, parser.value(QStringLiteral("onnx")), out);
    if (wantsSqlExport(parser))
        exportSqlFromCommandLine(parser, contents.model, out);
    return 0;
}

} // namespace cmtl
