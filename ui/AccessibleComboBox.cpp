#include "AccessibleComboBox.h"

#include <QAbstractItemView>
#include <QComboBox>

namespace cmtl::ui {

namespace {

QAccessibleInterface *namedComboBoxFactory(const QString &className, QObject *object)
{
    auto *combo = qobject_cast<QComboBox *>(object);
    if (!combo || className != QLatin1String("QComboBox") || combo->accessibleName().isEmpty() || combo->isEditable())
        return nullptr;
    return new AccessibleComboBox(combo);
}

} // namespace

AccessibleComboBox::AccessibleComboBox(QWidget *widget) : QAccessibleWidget(widget, QAccessible::ComboBox) {}

void AccessibleComboBox::install()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(namedComboBoxFactory);
    installed = true;
}

QComboBox *AccessibleComboBox::comboBox() const
{
    return static_cast<QComboBox *>(widget());
}

QString AccessibleComboBox::text(QAccessible::Text type) const
{
    switch (type) {
    case QAccessible::Name:
        return comboBox()->accessibleName();
    case QAccessible::Value:
        return comboBox()->currentText();
    default:
        return QAccessibleWidget::text(type);
    }
}

int AccessibleComboBox::childCount() const
{
    return comboBox()->view() ? 1 : 0;
}

QAccessibleInterface *AccessibleComboBox::child(int index) const
{
    return index == 0 && comboBox()->view() ? QAccessible::queryAccessibleInterface(comboBox()->view()) : nullptr;
}

int AccessibleComboBox::indexOfChild(const QAccessibleInterface *child) const
{
    return child && comboBox()->view() && child->object() == comboBox()->view() ? 0 : -1;
}

QStringList AccessibleComboBox::actionNames() const
{
    return {showMenuAction(), pressAction()};
}

void AccessibleComboBox::doAction(const QString &action)
{
    if (action == showMenuAction() || action == pressAction())
        comboBox()->showPopup();
}

QStringList AccessibleComboBox::keyBindingsForAction(const QString &action) const
{
    Q_UNUSED(action);
    return {};
}

} // namespace cmtl::ui
