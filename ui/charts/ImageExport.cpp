#include "charts/ImageExport.h"

#include "ErrorMessages.h"

#include <QBuffer>
#include <QClipboard>
#include <QCoreApplication>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>
#include <QScreen>
#include <QSvgGenerator>

namespace cmtl::ui {

namespace {

constexpr int kBandMargin = 8;

// The title band's font: bold, in pixels so that the band measures the same on every device
// (the screen, a PNG at twice its resolution, an SVG).
QFont bandFont()
{
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPixelSize(15);
    return font;
}

QRect bandTextRect(const ChartPicture &picture)
{
    const QFontMetrics metrics(bandFont());
    const int width = std::max(1, picture.size.width() - 2 * kBandMargin);
    const QRect text =
        metrics.boundingRect(QRect(0, 0, width, 100000), Qt::AlignHCenter | Qt::TextWordWrap, picture.title);
    return QRect(kBandMargin, kBandMargin, width, text.height());
}

QSize fullSize(const ChartPicture &picture)
{
    return {picture.size.width(), picture.size.height() + bandTextRect(picture).height() + 2 * kBandMargin};
}

void paintPicture(QPainter &painter, const ChartPicture &picture)
{
    const QSize size = fullSize(picture);
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    const QRect band = bandTextRect(picture);
    painter.setFont(bandFont());
    painter.setPen(Qt::black);
    painter.drawText(band, Qt::AlignHCenter | Qt::TextWordWrap, picture.title);
    const int top = band.bottom() + 1 + kBandMargin;
    if (picture.paint)
        picture.paint(painter, QRect(0, top, picture.size.width(), picture.size.height()));
}

// The resolution the chart was laid out for, so that its text keeps its size in the SVG.
int screenDpi()
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    return screen ? qRound(screen->logicalDotsPerInch()) : 96;
}

bool writeSvg(const ChartPicture &picture, QSvgGenerator &generator)
{
    const QSize size = fullSize(picture);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(screenDpi());
    generator.setTitle(picture.title);
    generator.setDescription(QStringLiteral("CreditMTL"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    paintPicture(painter, picture);
    return painter.end();
}

} // namespace

QString chartExportTitle(const QString &chart, const QString &task, const QString &run)
{
    QStringList parts;
    for (const QString &part : {chart, task, run}) {
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QStringLiteral(" — "));
}

QImage chartPictureImage(const ChartPicture &picture, qreal scale)
{
    QImage image(fullSize(picture) * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintPicture(painter, picture);
    painter.end();
    return image;
}

QByteArray chartPictureSvg(const ChartPicture &picture)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    if (!writeSvg(picture, generator))
        return {};
    return buffer.data();
}

bool saveChartPicture(const ChartPicture &picture, const QString &path)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator generator;
        generator.setFileName(path);
        // QSvgGenerator reports no write error; an unopenable file makes begin() fail.
        return writeSvg(picture, generator);
    }
    return chartPictureImage(picture).save(path, "PNG");
}

void copyChartPicture(const ChartPicture &picture)
{
    auto *data = new QMimeData;
    data->setImageData(chartPictureImage(picture));
    data->setData(QStringLiteral("image/svg+xml"), chartPictureSvg(picture));
    QGuiApplication::clipboard()->setMimeData(data);
}

QString imageFileStem(const QString &title)
{
    static const QRegularExpression refused(QStringLiteral("[/\\\\:*?\"<>|]"));
    return QString(title).replace(refused, QStringLiteral("-")).trimmed();
}

void saveChartPictureInteractively(QWidget *parent, const ChartPicture &picture)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("cmtl::ui::ImageExport", "Save chart"),
        imageFileStem(picture.title) + QStringLiteral(".png"),
        QCoreApplication::translate("cmtl::ui::ImageExport", "PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    if (!saveChartPicture(picture, path))
        showError(
            parent, QCoreApplication::translate("cmtl::ui::ImageExport", "Save chart"),
            QCoreApplication::translate("cmtl::ui::ImageExport", "The chart could not be written to %1.").arg(path));
}

} // namespace cmtl::ui
