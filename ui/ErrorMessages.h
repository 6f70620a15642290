#pragma once

#include <QString>

class QWidget;

namespace cmtl::ui {

struct UserMessage {
    QString text;    // what a user reads: what went wrong and what to do
    QString details; // technical detail for the "Show Details" part of the dialog (may be empty)
};

// Turns the exception being handled (call inside a catch block) into a message: the engine's
// DataError and ConfigError already name the file, line and column and are shown as they are;
// anything else becomes a plain sentence with the technical text kept as details.
UserMessage describeCurrentException();

// A modal error dialog with a title, the message and optional details.
void showError(QWidget *parent, const QString &title, const QString &text, const QString &details = {});

} // namespace cmtl::ui
