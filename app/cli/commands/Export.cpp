#include "Commands.h"

#include "CliSupport.h"
#include "ExportSql.h"
#include "io/ModelFile.h"

namespace cmtl {

int commandExport(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a saved model for scoring outside CreditMTL."));
    parser.addOption(option("model", "The model file.", "file"));
    addSqlExportOptions(parser);
    bool help = false;
    parseOrThrow(parser, arguments, "export", out, help);
    if (help)
        return 0;
    required(parser, "model", "export");
    if (!wantsSqlExport(parser))
        throw UsageError("export: say what to write: --sql FILE");
    refuseOutputsOverInputs(parser, {"model"}, {"sql"});
    const ModelFileContents contents = loadModelFile(str(parser.value(QStringLiteral("model"))));
    exportSqlFromCommandLine(parser, contents.model, out);
    return 0;
}

} // namespace cmtl
