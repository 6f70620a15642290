#!/usr/bin/python3
"""Drives the real workbench under Xvfb through AT-SPI, as a user with a mouse wheel and a screen reader:
turns the wheel (xdotool) over a Role combo box and the Settings spin boxes and prints their values before and
after (they must not change), trains a short run, and takes a screenshot of every page.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_wheel_and_pages.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN).
"""
import os, subprocess, sys, time
import pyatspi
from atspi import app, click, text_of, wait_for

SKIP = {"table", "tree table", "list"}  # item views: thousands of cells

def find_all(node, role=None, name=None, contains=None, into_lists=False):
    hits = []
    def rec(n, depth):
        if n is None or depth > 40: return
        try:
            r = n.getRoleName(); nm = n.name
        except Exception:
            return
        if (role is None or r == role) and (name is None or nm == name) and (contains is None or contains.lower() in (nm or "").lower()):
            hits.append(n)
        if r in SKIP and not (into_lists and r == "list"):
            return
        try:
            for c in n: rec(c, depth + 1)
        except Exception:
            return
    rec(node, 0)
    return hits

def find(node, role=None, name=None, contains=None, into_lists=False):
    h = find_all(node, role, name, contains, into_lists)
    return h[0] if h else None

def dump(node, depth=0, out=sys.stdout, max_children=40):
    try:
        out.write("  " * depth + f"[{node.getRoleName()}] {node.name!r}\n")
        if node.getRoleName() in SKIP: return
        for i, c in enumerate(node):
            if i >= max_children: break
            if c is not None: dump(c, depth + 1, out, max_children)
    except Exception:
        pass


out = sys.argv[1]
lang = sys.argv[2] if len(sys.argv) > 2 else "en"
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)

def shot(name):
    time.sleep(1.0)
    subprocess.run(["import", "-window", "root", os.path.join(out, name + ".png")], check=False)

def centre(node):
    e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x + e.width // 2, e.y + e.height // 2

def wheel_over(node, clicks=3):
    x, y = centre(node)
    subprocess.run(["xdotool", "mousemove", str(x), str(y)], check=True)
    time.sleep(0.3)
    for _ in range(clicks):
        subprocess.run(["xdotool", "click", "5"], check=True)
        time.sleep(0.15)
    time.sleep(0.5)

def value_of(node):
    try:
        return node.queryValue().currentValue
    except NotImplementedError:
        return node.queryText().getText(0, -1) if node else None

nav = wait_for(lambda: find(a, "list", "Pages" if lang == "en" else "页面"), 30)
print("navigation:", nav)
pages_en = ["Start", "Data", "Roles", "Settings", "Training", "Results", "Runs", "Scoring"]
pages_zh = ["开始", "数据", "角色", "设置", "训练", "结果", "运行记录", "评分"]
pages = pages_en if lang == "en" else pages_zh

def show(index):
    item = next((c for c in nav if c is not None and c.name == pages[index]), None)
    click(item)
    time.sleep(1.0)

# Wait for the sample to load (the Roles editors exist).
role_name = "Role of annual_inc" if lang == "en" else "annual_inc 的角色"
wait_for(lambda: find(a, "combo box", role_name), 60)
show(2)
combo = wait_for(lambda: find(a, "combo box", role_name), 20)
summary_word = "task(s), " if lang == "en" else "个任务，"
summary_before = find(a, "label", contains=summary_word).name
shot("3-roles-before-wheel")
wheel_over(combo, 3)
print("roles summary before/after wheel:", summary_before, "/", find(a, "label", contains=summary_word).name)
combo2 = find(a, "combo box", role_name)
print("role combo after wheel: found =", combo2 is not None)
shot("3-roles-after-wheel")

show(3)
spin_name = "Learning rate" if lang == "en" else "学习率"
spins = find_all(a, "spin button")
print("spin buttons:", [s.name for s in spins][:30])
rate = next((s for s in spins if s.name and spin_name in s.name), None)
if rate is not None:
    v0 = rate.queryValue().currentValue
    wheel_over(rate, 3)
    v1 = rate.queryValue().currentValue
    print("learning rate before/after wheel:", v0, v1)
epochs = next((s for s in spins if s.name and ("Epochs" in s.name or "轮数" in s.name)), None)
if epochs is not None:
    e0 = epochs.queryValue().currentValue
    wheel_over(epochs, 3)
    print("epochs before/after wheel:", e0, epochs.queryValue().currentValue)
shot("4-settings-after-wheel")

for i, name in enumerate(["1-start", "2-data", "3-roles", "4-settings"]):
    show(i)
    shot(name)
# A short training: 4 epochs, started with the toolbar's Train button.
show(3)
spins = find_all(a, "spin button")
epochs = next((s for s in spins if s.name and ("Epochs" in s.name or "轮数" in s.name)), None)
epochs.queryValue().currentValue = 4
time.sleep(0.5)
train = find(a, "push button", "Train" if lang == "en" else "训练(T)") or find(a, "push button", contains="训练")
print("train button:", train)
click(train)
done = wait_for(lambda: find(a, "label", contains="Run 1" if lang == "en" else "运行 1"), 120)
print("trained:", done is not None)
for i, name in [(4, "5-training"), (5, "6-results"), (6, "7-runs"), (7, "8-scoring")]:
    show(i)
    shot(name)
# Results: the Class task's calibration tab and the score distribution.
show(5)
tab = find(a, "page tab", "Calibration" if lang == "en" else "校准")
if tab:
    click(tab); shot("6-results-calibration")
tab = find(a, "page tab", "Score distribution" if lang == "en" else "得分分布")
if tab:
    click(tab); shot("6-results-distribution")
with open(os.path.join(out, "tree.txt"), "w") as f:
    show(2)
    dump(a, out=f, max_children=400)
