#pragma once

#include <QString>

class QObject;
class QTableWidgetItem;
class QWidget;

namespace cmtl::ui {

// What a metric of the results tables means for a credit decision, for its tooltip and What's
// This ("AUC", "KS", "precision@0.5", "RMSE", ...). Empty for a name it does not know.
QString metricHelp(const QString &metric);

// What a setting does, by the object name of its control ("learningRateSpin", "weightingCombo",
// ...). Empty for a name it does not know.
QString settingHelp(const QString &objectName);
// What the lambda of `task` does.
QString lambdaHelp(const QString &task);
// Gives every control under `root` whose object name settingHelp() knows that help, as tooltip and
// What's This. The texts live here, in one place, for every page.
void installHelp(QWidget *root);

// A metric's name as the tables show it, in the interface's language ("log loss" → "对数损失");
// `metric` is the engine's name as metricsOf gives it, such as "precision@0.5".
QString metricDisplayName(const QString &metric);
// From now until `owner` is destroyed, every widget of the application that settingHelp() knows by
// its object name gets that help when it is first polished (shown), unless it has its own.
void installHelpOnPolish(QObject *owner);
// What installHelpOnPolish does to a widget as it is polished, now: when it has no What's This,
// its own tooltip, else settingHelp() of its object name, becomes its tooltip and What's This.
// For a control whose tooltip is changed before it is first shown.
void installOwnHelp(QWidget *widget);

// What a column of the metrics tables holds: "task", "metric", "train", "validation" or "test".
QString metricsColumnHelp(const QString &column);

// Sets `text` as both the tooltip and the What's This text of `widget` (Shift+F1, or the ? of a
// dialog), so that hovering gives the gist and What's This the same words where tooltips are off.
void setHelp(QWidget *widget, const QString &text);
// The same for a cell of a table widget.
void setHelp(QTableWidgetItem *item, const QString &text);

} // namespace cmtl::ui
