#include "UnsavedResult.h"

#include <QDialog>
#include <QMessageBox>

namespace cmtl::ui {

namespace {
// Marks a dialog that holds an unsaved result, for closeDialogsWithUnsavedResults.
constexpr char kUnsavedProperty[] = "cmtlHoldsUnsavedResult";
} // namespace

UnsavedResult::UnsavedResult(QDialog *dialog, QString question, QString consequence)
    : m_dialog(dialog), m_question(std::move(question)), m_consequence(std::move(consequence))
{}

void UnsavedResult::produced()
{
    m_unsaved = true;
    m_dialog->setProperty(kUnsavedProperty, true);
}

void UnsavedResult::saved()
{
    m_unsaved = false;
    m_dialog->setProperty(kUnsavedProperty, false);
}

bool UnsavedResult::mayClose()
{
    if (!m_unsaved)
        return true;
    if (m_box) { // already asking
        m_box->raise();
        return false;
    }
    m_box = new QMessageBox(QMessageBox::Question, m_dialog->windowTitle(), m_question,
                            QMessageBox::Discard | QMessageBox::Cancel, m_dialog);
    m_box->setObjectName(QStringLiteral("unsavedResultBox"));
    m_box->setInformativeText(m_consequence);
    m_box->setDefaultButton(QMessageBox::Cancel);
    m_box->setEscapeButton(QMessageBox::Cancel);
    m_box->setWindowModality(Qt::WindowModal);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(m_box, &QMessageBox::finished, m_dialog, [this](int button) {
        if (button != QMessageBox::Discard)
            return;
        saved(); // discarded by the user: nothing left to ask about
        m_dialog->reject();
    });
    m_box->open();
    return false;
}

bool closeDialogsWithUnsavedResults(QWidget *window)
{
    bool allClosed = true;
    for (QDialog *dialog : window->findChildren<QDialog *>()) {
        if (dialog->isVisible() && dialog->property(kUnsavedProperty).toBool() && !dialog->close())
            allClosed = false;
    }
    return allClosed;
}

} // namespace cmtl::ui
