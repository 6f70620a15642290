#include "UndoSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUndoStack>

#include <memory>

namespace cmtl::ui {

void pushOrApply(QUndoStack *stack, QUndoCommand *command)
{
    if (stack) {
        stack->push(command);
        return;
    }
    const std::unique_ptr<QUndoCommand> owned(command);
    owned->redo();
}

QVariantMap captureValues(const QWidget *root, const QStringList &skip)
{
    QVariantMap values;
    for (const QWidget *widget : root->findChildren<QWidget *>()) {
        const QString name = widget->objectName();
        if (name.isEmpty() || name.startsWith(QLatin1String("qt_")) || skip.contains(name))
            continue;
        if (const auto *edit = qobject_cast<const QLineEdit *>(widget)) {
            // A spin box's or combo box's own line edit belongs to it.
            if (!qobject_cast<const QAbstractSpinBox *>(edit->parentWidget()) &&
                !qobject_cast<const QComboBox *>(edit->parentWidget()))
                values.insert(name, edit->text());
        } else if (const auto *check = qobject_cast<const QCheckBox *>(widget)) {
            values.insert(name, check->isChecked());
        } else if (const auto *combo = qobject_cast<const QComboBox *>(widget)) {
            values.insert(name, combo->currentIndex());
        } else if (const auto *spin = qobject_cast<const QSpinBox *>(widget)) {
            values.insert(name, spin->value());
        } else if (const auto *real = qobject_cast<const QDoubleSpinBox *>(widget)) {
            values.insert(name, real->value());
        }
    }
    return values;
}

void applyValues(QWidget *root, const QVariantMap &values)
{
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const auto value = values.constFind(widget->objectName());
        if (widget->objectName().isEmpty() || value == values.constEnd())
            continue;
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            edit->setText(value->toString());
        else if (auto *check = qobject_cast<QCheckBox *>(widget))
            check->setChecked(value->toBool());
        else if (auto *combo = qobject_cast<QComboBox *>(widget))
            combo->setCurrentIndex(value->toInt());
        else if (auto *spin = qobject_cast<QSpinBox *>(widget))
            spin->setValue(value->toInt());
        else if (auto *real = qobject_cast<QDoubleSpinBox *>(widget))
            real->setValue(value->toDouble());
    }
}

QString controlName(const QWidget *widget)
{
    for (const QLabel *label : widget->window()->findChildren<QLabel *>()) {
        if (label->buddy() == widget) {
            // "Learning &rate:" and the Chinese style "学习率(&R)：" both become the bare name.
            QString text = label->text();
            text.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));
            text.remove(QLatin1Char('&'));
            while (text.endsWith(QLatin1Char(':')) || text.endsWith(QChar(0xff1a)))
                text.chop(1);
            return text.trimmed();
        }
    }
    if (!widget->accessibleName().isEmpty())
        return widget->accessibleName();
    if (const auto *check = qobject_cast<const QCheckBox *>(widget))
        return check->text().remove(QLatin1Char('&'));
    return widget->objectName();
}

} // namespace cmtl::ui
