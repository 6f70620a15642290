#!/usr/bin/python3
"""Screenshots of the Scoring page's credit analytics as a user reaches them: a model trained on the sample,
a later file scored with points and three reasons per row, its stability against the loaded data (PSI/CSI),
and Run > Permutation Importance on the scored file.

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_scoring_analytics.py OUTDIR en|zh LATER.csv
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN), and LATER.csv is a file with the
sample's columns (e.g. its last rows under its header).
"""
import os, subprocess, sys, time
from atspi import app, click, wait_for
from gui_binning_drive import find, find_all  # the search that skips the cells of item views

out, lang, later = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
os.makedirs(out, exist_ok=True)
a = app("creditmtl", 60)
en = lang == "en"
T = (lambda e, z: e if en else z)


def shot(name):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", os.path.join(out, f"{lang}-{name}.png")], check=False)


def press(node):
    # A button that opens a modal dialog: the AT-SPI call may time out while the dialog runs.
    try:
        click(node)
    except Exception as error:
        print("click:", error, flush=True)


def type_path(path):
    time.sleep(2.0)
    subprocess.run(["xdotool", "key", "ctrl+a"])
    subprocess.run(["xdotool", "type", "--delay", "20", path])
    subprocess.run(["xdotool", "key", "Return"])


nav = wait_for(lambda: find(a, "list", T("Pages", "页面")), 30)
wait_for(lambda: find(a, "combo box", T("Role of annual_inc", "annual_inc 的角色")), 60)
train = wait_for(lambda: next((b for b in find_all(a, "push button")
                               if (b.name or "").startswith(T("Train", "训练"))), None), 20)
click(train)
wait_for(lambda: find(a, "label", contains=T("weights of epoch", "的权重")), 600)
print("trained", flush=True)

click(next(c for c in nav if c is not None and c.name == T("Scoring", "评分")))
time.sleep(1.0)
click(wait_for(lambda: find(a, "check box", T("Points", "分值")), 20))
click(find(a, "check box", T("Reasons (top K)", "原因（前 K 个）")))
print("points and reasons checked", flush=True)
press(find(a, "push button", contains=T("Score a CSV file", "为 CSV 文件评分")))
type_path(later)
wait_for(lambda: find(a, "push button", contains=T("Compare with the", "与已载入数据比较")).getState().contains(
    __import__("pyatspi").STATE_ENABLED) or None, 300)
# The reason and points columns follow the predictions: to the last column, as a user scrolls.
table = find(a, "table", T("Predictions", "预测结果"))
if table is not None:
    e = table.queryComponent().getExtents(0)
    subprocess.run(["xdotool", "mousemove", str(e.x + 120), str(e.y + 60), "click", "1"])
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "End"])
shot("scoring-points-reasons")

press(find(a, "push button", contains=T("Compare with the", "与已载入数据比较")))
wait_for(lambda: find(a, "label", contains=T("Stability of", "的稳定性")), 300)
shot("scoring-stability")

# Run > Permutation Importance…, on the scored file.
press(find(a, "menu item", contains=T("Permutation", "置换重要性")) or find(a, "menu", T("Run", "运行")))
dialog = wait_for(lambda: find(a, "dialog", contains=T("Permutation", "置换重要性")), 5)
if dialog is None:
    # The menu item is reached through its menu: open the menu with the keyboard.
    subprocess.run(["xdotool", "key", "alt+r"])
    time.sleep(1.0)
    press(wait_for(lambda: find(a, "menu item", contains=T("Permutation", "置换重要性")), 10))
    dialog = wait_for(lambda: find(a, "dialog", contains=T("Permutation", "置换重要性")), 20)
combo = find(dialog, "combo box", T("Data to measure on", "用于度量的数据"))
e = combo.queryComponent().getExtents(0)
subprocess.run(["xdotool", "mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2), "click", "1"])
time.sleep(0.7)
subprocess.run(["xdotool", "key", "Down", "Return"])
time.sleep(0.7)
click(find(dialog, "push button", contains=T("Compute", "计算")))
wait_for(lambda: find(dialog, "label", contains=T("Permutation importance on", "上的置换重要性")), 600)
shot("importance")
print("done", flush=True)
