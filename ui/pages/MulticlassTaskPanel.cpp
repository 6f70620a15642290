#include "pages/MulticlassTaskPanel.h"

#include "charts/ConfusionHeatmap.h"
#include "charts/RocChart.h"

#include "models/TableExport.h"

#include <QHeaderView>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cmtl::ui {

MulticlassTaskPanel::MulticlassTaskPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("multiclassPanel"));
    m_heatmap = new ConfusionHeatmap(this);
    m_roc = new RocChart(this);
    m_roc->setObjectName(QStringLiteral("oneVsRestRocChart"));
    m_roc->setTitle(tr("One-vs-rest ROC curves"));
    m_perClass = new QTableWidget(this);
    m_perClass->setObjectName(QStringLiteral("perClassTable"));
    m_perClass->setAccessibleName(tr("Metrics per class"));
    m_perClass->setEditTriggers(QAbstractItemView::NoEditTriggers);
    addTableExportActions(m_perClass, tr("metrics per class"));
    m_perClass->verticalHeader()->hide();
    m_perClass->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_heatmap);
    top->addWidget(m_roc);
    // The curves' legend names every class: the chart gets the larger share.
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setSizes({480, 560});
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_perClass);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void MulticlassTaskPanel::setTask(const TaskEvaluation &evaluation, const TaskCharts *charts, const QString &run)
{
    const QString task = QString::fromStdString(evaluation.task);
    m_heatmap->setSubject(task, run);
    m_roc->setSubject(task, run);
    QStringList classes;
    for (const std::string &name : evaluation.classes)
        classes << QString::fromStdString(name);
    if (evaluation.multiclass)
        m_heatmap->setMatrix(classes, evaluation.multiclass->confusion);
    else
        m_heatmap->setMatrix({}, {});

    std::vector<RocChart::Curve> curves;
    if (charts && evaluation.multiclass) {
        for (std::size_t k = 0; k < charts->oneVsRest.size(); ++k) {
            if (charts->oneVsRest[k].empty())
                continue;
            curves.push_back(
                {classes.value(static_cast<int>(k)), charts->oneVsRest[k], evaluation.multiclass->oneVsRestAuc[k]});
        }
    }
    if (!charts)
        m_roc->showMessage(ChartView::noScoresMessage());
    else
        m_roc->setCurves(std::move(curves));

    m_perClass->clear();
    m_perClass->setColumnCount(5);
    m_perClass->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_perClass->setRowCount(evaluation.multiclass ? static_cast<int>(classes.size()) : 0);
    if (!evaluation.multiclass)
        return;
    const MulticlassMetrics &m = *evaluation.multiclass;
    // A model file keeps the confusion matrix and the AUCs, not the per-class figures: those
    // cells say so instead of reading past the end.
    const QString notStored = tr("Not stored in a model file: score a labelled file on the Scoring page.");
    const auto figure = [&notStored](const auto &values, std::size_t i, int decimals) {
        auto *item = new QTableWidgetItem;
        if (i < values.size()) {
            item->setText(QLocale().toString(static_cast<double>(values[i]), 'f', decimals));
        } else {
            item->setText(QStringLiteral("—"));
            item->setToolTip(notStored);
        }
        return item;
    };
    for (int k = 0; k < classes.size(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        m_perClass->setItem(k, 0, new QTableWidgetItem(classes[k]));
        m_perClass->setItem(k, 1, figure(m.precision, i, 4));
        m_perClass->setItem(k, 2, figure(m.recall, i, 4));
        m_perClass->setItem(k, 3, figure(m.f1, i, 4));
        m_perClass->setItem(k, 4, figure(m.support, i, 0));
    }
}

} // namespace cmtl::ui
