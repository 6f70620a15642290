#!/usr/bin/python3
"""Closing the workbench with unsaved Binning edits, as a user: screens the sample's features, merges two
bins, then presses Ctrl+Q; the workbench must ask before the edit is lost. Takes screenshots of the page and
of the question, answers Cancel and checks that the merged bins are still there.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_unsaved_binning.py OUTDIR en|zh
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
time.sleep(1.0)
click(find(a, "push button", contains="Screen features" if en else "筛选特征"))
summary_word = "Trend:" if en else "趋势："
wait_for(lambda: find(a, "label", contains=summary_word), 120)
bins = find(a, "table", "Bins" if en else "分箱")
e = extents(bins)
xdo("mousemove", e.x + 80, e.y + 38)
xdo("click", 1)
xdo("key", "shift+Down")
click(find(a, "push button", contains="Merge selected bins" if en else "合并所选分箱"))
time.sleep(1.0)
merged = find(a, "label", contains=summary_word).name
print("after merge:", merged)
shot("unsaved-1-merged")
xdo("key", "ctrl+q")
time.sleep(2.0)
shot("unsaved-2-close-asked")
dialog = find(a, "dialog") or find(a, "alert")
print("dialog:", dialog.name if dialog else None)
if dialog:
    for b in find_all(dialog, "push button"):
        print("  button:", b.name)
    cancel = find(dialog, "push button", contains="Cancel" if en else "取消")
    click(cancel)
    time.sleep(1.0)
    still = find(a, "label", contains=summary_word)
    print("after cancel:", still.name if still else None, "| unchanged:", still is not None and still.name == merged)
    shot("unsaved-3-after-cancel")
else:
    print("NO QUESTION: the workbench closed or did not ask")
