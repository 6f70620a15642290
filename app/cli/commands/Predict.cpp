#include "Commands.h"

#include "CliSupport.h"
#include "ConsoleTable.h"
#include "data/ColumnCells.h"
#include "io/AtomicFile.h"
#include "io/ModelFile.h"
#include "io/PredictionsCsv.h"

#include "CreditFlags.h"
#include "explain/PredictionExtras.h"
#include "scorecard/ScorecardFile.h"

#include <QRegularExpression>

#include <algorithm>

#include <limits>
#include <optional>

namespace cmtl {

namespace {

// --reasons K: reason codes of a network model's binary tasks (integrated gradients).
constexpr limits::IntegerRange kReasons{"reasons", "predict.reasons", 1, 100};

void addReasonOptions(QCommandLineParser &parser)
{
    parser.addOption(option("reasons",
                            "Add <task>.reason1..K per binary task: with --model, the input columns that pushed the "
                            "row's score towards the positive class most (integrated gradients of the log-odds from "
                            "a baseline applicant at the training means with no category, summed over each column's "
                            "inputs; only columns with a positive attribution, largest first); with --scorecard, "
                            "the features whose points fall furthest below their maximum.",
                            "k"));
}

bool hasBinaryTask(const MultiTaskModel &model)
{
    return std::any_of(model.tasks().begin(), model.tasks().end(),
                       [](const TargetEncoding &task) { return task.spec.type == TaskType::Binary; });
}

// The number of reasons asked for (0 for none), checked against the model.
int reasonCount(const QCommandLineParser &parser, const MultiTaskModel &model)
{
    if (!parser.isSet(QStringLiteral("reasons")))
        return 0;
    const int count = static_cast<int>(integerOption(parser, kReasons));
    if (!hasBinaryTask(model))
        throw UsageError("predict: --reasons explains binary tasks, and the model has none (its tasks are " + [&] {
            std::string names;
            for (const TargetEncoding &task : model.tasks())
                names += (names.empty() ? "" : ", ") + task.spec.name() + " (" + toString(task.spec.type) + ")";
            return names;
        }() + ")");
    return count;
}

} // namespace

// ---- Scorecards and points (predict --scorecard, --points, --reasons for a scorecard) ----
namespace {

void addScorecardOptions(QCommandLineParser &parser)
{
    parser.addOption(option("scorecard",
                            "Score with a scorecard (JSON from creditmtl-cli scorecard --json) instead of a model: "
                            "<task>.points and the <task>.probability they imply.",
                            "file"));
    parser.addOption(option("points", "Add <task>.points, the scaled score, for each binary task of the model."));
    addScalingOptions(parser);
}

CsvColumns keptColumnsOf(const Table &table, const std::vector<std::string> &kept)
{
    CsvColumns columns;
    for (const std::string &name : kept) {
        const Column &column = table.column(name);
        columns.names.push_back(name);
        columns.cells.emplace_back();
        for (std::size_t row = 0; row < table.rowCount(); ++row)
            columns.cells.back().push_back(column.cellText(row));
    }
    return columns;
}

// The scaling of --points, checked before anything is read; a scaling option without --points is
// refused rather than ignored.
std::optional<ScoreScaling> pointsScalingOf(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("points")))
        return scalingOptions(parser);
    for (const char *scaling : {"base-points", "base-odds", "pdo"}) {
        if (parser.isSet(QString::fromLatin1(scaling)))
            throw UsageError(std::string("predict: --") + scaling + " scales the points of --points; add --points");
    }
    return std::nullopt;
}

// ---- predict --db ... --out-table: the predictions written back to the database ----
// The predictions file's columns as a table: a column whose every cell is a number (or empty) is
// written as numbers, from the text (not through float32: IDs stay exact); any other as text.
std::vector<OutputColumn> predictionsAsColumns(const QByteArray &csv)
{
    CsvOptions asText;
    asText.threads = 1;
    asText.missingTokens.clear(); // every cell as written: only the empty one is missing
    const Table header = readCsv(std::span<const char>(csv.constData(), csv.indexOf('\n') + 1), "predictions").table;
    for (const Column &column : header.columns())
        asText.categoricalColumns.push_back(column.name);
    const Table cells =
        readCsv(std::span<const char>(csv.constData(), static_cast<std::size_t>(csv.size())), "predictions", asText)
            .table;
    std::vector<OutputColumn> columns;
    for (const Column &column : cells.columns()) {
        OutputColumn output{column.name, true, {}, {}};
        std::vector<double> levelValues;
        for (const std::string &level : column.levels) {
            const std::optional<double> number = parseNumberCell(level);
            output.numeric = output.numeric && number.has_value();
            levelValues.push_back(number.value_or(0));
        }
        for (const std::int32_t code : column.codes) {
            if (output.numeric)
                output.numbers.push_back(code == Column::kMissingCode ? std::numeric_limits<double>::quiet_NaN()
                                                                      : levelValues[static_cast<std::size_t>(code)]);
            else
                output.texts.push_back(code == Column::kMissingCode ? std::string()
                                                                    : column.levels[static_cast<std::size_t>(code)]);
        }
        columns.push_back(std::move(output));
    }
    return columns;
}

// Checks --out-table and --replace-table; the table name, or "" when the predictions go to --out.
QString outputTable(const QCommandLineParser &parser)
{
    const QString table = parser.value(QStringLiteral("out-table"));
    if (parser.isSet(QStringLiteral("replace-table")) && table.isEmpty())
        throw UsageError("predict: --replace-table applies to --out-table");
    if (!table.isEmpty() && !databaseOutput(parser, "predict"))
        throw UsageError("predict: --out-table writes to the database of --db: give --db URL (with --table or "
                         "--query for the rows to score)");
    if (table.isEmpty() && !parser.isSet(QStringLiteral("out")))
        required(parser, "out", "predict");
    if (!table.isEmpty()) {
        // No output overwrites an input: the table read, or a table the query names.
        const DatabaseSource &source = *databaseOutput(parser, "predict");
        const QRegularExpression named(QStringLiteral("\\b") + QRegularExpression::escape(table) +
                                           QStringLiteral("\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
        if (str(table) == source.table || QString::fromStdString(source.query).contains(named))
            throw UsageError("predict: --out-table " + str(table) + " is the table the data are read from (" +
                             source.describe() + "); write the predictions to another table");
    }
    return table;
}

// Writes the predictions to --out-table (a table of --db's database) and/or --out (a CSV file):
// the table first, since it may be refused (it exists), and then nothing is written.
void writePredictions(const QCommandLineParser &parser, const QByteArray &csv, const Table &table, std::ostream &out)
{
    const QString outTable = outputTable(parser);
    if (!outTable.isEmpty()) {
        const DatabaseSource &database = *databaseOutput(parser, "predict");
        writeDatabaseTable(database.connection, database.password, str(outTable), predictionsAsColumns(csv),
                           parser.isSet(QStringLiteral("replace-table")));
        out << "Scored " << table.rowCount() << " rows of " << table.source() << " into table " << str(outTable)
            << " of " << database.connection.url() << '\n';
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    if (!outPath.isEmpty()) {
        writeFileAtomically(str(outPath), csv);
        out << "Scored " << table.rowCount() << " rows of " << table.source() << " into " << str(outPath) << '\n';
    }
}

// predict --scorecard: the kept columns, `<task>.points`, `<task>.probability` and, with
// --reasons K, `<task>.reason1..K`.
int predictWithScorecard(const QCommandLineParser &parser, const std::vector<std::string> &kept, std::ostream &out)
{
    if (parser.isSet(QStringLiteral("model")))
        throw UsageError("predict: give --model or --scorecard, not both");
    for (const char *scaling : {"points", "base-points", "base-odds", "pdo"}) {
        if (parser.isSet(QString::fromLatin1(scaling)))
            throw UsageError(std::string("predict: --") + scaling +
                             " does not apply to --scorecard (the card's own scaling gives its points)");
    }
    outputTable(parser);
    refuseOutputsOverInputs(parser, {"data", "scorecard"}, {"out"});
    const Scorecard card = loadScorecardFile(str(parser.value(QStringLiteral("scorecard"))));
    const int reasons = parser.isSet(QStringLiteral("reasons")) ? int(integerOption(parser, kReasons)) : 0;

    CsvOptions options = csvOptions(parser);
    std::vector<std::string> categorical = card.categoricalColumns();
    for (const ScorecardFeature &feature : card.features) {
        if (!feature.binning.categorical)
            options.numericColumns.push_back(feature.binning.feature);
    }
    for (const std::string &column : kept) {
        if (std::find(options.numericColumns.begin(), options.numericColumns.end(), column) ==
            options.numericColumns.end())
            categorical.push_back(column); // an ID is copied as written
    }
    const Table table = readTable(parser.value(QStringLiteral("data")), options, categorical).table;
    const ScorecardScores scores = scoreTable(card, table);

    CsvColumns columns = keptColumnsOf(table, kept);
    columns.names.push_back(card.taskColumn + ".points");
    columns.names.push_back(card.taskColumn + ".probability");
    columns.cells.resize(columns.names.size());
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        columns.cells[columns.names.size() - 2].push_back(exactText(scores.points[row]));
        columns.cells[columns.names.size() - 1].push_back(exactText(scores.eventProbability[row]));
    }
    if (reasons > 0) {
        const std::vector<std::vector<std::string>> codes = reasonCodes(card, scores, reasons);
        for (int r = 0; r < reasons; ++r) {
            columns.names.push_back(card.taskColumn + ".reason" + std::to_string(r + 1));
            columns.cells.emplace_back();
            for (std::size_t row = 0; row < table.rowCount(); ++row)
                columns.cells.back().push_back(codes[row][static_cast<std::size_t>(r)]);
        }
    }
    out << "Scorecard for " << card.taskColumn << ":\n";
    writePredictions(parser, appendCsvColumns({}, columns), table, out);
    return 0;
}

} // namespace
// ---- end of scorecards and points ----

int commandPredict(const QStringList &arguments, std::ostream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Score a CSV file with a saved model."));
    addCsvOptions(parser);
    parser.addOption(option("model", "The model file.", "file"));
    parser.addOption(option("data", "A data file (CSV, SAS, Stata or SPSS) with the model's feature columns.", "file"));
    parser.addOption(option("out", "Where to write the predictions CSV.", "file"));
    parser.addOption(option("out-table",
                            "With --db: write the predictions to this new table of the database (in one "
                            "transaction), instead of or as well as --out.",
                            "name"));
    parser.addOption(option("replace-table", "With --out-table: replace the table if it exists."));
    parser.addOption(option("keep",
                            "A column of --data copied, first and as written, into the predictions, such as an ID "
                            "(repeatable, or a comma-separated list).",
                            "column"));
    addScorecardOptions(parser);
    addReasonOptions(parser);
    bool help = false;
    parseOrThrow(parser, arguments, "predict", out, help);
    if (help)
        return 0;
    required(parser, "data", "predict");
    std::vector<std::string> kept;
    for (const QString &given : parser.values(QStringLiteral("keep"))) {
        for (const QString &column : given.split(QLatin1Char(','), Qt::SkipEmptyParts))
            kept.push_back(str(column.trimmed()));
    }
    if (parser.isSet(QStringLiteral("scorecard")))
        return predictWithScorecard(parser, kept, out);
    const std::optional<ScoreScaling> pointsScaling = pointsScalingOf(parser);
    outputTable(parser);
    required(parser, "model", "predict");
    refuseOutputsOverInputs(parser, {"data", "model"}, {"out"});
    const ModelFileContents contents = loadModelFile(str(required(parser, "model", "predict")));
    const int reasons = reasonCount(parser, contents.model);
    const Table table = readForModel(parser, contents.model, false, kept);
    std::vector<const Column *> keptColumns;
    for (const std::string &column : kept)
        keptColumns.push_back(&table.column(column));
    const int threads = static_cast<int>(integerOption(parser, limits::kThreads));
    TransformNotes notes;
    const std::vector<Eigen::MatrixXf> predictions = contents.model.predict(table, threads, &notes);
    if (pointsScaling && !hasBinaryTask(contents.model))
        throw UsageError("--points scores binary tasks, and the model has none");
    // The reason and points columns as the workbench's predictions table shows them.
    const QByteArray csv =
        appendCsvColumns(predictionsToCsv(contents.model, predictions, 0, keptColumns),
                         predictionExtraColumns(contents.model, table, predictions, reasons, pointsScaling, threads));
    writePredictions(parser, csv, table, out);
    for (const std::string &note : notes.messages())
        out << "note: " << note << '\n';
    return 0;
}

} // namespace cmtl
