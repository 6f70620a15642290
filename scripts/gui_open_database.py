"""File > Open Database... driven as a user does: choose the SQLite file, Test Connection, pick the
table (its preview), a query the database refuses (its message), a WHERE query, Open, and the Data
page with the rows. Screenshots in OUT. Run with tools/gui/atspi_run.sh:
  atspi_run.sh "build/app/workbench/creditmtl" scripts/gui_open_database.py OUT en|zh_CN FILE.db
"""
import os, subprocess, sys, time
import pyatspi
from atspi import app, click, wait_for
from gui_binning_drive import find, xdo, extents

out, lang, database = sys.argv[1], sys.argv[2], sys.argv[3]
en = lang == "en"
T = (lambda english, chinese: english if en else chinese)
os.makedirs(out, exist_ok=True)


def shot(name):
    time.sleep(1.0)
    subprocess.run(["import", "-window", "root", os.path.join(out, name + ".png")], check=False)


def type_into(node, text):
    node.queryEditableText().setTextContents(text)


def press(node):
    try:
        click(node)
    except Exception as error:  # a button that opens or closes a modal dialog may raise a GError
        print("click:", error)


def wait_status(a, words, secs=60):
    return wait_for(lambda: any(w in status_text(a) for w in words), secs)


def status_text(a):
    label = find(a, "label", T("Connection status", "连接状态"))
    if label is None:
        return ""
    return label.description or ""  # the dialog puts its status there for screen readers


a = app("creditmtl", 60)
time.sleep(3)
# File > Open Database... through the menu bar's accessible items (the menu need not be open).
press(wait_for(lambda: find(a, "menu item", contains=T("Open Database", "打开数据库")), 30))
edit = wait_for(lambda: find(a, "text", T("SQLite database file", "SQLite 数据库文件")), 30)
type_into(edit, database)
press(find(a, "push button", T("Test the connection and list the tables", "测试连接并列出表")))
print("test:", wait_status(a, [T("Connected", "已连接"), T("failed", "失败")]), status_text(a))
# The list of tables: its first item, clicked where it is on the screen.
lists = []
def collect(n, depth=0):
    if n is None or depth > 30:
        return
    try:
        if n.getRoleName() == "list" and n.name == T("Tables and views", "表和视图"):
            lists.append(n)
        for c in n:
            collect(c, depth + 1)
    except Exception:
        return
collect(a)
item = lists[0][0]
x, y, w, h = extents(item)
xdo("mousemove", x + w // 2, y + h // 2)
xdo("click", 1)
print("preview:", wait_status(a, [T("The first", "前几行"), T("could not", "无法")]), status_text(a))
shot("1-table-preview")

press(find(a, "radio button", T("Read the rows of a query", "读取查询的行")))
query = find(a, "text", T("SELECT query", "SELECT 查询"))
type_into(query, "SELECT nope FROM loans")
press(find(a, "push button", T("Preview the first rows", "预览前几行")))
print("bad query:", wait_status(a, [T("could not be read", "无法读取")]), status_text(a))
shot("2-query-refused")

type_into(query, "SELECT * FROM loans WHERE grade = 'A'")
press(find(a, "push button", T("Preview the first rows", "预览前几行")))
print("query:", wait_status(a, [T("The first", "前几行")]), status_text(a))
shot("3-query-preview")
press(find(a, "push button", T("Open the rows in the workbench", "在工作台中打开这些行")))
time.sleep(8)
shot("4-data-page")
