#!/usr/bin/python3
"""Run > Command Line for a Cluster... with bins grouped by hand of a column that is no WoE input, as
a user gets there: the sample's features screened on the Binning page, the strongest column's first
two bins merged (int_rate, which is a task of the sample's roles, not an input), then the third
column's (a feature), WoE inputs turned on for every feature on the Settings page, then the dialog
opened from the Run menu. It fails unless the dialog says the task's bins are not used and the
commands still carry --binning (the feature's bins).

    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_cluster_unused_bins.py OUTDIR en|zh
"""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi_support import wait_find
from gui_binning_drive import Session, extents, find, xdo

lang = sys.argv[2] if len(sys.argv) > 2 else "en"
s = Session(sys.argv[1], lang)
a, T = s.app, s.T

s.open_binning_page()
s.screen_features()
s.merge_first_two_bins()  # the strongest column: int_rate, a task
# The third row of the screening table (the second is grade, a task too): a feature.
table = find(a, "table", T("Screening table", "筛选表"))
e = extents(table)
xdo("mousemove", e.x + 60, e.y + 38)
xdo("click", 1)
xdo("key", "Down")
xdo("key", "Down")
time.sleep(1.0)
s.merge_first_two_bins()
dialog, command = s.cluster_dialog_with_woe()
message = wait_find(dialog, 10, "label", T("Message", "消息"))
unused = wait_find(dialog, 10, "label", T("Bins grouped by hand that are not used", "未使用的手工分组分箱"))


def text(label):
    try:
        return label.queryText().getText(0, -1)
    except Exception:  # a label without the text interface: its name
        return label.name


print("command:", command.queryText().getText(0, -1), flush=True)
print("message:", text(message), flush=True)
print("not used:", text(unused), flush=True)
time.sleep(1.5)
s.shot(f"{lang}-cluster-command-unused-bins")
if "--binning" not in command.queryText().getText(0, -1):
    sys.exit("the command does not carry --binning")
# The labels' text is not read through AT-SPI here (their accessible name comes back): the Settings
# page's note ends with the dialog's sentence (tst_clustercommand checks they are the same).
note = find(a, "label", contains=T("Binning page", "分箱”页"))
if not note or "int_rate" not in note.name.split(T("are not used:", "不会被使用："))[-1]:
    sys.exit("the Settings page does not say that int_rate's bins are not used")
print("done", flush=True)
