#include "report/ReportPdf.h"

#include "io/AtomicFile.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace cmtl::ui {

void printReportToPdf(const QString &html, const QString &pdfPath)
{
    QTextDocument document;
    QString text = html;
    // Each inline <svg>...</svg> becomes an image resource that QTextDocument can place.
    static const QRegularExpression svgElement(QStringLiteral("<svg\\b.*?</svg>"),
                                               QRegularExpression::DotMatchesEverythingOption);
    int chart = 0;
    for (QRegularExpressionMatch match = svgElement.match(text); match.hasMatch();
         match = svgElement.match(text, match.capturedStart())) {
        QSvgRenderer renderer(match.captured().toUtf8());
        const QSize size = renderer.defaultSize();
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString name = QStringLiteral("chart-%1.png").arg(++chart);
        document.addResource(QTextDocument::ImageResource, QUrl(name), image);
        text.replace(match.capturedStart(), match.capturedLength(),
                     QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\"/>")
                         .arg(name)
                         .arg(size.width())
                         .arg(size.height()));
    }
    document.setHtml(text);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("CreditMTL"));
        document.print(&writer);
    }
    writeFileAtomically(pdfPath.toStdString(), bytes);
}

} // namespace cmtl::ui
