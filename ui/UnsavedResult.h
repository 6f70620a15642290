#pragma once

#include <QPointer>
#include <QString>

class QDialog;
class QMessageBox;
class QWidget;

namespace cmtl::ui {

// A result that a dialog holds and the user has not saved yet (a card and its comparison, say):
// closing the dialog would lose it, so the close asks first — Discard or Cancel, window-modal and
// without a nested event loop, as the main window asks about an unsaved project. The dialog calls
// produced() when a result arrives, saved() when it has been written, and mayClose() from its
// reject() override (Close, Esc and the title bar's close all pass through reject()).
class UnsavedResult {
public:
    // `question`: what would be lost; `consequence`: what closing means (e.g. how to get it back).
    UnsavedResult(QDialog *dialog, QString question, QString consequence);

    void produced();
    void saved();
    bool isUnsaved() const { return m_unsaved; }
    // True when the dialog may close now. Otherwise asks, and closes the dialog when the user
    // chooses Discard; Cancel leaves both the dialog and its result as they were.
    bool mayClose();

private:
    QDialog *m_dialog;
    QString m_question;
    QString m_consequence;
    bool m_unsaved = false;
    QPointer<QMessageBox> m_box;
};

// Closes every dialog under `window` that holds an unsaved result (each asks first). False when one
// stays open because the user is being asked: the caller stops what it was doing (e.g. quitting).
bool closeDialogsWithUnsavedResults(QWidget *window);

} // namespace cmtl::ui
