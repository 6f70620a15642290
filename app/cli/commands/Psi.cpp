#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"
#include "report/ModelStability.h"

namespace cmtl {

int commandPsi(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stability between two data sets: PSI of each task's score and CSI of each input column of a saved model. "
        "Bands are the base data's deciles (numeric) or levels (categorical), with a band for missing values; every "
        "band's count gets 0.5 added on both sides before shares are taken. Below 0.1 stable, 0.1 to 0.25 watch, "
        "above 0.25 shift."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("base",
                            "The base data file (usually the training data), or a database table or query written "
                            "URL#table=NAME or URL#query=SQL (the password as for --db).",
                            "file|source"));
    parser.addOption(option("data", "The new CSV file (e.g. an out-of-time sample).", "file"));
    parser.addOption(option("out", "Write every band of every variable as CSV.", "file"));
    bool help = false;
    parseOrThrow(parser, arguments, "psi", out, help);
    if (help)
        return 0;
    required(parser, "base", "psi");
    required(parser, "data", "psi");
    const QString modelPath = required(parser, "model", "psi");
    refuseOutputsOverInputs(parser, {"base", "data", "model"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(modelPath));
    const MultiTaskModel &model = contents.model;
    const Table base = readForModelFrom("base", parser, model, false);
    const Table actual = readForModel(parser, model, false);
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));
    const std::vector<ModelStabilityIndex> stability = modelStability(model, base, actual, threads);

    out << "Stability of " << actual.source() << " (" << actual.rowCount() << " rows) against " << base.source() << " ("
        << base.rowCount() << " rows):\n";
    ConsoleTable table({"variable", "kind", "index", "verdict", "bands"});
    for (const auto &[kind, index] : stability)
        table.addRow({index.name, kind == ModelStabilityIndex::Kind::Score ? "PSI (score)" : "CSI (feature)",
                      ConsoleTable::number(index.index), toString(index.verdict), std::to_string(index.bands.size())});
    table.print(out);
    out << "Bands: base deciles (numeric) or levels (categorical), plus missing; 0.5 added to every band's count. "
           "< 0.1 stable, 0.1-0.25 watch, > 0.25 shift.\n";

    const QString outPath = parser.value(QStringLiteral("out"));
    if (!outPath.isEmpty()) {
        std::string csv = "variable,kind,band,base_count,new_count,base_share,new_share,contribution,index,verdict\n";
        for (const auto &[kind, index] : stability) {
            for (const StabilityBand &band : index.bands)
                csv += csvField(index.name) + ',' + (kind == ModelStabilityIndex::Kind::Score ? "psi" : "csi") + ',' +
                       csvField(band.label) + ',' + std::to_string(band.baseCount) + ',' +
                       std::to_string(band.actualCount) + ',' + csvNumber(band.baseShare) + ',' +
                       csvNumber(band.actualShare) + ',' + csvNumber(band.contribution) + ',' + csvNumber(index.index) +
                       ',' + toString(index.verdict) + '\n';
        }
        writeFileAtomically(str(outPath), QByteArray::fromStdString(csv));
        out << "Wrote " << str(outPath) << '\n';
    }
    return 0;
}

} // namespace cmtl
