#include "WheelGuard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace cmtl::ui {

void WheelGuard::install()
{
    if (!qApp || qApp->findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    auto *guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
    // Widgets polished before now; the others get StrongFocus when they are polished. It must be
    // set before any wheel turn: QApplication gives a WheelFocus widget the focus before the
    // filter sees the event.
    for (QWidget *widget : QApplication::allWidgets())
        guard->takeStrongFocus(widget);
}

void WheelGuard::takeStrongFocus(QWidget *widget)
{
    if (guards(widget) && widget->focusPolicy() == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
}

bool WheelGuard::guards(const QWidget *widget)
{
    // A scroll bar is a slider too, but turning the wheel over it is how it is meant to be used.
    return qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
           (qobject_cast<const QAbstractSlider *>(widget) && !widget->inherits("QScrollBar"));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (!watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (event->type() == QEvent::Polish) {
        takeStrongFocus(widget);
    } else if (event->type() == QEvent::Wheel && guards(widget)) {
        const QWidget *focus = QApplication::focusWidget();
        const bool focused = focus && (focus == widget || widget->isAncestorOf(focus));
        if (!focused) {
            // Handled here but not accepted: QApplication passes the wheel on to the parent, which
            // scrolls.
            event->ignore();
            return true;
        }
    }
    return false;
}

} // namespace cmtl::ui
