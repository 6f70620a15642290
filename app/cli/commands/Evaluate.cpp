#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "io/ModelFile.h"

namespace cmtl {

int commandEvaluate(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluate a saved model on labelled data."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(
        option("data", "A data file (CSV, SAS, Stata or SPSS) with the model's feature and task columns.", "file"));
    parser.addOption(option("metrics-json", "Also write the metrics as JSON.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "evaluate", out, help);
    if (help)
        return 0;
    required(parser, "data", "evaluate");
    required(parser, "model", "evaluate");
    refuseOutputsOverInputs(parser, {"data", "model"}, {"metrics-json"});
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "evaluate")));
    const Table table = readForModel(parser, contents.model, true);
    const EvaluationReport report = evaluateModel(contents.model, table, "evaluated rows");
    printMetricsTable(report, out);
    writeMetricsJson(parser, report);
    return 0;
}

} // namespace cmtl
