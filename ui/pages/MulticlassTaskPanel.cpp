#include "pages/MulticlassTaskPanel.h"

#include "charts/ConfusionHeatmap.h"
#include "charts/RocChart.h"

#include "models/TableExport.h"

#include <QHeaderView>
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
    m_roc->chart()->setTitle(tr("One-vs-rest ROC curves"));
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
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_perClass);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void MulticlassTaskPanel::setTask(const TaskEvaluation &evaluation, const TaskCharts *charts)
{
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
    m_roc->setCurves(std::move(curves));

    m_perClass->clear();
    m_perClass->setColumnCount(5);
    m_perClass->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_perClass->setRowCount(evaluation.multiclass ? static_cast<int>(classes.size()) : 0);
    if (!evaluation.multiclass)
        return;
    const MulticlassMetrics &m = *evaluation.multiclass;
    for (int k = 0; k < classes.size(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        const QStringList cells = {classes[k], QString::number(m.precision[i], 'f', 4),
                                   QString::number(m.recall[i], 'f', 4), QString::number(m.f1[i], 'f', 4),
                                   QString::number(m.support[i])};
        for (int c = 0; c < cells.size(); ++c)
            m_perClass->setItem(k, c, new QTableWidgetItem(cells[c]));
    }
}

} // namespace cmtl::ui
