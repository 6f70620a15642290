#pragma once

#include "pages/ScoreScalingFields.h"
#include "workers/BinningWorker.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace cmtl::ui {

class WorkerThread;

// The points scorecard of the Binning page's task: fitted on a worker thread (core/scorecard,
// with the page's bins grouped by hand), shown as a points table (feature, bin, WoE, coefficient,
// points; the intercept's points first) with the scaling (base points at base odds, points to
// double the odds) and the warnings of wrong-sign coefficients, and saved as the CSV or JSON that
// `creditmtl-cli scorecard --out / --json` writes.
class ScorecardDialog : public QDialog {
    Q_OBJECT
public:
    // `givenBins`: the edited bins of `task`'s features (givenBinsFor), none for optimal bins only.
    ScorecardDialog(LoadedTablePtr data, TaskSpec task, std::vector<FeatureBinning> givenBins,
                    QWidget *parent = nullptr);
    ~ScorecardDialog() override;

    // Starts fitting with the scaling shown; false (with the reason shown) when one runs already
    // or the scaling is not valid.
    bool build();
    bool isRunning() const;
    const ScorecardPtr &card() const { return m_card; }
    // Writes the card's points table (CSV) or the card (JSON); false with the reason shown when
    // there is no card, the path is the data file, or the file cannot be written.
    bool saveCsv(const QString &path);
    bool saveJson(const QString &path);
    // What the dialog says about a failure or refusal ("" when nothing).
    QString message() const;
    QStandardItemModel *pointsModel() const { return m_points; }

Q_SIGNALS:
    void built();

private:
    void showCard();
    void showMessage(const QString &text);
    bool save(const QString &path, const QByteArray &bytes);
    void updateControls();

    LoadedTablePtr m_data;
    TaskSpec m_task;
    std::vector<FeatureBinning> m_givenBins;
    ScorecardPtr m_card;
    ScoreScalingFields m_scaling;
    QPushButton *m_buildButton;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_warnings;
    QWidget *m_warningsArea;
    QLabel *m_message;
    QTableView *m_table;
    QStandardItemModel *m_points;
    QPushButton *m_saveCsvButton;
    QPushButton *m_saveJsonButton;
    WorkerThread *m_worker;
};

// A table cell showing `value` with `decimals` in the user's locale, the exact value in Qt::UserRole.
QStandardItem *numberItem(double value, int decimals);
// Asks where to save `task`'s scorecard: its points table as CSV, or the card as JSON (`json`).
QString askScorecardPath(QWidget *parent, const TaskSpec &task, bool json);
// Writes a scorecard file (scorecardToCsv / scorecardToJson bytes) atomically; "" when written,
// else why not: the path is one of `inputs` (an output never overwrites an input), or the write failed.
QString saveScorecardFile(const QString &path, const QByteArray &bytes, const QStringList &inputs);

} // namespace cmtl::ui
