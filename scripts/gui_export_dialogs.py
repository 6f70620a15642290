#!/usr/bin/python3
"""Screenshots of File > Export Model... and File > Export Report... after a run, as a user sees them.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_export_dialogs.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN). The dialogs are opened
through their File menu items.
"""
import os, subprocess, sys, time
from atspi import app, click, dump, wait_for

from gui_find import find, find_all

out, lang = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)
en = lang == "en"


def shot(name):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", os.path.join(out, f"{lang}-{name}.png")], check=False)


def keys(*names):
    for k in names:
        subprocess.run(["xdotool", "key", k])
        time.sleep(0.6)


wait_for(lambda: find(a, "combo box", "Role of annual_inc" if en else "annual_inc 的角色"), 60)
train = wait_for(lambda: next((b for b in find_all(a, "push button")
                               if (b.name or "").startswith("Train" if en else "训练")), None), 20)
click(train)
wait_for(lambda: find(a, "label", contains="weights of epoch" if en else "的权重"), 300)
time.sleep(1)
menu_items = [("Export Model" if en else "导出模型", "export-model"),
              ("Export Report" if en else "导出报告", "export-report")]
for label, name in menu_items:
    item = next((m for m in find_all(a, "menu item") if (m.name or "").startswith(label)), None)
    print(name, "menu item:", item and item.name, flush=True)
    if item is None:
        continue
    try:
        click(item)  # opens a modal dialog: the accessibility call may not get its reply
    except Exception as e:
        print("click:", e)
    dialog = wait_for(lambda: next((d for d in find_all(a, "dialog") if d.name), None), 20)
    print(name, "dialog:", dialog and dialog.name, flush=True)
    if dialog is not None:
        with open(os.path.join(out, f"{lang}-{name}.tree.txt"), "w") as f:
            dump(dialog, out=f)
    shot(name)
    close = dialog and next((b for b in find_all(dialog, "push button") if b.name in ("Close", "关闭")), None)
    if close is not None:
        click(close)
    else:
        keys("Escape")
    wait_for(lambda: not any(d.name for d in find_all(a, "dialog")), 10)
