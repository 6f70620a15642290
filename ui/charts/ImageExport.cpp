#include "charts/ImageExport.h"

#include "ErrorMessages.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace cmtl::ui {

bool saveWidgetImage(QWidget *widget, const QString &path, const QString &title)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(widget->size());
        generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
        generator.setTitle(title);
        generator.setDescription(QStringLiteral("CreditMTL"));
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        widget->render(&painter);
        return painter.end();
    }
    const qreal scale = 2.0;
    QImage image(widget->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    widget->render(&painter);
    painter.end();
    return image.save(path, "PNG");
}

void saveWidgetImageInteractively(QWidget *widget, const QString &suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(
        widget, QCoreApplication::translate("cmtl::ui::ImageExport", "Save chart"),
        suggestedName + QStringLiteral(".png"),
        QCoreApplication::translate("cmtl::ui::ImageExport", "PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    if (!saveWidgetImage(widget, path, suggestedName))
        showError(
            widget, QCoreApplication::translate("cmtl::ui::ImageExport", "Save chart"),
            QCoreApplication::translate("cmtl::ui::ImageExport", "The chart could not be written to %1.").arg(path));
}

} // namespace cmtl::ui
