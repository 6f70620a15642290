#pragma once

#include <QString>

class QWidget;

namespace cmtl::ui {

// What a metric of the results tables means for a credit decision, for its tooltip and What's
// This ("AUC", "KS", "precision@0.5", "RMSE", ...). Empty for a name it does not know.
QString metricHelp(const QString &metric);

// Sets `text` as both the tooltip and the What's This text of `widget` (Shift+F1, or the ? of a
// dialog), so that hovering gives the gist and What's This the same words where tooltips are off.
void setHelp(QWidget *widget, const QString &text);

} // namespace cmtl::ui
