#!/usr/bin/python3
"""Drives the workbench's Binning page under Xvfb through AT-SPI and xdotool, as a user: screens the sample's
features against its binary task, looks at the strongest feature's bins, merges two bins, types a bad split
boundary and a good one, and takes a screenshot after each step.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_binning_page.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import sys, time
from atspi import click, wait_for
from gui_binning_drive import Session, extents, find, find_all, xdo

s = Session(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
a, en, shot, summary_word = s.app, s.en, s.shot, s.summary_word
s.open_binning_page()
xdo("key", "super+Up")  # no-op without a window manager
time.sleep(1.0)
shot("binning-0-empty")
label = s.screen_features()
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
