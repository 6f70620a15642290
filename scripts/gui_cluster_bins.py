#!/usr/bin/python3
"""Run > Command Line for a Cluster... with bins grouped by hand, as a user gets there: the sample's
features screened on the Binning page and the strongest feature's
first two bins merged, WoE inputs turned on for every feature on the Settings page, then the dialog
opened from the Run menu: it shows the file the bins are saved to and both commands carry --binning.

    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_cluster_bins.py OUTDIR en|zh
"""
import os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from atspi_support import wait_find
from gui_binning_drive import Session

s = Session(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
a, en, shot = s.app, s.en, s.shot


def T(english, chinese):
    return english if en else chinese


# Class is the sample's binary task. Binning: screen, merge the strongest feature's first two bins;
# Settings: WoE inputs for every feature.
s.open_binning_page()
s.screen_features()
s.merge_first_two_bins()
dialog, command = s.cluster_dialog_with_woe()
single = wait_find(dialog, 10, "text", T("One-process command", "单进程命令"))
bins_file = wait_find(dialog, 10, "text", T("File of the bins grouped by hand", "手工分组的分箱所在的文件"))
print("bins file:", bins_file.queryText().getText(0, -1), flush=True)
print("command:", command.queryText().getText(0, -1), flush=True)
print("one process:", single.queryText().getText(0, -1), flush=True)
message = wait_find(dialog, 10, "label", T("Message", "消息"))
try:
    print("message:", message.queryText().getText(0, -1), flush=True)
except Exception as error:  # a label without the text interface: its name
    print("message:", message.name, error, flush=True)
if "--binning" not in command.queryText().getText(0, -1):
    sys.exit("the command does not carry --binning")
time.sleep(1.5)
shot(f"{sys.argv[2] if len(sys.argv) > 2 else 'en'}-cluster-command-bins")
print("done", flush=True)
