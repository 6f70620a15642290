#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "common/Error.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"
#include "metrics/Stability.h"

namespace cmtl {

namespace {

// The scores a model gives a table, one named variable per score: a binary task's P(positive),
// each class probability of a multiclass task, a regression task's prediction.
std::vector<std::pair<std::string, std::vector<float>>> modelScores(const MultiTaskModel &model, const Table &table,
                                                                    int threads)
{
    const std::vector<Eigen::MatrixXf> predictions = model.predict(table, threads);
    std::vector<std::pair<std::string, std::vector<float>>> scores;
    for (std::size_t t = 0; t < model.tasks().size(); ++t) {
        const TargetEncoding &task = model.tasks()[t];
        const Eigen::MatrixXf &output = predictions[t];
        for (Eigen::Index row = 0; row < output.rows(); ++row) {
            std::string name = task.spec.name();
            if (task.spec.type == TaskType::Multiclass)
                name += "[" + task.classes.at(static_cast<std::size_t>(row)) + "]";
            const Eigen::VectorXf values = output.row(row).transpose();
            scores.emplace_back(name, std::vector<float>(values.data(), values.data() + values.size()));
        }
    }
    return scores;
}

} // namespace

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
    parser.addOption(option("base", "The base CSV file (usually the training data).", "file"));
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
    for (const Table *table : {&base, &actual}) {
        if (table->rowCount() == 0)
            throw DataError({table->source(), 1, {}}, "the file has no data rows, so there is no distribution to "
                                                      "compare; give a file with rows under its header");
    }
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));

    std::vector<std::pair<std::string, StabilityIndex>> results; // kind, index
    const auto baseScores = modelScores(model, base, threads);
    const auto actualScores = modelScores(model, actual, threads);
    for (std::size_t k = 0; k < baseScores.size(); ++k)
        results.emplace_back("score",
                             numericStability(baseScores[k].first, baseScores[k].second, actualScores[k].second));
    for (const std::string &name : model.requiredColumns()) {
        const Column &baseColumn = base.column(name);
        const Column &actualColumn = actual.column(name);
        if (baseColumn.type != actualColumn.type)
            throw DataError({actual.source(), 1, name}, "column \"" + name + "\" is " + toString(actualColumn.type) +
                                                            " here but " + toString(baseColumn.type) + " in " +
                                                            base.source() + "; read both the same way (--column-type)");
        if (baseColumn.type == ColumnType::Numeric)
            results.emplace_back("feature", numericStability(name, baseColumn.values, actualColumn.values));
        else
            results.emplace_back("feature", categoricalStability(baseColumn, actualColumn));
    }

    out << "Stability of " << actual.source() << " (" << actual.rowCount() << " rows) against " << base.source() << " ("
        << base.rowCount() << " rows):\n";
    ConsoleTable table({"variable", "kind", "index", "verdict", "bands"});
    for (const auto &[kind, index] : results)
        table.addRow({index.name, kind == "score" ? "PSI (score)" : "CSI (feature)", ConsoleTable::number(index.index),
                      toString(index.verdict), std::to_string(index.bands.size())});
    table.print(out);
    out << "Bands: base deciles (numeric) or levels (categorical), plus missing; 0.5 added to every band's count. "
           "< 0.1 stable, 0.1-0.25 watch, > 0.25 shift.\n";

    const QString outPath = parser.value(QStringLiteral("out"));
    if (!outPath.isEmpty()) {
        std::string csv = "variable,kind,band,base_count,new_count,base_share,new_share,contribution,index,verdict\n";
        for (const auto &[kind, index] : results) {
            for (const StabilityBand &band : index.bands)
                csv += csvField(index.name) + ',' + (kind == "score" ? "psi" : "csi") + ',' + csvField(band.label) +
                       ',' + std::to_string(band.baseCount) + ',' + std::to_string(band.actualCount) + ',' +
                       csvNumber(band.baseShare) + ',' + csvNumber(band.actualShare) + ',' +
                       csvNumber(band.contribution) + ',' + csvNumber(index.index) + ',' + toString(index.verdict) +
                       '\n';
        }
        writeFileAtomically(str(outPath), QByteArray::fromStdString(csv));
        out << "Wrote " << str(outPath) << '\n';
    }
    return 0;
}

} // namespace cmtl
