#pragma once

// Statistical files for the tests, written by an independent writer: R's haven (Debian:
// r-cran-haven), which writes through its own copy of ReadStat's writers. A sample of
// samples/lending_club.csv with missing cells is written as CSV; R reads that CSV and writes it
// as sas7bdat, XPORT (version 8), Stata and SPSS files with
// - a variable label on funded_amnt;
// - the missing revol_util cells as special missing values: .A/.B (SAS, upper case as XPORT
//   requires), .a/.b (Stata), and in SPSS the user-defined missing values 999 and 998.5 (the range
//   998 to 999, 999 also labelled "Refused");
// - grade as value labels 1 = "A" ... 7 = "G" in Stata and SPSS (SAS keeps value labels in a
//   separate format catalog, which haven does not write: there grade stays text);
// - a date column issue_d (2015-01-01 plus the row number) that the CSV does not have.
// Besides, partly_labelled.sav: 101 rows whose "code" has value labels 1 = "A" and 2 = "B" and the
// unlabelled value 3 on its last row only (a numeric column, which a rank reading only the first
// rows must not take for a coded one).
// The tests read each file back and compare it cell by cell with the CSV read by the CSV reader.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace cmtl::testing {

// The sample's rows: the first kSampleRows of samples/lending_club.csv.
inline constexpr int kSampleRows = 400;
// The date of the sample's first row, 2015-01-01, in days since 1960-01-01 (SAS and Stata) and
// since 1582-10-14 (SPSS counts seconds from there).
inline constexpr double kFirstDateSince1960 = 20089;
inline constexpr double kFirstDateSince1582 = 157864;

inline const char *kWriteStatFilesR = R"R(
suppressPackageStartupMessages(library(haven))
d <- read.csv("sample.csv", stringsAsFactors = FALSE, na.strings = "NA")
d$issue_d <- as.Date("2015-01-01") + seq_len(nrow(d)) - 1
attr(d$funded_amnt, "label") <- "Funded amount"
tagged <- function(x, tags) {
  k <- which(is.na(x))
  x[k] <- tagged_na(rep(tags, length.out = length(k)))
  x
}
grades <- c(A = 1, B = 2, C = 3, D = 4, E = 5, F = 6, G = 7)
sas <- d
sas$revol_util <- tagged(sas$revol_util, c("A", "B"))
write_sas(sas, "sample.sas7bdat")
write_xpt(sas, "sample.xpt", version = 8)
stata <- d
stata$revol_util <- tagged(stata$revol_util, c("a", "b"))
stata$grade <- labelled(unname(grades[d$grade]), grades)
write_dta(stata, "sample.dta")
spss <- d
r <- spss$revol_util
k <- which(is.na(r))
r[k] <- rep(c(999, 998.5), length.out = length(k))
spss$revol_util <- labelled_spss(r, c(Refused = 999), na_range = c(998, 999))
spss$grade <- labelled_spss(unname(grades[d$grade]), grades)
write_sav(spss, "sample.sav")
partly <- data.frame(code = c(rep(c(1, 2), 50), 3), amount = seq_len(101) / 4)
partly$code <- labelled_spss(partly$code, c(A = 1, B = 2))
write_sav(partly, "partly_labelled.sav")
)R";

// The sample CSV: kSampleRows rows of lending_club.csv's funded_amnt, int_rate, grade,
// annual_inc, emp_length, revol_util and Class, revol_util missing ("NA") on every 9th row and
// emp_length on every 13th.
inline QByteArray sampleCsv()
{
    QFile source(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
    if (!source.open(QIODevice::ReadOnly))
        qFatal("cannot read samples/lending_club.csv");
    const QList<QByteArray> header = source.readLine().trimmed().split(',');
    const QList<QByteArray> wanted = {"\"funded_amnt\"", "\"int_rate\"",   "\"grade\"", "\"annual_inc\"",
                                      "\"emp_length\"",  "\"revol_util\"", "\"Class\""};
    QList<int> positions;
    for (const QByteArray &name : wanted)
        positions << static_cast<int>(header.indexOf(name));
    QByteArray csv = wanted.join(',') + '\n';
    for (int row = 0; row < kSampleRows; ++row) {
        const QList<QByteArray> cells = source.readLine().trimmed().split(',');
        QList<QByteArray> kept;
        for (int i = 0; i < positions.size(); ++i) {
            QByteArray cell = cells.value(positions[i]);
            if ((wanted[i] == "\"revol_util\"" && row % 9 == 4) || (wanted[i] == "\"emp_length\"" && row % 13 == 6))
                cell = "NA";
            kept << cell;
        }
        csv += kept.join(',') + '\n';
    }
    return csv;
}

// Writes sample.csv and, through Rscript and haven, sample.sas7bdat, sample.xpt, sample.dta,
// sample.sav and partly_labelled.sav into `directory`. Returns "" on success, else why it could not (R or haven absent:
// the caller skips; R failing: the caller fails).
inline QString writeStatFixtures(const QString &directory, bool &toolsAbsent)
{
    toolsAbsent = false;
    QFile csv(QDir(directory).filePath(QStringLiteral("sample.csv")));
    if (!csv.open(QIODevice::WriteOnly) || csv.write(sampleCsv()) < 0)
        return QStringLiteral("cannot write sample.csv");
    csv.close();
    const QString rscript = QStandardPaths::findExecutable(QStringLiteral("Rscript"));
    if (rscript.isEmpty()) {
        toolsAbsent = true;
        return QStringLiteral("Rscript not found (install r-base-core and r-cran-haven: scripts/install-deps.sh)");
    }
    QProcess r;
    r.setWorkingDirectory(directory);
    r.start(rscript, {QStringLiteral("-e"), QString::fromUtf8(kWriteStatFilesR)});
    if (!r.waitForFinished(60000)) {
        r.kill();
        r.waitForFinished();
        return QStringLiteral("Rscript did not finish within 60 s");
    }
    const QString errors = QString::fromLocal8Bit(r.readAllStandardError());
    if (r.exitStatus() != QProcess::NormalExit || r.exitCode() != 0) {
        if (errors.contains(QLatin1String("there is no package called")))
            toolsAbsent = true;
        return QStringLiteral("Rscript failed: ") + errors;
    }
    return {};
}

} // namespace cmtl::testing
