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
from atspi import app, click, find, find_all, wait_for

out, lang, mode = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)
en = lang == "en"
pages = (["Start", "Data", "Roles", "Settings", "Training", "Results", "Runs", "Scoring"] if en else
         ["开始", "数据", "角色", "设置", "训练", "结果", "运行记录", "评分"])
nav = wait_for(lambda: find(a, "list", "Pages" if en else "页面"), 30)

def shot(name):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", os.path.join(out, f"{lang}-{name}.png")], check=False)

def show(index):
    click(next(c for c in nav if c is not None and c.name == pages[index]))
    time.sleep(1.0)

def choose_task(name):
    combo = find(a, "combo box", "Task:" if en else "任务:") or find(a, "combo box", contains="Task" if en else "任务")
    if combo is None:
        print("no task combo"); return
    for child in combo:
        for item in (child or []):
            if item is not None and item.name == name:
                click(item); time.sleep(1.0); return
    print("task not found:", name)

if mode == "train":
    wait_for(lambda: find(a, "combo box", "Role of annual_inc" if en else "annual_inc 的角色"), 60)
    train = wait_for(lambda: find(a, "push button", "Train" if en else "训练"), 20)
    click(train)
    wait_for(lambda: find(a, "label", contains="weights of epoch" if en else "的权重"), 300)
    show(4)
    shot("training")
show(5)
for task in ["Class", "grade", "int_rate"]:
    choose_task(task)
    shot(f"{mode}-results-{task}")
