#!/usr/bin/python3
"""Opening a bad file on top of a good one: the message, and the good file kept on screen.

Run inside ../shared/tools/gui/atspi_run.sh with the workbench started on a good file, e.g.
    atspi_run.sh "build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_bad_file_over_good.py /tmp/cut.xpt /tmp/shots en
It waits for the good file's rows, opens BAD through File > Open Data (Ctrl+O, the path typed
into the file dialog's name field, Enter: the same keys in every language), screenshots the
message as OUT/LANG-bad-file-message.png, prints its text, closes it, and screenshots the window
after as OUT/LANG-after-bad-file.png. Fails unless a message names the bad file and the window's
title still names the good file afterwards.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi import app  # noqa: E402
from atspi_support import do_action, find, find_all, require, screenshot, wait_for, xdotool  # noqa: E402

bad, out, language = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
workbench = app("creditmtl", secs=60)
frame = require(wait_for(lambda: find(workbench, "frame", showing=True), 30), "no workbench window")
require(wait_for(lambda: "lending_club" in (frame.name or ""), 60), f"the good file is not open: {frame.name!r}")
time.sleep(2)  # its rows reach the pages
good_title = frame.name
print(f"title with the good file: {good_title!r}")

# Under Xvfb without a window manager no window has the keyboard until one is given it.
xdotool("search", "--onlyvisible", "--class", "creditmtl", "windowfocus")
time.sleep(0.5)
xdotool("key", "ctrl+o")
dialog = require(wait_for(lambda: find(workbench, "dialog", showing=True), 15), "Ctrl+O opened no dialog")
time.sleep(1)
xdotool("type", "--delay", "20", bad)
time.sleep(0.5)
xdotool("key", "Return")


def message_box():
    for role in ("alert", "dialog"):
        for node in find_all(workbench, role, showing=True):
            texts = [n.name for n in find_all(node, "label", showing=True) if n.name]
            if any(os.path.basename(bad) in text for text in texts):
                return node, texts
    return None


found = require(wait_for(message_box, 30), "no message naming the bad file appeared")
box, texts = found
screenshot(os.path.join(out, f"{language}-bad-file-message.png"))
print("message:", " | ".join(texts))
buttons = [b for b in find_all(box, "push button", showing=True)]
require(buttons, "the message has no button")
do_action(buttons[-1])
require(wait_for(lambda: message_box() is None, 10), "the message did not close")
time.sleep(1)
screenshot(os.path.join(out, f"{language}-after-bad-file.png"))
print(f"title after: {frame.name!r}")
require(frame.name == good_title, f"the title changed from {good_title!r} to {frame.name!r}")
print("the good file stays open")
