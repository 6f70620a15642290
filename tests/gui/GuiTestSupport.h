#pragma once

// What the GUI suites (tests/gui) do again and again: start from a clean state, find a widget by
// object name or by its accessible name, open data, the sample or a project and wait until the
// window is idle, train and wait for the run.

#include "MainWindow.h"
#include "ResourcesInit.h"
#include "Workspace.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace cmtl::ui::testing {

// The dialog of type Dialog that triggering the window's action `actionName` opened (a child of the
// window that was not there before), or null when the action or the dialog is missing.
template <typename Dialog> Dialog *dialogOpenedBy(QWidget *window, const QString &actionName)
{
    auto *action = window->findChild<QAction *>(actionName);
    if (!action)
        return nullptr;
    const QList<Dialog *> before = window->findChildren<Dialog *>();
    action->trigger();
    for (Dialog *dialog : window->findChildren<Dialog *>()) {
        if (!before.contains(dialog))
            return dialog;
    }
    return nullptr;
}

// Settings and the recovery file in Qt's test locations (never the user's), no settings left from
// an earlier run, and the icons and translations loaded.
inline void startCleanly()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    initResources();
}

// Shows `window` at `size` and makes it the active window, so that the focus and key events reach
// it as a user's do. False when the platform does not expose or activate it in time.
inline bool showActive(QWidget *window, QSize size)
{
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return false;
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window);
}

// Answers with `button` the question that closing `dialog` asked about its unsaved result
// (ui/UnsavedResult); false when none was asked.
inline bool answerUnsavedQuestion(QWidget *dialog, QMessageBox::StandardButton button)
{
    QPointer<QMessageBox> box = dialog->findChild<QMessageBox *>(QStringLiteral("unsavedResultBox"));
    if (!box || !box->isVisible() || !box->button(button))
        return false;
    box->button(button)->click();
    return QTest::qWaitFor([&] { return box.isNull(); }, 5000);
}

// The widget of type T named `objectName` under `root`; a warning names a missing one.
template <typename T> T *findNamed(const QObject *root, const QString &objectName)
{
    T *widget = root->findChild<T *>(objectName);
    if (!widget)
        qWarning("no widget named %s", qPrintable(objectName));
    return widget;
}

// The widget of type T under `root` whose accessible name is `name`: what a screen reader finds.
template <typename T> T *findByAccessibleName(const QObject *root, const QString &name)
{
    for (T *widget : root->findChildren<T *>()) {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (accessible && accessible->text(QAccessible::Name) == name)
            return widget;
    }
    qWarning("no widget with the accessible name %s", qPrintable(name));
    return nullptr;
}

// One of the window's message boxes (the prompts are named: "unsavedChangesBox", "errorDialog"...).
inline QMessageBox *messageBox(const MainWindow *window, const char *objectName)
{
    return window->findChild<QMessageBox *>(QLatin1String(objectName));
}

// Runs `open` (which starts reading a data file) and waits until the window reports the data
// loaded and its reader has stopped. False when either takes too long.
inline bool loadsData(MainWindow *window, const std::function<void()> &open, int timeoutMs = 30000)
{
    QSignalSpy loaded(window, &MainWindow::dataLoaded);
    open();
    const bool loadedInTime = QTest::qWaitFor([&] { return loaded.count() > 0; }, timeoutMs);
    return QTest::qWaitFor([&] { return !window->isBusy(); }, 10000) && loadedInTime;
}

inline bool openDataAndWait(MainWindow *window, const QString &path)
{
    return loadsData(window, [&] { window->openDataFile(path); });
}

// The sample, with its demo tasks.
inline bool openSampleAndWait(MainWindow *window)
{
    return loadsData(window, [&] { window->openSample(); });
}

// A project whose data file is where the project says and unchanged.
inline bool openProjectAndWait(MainWindow *window, const QString &path)
{
    bool opened = false;
    return loadsData(window, [&] { opened = window->openProject(path); }) && opened;
}

// Trains with the settings as they are; the run once it was added and the worker stopped, or
// nothing when training does not end in time.
inline RunPtr trainAndWait(MainWindow *window, int timeoutMs = 120000)
{
    QSignalSpy added(window->workspace(), &Workspace::runAdded);
    window->startTraining();
    if (!QTest::qWaitFor([&] { return added.count() > 0; }, timeoutMs) ||
        !QTest::qWaitFor([&] { return !window->isBusy(); }, 10000))
        return {};
    return window->workspace()->currentRun();
}

// Writes `content` to the file `name` in `directory`; its path, or empty when it cannot be written.
inline QString writeFile(const QTemporaryDir &directory, const QString &name, const QByteArray &content)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace cmtl::ui::testing
