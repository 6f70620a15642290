#include "ErrorMessages.h"

#include "common/Error.h"

#include <QCoreApplication>
#include <QMessageBox>

#include <exception>
#include <new>
#include <stdexcept>

namespace cmtl::ui {

UserMessage describeCurrentException()
{
    try {
        throw;
    } catch (const DataError &error) {
        return {QCoreApplication::translate("cmtl::ui::ErrorMessages", "The data could not be read."),
                QString::fromStdString(error.what())};
    } catch (const ConfigError &error) {
        return {QCoreApplication::translate("cmtl::ui::ErrorMessages", "The settings cannot be used."),
                QString::fromStdString(error.what())};
    } catch (const std::bad_alloc &) {
        return {QCoreApplication::translate(
                    "cmtl::ui::ErrorMessages",
                    "There is not enough memory for this operation. Try a smaller file or a smaller network."),
                {}};
    } catch (const std::invalid_argument &error) {
        return {QCoreApplication::translate("cmtl::ui::ErrorMessages", "The engine refused its input."),
                QString::fromStdString(error.what())};
    } catch (const std::exception &error) {
        return {QCoreApplication::translate("cmtl::ui::ErrorMessages", "The operation failed."),
                QString::fromStdString(error.what())};
    } catch (...) {
        return {QCoreApplication::translate("cmtl::ui::ErrorMessages", "The operation failed for an unknown reason."),
                {}};
    }
}

void showError(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    // Window-modal but not a nested event loop: the caller returns at once.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty()) {
        // The engine's messages are written for users (file, line, column, what was expected):
        // show them in the dialog itself rather than hidden behind "Show Details".
        box->setInformativeText(details);
    }
    box->open();
}

} // namespace cmtl::ui
