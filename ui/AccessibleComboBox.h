#pragma once

#include <QAccessibleWidget>

class QComboBox;

namespace cmtl::ui {

// On Linux, Qt names a combo box after its current text ("Feature") and leaves the name to a
// label relation, so a combo box without a label of its own -- the Roles page's editors, one per
// column -- is read as a bare value. This interface gives a combo box whose accessibleName is set
// that name ("Role of annual_inc"), its current text as the value, its list as the only child, and
// the actions to open that list. Combo boxes without an accessibleName keep Qt's own interface.
class AccessibleComboBox : public QAccessibleWidget {
public:
    explicit AccessibleComboBox(QWidget *widget);

    // Registers the factory with QAccessible (once).
    static void install();

    QString text(QAccessible::Text type) const override;
    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QStringList actionNames() const override;
    void doAction(const QString &action) override;
    QStringList keyBindingsForAction(const QString &action) const override;

private:
    QComboBox *comboBox() const;
};

} // namespace cmtl::ui
