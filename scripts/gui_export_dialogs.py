#!/usr/bin/python3
"""Screenshots of File > Export Model... and File > Export Report... after a run, as a user sees them;
the report of the unsaved run is exported (OUTDIR/LANG-unsaved-run.html).

Run with tools/gui/atspi_run.sh (Xvfb, session bus, AT-SPI registry; /work/shared/tools/gui in the lab):
    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_export_dialogs.py OUTDIR en|zh
where CFG/CreditMTL/creditmtl.conf holds [General] language=en (or zh_CN). The dialogs are opened
through their File menu items.
"""
import os, subprocess, sys, time
from atspi import app, click, dump, text_of, wait_for

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


def what_a_user_does_by_accident(dialog):
    """The wheel over the Format box leaves it as it is; the data file typed as the target is refused."""
    import pyatspi
    combo = find(dialog, "combo box")  # the first: Format (a combo box reads out its current text)
    before = combo.name
    e = combo.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(["xdotool", "mousemove", str(e.x + e.width // 2), str(e.y + e.height // 2)])
    for _ in range(3):
        subprocess.run(["xdotool", "click", "5"])
        time.sleep(0.3)
    print("format after the wheel:", combo.name, "(was", before + ")", flush=True)
    path = find(dialog, "text", "File to write" if en else "要写入的文件")
    path.queryEditableText().setTextContents(data_file)
    button = next(b for b in find_all(dialog, "push button") if (b.name or "").startswith("Export" if en else "导出"))
    click(button)
    status = wait_for(lambda: (find(dialog, "label", "Export status" if en else "导出状态") or None), 5)
    time.sleep(1)
    print("status after exporting over the data file:", status and text_of(status), flush=True)
    shot("export-model-over-data")
    print("data file still", os.path.getsize(data_file), "bytes", flush=True)


def export_the_unsaved_run(dialog):
    """The run is not saved: Model and Evaluated data start filled (a temporary copy, with a note);
    exporting writes the report."""
    for field in (("Model file", "模型文件"), ("Evaluated data file", "评估数据文件")):
        edit = find(dialog, "text", field[0] if en else field[1])
        print(field[0], "field:", edit and text_of(edit), flush=True)
    note = find(dialog, "label", contains="is not saved" if en else "尚未保存")
    print("model note:", note and text_of(note), flush=True)
    include = find(dialog, "check box", "Include the multi-task evidence" if en else "包含多任务证据")
    print("multi-task evidence check box:", include and include.name, flush=True)
    report = find(dialog, "text", "Report file (HTML)" if en else "报告文件（HTML）")
    target = os.path.abspath(os.path.join(out, f"{lang}-unsaved-run.html"))
    report.queryEditableText().setTextContents(target)
    button = next(b for b in find_all(dialog, "push button") if (b.name or "").startswith("Export" if en else "导出"))
    click(button)
    wait_for(lambda: os.path.exists(target) or None, 120)
    time.sleep(2)
    print("report written:", target, os.path.exists(target) and os.path.getsize(target), "bytes", flush=True)
    shot("export-report-saved")


data_file = os.path.abspath("samples/lending_club.csv")
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
    if name == "export-model" and dialog is not None:
        what_a_user_does_by_accident(dialog)
    if name == "export-report" and dialog is not None:
        export_the_unsaved_run(dialog)
    close = dialog and next((b for b in find_all(dialog, "push button") if b.name in ("Close", "关闭")), None)
    if close is not None:
        click(close)
    else:
        keys("Escape")
    wait_for(lambda: not any(d.name for d in find_all(a, "dialog")), 10)
