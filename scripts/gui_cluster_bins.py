#!/usr/bin/python3
"""Run > Command Line for a Cluster... with bins grouped by hand, as a user gets there: Class made the
task on the Roles page, the sample's features screened on the Binning page and the strongest feature's
first two bins merged, WoE inputs turned on for every feature on the Settings page, then the dialog
opened from the Run menu: it shows the file the bins are saved to and both commands carry --binning.

    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_cluster_bins.py OUTDIR en|zh
"""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi import click, wait_for
from atspi_support import choose_in_combo, do_action, find_all as find_all_items, wait_find
from gui_binning_drive import Session, extents, find, xdo

s = Session(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
a, en, shot = s.app, s.en, s.shot


def T(english, chinese):
    return english if en else chinese


# Roles: Class is the binary task.
wait_find(a, 60, "combo box", T("Role of Class", "Class 的角色"))
roles = next(i for i in find_all_items(a, "list item", T("Roles", "角色")))
do_action(roles, ("Toggle", "Press", "click"))
choose_in_combo(a, T("Role of Class", "Class 的角色"), T("Task", "任务"))
wait_find(a, 10, "combo box", T("Positive class of Class", "Class 的正类"))

# Binning: screen, merge the first two bins of the feature shown (the strongest).
s.open_binning_page()
s.screen_features()
bins = find(a, "table", T("Bins", "分箱"))
e = extents(bins)
xdo("mousemove", e.x + 80, e.y + 38)
xdo("click", 1)
xdo("key", "shift+Down")
click(find(a, "push button", contains=T("Merge selected bins", "合并所选分箱")))
time.sleep(1.0)

# Settings: WoE inputs for every feature.
nav = find(a, "list", T("Pages", "页面"))
click(next(c for c in nav if c is not None and c.name == T("Settings", "设置")))
time.sleep(1.0)
mode = wait_for(lambda: find(a, "combo box", contains=T("None: scaled", "无：标准化")), 30)
m = extents(mode)
xdo("mousemove", m.x + m.width // 2, m.y + m.height // 2)
xdo("click", 1)
xdo("key", "Down")
xdo("key", "Return")
time.sleep(1.0)
note = find(a, "label", contains=T("Binning page", "分箱”页"))
print("settings note:", note.name if note else None, flush=True)

# The dialog.
item = wait_for(lambda: next((m for m in find_all_items(a, "menu item")
                              if (m.name or "").startswith(T("Command Line for a Cluster", "集群命令行"))), None), 10)
do_action(item, ("click", "Press", "press", "Toggle"))
dialog = wait_find(a, 10, "dialog", T("Command Line for a Cluster", "集群命令行"))
command = wait_find(dialog, 10, "text", T("Data-parallel command", "数据并行命令"))
single = wait_find(dialog, 10, "text", T("One-process command", "单进程命令"))
bins_file = wait_find(dialog, 10, "text", T("File of the bins grouped by hand", "手工分组的分箱所在的文件"))
print("bins file:", bins_file.queryText().getText(0, -1), flush=True)
print("command:", command.queryText().getText(0, -1), flush=True)
print("one process:", single.queryText().getText(0, -1), flush=True)
message = wait_find(dialog, 10, "label", T("Message", "消息"))
try:
    print("message:", message.queryText().getText(0, -1), flush=True)
except Exception as error:  # a label without the text interface: its name
    print("message:", message.name, error, flush=True)
if "--binning" not in command.queryText().getText(0, -1):
    sys.exit("the command does not carry --binning")
time.sleep(1.5)
shot(f"{sys.argv[2] if len(sys.argv) > 2 else 'en'}-cluster-command-bins")
print("done", flush=True)
