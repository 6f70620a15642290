#include "FormRows.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace cmtl::ui {

void addFormRow(QFormLayout *form, const QString &label, QWidget *control, const QString &accessibleName,
                QWidget *field)
{
    auto *text = new QLabel(label);
    text->setBuddy(control);
    if (!accessibleName.isEmpty())
        control->setAccessibleName(accessibleName);
    form->addRow(text, field ? field : control);
}

QWidget *fieldWithButton(QLineEdit *edit, QPushButton *button)
{
    auto *field = new QWidget;
    auto *layout = new QHBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return field;
}

} // namespace cmtl::ui
