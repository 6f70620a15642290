#!/usr/bin/python3
"""The mouse-wheel accident, tried on every page: after a short training run, turns the wheel (xdotool)
over every spin box and combo box on screen on each page in turn and prints any whose value changed,
and whether the window title gained the unsaved-changes mark. A careful user scrolling a page must
not change a setting by passing over it.

    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_wheel_every_control.py OUTDIR en|zh_CN
"""
import sys, time
import pyatspi
from atspi import click, wait_for
from gui_binning_drive import Session, extents, find, find_all, xdo

session = Session(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
a, zh = session.app, not session.en

def showing(node):
    try:
        states = node.getState()
        return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def value_of(node):
    try:
        return node.queryValue().currentValue
    except Exception:
        pass
    try:
        return node.queryText().getText(0, -1)
    except Exception:
        return node.name


def wheel_over(node, clicks=3, button="5"):
    e = extents(node)
    xdo("mousemove", e.x + e.width // 2, e.y + e.height // 2)
    for _ in range(clicks):
        xdo("click", button)


def frame_title():
    frame = find(a, "frame")
    return frame.name if frame is not None else ""


nav = wait_for(lambda: find(a, "list", "页面" if zh else "Pages"), 30)
pages = (["开始", "数据", "角色", "设置", "训练", "结果", "运行记录", "评分", "分箱"] if zh else
         ["Start", "Data", "Roles", "Settings", "Training", "Results", "Runs", "Scoring", "Binning"])


def show(name):
    item = next((c for c in nav if c is not None and c.name == name), None)
    if item is None:
        return False
    click(item)
    time.sleep(1.0)
    return True


wait_for(lambda: find(a, "combo box", "annual_inc 的角色" if zh else "Role of annual_inc"), 60)
# A short run, so that the Results and Scoring pages have their controls.
show(pages[3])
epochs = next((s for s in find_all(a, "spin button") if s.name and ("轮数" in s.name or "Epochs" in s.name)), None)
epochs.queryValue().currentValue = 3
time.sleep(0.5)
train = find(a, "push button", contains="训练") if zh else find(a, "push button", "Train")
click(train)
print("trained:", wait_for(lambda: find(a, "label", contains="运行 1" if zh else "Run 1"), 180) is not None)
title_before = frame_title()
print("title before:", title_before)

changed, tried = [], 0
# Tabs whose controls are hidden until the tab is chosen: each is wheeled as a view of its own.
views = [(page, None) for page in pages]
views.insert(pages.index(pages[5]) + 1, (pages[5], "成本截断点" if zh else "Cost cut-off"))
views.insert(pages.index(pages[5]) + 2, (pages[5], "收益表" if zh else "Gains table"))
for page, tab in views:
    if not show(page):
        print("page not found:", page)
        continue
    if tab is not None:
        tab_node = find(a, "page tab", tab)
        if tab_node is None:
            print("tab not found:", tab)
            continue
        click(tab_node)
        time.sleep(1.0)
    controls = [n for role in ("spin button", "combo box") for n in find_all(a, role) if showing(n)]
    frame = extents(find(a, "frame"))
    controls = [n for n in controls if 0 <= extents(n).y < frame.y + frame.height - 10][:40]
    before = [(n.getRoleName(), n.name, value_of(n)) for n in controls]
    for n in controls:
        wheel_over(n, 3, "5")
        wheel_over(n, 1, "4")
    after = [value_of(n) for n in controls]
    tried += len(controls)
    for (role, name, v0), v1 in zip(before, after):
        if v0 != v1:
            changed.append((page, tab, role, name, v0, v1))
    view = page if tab is None else f"{page} / {tab}"
    print(f"{view}: {len(controls)} controls wheeled")
    session.shot("wheel-" + str(views.index((page, tab))))
print("controls wheeled:", tried)
print("changed by the wheel:", changed if changed else "none")
print("title after:", frame_title(), "(unchanged)" if frame_title() == title_before else "(CHANGED)")
