#include "models/MetricsTableModel.h"

#include "HelpTexts.h"
#include "models/TableExport.h"

#include <QLocale>

#include <cmath>

namespace cmtl::ui {

std::vector<std::pair<QString, double>> MetricsTableModel::metricsOf(const TaskEvaluation &evaluation)
{
    std::vector<std::pair<QString, double>> values;
    if (evaluation.binary) {
        const BinaryMetrics &m = *evaluation.binary;
        // A rate whose denominator is 0 is undefined (NaN, shown as "—"), not the 0 that
        // sklearn's zero_division=0 makes it: precision at 0.5 with no row above 0.5.
        const ConfusionCounts &c = m.confusion;
        const auto defined = [](std::int64_t denominator, double value) { return denominator > 0 ? value : NAN; };
        values = {{QStringLiteral("AUC"), m.auc},
                  {QStringLiteral("KS"), m.ks},
                  {QStringLiteral("Gini"), m.gini},
                  {QStringLiteral("log loss"), m.logLoss},
                  {QStringLiteral("Brier"), m.brier},
                  {QStringLiteral("accuracy@0.5"), m.accuracy},
                  {QStringLiteral("precision@0.5"), defined(c.truePositive + c.falsePositive, m.precision)},
                  {QStringLiteral("recall@0.5"), defined(c.truePositive + c.falseNegative, m.recall)},
                  {QStringLiteral("F1@0.5"), defined(2 * c.truePositive + c.falsePositive + c.falseNegative, m.f1)}};
    } else if (evaluation.multiclass) {
        const MulticlassMetrics &m = *evaluation.multiclass;
        values = {{QStringLiteral("accuracy"), m.accuracy},
                  {QStringLiteral("macro-F1"), m.macroF1},
                  {QStringLiteral("log loss"), m.logLoss}};
    } else if (evaluation.regression) {
        const RegressionMetrics &m = *evaluation.regression;
        values = {{QStringLiteral("RMSE"), m.rmse}, {QStringLiteral("MAE"), m.mae}, {QStringLiteral("R²"), m.r2}};
    }
    values.emplace_back(QStringLiteral("rows"), static_cast<double>(evaluation.count));
    return values;
}

void MetricsTableModel::setRun(RunPtr run, const QString &task)
{
    beginResetModel();
    m_rows.clear();
    if (run) {
        const char *parts[3] = {"train", "validation", "test"};
        for (const TaskSpec &spec : run->roles.tasks) {
            const QString name = QString::fromStdString(spec.column);
            if (!task.isEmpty() && task != name)
                continue;
            std::vector<MetricRow> rows;
            for (int p = 0; p < 3; ++p) {
                const EvaluationReport *report = run->result.report(parts[p]);
                if (!report)
                    continue;
                for (const TaskEvaluation &evaluation : report->tasks) {
                    if (evaluation.task != spec.column)
                        continue;
                    const auto metrics = metricsOf(evaluation);
                    if (rows.empty()) {
                        for (const auto &[metric, value] : metrics)
                            rows.push_back({name, metric, {NAN, NAN, NAN}});
                    }
                    for (std::size_t i = 0; i < metrics.size() && i < rows.size(); ++i)
                        rows[i].values[p] = metrics[i].second;
                }
            }
            m_rows.insert(m_rows.end(), rows.begin(), rows.end());
        }
    }
    endResetModel();
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount;
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const MetricRow &row = m_rows[static_cast<std::size_t>(index.row())];
    if (index.column() == Task)
        return role == Qt::DisplayRole || role == Qt::UserRole ? QVariant(row.task) : QVariant();
    if (index.column() == Metric) {
        if (role == Qt::ToolTipRole || role == Qt::WhatsThisRole)
            return metricHelp(row.metric);
        if (role == Qt::DisplayRole)
            return metricDisplayName(row.metric);
        return role == Qt::UserRole ? QVariant(row.metric) : QVariant();
    }
    const double value = row.values[index.column() - Train];
    switch (role) {
    case Qt::DisplayRole:
        if (std::isnan(value))
            return QStringLiteral("—");
        if (row.metric == QLatin1String("rows"))
            return QLocale().toString(static_cast<qlonglong>(value));
        return QLocale().toString(value, 'f', 4);
    case Qt::UserRole:
        return value;
    case kExportRole:
        return plainNumber(value);
    case Qt::ToolTipRole:
        return std::isnan(value) ? tr("Undefined here (0/0 or no rows), not zero.") : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::ToolTipRole || role == Qt::WhatsThisRole)) {
        static const char *const columns[FieldCount] = {"task", "metric", "train", "validation", "test"};
        return section >= 0 && section < FieldCount ? metricsColumnHelp(QLatin1String(columns[section])) : QString();
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Task:
        return tr("Task");
    case Metric:
        return tr("Metric");
    case Train:
        return tr("Train");
    case Validation:
        return tr("Validation");
    case Test:
        return tr("Test");
    default:
        return {};
    }
}

} // namespace cmtl::ui
