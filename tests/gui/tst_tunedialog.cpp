// The workbench's Tune action: Run ▸ Tune Settings opens the dialog on the sample, a short search
// fills the trials table as it goes, "Use best configuration" puts the best trial on the Settings
// page as one undo step, Edit ▸ Undo restores the settings, and Cancel stops a search promptly.
#include "AppSupport.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ResourcesInit.h"
#include "Workspace.h"
#include "pages/RolesPage.h"
#include "pages/SettingsPage.h"
#include "pages/TuneDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace cmtl;
using namespace cmtl::ui;

namespace {

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

using namespace cmtl::ui::testing;

class TestTuneDialog : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;

    TuneDialog *openDialog()
    {
        QAction *tune = m_window->findChild<QAction *>(QStringLiteral("tuneAction"));
        if (!tune || !tune->isEnabled())
            return nullptr;
        tune->trigger();
        return m_window->findChild<TuneDialog *>(QStringLiteral("tuneDialog"));
    }

    template <typename T> static T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        m_window = new MainWindow;
        QVERIFY(showActive(m_window, QSize(1200, 800)));
        QVERIFY(openSampleAndWait(m_window));
        // Short trainings for the starting candidate, so that a few seconds score some folds.
        m_window->settingsPage()->setEpochs(2);
    }

    void simplifiedChinese()
    {
        // Every string of the dialog and its action is translated, under the contexts Qt looks up.
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        {
            TuneDialog dialog(m_window->workspace()->data(), m_window->rolesPage()->roles(),
                              *m_window->settingsPage()->config(), false, nullptr, nullptr);
            QCOMPARE(dialog.windowTitle(), QStringLiteral("调参"));
            QCOMPARE(child<QPushButton>(&dialog, "useBestTuneButton")->text(), QStringLiteral("使用最佳配置(&U)"));
            QCOMPARE(dialog.trials()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("均值 ± 标准差"));
            QCOMPARE(QCoreApplication::translate("cmtl::ui::TuneWorker", "Trial %1: %2 folds scored, %3 s"),
                     QStringLiteral("第 %1 次试验：已评分 %2 折，%3 秒"));
            QCOMPARE(QCoreApplication::translate("cmtl::ui::MainWindow", "T&une Settings…"),
                     QStringLiteral("调参(&U)…"));
        }
        QCOMPARE(installTranslations(*app, QStringLiteral("en")), QStringLiteral("en"));
    }

    void cleanupTestCase()
    {
        m_window->close();
        delete m_window;
    }

    void settingsTakeNoneForALinearModel()
    {
        // The search's linear candidates (no shared layer) must be expressible on the page.
        SettingsPage *settings = m_window->settingsPage();
        ExperimentConfig linear = *settings->config();
        linear.train.hiddenLayers.clear();
        settings->setConfig(linear);
        QString problem;
        const std::optional<ExperimentConfig> read = settings->config(&problem);
        QVERIFY2(read, qPrintable(problem));
        QVERIFY(read->train.hiddenLayers.empty());
        m_window->undoStack()->undo();
        QVERIFY(!settings->config()->train.hiddenLayers.empty());
    }

    void tinySearchAppliesBestAndUndoRestores()
    {
        TuneDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *budget = child<QSpinBox>(dialog, "tuneBudgetSpin");
        auto *folds = child<QSpinBox>(dialog, "tuneFoldsSpin");
        auto *repeats = child<QSpinBox>(dialog, "tuneRepeatsSpin");
        auto *metric = child<QComboBox>(dialog, "tuneMetricCombo");
        auto *start = child<QPushButton>(dialog, "startTuneButton");
        auto *useBest = child<QPushButton>(dialog, "useBestTuneButton");
        QVERIFY(budget && folds && repeats && metric && start && useBest);
        for (QWidget *widget : std::initializer_list<QWidget *>{budget, folds, repeats, metric})
            QVERIFY(!widget->accessibleName().isEmpty() && !widget->toolTip().isEmpty());
        QCOMPARE(metric->currentData().toString(), QStringLiteral("Class:auc"));
        QVERIFY(!useBest->isEnabled());

        // 20 s: one fold may take up to 20 / (2 x 2) = 5 s before it is abandoned as too slow,
        // room enough for the two-epoch starting candidate under the sanitizers on a loaded
        // machine (12 s was not, at load 12).
        budget->setValue(20);
        folds->setValue(2);
        repeats->setValue(1);
        QSignalSpy finished(dialog, &TuneDialog::tuningFinished);
        QElapsedTimer clock;
        clock.start();
        start->click();
        QVERIFY(dialog->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        // The budget ends the search within a mini-batch, whatever the load.
        QVERIFY2(clock.elapsed() < budget->value() * 1000 + 5000, qPrintable(QString::number(clock.elapsed())));

        const TuneResult &result = dialog->result();
        QVERIFY(!result.trials.empty());
        QVERIFY2(result.bestTrial(), "no trial scored in the budget");
        QCOMPARE(dialog->trials()->rowCount(), static_cast<int>(result.trials.size()));
        for (int row = 0; row < dialog->trials()->rowCount(); ++row) {
            const Trial &trial = result.trials[static_cast<std::size_t>(row)];
            QCOMPARE(dialog->trials()->item(row, 0)->text(), QString::number(trial.number));
            QCOMPARE(dialog->trials()->item(row, 3)->text(), QString::number(trial.scores.size()));
        }
        QVERIFY(child<QLabel>(dialog, "tuneBestLabel")->text().contains(QString::number(result.bestTrial()->number)));
        QVERIFY(useBest->isEnabled());

        // Use the best trial: one undo step that puts its settings and lambdas on the page.
        SettingsPage *settings = m_window->settingsPage();
        QUndoStack *stack = m_window->undoStack();
        // The settings move away from every candidate first (no candidate trains 999 epochs): on a
        // slow machine (a checked build) the best trial can be the starting one, the settings as
        // they were, and applying it would rightly change nothing.
        settings->setEpochs(999);
        const SettingsPage::State before = settings->state();
        const int steps = stack->index();
        // A best configuration not used yet is not closed away without asking.
        dialog->close();
        QVERIFY(dialog->isVisible());
        QVERIFY(answerUnsavedQuestion(dialog, QMessageBox::Cancel));
        QVERIFY(dialog->isVisible());
        QCOMPARE(settings->state(), before);
        useBest->click();
        QCOMPARE(stack->index(), steps + 1); // one step for the whole configuration
        QCOMPARE(stack->undoText(), QStringLiteral("Use tuned configuration"));
        const Candidate &best = result.bestTrial()->candidate;
        QString problem;
        const std::optional<ExperimentConfig> applied = settings->config(&problem);
        QVERIFY2(applied, qPrintable(problem + QStringLiteral(" after applying ") +
                                     QString::fromStdString(result.bestTrial()->description)));
        QCOMPARE(applied->train.hiddenLayers, best.config.train.hiddenLayers);
        QCOMPARE(applied->train.architecture, best.config.train.architecture);
        QCOMPARE(applied->train.weighting.method, best.config.train.weighting.method);
        QCOMPARE(applied->train.epochs, best.config.train.epochs);
        QCOMPARE(applied->train.batchSize, best.config.train.batchSize);
        QCOMPARE(applied->train.patience, best.config.train.patience);
        QVERIFY(close(applied->train.l2, best.config.train.l2));
        QVERIFY(close(applied->train.learningRate, best.config.train.learningRate));
        QVERIFY(close(applied->train.dropout, best.config.train.dropout));
        QVERIFY(close(applied->split.validationFraction, best.config.split.validationFraction));
        const RoleAssignment roles = m_window->rolesPage()->roles();
        for (std::size_t t = 0; t < roles.tasks.size(); ++t)
            QVERIFY(close(settings->lambda(QString::fromStdString(roles.tasks[t].column)), best.lambdas[t]));

        // Edit ▸ Undo: the settings as they were; Redo: the tuned ones again.
        stack->undo();
        QCOMPARE(settings->state(), before);
        stack->redo();
        QVERIFY(close(settings->config()->train.l2, best.config.train.l2));
        // Used: the dialog closes at once.
        dialog->close();
        QVERIFY(!dialog->isVisible());
    }

    void cancelStopsTheSearchPromptly()
    {
        // The dialog deletes itself once closed: watched through a QPointer.
        QPointer<TuneDialog> dialog = openDialog();
        QVERIFY(dialog);
        child<QSpinBox>(dialog, "tuneBudgetSpin")->setValue(600);
        QSignalSpy finished(dialog, &TuneDialog::tuningFinished);
        child<QPushButton>(dialog, "startTuneButton")->click();
        QTest::qWait(500);
        QVERIFY(dialog->isRunning());
        QElapsedTimer clock;
        clock.start();
        child<QPushButton>(dialog, "cancelTuneButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(dialog->result().cancelled);
        QVERIFY(child<QLabel>(dialog, "tuneStatus")->text().contains(QStringLiteral("cancelled")));
        dialog->close();
        // The trials scored before Cancel (if any) are asked about before they are discarded.
        if (dialog->result().bestTrial() != nullptr)
            QVERIFY(answerUnsavedQuestion(dialog, QMessageBox::Discard));
        QVERIFY(dialog.isNull() || !dialog->isVisible());
    }
};

QTEST_MAIN(TestTuneDialog)
#include "tst_tunedialog.moc"
