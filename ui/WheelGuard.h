#pragma once

#include <QObject>

class QWidget;

namespace cmtl::ui {

// Controls change only when the user means it: a combo box, spin box or slider ignores the mouse
// wheel unless it has the keyboard focus, and the wheel then scrolls whatever holds it (the page's
// scroll area, a table) as if the control were not there. The controls take focus by click or Tab
// only (Qt::StrongFocus instead of Qt::WheelFocus), so turning the wheel never focuses one either.
// One filter on the application covers every page, table and dialog, including controls created
// later (a new task's lambda row, the Roles page's editors).
class WheelGuard : public QObject {
    Q_OBJECT
public:
    // Installs the guard on the running QApplication (once; later calls do nothing).
    static void install();
    // Whether `widget` is a control the guard protects.
    static bool guards(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    static void takeStrongFocus(QWidget *widget);
};

} // namespace cmtl::ui
