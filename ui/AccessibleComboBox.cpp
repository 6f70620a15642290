#include "AccessibleComboBox.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QItemSelectionModel>

namespace cmtl::ui {

namespace {

// AT-SPI clients (screen readers, tests) read a combo box's value as the selected item of its
// list, and Qt selects that item only while the list is open: a closed "Role of annual_inc" would
// be read without its value. Keeps the current item selected, from the first query on.
void keepCurrentItemSelected(QComboBox *combo)
{
    const auto selectCurrent = [combo] {
        QItemSelectionModel *selection = combo->view()->selectionModel();
        const QModelIndex current =
            combo->model()->index(combo->currentIndex(), combo->modelColumn(), combo->rootModelIndex());
        if (selection && current.isValid() && !selection->isSelected(current))
            selection->select(current, QItemSelectionModel::ClearAndSelect);
    };
    QObject::connect(combo, &QComboBox::currentIndexChanged, combo, selectCurrent);
    selectCurrent();
}

QAccessibleInterface *namedComboBoxFactory(const QString &className, QObject *object)
{
    auto *combo = qobject_cast<QComboBox *>(object);
    if (!combo || className != QLatin1String("QComboBox") || combo->accessibleName().isEmpty() || combo->isEditable())
        return nullptr;
    keepCurrentItemSelected(combo);
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
