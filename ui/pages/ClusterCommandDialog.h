#pragma once

#include "io/ConfigJson.h"

#include <QDialog>
#include <QString>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cmtl::ui {

// The command lines that train the workbench's current configuration outside it: `mpirun -np N
// creditmtl-cli train --data … --config … --out …` for a cluster and the same as one process, each
// with a Copy button. The configuration file the commands read is written only when the user saves
// it (never over the data or test file). When the configuration's WoE inputs use bins grouped by
// hand (the Binning page's, for the WoE task, of the WoE inputs alone: WoeOptions::givenBins, as the
// workbench trains with them), they are saved with it, beside it, as a project holding only those
// bins, and both commands read them with --binning; bins grouped by hand that the run does not use
// (SettingsPage::unusedBinsNote) are said not to be. What the ranks of a data-parallel run do not
// share (the CLI's own rule) is said in words; the one-process command stays.
class ClusterCommandDialog : public QDialog {
    Q_OBJECT
public:
    // `dataPath` is the data file (or database locator), `testPath` the separate test file and
    // `projectPath` the workbench's project file, if any (never written over); `unusedBins` the
    // sentence saying which bins grouped by hand the run does not use ("" when none).
    ClusterCommandDialog(RunConfiguration configuration, QString dataPath, QString testPath, QString projectPath,
                         const QString &unusedBins, QWidget *parent = nullptr);

    QString configPath() const;
    // The file the bins grouped by hand are saved to with the configuration (CONFIG.bins.cmtlproj
    // beside CONFIG); empty when the configuration uses none.
    QString binsPath() const;
    QString clusterCommand() const;
    QString singleProcessCommand() const;
    QString message() const;
    // The sentence on the bins grouped by hand the run does not use ("" when none).
    QString unusedBins() const;
    // Writes the configuration to `path` (atomically) and shows it in the commands; an error
    // message when it is refused or fails, empty when saved. Asks nothing: the caller has asked.
    QString saveConfigurationTo(const QString &path);

private:
    void chooseAndSave();
    void updateCommands();

    RunConfiguration m_configuration;
    QString m_dataPath;
    QString m_testPath;
    QString m_projectPath;
    QSpinBox *m_ranks;
    QLineEdit *m_configPath;
    QLineEdit *m_binsPath = nullptr; // only with bins grouped by hand
    QLineEdit *m_modelPath;
    QPlainTextEdit *m_clusterCommand;
    QPlainTextEdit *m_singleCommand;
    QLabel *m_unusedBins;
    QLabel *m_message;
};

} // namespace cmtl::ui
