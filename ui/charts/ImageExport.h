#pragma once

#include <QString>

class QWidget;

namespace cmtl::ui {

// Renders a widget (a chart, a heat map) to `path`: SVG when the name ends in .svg (vector, via
// QSvgGenerator), else a PNG at twice the screen resolution. Returns false when writing failed.
bool saveWidgetImage(QWidget *widget, const QString &path, const QString &title = {});

// Asks for a file name (PNG or SVG) and saves; reports a failure in a dialog.
void saveWidgetImageInteractively(QWidget *widget, const QString &suggestedName);

} // namespace cmtl::ui
