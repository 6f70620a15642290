#pragma once

#include <QString>
#include <QUndoCommand>
#include <QVariantMap>

class QUndoStack;
class QWidget;

namespace cmtl::ui {

// One undo step that swaps a page between two snapshots of its state (Qt's Undo Framework:
// QUndoStack calls redo() when the command is pushed and undo()/redo() afterwards). The change
// is already made when the command is pushed, so that first redo() does nothing. Target needs
// `void applyState(const State &)`, which must not push commands itself.
// Consecutive commands with the same non-empty mergeKey merge into one (typing "250" into a
// spin box, dragging a slider), and a merged command that ends where it began disappears.
template <typename Target, typename State> class SnapshotCommand : public QUndoCommand {
public:
    static constexpr int kMergeId = 0x434d544c; // "CMTL"

    SnapshotCommand(Target *target, State before, State after, const QString &text, QString mergeKey = {})
        : QUndoCommand(text), m_target(target), m_before(std::move(before)), m_after(std::move(after)),
          m_mergeKey(std::move(mergeKey))
    {}

    void undo() override { m_target->applyState(m_before); }
    void redo() override
    {
        if (m_pushed)
            m_target->applyState(m_after);
        m_pushed = true;
    }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : kMergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const SnapshotCommand *>(other);
        if (!next || next->m_target != m_target || next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    Target *m_target;
    State m_before, m_after;
    QString m_mergeKey;
    bool m_pushed = false;
};

// Pushes `command` (which applies it) on `stack`, or, without a stack, applies it and drops it.
void pushOrApply(QUndoStack *stack, QUndoCommand *command);

// The values of the input widgets under `root` that have an object name, by object name: line
// edits' text, check boxes' state, combo boxes' current index, spin boxes' value. Sliders are left
// out (each one mirrors a spin box here), as are the widgets named in `skip`.
QVariantMap captureValues(const QWidget *root, const QStringList &skip = {});
// Sets the widgets under `root` named in `values`; names without a widget are ignored.
void applyValues(QWidget *root, const QVariantMap &values);
// What the user calls a control: its label's text without the mnemonic and colon, else its
// accessible name, else its own text.
QString controlName(const QWidget *widget);

} // namespace cmtl::ui
