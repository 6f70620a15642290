#pragma once

#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QWidget;

namespace cmtl::ui {

// The display text of every cell with the horizontal headers first, as RFC 4180 CSV (separator
// ',') or as tab-separated text for the clipboard (separator '\t').
QString modelToText(const QAbstractItemModel &model, QChar separator);

// Copies the model as tab-separated text (pastes into a spreadsheet as a table).
void copyModelToClipboard(const QAbstractItemModel &model);

// Asks for a file name and writes the model as CSV (UTF-8); reports failure in a dialog.
void saveModelAsCsvInteractively(const QAbstractItemModel &model, QWidget *parent, const QString &suggestedName);
bool saveModelAsCsv(const QAbstractItemModel &model, const QString &path);

// Gives a table view a context menu with "Copy Table" and "Save Table as CSV…".
void addTableExportActions(QAbstractItemView *view, const QString &suggestedName);

} // namespace cmtl::ui
