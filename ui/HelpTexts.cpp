#include "HelpTexts.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTableWidgetItem>
#include <QWidget>

namespace cmtl::ui {

namespace {

// The translation context of the texts below.
class HelpTexts {
    Q_DECLARE_TR_FUNCTIONS(HelpTexts)
public:
    static QString metric(const QString &metric);
    static QString setting(const QString &name);
    static QString lambda(const QString &task);
    static QString metricsColumn(const QString &column);
    static QString metricName(const QString &name);
    static QString columnRole(const QString &name);
};

QString HelpTexts::metricName(const QString &name)
{
    // Abbreviations (AUC, KS, Gini, Brier, F1, RMSE, MAE, R²) read the same in both languages.
    if (name == QLatin1String("log loss"))
        return tr("log loss");
    if (name == QLatin1String("accuracy"))
        return tr("accuracy");
    if (name == QLatin1String("precision"))
        return tr("precision");
    if (name == QLatin1String("recall"))
        return tr("recall");
    if (name == QLatin1String("macro-F1"))
        return tr("macro-F1");
    if (name == QLatin1String("rows"))
        return tr("rows");
    return name;
}

// The editors the Roles page makes per column, named "<kind>_<column>".
QString HelpTexts::columnRole(const QString &name)
{
    const qsizetype underscore = name.indexOf(QLatin1Char('_'));
    if (underscore < 0)
        return {};
    const QString kind = name.left(underscore);
    const QString column = name.mid(underscore + 1);
    if (kind == QLatin1String("roleCombo"))
        return tr("How %1 is used: as a feature (an input of the model), as a task (a target the model learns to "
                  "predict) or ignored.")
            .arg(column);
    if (kind == QLatin1String("taskTypeCombo"))
        return tr("What kind of target %1 is: binary (two outcomes, such as default or not), multiclass (several "
                  "classes, such as a grade) or regression (a number, such as an interest rate).")
            .arg(column);
    if (kind == QLatin1String("positiveCombo"))
        return tr("The value of %1 that counts as positive: the event the score predicts (a default, a bad loan). "
                  "It defaults to the rarer of the two values.")
            .arg(column);
    return {};
}

QString HelpTexts::metricsColumn(const QString &column)
{
    if (column == QLatin1String("task"))
        return tr("The task (target column) the metric is computed for.");
    if (column == QLatin1String("metric"))
        return tr("The measure; hover over a name for what it means. Metrics at @0.5 count a row as flagged when "
                  "its score is at least 0.5.");
    if (column == QLatin1String("train"))
        return tr("On the rows the model was fitted on: optimistic, since the model has seen them. A large gap to "
                  "the test part means overfitting.");
    if (column == QLatin1String("validation"))
        return tr("On the rows held out to choose the stopping epoch: slightly optimistic, since they chose it.");
    if (column == QLatin1String("test"))
        return tr("On the rows the model never saw (or every row of a separate test file): the figure to report.");
    return {};
}

QString HelpTexts::metric(const QString &metric)
{
    const QString name = metric.section(QLatin1Char('@'), 0, 0);
    if (name == QLatin1String("AUC"))
        return tr("Area under the ROC curve: the chance that a random bad loan scores above a random good one. "
                  "0.5 is a coin toss, 1 a perfect ranking; it does not depend on any threshold.");
    if (name == QLatin1String("KS"))
        return tr("Kolmogorov-Smirnov statistic: the largest gap between the shares of bad and of good loans "
                  "scoring above a cut-off. A common credit-scoring measure of separation; 0 none, 1 complete.");
    if (name == QLatin1String("Gini"))
        return tr("Gini coefficient (accuracy ratio) = 2 × AUC − 1: 0 for a random ranking, 1 for a perfect one.");
    if (name == QLatin1String("log loss"))
        return tr("Mean negative log-likelihood of the outcomes under the predicted probabilities: rewards "
                  "well-calibrated probabilities, punishes confident mistakes. Lower is better.");
    if (name == QLatin1String("Brier"))
        return tr("Brier score: mean squared difference between the predicted probability and the outcome (0 or 1). "
                  "Lower is better; at a 5% default rate, always predicting 5% scores about 0.0475.");
    if (name == QLatin1String("accuracy"))
        return tr("Share of rows classified correctly. At a low default rate it is high even for a model that "
                  "flags nobody: read it with precision and recall.");
    if (name == QLatin1String("precision"))
        return tr("Of the loans flagged as positive (score at or above the threshold), the share that are "
                  "positive. Undefined (—) when nothing is flagged.");
    if (name == QLatin1String("recall"))
        return tr("Of the positive loans, the share flagged (true positive rate). Undefined (—) without positives.");
    if (name == QLatin1String("F1"))
        return tr("Harmonic mean of precision and recall at the threshold: high only when both are.");
    if (name == QLatin1String("macro-F1"))
        return tr("F1 of each class, averaged with equal weight per class: a rare grade counts as much as a common "
                  "one.");
    if (name == QLatin1String("RMSE"))
        return tr("Root mean squared error, in the task's own unit (e.g. interest-rate points): large errors weigh "
                  "more.");
    if (name == QLatin1String("MAE"))
        return tr("Mean absolute error, in the task's own unit: the typical size of an error.");
    if (name == QStringLiteral("R²"))
        return tr("Share of the variance explained: 1 perfect, 0 no better than predicting the mean, below 0 worse.");
    if (name == QLatin1String("rows"))
        return tr("Rows of the part with a known outcome for this task.");
    return {};
}

// What each control does, by its object name: the texts are translated where they are looked up
// (context "HelpTexts"). A page adds its controls' texts here, in one place.
struct ControlHelp {
    const char *objectName;
    const char *text;
};
constexpr ControlHelp kControlHelp[] = {
    {"hiddenLayersEdit",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Sizes of the shared layers, comma-separated, e.g. 128,64: the trunk every task learns "
                       "from. Wider or more layers fit more patterns and overfit sooner.")},
    {"headHiddenSpin",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Units of a hidden layer in each task's own head; none puts the output right on the "
                       "shared trunk.")},
    {"dropoutSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Share of the shared units switched off at random in each training step, against "
                                    "overfitting. 0 turns it off; 0.1–0.3 is usual.")},
    {"learningRateSpin",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Step size of the Adam optimiser. Too large and the loss jumps about; too small and "
                       "training crawls. 0.001 is a sound start.")},
    {"batchSizeSpin",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Rows per gradient step. Larger batches are smoother and faster per epoch, smaller ones "
                       "often generalise better.")},
    {"epochsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Most passes over the training rows; early stopping may end sooner.")},
    {"patienceSpin",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Early stopping: end training when the validation loss has not improved for this many "
                       "epochs, keeping the best epoch's weights. Off trains every epoch.")},
    {"l2Spin", QT_TRANSLATE_NOOP(
                   "HelpTexts", "L2 penalty (weight decay) on the weights: larger values keep them small and the model "
                                "simpler.")},
    {"earlyStopOnEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "What early stopping watches on the validation rows: empty for the objective (all "
                                    "tasks' weighted losses), or one task's metric as TASK:METRIC, METRIC being auc "
                                    "(binary), accuracy (multiclass), rmse (regression) or loss.")},
    {"exportFormatCombo",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "ONNX: the whole scoring pipeline as one graph, for ONNX Runtime and other ONNX engines. SQL: "
                       "one SELECT that scores every row of a table in SQLite or PostgreSQL. Both give predict's "
                       "scores to within 1e-5.")},
    {"exportDialectCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "The database the SQL query is written for: SQLite (3.35 or later) or "
                                    "PostgreSQL (12 or later).")},
    {"exportTableEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "The table (or view) the query reads, holding the model's input columns under "
                                    "their names; default data.")},
    {"exportKeepEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "Columns of the table returned first, as they are, before the predictions: IDs "
                                    "such as loan_id, comma-separated. The rows come in no particular order, so keep "
                                    "an ID.")},
    {"exportPathEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "The file to write. It may not be the model file or the data file; an existing "
                                    "file is replaced only after you confirm.")},
    {"dbDriverCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "Where the data is: a SQLite database file, a PostgreSQL server, or an ODBC data "
                                    "source (any database with an ODBC driver: SQL Server, Oracle, DB2...).")},
    {"dbFileEdit", QT_TRANSLATE_NOOP("HelpTexts", "The SQLite database file. It is opened read-only; a file that does "
                                                  "not exist is refused rather than created.")},
    {"dbHostEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "The PostgreSQL server: its name or address, localhost for this machine, or the "
                                    "folder of its Unix socket (/var/run/postgresql).")},
    {"dbPortSpin", QT_TRANSLATE_NOOP("HelpTexts", "The server's port; PostgreSQL listens on 5432 unless set up "
                                                  "otherwise.")},
    {"dbNameEdit", QT_TRANSLATE_NOOP("HelpTexts", "The name of the database on the server.")},
    {"dbUserEdit", QT_TRANSLATE_NOOP("HelpTexts", "The user to log in as; empty for your login name.")},
    {"dbOdbcEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "A data source name set up in odbc.ini, or a whole connection string without the "
                                    "password (DRIVER={...};SERVER=...;DATABASE=...).")},
    {"dbPasswordEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "The password, if the server asks for one. It is kept in memory only: never in the "
                                    "project, the recent files or the settings, so reopening asks for it again.")},
    {"dbTestButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Connects with these fields and lists the database's tables and views; says what "
                                    "failed and how to fix it otherwise.")},
    {"dbTableRadio", QT_TRANSLATE_NOOP("HelpTexts", "Read every row of the table or view chosen in the list.")},
    {"dbTableList", QT_TRANSLATE_NOOP("HelpTexts", "The database's tables and views (Test Connection lists them). "
                                                   "Choosing one previews its first rows.")},
    {"dbQueryRadio", QT_TRANSLATE_NOOP("HelpTexts", "Read the rows of a SELECT query instead of a whole table.")},
    {"dbQueryEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "A SELECT query whose rows are the data, e.g. with a WHERE clause choosing a "
                                    "period. It runs read-only: a query that writes is refused by the server.")},
    {"dbPreviewButton", QT_TRANSLATE_NOOP("HelpTexts", "Reads the first 20 rows of the table or query, with the "
                                                       "column types Open will give them.")},
    {"dbPreviewTable", QT_TRANSLATE_NOOP("HelpTexts", "The first rows as they will be read: numbers right-aligned, "
                                                      "missing cells (NULL) empty.")},
    {"dbOpenButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Reads all the rows on the Data page, with progress and Cancel, as a file is read. "
                                    "The connection (without the password) is kept in the project and the recent "
                                    "files.")},
    {"wideCheck",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Wide & deep: besides the network, a linear layer from every input straight to each task's "
                       "output, penalised by the L2 penalty. It lets the model keep what a logistic regression "
                       "finds. ONNX and SQL exports write it.")},
    {"refitCheck",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Once early stopping has chosen the number of epochs, train again from the start on the "
                       "training and validation rows together for that many epochs, so that no row is wasted.")},
    {"trainFractionSpin", QT_TRANSLATE_NOOP("HelpTexts", "Share of the rows the model is fitted on.")},
    {"validationFractionSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Share of the rows held out to watch overfitting and for early stopping; not "
                                    "fitted.")},
    {"seedSpin",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Seed of the random split and of the initial weights: the same seed, data and settings give "
                       "the same model.")},
    {"testFileEdit",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "A separate labelled file to test on (an out-of-time sample, say); without one, the rows "
                       "left after the training and validation shares are the test part.")},
    {"maxLevelsSpin",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "A text column becomes one indicator per value; only this many of its most frequent "
                       "values are kept, the rest pooled as \"other\".")},
    {"minLevelCountSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "A value of a text column needs this many training rows to get its own indicator; "
                                    "rarer ones are pooled as \"other\".")},
    {"missingIndicatorsCheck",
     QT_TRANSLATE_NOOP("HelpTexts", "Adds a 0/1 column per numeric feature telling whether the value was missing, "
                                    "so that missingness itself can predict (it often does in credit data).")},
    {"woeModeCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "Which features are replaced by the weight of evidence (WoE) of their bin "
                                    "against a binary task, instead of being scaled or one-hot encoded: none, every "
                                    "feature, or the columns you check. The bins are fitted on the training rows only "
                                    "and saved in the model (the command line's --woe).")},
    {"woeColumnsList",
     QT_TRANSLATE_NOOP("HelpTexts", "The features replaced by their WoE when WoE inputs are Chosen columns: check "
                                    "each one.")},
    {"woeTaskCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "The binary task whose event (a bad loan) the WoE inputs are binned against "
                                    "(--woe-task). Bins grouped by hand on the Binning page for this task are used "
                                    "for their features, recounted on the training rows (--binning).")},
    {"languageCombo", QT_TRANSLATE_NOOP("HelpTexts", "The language of the workbench, from the next start.")},
    {"resetSettingsButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Puts every setting back to its default; Edit ▸ Undo brings your values back.")},
    {"architectureCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "How the tasks share the network: one shared trunk (shared bottom), a mixture of "
                                    "shared experts each task gates (MMoE), shared and task-own experts (PLE), or "
                                    "task-specific attention over the features.")},
    {"expertsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "MMoE and PLE: the number of shared expert networks the tasks mix.")},
    {"taskExpertsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "PLE: the number of experts each task has for itself, beside the shared ones.")},
    {"weightingCombo",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "How the task weights evolve during training; the lambdas multiply them. Fixed keeps "
                       "the lambdas; Uncertainty learns a weight per task from its noise; GradNorm balances the "
                       "tasks' gradient sizes; DWA favours tasks whose loss falls slowly; PCGrad removes the "
                       "conflicting part of the tasks' gradients.")},
    {"gradNormAlphaSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "GradNorm's asymmetry: 0 equalises the tasks' gradient sizes; larger values give "
                                    "more weight to the tasks that train more slowly. 1.5 is the paper's default.")},
    {"dwaTemperatureSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Dynamic weight average's temperature: low values shift weight sharply to the task "
                                    "whose loss falls slowest, high values keep the weights near equal. 2 is usual.")},
    {"taskOrderList",
     QT_TRANSLATE_NOOP(
         "HelpTexts", "The order of the tasks: of the model's heads, and so of its reports, tables and files. Drag a "
                      "task, or use Move up and Move down. The command line takes its order from its --task options.")},
    {"moveTaskUpButton",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Moves the selected task one place up in the task order; Edit ▸ Undo moves it back.")},
    {"moveTaskDownButton",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Moves the selected task one place down in the task order; Edit ▸ Undo moves it back.")},
    {"browseTestButton", QT_TRANSLATE_NOOP("HelpTexts", "Chooses a separate labelled file to test on.")},
    {"delimiterCombo",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "The character between the fields of a line. Detect picks, among comma, semicolon, tab and "
                       "pipe, the one that splits the first lines into the same number of fields most consistently.")},
    {"headerCheck",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Whether the first line names the columns. Without it the columns are called V1, V2, ... and "
                       "the first line is data.")},
    {"encodingCombo",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "How the bytes of the file become text. Detect reads UTF-8 (or UTF-16 with a byte-order mark) "
                       "and, for a file that is not, tells Chinese GB18030 from Western Windows-1252 by its bytes; "
                       "choose an encoding to override it.")},
    // The Scoring page and the Permutation Importance dialog.
    {"scoreButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Scores every row of a data file with the current model; the file needs the "
                                    "columns the model was trained on. A file with the task columns is also "
                                    "evaluated.")},
    {"savePredictionsButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Writes the predictions shown, with the points and reasons asked for, to a CSV "
                                    "file: the same file creditmtl-cli predict writes.")},
    {"pointsCheck",
     QT_TRANSLATE_NOOP("HelpTexts", "Adds <task>.points to each binary task: the score scaled to 600 points at odds "
                                    "of 50 good to 1 bad, 20 points to double the odds (higher is safer), as "
                                    "predict --points.")},
    {"reasonsCheck",
     QT_TRANSLATE_NOOP("HelpTexts", "Adds <task>.reason1..K to each binary task: the input columns that pushed the "
                                    "row's score towards the bad outcome most (integrated gradients from an average "
                                    "applicant), largest first, as predict --reasons K.")},
    {"reasonCountSpin", QT_TRANSLATE_NOOP("HelpTexts", "How many reasons (K) to give per row and binary task.")},
    {"stabilityButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Compares the scored file with the data set loaded on the Data page (normally "
                                    "the training file): PSI of each task's score, CSI of each input column, as "
                                    "creditmtl-cli psi.")},
    {"cancelScoringButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Stops the scoring, saving or comparison under way; what was shown stays.")},
    {"stabilityTable",
     QT_TRANSLATE_NOOP("HelpTexts", "Stability index of each score (PSI) and input column (CSI) between the loaded "
                                    "data and the scored file: below 0.1 stable, 0.1 to 0.25 watch, above 0.25 "
                                    "shift.")},
    {"importanceDataCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "The labelled data the importance is measured on: the loaded data set or the "
                                    "last scored file (better: rows the model was not trained on).")},
    {"importanceRepeatsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "How many times each column is shuffled; the mean drop and its spread (standard "
                                    "deviation, lowest and highest) are over these repeats.")},
    {"importanceSeedSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Seed of the shuffles: the same seed gives the same figures, as creditmtl-cli "
                                    "importance --seed.")},
    {"computeImportanceButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Shuffles each input column in turn and measures how much each task's metric "
                                    "worsens, on a background thread.")},
    {"cancelImportanceButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Stops the computation at the next shuffle; the figures shown stay.")},
    {"importanceTaskCombo", QT_TRANSLATE_NOOP("HelpTexts", "The task whose importances are listed.")},
    {"importanceTable",
     QT_TRANSLATE_NOOP("HelpTexts", "Each input column's drop in the task's metric when it is shuffled: mean over "
                                    "the repeats, standard deviation, lowest and highest. Near 0 or below: the "
                                    "model does not rely on it.")},
    {"taskCombo", QT_TRANSLATE_NOOP("HelpTexts", "The task whose metrics and charts are shown.")},
    {"runsTaskCombo",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "The binary task whose ROC curves of the selected runs are drawn over one another.")},
    {"thresholdSlider",
     QT_TRANSLATE_NOOP(
         "HelpTexts", "The decision threshold: a loan whose score is at or above it is flagged (declined or reviewed). "
                      "Lower, and more bad loans are caught (recall) at the price of more good ones turned away; the "
                      "confusion matrix and the rates below follow it. It does not change AUC, KS or Gini.")},
    {"thresholdSpin",
     QT_TRANSLATE_NOOP(
         "HelpTexts", "The decision threshold: a loan whose score is at or above it is flagged (declined or reviewed). "
                      "Lower, and more bad loans are caught (recall) at the price of more good ones turned away; the "
                      "confusion matrix and the rates below follow it. It does not change AUC, KS or Gini.")},
    {"gainsBandsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "How many score bands the gains table has: 10 gives deciles, 20 ventiles. The "
                                    "rows are ranked by score, riskiest first, and cut into bands of equal size; "
                                    "tied scores stay in one band. The same table as evaluate --gains N.")},
    {"gainsTable",
     QT_TRANSLATE_NOOP("HelpTexts", "The gains table: per score band, riskiest first, its rows, bads and bad rate, "
                                    "the cumulative shares of bads and goods down to it, the KS at its lower edge "
                                    "and its lift. Right-click to copy it or save it as CSV.")},
    {"copyGainsButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Copies the gains table as tab-separated text, ready to paste into a "
                                    "spreadsheet.")},
    {"saveGainsButton", QT_TRANSLATE_NOOP("HelpTexts", "Saves the gains table as a CSV file.")},
    {"cutoffCriterionCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "How the accept/decline cut-off is chosen: the lowest expected cost given the "
                                    "cost of each kind of error, the most approvals within a target approval rate, "
                                    "or the most approvals while the bad rate among them stays within a maximum. An "
                                    "applicant whose score is at or above the cut-off is declined.")},
    {"costBadSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "What approving a loan that goes bad costs, such as the loss given default (a "
                                    "false negative). Only the ratio of the two costs moves the cut-off. The same "
                                    "as evaluate --cost-fn.")},
    {"costGoodSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "What declining a loan that would have been good costs, such as the lost margin "
                                    "(a false positive). The same as evaluate --cost-fp.")},
    {"approvalRateSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "The largest share of applicants to approve (0 to 1); the cut-off approves as "
                                    "many as possible within it. The same as evaluate --target-approval.")},
    {"maxBadRateSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "The highest bad rate acceptable among the approved (0 to 1); the cut-off "
                                    "approves as many as possible within it. The same as evaluate --max-bad-rate.")},
    {"columnSearch", QT_TRANSLATE_NOOP("HelpTexts", "Shows only the columns whose name contains this text.")},
    {"binningTaskCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "The binary task whose event (a bad loan) the bins are grouped by: each feature's "
                                    "bins, WoE and IV measure how well it tells events from non-events.")},
    {"screenFeaturesButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Bins every feature against the task (optimal monotone bins; missing values in "
                                    "a bin of their own) and lists them by information value, strongest first.")},
    {"cancelScreeningButton", QT_TRANSLATE_NOOP("HelpTexts", "Stops the screening; the table keeps what it showed.")},
    {"screeningTable",
     QT_TRANSLATE_NOOP("HelpTexts", "Every feature by information value (IV): its strength band, the AUC and Gini of "
                                    "its WoE alone, its share of missing values and its number of bins. Select one "
                                    "to see and group its bins.")},
    {"binsTable",
     QT_TRANSLATE_NOOP("HelpTexts", "The bins of the selected feature: range or levels, rows, share, events, bad "
                                    "rate, weight of evidence (WoE) and the bin's part of the IV. Select adjacent "
                                    "bins to merge them, or one range bin to split it.")},
    {"mergeBinsButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Joins the selected adjacent bins into one; IV, WoE and the trend follow at once. "
                                    "Edit ▸ Undo brings the bins back.")},
    {"splitBoundaryEdit",
     QT_TRANSLATE_NOOP("HelpTexts", "Where to split the selected range bin: a number inside it. Values up to the "
                                    "boundary go to the lower bin, values above it to the upper.")},
    {"splitBinButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Splits the selected range bin at the typed boundary; Edit ▸ Undo joins it "
                                    "again.")},
    {"resetBinningButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Puts the selected feature's bins back to the optimal binning; Edit ▸ Undo brings "
                                    "your grouping back.")},
    {"buildScorecardButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Fits a points scorecard for the task: a logistic regression on the weight of "
                                    "evidence of every feature's bins (your grouped bins where you grouped them), "
                                    "scaled to points, shown as a points table you can save.")},
    {"scorecardBasePointsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "The score of an applicant at the base odds (600 by default).")},
    {"scorecardBaseOddsSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "The odds of a good loan against a bad one at the base points: 50 means 50 good "
                                    "for every bad (50:1).")},
    {"scorecardPdoSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Points to double the odds (PDO): every this many more points, the odds of a "
                                    "good loan double (20 by default).")},
    {"fitScorecardButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Fits the scorecard again with the scaling above, on a worker thread.")},
    {"pointsTable",
     QT_TRANSLATE_NOOP("HelpTexts", "Every bin of every feature in the scorecard: its weight of evidence, the "
                                    "feature's coefficient and the bin's points (factor × coefficient × WoE). An "
                                    "applicant's score is the intercept's points plus the points of their bins.")},
    {"saveScorecardCsvButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Writes the points table as CSV, the file creditmtl-cli scorecard --out writes.")},
    {"saveScorecardJsonButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Writes the scorecard as JSON, the file creditmtl-cli scorecard --json writes, "
                                    "which predict --scorecard and export --scorecard read.")},
    {"rejectTaskCombo",
     QT_TRANSLATE_NOOP("HelpTexts", "The binary task whose scorecard is fitted on the accepts and refitted with the "
                                    "declined; its positive class is the bad outcome.")},
    {"rejectsPathEdit",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "The declined applicants: a CSV, SAS, Stata or SPSS file with the accepts' feature columns and "
                       "no outcome (the task's column absent or empty), as creditmtl-cli reject-inference --rejects.")},
    {"rejectMethodCombo",
     QT_TRANSLATE_NOOP(
         "HelpTexts",
         "Fuzzy augmentation weights each declined applicant as bad and as good by the accepts-only card's P(bad); "
         "parcelling labels them bad per score band at the accepts' bad rate times the parcel factor.")},
    {"parcelFactorSpin",
     QT_TRANSLATE_NOOP(
         "HelpTexts",
         "Parcelling: the declined applicants' bad rate in a score band is the accepts' times this (1 = alike, above 1 "
         "= the declined are worse: a judgement the data cannot estimate), as --parcel-factor.")},
    {"parcelBandsSpin",
     QT_TRANSLATE_NOOP(
         "HelpTexts",
         "Parcelling: how many score bands the accepts' scores are cut into at their quantiles, as --parcel-bands.")},
    {"rejectWeightSpin",
     QT_TRANSLATE_NOOP(
         "HelpTexts", "Each declined applicant's total weight in the refit (an accept weighs 1), as --reject-weight.")},
    {"rejectHoldoutSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "The share of accepts held out, stratified by outcome, to compare the two cards "
                                    "on; the cards are fitted on the rest, as --holdout.")},
    {"rejectSeedSpin",
     QT_TRANSLATE_NOOP("HelpTexts", "Seed of the held-out split, the parcelling and the bootstrap: the same seed gives "
                                    "the figures of creditmtl-cli reject-inference --seed.")},
    {"runRejectInferenceButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Fits the accepts-only card, infers the declined applicants' outcomes, refits and "
                                    "compares the two cards, on a worker thread.")},
    {"cancelRejectInferenceButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Stops the run; the results shown, if any, stay the previous run's.")},
    {"rejectComparisonTable",
     QT_TRANSLATE_NOOP("HelpTexts",
                       "Both cards on the held-out accepts (AUC, with the 95% paired bootstrap interval of the "
                       "difference) and the mean P(bad) each gives the held-out accepts and the declined.")},
    {"rejectBandsTable", QT_TRANSLATE_NOOP("HelpTexts", "Parcelling: each score band's accepts and their bad rate, the "
                                                        "declined in it and how many of them were labelled bad.")},
    {"saveRejectCardCsvButton",
     QT_TRANSLATE_NOOP(
         "HelpTexts",
         "Writes the card with reject inference as CSV, the file creditmtl-cli reject-inference --out writes.")},
    {"saveRejectCardJsonButton",
     QT_TRANSLATE_NOOP("HelpTexts", "Writes the card with reject inference as JSON, the file creditmtl-cli "
                                    "reject-inference --json writes, which predict --scorecard reads.")},
};

QString HelpTexts::setting(const QString &name)
{
    if (const QString perColumn = columnRole(name); !perColumn.isEmpty())
        return perColumn;
    for (const ControlHelp &entry : kControlHelp) {
        if (name == QLatin1String(entry.objectName))
            return tr(entry.text);
    }
    return {};
}

QString HelpTexts::lambda(const QString &task)
{
    return tr("Lambda of %1: the weight of its loss in the training objective. Twice the lambda of another task, "
              "twice its pull on the shared layers; 0 leaves it out of training.")
        .arg(task);
}

} // namespace

QString settingHelp(const QString &objectName)
{
    return HelpTexts::setting(objectName);
}

QString lambdaHelp(const QString &task)
{
    return HelpTexts::lambda(task);
}

void installHelp(QWidget *root)
{
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const QString text = HelpTexts::setting(widget->objectName());
        if (!text.isEmpty())
            setHelp(widget, text);
    }
}

QString metricDisplayName(const QString &metric)
{
    // "precision@0.5": the name translated, the threshold kept.
    const qsizetype at = metric.indexOf(QLatin1Char('@'));
    if (at < 0)
        return HelpTexts::metricName(metric);
    return HelpTexts::metricName(metric.left(at)) + metric.mid(at);
}

namespace {

// Gives every widget, as it is first polished, the help text of its object name if it has none:
// controls made later (the Roles page's per-column editors) get theirs as well.
class HelpInstaller : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish && watched->isWidgetType())
            installOwnHelp(static_cast<QWidget *>(watched));
        return false;
    }
};

} // namespace

void installOwnHelp(QWidget *widget)
{
    // A page's own tooltip is also its What's This; else the catalogue's text is both.
    if (!widget->whatsThis().isEmpty())
        return;
    const QString text = widget->toolTip().isEmpty() ? HelpTexts::setting(widget->objectName()) : widget->toolTip();
    if (!text.isEmpty())
        setHelp(widget, text);
}

void installHelpOnPolish(QObject *owner)
{
    QCoreApplication::instance()->installEventFilter(new HelpInstaller(owner));
}

QString metricsColumnHelp(const QString &column)
{
    return HelpTexts::metricsColumn(column);
}

QString metricHelp(const QString &metric)
{
    return HelpTexts::metric(metric);
}

void setHelp(QWidget *widget, const QString &text)
{
    widget->setToolTip(text);
    widget->setWhatsThis(text);
}

void setHelp(QTableWidgetItem *item, const QString &text)
{
    item->setToolTip(text);
    item->setWhatsThis(text);
}

} // namespace cmtl::ui
