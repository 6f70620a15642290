#pragma once

#include "RunRecord.h"
#include "metrics/Evaluation.h"

#include <QWidget>

class QTableWidget;

namespace cmtl::ui {

class ConfusionHeatmap;
class RocChart;

// A multi-class task's results: the confusion matrix as a heat map, one-vs-rest ROC curves (each
// class named, in a colour of its own) and per-class precision, recall, F1 and support.
class MulticlassTaskPanel : public QWidget {
    Q_OBJECT
public:
    explicit MulticlassTaskPanel(QWidget *parent = nullptr);
    // `charts` is null for a model opened from a file: the ROC curves then say why they are
    // missing. `run` names the run in the charts' exports.
    void setTask(const TaskEvaluation &evaluation, const TaskCharts *charts, const QString &run = {});

    ConfusionHeatmap *heatmap() const { return m_heatmap; }
    RocChart *rocChart() const { return m_roc; }

private:
    ConfusionHeatmap *m_heatmap;
    RocChart *m_roc;
    QTableWidget *m_perClass;
};

} // namespace cmtl::ui
