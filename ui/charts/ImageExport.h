#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

class QPainter;
class QRect;
class QWidget;

namespace cmtl::ui {

// A chart as it leaves the workbench: a band with its full title (the chart, the task, the run)
// above the chart itself. On screen the page around a chart says which task and run it shows; an
// image pasted into a report has only its own title to say so.
struct ChartPicture {
    QString title; // "ROC curve — Class — Run 3 (MMoE, uncertainty)"
    QSize size;    // of the chart, as on screen
    // Draws the chart (without its on-screen title: the band carries it) into `area`.
    std::function<void(QPainter &painter, const QRect &area)> paint;
};

// The parts that are known, joined by " — ": chart name, task, run.
QString chartExportTitle(const QString &chart, const QString &task, const QString &run);

// Renders `picture` to `path`: SVG when the name ends in .svg (vector, via QSvgGenerator, the
// title as text), else a PNG at twice the screen resolution. Returns false when writing failed.
bool saveChartPicture(const ChartPicture &picture, const QString &path);
// The picture as an image (scale 2: twice the screen resolution) and as an SVG document.
QImage chartPictureImage(const ChartPicture &picture, qreal scale = 2.0);
QByteArray chartPictureSvg(const ChartPicture &picture);
// Puts the picture on the clipboard, as an image and as SVG (image/svg+xml) for editors that
// paste vectors.
void copyChartPicture(const ChartPicture &picture);
// Asks for a file name (PNG or SVG), suggesting one made from the title, and saves; reports a
// failure in a dialog.
void saveChartPictureInteractively(QWidget *parent, const ChartPicture &picture);
// The file name (without extension) suggested for a title: characters that file systems refuse
// (/ \ : * ? " < > |) become "-".
QString imageFileStem(const QString &title);

} // namespace cmtl::ui
