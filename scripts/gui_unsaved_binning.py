#!/usr/bin/python3
"""Closing the workbench with unsaved Binning edits, as a user: screens the sample's features, merges two
bins, then presses Ctrl+Q; the workbench must ask before the edit is lost. Takes screenshots of the page and
of the question, answers Cancel and checks that the merged bins are still there.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_unsaved_binning.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import sys, time
from atspi import click, wait_for
from gui_binning_drive import Session, extents, find, find_all, xdo

s = Session(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
a, en, shot, summary_word = s.app, s.en, s.shot, s.summary_word
s.open_binning_page()
time.sleep(1.0)
s.screen_features()
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
