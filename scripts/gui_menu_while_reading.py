#!/usr/bin/python3
"""Does the window answer while the workbench reads a large file on every core?

Run inside ../shared/tools/gui/atspi_run.sh with an app command that starts the workbench on a file
large enough to take seconds to read, a little after this script starts, e.g.
    atspi_run.sh "bash -c 'sleep 3; exec build/app/workbench/creditmtl big3m.csv'" \
        scripts/gui_menu_while_reading.py File /tmp/menu-during-read.png
MENU is the menu bar's first menu in the workbench's language ("File"; "文件" in Chinese).
Four times during the read it clicks the menu, times until one of its items shows over the
accessibility bus (an upper bound: the bus's own latency and a 10 ms poll are included; on the
sample, already read, it is about 0.26 s) and prints it with the reading progress (0-1000); the
second time it takes a screenshot. Prints only: compare with the figure on a file already read.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi import app  # noqa: E402
from atspi_support import click_at, find, screenshot, xdotool  # noqa: E402


def shown_item(menu):
    """A showing item of the menu's popup: below the menu bar's item itself (which is also a
    "menu item", and showing all along)."""
    for child in menu:
        item = find(child, "menu item", showing=True)
        if item is not None:
            return item
    return None


workbench = app("creditmtl", secs=60)
time.sleep(0.5)
menubar = find(workbench, "menu bar")
menu = [c for c in menubar if c.name.replace("&", "").startswith(sys.argv[1])][0]
bar = find(workbench, "progress bar")
for attempt in range(4):
    value = bar.queryValue().currentValue if bar else -1
    t = time.time()
    click_at(menu)
    item = None
    while time.time() - t < 10:
        item = shown_item(menu)
        if item is not None:
            break
        time.sleep(0.01)
    if item is None:
        sys.exit(f"progress {value}: no item of the menu showed within 10 s")
    print(f"progress {value}: menu item showing after {time.time() - t:.3f} s")
    if attempt == 1:
        screenshot(sys.argv[2])
    xdotool("key", "Escape")
    time.sleep(0.4)
