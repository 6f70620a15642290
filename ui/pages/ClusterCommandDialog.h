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
// it (never over the data or test file). What the ranks of a data-parallel run do not share (the
// CLI's own rule) is said in words; the one-process command stays.
class ClusterCommandDialog : public QDialog {
    Q_OBJECT
public:
    // `dataPath` is the data file (or database locator) and `testPath` the separate test file, if any.
    ClusterCommandDialog(RunConfiguration configuration, QString dataPath, QString testPath, QWidget *parent = nullptr);

    QString configPath() const;
    QString clusterCommand() const;
    QString singleProcessCommand() const;
    // Why the data-parallel command is refused; empty when it is not.
    QString refusal() const;
    QString message() const;
    // Writes the configuration to `path` (atomically) and shows it in the commands; an error
    // message when it is refused or fails, empty when saved. Asks nothing: the caller has asked.
    QString saveConfigurationTo(const QString &path);

private:
    void chooseAndSave();
    void updateCommands();

    RunConfiguration m_configuration;
    QString m_dataPath;
    QString m_testPath;
    QSpinBox *m_ranks;
    QLineEdit *m_configPath;
    QLineEdit *m_modelPath;
    QPlainTextEdit *m_clusterCommand;
    QPlainTextEdit *m_singleCommand;
    QLabel *m_refusal;
    QLabel *m_message;
};

} // namespace cmtl::ui
