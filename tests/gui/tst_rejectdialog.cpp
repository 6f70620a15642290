// Run ▸ Reject Inference: the dialog on the loaded data (the accepts) and a declined applicants'
// file gives the figures `creditmtl-cli reject-inference` prints for the same inputs (fuzzy
// augmentation and parcelling: the inferred bad rate, the held-out AUCs with the paired bootstrap
// interval of their difference, the mean P(bad) of the held-out accepts and of the declined, the
// parcelling bands), saves the card the command writes, stops on Cancel, and shows the engine's
// message for a bad declined file (holding outcomes, missing a feature, empty).

#include "../catalogue/Catalogue.h"
#include "GuiTestSupport.h"
#include "HelpTexts.h"
#include "MainWindow.h"
#include "pages/RejectInferenceDialog.h"
#include "pages/RolesPage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

namespace {

const TaskSpec kClass{"Class", TaskType::Binary, "bad"};

QString arg(const char *text)
{
    return QString::fromLatin1(text);
}

// The figure as the command line prints it (ConsoleTable::number, "%.*f").
QString fixed(double value, int digits)
{
    return QString::asprintf("%.*f", digits, value);
}

QString percent(double share)
{
    return fixed(100 * share, 2) + QLatin1Char('%');
}

double exact(const QStandardItemModel *model, int row, int column, int role = Qt::UserRole)
{
    return model->index(row, column).data(role).toDouble();
}

} // namespace

class TestRejectDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_accepts, m_declined;
    MainWindow *m_window = nullptr;

    // A dialog on the accepts with the task Class = bad, opened as Run ▸ Reject Inference opens it.
    RejectInferenceDialog *openDialog()
    {
        return dialogOpenedBy<RejectInferenceDialog>(m_window, QStringLiteral("rejectInferenceAction"));
    }

    static bool runAndWait(RejectInferenceDialog *dialog)
    {
        QSignalSpy finished(dialog, &RejectInferenceDialog::runFinished);
        if (!dialog->run())
            return false;
        return finished.wait(120000);
    }

    // The dialog's figures against the command line's output for the same inputs.
    void compareWithCli(RejectInferenceDialog *dialog, const QStringList &methodArguments, bool parcelling)
    {
        const QString csv = m_dir.filePath(QStringLiteral("cli_card.csv"));
        const catalogue::CliRun cli =
            catalogue::runCli(QStringList{arg("reject-inference"), arg("--data"), m_accepts, arg("--rejects"),
                                          m_declined, arg("--task"), arg("Class:binary:bad"), arg("--out"), csv} +
                                  methodArguments,
                              120000);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const RejectInferenceRunPtr &result = dialog->result();
        QVERIFY(result);
        const RejectInferenceComparison &comparison = result->comparison;

        const QRegularExpressionMatch inferred =
            QRegularExpression(QStringLiteral("Inferred bad rate of the declined: (\\S+) \\(held-out accepts' "
                                              "observed bad rate (\\S+)\\)"))
                .match(cli.out);
        QVERIFY2(inferred.hasMatch(), qPrintable(cli.out));
        QCOMPARE(percent(comparison.result.inferred.badRate()), inferred.captured(1));
        QCOMPARE(percent(comparison.heldOutBadRate), inferred.captured(2));

        const QStandardItemModel *table = dialog->comparisonModel();
        QCOMPARE(table->rowCount(), 3);
        const QRegularExpressionMatch auc =
            QRegularExpression(QStringLiteral("AUC on (\\d+) held-out accepts\\s+(\\S+)\\s+(\\S+)\\s+(\\S+) \\(95% "
                                              "paired bootstrap (\\S+) to (\\S+)\\)"))
                .match(cli.out);
        QVERIFY2(auc.hasMatch(), qPrintable(cli.out));
        QCOMPARE(QString::number(comparison.labelledHeldOut), auc.captured(1));
        QVERIFY(
            table->index(0, 0).data().toString().contains(QLocale().toString(qulonglong(comparison.labelledHeldOut))));
        QCOMPARE(fixed(exact(table, 0, 1), 4), auc.captured(2));
        QCOMPARE(fixed(exact(table, 0, 2), 4), auc.captured(3));
        QCOMPARE(fixed(exact(table, 0, 3), 4), auc.captured(4));
        QCOMPARE(fixed(exact(table, 0, 4), 4), auc.captured(5));
        QCOMPARE(fixed(exact(table, 0, 4, Qt::UserRole + 1), 4), auc.captured(6));
        const auto checkPercents = [&](int row, const char *measure) {
            const QRegularExpressionMatch match =
                QRegularExpression(QLatin1String(measure) + QStringLiteral("\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\n"))
                    .match(cli.out);
            QVERIFY2(match.hasMatch(), measure);
            for (int column = 1; column <= 3; ++column)
                QCOMPARE(percent(exact(table, row, column)), match.captured(column));
        };
        checkPercents(1, "mean P\\(bad\\) of held-out accepts");
        checkPercents(2, "mean P\\(bad\\) of the declined");

        const QStandardItemModel *bands = dialog->bandsModel();
        if (!parcelling) {
            QCOMPARE(bands->rowCount(), 0);
        } else {
            QVERIFY(bands->rowCount() > 1);
            const QRegularExpression bandLine(
                QStringLiteral("^(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+%)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+%)$"),
                QRegularExpression::MultilineOption);
            int row = 0;
            for (auto it = bandLine.globalMatch(cli.out); it.hasNext(); ++row) {
                const QRegularExpressionMatch band = it.next();
                QVERIFY(row < bands->rowCount());
                QCOMPARE(bands->index(row, 0).data(Qt::UserRole).toString(), band.captured(1));
                if (row > 0)
                    QCOMPARE(fixed(exact(bands, row, 1), 5), band.captured(2));
                if (row + 1 < bands->rowCount())
                    QCOMPARE(fixed(exact(bands, row, 2), 5), band.captured(3));
                QCOMPARE(bands->index(row, 3).data(Qt::UserRole).toString(), band.captured(4));
                QCOMPARE(percent(exact(bands, row, 4)), band.captured(5));
                QCOMPARE(bands->index(row, 5).data(Qt::UserRole).toString(), band.captured(6));
                QCOMPARE(bands->index(row, 6).data(Qt::UserRole).toString(), band.captured(7));
                QCOMPARE(percent(exact(bands, row, 7)), band.captured(8));
            }
            QCOMPARE(row, bands->rowCount());
        }

        // The card with reject inference saves as the command writes it; never over an input.
        const QString saved = m_dir.filePath(QStringLiteral("dialog_card.csv"));
        QVERIFY2(dialog->saveCsv(saved), qPrintable(dialog->message()));
        QFile a(saved), b(csv);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        QVERIFY(!dialog->saveCsv(m_declined));
        QVERIFY(dialog->message().contains(m_declined));
        QVERIFY(!dialog->saveJson(m_accepts));
        QVERIFY(dialog->message().contains(m_accepts));
        // Saved: the dialog closes without asking.
        dialog->close();
        QVERIFY(!dialog->isVisible());
        QVERIFY(!dialog->findChild<QMessageBox *>(QStringLiteral("unsavedResultBox")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        QVERIFY(m_dir.isValid());
        // scripts/reject_inference_split.py's rule: the rows sorted by int_rate (stable), the 80% of
        // lowest rate are the accepts, the rest the declined, without the outcome column Class.
        QFile sample(QStringLiteral(CMTL_SOURCE_DIR "/samples/lending_club.csv"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = sample.readAll().trimmed().split('\n');
        const auto cells = [](const QByteArray &line) {
            QList<QByteArray> row = line.trimmed().split(',');
            for (QByteArray &cell : row)
                cell.replace('"', QByteArray());
            return row;
        };
        const QList<QByteArray> header = cells(lines.takeFirst());
        const auto rate = header.indexOf("int_rate"), outcome = header.indexOf("Class");
        QVERIFY(rate >= 0 && outcome >= 0);
        QList<QList<QByteArray>> rows;
        for (const QByteArray &line : lines)
            rows.push_back(cells(line));
        std::stable_sort(rows.begin(), rows.end(),
                         [&](const auto &x, const auto &y) { return x[rate].toDouble() < y[rate].toDouble(); });
        const qsizetype accepted = rows.size() * 8 / 10;
        QByteArray accepts = header.join(',') + '\n', declined;
        const auto withoutOutcome = [&](QList<QByteArray> row) {
            row.removeAt(outcome);
            return row.join(',') + '\n';
        };
        declined = withoutOutcome(header);
        for (qsizetype i = 0; i < rows.size(); ++i)
            (i < accepted ? accepts : declined) += i < accepted ? rows[i].join(',') + '\n' : withoutOutcome(rows[i]);
        m_accepts = writeFile(m_dir, QStringLiteral("accepts.csv"), accepts);
        m_declined = writeFile(m_dir, QStringLiteral("declined.csv"), declined);
        QVERIFY(!m_accepts.isEmpty() && !m_declined.isEmpty());

        m_window = new MainWindow;
        QVERIFY(openDataAndWait(m_window, m_accepts));
        auto *roles = findNamed<RolesPage>(m_window, QStringLiteral("rolesPage"));
        QVERIFY(roles);
        roles->setTasks({kClass});
    }

    void cleanupTestCase() { delete m_window; }

    void controls()
    {
        RejectInferenceDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *task = findNamed<QComboBox>(dialog, QStringLiteral("rejectTaskCombo"));
        QVERIFY(task);
        QCOMPARE(task->count(), 1);
        QCOMPARE(task->currentText(), QStringLiteral("Class = bad"));
        auto *method = findNamed<QComboBox>(dialog, QStringLiteral("rejectMethodCombo"));
        auto *factor = findNamed<QDoubleSpinBox>(dialog, QStringLiteral("parcelFactorSpin"));
        auto *bands = findNamed<QSpinBox>(dialog, QStringLiteral("parcelBandsSpin"));
        auto *runButton = findNamed<QPushButton>(dialog, QStringLiteral("runRejectInferenceButton"));
        QVERIFY(method && factor && bands && runButton);
        // The parcel factor and bands only for parcelling; Run only with a declined file.
        QCOMPARE(method->currentIndex(), 0);
        QVERIFY(!factor->isEnabled());
        QVERIFY(!bands->isEnabled());
        QVERIFY(!runButton->isEnabled());
        dialog->setMethod(RejectMethod::Parcelling);
        QVERIFY(factor->isEnabled());
        QVERIFY(bands->isEnabled());
        dialog->setRejectsPath(m_declined);
        QVERIFY(runButton->isEnabled());
        // The scaling is the Scorecard dialog's fields, at its defaults.
        auto *basePoints = findNamed<QDoubleSpinBox>(dialog, QStringLiteral("rejectBasePointsSpin"));
        QVERIFY(basePoints);
        QCOMPARE(basePoints->value(), ScoreScaling{}.basePoints);
        QCOMPARE(basePoints->toolTip(), settingHelp(QStringLiteral("scorecardBasePointsSpin")));
        QVERIFY(!basePoints->toolTip().isEmpty());
        QVERIFY(factor->toolTip().contains(QStringLiteral("--parcel-factor")));
        // Every control names itself to a screen reader.
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            const bool inner = qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                               qobject_cast<QComboBox *>(widget->parentWidget());
            if (inner || !widget->focusPolicy() || !widget->isVisibleTo(dialog) || widget->inherits("QScrollBar") ||
                widget->inherits("QAbstractButton") || widget->inherits("QHeaderView") || widget->inherits("QLabel"))
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY2(
                accessible && !accessible->text(QAccessible::Name).isEmpty(),
                qPrintable(widget->objectName() + QLatin1Char(' ') + QLatin1String(widget->metaObject()->className())));
        }
        dialog->close();
    }

    void fuzzyEqualsCli()
    {
        RejectInferenceDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->setRejectsPath(m_declined);
        dialog->setMethod(RejectMethod::FuzzyAugmentation);
        QVERIFY(runAndWait(dialog));
        QVERIFY2(dialog->message().isEmpty(), qPrintable(dialog->message()));
        auto *assumptions = findNamed<QLabel>(dialog, QStringLiteral("rejectAssumptions"));
        QVERIFY(assumptions && assumptions->text().contains(QStringLiteral("missing at random")));
        auto *limitation = findNamed<QLabel>(dialog, QStringLiteral("rejectLimitation"));
        QVERIFY(limitation && limitation->text().contains(QStringLiteral("through-the-door")));
        compareWithCli(dialog, {arg("--method"), arg("fuzzy")}, false);
        dialog->close();
    }

    void parcellingEqualsCli()
    {
        RejectInferenceDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->setRejectsPath(m_declined);
        dialog->setMethod(RejectMethod::Parcelling);
        dialog->setParcelFactor(2);
        QVERIFY(runAndWait(dialog));
        QVERIFY2(dialog->message().isEmpty(), qPrintable(dialog->message()));
        auto *assumptions = findNamed<QLabel>(dialog, QStringLiteral("rejectAssumptions"));
        QVERIFY(assumptions && assumptions->text().contains(QStringLiteral("factor")));
        QVERIFY(findNamed<QWidget>(dialog, QStringLiteral("rejectBandsTable"))->isVisibleTo(dialog));
        compareWithCli(dialog, {arg("--method"), arg("parcel"), arg("--parcel-factor"), arg("2")}, true);
        dialog->close();
    }

    void cancelStops()
    {
        RejectInferenceDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->setRejectsPath(m_declined);
        QSignalSpy finished(dialog, &RejectInferenceDialog::runFinished);
        QVERIFY(dialog->run());
        QVERIFY(dialog->isRunning());
        QVERIFY(findNamed<QPushButton>(dialog, QStringLiteral("cancelRejectInferenceButton"))->isEnabled());
        QTest::mouseClick(findNamed<QPushButton>(dialog, QStringLiteral("cancelRejectInferenceButton")),
                          Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY(!dialog->isRunning());
        QVERIFY(!dialog->result());
        QVERIFY(dialog->message().isEmpty());
        QVERIFY(
            findNamed<QLabel>(dialog, QStringLiteral("rejectStatus"))->text().startsWith(QStringLiteral("Cancelled")));
        QVERIFY(!findNamed<QPushButton>(dialog, QStringLiteral("cancelRejectInferenceButton"))->isEnabled());
        QVERIFY(findNamed<QPushButton>(dialog, QStringLiteral("runRejectInferenceButton"))->isEnabled());
        dialog->close();
    }

    void badDeclinedFileShowsMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("holds outcomes") << QStringLiteral("accepts")
                                        << QStringLiteral("declined applicants have no outcome");
        QTest::newRow("missing a feature") << QStringLiteral("nofeature") << QStringLiteral("has no column");
        QTest::newRow("no rows") << QStringLiteral("empty") << QStringLiteral("the file has no data rows");
    }

    void badDeclinedFileShowsMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QString path = m_accepts;
        if (file == QLatin1String("nofeature")) {
            // The declined without the int_rate column (a feature of the card).
            QFile declined(m_declined);
            QVERIFY(declined.open(QIODevice::ReadOnly));
            QByteArray kept;
            for (const QByteArray &line : declined.readAll().trimmed().split('\n')) {
                QList<QByteArray> row = line.split(',');
                row.removeAt(2);
                kept += row.join(',') + '\n';
            }
            path = writeFile(m_dir, QStringLiteral("nofeature.csv"), kept);
        } else if (file == QLatin1String("empty")) {
            QDir(m_dir.path()).mkpath(QStringLiteral("empty"));
            QFile declined(m_declined);
            QVERIFY(declined.open(QIODevice::ReadOnly));
            path = writeFile(m_dir, QStringLiteral("empty/declined.csv"), declined.readLine());
        }
        RejectInferenceDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->setRejectsPath(path);
        QVERIFY(runAndWait(dialog));
        QVERIFY(!dialog->result());
        QVERIFY2(dialog->message().contains(expected), qPrintable(dialog->message()));
        // The command line refuses it with the same words.
        const catalogue::CliRun cli =
            catalogue::runCli({arg("reject-inference"), arg("--data"), m_accepts, arg("--rejects"), path, arg("--task"),
                               arg("Class:binary:bad"), arg("--out"), m_dir.filePath(QStringLiteral("refused.csv"))},
                              120000);
        QVERIFY(cli.exitCode != 0);
        QVERIFY2(cli.err.contains(expected), qPrintable(cli.err));
        dialog->close();
    }

    // A card that has not been saved is not lost without asking: by the dialog's Close, nor by
    // quitting the workbench.
    void closingWithAnUnsavedCardAsks()
    {
        // The dialog deletes itself once closed: watched through a QPointer.
        QPointer<RejectInferenceDialog> dialog = openDialog();
        QVERIFY(dialog);
        dialog->setRejectsPath(m_declined);
        QVERIFY(runAndWait(dialog));
        QVERIFY(dialog->result());

        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Close));
        buttons->button(QDialogButtonBox::Close)->click();
        QVERIFY(dialog->isVisible());
        QVERIFY(answerUnsavedQuestion(dialog, QMessageBox::Cancel));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->result());

        // Quitting asks in the dialog first and does not quit.
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QVERIFY(dialog->isVisible());
        QVERIFY(answerUnsavedQuestion(dialog, QMessageBox::Cancel));

        // Esc asks too; Discard closes the dialog.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog->isVisible());
        QVERIFY(answerUnsavedQuestion(dialog, QMessageBox::Discard));
        QVERIFY(dialog.isNull() || !dialog->isVisible());
    }
};

QTEST_MAIN(TestRejectDialog)
#include "tst_rejectdialog.moc"
