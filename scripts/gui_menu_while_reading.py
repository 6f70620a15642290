#!/usr/bin/python3
"""Does the window answer while the workbench reads a large file on every core?

Run inside ../shared/tools/gui/atspi_run.sh with an app command that starts the workbench on a file
large enough to take seconds to read, a little after this script starts, e.g.
    atspi_run.sh "bash -c 'sleep 3; exec build/app/workbench/creditmtl big3m.csv'" \
        scripts/gui_menu_while_reading.py File /tmp/menu-during-read.png
MENU is the menu bar's first menu in the workbench's language ("File"; "文件" in Chinese).
Four times during the read it clicks the menu, times until one of its items shows over the
accessibility bus (an upper bound: the bus's own latency and a 10 ms poll are included; on the
sample, already read, it is about 0.24 s) and prints it with the reading progress (0-1000); the
second time it takes a screenshot. Prints only: compare with the figure on a file already read.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi import app  # noqa: E402
from atspi_support import click_at, is_showing, screenshot, xdotool  # noqa: E402

def walk(node, pred, depth=0):
    """The first node under `node` for which pred holds, without walking into tables' cells."""
    if node is None or depth > 12:
        return None
    try:
        if pred(node):
            return node
        if node.getRoleName() == "table":
            return None
        for child in node:
            hit = walk(child, pred, depth + 1)
            if hit is not None:
                return hit
    except Exception:
        return None
    return None

workbench = app("creditmtl", secs=60)
time.sleep(0.5)
menubar = walk(workbench, lambda n: n.getRoleName() == "menu bar")
menu = [c for c in menubar if c.name.replace("&", "").startswith(sys.argv[1])][0]
bar = walk(workbench, lambda n: n.getRoleName() == "progress bar")
for attempt in range(4):
    value = bar.queryValue().currentValue if bar else -1
    t = time.time()
    click_at(menu)
    item = None
    while time.time() - t < 10:
        item = walk(menu, lambda n: n.getRoleName() == "menu item" and is_showing(n))
        if item is not None:
            break
        time.sleep(0.01)
    print(f"progress {value}: menu item showing after {time.time() - t:.3f} s")
    if attempt == 1:
        screenshot(sys.argv[2])
    xdotool("key", "Escape")
    time.sleep(0.4)
