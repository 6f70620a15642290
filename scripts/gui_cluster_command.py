#!/usr/bin/python3
"""Screenshot of Run > Command Line for a Cluster... as a user sees it.

Class is made the task on the Roles page and the dialog opened from the Run menu. Run with
tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_cluster_command.py OUTDIR en|zh [TEST_FILE]
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN). With TEST_FILE, it is
typed into the Settings page's separate test file first (the commands then carry --test) and the
screenshot is named LANG-cluster-command-test-file.png.
"""
import os, subprocess, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi_support import (centre, choose_in_combo, do_action, find, find_all, set_text, value_of, wait_find,
                           wait_for, xdotool)
from atspi import app

out, lang = sys.argv[1], sys.argv[2]
test_file = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)
en = lang == "en"


def T(english, chinese):
    return english if en else chinese


wait_find(a, 60, "combo box", T("Role of Class", "Class 的角色"))
roles = next(i for i in find_all(a, "list item", T("Roles", "角色")))
do_action(roles, ("Toggle", "Press", "click"))
choose_in_combo(a, T("Role of Class", "Class 的角色"), T("Task", "任务"))
wait_find(a, 10, "combo box", T("Positive class of Class", "Class 的正类"))
if test_file:
    settings = next(i for i in find_all(a, "list item", T("Settings", "设置")))
    do_action(settings, ("Toggle", "Press", "click"))
    set_text(wait_find(a, 10, "text", T("Separate test file", "单独的测试文件")), test_file)
item = wait_for(lambda: next((m for m in find_all(a, "menu item")
                              if (m.name or "").startswith(T("Command Line for a Cluster", "集群命令行"))), None), 10)
do_action(item, ("click", "Press", "press", "Toggle"))
dialog = wait_find(a, 10, "dialog", T("Command Line for a Cluster", "集群命令行"))
command = wait_find(dialog, 10, "text", T("Data-parallel command", "数据并行命令"))
print("command:", command.queryText().getText(0, -1), flush=True)
# What a user does by accident: the wheel turned over the Ranks box, which has no focus. The
# number of ranks, and so the command, must stay as they are.
ranks = wait_find(dialog, 10, "spin button", T("Ranks (processes) of mpirun", "mpirun 的进程数（rank）"))
before, before_command = value_of(ranks), command.queryText().getText(0, -1)
x, y = centre(ranks)
xdotool("mousemove", x, y)
for button in ("4", "4", "4", "5"):
    xdotool("click", button)
    time.sleep(0.1)
unchanged = command.queryText().getText(0, -1) == before_command
print(f"ranks before the wheel {before:g}, after {value_of(ranks):g}; command unchanged: {unchanged}", flush=True)
if value_of(ranks) != before or not unchanged:
    sys.exit("the wheel changed the number of ranks")
time.sleep(1.5)
subprocess.run(["import", "-window", "root", os.path.join(out, f"{lang}-cluster-command{'-test-file' if test_file else ''}.png")], check=False)
print("done", flush=True)
