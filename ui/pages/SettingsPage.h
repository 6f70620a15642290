#pragma once

#include "model/MultiTaskModel.h"
#include "project/ProjectFile.h"

#include <QStringList>
#include <QVariantMap>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QUndoStack;

namespace cmtl {
struct RoleAssignment;
}

namespace cmtl::ui {

class MethodPanel;

// Step 3: one lambda per task (slider and spin box, with each task's normalised share of the
// objective), the network, the optimiser, the split or a separate test file, the weight-of-evidence
// inputs (which features, against which binary task, with the Binning page's edited bins), and the
// language.
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPage(QWidget *parent = nullptr);

    // Every change of a field (and "Reset to defaults") is pushed on `stack` as an undoable
    // command; consecutive changes of one field make one step. None when null, the default.
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    // Every field but the language, lambdas included (as "lambdaSpin_<task>"), by object name.
    using State = QVariantMap;
    State state() const;
    // Sets the fields named in `state`; lambdas of tasks not shown are ignored. No undo step.
    void applyState(const State &state);

    // The tasks chosen on the Roles page. Tasks that stay keep their place in the user's order;
    // new ones join at the end in the order given.
    void setTasks(const QStringList &tasks);
    // The tasks in the user's order: the order of the model's heads, its reports and its files.
    QStringList tasks() const { return m_tasks; }
    // Puts the tasks named in `order` first, in that order (a project's order); no undo step.
    void setTaskOrder(const QStringList &order);
    // Moves `task` by `offset` places (-1 up, +1 down) as one undoable step.
    void moveTask(const QString &task, int offset);
    // Gives each task of `roles` its lambda and puts the tasks in the user's order.
    void applyTo(RoleAssignment &roles) const;
    void setLambda(const QString &task, double lambda);
    double lambda(const QString &task) const;
    // lambda_i / sum_j lambda_j (0 when every lambda is 0).
    double share(const QString &task) const;

    // The configuration, or nullopt with `problem` set when a field is invalid.
    std::optional<ExperimentConfig> config(QString *problem = nullptr) const;
    QString testFile() const;
    // Project state: shows `config` (as config() gives it) and the separate test file.
    void setConfig(const ExperimentConfig &config);
    void setTestFile(const QString &path);
    QString problem() const;

    // The features and binary tasks of the Roles page: the WoE inputs' columns and task are
    // chosen among them. Until roles are known (a project opened before its data), the WoE
    // settings are kept as they were given and not checked.
    void setRoles(const RoleAssignment &roles);
    // The Binning page's work: with WoE inputs binned against its task, a run uses its edited bins
    // (config().woe.givenBins, recounted on the training rows), as the command line's --binning.
    void setEditedBinning(const ProjectBinning &binning);
    // What the WoE group says about the bins the WoE inputs use ("" when there are no WoE inputs).
    QString woeNote() const;
    // The sentence saying which of the Binning page's edited bins a run does not use, and why: those
    // of another task than the WoE task, or of columns that are no WoE inputs of the run (a task, an
    // ignored column, a feature left out of them; every one without WoE inputs). "" when a run
    // uses every one, or when the WoE settings are not valid.
    QString unusedBinsNote() const;

    void setEpochs(int epochs);
    void setBatchSize(int batchSize);
    void setHiddenLayers(const QString &sizes);

    // The network, optimiser, split and preprocessing fields, under "training/" in QSettings.
    void saveSettings() const;
    void restoreSettings();

public Q_SLOTS:
    void resetDefaults();

Q_SIGNALS:
    void validityChanged(bool valid, const QString &problem);
    void languageChanged(const QString &language);

private:
    struct LambdaRow {
        QSlider *slider;
        QDoubleSpinBox *spin;
        QLabel *share;
    };
    // Rebuilds the lambda rows and the order list for `tasks`, in that order, keeping lambdas.
    void showTasks(const QStringList &tasks);
    // The same, as a change that is not the user's own step (m_recorded follows it).
    void showTasksWithoutStep(const QStringList &tasks);
    // The order shown in the list after the user dragged an item, taken as one undoable step.
    void takeOrderFromList();
    void updateMoveButtons();
    void updateShares();
    void validate();
    // Pushes the change of `field` since the last recorded state as one undo step.
    void recordChange(QWidget *field);
    void watchField(QWidget *field);
    // Tab follows the layout: the lambdas, then the groups row by row, then Reset.
    void updateTabOrder();
    // Refills the WoE columns (the features, and chosen columns that are no longer features) and
    // the WoE task (the binary tasks), showing the chosen ones; no undo step.
    void showWoeChoices();
    // The binary task WoE inputs are binned against: the chosen one, else the first (nullopt when
    // the chosen one is not a binary task of the roles, or there is none).
    std::optional<TaskSpec> woeTask() const;
    // Fills config.woe from the WoE fields; a problem for the user when they do not fit the roles.
    QString applyWoe(ExperimentConfig &config) const;
    std::vector<std::string> featureNames() const;
    // Whether the edited bins belong to another task than the WoE inputs' (when there are some).
    bool editedForAnotherTask(const WoeOptions &woe) const;
    // unusedBinsNote() for WoE settings applyWoe accepted.
    QString unusedBinsNote(const WoeOptions &woe) const;
    void updateWoeNote();

    QStringList m_tasks;
    std::vector<LambdaRow> m_lambdaRows;
    QGroupBox *m_lambdaBox;
    QGridLayout *m_lambdaLayout;
    QLabel *m_noTasks;
    QListWidget *m_taskOrder;
    QPushButton *m_moveUp;
    QPushButton *m_moveDown;
    MethodPanel *m_methods;
    QLineEdit *m_hidden;
    QSpinBox *m_headHidden;
    QDoubleSpinBox *m_dropout;
    QDoubleSpinBox *m_learningRate;
    QSpinBox *m_batch;
    QSpinBox *m_epochs;
    QSpinBox *m_patience;
    QDoubleSpinBox *m_l2;
    QLineEdit *m_earlyStopOn; // empty = the objective, or TASK:METRIC
    QCheckBox *m_wide;        // wide & deep: a linear layer from the inputs to each head
    QCheckBox *m_refit;       // train again on all training rows for the chosen epochs
    QDoubleSpinBox *m_trainFraction;
    QDoubleSpinBox *m_validationFraction;
    QSpinBox *m_seed;
    QLineEdit *m_testFile;
    QSpinBox *m_maxLevels;
    QSpinBox *m_minLevelCount;
    QCheckBox *m_missingIndicators;
    QComboBox *m_woeMode; // none, every feature, chosen columns
    QListWidget *m_woeColumns;
    QComboBox *m_woeTask;
    QLabel *m_woeNote;
    QStringList m_woeChosen; // the chosen columns (mode "chosen columns")
    QString m_woeTaskName;   // the chosen task's column; empty: the first binary task
    QString m_woePositive;   // its positive class as a project gave it, until roles are known
    QStringList m_features;  // the Roles page's features
    std::vector<TaskSpec> m_binaryTasks;
    bool m_rolesKnown = false;
    ProjectBinning m_editedBinning;
    QComboBox *m_language;
    QLabel *m_problemLabel;
    QWidget *m_content;
    std::vector<QWidget *> m_groups; // in reading order, for the Tab order
    QWidget *m_reset;
    QUndoStack *m_undoStack = nullptr;
    State m_recorded;
    bool m_applying = false;
};

} // namespace cmtl::ui
