"""The Data page's CSV-only import options while a statistical file or a database table is shown:
disabled, with a tooltip saying why (the mouse rests on the delimiter). Screenshots in OUT. Run
with tools/gui/atspi_run.sh:
  atspi_run.sh "build/app/workbench/creditmtl FILE.sav" scripts/gui_csv_options.py OUT en|zh_CN stat
  atspi_run.sh "build/app/workbench/creditmtl" scripts/gui_csv_options.py OUT en|zh_CN db FILE.db
"""
import os, subprocess, sys, time
from atspi import app, click, wait_for
from gui_binning_drive import find, xdo, extents

out, lang, kind = sys.argv[1], sys.argv[2], sys.argv[3]
en = lang == "en"
T = (lambda english, chinese: english if en else chinese)
os.makedirs(out, exist_ok=True)


def shot(name):
    time.sleep(1.0)
    subprocess.run(["import", "-window", "root", os.path.join(out, name + ".png")], check=False)


def press(node):
    try:
        click(node)
    except Exception as error:  # a button that opens or closes a modal dialog may raise a GError
        print("click:", error)


a = app("creditmtl", 60)
time.sleep(4)
if kind == "db":
    press(wait_for(lambda: find(a, "menu item", contains=T("Open Database", "打开数据库")), 30))
    edit = wait_for(lambda: find(a, "text", T("SQLite database file", "SQLite 数据库文件")), 30)
    edit.queryEditableText().setTextContents(sys.argv[4])
    press(find(a, "push button", T("Test the connection and list the tables", "测试连接并列出表")))
    time.sleep(4)
    tables = []

    def collect(n, depth=0):  # the list itself (find skips item views)
        if n is None or depth > 30:
            return
        try:
            if n.getRoleName() == "list" and n.name == T("Tables and views", "表和视图"):
                tables.append(n)
            for c in n:
                collect(c, depth + 1)
        except Exception:
            return

    collect(a)
    x, y, w, h = extents(tables[0][0])
    xdo("mousemove", x + w // 2, y + h // 2)
    xdo("click", 1)
    time.sleep(4)
    press(find(a, "push button", T("Open the rows in the workbench", "在工作台中打开这些行")))
    time.sleep(8)

combo = wait_for(lambda: find(a, "combo box", contains=T("Delimiter", "分隔符")), 30)
print("delimiter combo:", combo.name, "enabled:", combo.getState().contains(__import__("pyatspi").STATE_ENABLED))
print("tooltip (description):", combo.description)
x, y, w, h = extents(combo)
xdo("mousemove", x + w // 2, y + h // 2)
time.sleep(3)
shot("csv-options-" + kind)
