#!/usr/bin/python3
"""Screenshots of Run > Reject Inference... before and after a parcelling run, as a user sees them.

The workbench is started on the accepts of scripts/reject_inference_split.py; Class is made the task
on the Roles page, the dialog is opened from the Run menu, the declined file typed in, parcelling with
factor 2 chosen and run; then Close, which asks about the unsaved card. Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry;
/work/shared/tools/gui in the lab):
    python3 scripts/reject_inference_split.py samples/lending_club.csv /tmp/acc.csv /tmp/dec.csv
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl /tmp/acc.csv" \
        scripts/gui_reject_inference.py OUTDIR en|zh /tmp/dec.csv
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import os, subprocess, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi_support import choose_in_combo, do_action, find, find_all, set_text, set_value, wait_find, wait_for
from atspi import app

out, lang, declined = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)
en = lang == "en"


def T(english, chinese):
    return english if en else chinese


def shot(name):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", os.path.join(out, f"{lang}-{name}.png")], check=False)


wait_find(a, 60, "combo box", T("Role of Class", "Class 的角色"))
roles = next(i for i in find_all(a, "list item", T("Roles", "角色")))
do_action(roles, ("Toggle", "Press", "click"))
choose_in_combo(a, T("Role of Class", "Class 的角色"), T("Task", "任务"))
positive = wait_find(a, 10, "combo box", T("Positive class of Class", "Class 的正类"))
print("positive class:", positive.name, flush=True)
item = wait_for(lambda: next((m for m in find_all(a, "menu item") if (m.name or "").startswith(T("Reject Inference", "拒绝推断"))), None), 10)
do_action(item, ("click", "Press", "press", "Toggle"))
dialog = wait_find(a, 10, "dialog", T("Reject Inference", "拒绝推断"))
set_text(wait_find(dialog, 10, "text", T("Declined applicants' file", "被拒申请人文件")), declined)
choose_in_combo(dialog, T("Method", "方法"), T("Parcelling", "分组打包"))
set_value(wait_find(dialog, 10, "spin button", T("Parcel factor", "打包系数")), 2.0)
shot("reject-inference-before")
do_action(wait_find(dialog, 10, "push button", T("Run reject inference", "运行拒绝推断")))
wait_for(lambda: find(dialog, "label", contains=T("Inferred bad rate", "推断坏账率"), showing=True), 120)
shot("reject-inference-after")
# Closing with the card not saved asks first.
do_action(wait_find(dialog, 10, "push button", T("Close", "关闭")))
wait_for(lambda: find(a, "label", contains=T("has not been saved", "尚未保存"), showing=True), 10)
shot("reject-inference-close-asks")
print("done", flush=True)
