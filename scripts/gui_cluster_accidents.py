#!/usr/bin/python3
"""Accidents around Run > Command Line for a Cluster... (bins grouped by hand): the wheel turned over
the Ranks box and over the command boxes, the dialog closed, then the workbench closed with the
edited bins unsaved: the Ranks value must not change under the wheel, and closing must ask.

    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_cluster_accidents.py OUTDIR en|zh
"""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi_support import do_action, find_all as find_all_items, wait_find, value_of
from gui_binning_drive import Session, find, extents, xdo

lang = sys.argv[2] if len(sys.argv) > 2 else "en"
s = Session(sys.argv[1], lang)
a, en, shot = s.app, s.en, s.shot


def T(english, chinese):
    return english if en else chinese


def wheel_over(node, clicks=3, button="5"):
    e = extents(node)
    xdo("mousemove", e.x + e.width // 2, e.y + e.height // 2)
    for _ in range(clicks):
        xdo("click", button)
        time.sleep(0.1)


s.open_binning_page()
s.screen_features()
s.merge_first_two_bins()
s.woe_every_feature()
dialog = s.open_cluster_dialog()
ranks = wait_find(dialog, 10, "spin button")
command = wait_find(dialog, 10, "text", T("Data-parallel command", "数据并行命令"))
before = value_of(ranks)
text_before = command.queryText().getText(0, -1)
wheel_over(ranks, 3, "5")
wheel_over(ranks, 2, "4")
wheel_over(command, 3, "5")
time.sleep(0.5)
after = value_of(ranks)
text_after = command.queryText().getText(0, -1)
print("ranks before", before, "after wheel", after, flush=True)
print("command unchanged:", text_before == text_after, flush=True)
shot(f"{lang}-cluster-after-wheel")
close = find(dialog, "push button", contains=T("Close", "关闭"))
do_action(close)
time.sleep(1)
# Closing the workbench with the bins grouped by hand not saved in a project: it must ask.
quit_item = next(m for m in find_all_items(a, "menu item") if (m.name or "").startswith(T("Quit", "退出")))
do_action(quit_item, ("click", "Press", "press", "Toggle"))
time.sleep(2)
asked = [d for d in find_all_items(a, "dialog") + find_all_items(a, "alert")]
print("asked on close:", [d.name for d in asked], flush=True)
shot(f"{lang}-close-with-unsaved-bins")
print("done", flush=True)
