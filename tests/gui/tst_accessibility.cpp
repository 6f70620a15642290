// Keyboard and screen-reader access to every page of the real workbench window (offscreen, real
// key events): Tab walks each page's controls in the order of its layout, top to bottom and left
// to right, reaches every control, and enters the page from the side list; the Roles page's
// editors are found by their accessible names and read with their values.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "pages/ResultsPage.h"
#include "pages/RolesPage.h"
#include "pages/SettingsPage.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QTest>

using namespace cmtl;
using namespace cmtl::ui;
using namespace cmtl::ui::testing;

namespace {

// How far (in pixels) a control may stand above or left of the one before it and still count as
// following it: a label's baseline alignment, a frame's margin.
constexpr int kTolerance = 4;

QString describe(const QWidget *widget)
{
    const QString name = widget->objectName().isEmpty() ? QStringLiteral("(unnamed)") : widget->objectName();
    return QStringLiteral("%1 %2").arg(QLatin1String(widget->metaObject()->className()), name);
}

// The rectangle of `widget` in the coordinates of its window.
QRect inWindow(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

// Whether `next` follows `previous` in reading order. The two are compared as the children of
// their nearest common ancestor that hold them, so that a group of fields is read whole before
// the group beside it (the Settings page's Network group, then the Optimiser group to its right).
bool readsAfter(const QWidget *previous, const QWidget *next)
{
    // A control's own tools (a chart's Save and Copy buttons in its corner) come right after it.
    if (previous->isAncestorOf(next))
        return true;
    const QWidget *common = previous;
    while (common && common != next && !common->isAncestorOf(next))
        common = common->parentWidget();
    const auto holder = [common](const QWidget *widget) {
        while (widget != common && widget->parentWidget() != common)
            widget = widget->parentWidget();
        return widget;
    };
    const QRect before = inWindow(holder(previous)), after = inWindow(holder(next));
    const bool below = after.top() >= before.bottom() - kTolerance;
    // Beside it on the right, overlapping its rows (the next column of a form, a list beside
    // buttons).
    const bool rightOnTheSameRows =
        after.left() >= before.right() - kTolerance && after.top() <= before.bottom() && after.bottom() >= before.top();
    return below || rightOnTheSameRows;
}

// The controls of `page` that Tab should reach: those that take the focus by Tab, are shown and
// enabled, and take it themselves (not through a focus proxy, not a spin box's or combo box's own
// line edit).
QList<QWidget *> tabStops(QWidget *page)
{
    QList<QWidget *> stops;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        const bool inner = qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
                           qobject_cast<QComboBox *>(widget->parentWidget());
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(page->window()) && widget->isEnabled() &&
            !widget->focusProxy() && !inner && widget->window() == page->window())
            stops << widget;
    }
    return stops;
}

// Presses Tab, as the user does, and returns the widget that has the focus then.
QWidget *pressTab()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    return QApplication::focusWidget();
}

// The items of a combo box's list that its accessibility interface reports as selected: what
// AT-SPI clients read as the combo box's value.
QStringList selectedItems(QComboBox *combo)
{
    QStringList selected;
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(combo)->child(0);
    for (int i = 0; list && i < list->childCount(); ++i) {
        if (list->child(i) && list->child(i)->state().selected)
            selected << list->child(i)->text(QAccessible::Name);
    }
    return selected;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        startCleanly();
        m_window = new MainWindow;
        QVERIFY(showActive(m_window, QSize(1400, 900)));
        // Every page with content: the sample, its three tasks, and a short run.
        QVERIFY(openSampleAndWait(m_window));
        m_window->settingsPage()->setEpochs(2);
        m_window->settingsPage()->setHiddenLayers(QStringLiteral("16"));
        QVERIFY(trainAndWait(m_window));
    }

    void cleanupTestCase()
    {
        m_window->undoStack()->clear();
        m_window->workspace()->setModified(false);
        m_window->close();
        delete m_window;
    }

    void tabFollowsTheLayoutOnEveryPage_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("task"); // the Results page's task: each kind has its own charts
        for (int page = 0; page < MainWindow::PageCount; ++page)
            QTest::addRow("%d", page) << page << QString();
        for (const char *task : {"grade", "int_rate"})
            QTest::addRow("%d %s", int(MainWindow::Results), task)
                << int(MainWindow::Results) << QString::fromLatin1(task);
    }

    void tabFollowsTheLayoutOnEveryPage()
    {
        QFETCH(int, page);
        QFETCH(QString, task);
        m_window->showPage(static_cast<MainWindow::Page>(page));
        if (!task.isEmpty()) {
            auto *tasks = findNamed<QComboBox>(m_window->resultsPage(), QStringLiteral("taskCombo"));
            tasks->setCurrentIndex(tasks->findText(task));
            QCOMPARE(tasks->currentText(), task);
        }
        QApplication::processEvents();
        QWidget *root = m_window->pageWidget(static_cast<MainWindow::Page>(page));
        // From the side list, on the left, Tab enters the page.
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        navigation->setFocus();
        QTRY_VERIFY(navigation->hasFocus());
        QList<QWidget *> visited;
        QStringList problems;
        for (QWidget *focused = pressTab(); focused && root->isAncestorOf(focused) && !visited.contains(focused);
             focused = pressTab()) {
            if (!visited.isEmpty() && !readsAfter(visited.back(), focused))
                problems << QStringLiteral("%1 after %2").arg(describe(focused), describe(visited.back()));
            visited << focused;
        }

        QVERIFY2(!visited.isEmpty(), "Tab from the side list does not enter the page");
        // A control that keeps the focus on Tab (a table moving between its cells) traps the keyboard.
        QWidget *last = QApplication::focusWidget();
        QVERIFY2(last != visited.back(), qPrintable(QStringLiteral("Tab does not leave ") + describe(last)));
        QStringList order;
        for (const QWidget *widget : visited)
            order << describe(widget);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; ")) + QStringLiteral(" in the order ") +
                                                order.join(QStringLiteral(", "))));
        QStringList missed;
        for (QWidget *stop : tabStops(root)) {
            if (!visited.contains(stop))
                missed << describe(stop);
        }
        QVERIFY2(missed.isEmpty(),
                 qPrintable(QStringLiteral("not reached by Tab: ") + missed.join(QStringLiteral(", "))));
    }

    void rolesEditorsAreReadWithTheirValues()
    {
        // Found as a screen reader finds them, by name...
        auto *role = findByAccessibleName<QComboBox>(m_window->rolesPage(), QStringLiteral("Role of annual_inc"));
        auto *positive =
            findByAccessibleName<QComboBox>(m_window->rolesPage(), QStringLiteral("Positive class of Class"));
        QVERIFY(role && positive);
        QCOMPARE(role, m_window->rolesPage()->roleEditor(QStringLiteral("annual_inc")));
        // ...and read with their value: AT-SPI takes a combo box's value from the selected item of
        // its list, which a closed list did not have.
        for (QComboBox *editor : {role, positive}) {
            QCOMPARE(QAccessible::queryAccessibleInterface(editor)->text(QAccessible::Value), editor->currentText());
            QCOMPARE(selectedItems(editor), QStringList{editor->currentText()});
        }
        QCOMPARE(positive->currentText(), QStringLiteral("bad"));
        // The selection follows the value when it changes.
        m_window->rolesPage()->setRole(QStringLiteral("annual_inc"), RolesPage::Role::Ignore);
        QCOMPARE(selectedItems(role), QStringList{QStringLiteral("Ignore")});
        m_window->undoStack()->undo();
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
