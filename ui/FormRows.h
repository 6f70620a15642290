#pragma once

#include <QString>

class QFormLayout;
class QLineEdit;
class QPushButton;
class QWidget;

namespace cmtl::ui {

// A row of a form: `label` names `control` (its buddy, so that the label's mnemonic focuses it);
// `field` is what the row shows — the control, or a widget holding it (see fieldWithButton). An
// empty `accessibleName` keeps the name the control already has.
void addFormRow(QFormLayout *form, const QString &label, QWidget *control, const QString &accessibleName = {},
                QWidget *field = nullptr);

// `edit` with `button` beside it (a path and its Browse… button), as one field of a form: the edit
// takes the width.
QWidget *fieldWithButton(QLineEdit *edit, QPushButton *button);

} // namespace cmtl::ui
