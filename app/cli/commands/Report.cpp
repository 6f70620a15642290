#include "Commands.h"

#include "CliSupport.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "report/ModelReport.h"

#include <QDateTime>

namespace cmtl {

namespace {

constexpr limits::IntegerRange kReportRepeats{"repeats", "report.repeats", 1, 1000};

} // namespace

int commandReport(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The model documentation report: one self-contained HTML file (inline CSS and SVG charts, no network "
        "access) with the data summary, configuration, seed, version and model checksum, preprocessing, training "
        "curves, metrics on every part, ROC, KS, gains, lift, calibration, confusion matrices and residuals, "
        "permutation importance, PSI and CSI against --base, and the warnings of the run."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "The evaluated data file, with the model's feature and task columns.", "file"));
    parser.addOption(option("base", "The base data file of PSI and CSI (usually the training data).", "file"));
    parser.addOption(option("out", "The HTML file to write.", "file"));
    parser.addOption(option("comparison",
                            "A comparison written by compare --out-json on the base or evaluated data with the "
                            "model's tasks: the multi-task evidence.",
                            "file"));
    parser.addOption(option("period-column",
                            "A date column of the evaluated data (numbers, or dates as yyyy-MM-dd, yyyy/MM/dd, "
                            "yyyy-MM, MMM-yyyy or MMM yyyy): its earliest and latest value, the period the data "
                            "covers, in the data summary.",
                            "column"));
    parser.addOption(option("repeats", "Shuffles per column of the permutation importance (1 to 1000).", "n", "5"));
    parser.addOption(option("seed", "Seed of the importance's shuffles.", "n", "1"));
    parser.addOption(option(
        "generated", "The time printed in the report (default: now, in UTC); fix it to compare reports.", "text"));
    bool help = false;
    parseOrThrow(parser, arguments, "report", out, help);
    if (help)
        return 0;
    refuseUnexpectedArguments(parser, "report");
    required(parser, "data", "report");
    const QString outPath = required(parser, "out", "report");
    const QString modelPath = required(parser, "model", "report");
    ModelReportInputs inputs;
    inputs.importanceRepeats = static_cast<int>(integerOption(parser, kReportRepeats));
    inputs.importanceSeed = seedValue(parser.value(QStringLiteral("seed")), "seed");
    inputs.threads = static_cast<int>(integerOption(parser, limits::kThreads));
    inputs.generatedAt = parser.isSet(QStringLiteral("generated"))
                             ? str(parser.value(QStringLiteral("generated")))
                             : str(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    refuseOutputsOverInputs(parser, {"data", "base", "model", "comparison"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(modelPath));
    const Table data = readForModel(parser, contents.model, true);
    Table base;
    if (parser.isSet(QStringLiteral("base")))
        base = readForModelFrom("base", parser, contents.model, false);
    inputs.modelPath = str(modelPath);
    inputs.periodColumn = str(parser.value(QStringLiteral("period-column")));
    inputs.model = &contents;
    inputs.data = &data;
    inputs.base = parser.isSet(QStringLiteral("base")) ? &base : nullptr;
    StoredComparison comparison;
    if (parser.isSet(QStringLiteral("comparison"))) {
        inputs.comparisonPath = str(parser.value(QStringLiteral("comparison")));
        comparison = parseComparisonJson(
            readWholeFile(inputs.comparisonPath, std::int64_t{64} << 20, "comparison file"), inputs.comparisonPath);
        inputs.comparison = &comparison;
    }
    const std::string html = modelReportHtml(inputs);
    writeFileAtomically(str(outPath), QByteArray::fromStdString(html));
    out << "Wrote " << str(outPath) << " (" << html.size() << " bytes)\n";
    return 0;
}

} // namespace cmtl
