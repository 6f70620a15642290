#pragma once

#include <QString>

namespace cmtl::ui {

// Prints the report's XHTML to a PDF file (A4) through QTextDocument and QPdfWriter, the PDF writer
// Qt 6.4 on Debian offers without a web engine. Limits: QTextDocument renders a subset of HTML and
// CSS (tables, headings, lists and text come through; borders and the print media rules do not),
// and it cannot draw inline SVG, so each chart is drawn by QSvgRenderer into an image at 2x its size
// and placed where the chart was. Writes atomically; throws DataError when the file cannot be
// written. Needs a QGuiApplication (fonts); safe on a worker thread.
void printReportToPdf(const QString &html, const QString &pdfPath);

} // namespace cmtl::ui
