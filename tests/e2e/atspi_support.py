"""Drives a Qt application through the accessibility bus (AT-SPI), as a screen reader user or a
tester would: find controls by role and accessible name, press them, set values, read tables, and
click or type with xdotool where a user's mouse and keyboard are needed (a combo box's list).

Adapted from the lab's tools/gui/atspi.py and scripts/gui_wheel_and_pages.py, so that the test
depends only on the repository. Runs inside run_e2e.sh (Xvfb, a session bus, the AT-SPI bus).
"""
import os
import subprocess
import time

import pyatspi

# Item views hold thousands of cells: searches do not descend into them (tables are read with
# table_rows, lists with their direct children).
ITEM_VIEWS = {"table", "tree table", "tree"}


class DriveError(AssertionError):
    """What the workbench did differs from what a user expects; the message says what."""


def wait_for(predicate, seconds, step=0.2):
    end = time.monotonic() + seconds
    while True:
        try:
            result = predicate()
        except Exception:  # the tree changes while it is read: a stale node
            result = None
        if result:
            return result
        if time.monotonic() >= end:
            return None
        time.sleep(step)


def require(value, what):
    if not value:
        raise DriveError(what)
    return value


def application(name, process, seconds):
    """The application's accessible root, once it is on the bus (fails early if the process died)."""
    def found():
        if process.poll() is not None:
            raise DriveError(f"{name} exited with code {process.returncode} before it was on the accessibility bus")
        for candidate in pyatspi.Registry.getDesktop(0):
            if candidate is not None and candidate.name == name and candidate.get_process_id() == process.pid:
                return candidate
        return None

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        root = found()
        if root is not None:
            return root
        time.sleep(0.3)
    raise DriveError(f"{name} was not on the accessibility bus after {seconds} s")


def role_of(node):
    return node.getRoleName()


def states(node):
    return node.getState()


def is_showing(node):
    return states(node).contains(pyatspi.STATE_SHOWING)


def find_all(root, role=None, name=None, contains=None, showing=False):
    """The nodes under `root` (itself included) of the role and name given. With showing=True only
    showing nodes count, and hidden subtrees (the pages not shown) are not searched at all."""
    hits = []

    def visit(node, depth):
        if node is None or depth > 60:
            return
        try:
            node_role, node_name = node.getRoleName(), node.name or ""
            if showing and not is_showing(node):
                return
        except Exception:  # a node that went away while it was read
            return
        if ((role is None or node_role == role) and (name is None or node_name == name)
                and (contains is None or contains.lower() in node_name.lower())):
            hits.append(node)
        if node_role in ITEM_VIEWS:
            return
        try:
            children = list(node)
        except Exception:
            return
        for child in children:
            visit(child, depth + 1)

    visit(root, 0)
    return hits


def find(root, role=None, name=None, contains=None, showing=False):
    hits = find_all(root, role, name, contains, showing)
    return hits[0] if hits else None


def wait_find(root, seconds, role=None, name=None, contains=None, showing=False):
    what = f"{role or 'control'} {name or contains!r}"
    return require(wait_for(lambda: find(root, role, name, contains, showing), seconds),
                   f"no {what} within {seconds} s")


def window(root, role, name):
    """A top-level window of the application (a dialog, a message box) that is shown."""
    for child in root:
        try:
            if child is not None and child.getRoleName() == role and child.name == name and is_showing(child):
                return child
        except Exception:
            continue
    return None


def wait_window(root, seconds, role, name):
    return require(wait_for(lambda: window(root, role, name), seconds), f"no {role} {name!r} within {seconds} s")


def actions(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def do_action(node, preferred=("Press", "press", "click", "Toggle", "ShowMenu")):
    """Performs the node's first preferred action, as a screen reader's "activate" does."""
    names = actions(node)
    for wanted in preferred:
        if wanted in names:
            node.queryAction().doAction(names.index(wanted))
            return wanted
    raise DriveError(f"{role_of(node)} {node.name!r} offers none of {preferred} (it offers {names})")


def value_of(node):
    return node.queryValue().currentValue


def set_value(node, value):
    node.queryValue().currentValue = value


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return node.name


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def centre(node):
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return extents.x + extents.width // 2, extents.y + extents.height // 2


def xdotool(*arguments):
    subprocess.run(["xdotool", *map(str, arguments)], check=True, timeout=10)


def click_at(node):
    """A left click in the middle of `node`, with the mouse, as a user does."""
    x, y = centre(node)
    xdotool("mousemove", x, y)
    time.sleep(0.1)
    xdotool("click", "1")


def choose_in_combo(root, combo_name, item_name, seconds=10):
    """Opens the combo box named `combo_name` and clicks its item `item_name` with the mouse: the
    explicit edit a user makes (the wheel and the arrow keys are not one)."""
    combo = wait_find(root, seconds, "combo box", combo_name, showing=True)
    do_action(combo, ("ShowMenu", "Press"))
    items = require(wait_for(lambda: [item for item in find_all(combo, "list item", item_name) if is_showing(item)],
                             seconds), f"the list of {combo_name!r} shows no item {item_name!r}")
    click_at(items[0])
    require(wait_for(lambda: combo_value(combo) == item_name, seconds),
            f"{combo_name!r} reads {combo_value(combo)!r} after choosing {item_name!r}")
    return combo


def combo_value(combo):
    """A combo box's current text: its Text value where it has one, else its selected item."""
    try:
        text = combo.queryText()
        value = text.getText(0, text.characterCount)
        if value:
            return value
    except NotImplementedError:
        pass
    for item in find_all(combo, "list item"):
        if states(item).contains(pyatspi.STATE_SELECTED):
            return item.name
    return None


def table_rows(table):
    """The cells' texts of a table (an item view), row by row, with the header row first."""
    interface = table.queryTable()
    header = []
    for column in range(interface.nColumns):
        cell = interface.getColumnHeader(column)
        header.append(cell.name if cell is not None else "")
    rows = [header]
    for row in range(interface.nRows):
        cells = []
        for column in range(interface.nColumns):
            cell = interface.getAccessibleAt(row, column)
            cells.append(cell.name if cell is not None else "")
        rows.append(cells)
    return rows


def screenshot(path):
    subprocess.run(["import", "-window", "root", path], check=False, timeout=20,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def describe(node):
    """A node as a person reads it in a report: role, name and where it sits in the tree."""
    path = []
    current = node
    for _ in range(12):
        try:
            current = current.parent
        except Exception:
            break
        if current is None or role_of(current) in {"application", "frame"}:
            break
        if current.name:
            path.append(current.name)
    where = f" in {' / '.join(reversed(path))}" if path else ""
    return f"{role_of(node)} {node.name!r}{where}"


def environment_ok():
    return bool(os.environ.get("DISPLAY")) and bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
