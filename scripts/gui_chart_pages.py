#!/usr/bin/python3
"""Screenshots of the chart pages as a user sees them: the Training page after a run (epoch log, kept epoch)
and the Results page for each task; or, started on a .cmtl model file, the Results page of a reopened model.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_chart_pages.py OUTDIR en|zh train
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl MODEL.cmtl" \
        scripts/gui_chart_pages.py OUTDIR en|zh model
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import os, subprocess, sys, time
from atspi import app, click, wait_for

from gui_find import find, find_all


out, lang, mode = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)
en = lang == "en"
pages = (["Start", "Data", "Roles", "Settings", "Training", "Results", "Runs", "Scoring"] if en else
         ["开始", "数据", "角色", "设置", "训练", "结果", "运行记录", "评分"])
nav = wait_for(lambda: find(a, "list", "Pages" if en else "页面"), 30)
print("navigation:", nav, flush=True)

def shot(name):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", os.path.join(out, f"{lang}-{name}.png")], check=False)

def show(index):
    click(next(c for c in nav if c is not None and c.name == pages[index]))
    time.sleep(1.0)

def choose_task(name):
    # The Task combo box (the only one on the Results page): focused by a click, the task typed.
    combo = next((c for c in find_all(a, "combo box") if c.queryComponent().getExtents(0).width > 0 and
                  c.queryComponent().getExtents(0).y < 120), None)
    if combo is None:
        print("no task combo"); return
    e = combo.queryComponent().getExtents(0)
    subprocess.run(["xdotool", "mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2), "click", "1"])
    time.sleep(0.7)
    subprocess.run(["xdotool", "type", "--delay", "80", name])
    subprocess.run(["xdotool", "key", "Return"])
    time.sleep(1.0)


if mode == "train":
    wait_for(lambda: find(a, "combo box", "Role of annual_inc" if en else "annual_inc 的角色"), 60)
    train = wait_for(lambda: next((b for b in find_all(a, "push button")
                                   if (b.name or "").startswith("Train" if en else "训练")), None), 20)
    print("train button:", train, flush=True)
    click(train)
    wait_for(lambda: find(a, "label", contains="weights of epoch" if en else "的权重"), 300)
    show(4)
    shot("training")
show(5)
for task in ["Class", "grade", "int_rate"]:
    choose_task(task)
    shot(f"{mode}-results-{task}")
