#include "ClusterCommandDialog.h"

#include "distributed/ClusterCommand.h"
#include "project/ProjectFile.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cmtl::ui {

namespace {

// Where the bins grouped by hand go with the configuration at `configPath`: beside it, as
// CONFIG.bins.cmtlproj (CONFIG without its last suffix).
QString binsPathFor(const QString &configPath)
{
    const QFileInfo config(configPath);
    return config.dir().filePath(config.completeBaseName() + QStringLiteral(".bins.cmtlproj"));
}

bool sameFile(const QString &a, const QString &b)
{
    const QFileInfo first(a), second(b);
    if (first.absoluteFilePath() == second.absoluteFilePath())
        return true;
    return first.exists() && second.exists() && first.canonicalFilePath() == second.canonicalFilePath();
}

// A read-only, selectable command line, wrapped to be seen whole, with its Copy button.
QPlainTextEdit *addCommandRow(QFormLayout *form, const QString &label, const QString &accessibleName,
                              const QString &objectName, QWidget *parent)
{
    auto *row = new QHBoxLayout;
    auto *command = new QPlainTextEdit(parent);
    command->setReadOnly(true);
    command->setTabChangesFocus(true);
    command->setFixedHeight(command->fontMetrics().lineSpacing() * 4 + 12);
    command->setObjectName(objectName);
    command->setAccessibleName(accessibleName);
    command->setMinimumWidth(560);
    auto *copy = new QPushButton(ClusterCommandDialog::tr("Copy"), parent);
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    copy->setAccessibleName(ClusterCommandDialog::tr("Copy: %1").arg(accessibleName));
    QObject::connect(copy, &QPushButton::clicked, command,
                     [command] { QGuiApplication::clipboard()->setText(command->toPlainText()); });
    row->addWidget(command, 1);
    row->addWidget(copy);
    form->addRow(label, row);
    return command;
}

} // namespace

ClusterCommandDialog::ClusterCommandDialog(RunConfiguration configuration, QString dataPath, QString testPath,
                                           QString projectPath, const QString &unusedBins, QWidget *parent)
    : QDialog(parent), m_configuration(std::move(configuration)), m_dataPath(std::move(dataPath)),
      m_testPath(std::move(testPath)), m_projectPath(std::move(projectPath))
{
    setWindowTitle(tr("Command Line for a Cluster"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Train the current configuration (tasks, lambdas, ignored columns and every "
                                "setting) outside the workbench: save the configuration, then run one of these "
                                "commands where creditmtl-cli is installed."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_ranks = new QSpinBox(this);
    m_ranks->setObjectName(QStringLiteral("ranks"));
    m_ranks->setAccessibleName(tr("Ranks (processes) of mpirun"));
    m_ranks->setRange(2, 4096);
    m_ranks->setValue(4);
    form->addRow(tr("&Ranks:"), m_ranks);

    auto *configRow = new QHBoxLayout;
    m_configPath = new QLineEdit(m_dataPath + QStringLiteral(".run.json"), this);
    m_configPath->setReadOnly(true);
    m_configPath->setObjectName(QStringLiteral("configPath"));
    m_configPath->setAccessibleName(tr("Configuration file"));
    auto *save = new QPushButton(tr("&Save Configuration…"), this);
    save->setObjectName(QStringLiteral("saveConfiguration"));
    save->setAccessibleName(tr("Save configuration"));
    configRow->addWidget(m_configPath, 1);
    configRow->addWidget(save);
    form->addRow(tr("Configuration file:"), configRow);

    // The bins the workbench's training uses (SettingsPage::applyWoe): those of WoE inputs alone;
    // none when none were grouped, the WoE inputs are off or the bins belong to another task than
    // the WoE task.
    const std::vector<FeatureBinning> &givenBins = m_configuration.config.woe.givenBins;
    if (!givenBins.empty()) {
        m_binsPath = new QLineEdit(binsPathFor(m_configPath->text()), this);
        m_binsPath->setReadOnly(true);
        m_binsPath->setObjectName(QStringLiteral("binsPath"));
        m_binsPath->setAccessibleName(tr("File of the bins grouped by hand"));
        form->addRow(tr("Bins grouped by hand:"), m_binsPath);
    }

    const QFileInfo data(m_dataPath);
    m_modelPath = new QLineEdit(data.dir().filePath(data.completeBaseName() + QStringLiteral(".cmtl")), this);
    m_modelPath->setObjectName(QStringLiteral("modelPath"));
    m_modelPath->setAccessibleName(tr("Model file the command writes"));
    form->addRow(tr("&Model file:"), m_modelPath);

    m_clusterCommand =
        addCommandRow(form, tr("With mpirun:"), tr("Data-parallel command"), QStringLiteral("clusterCommand"), this);
    m_singleCommand =
        addCommandRow(form, tr("One process:"), tr("One-process command"), QStringLiteral("singleCommand"), this);
    layout->addLayout(form);

    m_unusedBins = new QLabel(unusedBins, this);
    m_unusedBins->setObjectName(QStringLiteral("unusedBins"));
    m_unusedBins->setWordWrap(true);
    m_unusedBins->setAccessibleName(tr("Bins grouped by hand that are not used"));
    m_unusedBins->setVisible(!unusedBins.isEmpty());
    layout->addWidget(m_unusedBins);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Message"));
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &ClusterCommandDialog::chooseAndSave);
    connect(m_ranks, &QSpinBox::valueChanged, this, &ClusterCommandDialog::updateCommands);
    connect(m_modelPath, &QLineEdit::textChanged, this, &ClusterCommandDialog::updateCommands);

    if (givenBins.empty()) {
        m_message->setText(tr("The commands read the configuration file: save it before running them."));
    } else {
        QStringList features;
        for (const FeatureBinning &binning : givenBins)
            features << QString::fromStdString(binning.feature);
        m_message->setText(tr("The commands read the configuration file and, with --binning, the bins grouped by "
                              "hand on the Binning page for the WoE inputs %1, as the workbench's training uses "
                              "them; both are saved together: save them before running the commands.")
                               .arg(features.join(QStringLiteral(", "))));
    }
    updateCommands();
}

QString ClusterCommandDialog::configPath() const
{
    return m_configPath->text();
}

QString ClusterCommandDialog::binsPath() const
{
    return m_binsPath ? m_binsPath->text() : QString();
}

QString ClusterCommandDialog::clusterCommand() const
{
    return m_clusterCommand->toPlainText();
}

QString ClusterCommandDialog::singleProcessCommand() const
{
    return m_singleCommand->toPlainText();
}

QString ClusterCommandDialog::message() const
{
    return m_message->text();
}

QString ClusterCommandDialog::unusedBins() const
{
    return m_unusedBins->text();
}

void ClusterCommandDialog::updateCommands()
{
    const auto line = [this](int ranks) {
        return QString::fromStdString(
            trainCommandLine(ranks, m_dataPath.toStdString(), m_configPath->text().toStdString(),
                             m_modelPath->text().toStdString(), m_testPath.toStdString(), binsPath().toStdString()));
    };
    m_clusterCommand->setPlainText(line(m_ranks->value()));
    m_singleCommand->setPlainText(line(1));
}

QString ClusterCommandDialog::saveConfigurationTo(const QString &path)
{
    QString error;
    const QString bins = m_binsPath ? binsPathFor(path) : QString();
    for (const QString &input : {m_dataPath, m_testPath, m_modelPath->text(), m_projectPath}) {
        if (input.isEmpty())
            continue;
        if (sameFile(path, input)) {
            error = tr("%1 is an input or the model file: choose another file for the configuration.").arg(path);
            break;
        }
        if (!bins.isEmpty() && sameFile(bins, input)) {
            error = tr("The bins grouped by hand would be saved to %1, which is an input, the project or the model "
                       "file: choose another name for the configuration.")
                        .arg(bins);
            break;
        }
    }
    if (error.isEmpty()) {
        try {
            if (!bins.isEmpty()) {
                // A project holding only the bins, which --binning reads as it reads a workbench's.
                ProjectContents binning;
                binning.binning = {m_configuration.config.woe.task, m_configuration.config.woe.positiveClass,
                                   m_configuration.config.woe.givenBins};
                saveProjectFile(bins.toStdString(), binning);
            }
            saveRunConfiguration(path.toStdString(), m_configuration);
            m_configPath->setText(path);
            if (m_binsPath)
                m_binsPath->setText(bins);
            updateCommands();
        } catch (const std::exception &failure) {
            error = tr("The configuration could not be saved: %1").arg(QString::fromUtf8(failure.what()));
        }
    }
    if (error.isEmpty())
        m_message->setText(bins.isEmpty()
                               ? tr("Configuration saved to %1.").arg(path)
                               : tr("Configuration saved to %1, the bins grouped by hand to %2.").arg(path, bins));
    else
        m_message->setText(error);
    return error;
}

void ClusterCommandDialog::chooseAndSave()
{
    // The file dialog asks before it replaces an existing file.
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the run configuration"), m_configPath->text(),
                                                      tr("Run configurations (*.json)"));
    if (!path.isEmpty())
        saveConfigurationTo(path);
}

} // namespace cmtl::ui
