#!/usr/bin/python3
"""Drives the workbench's Binning page under Xvfb through AT-SPI and xdotool, as a user: screens the sample's
features against its binary task, looks at the strongest feature's bins, merges two bins, types a bad split
boundary and a good one, and takes a screenshot after each step.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_binning_page.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import os, subprocess, sys, time
import pyatspi
from atspi import app, click, wait_for

SKIP = {"table", "tree table", "list"}


def find_all(node, role=None, name=None, contains=None):
    hits = []
    def rec(n, depth):
        if n is None or depth > 40: return
        try:
            r = n.getRoleName(); nm = n.name
        except Exception:
            return
        if (role is None or r == role) and (name is None or nm == name) and (contains is None or contains.lower() in (nm or "").lower()):
            hits.append(n)
        if r in SKIP: return
        try:
            for c in n: rec(c, depth + 1)
        except Exception:
            return
    rec(node, 0)
    return hits


def find(node, role=None, name=None, contains=None):
    h = find_all(node, role, name, contains)
    return h[0] if h else None


out = sys.argv[1]
lang = sys.argv[2] if len(sys.argv) > 2 else "en"
en = lang == "en"
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)


def shot(name):
    time.sleep(1.0)
    subprocess.run(["import", "-window", "root", os.path.join(out, name + ".png")], check=False)


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True)
    time.sleep(0.3)


nav = wait_for(lambda: find(a, "list", "Pages" if en else "页面"), 30)
wait_for(lambda: find(a, "combo box", "Role of annual_inc" if en else "annual_inc 的角色"), 60)
page = next(c for c in nav if c is not None and c.name == ("Binning" if en else "分箱"))
click(page)
xdo("key", "super+Up")  # no-op without a window manager
time.sleep(1.0)
shot("binning-0-empty")
click(find(a, "push button", contains="Screen features" if en else "筛选特征"))
summary_word = "Trend:" if en else "趋势："
label = wait_for(lambda: find(a, "label", contains=summary_word), 120)
print("summary:", label.name if label else None)
shot("binning-1-screened")

# Select the first two bins (click, then Shift+Down) and merge them.
bins = find(a, "table", "Bins" if en else "分箱")
e = extents(bins)
row_y = e.y + 38  # below the header: the first row
xdo("mousemove", e.x + 80, row_y)
xdo("click", 1)
xdo("key", "shift+Down")
click(find(a, "push button", contains="Merge selected bins" if en else "合并所选分箱"))
time.sleep(1.0)
print("after merge:", find(a, "label", contains=summary_word).name)
shot("binning-2-merged")

# A bad boundary: a message says what is wrong.
xdo("mousemove", e.x + 80, row_y)
xdo("click", 1)
edit = find(a, "text", "Split boundary" if en else "拆分边界")
ex = extents(edit)
xdo("mousemove", ex.x + 20, ex.y + ex.height // 2)
xdo("click", 1)
xdo("type", "abc")
click(find(a, "push button", contains="Split bin" if en else "拆分分箱"))
time.sleep(1.0)
msg = find(a, "label", contains="not a number" if en else "不是数字")
print("message:", msg.name if msg else None)
shot("binning-3-bad-boundary")
