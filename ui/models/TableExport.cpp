#include "models/TableExport.h"

#include "ErrorMessages.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QLocale>
#include <QSaveFile>
#include <QStringList>

#include <cmath>

namespace cmtl::ui {

namespace {

QString field(QString text, QChar separator)
{
    if (separator == QLatin1Char('\t'))
        return text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.contains(separator) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + text.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

} // namespace

QString plainNumber(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString modelToText(const QAbstractItemModel &model, QChar separator)
{
    QString text;
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << field(model.headerData(c, Qt::Horizontal).toString(), separator);
    text += cells.join(separator) + QLatin1Char('\n');
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex index = model.index(r, c);
            const QVariant exported = index.data(kExportRole);
            cells << field(exported.isValid() ? exported.toString() : index.data().toString(), separator);
        }
        text += cells.join(separator) + QLatin1Char('\n');
    }
    return text;
}

void copyModelToClipboard(const QAbstractItemModel &model)
{
    QApplication::clipboard()->setText(modelToText(model, QLatin1Char('\t')));
}

bool saveModelAsCsv(const QAbstractItemModel &model, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(modelToText(model, QLatin1Char(',')).toUtf8());
    return file.commit();
}

void saveModelAsCsvInteractively(const QAbstractItemModel &model, QWidget *parent, const QString &suggestedName)
{
    const QString path =
        QFileDialog::getSaveFileName(parent, QCoreApplication::translate("cmtl::ui::TableExport", "Save table"),
                                     suggestedName + QStringLiteral(".csv"),
                                     QCoreApplication::translate("cmtl::ui::TableExport", "CSV files (*.csv)"));
    if (!path.isEmpty() && !saveModelAsCsv(model, path))
        showError(
            parent, QCoreApplication::translate("cmtl::ui::TableExport", "Save table"),
            QCoreApplication::translate("cmtl::ui::TableExport", "The table could not be written to %1.").arg(path));
}

void addTableExportActions(QAbstractItemView *view, const QString &suggestedName)
{
    auto *copy = new QAction(QCoreApplication::translate("cmtl::ui::TableExport", "Copy Table"), view);
    QObject::connect(copy, &QAction::triggered, view, [view] {
        if (view->model())
            copyModelToClipboard(*view->model());
    });
    auto *save = new QAction(QCoreApplication::translate("cmtl::ui::TableExport", "Save Table as CSV…"), view);
    QObject::connect(save, &QAction::triggered, view, [view, suggestedName] {
        if (view->model())
            saveModelAsCsvInteractively(*view->model(), view, suggestedName);
    });
    view->addAction(copy);
    view->addAction(save);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace cmtl::ui
