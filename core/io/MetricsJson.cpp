#include "io/MetricsJson.h"

#include "common/Error.h"
#include "io/JsonReader.h"

#include <QJsonArray>

#include <cmath>

namespace cmtl {

namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

double numberFrom(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? value.toDouble() : std::nan("");
}

QJsonObject taskToJson(const TaskEvaluation &task, ConfusionLayout layout)
{
    QJsonObject object;
    object[QLatin1String("type")] = QLatin1String(toString(task.type));
    object[QLatin1String("count")] = static_cast<double>(task.count);
    if (task.binary) {
        const BinaryMetrics &m = *task.binary;
        object[QLatin1String("auc")] = number(m.auc);
        object[QLatin1String("ks")] = number(m.ks);
        object[QLatin1String("gini")] = number(m.gini);
        object[QLatin1String("logloss")] = number(m.logLoss);
        object[QLatin1String("brier")] = number(m.brier);
        object[QLatin1String("threshold")] = number(m.threshold);
        object[QLatin1String("accuracy")] = number(m.accuracy);
        object[QLatin1String("precision")] = number(m.precision);
        object[QLatin1String("recall")] = number(m.recall);
        object[QLatin1String("f1")] = number(m.f1);
        object[QLatin1String("positives")] = static_cast<double>(m.positives);
    }
    if (task.multiclass) {
        const MulticlassMetrics &m = *task.multiclass;
        object[QLatin1String("accuracy")] = number(m.accuracy);
        object[QLatin1String("macro_f1")] = number(m.macroF1);
        object[QLatin1String("logloss")] = number(m.logLoss);
        QJsonArray classes, confusion, auc;
        for (const std::string &name : task.classes)
            classes.append(QString::fromStdString(name));
        for (Eigen::Index actual = 0; actual < m.confusion.rows(); ++actual) {
            QJsonArray row;
            for (Eigen::Index predicted = 0; predicted < m.confusion.cols(); ++predicted) {
                const auto cell = static_cast<double>(m.confusion(actual, predicted));
                if (layout == ConfusionLayout::Dense)
                    row.append(cell);
                else if (cell != 0)
                    confusion.append(QJsonArray{static_cast<double>(actual), static_cast<double>(predicted), cell});
            }
            if (layout == ConfusionLayout::Dense)
                confusion.append(row);
        }
        for (const double value : m.oneVsRestAuc)
            auc.append(number(value));
        object[QLatin1String("classes")] = classes;
        object[QLatin1String(layout == ConfusionLayout::Dense ? "confusion" : "confusion_cells")] = confusion;
        object[QLatin1String("one_vs_rest_auc")] = auc;
    }
    if (task.regression) {
        object[QLatin1String("rmse")] = number(task.regression->rmse);
        object[QLatin1String("mae")] = number(task.regression->mae);
        object[QLatin1String("r2")] = number(task.regression->r2);
    }
    return object;
}

// The confusion matrix, stored either dense ("confusion": one row of counts per actual class) or
// as its non-zero cells ("confusion_cells": [actual, predicted, count] triplets), which stays
// small however many classes there are.
void readConfusion(const QJsonObject &object, qsizetype classes, const json::JsonReader &where,
                   Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> &confusion)
{
    confusion.setZero(classes, classes);
    if (object.contains(QLatin1String("confusion_cells"))) {
        const limits::IntegerRange classIndex{"", "", 0, classes - 1};
        for (const QJsonValue &value : object.value(QLatin1String("confusion_cells")).toArray()) {
            const QJsonArray cell = value.toArray();
            if (cell.size() != 3)
                where.fail("confusion_cells", "should hold [actual, predicted, count] triplets");
            const std::int64_t actual = where.integer(cell[0], "confusion_cells", classIndex);
            const std::int64_t predicted = where.integer(cell[1], "confusion_cells", classIndex);
            confusion(actual, predicted) = where.count(cell[2], "confusion_cells");
        }
        return;
    }
    const QJsonArray dense = object.value(QLatin1String("confusion")).toArray();
    if (dense.size() != classes)
        where.fail("confusion", "should have one row per class");
    for (qsizetype actual = 0; actual < classes; ++actual) {
        const QJsonArray row = dense[actual].toArray();
        if (row.size() != classes)
            where.fail("confusion", "should have one column per class");
        for (qsizetype predicted = 0; predicted < classes; ++predicted)
            confusion(actual, predicted) = where.count(row[predicted], "confusion");
    }
}

TaskEvaluation taskFromJson(const QString &name, const QJsonObject &object, const json::JsonReader &where)
{
    TaskEvaluation task;
    task.task = name.toStdString();
    try {
        task.type = taskTypeFromString(object.value(QLatin1String("type")).toString().toStdString());
    } catch (const ConfigError &) {
        where.fail("type", "should be binary, multiclass or regression");
    }
    task.count = where.count("count");
    switch (task.type) {
    case TaskType::Binary: {
        BinaryMetrics m;
        m.auc = numberFrom(object, "auc");
        m.ks = numberFrom(object, "ks");
        m.gini = numberFrom(object, "gini");
        m.logLoss = numberFrom(object, "logloss");
        m.brier = numberFrom(object, "brier");
        m.threshold = numberFrom(object, "threshold");
        m.accuracy = numberFrom(object, "accuracy");
        m.precision = numberFrom(object, "precision");
        m.recall = numberFrom(object, "recall");
        m.f1 = numberFrom(object, "f1");
        m.count = task.count;
        m.positives = where.count("positives");
        task.binary = m;
        break;
    }
    case TaskType::Multiclass: {
        MulticlassMetrics m;
        m.accuracy = numberFrom(object, "accuracy");
        m.macroF1 = numberFrom(object, "macro_f1");
        m.logLoss = numberFrom(object, "logloss");
        m.count = task.count;
        for (const QJsonValue &name : object.value(QLatin1String("classes")).toArray())
            task.classes.push_back(name.toString().toStdString());
        readConfusion(object, static_cast<qsizetype>(task.classes.size()), where, m.confusion);
        for (const QJsonValue &value : object.value(QLatin1String("one_vs_rest_auc")).toArray())
            m.oneVsRestAuc.push_back(value.isDouble() ? value.toDouble() : std::nan(""));
        task.multiclass = m;
        break;
    }
    case TaskType::Regression:
        task.regression = RegressionMetrics{numberFrom(object, "rmse"), numberFrom(object, "mae"),
                                            numberFrom(object, "r2"), task.count};
        break;
    }
    return task;
}

} // namespace

QJsonObject tasksToJson(const std::vector<TaskEvaluation> &tasks, ConfusionLayout layout)
{
    QJsonObject object;
    for (const TaskEvaluation &task : tasks)
        object[QString::fromStdString(task.task)] = taskToJson(task, layout);
    return object;
}

QJsonObject reportToJson(const EvaluationReport &report, ConfusionLayout layout)
{
    QJsonObject object;
    object[QLatin1String("part")] = QString::fromStdString(report.part);
    object[QLatin1String("source")] = QString::fromStdString(report.source);
    object[QLatin1String("tasks")] = tasksToJson(report.tasks, layout);
    return object;
}

EvaluationReport reportFromJson(const QJsonObject &object, const std::string &source)
{
    EvaluationReport report;
    report.part = object.value(QLatin1String("part")).toString().toStdString();
    report.source = object.value(QLatin1String("source")).toString().toStdString();
    const QJsonObject tasks = object.value(QLatin1String("tasks")).toObject();
    for (auto it = tasks.begin(); it != tasks.end(); ++it) {
        const QJsonObject task = it.value().toObject();
        const json::JsonReader where(task, "metrics." + report.part + ".tasks." + it.key().toStdString(), source);
        report.tasks.push_back(taskFromJson(it.key(), task, where));
    }
    return report;
}

} // namespace cmtl
