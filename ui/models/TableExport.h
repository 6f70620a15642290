#pragma once

#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QWidget;

namespace cmtl::ui {

// The role a model answers for a cell whose exported text differs from what it shows: a number,
// shown with the locale's grouping and decimal mark ("9,857", "0,7123"), is exported plainly
// ("9857", "0.712345678") so that a spreadsheet or script reads it as a number in any locale.
inline constexpr int kExportRole = 0x0100 + 0x4558; // Qt::UserRole + "EX"
// The plain form of a number for export: shortest round-trip digits, '.' as decimal mark, no
// grouping; empty for NaN (undefined).
QString plainNumber(double value);

// The text of every cell (kExportRole where the model gives it, else the display text) with the
// horizontal headers first, as RFC 4180 CSV (separator ',') or as tab-separated text for the
// clipboard (separator '\t').
QString modelToText(const QAbstractItemModel &model, QChar separator);

// Copies the model as tab-separated text (pastes into a spreadsheet as a table).
void copyModelToClipboard(const QAbstractItemModel &model);

// Asks for a file name and writes the model as CSV (UTF-8); reports failure in a dialog.
void saveModelAsCsvInteractively(const QAbstractItemModel &model, QWidget *parent, const QString &suggestedName);
bool saveModelAsCsv(const QAbstractItemModel &model, const QString &path);

// Gives a table view a context menu with "Copy Table" and "Save Table as CSV…".
void addTableExportActions(QAbstractItemView *view, const QString &suggestedName);

} // namespace cmtl::ui
