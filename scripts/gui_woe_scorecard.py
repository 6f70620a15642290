#!/usr/bin/python3
"""Drives the workbench under Xvfb as a user: screens the sample's features on the Binning page, merges the
strongest feature's first two bins, turns WoE inputs on for every feature on the Settings page (which then says
the edited bins are used), and opens the Binning page's scorecard (the points table); a screenshot after each step.

    atspi_run.sh "env XDG_CONFIG_HOME=CFG build/app/workbench/creditmtl samples/lending_club.csv" \
        scripts/gui_woe_scorecard.py OUTDIR en|zh
"""
import sys, time
from atspi import click, wait_for
from gui_binning_drive import Session, extents, find, xdo

s = Session(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
a, en, shot = s.app, s.en, s.shot
s.open_binning_page()
s.screen_features()
s.merge_first_two_bins()
shot("woe-1-binning-merged")

# The Settings page: WoE inputs, every feature.
m = extents(s.woe_every_feature())
# The wheel over the page's margin scrolls it down to the WoE group's note.
xdo("mousemove", m.x - 300, m.y - 200)
for _ in range(8):
    xdo("click", 5)
note = find(a, "label", contains="Binning page" if en else "分箱”页")
print("note:", note.name if note else None)
shot("woe-2-settings")

# Back to the Binning page: the scorecard.
nav = find(a, "list", "Pages" if en else "页面")
click(next(c for c in nav if c is not None and c.name == ("Binning" if en else "分箱")))
time.sleep(1.0)
try:
    click(find(a, "push button", "Build scorecard" if en else "生成评分卡"))
except Exception as error:  # a dialog opened through AT-SPI may raise a GError
    print("click:", error)
summary = wait_for(lambda: find(a, "label", contains="points at odds" if en else "比率"), 120)
print("summary:", summary.name if summary else None)
warnings = find(a, "label", contains="Warnings:" if en else "警告：")
print("warnings:", warnings.name if warnings else None)
shot("woe-3-scorecard")
